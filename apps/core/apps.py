"""The publishing vocabulary's app, and how it learns which apps hold public content."""

from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "apps.core"
    verbose_name = _("Publishing")


def public_content_apps():
    """The apps that declare `public_content = True` on their AppConfig: their models are
    what visitors read, so the newsroom's roles and the content generation cover them."""
    return [config for config in apps.get_app_configs() if getattr(config, "public_content", False)]


def public_content_models():
    return [model for config in public_content_apps() for model in config.get_models()]
