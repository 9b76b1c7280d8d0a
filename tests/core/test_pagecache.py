"""The page cache: served without queries, never stale for long, never for staff."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.core import edge, generation, middleware, paginator
from apps.core.admin.forms import VERSION_ROW
from apps.core.models import ContentGeneration
from apps.core.services import publishable_publish, publishable_save, publishable_unpublish
from apps.news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.QUERY_CACHE_SECONDS = 300
    cache.clear()
    generation.forget()
    yield settings
    generation.safe_cache("clear")
    generation.forget()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the on-commit work (the generation bump) of what happens inside."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def news(client):
    return client.get(reverse("news:article_list"))


def published(user, relations=(), **fields):
    """An article written as a draft, then published through the workflow."""
    article = ArticleFactory(draft=True, **fields)
    for relation, items in relations:
        getattr(article, relation).add(*items)
    return publishable_publish(item=article, user=user)


def edited(user, article, **changes):
    """`article` edited and saved as the newsroom's form saves it."""
    stored = Article.objects.filter(pk=article.pk).values(*VERSION_ROW).get()
    article = Article.objects.get(pk=article.pk)
    for name, value in changes.items():
        setattr(article, name, value)
    publishable_save(item=article, user=user, stored=stored)
    return article


def test_second_visit_is_served_from_the_cache_without_queries(
    page_cache, client, django_assert_num_queries
):
    ArticleFactory(title_en="Summit opens")
    first = news(client)
    assert first["X-Cache"] == "miss"
    assert "public" in first["Cache-Control"]
    # Browsers revalidate (a correction shows at once); the shared cache in front keeps it.
    assert "max-age=0" in first["Cache-Control"]
    assert "s-maxage=3600" in first["Cache-Control"]
    assert first["ETag"]
    with django_assert_num_queries(0):
        second = news(client)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == first["Cache-Control"]
    assert second["Surrogate-Key"] == first["Surrogate-Key"]


def test_query_strings_are_cached_apart(page_cache, client):
    assert news(client)["X-Cache"] == "miss"
    ArticleFactory()
    assert client.get(reverse("news:article_list"), {"section": "x"}).get("X-Cache") == "miss"


def test_publishing_editing_and_unpublishing_show_at_once(page_cache, client, commit, editor):
    with commit():
        article = ArticleFactory(title_en="Summit opens", draft=True)
    assert "Summit opens" not in news(client).content.decode()
    with commit():
        publishable_publish(item=article, user=editor)
    page = news(client)
    assert page["X-Cache"] == "miss"
    assert "Summit opens" in page.content.decode()
    detail = client.get(Article.objects.get().get_absolute_url())
    assert detail.status_code == 200

    with commit():
        edited(editor, article, title_en="Summit closes")
    assert "Summit closes" in news(client).content.decode()

    with commit():
        publishable_unpublish(item=Article.objects.get(), user=editor)
    assert "Summit closes" not in news(client).content.decode()
    assert client.get(detail.wsgi_request.path).status_code == 410  # withdrawn, not cached


def test_a_scheduled_article_goes_live_by_itself(page_cache, client, commit):
    with commit():
        ArticleFactory(title_en="Embargoed statement", scheduled=True)  # tomorrow
    assert "Embargoed statement" not in news(client).content.decode()
    assert news(client)["X-Cache"] == "hit"
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        page = news(client)
        assert page["X-Cache"] == "miss"
        assert "Embargoed statement" in page.content.decode()


def test_an_expiring_article_leaves_by_itself(page_cache, client, commit):
    with commit():
        ArticleFactory(title_en="Short notice", unpublish_at=timezone.now() + timedelta(hours=1))
    assert "Short notice" in news(client).content.decode()
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert "Short notice" not in news(client).content.decode()


def test_a_change_made_elsewhere_arrives_within_the_check_interval(page_cache, client):
    ArticleFactory(title_en="First")
    news(client)
    # Another worker or server committed a change: this process has not been told.
    ArticleFactory(title_en="Second")
    ContentGeneration.objects.filter(pk=1).update(number=F("number") + 1)
    assert news(client)["X-Cache"] == "hit"
    later = timezone.now() + timedelta(seconds=page_cache.PAGE_CACHE_CHECK_SECONDS + 0.5)
    with time_machine.travel(later):
        page = news(client)
    assert page["X-Cache"] == "miss"
    assert "Second" in page.content.decode()


def test_newsroom_members_are_never_served_or_stored(page_cache, staff_client):
    ArticleFactory(title_en="Summit opens")
    staff_page = staff_client.get(reverse("news:article_list"))
    assert "X-Cache" not in staff_page
    assert "private" in staff_page["Cache-Control"]
    assert news(Client())["X-Cache"] == "miss"  # the staff visit stored nothing


@pytest.mark.parametrize(
    "address",
    ["/admin/", "/healthz", "/embargo/x/", "/i18n/setlang/"],
)
def test_private_addresses_are_never_cached(page_cache, client, address):
    assert not middleware.is_cacheable_request(client.get(address).wsgi_request)


def test_drafts_previews_and_cookies_are_not_stored(page_cache, client):
    draft = ArticleFactory(draft=True)
    assert client.get(draft.get_absolute_url()).status_code == 404
    response = news(client)
    response.set_cookie("x", "1")
    assert not edge.may_keep(response)
    response = news(client)
    response["Cache-Control"] = "private, no-store"
    assert not edge.may_keep(response)


def test_a_cache_that_is_down_only_costs_speed(page_cache, client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens on the discard port
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    ArticleFactory(title_en="Summit opens")
    for _ in range(2):
        response = news(client)
        assert response.status_code == 200
        assert "Summit opens" in response.content.decode()


def test_shared_redis_cache_between_processes(page_cache, redis_cache, client, commit, editor):
    with commit():
        article = published(editor, title_en="Summit opens")
    assert news(client)["X-Cache"] == "miss"
    generation.forget()  # another worker: its own memory, the same Redis
    assert news(client)["X-Cache"] == "hit"
    assert redis_cache.keys("cstonews-test:*page:*")
    with commit():
        publishable_unpublish(item=article, user=editor)
    generation.forget()
    assert "Summit opens" not in news(client).content.decode()


def test_list_counts_are_kept_per_generation(page_cache, client, commit, editor):
    page_cache.PAGE_CACHE_SECONDS = 0  # pages themselves not cached: counts only
    with commit():
        ArticleFactory.create_batch(3)
    assert news(client).context["paginator"].count == 3
    with commit():
        published(editor)
    assert news(client).context["paginator"].count == 4


def test_counting_happens_once_per_generation(page_cache, client):
    page_cache.PAGE_CACHE_SECONDS = 0
    ArticleFactory.create_batch(3)
    news(client)
    with CaptureQueriesContext(connection) as queries:
        assert news(client).context["paginator"].count == 3
    assert not [q for q in queries.captured_queries if "COUNT(" in q["sql"]]


def test_deep_pages_by_key_are_the_same_pages(client, monkeypatch):
    monkeypatch.setattr(paginator.CachedCountPaginator, "keys_first_from", 0)
    for n in range(25):
        ArticleFactory(title_en=f"Item {n:02}", published_at=timezone.now() - timedelta(hours=n))
    titles = [
        [a.title for a in client.get(reverse("news:article_list"), {"page": p}).context["articles"]]
        for p in (1, 2)
    ]
    assert titles == [[f"Item {n:02}" for n in range(20)], [f"Item {n:02}" for n in range(20, 25)]]


def test_related_articles_are_recomputed_when_content_changes(page_cache, commit, editor):
    from tests.factories import OrganisationFactory

    council = OrganisationFactory()
    with commit():
        article = ArticleFactory()
        article.organisations.add(council)
    assert article.related_articles(5) == []
    with commit():
        newer = published(editor, [("organisations", [council])], title_en="Same council")
    assert [a.title for a in article.related_articles(5)] == ["Same council"]
    with commit():
        publishable_unpublish(item=newer, user=editor)
    assert article.related_articles(5) == []


def test_archive_months_follow_new_articles(page_cache, client, commit, editor):
    page_cache.PAGE_CACHE_SECONDS = 0
    march = timezone.make_aware(timezone.datetime(2023, 3, 1, 12))
    with commit():
        ArticleFactory(published_at=march)
    archive = client.get(reverse("news:article_archive")).context["archive"]
    assert archive == [(2023, [(march.date(), 1)])]
    with commit():
        edited(editor, published(editor), published_at=march + timedelta(days=2))
    archive = client.get(reverse("news:article_archive")).context["archive"]
    assert archive == [(2023, [(march.date(), 2)])]
