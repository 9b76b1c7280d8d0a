from django.db import migrations


class Migration(migrations.Migration):
    """Photos and embargo links left for the media and newsroom apps, with their tables."""

    dependencies = [
        ('core', '0009_photo_renditions_beside_original'),
        ('media', '0001_photo_moved_from_core'),
        ('newsroom', '0001_embargolink_moved_from_core'),
        ('events', '0012_photos_moved'),
        ('news', '0018_photos_and_promotions_moved'),
        ('organisations', '0012_photos_moved'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='embargolink',
                    name='content_type',
                ),
                migrations.RemoveField(
                    model_name='embargolink',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='embargolink',
                    name='revoked_by',
                ),
                migrations.DeleteModel(
                    name='Photo',
                ),
                migrations.DeleteModel(
                    name='EmbargoLink',
                ),
            ],
            database_operations=[],
        ),
    ]
