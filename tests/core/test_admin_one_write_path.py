"""One write path for publication state, decided on the row as it is now (issue 13).

Each test reproduces a side door that was open: revert, recover, bulk actions, shared
things without a status, "Save and publish" writing twice, and a plain Save publishing.
"""

import pytest
import reversion
from django.contrib.admin.models import LogEntry
from django.core.files.base import ContentFile
from django.urls import reverse
from reversion.models import Version

from apps.core.models import ContentGeneration, PublicationStatus
from apps.media.models import Photo
from apps.news.models import Article
from apps.organisations.models import Country
from tests.admin_forms import form_data
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    CountryFactory,
    PhotoFactory,
    jpeg_bytes,
)

pytestmark = pytest.mark.django_db


def change_url(item):
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])


@pytest.fixture(autouse=True)
def _generation_row():
    # The generation row exists on every running site (the first page read makes it).
    from apps.core.generation import content_generation_bump

    content_generation_bump()


def generation():
    row = ContentGeneration.objects.filter(pk=1).first()
    return row.number if row else 0


def authored_then_published(author_client, editor_client):
    """An Author's article, published by an Editor through the form, with its history."""
    from tests.factories import SectionFactory

    section = SectionFactory()
    page = author_client.get(reverse("admin:news_article_add"))
    data = {
        **form_data(page, "article_form"),
        "section": section.pk,
        "title_ru": "Заявление",
        "title_en": "Statement",
        "lead_en": "The lead as the author wrote it.",
        "body_en": "<p>Text</p>",
    }
    assert author_client.post(reverse("admin:news_article_add"), data).status_code == 302
    article = Article.objects.get(title_en="Statement")
    data = form_data(editor_client.get(change_url(article)), "article_form")
    assert editor_client.post(change_url(article), {**data, "_publish_now": "1"}).status_code == 302
    article.refresh_from_db()
    assert article.is_published
    return article


class TestRevert:
    def test_an_author_cannot_take_a_live_item_off_the_site_through_history(
        self, author_client, editor_client, client
    ):
        article = authored_then_published(author_client, editor_client)
        first = Version.objects.get_for_object(article).order_by("pk").first()
        url = reverse("admin:news_article_revision", args=[article.pk, first.pk])
        assert author_client.get(url).status_code == 403
        data = form_data(editor_client.get(url), "article_form")
        before = Article.objects.values().get(pk=article.pk)
        response = author_client.post(url, {**data, "lead_en": "Rewritten by the author"})
        assert response.status_code == 403
        assert Article.objects.values().get(pk=article.pk) == before
        assert client.get(article.get_absolute_url()).status_code == 200

    def test_an_editor_reverting_a_live_item_restores_text_not_state(
        self, author_client, editor_client, editor
    ):
        article = authored_then_published(author_client, editor_client)
        data = form_data(editor_client.get(change_url(article)), "article_form")
        editor_client.post(change_url(article), {**data, "lead_en": "Corrected lead"})
        first = Version.objects.get_for_object(article).order_by("pk").first()
        url = reverse("admin:news_article_revision", args=[article.pk, first.pk])
        data = form_data(editor_client.get(url), "article_form")
        assert editor_client.post(url, data).status_code == 302
        article.refresh_from_db()
        assert article.lead_en == "The lead as the author wrote it."
        assert article.status == PublicationStatus.PUBLISHED
        assert article.is_published
        assert article.updated_by == editor


class TestRecover:
    @pytest.fixture
    def deleted(self):
        with reversion.create_revision():
            article = ArticleFactory(title_en="Deleted by an editor")
        pk = article.pk
        article.delete()
        return Version.objects.get_deleted(Article).get(object_id=str(pk))

    def test_an_author_cannot_recover_what_an_editor_deleted(self, author_client, deleted):
        assert author_client.get(reverse("admin:news_article_recoverlist")).status_code == 403
        url = reverse("admin:news_article_recover", args=[deleted.pk])
        assert author_client.get(url).status_code == 403
        assert author_client.post(url, {"title_en": "Back"}).status_code == 403
        assert not Article.objects.exists()

    def test_a_recovered_item_comes_back_as_a_draft(self, editor_client, deleted, client):
        url = reverse("admin:news_article_recover", args=[deleted.pk])
        assert (
            editor_client.post(url, form_data(editor_client.get(url), "article_form")).status_code
            == 302
        )
        article = Article.objects.get(title_en="Deleted by an editor")
        assert article.status == PublicationStatus.DRAFT
        assert client.get(article.get_absolute_url()).status_code == 404


def test_an_author_cannot_move_an_unpublished_item_into_review_in_bulk(author_client):
    item = ArticleFactory(status=PublicationStatus.UNPUBLISHED)
    response = author_client.post(
        reverse("admin:news_article_changelist"),
        {"action": "submit_selected_for_review", "_selected_action": [item.pk]},
        follow=True,
    )
    item.refresh_from_db()
    assert item.status == PublicationStatus.UNPUBLISHED
    assert any("Skipped" in str(m) for m in response.context["messages"])
    assert author_client.get(change_url(item)).context["has_change_permission"] is False


class TestSaveAndPublish:
    def test_saves_once_logs_once_and_refreshes_the_public_pages_once(
        self, editor_client, django_capture_on_commit_callbacks
    ):
        item = ArticleFactory(status=PublicationStatus.IN_REVIEW)
        data = form_data(editor_client.get(change_url(item)), "article_form")
        versions, entries, number = Version.objects.count(), LogEntry.objects.count(), generation()
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            response = editor_client.post(
                change_url(item), {**data, "title_en": "Edited and published", "_publish_now": "1"}
            )
        assert response.status_code == 302
        item.refresh_from_db()
        assert item.is_published
        assert item.title_en == "Edited and published"
        assert item.version == 2
        assert Version.objects.count() == versions + 1
        assert LogEntry.objects.count() == entries + 1
        entry = LogEntry.objects.latest("pk")
        assert entry.get_change_message().startswith("Published")
        assert generation() == number + 1
        refreshes = [c for c in callbacks if type(c).__name__ == "_PublicPagesRefresh"]
        assert len(refreshes) == 1

    def test_the_form_has_no_status_and_a_plain_save_never_publishes(self, editor_client):
        item = ArticleFactory(status=PublicationStatus.IN_REVIEW)
        page = editor_client.get(change_url(item))
        assert 'name="status"' not in page.content.decode()
        data = form_data(page, "article_form")
        response = editor_client.post(change_url(item), {**data, "status": "published"})
        assert response.status_code == 302
        item.refresh_from_db()
        assert item.status == PublicationStatus.IN_REVIEW

    def test_a_refused_transition_keeps_the_text_and_says_why(self, editor_client):
        item = ArticleFactory()  # already live
        data = form_data(editor_client.get(change_url(item)), "article_form")
        response = editor_client.post(
            change_url(item), {**data, "title_en": "Kept", "_submit_for_review": "1"}, follow=True
        )
        item.refresh_from_db()
        assert item.title_en == "Kept"
        assert item.status == PublicationStatus.PUBLISHED
        assert any("not moved on" in str(m) for m in response.context["messages"])

    def test_schedule_needs_a_time_in_the_future(self, editor_client):
        item = ArticleFactory(status=PublicationStatus.IN_REVIEW)
        data = form_data(editor_client.get(change_url(item)), "article_form")
        # No time chosen in the “Publish at…” dialog, and the item's own date has passed.
        response = editor_client.post(
            change_url(item), {**data, "publish_at": "", "_schedule": "1"}
        )
        assert response.status_code == 200
        assert "in the future" in response.content.decode()
        item.refresh_from_db()
        assert item.status == PublicationStatus.IN_REVIEW


class TestPublicPagesAreRefreshedOnlyForPublicChanges:
    def save(self, client, item, **changes):
        data = form_data(client.get(change_url(item)), "article_form")
        assert client.post(change_url(item), {**data, **changes}).status_code == 302

    @pytest.mark.parametrize(
        "status",
        [PublicationStatus.DRAFT, PublicationStatus.IN_REVIEW, PublicationStatus.UNPUBLISHED],
    )
    def test_saving_what_the_public_does_not_see_leaves_the_cache_alone(
        self, editor_client, status, django_capture_on_commit_callbacks
    ):
        item = ArticleFactory(status=status)
        number = generation()
        with django_capture_on_commit_callbacks(execute=True):
            self.save(editor_client, item, title_en="Another draft title")
        assert generation() == number

    def test_submitting_for_review_leaves_the_cache_alone(
        self, author_client, django_capture_on_commit_callbacks
    ):
        item = ArticleFactory(draft=True)
        number = generation()
        with django_capture_on_commit_callbacks(execute=True):
            self.save(author_client, item, _submit_for_review="1")
        item.refresh_from_db()
        assert item.status == PublicationStatus.IN_REVIEW
        assert generation() == number

    def test_editing_a_live_item_refreshes_once(
        self, editor_client, django_capture_on_commit_callbacks
    ):
        item = ArticleFactory()
        number = generation()
        with django_capture_on_commit_callbacks(execute=True):
            self.save(editor_client, item, title_en="A corrected title")
        assert generation() == number + 1

    def test_a_photo_for_a_draft_leaves_the_cache_alone(
        self, author_client, django_capture_on_commit_callbacks
    ):
        photo = PhotoFactory()
        ArticleFactory(draft=True, main_image=photo)
        data = form_data(author_client.get(change_url(photo)), "photo_form")
        number = generation()
        with django_capture_on_commit_callbacks(execute=True):
            response = author_client.post(change_url(photo), {**data, "caption_en": "New"})
        assert response.status_code == 302
        assert generation() == number


class TestSharedThings:
    def test_an_author_cannot_change_a_photo_a_live_item_shows(self, author_client):
        photo = PhotoFactory()
        ArticleFactory(main_image=photo)
        data = form_data(author_client.get(change_url(photo)), "photo_form")
        stored = Photo.objects.values().get(pk=photo.pk)
        upload = ContentFile(jpeg_bytes((80, 60)), name="replacement.jpg")
        response = author_client.post(
            change_url(photo), {**data, "image": upload, "credit_en": "Someone else"}
        )
        assert response.status_code == 403
        assert Photo.objects.values().get(pk=photo.pk) == stored

    def test_an_author_cannot_change_a_photo_of_a_live_items_gallery(self, author_client):
        from apps.news.models import ArticlePhoto

        photo = PhotoFactory()
        ArticlePhoto.objects.create(article=ArticleFactory(), photo=photo)
        data = form_data(author_client.get(change_url(photo)), "photo_form")
        response = author_client.post(change_url(photo), {**data, "credit_en": "Someone else"})
        assert response.status_code == 403

    def test_an_author_changes_a_photo_only_drafts_use(self, author_client):
        photo = PhotoFactory()
        ArticleFactory(draft=True, main_image=photo)
        data = form_data(author_client.get(change_url(photo)), "photo_form")
        response = author_client.post(change_url(photo), {**data, "credit_en": "Agency"})
        assert response.status_code == 302
        photo.refresh_from_db()
        assert photo.credit_en == "Agency"

    def test_an_editor_changes_a_photo_a_live_item_shows(self, editor_client):
        photo = PhotoFactory()
        ArticleFactory(main_image=photo)
        data = form_data(editor_client.get(change_url(photo)), "photo_form")
        assert (
            editor_client.post(change_url(photo), {**data, "credit_en": "Agency"}).status_code
            == 302
        )

    def test_an_author_cannot_rename_a_country(self, author_client):
        country = CountryFactory(name="Kazakhstan")
        response = author_client.post(change_url(country), {"name_en": "Renamed", "code": "KZ"})
        assert response.status_code == 403
        assert Country.objects.get(pk=country.pk).name_en == country.name_en

    def test_an_author_cannot_rename_a_subject(self, author_client):
        from apps.agreements.models import Subject

        subject = Subject.objects.create(name="Military cooperation", slug="military")
        agreement = AgreementFactory()
        agreement.subjects.add(subject)
        response = author_client.post(change_url(subject), {"name_en": "Renamed"})
        assert response.status_code == 403
        assert Subject.objects.get(pk=subject.pk).name == "Military cooperation"
