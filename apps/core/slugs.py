"""Addresses in Latin letters: transliteration, one slug per language, and the old ones kept.

A renamed item keeps answering at its former addresses (`former_slugs`), which redirect.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from apps.core.languages import site_languages

# Russian (and the Cyrillic letters of the member states' languages) in Latin letters,
# close to the ICAO passport transliteration that the CSTO's own English site uses.
CYRILLIC_TO_LATIN = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "ie",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "і": "i",
    "ў": "u",
    "ҷ": "j",
    "ҳ": "h",
    "ӣ": "i",
    "ӯ": "u",
    "ҝ": "g",
}


def transliterate(text):
    """Cyrillic letters as Latin ones; everything else unchanged."""
    out = []
    for char in text:
        latin = CYRILLIC_TO_LATIN.get(char.lower())
        if latin is None:
            out.append(char)
        else:
            out.append(latin.capitalize() if char.isupper() else latin)
    return "".join(out)


def latin_slug(text, max_length=None):
    """A slug in Latin letters, transliterated from Cyrillic: no percent-encoded URLs."""
    slug = slugify(transliterate(text))
    return slug[:max_length].rstrip("-") if max_length else slug


SLUG_HELP = _(
    "The last part of the address, in Latin letters. Leave it empty to make it from the "
    "title; a changed address keeps redirecting from the old one."
)


class TranslatedSlugs(models.Model):
    """An item addressed by a slug in every language, made from its title when left empty."""

    former_slugs = ArrayField(
        models.CharField(max_length=120),
        default=list,
        blank=True,
        editable=False,
        help_text="Addresses the item had before: they redirect to the current one.",
    )

    class Meta:
        abstract = True

    #: The text a slug is made from (and whose presence means a language version exists).
    translation_field = "title"
    #: Other fields a slug must be unique together with (the article's section).
    slug_scope = ()

    def save(self, *args, **kwargs):
        self.fill_slugs()
        super().save(*args, **kwargs)
        self._stored_slugs = self.language_slugs()

    @classmethod
    def from_db(cls, db, field_names, values):
        item = super().from_db(db, field_names, values)
        item._stored_slugs = item.language_slugs()
        return item

    def language_slugs(self):
        return {code: self.__dict__.get(f"slug_{code}") or "" for code in site_languages()}

    def fill_slugs(self):
        """Every language gets a Latin slug: its own title's, else the other languages' one.

        A slug changed by an editor keeps the old one in `former_slugs`, which redirects.
        """
        slugs = self.language_slugs()
        fallback = slugs.get(settings.LANGUAGE_CODE) or next((s for s in slugs.values() if s), "")
        for code, slug in slugs.items():
            if slug:
                continue
            title = (
                self.__dict__.get(f"{self.translation_field}_{code}")
                or self.__dict__.get(self.translation_field)
                or ""
            )
            base = (
                fallback
                if fallback and not self.__dict__.get(f"{self.translation_field}_{code}")
                else latin_slug(title, 100)
            )
            setattr(self, f"slug_{code}", self._unique_slug(base, code))
        stored = getattr(self, "_stored_slugs", {})
        for code, old in stored.items():
            if old and old != self.__dict__.get(f"slug_{code}") and old not in self.former_slugs:
                self.former_slugs = [*self.former_slugs, old]

    def others_in_slug_scope(self):
        """The other items whose slugs this one's must differ from (same section...)."""
        return (
            type(self)
            ._base_manager.exclude(pk=self.pk)
            .filter(**{name: getattr(self, name) for name in self.slug_scope})
        )

    def _unique_slug(self, base, code):
        base = base or "item"
        others = self.others_in_slug_scope()
        slug, number = base, 1
        while others.filter(**{f"slug_{code}": slug}).exists():
            number += 1
            slug = f"{base[:110]}-{number}"
        return slug
