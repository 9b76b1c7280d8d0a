"""The site's languages: their names, the fallback order, and the languages texts are written in."""

from django.conf import settings
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _


def localized(path, language=None):
    """An expression for a translated column in the current language (or `language`), falling
    back in the order the site falls back: for `annotate()`, where the model's descriptors do
    not reach, and for the indexes that serve such an ordering."""
    current = language or get_language() or settings.LANGUAGE_CODE
    order = [current, *(c for c in settings.MODELTRANSLATION_FALLBACK_LANGUAGES if c != current)]
    return Coalesce(
        *(NullIf(f"{path}_{code}", Value("")) for code in order),
        Value(""),
        output_field=models.TextField(),
    )


def language_name(code):
    """“English”, or “английский” when the page is in Russian."""
    return get_language_info(code)["name_translated"]


def site_languages():
    return [code for code, _name in settings.LANGUAGES]


class Language(models.TextChoices):
    """Languages of texts: the organisation's working language and its members'."""

    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")
    ARMENIAN = "hy", _("Armenian")
    BELARUSIAN = "be", _("Belarusian")
    KAZAKH = "kk", _("Kazakh")
    KYRGYZ = "ky", _("Kyrgyz")
    TAJIK = "tg", _("Tajik")
