"""Drafts, scheduled and expired items appear on no public surface, and 404 at their address."""

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    EventFactory,
    OrganisationFactory,
    PartyFactory,
    PersonFactory,
)
from tests.pages import html_of

pytestmark = pytest.mark.django_db

HIDDEN_STATES = ["draft", "scheduled", "expired"]


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
        response = client.get(item.get_absolute_url())
        # An expired item was public: its address says it was withdrawn, and nothing more.
        assert response.status_code == (410 if state == "expired" else 404)
        assert "zq" not in response.content.decode()
