"""The publishable admin's lists and links: state filter, bulk publishing, search, preview."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from apps.core.models import PublicationStatus
from apps.news.models import Article
from tests.admin_forms import admin_url
from tests.factories import (
    ArticleFactory,
    EventFactory,
    PhotoFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


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


def test_preview_and_view_on_site_links(editor_client):
    article = ArticleFactory(draft=True)
    html = editor_client.get(
        reverse("admin:news_article_change", args=[article.pk])
    ).content.decode()
    preview = reverse("admin:news_article_preview", args=[article.pk])
    assert preview in html
    # Until visitors can see it, "View on site" is the preview (not a 404).
    assert f'href="{preview}?language=en" class="viewsitelink"' in html
    published = ArticleFactory()
    html = editor_client.get(
        reverse("admin:news_article_change", args=[published.pk])
    ).content.decode()
    content_type = ContentType.objects.get_for_model(published)
    assert f"/admin/r/{content_type.pk}/{published.pk}/" in html  # Django's "View on site"
