"""The sitemap of published items, one entry per language an item exists in."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Count, Max
from django.utils.functional import cached_property

from apps.core import edge
from apps.core.generation import kept_for_generation


class ItemsInLanguages:
    """The (item, language) pairs of an i18n sitemap, sliced in the database.

    Django's Sitemap builds the list of every pair in Python, so a sitemap index over
    100,000 articles would load them all (seconds) to count its pages. A pair whose
    language the item is not shown in (the "hide" translation policy) is left out of its
    page: pages are counted as if every item had every language, and may come out shorter.
    """

    def __init__(self, queryset, languages):
        self.queryset, self.languages = queryset, list(languages)

    def count(self):
        return self.stats["count"] * len(self.languages)

    @cached_property
    def stats(self):
        """The number of items and their latest change: one aggregate, once per generation."""
        model = self.queryset.model
        return kept_for_generation(
            f"sitemap:{model._meta.label}",
            lambda: self.queryset.aggregate(count=Count("pk"), latest=Max("updated_at")),
        )

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        per_item = len(self.languages)
        first_item = index.start // per_item
        items = self.queryset[first_item : -(-index.stop // per_item)]
        pairs = [(item, language) for item in items for language in self.languages]
        skip = index.start - first_item * per_item
        return [
            (item, language)
            for item, language in pairs[skip : skip + index.stop - index.start]
            if item.is_shown_in_language(language)
        ]


class PublishedSitemap(Sitemap):
    """Every published item of a model, with its last change as lastmod."""

    model = None
    # Each <url> carries every language's alternate: 1,000 per page keeps a page quick.
    limit = 1000
    # One <url> per language, each listing the others as hreflang alternates.
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        edge.lists(self.model)
        # Published in any language: each pair of an item and a language is then kept only
        # where the language policy shows it (public() would use the request's language).
        return (
            self.model.objects.published()
            .order_by("pk")
            .only("pk", "slug", "updated_at", self.model.translation_field)
        )

    def get_languages_for_item(self, item):
        """The languages the item is shown in: its hreflang alternates."""
        return [code for code in self._languages() if item.is_shown_in_language(code)]

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return self._items().stats["latest"]

    def _items(self):
        # Overrides Sitemap._items (private), which would list every pair in Python.
        if not hasattr(self, "_pairs"):
            self._pairs = ItemsInLanguages(self.items(), self._languages())
        return self._pairs
