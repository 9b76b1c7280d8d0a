"""Stored XSS: what an editor types is shown as text everywhere it appears.

Public pages, feeds, JSON-LD, search snippets, the newsroom's lists, history and compare
pages: a payload in a title, lead, caption, credit or name never arrives as markup.
"""

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from apps.news.models import Article
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    PhotoFactory,
)

pytestmark = pytest.mark.django_db

PAYLOADS = [
    '<script>alert("xss")</script>',
    '"><img src=x onerror=alert(1)>',
    "</script><script>alert(2)</script>",
    "<svg/onload=alert(3)>",
    "javascript:alert(4)",
]
MARKUP = ["<script>alert", "<img src=x", "<svg/onload", "</script><script>"]


def assert_inert(html, where):
    for fragment in MARKUP:
        assert fragment not in html, f"{where}: {fragment!r} arrived as markup"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_editor_fields_stay_text_on_public_pages(client, payload):
    photo = PhotoFactory(caption=payload, credit=payload, alt_text=payload)
    organisation = OrganisationFactory(name=f"Org {payload}", short_name="X")
    person = PersonFactory(name=f"Person {payload}")
    article = ArticleFactory(
        title_en=f"Summit {payload}",
        lead_en=f"Lead {payload}",
        body_en=f"<p>Body</p><p>{payload}</p><a href='javascript:alert(5)'>link</a>",
        main_image=photo,
        dateline_city_en=payload[:90],
        source_name=payload[:90],
    )
    article.organisations.add(organisation)
    article.people.add(person)
    event = EventFactory(title_en=f"Event {payload}")
    pages = {
        "article": article.get_absolute_url(),
        "news": reverse("news:article_list"),
        "home": reverse("news:home"),
        "section": article.section.get_absolute_url(),
        "organisation": organisation.get_absolute_url(),
        "person": person.get_absolute_url(),
        "event": event.get_absolute_url(),
        "search": reverse("search:results") + "?q=summit",
        "search for the payload": reverse("search:results") + "?" + f"q={payload}",
        "rss": reverse("news:feed_rss"),
        "atom": reverse("news:feed_atom"),
        "suggest": reverse("search:suggestions") + "?q=Summit",
    }
    for where, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, where
        assert_inert(response.content.decode(), where)
    body = client.get(article.get_absolute_url()).content.decode()
    assert "javascript:alert(5)" not in body  # the sanitiser took the link's target out


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_stay_text_in_the_newsroom(staff_client, payload):
    with reversion.create_revision():
        article = ArticleFactory(title_en=f"Summit {payload}", lead_en=payload)
    with reversion.create_revision():
        changed = Article.objects.get(pk=article.pk)
        changed.lead_en = f"Changed {payload}"
        changed.save()
    versions = list(Version.objects.get_for_object(article))
    pages = {
        "compare": reverse("admin:news_article_compare", args=[article.pk])
        + f"?from={versions[1].pk}&to={versions[0].pk}",
        "change list": reverse("admin:news_article_changelist"),
        "change form": reverse("admin:news_article_change", args=[article.pk]),
        "history": reverse("admin:news_article_history", args=[article.pk]),
        "dashboard": reverse("admin:index"),
        "search": reverse("admin:news_article_changelist") + "?q=Summit",
    }
    for where, url in pages.items():
        response = staff_client.get(url)
        assert response.status_code == 200, where
        assert_inert(response.content.decode(), where)
