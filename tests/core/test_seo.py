"""Search and sharing metadata: schema.org JSON-LD, breadcrumbs, canonical and Open Graph."""

import re

import pytest

from tests.factories import (
    ArticleFactory,
)
from tests.pages import html_of, json_ld_blocks

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("key", "schema_type"),
    [
        ("article", "NewsArticle"),
        ("event", "Event"),
        ("agreement", "Legislation"),
        ("body", "Organization"),
    ],
)
def test_pages_carry_schema_org_data_and_breadcrumbs(client, world, key, schema_type):
    html = html_of(client, world[key].get_absolute_url())
    blocks = json_ld_blocks(html)
    types = {block["@type"] for block in blocks}
    assert schema_type in types
    assert "BreadcrumbList" in types
    assert '<link rel="canonical" href="http://testserver' in html
    assert '<meta property="og:title"' in html


def test_json_ld_cannot_be_broken_out_of(client):
    article = ArticleFactory(title="</script><script>alert(1)</script>")
    html = html_of(client, article.get_absolute_url())
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        assert "<" not in block
    assert "<script>alert(1)</script>" not in html
