"""The publishing vocabulary's app, and how it learns which apps hold public content."""

from django.apps import AppConfig, apps
from django.core import checks
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "apps.core"
    verbose_name = _("Publishing")

    def ready(self):
        from apps.core import edge

        checks.register(check_publishable_apps_declare_public_content)
        edge.watch(public_content_models())


def holds_public_content(app_config):
    """Whether the app declares `public_content = True` on its AppConfig: its models are what
    visitors read, so the content generation and the newsroom's roles cover them."""
    return getattr(app_config, "public_content", False)


def public_content_models():
    return [
        model
        for config in apps.get_app_configs()
        if holds_public_content(config)
        for model in config.get_models()
    ]


def check_publishable_apps_declare_public_content(app_configs=None, **kwargs):
    """An app with publishable items that forgot its declaration would have scheduled items
    that never refresh the cached pages, and no role that may write them."""
    from apps.core.models import Publishable

    return [
        checks.Error(
            f"{model._meta.label} is publishable, but its app does not declare "
            "`public_content = True` on its AppConfig.",
            obj=model,
            id="core.E001",
        )
        for model in apps.get_models()
        if issubclass(model, Publishable) and not holds_public_content(model._meta.app_config)
    ]
