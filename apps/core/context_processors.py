"""What every public template knows: the site's name and the same page in each language."""

from django.conf import settings
from django.urls import translate_url
from django.utils.functional import cached_property
from django.utils.translation import get_language

from apps.core.seo import site_path


def site(request):
    return {"SITE_NAME": settings.SITE_NAME}


def languages(request):
    """The same page in every language, for the switcher and hreflang links.

    Views whose addresses differ per language (translated slugs) put `alternate_urls`
    ({code: url}) in their context; `language_links` then uses those.
    """
    current = get_language()
    path = site_path(request.get_full_path())
    return {
        "language_links": [
            LanguageLink(code, name, path, current=code == current)
            for code, name in settings.LANGUAGES
        ]
    }


class LanguageLink:
    """This page in one language; its address is worked out only if a template asks."""

    def __init__(self, code, name, path, current):
        self.code, self.name, self.path, self.current = code, name, path, current

    @cached_property
    def url(self):
        return translate_url(self.path, self.code)
