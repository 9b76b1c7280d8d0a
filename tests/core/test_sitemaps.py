"""Sitemaps stay quick on a large archive: pages sliced in the database, few queries."""

import pytest
from django.urls import reverse

from apps.core.sitemaps import ItemsInLanguages
from apps.news.models import Article
from tests.factories import ArticleFactory
from tests.pages import html_of

pytestmark = pytest.mark.django_db


def test_pages_of_pairs_are_those_django_would_list():
    ArticleFactory.create_batch(5)
    queryset = Article.objects.order_by("pk")
    pairs = ItemsInLanguages(queryset, ["ru", "en"])
    everything = [(item, language) for item in queryset for language in ["ru", "en"]]
    assert pairs.count() == len(pairs) == 10
    for start, stop in [(0, 3), (3, 7), (7, 10), (9, 10), (0, 10)]:
        assert pairs[start:stop] == everything[start:stop]


def test_the_index_does_not_grow_with_the_archive(client, django_assert_max_num_queries):
    ArticleFactory.create_batch(30)
    with django_assert_max_num_queries(8):
        index = client.get(reverse("sitemap"))
    assert index.status_code == 200
    assert "sitemap-articles.xml" in index.content.decode()
    page = client.get(reverse("sitemap_section", args=["articles"]))
    assert page.content.decode().count("<url>") == 60  # 30 articles in two languages


def test_sitemap_index_and_sections(client, world):
    index = html_of(client, reverse("sitemap"))
    for section in ["articles", "events", "agreements", "organisations", "people"]:
        assert f"sitemap-{section}.xml" in index
    articles = html_of(client, reverse("sitemap_section", args=["articles"]))
    assert world["article"].get_absolute_url() in articles
    assert "<lastmod>" in articles


def test_sitemaps_are_well_formed_xml(client, world):
    from xml.etree import ElementTree

    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    index = ElementTree.fromstring(client.get(reverse("sitemap")).content)
    locations = [loc.text for loc in index.iter(f"{namespace}loc")]
    assert len(locations) == 7
    for location in locations:
        path = location.removeprefix("http://testserver")
        urlset = ElementTree.fromstring(client.get(path).content)
        assert urlset.tag == f"{namespace}urlset"
