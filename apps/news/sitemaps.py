"""The news in the sitemap: the fixed pages, sections and articles."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from apps.core.sitemaps import PublishedSitemap
from apps.news.models import Article, Section


class ArticleSitemap(PublishedSitemap):
    model = Article

    def items(self):
        return (
            Article.objects.published()
            .select_related("section")
            .only("pk", "slug", "updated_at", "title", "section__slug")
            .order_by("pk")
        )


class SectionSitemap(Sitemap):
    i18n = alternates = x_default = True

    def items(self):
        return Section.objects.all()


class PagesSitemap(Sitemap):
    i18n = alternates = x_default = True

    def items(self):
        return ["news:home", "news:article_list", "news:article_archive"]

    def location(self, item):
        return reverse(item)
