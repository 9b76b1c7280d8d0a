"""The site search across every kind of public item."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "apps.search"
    verbose_name = _("Search")
    #: Promoted results are an editor's decision (apps/newsroom/roles.py).
    editors_only_models = {"searchpromotion"}
