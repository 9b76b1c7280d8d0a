import django.db.models.deletion
import django.db.models.functions.text
from django.db import migrations, models

from apps.core.relabel import relabel


class Migration(migrations.Migration):
    """Promoted search results move from the news app with their table, rows and permissions."""

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('reversion', '0002_add_index_on_version_for_content_type_and_db'),
        ('news', '0017_sync_roles'),
        ('core', '0009_photo_renditions_beside_original'),
        ('organisations', '0011_newest_indexes'),
        ('events', '0011_newest_indexes'),
        ('agreements', '0012_newest_indexes'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SearchPromotion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('query', models.CharField(help_text='Shown when a visitor searches for exactly these words (any case).', max_length=200, verbose_name='search query')),
                        ('object_id', models.PositiveBigIntegerField(verbose_name='item number')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                        ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype', verbose_name='kind')),
                    ],
                    options={
                        'verbose_name': 'promoted search result',
                        'verbose_name_plural': 'promoted search results',
                        'db_table': 'news_searchpromotion',
                        'ordering': ['query', 'order'],
                        'indexes': [models.Index(django.db.models.functions.text.Lower('query'), name='search_promotion_query_idx')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(*relabel("news", "search", "searchpromotion")),
    ]
