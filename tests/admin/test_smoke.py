"""Every model's admin pages open for staff: changelist, search, filters, add and change."""

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse

from apps.core.models import PublicationStatus
from apps.news.models import Article
from tests.admin.browser import form_data

pytestmark = pytest.mark.django_db

PROJECT_MODELS = [
    model
    for model in admin.site._registry
    if model._meta.app_label
    in {"core", "media", "newsroom", "organisations", "events", "agreements", "news", "search"}
    # Embargo links are created from an item's page: tests/core/test_embargo.py.
    and model._meta.model_name != "embargolink"
]


@pytest.fixture
def demo(db, settings, tmp_path):
    call_command("load_demo", verbosity=0)


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.mark.parametrize("model", PROJECT_MODELS, ids=lambda m: m._meta.label)
def test_admin_pages_open(staff_client, demo, model):
    assert staff_client.get(admin_url(model, "changelist")).status_code == 200
    assert staff_client.get(admin_url(model, "changelist"), {"q": "CSTO"}).status_code == 200
    assert staff_client.get(admin_url(model, "add")).status_code == 200
    obj = model.objects.first()
    assert obj is not None, f"the demo content has no {model._meta.verbose_name}"
    assert staff_client.get(admin_url(model, "change", obj.pk)).status_code == 200


@pytest.mark.parametrize("state", ["live", "scheduled", "expired", "draft"])
def test_publication_state_filter(staff_client, demo, state):
    response = staff_client.get(admin_url(Article, "changelist"), {"state": state})
    assert response.status_code == 200


def test_publication_state_filter_selects_by_what_the_public_sees(staff_client, demo):
    article = Article.objects.first()
    article.status = PublicationStatus.DRAFT
    article.save()
    response = staff_client.get(admin_url(Article, "changelist"), {"state": "draft"})
    assert list(response.context["cl"].result_list) == [article]


def test_publish_now_action(staff_client, demo):
    draft = Article.objects.first()
    draft.status = PublicationStatus.DRAFT
    draft.save()
    staff_client.post(
        admin_url(Article, "changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.is_published


def test_editor_can_add_an_article_through_the_admin(staff_client, demo):
    from apps.news.models import Section

    section = Section.objects.get(slug="news")
    page = staff_client.get(admin_url(Article, "add"))
    response = staff_client.post(
        admin_url(Article, "add"),
        form_data(page, "article_form")
        | {
            "section": section.pk,
            "title_ru": "Новое заявление",
            "title_en": "New statement",
            "slug": "new-statement",
            "lead_ru": "Лид",
            "body_ru": "<p>Body</p><script>x()</script>",
            "status": "draft",
            "published_at_0": "2023-03-01",
            "published_at_1": "12:00:00",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="new-statement")
    assert article.body == "<p>Body</p>"
    assert not article.is_published


def test_authentic_languages_are_ticked_in_the_admin(staff_client, demo):
    from apps.agreements.models import Agreement

    agreement = Agreement.objects.get(slug="agreement-on-jurisdiction-and-legal-assistance-2021")
    html = staff_client.get(admin_url(Agreement, "change", agreement.pk)).content.decode()
    assert 'type="checkbox" name="authentic_languages" value="ru"' in html
    assert 'value="ru" id="id_authentic_languages_0" checked' in html


def test_change_lists_leave_the_search_vectors_out(staff_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ArticleFactory

    ArticleFactory.create_batch(3)
    with CaptureQueriesContext(connection) as queries:
        response = staff_client.get(reverse("admin:news_article_changelist"))
    assert response.status_code == 200
    listing = [q["sql"] for q in queries.captured_queries if 'FROM "news_article"' in q["sql"]]
    assert listing
    assert not [sql for sql in listing if '"news_article"."search"' in sql]
