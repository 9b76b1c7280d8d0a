"""The newsroom: admin site, dashboard, roles, two-factor sign-in, embargo links, backups."""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "apps.newsroom"
    verbose_name = _("Newsroom")
    #: Editorial decisions that authors leave to editors (apps/newsroom/roles.py).
    editors_only_models = {"embargolink"}


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with the newsroom's site (dashboard on the front page)."""

    default = False
    default_site = "apps.newsroom.admin_site.NewsroomAdminSite"
