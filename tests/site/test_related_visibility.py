"""What a public page shows of the items around it: only those the visitor may see.

The crawl (test_shadow_drafts.py) proves nothing hidden shows anywhere; these pin down
what is shown instead.
"""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from apps.organisations.models import Person
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    EventFactory,
    OrganisationFactory,
    PositionFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_breadcrumbs_skip_a_draft_parent_and_keep_the_public_levels_above(client):
    state = StateFactory(name="Republic of Armenia")
    ministry = OrganisationFactory(name="Ministry in preparation", parent=state, draft=True)
    department = OrganisationFactory(name="Department of migration", parent=ministry)
    html = html_of(client, department.get_absolute_url())
    assert "Ministry in preparation" not in html
    assert "parentOrganization" not in html
    assert f'<a href="{state.get_absolute_url()}">Republic of Armenia</a>' in html


def test_titles_on_a_date_leave_out_positions_in_hidden_organisations():
    person = PositionFactory(organisation=OrganisationFactory(name="Live council")).person
    hidden = OrganisationFactory(name="Council in preparation", draft=True)
    PositionFactory(person=person, title="Adviser", organisation=hidden)
    (found,) = Person.objects.filter(pk=person.pk).with_titles_on(date(2024, 1, 1))
    assert found.titles_on_date == ["Secretary General, Live council"]


def test_an_unpublished_articles_links_relate_nothing(client):
    agreement = AgreementFactory(title="Treaty on borders")
    event = EventFactory(title="Session in Minsk")
    draft = ArticleFactory(draft=True)
    draft.agreements.add(agreement)
    draft.events.add(event)
    assert "Session in Minsk" not in html_of(client, agreement.get_absolute_url())
    ArticleFactory().agreements.add(agreement)
    live = ArticleFactory()
    live.agreements.add(agreement)
    live.events.add(event)
    assert "Session in Minsk" in html_of(client, agreement.get_absolute_url())


def russian_only(factory, slug):
    item = factory(slug=slug, slug_ru=slug, slug_en=slug)
    type(item).objects.filter(pk=item.pk).update(title_en="", lead_en="", body_en="")
    item.refresh_from_db()
    return item


def test_an_item_hidden_in_a_language_has_no_address_there(client, settings):
    settings.TRANSLATION_FALLBACK = "hide"
    article = russian_only(ArticleFactory, "only-in-russian")
    with translation.override("en"):
        english_url, english_home = article.get_absolute_url(), reverse("news:home")
    with translation.override("ru"):
        russian_url = article.get_absolute_url()
    page = html_of(client, russian_url)
    assert english_url not in page
    assert 'hreflang="en" href="http' not in page  # no alternate for English
    assert f'<a href="{english_home}" hreflang="en"' in page  # the switcher leads home
    sitemap = html_of(client, reverse("sitemap_section", args=["articles"]))
    assert english_url not in sitemap
    assert russian_url in sitemap


def test_the_sitemap_does_not_depend_on_the_browsers_language(client, settings):
    settings.TRANSLATION_FALLBACK = "hide"
    russian_only(ArticleFactory, "only-in-russian")
    url = reverse("sitemap_section", args=["articles"])
    english = client.get(url, headers={"Accept-Language": "en"}).content
    russian = client.get(url, headers={"Accept-Language": "ru"}).content
    assert english == russian
    assert b"only-in-russian" in english
