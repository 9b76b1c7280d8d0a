"""Articles: slugs unique within a section, the source link, the wire dateline."""

from datetime import UTC, date, datetime

import pytest
from django.db import IntegrityError

from tests.factories import ArticleFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_slug_is_unique_within_a_section():
    article = ArticleFactory(slug="meeting")
    with pytest.raises(IntegrityError, match="article_slug_unique_in_section"):
        ArticleFactory(slug="meeting", section=article.section)


def test_same_slug_in_another_section_is_allowed():
    ArticleFactory(slug="meeting")
    assert ArticleFactory(slug="meeting").pk


def test_source_link_needs_a_source_name():
    with pytest.raises(IntegrityError, match="article_source_link_has_name"):
        ArticleFactory(source_name="", source_url="https://example.org/")


def test_dateline_reads_like_the_wire():
    sputnik = OrganisationFactory(name="Sputnik", short_name="Sputnik", kind="media")
    article = ArticleFactory(
        dateline_city="Astana", dateline_date=date(2023, 3, 1), dateline_agency=sputnik
    )
    assert article.dateline == "ASTANA, March 1 - Sputnik"


def test_dateline_defaults_to_the_publication_date_in_the_site_time_zone():
    # 22:30 UTC on 28 February is already 1 March in Moscow.
    article = ArticleFactory(
        dateline_city="Moscow", published_at=datetime(2023, 2, 28, 22, 30, tzinfo=UTC)
    )
    assert article.dateline == "MOSCOW, March 1"


def test_no_dateline_without_a_city():
    assert ArticleFactory(dateline_city="").dateline == ""


def test_dateline_opens_the_first_paragraph():
    article = ArticleFactory(
        dateline_city="Astana", dateline_date=date(2023, 3, 1), body="<p>The CSTO said.</p>"
    )
    assert article.body_with_dateline == (
        '<p><span class="article__dateline">ASTANA, March 1.</span> The CSTO said.</p>'
    )


def test_dateline_is_escaped():
    article = ArticleFactory(dateline_city="<b>X</b>", body="<p>Text</p>")
    assert "<b>" not in article.body_with_dateline
    assert "&lt;B&gt;X&lt;/B&gt;" in article.body_with_dateline
