from django.db import migrations

from apps.newsroom.roles import sync_roles


class Migration(migrations.Migration):
    """Countries and subjects become reference data (Authors view them); changing a photo
    that a public item shows needs the new publish_photo right (Editors)."""

    dependencies = [
        ("news", "0016_newest_indexes"),
        ("core", "0008_photo_publish_permission"),
        ("organisations", "0011_newest_indexes"),
        ("agreements", "0012_newest_indexes"),
        ("events", "0011_newest_indexes"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
