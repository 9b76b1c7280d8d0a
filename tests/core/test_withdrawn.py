"""An item that was public and has been withdrawn says so (410) instead of “not found”; an item
that never was public stays unknown (404)."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from apps.core import services
from apps.core.models import PublicationStatus
from apps.news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def address(item, language="en"):
    with translation.override(language):
        return item.get_absolute_url()


def test_an_unpublished_article_answers_withdrawn(client, editor):
    article = ArticleFactory()
    url = address(article)
    services.publishable_unpublish(item=article, user=editor)
    response = client.get(url)
    assert response.status_code == 410
    assert "This material has been withdrawn" in response.content.decode()
    assert article.title not in response.content.decode()
    russian = client.get(address(article, "ru"))
    assert russian.status_code == 410
    assert "Материал отозван" in russian.content.decode()


def test_an_expired_article_answers_withdrawn(client):
    article = ArticleFactory(
        published_at=timezone.now() - timedelta(days=2),
        unpublish_at=timezone.now() - timedelta(days=1),
    )
    assert client.get(address(article)).status_code == 410


def test_a_draft_and_a_scheduled_item_unpublished_before_going_live_stay_unknown(client, editor):
    draft = ArticleFactory(status=PublicationStatus.DRAFT)
    scheduled = ArticleFactory(published_at=timezone.now() + timedelta(days=1))
    services.publishable_unpublish(item=scheduled, user=editor)
    assert client.get(address(draft)).status_code == 404
    assert client.get(address(scheduled)).status_code == 404


def test_publishing_again_brings_the_page_back(client, editor):
    article = ArticleFactory()
    services.publishable_unpublish(item=article, user=editor)
    article.refresh_from_db()
    services.publishable_publish(item=article, user=editor)
    article.refresh_from_db()
    assert article.withdrawn_at is None
    assert client.get(address(article)).status_code == 200


def test_withdrawn_and_its_twin_agree(editor):
    now = timezone.now()
    items = [
        ArticleFactory(),
        ArticleFactory(status=PublicationStatus.DRAFT),
        ArticleFactory(published_at=now - timedelta(days=2), unpublish_at=now - timedelta(hours=1)),
        ArticleFactory(published_at=now + timedelta(days=1)),
    ]
    services.publishable_unpublish(item=items[0], user=editor)
    withdrawn = set(Article.objects.withdrawn(now).values_list("pk", flat=True))
    for item in Article.objects.filter(pk__in=[i.pk for i in items]):
        assert item.is_withdrawn_at(now) == (item.pk in withdrawn), item
    assert withdrawn == {items[0].pk, items[2].pk}
