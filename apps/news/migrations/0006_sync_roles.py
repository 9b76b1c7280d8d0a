from django.db import migrations

from apps.newsroom.roles import sync_roles


class Migration(migrations.Migration):
    """Give the roles the permissions of the models added since 0002 (photos, documents)."""

    dependencies = [
        ("news", "0005_articleattachment_articlephoto_and_more"),
        ("events", "0004_eventphoto"),
        ("agreements", "0005_officialtext_content_type_officialtext_file_size_and_more"),
        ("core", "0003_photo_file_size_photo_focal_x_photo_focal_y_and_more"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
