"""A title another item already uses: said on the address field, naming that item (issue 15,
finding 7)."""

import pytest

from apps.core.models import PublicationStatus
from apps.news.models import Article
from tests.admin_forms import admin_url, form_data
from tests.factories import ArticleFactory, EventFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_a_duplicate_address_names_the_article_that_has_it(editor_client):
    section = SectionFactory()
    existing = ArticleFactory(section=section, title_en="Council meets", slug_en="council-meets")
    url = admin_url(Article, "add")
    data = {
        **form_data(editor_client.get(url), "article_form"),
        "section": section.pk,
        "title_ru": "Заседание совета",
        "title_en": "Council meets",
        "slug_en": "council-meets",
        "lead_en": "Lead",
        "body_en": "<p>Body</p>",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "slug_en" in errors
    message = str(errors["slug_en"])
    assert admin_url(Article, "change", existing.pk) in message
    assert "Council meets" in message
    assert "__all__" not in errors  # said once, on the field
    assert Article.objects.count() == 1


def test_the_same_address_in_another_section_is_fine(editor_client):
    ArticleFactory(section=SectionFactory(slug="news"), slug_en="council-meets")
    other = SectionFactory(slug="statements")
    url = admin_url(Article, "add")
    data = {
        **form_data(editor_client.get(url), "article_form"),
        "section": other.pk,
        "title_ru": "Заседание совета",
        "title_en": "Council meets",
        "slug_en": "council-meets",
        "lead_en": "Lead",
        "body_en": "<p>Body</p>",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302
    assert Article.objects.filter(section=other, status=PublicationStatus.DRAFT).exists()


def test_a_duplicate_event_address_is_refused_on_the_field(editor_client):
    existing = EventFactory(slug_en="csc-session")
    event = EventFactory(slug_en="other-session")
    url = admin_url(type(event), "change", event.pk)
    data = {**form_data(editor_client.get(url), "event_form"), "slug_en": "csc-session"}
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert admin_url(type(event), "change", existing.pk) in str(
        response.context["adminform"].form.errors["slug_en"]
    )
