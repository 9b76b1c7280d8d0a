"""Public pages read from the replica; the newsroom and every write use the primary."""

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.core import generation
from apps.news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


@pytest.fixture
def replica_router(settings):
    settings.DATABASE_ROUTERS = ["apps.core.routers.ReplicaRouter"]


def queries_on_each(request):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = request()
    return response, len(primary.captured_queries), len(replica.captured_queries)


def test_visitors_read_from_the_replica(replica_router, client):
    article = ArticleFactory(title_en="Summit opens")
    # Each process reads the content generation (and its WAL position) from the primary at
    # most once a second; the visitor's page itself is then read from the replica alone.
    generation.forget()
    generation.current_generation()
    response, on_primary, on_replica = queries_on_each(
        lambda: client.get(article.get_absolute_url())
    )
    assert response.status_code == 200
    assert "Summit opens" in response.content.decode()
    assert on_replica > 0
    assert on_primary == 0


def test_the_newsroom_reads_and_writes_on_the_primary(replica_router, staff_client):
    article = ArticleFactory(title_en="Summit opens")
    url = reverse("admin:news_article_change", args=[article.pk])
    response, on_primary, on_replica = queries_on_each(lambda: staff_client.get(url))
    assert response.status_code == 200
    assert on_replica == 0
    assert on_primary > 0
    # A signed-in editor reading a public page (a preview of their work) uses the primary too.
    _response, on_primary, on_replica = queries_on_each(
        lambda: staff_client.get(article.get_absolute_url())
    )
    assert (on_primary > 0, on_replica) == (True, 0)


def test_writes_outside_requests_go_to_the_primary(replica_router):
    with CaptureQueriesContext(connections["replica"]) as replica:
        ArticleFactory()
        assert Article.objects.count() == 1
    assert not replica.captured_queries
