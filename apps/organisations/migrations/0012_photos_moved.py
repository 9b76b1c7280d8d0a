import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Photos now live in the media app: the state follows, the table stays as it is."""

    dependencies = [
        ('organisations', '0011_newest_indexes'),
        ('media', '0001_photo_moved_from_core'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='person',
                    name='photo',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='media.photo', verbose_name='portrait'),
                ),
            ],
            database_operations=[],
        ),
    ]
