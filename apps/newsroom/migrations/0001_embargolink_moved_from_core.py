import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from apps.core.relabel import relabel


class Migration(migrations.Migration):
    """Embargo links move from the core app with their table, rows and permissions."""

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('reversion', '0002_add_index_on_version_for_content_type_and_db'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('core', '0009_photo_renditions_beside_original'),
        # After every migration of the previous layout, whose role syncs know 'core'.
        ('news', '0017_sync_roles'),
        ('organisations', '0011_newest_indexes'),
        ('events', '0011_newest_indexes'),
        ('agreements', '0012_newest_indexes'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='EmbargoLink',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('object_id', models.PositiveBigIntegerField()),
                        ('recipient', models.CharField(help_text='Who receives the link, for example “Sputnik, Astana bureau” or “Press service of the Ministry of Foreign Affairs of Kazakhstan”.', max_length=200, verbose_name='for')),
                        ('expires_at', models.DateTimeField(help_text='The link stops working at this moment.', verbose_name='expires at')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('revoked_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='revoked at')),
                        ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                        ('created_by', models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                        ('revoked_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='revoked by')),
                    ],
                    options={
                        'verbose_name': 'embargo link',
                        'verbose_name_plural': 'embargo links',
                        'db_table': 'core_embargolink',
                        'ordering': ['-created_at'],
                        'indexes': [models.Index(fields=['content_type', 'object_id'], name='embargo_item_idx')],
                        'constraints': [models.CheckConstraint(condition=models.Q(('expires_at__gt', models.F('created_at'))), name='embargo_expires_after_creation', violation_error_message='The link must expire in the future.')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(*relabel("core", "newsroom", "embargolink")),
    ]
