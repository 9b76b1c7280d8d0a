"""News: sections and articles, the home page, the archive and the feeds."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "apps.news"
    verbose_name = _("News")
    #: Articles and sections are what visitors read (apps/core/apps.py).
    public_content = True
    #: The site's structure: only site administrators change it (apps/newsroom/roles.py).
    structure_models = {"section"}
    #: Editorial decisions that authors leave to editors.
    editors_only_models = {"correction"}
