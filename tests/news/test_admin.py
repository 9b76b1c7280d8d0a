"""Articles in the newsroom: writing one, the checks before publishing, public corrections."""

import pytest
from django.urls import reverse

from apps.core.models import PublicationStatus
from apps.news.models import Article
from tests.admin_forms import admin_url, form_data
from tests.factories import (
    ArticleFactory,
    EventFactory,
    PhotoFactory,
)

pytestmark = pytest.mark.django_db


def test_prepublish_warnings():
    photo = PhotoFactory(alt_text="", credit="")
    draft_event = EventFactory(draft=True, title="Unannounced session")
    article = ArticleFactory(
        title="x" * 90,
        lead="",
        main_image=photo,
        body=f'<p><a href="{draft_event.get_absolute_url()}">session</a></p>',
    )
    article.events.add(draft_event)
    warnings = " | ".join(str(w) for w in article.prepublish_warnings())
    assert "The lead is empty" in warnings
    assert "90 characters" in warnings
    assert "needs its alternative text before publishing" in warnings
    assert "no credit" in warnings
    assert f"links to {draft_event.get_absolute_url()}, which is not published" in warnings
    assert "“Unannounced session” is linked but not published" in warnings


def test_a_well_prepared_article_has_no_warnings():
    event = EventFactory()
    article = ArticleFactory(
        main_image=PhotoFactory(), body=f'<p><a href="{event.get_absolute_url()}">x</a></p>'
    )
    article.events.add(event)
    assert article.prepublish_warnings() == []


def test_editor_sees_the_checks_on_the_form_and_after_saving(editor_client):
    article = ArticleFactory(draft=True, lead="")
    url = reverse("admin:news_article_change", args=[article.pk])
    page = editor_client.get(url)
    assert "The lead is empty" in page.content.decode()
    response = editor_client.post(url, form_data(page, "article_form"), follow=True)
    assert any("The lead is empty" in str(m) for m in response.context["messages"])


def test_editor_adds_a_public_correction(editor_client, client):
    article = ArticleFactory()
    url = reverse("admin:news_article_change", args=[article.pk])
    data = form_data(editor_client.get(url), "article_form")
    data |= {
        "corrections-TOTAL_FORMS": "1",
        "corrections-0-corrected_at_0": "2023-03-02",
        "corrections-0-corrected_at_1": "10:00:00",
        "corrections-0-text_ru": "дата заседания",
        "corrections-0-text_en": "the date of the meeting",
    }
    assert editor_client.post(url, data).status_code == 302
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Corrected on 02.03.2023: the date of the meeting" in html
    assert "Updated" in html


def test_author_cannot_add_corrections_even_by_forging_the_form(author_client):
    from apps.news.models import Correction

    article = ArticleFactory(draft=True)
    url = reverse("admin:news_article_change", args=[article.pk])
    page = author_client.get(url)
    assert 'name="corrections-MAX_NUM_FORMS" value="0"' in page.content.decode()
    data = form_data(page, "article_form") | {
        "corrections-TOTAL_FORMS": "1",
        "corrections-0-corrected_at_0": "2023-03-02",
        "corrections-0-corrected_at_1": "10:00:00",
        "corrections-0-text": "forged",
    }
    author_client.post(url, data)
    assert not Correction.objects.exists()


def test_title_and_lead_have_live_character_counts(editor_client):
    html = editor_client.get(reverse("admin:news_article_add")).content.decode()
    assert 'data-charcount-limit="70"' in html
    assert "js/admin-charcount.js" in html


def test_a_photo_without_alt_text_blocks_publishing(editor_client, editor):
    from apps.core import services
    from apps.core.services import WorkflowError

    article = ArticleFactory(draft=True, main_image=PhotoFactory(alt_text=""))
    with pytest.raises(WorkflowError, match="alternative text"):
        services.publishable_publish(item=article, user=editor)
    url = reverse("admin:news_article_change", args=[article.pk])
    data = form_data(editor_client.get(url), "article_form") | {"_publish_now": "1"}
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "needs its alternative text before publishing" in response.content.decode()
    article.refresh_from_db()
    assert article.status == PublicationStatus.DRAFT


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
