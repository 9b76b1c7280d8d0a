import apps.media.models
import django.core.validators
from django.db import migrations, models

from apps.core.relabel import relabel


class Migration(migrations.Migration):
    """The photo library moves from the core app with its table, rows, permissions and revisions."""

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('reversion', '0002_add_index_on_version_for_content_type_and_db'),
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
                    name='Photo',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('image', apps.media.models.PhotoImageField(height_field='height', help_text='JPEG, PNG, WebP or GIF. Location and camera data are removed when it is saved.', upload_to=apps.media.models.photo_upload_to, validators=[apps.media.models.validate_photo], verbose_name='image file', width_field='width')),
                        ('width', models.PositiveIntegerField(editable=False, null=True)),
                        ('height', models.PositiveIntegerField(editable=False, null=True)),
                        ('file_size', models.PositiveBigIntegerField(editable=False, null=True, verbose_name='file size')),
                        ('alt_text', models.CharField(blank=True, help_text='What the picture shows, for people who cannot see it (for example: “Two men shaking hands at a conference table”).', max_length=300, verbose_name='alternative text')),
                        ('alt_text_ru', models.CharField(blank=True, help_text='What the picture shows, for people who cannot see it (for example: “Two men shaking hands at a conference table”).', max_length=300, null=True, verbose_name='alternative text')),
                        ('alt_text_en', models.CharField(blank=True, help_text='What the picture shows, for people who cannot see it (for example: “Two men shaking hands at a conference table”).', max_length=300, null=True, verbose_name='alternative text')),
                        ('caption', models.CharField(blank=True, help_text='Shown under the picture. Usually the people, place and occasion.', max_length=500, verbose_name='caption')),
                        ('caption_ru', models.CharField(blank=True, help_text='Shown under the picture. Usually the people, place and occasion.', max_length=500, null=True, verbose_name='caption')),
                        ('caption_en', models.CharField(blank=True, help_text='Shown under the picture. Usually the people, place and occasion.', max_length=500, null=True, verbose_name='caption')),
                        ('credit', models.CharField(blank=True, help_text='Who holds the rights, as printed after “© Photo :”, for example “Press Service of the Ministry of Industry and Trade of Russia”.', max_length=300, verbose_name='credit')),
                        ('credit_ru', models.CharField(blank=True, help_text='Who holds the rights, as printed after “© Photo :”, for example “Press Service of the Ministry of Industry and Trade of Russia”.', max_length=300, null=True, verbose_name='credit')),
                        ('credit_en', models.CharField(blank=True, help_text='Who holds the rights, as printed after “© Photo :”, for example “Press Service of the Ministry of Industry and Trade of Russia”.', max_length=300, null=True, verbose_name='credit')),
                        ('source', models.CharField(blank=True, help_text='The organisation or agency that supplied the picture.', max_length=300, verbose_name='source')),
                        ('licence', models.CharField(choices=[('handout', 'Handout: free for editorial use with the credit'), ('all-rights-reserved', 'All rights reserved: this use only'), ('cc-by-4.0', 'Creative Commons Attribution 4.0'), ('public-domain', 'Public domain')], default='handout', max_length=30, verbose_name='licence')),
                        ('licence_notes', models.CharField(blank=True, help_text='Anything else about reuse: embargo, “not for commercial use”, expiry.', max_length=500, verbose_name='reuse terms')),
                        ('taken_on', models.DateField(blank=True, null=True, verbose_name='date taken')),
                        ('focal_x', models.FloatField(default=50, help_text='Where the important part is, from the left edge: crops keep it in view.', validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100)], verbose_name='focal point, across (%)')),
                        ('focal_y', models.FloatField(default=50, help_text='From the top edge.', validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100)], verbose_name='focal point, down (%)')),
                        ('renditions', models.JSONField(default=list, editable=False)),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='uploaded')),
                    ],
                    options={
                        'verbose_name': 'photo',
                        'verbose_name_plural': 'photos',
                        'db_table': 'core_photo',
                        'ordering': ['-created_at'],
                        'permissions': [('publish_photo', 'Can change photos shown on the public site')],
                        'constraints': [models.CheckConstraint(condition=models.Q(('focal_x__gte', 0), ('focal_x__lte', 100), ('focal_y__gte', 0), ('focal_y__lte', 100)), name='photo_focal_point_inside'), models.CheckConstraint(condition=models.Q(('licence__in', ['handout', 'all-rights-reserved', 'cc-by-4.0', 'public-domain'])), name='photo_licence_valid')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(*relabel("core", "media", "photo")),
    ]
