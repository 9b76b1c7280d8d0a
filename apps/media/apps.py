"""The photo library and attached documents."""

from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "apps.media"
    verbose_name = _("Photos and documents")
    #: Photos are printed on public pages (apps/core/apps.py).
    public_content = True

    def ready(self):
        from django.db.models.signals import post_delete

        from apps.media.models import Document, Photo
        from apps.media.signals import delete_stored_files

        post_delete.connect(delete_stored_files, sender=Photo)
        for model in apps.get_models():
            if issubclass(model, Document):
                post_delete.connect(delete_stored_files, sender=model)
