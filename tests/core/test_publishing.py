from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import IntegrityError

from apps.core.models import PublicationStatus
from apps.news.models import Article
from tests.factories import ArticleFactory, EventFactory, OrganisationFactory

NOW = datetime(2023, 3, 1, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)

CASES = {
    "published in the past": ({"published_at": NOW - HOUR}, True),
    "published exactly now": ({"published_at": NOW}, True),
    "scheduled a second ahead": ({"published_at": NOW + timedelta(seconds=1)}, False),
    "scheduled tomorrow": ({"published_at": NOW + 24 * HOUR}, False),
    "draft with a past date": ({"published_at": NOW - HOUR, "status": "draft"}, False),
    "unpublishes later": ({"published_at": NOW - HOUR, "unpublish_at": NOW + HOUR}, True),
    "unpublished exactly now": ({"published_at": NOW - HOUR, "unpublish_at": NOW}, False),
    "expired": ({"published_at": NOW - 2 * HOUR, "unpublish_at": NOW - HOUR}, False),
}


@pytest.mark.django_db
class TestPublishedQuerySetAndPropertyAgree:
    @pytest.mark.parametrize("case", CASES)
    def test_public_visibility(self, case):
        fields, expected = CASES[case]
        article = ArticleFactory(**{"status": PublicationStatus.PUBLISHED, **fields})
        with time_machine.travel(NOW, tick=False):
            assert Article.objects.published().filter(pk=article.pk).exists() is expected
            assert article.is_published is expected

    def test_scheduled_item_goes_live_by_itself(self):
        article = ArticleFactory(published_at=NOW + HOUR)
        with time_machine.travel(NOW, tick=False):
            assert not Article.objects.published().filter(pk=article.pk).exists()
        with time_machine.travel(NOW + HOUR, tick=False):
            assert Article.objects.published().filter(pk=article.pk).exists()

    def test_published_at_an_explicit_moment(self):
        article = ArticleFactory(published_at=NOW)
        assert not Article.objects.published(at=NOW - HOUR).filter(pk=article.pk).exists()
        assert Article.objects.published(at=NOW + HOUR).filter(pk=article.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("factory", [ArticleFactory, EventFactory, OrganisationFactory])
def test_every_publishable_model_shares_the_vocabulary(factory):
    live, draft, scheduled, expired = (
        factory(),
        factory(draft=True),
        factory(scheduled=True),
        factory(expired=True),
    )
    public = set(factory._meta.model.objects.published())
    assert live in public
    assert not {draft, scheduled, expired} & public


@pytest.mark.django_db
def test_database_refuses_unpublish_before_publish():
    with pytest.raises(IntegrityError, match="unpublish_after_publish"):
        ArticleFactory(published_at=NOW, unpublish_at=NOW - HOUR)


@pytest.mark.django_db
def test_database_refuses_unknown_status():
    article = ArticleFactory()
    with pytest.raises(IntegrityError, match="status_valid"):
        Article.objects.filter(pk=article.pk).update(status="live")
