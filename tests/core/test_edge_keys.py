"""What each public page says it shows (Surrogate-Key), and what a change purges: the keys
the edge in front is purged by (apps/core/edge.py, issue 16). The edge itself is tested in
tests/site/test_edge.py."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from apps.core import edge
from apps.events.models import Event
from apps.news.models import Article
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def keys(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return set(response["Surrogate-Key"].split())


def en(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def story():
    section = SectionFactory()
    article = ArticleFactory(section=section)
    ministry, minister = OrganisationFactory(), PersonFactory()
    session, treaty = EventFactory(), AgreementFactory()
    article.organisations.add(ministry)
    article.people.add(minister)
    article.events.add(session)
    article.agreements.add(treaty)
    return {"article": article, "section": section, "ministry": ministry,
            "minister": minister, "session": session, "treaty": treaty}  # fmt: skip


def key(item):
    return edge.key_of(type(item), item.pk)


def test_an_article_page_names_itself_its_section_and_everything_in_its_sidebar(client, story):
    article = story["article"]
    shown = keys(client, article.get_absolute_url())
    assert {key(item) for item in story.values()} <= shown
    assert edge.page_of(Article, article.pk) in shown
    assert edge.EVERYTHING in shown
    assert edge.list_key(Article) not in shown  # a new article elsewhere leaves it alone


def test_lists_name_the_kinds_they_list(client, story):
    assert edge.list_key(Article) in keys(client, en("news:article_list"))
    assert {edge.list_key(Article), edge.list_key(Event)} <= keys(client, en("news:home"))
    coming = EventFactory(start_date=date.today() + timedelta(days=10),
                          end_date=date.today() + timedelta(days=11))  # fmt: skip
    events = keys(client, en("events:event_list"))
    assert edge.list_key(Event) in events
    assert key(coming) in events
    assert not any(name.startswith("article-") for name in events)
    section = keys(client, story["section"].get_absolute_url())
    assert edge.page_of(type(story["section"]), story["section"].pk) in section
    assert edge.list_key(Article) not in section


def test_signed_in_and_newsroom_pages_carry_no_keys(admin_client, story):
    assert "Surrogate-Key" not in admin_client.get(story["article"].get_absolute_url())
    assert "Surrogate-Key" not in admin_client.get(reverse("admin:index"))


def test_a_change_purges_the_item_hard_and_the_pages_that_list_it_softly(story):
    hard, soft = edge.keys_affected_by(story["article"])
    assert hard == {key(story["article"])}
    assert edge.list_key(Article) in soft
    for name in ("section", "ministry", "minister", "session", "treaty"):
        item = story[name]
        assert edge.page_of(type(item), item.pk) in soft, name
    # A page that merely mentions the section (every article in it) is not purged.
    assert key(story["section"]) not in soft


def test_a_newly_public_event_purges_the_pages_of_the_articles_that_link_to_it(story):
    _hard, soft = edge.keys_affected_by(story["session"])
    assert edge.page_of(Article, story["article"].pk) in soft
    assert edge.list_key(Event) in soft


def test_a_page_of_many_items_names_their_kinds_instead(client, monkeypatch):
    monkeypatch.setattr(edge, "MAX_KEYS", 5)
    articles = ArticleFactory.create_batch(6)
    shown = keys(client, reverse("sitemap_section", kwargs={"section": "articles"}))
    assert edge.list_key(Article) in shown
    assert not {key(article) for article in articles} & shown
