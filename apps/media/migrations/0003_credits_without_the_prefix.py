from django.db import migrations

from apps.media.models import bare_credit

CREDIT_COLUMNS = ("credit", "credit_ru", "credit_en")


def strip_prefixes(apps, schema_editor):
    """Credits saved before the prefix was removed on save: “© Фото: X” becomes “X”, once,
    so that pages print the stored credit as it is."""
    Photo = apps.get_model("media", "Photo")
    for photo in Photo.objects.only("pk", *CREDIT_COLUMNS).iterator():
        changed = {}
        for column in CREDIT_COLUMNS:
            value = getattr(photo, column)
            if value and bare_credit(value) != value:
                changed[column] = bare_credit(value)
        if changed:
            Photo.objects.filter(pk=photo.pk).update(**changed)


class Migration(migrations.Migration):
    dependencies = [("media", "0002_credit_is_the_rights_holder")]

    operations = [migrations.RunPython(strip_prefixes, migrations.RunPython.noop)]
