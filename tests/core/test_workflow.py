"""The publishing services: submit, publish, schedule, unpublish and return, each by who may."""

from datetime import UTC, datetime, timedelta

import pytest
import reversion
import time_machine
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied
from reversion.models import Version

from apps.core import services
from apps.core.models import PublicationStatus
from apps.news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
NOW = datetime(2023, 3, 1, 9, 0, tzinfo=UTC)


def test_author_submits_a_draft_for_review(author):
    draft = ArticleFactory(draft=True)
    result = services.publishable_submit_for_review(item=draft, user=author)
    assert result.status == PublicationStatus.IN_REVIEW
    assert result.version == draft.version + 1
    assert result.updated_by == author


def test_submitting_records_who_and_when(author):
    draft = ArticleFactory(draft=True)
    services.publishable_submit_for_review(item=draft, user=author)
    version = Version.objects.get_for_object(draft).get()
    assert version.revision.user == author
    assert version.revision.comment == "Submitted for review"
    entry = LogEntry.objects.get(object_id=str(draft.pk))
    assert entry.user == author
    assert entry.change_message == "Submitted for review"


def test_only_drafts_are_submitted(editor):
    with pytest.raises(services.WorkflowError):
        services.publishable_submit_for_review(item=ArticleFactory(), user=editor)


def test_an_author_cannot_submit_what_has_gone_public(author):
    with pytest.raises(PermissionDenied):
        services.publishable_submit_for_review(item=ArticleFactory(), user=author)


def test_author_cannot_publish(author):
    item = ArticleFactory(status=PublicationStatus.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        services.publishable_publish(item=item, user=author)
    item.refresh_from_db()
    assert item.status == PublicationStatus.IN_REVIEW


def test_editor_publishes_an_item_in_review(editor):
    item = ArticleFactory(status=PublicationStatus.IN_REVIEW)
    with time_machine.travel(NOW, tick=False):
        published = services.publishable_publish(item=item, user=editor)
        assert published.published_at == NOW
        assert published.is_published


def test_scheduling_goes_live_at_the_exact_moment(editor):
    item = ArticleFactory(draft=True)
    with time_machine.travel(NOW, tick=False):
        services.publishable_publish(item=item, user=editor, at=NOW + timedelta(hours=2))
        assert not Article.objects.published().filter(pk=item.pk).exists()
    comment = Version.objects.get_for_object(item).get().revision.comment
    assert comment.startswith("Scheduled for")
    with time_machine.travel(NOW + timedelta(hours=2) - timedelta(microseconds=1), tick=False):
        assert not Article.objects.published().filter(pk=item.pk).exists()
    with time_machine.travel(NOW + timedelta(hours=2), tick=False):
        assert Article.objects.published().filter(pk=item.pk).exists()


def test_publishing_a_live_item_again_is_refused(editor):
    with pytest.raises(services.WorkflowError, match="already published"):
        services.publishable_publish(item=ArticleFactory(), user=editor)


def test_editor_unpublishes_and_reopens(editor):
    item = ArticleFactory()
    unpublished = services.publishable_unpublish(item=item, user=editor)
    assert unpublished.status == PublicationStatus.UNPUBLISHED
    assert not Article.objects.published().filter(pk=item.pk).exists()
    reopened = services.publishable_return_to_draft(item=item, user=editor)
    assert reopened.status == PublicationStatus.DRAFT


def test_unpublishing_a_draft_is_refused(editor):
    with pytest.raises(services.WorkflowError):
        services.publishable_unpublish(item=ArticleFactory(draft=True), user=editor)


def test_editor_sends_an_item_back_to_its_author(editor, author):
    item = ArticleFactory(status=PublicationStatus.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        services.publishable_return_to_draft(item=item, user=author)
    assert services.publishable_return_to_draft(item=item, user=editor).status == "draft"


def test_services_never_save_a_stale_copy(editor):
    article = ArticleFactory(title="Old title")
    Article.objects.filter(pk=article.pk).update(title="Title changed meanwhile")
    services.article_set_featured(article=article, user=editor, featured=True)
    article.refresh_from_db()
    assert article.title == "Title changed meanwhile"
    assert article.is_featured


def test_featuring_needs_the_publishing_right(author):
    with pytest.raises(PermissionDenied):
        services.article_set_featured(article=ArticleFactory(), user=author, featured=True)


def test_every_publishable_model_declares_its_publish_permission():
    from django.apps import apps
    from django.contrib.auth.models import Permission

    from apps.core.models import Publishable

    models = [m for m in apps.get_models() if issubclass(m, Publishable)]
    assert len(models) == 5
    for model in models:
        codename = f"publish_{model._meta.model_name}"
        assert Permission.objects.filter(codename=codename).exists(), model


def test_reversion_does_not_store_the_lock_counter():
    article = ArticleFactory()
    with reversion.create_revision():
        article.save()
    assert "version" not in Version.objects.get_for_object(article).get().field_dict
