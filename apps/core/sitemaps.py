from django.contrib.sitemaps import Sitemap


class PublishedSitemap(Sitemap):
    """Every published item of a model, with its last change as lastmod."""

    model = None
    limit = 5000
    # One <url> per language, each listing the others as hreflang alternates.
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return self.model.objects.published().order_by("pk").only("pk", "slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at
