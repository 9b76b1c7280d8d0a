"""Drafts, scheduled and expired items appear on no public surface, and every surface is sane."""

import json
import re
from datetime import date

import feedparser
import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    EventFactory,
    OrganisationFactory,
    PartyFactory,
    PersonFactory,
    PhotoFactory,
    SectionFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db

HIDDEN_STATES = ["draft", "scheduled", "expired"]


def html_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


@pytest.fixture
def world(db):
    """One live item of each kind, all linked, in a section, with an organisation and a state."""
    section = SectionFactory(slug="news", name="News")
    state = StateFactory(slug="russian-federation")
    body = OrganisationFactory(slug="csc", name="Collective Security Council")
    event = EventFactory(
        title="Live session", organiser=body, start_date=date(2099, 1, 1), end_date=date(2099, 1, 2)
    )
    agreement = AgreementFactory(title="Live treaty", adopting_body=body)
    PartyFactory(agreement=agreement, state=state)
    article = ArticleFactory(section=section, title="Live story", main_image=PhotoFactory())
    article.organisations.add(body)
    article.events.add(event)
    article.agreements.add(agreement)
    return {
        "section": section,
        "state": state,
        "body": body,
        "event": event,
        "agreement": agreement,
        "article": article,
    }


def public_surfaces(world):
    section, body, state = world["section"], world["body"], world["state"]
    return [
        reverse("news:home"),
        reverse("news:article_list"),
        section.get_absolute_url(),
        reverse("news:article_archive"),
        reverse("news:article_archive_year", args=[world["article"].published_at.year]),
        world["article"].get_absolute_url(),
        reverse("news:feed_rss"),
        reverse("news:feed_atom"),
        reverse("news:section_feed_rss", args=[section.slug]),
        reverse("news:organisation_feed_atom", args=[body.slug]),
        reverse("events:event_list"),
        reverse("events:event_calendar_month", args=[2099, 1]),
        reverse("events:upcoming_ics"),
        reverse("events:feed_rss"),
        world["event"].get_absolute_url(),
        reverse("agreements:agreement_list"),
        reverse("agreements:state_agreements", args=[state.slug]),
        world["agreement"].get_absolute_url(),
        reverse("organisations:organisation_list"),
        reverse("organisations:person_list"),
        body.get_absolute_url(),
        reverse("sitemap_section", args=["articles"]),
        reverse("sitemap_section", args=["events"]),
        reverse("sitemap_section", args=["agreements"]),
        reverse("sitemap_section", args=["organisations"]),
        reverse("sitemap_section", args=["people"]),
    ]


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_unpublished_items_appear_on_no_public_surface(client, world, state):
    hidden = [
        ArticleFactory(**{state: True}, section=world["section"], title="Hidden story zq"),
        EventFactory(
            **{state: True},
            title="Hidden session zq",
            organiser=world["body"],
            start_date=date(2099, 1, 1),
            end_date=date(2099, 1, 1),
        ),
        AgreementFactory(**{state: True}, title="Hidden treaty zq", adopting_body=world["body"]),
        OrganisationFactory(**{state: True}, name="Hidden body zq", parent=world["body"]),
        PersonFactory(**{state: True}, name="Hidden person zq"),
    ]
    PartyFactory(agreement=hidden[2], state=world["state"])
    for item in hidden[1:]:
        getattr(
            world["article"],
            type(item)._meta.verbose_name_plural.replace(" ", "")
            if type(item)._meta.model_name != "person"
            else "people",
        ).add(item)
    slugs = [item.slug for item in hidden]
    for url in public_surfaces(world):
        content = html_of(client, url)
        assert "zq" not in content, url
        for slug in slugs:
            assert slug not in content, (url, slug)
    for item in hidden:
        assert client.get(item.get_absolute_url()).status_code == 404


def test_feeds_parse_and_carry_the_photo_credit(client, world):
    for name in ["news:feed_rss", "news:feed_atom"]:
        feed = feedparser.parse(html_of(client, reverse(name)))
        assert not feed.bozo, feed.bozo_exception
        entry = feed.entries[0]
        assert entry.title == "Live story"
        assert entry.link.endswith(world["article"].get_absolute_url())
        assert "© Photo : Press Service" in entry.summary
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


def test_sitemap_index_and_sections(client, world):
    index = html_of(client, reverse("sitemap"))
    for section in ["articles", "events", "agreements", "organisations", "people"]:
        assert f"sitemap-{section}.xml" in index
    articles = html_of(client, reverse("sitemap_section", args=["articles"]))
    assert world["article"].get_absolute_url() in articles
    assert "<lastmod>" in articles


def test_robots_txt_points_to_the_sitemap(client):
    text = html_of(client, "/robots.txt")
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def json_ld_blocks(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


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


def test_news_article_json_ld_has_image_with_credit(client, world):
    (article,) = [
        block
        for block in json_ld_blocks(html_of(client, world["article"].get_absolute_url()))
        if block["@type"] == "NewsArticle"
    ]
    assert article["headline"] == "Live story"
    assert article["image"]["creditText"].startswith("Press Service")
    assert article["about"][0]["name"] == "Collective Security Council"


def test_json_ld_cannot_be_broken_out_of(client):
    article = ArticleFactory(title="</script><script>alert(1)</script>")
    html = html_of(client, article.get_absolute_url())
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        assert "<" not in block
    assert "<script>alert(1)</script>" not in html


def test_person_json_ld(client):
    person = PersonFactory(name="Imangali Tasmagambetov", rank="")
    blocks = json_ld_blocks(html_of(client, person.get_absolute_url()))
    assert {"@type": "Person"}.items() <= next(b for b in blocks if b["@type"] == "Person").items()


def test_event_ical_download_is_valid(client, world):
    response = client.get(reverse("events:event_ical", args=[world["event"].slug]))
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Live session"
    assert event["DTSTART"].dt == date(2099, 1, 1)
    assert event["DTEND"].dt == date(2099, 1, 3)  # exclusive end of a two-day event


def test_ical_escapes_and_folds_long_text(client):
    event = EventFactory(title="Meeting; with, commas " + "long " * 40, description="Line\nbreak")
    calendar = Calendar.from_ical(
        client.get(reverse("events:event_ical", args=[event.slug])).content
    )
    (parsed,) = calendar.walk("VEVENT")
    assert str(parsed["SUMMARY"]) == event.title
    assert str(parsed["DESCRIPTION"]) == "Line\nbreak"


def test_ical_of_a_draft_event_is_not_found(client):
    assert (
        client.get(reverse("events:event_ical", args=[EventFactory(draft=True).slug])).status_code
        == 404
    )


def test_upcoming_ics_lists_coming_events(client, world):
    calendar = Calendar.from_ical(client.get(reverse("events:upcoming_ics")).content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Live session"]


def test_conditional_get_answers_304(client, world):
    url = world["article"].get_absolute_url()
    first = client.get(url)
    assert first.has_header("ETag")
    assert first.has_header("Last-Modified")
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304


def test_styled_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="site-header"' in html


def test_images_carry_dimensions_and_only_the_lead_image_loads_eagerly(client, world):
    world["article"].is_featured = True
    world["article"].save()
    html = html_of(client, reverse("news:home"))
    images = re.findall(r"<img [^>]+>", html)
    assert images
    assert all('width="' in img and 'height="' in img for img in images)
    assert 'loading="eager" fetchpriority="high"' in images[0]
    article_html = html_of(client, world["article"].get_absolute_url())
    assert 'loading="eager"' in re.findall(r"<img [^>]+>", article_html)[0]


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


@pytest.mark.parametrize("key", ["event", "agreement", "body"])
def test_entity_pages_revalidate_with_last_modified(client, world, key):
    first = client.get(world[key].get_absolute_url())
    assert first.has_header("Last-Modified")
    again = client.get(
        world[key].get_absolute_url(), headers={"If-Modified-Since": first["Last-Modified"]}
    )
    assert again.status_code == 304


def test_server_error_page_renders_without_the_database(rf, django_assert_num_queries):
    from apps.core.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Temporary problem" in response.content.decode()
