"""Nothing typed is lost: the newsroom's forms are autosaved on the server, offered back when
opened again, and the conflict rule still holds for restored text (issue 15)."""

import pytest
from django.urls import reverse

from apps.core.models import Autosave, PublicationStatus
from apps.news.models import Article
from tests.admin_forms import admin_url, form_data
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def autosave(client, item, **changes):
    url = admin_url(Article, "change", item.pk)
    data = {**form_data(client.get(url), "article_form"), **changes}
    return client.post(
        admin_url(Article, "autosave", item.pk), data, headers={"X-Requested-With": "fetch"}
    )


@pytest.fixture
def draft(author):
    return ArticleFactory(status=PublicationStatus.DRAFT, created_by=author, title_en="First")


def test_typed_text_is_kept_and_offered_back_after_a_crash(author_client, draft):
    response = autosave(author_client, draft, title_en="Typed before the crash")
    assert response.status_code == 200
    assert "time" in response.json()
    form = author_client.get(admin_url(Article, "change", draft.pk)).content.decode()
    assert "You have unsaved text in this form" in form
    restored = author_client.get(admin_url(Article, "change", draft.pk), {"restore": "autosave"})
    assert restored.context["adminform"].form.initial["title_en"] == "Typed before the crash"
    assert "You have unsaved text" not in restored.content.decode()


def test_only_the_text_is_kept_not_the_decisions(editor_client, editor):
    item = ArticleFactory(status=PublicationStatus.IN_REVIEW, created_by=editor)
    autosave(
        editor_client,
        item,
        title_en="Typed",
        note_for_author="Half a note",
        publish_at="2099-01-01T09:00",
        _schedule="1",
    )
    [kept] = Autosave.objects.all()
    assert kept.data["title_en"] == ["Typed"]
    assert not {"note_for_author", "publish_at", "_schedule", "csrfmiddlewaretoken"} & set(
        kept.data
    )


def test_saving_the_form_drops_what_was_kept(author_client, draft):
    autosave(author_client, draft, title_en="Typed")
    url = admin_url(Article, "change", draft.pk)
    author_client.post(
        url, {**form_data(author_client.get(url), "article_form"), "title_en": "Saved"}
    )
    assert not Autosave.objects.exists()
    assert "You have unsaved text" not in author_client.get(url).content.decode()


def test_restored_text_does_not_overwrite_a_newer_save_by_someone_else(
    author_client, editor_client, draft
):
    autosave(author_client, draft, title_en="The author's text")
    url = admin_url(Article, "change", draft.pk)
    editor_data = {**form_data(editor_client.get(url), "article_form"), "title_en": "Editor's"}
    editor_client.post(url, editor_data)
    draft.refresh_from_db()
    # The kept text is now older than the stored item: not offered; forced, it conflicts.
    assert "You have unsaved text" not in author_client.get(url).content.decode()
    Autosave.objects.update(saved_at=draft.updated_at.replace(year=draft.updated_at.year + 1))
    restored = author_client.get(url, {"restore": "autosave"})
    response = author_client.post(url, form_data(restored, "article_form"))
    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()
    draft.refresh_from_db()
    assert draft.title_en == "Editor's"


def test_discarding_kept_text(author_client, draft):
    autosave(author_client, draft, title_en="Typed")
    url = admin_url(Article, "change", draft.pk)
    data = {**form_data(author_client.get(url), "article_form"), "discard": "1"}
    response = author_client.post(admin_url(Article, "autosave", draft.pk), data)
    assert response.status_code == 302
    assert not Autosave.objects.exists()


def test_a_new_items_form_is_kept_too(author_client):
    section = SectionFactory()
    url = admin_url(Article, "add")
    data = {**form_data(author_client.get(url), "article_form"), "section": section.pk}
    data["title_en"] = "Not yet saved"
    response = author_client.post(
        reverse("admin:news_article_autosave_add"), data, headers={"X-Requested-With": "fetch"}
    )
    assert response.status_code == 200
    restored = author_client.get(url, {"restore": "autosave"})
    assert restored.context["adminform"].form.initial["title_en"] == "Not yet saved"


def test_kept_text_is_each_editors_own(author_client, editor_client, draft):
    autosave(author_client, draft, title_en="Mine")
    page = editor_client.get(admin_url(Article, "change", draft.pk)).content.decode()
    assert "You have unsaved text" not in page


def test_autosave_needs_the_right_to_change_the_item(author_client, editor, draft):
    published = ArticleFactory(created_by=editor)  # authors may not change public items
    assert autosave(author_client, published, title_en="x").status_code == 403
    assert author_client.get(admin_url(Article, "autosave", published.pk)).status_code == 403
    assert author_client.get(admin_url(Article, "autosave", draft.pk)).status_code == 405
    assert not Autosave.objects.exists()


def test_the_form_carries_autosave_and_a_word_count(author_client, draft):
    page = author_client.get(admin_url(Article, "change", draft.pk)).content.decode()
    assert f'data-url="{admin_url(Article, "autosave", draft.pk)}"' in page
    assert "js/admin-autosave.js" in page
    assert 'data-wordcount="true"' in page
