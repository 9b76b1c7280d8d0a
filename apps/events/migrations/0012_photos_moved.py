import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Photos now live in the media app: the state follows, the table stays as it is."""

    dependencies = [
        ('events', '0011_newest_indexes'),
        ('media', '0001_photo_moved_from_core'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='eventphoto',
                    name='photo',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='media.photo', verbose_name='photo'),
                ),
            ],
            database_operations=[],
        ),
    ]
