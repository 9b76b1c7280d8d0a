from django.db import migrations


class Migration(migrations.Migration):
    """unaccent() is only STABLE; generated search columns need an IMMUTABLE wrapper.

    The dictionary is named explicitly, which is what makes the wrapper safe to mark
    immutable (the documented PostgreSQL idiom).
    """

    dependencies = [("core", "0004_photo_alt_text_en_photo_alt_text_ru_photo_caption_en_and_more")]

    operations = [
        migrations.RunSQL(
            sql="""
                CREATE OR REPLACE FUNCTION public.immutable_unaccent(text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
            """,
            reverse_sql="DROP FUNCTION IF EXISTS public.immutable_unaccent(text);",
        )
    ]
