"""News feeds: RSS and Atom parse and carry the photo credit; pages announce their feeds."""

import feedparser
import pytest
from django.urls import reverse

from tests.pages import html_of

pytestmark = pytest.mark.django_db


def test_feeds_parse_and_carry_the_photo_credit(client, world):
    for name in ["news:feed_rss", "news:feed_atom"]:
        feed = feedparser.parse(html_of(client, reverse(name)))
        assert not feed.bozo, feed.bozo_exception
        entry = feed.entries[0]
        assert entry.title == "Live story"
        assert entry.link.endswith(world["article"].get_absolute_url())
        assert "© Photo: Press Service" in entry.summary
        enclosure = next(link for link in entry.links if link.rel == "enclosure")
        assert enclosure.href.startswith("http://testserver/media/photos/")
        assert enclosure.type == "image/jpeg"
    events = feedparser.parse(html_of(client, reverse("events:feed_rss")))
    assert not events.bozo
    assert [e.title for e in events.entries] == ["Live session"]


def test_pages_announce_their_feeds(client, world):
    home = html_of(client, reverse("news:home"))
    assert (
        f'type="application/rss+xml" title="All news (RSS)" href="{reverse("news:feed_rss")}"'
        in home
    )
    section = html_of(client, world["section"].get_absolute_url())
    assert reverse("news:section_feed_rss", args=["news"]) in section
    organisation = html_of(client, world["body"].get_absolute_url())
    assert reverse("news:organisation_feed_rss", args=[world["body"].slug]) in organisation
