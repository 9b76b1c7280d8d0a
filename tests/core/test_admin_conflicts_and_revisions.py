"""Nothing is lost: two editors at once, restoring revisions, recovering deleted items."""

import pytest
from django.urls import reverse
from reversion.models import Version

from apps.news.models import Article
from tests.admin_forms import form_data
from tests.conftest import client_for
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def save(client, article, **changes):
    data = form_data(client.get(change_url(article)), "article_form")
    return client.post(change_url(article), {**data, **changes})


def test_stale_save_is_refused_and_keeps_both_texts(editor, second_editor):
    article = ArticleFactory(body="<p>Original</p>")
    egor, elena = client_for(editor), client_for(second_editor)
    egor_form = form_data(egor.get(change_url(article)), "article_form")
    elena_form = form_data(elena.get(change_url(article)), "article_form")

    assert (
        elena.post(
            change_url(article), {**elena_form, "body_en": "<p>Elena's text</p>"}
        ).status_code
        == 302
    )
    response = egor.post(change_url(article), {**egor_form, "body_en": "<p>Egor's text</p>"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "elena.editor saved this item at" in html
    assert "Nothing has been overwritten" in html
    assert reverse("admin:news_article_history", args=[article.pk]) in html
    assert "Egor&#x27;s text" in html or "Egor's text" in html  # still in his form
    article.refresh_from_db()
    assert article.body == "<p>Elena's text</p>"


def test_saving_again_after_the_warning_is_a_deliberate_overwrite(editor, second_editor):
    article = ArticleFactory(body="<p>Original</p>")
    egor, elena = client_for(editor), client_for(second_editor)
    egor_form = form_data(egor.get(change_url(article)), "article_form")
    save(elena, article, body_en="<p>Elena's text</p>")
    refused = egor.post(change_url(article), {**egor_form, "body_en": "<p>Egor's text</p>"})
    second_try = form_data(refused, "article_form")
    assert egor.post(change_url(article), second_try).status_code == 302
    article.refresh_from_db()
    assert article.body == "<p>Egor's text</p>"


def test_each_save_increments_the_version(editor_client):
    article = ArticleFactory()
    save(editor_client, article, title_en="One")
    save(editor_client, article, title_en="Two")
    article.refresh_from_db()
    assert article.version == 3
    assert article.title == "Two"


def test_every_admin_save_records_a_revision_with_its_author(editor_client, editor):
    article = ArticleFactory()
    save(editor_client, article, title_en="Revised title")
    version = Version.objects.get_for_object(article).first()
    assert version.revision.user == editor
    assert version.field_dict["title_en"] == "Revised title"


def test_an_old_revision_is_restored(editor_client):
    article = ArticleFactory(title="First")
    save(editor_client, article, title_en="Second", body_en="<p>Second body</p>")
    save(editor_client, article, title_en="Third", body_en="<p>Third body</p>")
    first_saved = Version.objects.get_for_object(article).order_by("pk").first()
    url = reverse("admin:news_article_revision", args=[article.pk, first_saved.pk])
    page = editor_client.get(url)
    assert page.status_code == 200
    data = form_data(page, "article_form")
    assert data["title_en"] == "Second"
    assert editor_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Second"
    assert article.body == "<p>Second body</p>"
    # The lock counter moved forward: a form opened before the restore is now stale.
    assert article.version == 4


def test_history_compares_two_versions(editor_client):
    article = ArticleFactory(title="Before", body="<p>Line one</p>")
    save(editor_client, article, title_en="Before")
    save(editor_client, article, title_en="After", body_en="<p>Line one</p><p>Line two</p>")
    versions = list(Version.objects.get_for_object(article).order_by("pk"))
    history = editor_client.get(reverse("admin:news_article_history", args=[article.pk]))
    assert "Compare selected versions" in history.content.decode()
    response = editor_client.get(
        reverse("admin:news_article_compare", args=[article.pk]),
        {"from": versions[0].pk, "to": versions[1].pk},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<del>Before</del>" in html  # a choice label or text, never a raw value
    assert "<ins>After</ins>" in html


def test_compare_escapes_stored_markup(editor_client):
    article = ArticleFactory(title="Plain")
    save(editor_client, article)
    save(editor_client, article, title_en="<script>alert(1)</script>")
    versions = list(Version.objects.get_for_object(article).order_by("pk"))
    html = editor_client.get(
        reverse("admin:news_article_compare", args=[article.pk]),
        {"from": versions[0].pk, "to": versions[1].pk},
    ).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_compare_with_nonsense_versions_redirects_with_a_message(editor_client):
    article = ArticleFactory()
    response = editor_client.get(
        reverse("admin:news_article_compare", args=[article.pk]), {"from": "x", "to": "99999"}
    )
    assert response.status_code == 302


def test_a_deleted_article_is_recovered(editor_client):
    article = ArticleFactory(title="Deleted by mistake")
    save(editor_client, article)
    delete_url = reverse("admin:news_article_delete", args=[article.pk])
    editor_client.post(delete_url, {"post": "yes"})
    assert not Article.objects.filter(title="Deleted by mistake").exists()
    deleted = Version.objects.get_deleted(Article).get()
    recover = reverse("admin:news_article_recover", args=[deleted.pk])
    data = form_data(editor_client.get(recover), "article_form")
    assert editor_client.post(recover, data).status_code == 302
    assert Article.objects.filter(title="Deleted by mistake").exists()


def test_compare_shows_labels_and_local_times_not_raw_values(editor_client):
    from apps.core.models import PublicationStatus

    article = ArticleFactory(status=PublicationStatus.IN_REVIEW)
    save(editor_client, article)
    save(editor_client, article, _publish_now="1")
    versions = list(Version.objects.get_for_object(article).order_by("pk"))
    html = editor_client.get(
        reverse("admin:news_article_compare", args=[article.pk]),
        {"from": versions[0].pk, "to": versions[1].pk},
    ).content.decode()
    assert "<del>In review</del>" in html
    assert "<ins>Published</ins>" in html
    assert "Last changed" not in html
