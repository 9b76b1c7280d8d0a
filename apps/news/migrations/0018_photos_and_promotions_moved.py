import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Photos now live in the media app and promoted results in the search app: the state follows,
    the tables stay as they are."""

    dependencies = [
        ('media', '0001_photo_moved_from_core'),
        ('search', '0001_searchpromotion_moved_from_news'),
        ('news', '0017_sync_roles'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='article',
                    name='main_image',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='articles', to='media.photo', verbose_name='main photo'),
                ),
                migrations.AlterField(
                    model_name='articlephoto',
                    name='photo',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='media.photo', verbose_name='photo'),
                ),
                migrations.DeleteModel(
                    name='SearchPromotion',
                ),
            ],
            database_operations=[],
        ),
    ]
