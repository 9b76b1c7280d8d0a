from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "apps.core"
    verbose_name = _("Publishing and media")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_delete

        from apps.core.models import Document, Photo
        from apps.core.signals import delete_stored_files

        post_delete.connect(delete_stored_files, sender=Photo)
        for model in apps.get_models():
            if issubclass(model, Document):
                post_delete.connect(delete_stored_files, sender=model)


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with the newsroom's site (dashboard on the front page)."""

    default = False
    default_site = "apps.core.admin_site.NewsroomAdminSite"
