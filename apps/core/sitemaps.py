from django.contrib.sitemaps import Sitemap


class PublishedSitemap(Sitemap):
    """Every published item of a model, with its last change as lastmod."""

    model = None
    limit = 10000

    def items(self):
        return self.model.objects.published().order_by("pk").only("pk", "slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at
