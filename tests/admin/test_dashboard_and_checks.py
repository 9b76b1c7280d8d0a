from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from apps.core.models import PublicationStatus
from apps.newsroom.models import EmbargoLink
from tests.admin.browser import form_data
from tests.factories import (
    ArticleFactory,
    EventFactory,
    PhotoFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def test_dashboard_shows_review_queue_drafts_calendar_and_recent(editor_client, editor):
    ArticleFactory(status=PublicationStatus.IN_REVIEW, title="Waiting for an editor")
    EventFactory(status=PublicationStatus.IN_REVIEW, title="Event waiting too")
    ArticleFactory(draft=True, title="My own draft", created_by=editor)
    ArticleFactory(draft=True, title="Somebody else's draft")
    scheduled = ArticleFactory(
        title="Goes live tomorrow", published_at=timezone.now() + timedelta(days=1)
    )
    ArticleFactory(title="Just published")
    EmbargoLink.objects.create(
        item=scheduled, recipient="TASS", expires_at=timezone.now() + timedelta(days=2)
    )
    html = editor_client.get(reverse("admin:index")).content.decode()
    review, drafts, calendar, recent = (
        html.split("<h2>Awaiting review</h2>")[1].split("</section>")[0],
        html.split("<h2>My drafts</h2>")[1].split("</section>")[0],
        html.split("Editorial calendar")[1].split("</section>")[0],
        html.split("<h2>Recently published</h2>")[1].split("</section>")[0],
    )
    assert "Waiting for an editor" in review
    assert "Event waiting too" in review
    assert "My own draft" in drafts
    assert "Somebody else" not in drafts
    assert "Goes live tomorrow" in calendar
    assert "TASS" in calendar
    assert "Just published" in recent
    assert "Goes live tomorrow" not in recent


def test_dashboard_query_count_is_fixed(editor_client, django_assert_max_num_queries):
    for _ in range(20):
        ArticleFactory(status=PublicationStatus.IN_REVIEW)
        ArticleFactory(published_at=timezone.now() + timedelta(days=3))
    with django_assert_max_num_queries(15):
        assert editor_client.get(reverse("admin:index")).status_code == 200


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


@pytest.mark.parametrize(
    ("url_name", "factory"),
    [
        ("admin:news_article_changelist", ArticleFactory),
        ("admin:events_event_changelist", EventFactory),
    ],
)
def test_changelist_queries_do_not_grow_with_rows(
    editor_client, django_assert_num_queries, url_name, factory
):
    section = SectionFactory()
    kwargs = {"section": section, "main_image": PhotoFactory()} if factory is ArticleFactory else {}
    factory.create_batch(3, **kwargs)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        editor_client.get(reverse(url_name))
    factory.create_batch(40, **kwargs)
    with CaptureQueriesContext(connection) as many:
        response = editor_client.get(reverse(url_name))
    assert response.status_code == 200
    assert len(many) == len(few)
    assert len(many) <= 15


def test_admin_changelist_search_and_date_range(editor_client):
    ArticleFactory(title="Interpolitech forum announced")
    ArticleFactory(title="Unrelated")
    response = editor_client.get(
        reverse("admin:news_article_changelist"),
        {"q": "Interpolitech", "published_at__range__gte": "2000-01-01"},
    )
    titles = [a.title for a in response.context["cl"].result_list]
    assert titles == ["Interpolitech forum announced"]


def test_title_and_lead_have_live_character_counts(editor_client):
    html = editor_client.get(reverse("admin:news_article_add")).content.decode()
    assert 'data-charcount-limit="70"' in html
    assert "js/admin-charcount.js" in html


def test_preview_and_view_on_site_links(editor_client):
    article = ArticleFactory(draft=True)
    html = editor_client.get(
        reverse("admin:news_article_change", args=[article.pk])
    ).content.decode()
    assert reverse("admin:news_article_preview", args=[article.pk]) in html
    content_type = ContentType.objects.get_for_model(article)
    assert f"/admin/r/{content_type.pk}/{article.pk}/" in html  # Django's "View on site"


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
