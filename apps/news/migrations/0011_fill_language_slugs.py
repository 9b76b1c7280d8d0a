from django.conf import settings
from django.db import migrations
from django.db.models import F, Q

MODELS = [
    ("news", "Article"),
    ("events", "Event"),
    ("agreements", "Agreement"),
    ("organisations", "Organisation"),
    ("organisations", "Person"),
]


def fill_language_slugs(apps, schema_editor):
    """Existing items keep their address in every language."""
    for app_label, name in MODELS:
        model = apps.get_model(app_label, name)
        for code, _name in settings.LANGUAGES:
            column = f"slug_{code}"
            model.objects.filter(Q(**{f"{column}__isnull": True}) | Q(**{column: ""})).update(
                **{column: F("slug")}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0010_article_former_slugs_article_slug_en_article_slug_ru_and_more"),
        ("events", "0008_event_former_slugs_event_slug_en_event_slug_ru_and_more"),
        ("agreements", "0009_agreement_former_slugs_agreement_slug_en_and_more"),
        ("organisations", "0007_organisation_former_slugs_organisation_slug_en_and_more"),
    ]

    operations = [migrations.RunPython(fill_language_slugs, migrations.RunPython.noop)]
