"""Each role against each action, through the admin as a browser would and as a forger would."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from apps.core.models import PublicationStatus
from apps.news.models import Article, Section
from apps.newsroom.roles import AUTHOR, EDITOR, SITE_ADMINISTRATOR
from tests.admin_forms import form_data
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def changelist_action(client, action, *articles):
    return client.post(
        reverse("admin:news_article_changelist"),
        {"action": action, "_selected_action": [a.pk for a in articles]},
        follow=True,
    )


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


class TestGroups:
    def test_the_three_roles_exist(self):
        assert set(Group.objects.values_list("name", flat=True)) >= {
            AUTHOR,
            EDITOR,
            SITE_ADMINISTRATOR,
        }

    @pytest.mark.parametrize(
        ("role", "publish", "delete", "section", "users"),
        [
            (AUTHOR, False, False, False, False),
            (EDITOR, True, True, False, False),
            (SITE_ADMINISTRATOR, True, True, True, True),
        ],
    )
    def test_rights(self, role, publish, delete, section, users):
        codenames = set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))
        assert ("publish_article" in codenames) is publish
        assert ("delete_article" in codenames) is delete
        assert ("change_section" in codenames) is section
        assert ("change_user" in codenames) is users
        assert {"add_article", "change_article", "view_article"} <= codenames


class TestAuthor:
    def test_writes_a_draft(self, author_client, author):
        section = SectionFactory()
        page = author_client.get(reverse("admin:news_article_add"))
        assert 'name="status"' not in page.content.decode()
        data = {
            **form_data(page, "article_form"),
            "section": section.pk,
            "title_ru": "Проект заявления",
            "title_en": "Draft statement",
            "lead_ru": "Лид",
            "body_ru": "<p>Текст</p>",
        }
        response = author_client.post(reverse("admin:news_article_add"), data)
        assert response.status_code == 302
        article = Article.objects.get(title_en="Draft statement")
        assert article.slug_ru == "proekt-zaiavleniia"  # made from the Russian title
        assert article.slug_en == "draft-statement"
        assert article.status == PublicationStatus.DRAFT
        assert article.created_by == author

    def test_submits_for_review_from_the_form(self, author_client, author):
        draft = ArticleFactory(draft=True)
        data = form_data(author_client.get(change_url(draft)), "article_form")
        response = author_client.post(change_url(draft), {**data, "_submit_for_review": "1"})
        assert response.status_code == 302
        draft.refresh_from_db()
        assert draft.status == PublicationStatus.IN_REVIEW

    @pytest.mark.parametrize(
        "forged",
        [
            {"status": "published"},
            {"published_at_0": "2020-01-01", "published_at_1": "10:00:00"},
            {"unpublish_at_0": "2030-01-01", "unpublish_at_1": "10:00:00"},
            {"is_featured": "on"},
        ],
        ids=["status", "publication date", "unpublish date", "featured"],
    )
    def test_forged_publishing_fields_are_refused(self, author_client, forged):
        draft = ArticleFactory(draft=True, title="Untouched", is_featured=False)
        before = Article.objects.values().get(pk=draft.pk)
        data = {**form_data(author_client.get(change_url(draft)), "article_form"), **forged}
        data["title_en"] = "Changed"
        response = author_client.post(change_url(draft), data)
        assert response.status_code == 200
        assert "You do not have the right to publish" in response.content.decode()
        assert Article.objects.values().get(pk=draft.pk) == before

    @pytest.mark.parametrize(
        "action", ["publish_selected", "unpublish_selected", "feature_selected"]
    )
    def test_forged_publishing_actions_are_refused(self, author_client, action):
        draft, live = ArticleFactory(draft=True), ArticleFactory()
        before = list(Article.objects.order_by("pk").values())
        response = changelist_action(author_client, action, draft, live)
        assert any("do not have the right" in m for m in messages_of(response))
        assert list(Article.objects.order_by("pk").values()) == before

    def test_publishing_actions_are_not_offered(self, author_client):
        ArticleFactory(draft=True)
        html = author_client.get(reverse("admin:news_article_changelist")).content.decode()
        assert 'value="submit_selected_for_review"' in html
        assert 'value="publish_selected"' not in html

    def test_cannot_change_a_published_item(self, author_client):
        live = ArticleFactory(title="Live story")
        page = author_client.get(change_url(live))
        assert page.status_code == 200
        assert 'name="title_en"' not in page.content.decode()  # read-only view
        data = {"title_en": "Vandalised", "section": live.section_id, "slug": live.slug}
        assert author_client.post(change_url(live), data).status_code == 403
        live.refresh_from_db()
        assert live.title == "Live story"

    def test_cannot_delete(self, author_client):
        draft = ArticleFactory(draft=True)
        url = reverse("admin:news_article_delete", args=[draft.pk])
        assert author_client.post(url, {"post": "yes"}).status_code == 403
        assert Article.objects.filter(pk=draft.pk).exists()

    def test_cannot_create_embargo_links(self, author_client):
        draft = ArticleFactory(draft=True)
        url = reverse("admin:newsroom_embargolink_add")
        response = author_client.get(url, {"content_type": 1, "object_id": draft.pk})
        assert response.status_code == 403

    def test_cannot_manage_sections(self, author_client):
        assert author_client.get(reverse("admin:news_section_add")).status_code == 403

    def test_previews_a_draft(self, author_client):
        draft = ArticleFactory(draft=True, title="Not yet public")
        response = author_client.get(reverse("admin:news_article_preview", args=[draft.pk]))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Not yet public" in html
        assert "Preview" in html
        assert response["X-Robots-Tag"] == "noindex, nofollow"


class TestEditor:
    def test_schedules_through_the_form(self, editor_client):
        item = ArticleFactory(status=PublicationStatus.IN_REVIEW)
        data = form_data(editor_client.get(change_url(item)), "article_form")
        data |= {
            "published_at_0": "2099-01-01",
            "published_at_1": "09:00:00",
            "_schedule": "1",
        }
        assert editor_client.post(change_url(item), data).status_code == 302
        item.refresh_from_db()
        assert item.is_scheduled
        assert not Article.objects.published().filter(pk=item.pk).exists()

    def test_publishes_with_the_button(self, editor_client):
        item = ArticleFactory(status=PublicationStatus.IN_REVIEW)
        data = form_data(editor_client.get(change_url(item)), "article_form")
        assert (
            editor_client.post(change_url(item), {**data, "_publish_now": "1"}).status_code == 302
        )
        item.refresh_from_db()
        assert item.is_published

    def test_bulk_publish_says_what_it_did_and_skipped(self, editor_client):
        draft, review, live = (
            ArticleFactory(draft=True),
            ArticleFactory(status=PublicationStatus.IN_REVIEW),
            ArticleFactory(title="Already live"),
        )
        response = changelist_action(editor_client, "publish_selected", draft, review, live)
        messages = messages_of(response)
        assert "Published 2 items." in messages
        assert any("Skipped 1" in m and "Already live" in m for m in messages)
        assert Article.objects.published().count() == 3

    def test_bulk_unpublish_and_feature(self, editor_client):
        first, second = ArticleFactory(), ArticleFactory()
        changelist_action(editor_client, "feature_selected", first)
        changelist_action(editor_client, "unpublish_selected", second)
        first.refresh_from_db()
        second.refresh_from_db()
        assert first.is_featured
        assert second.status == PublicationStatus.UNPUBLISHED

    def test_can_change_and_delete_published_items(self, editor_client):
        live = ArticleFactory()
        data = form_data(editor_client.get(change_url(live)), "article_form")
        assert (
            editor_client.post(change_url(live), {**data, "title_en": "Fixed"}).status_code == 302
        )
        url = reverse("admin:news_article_delete", args=[live.pk])
        assert "Are you sure" in editor_client.get(url).content.decode()
        assert editor_client.post(url, {"post": "yes"}).status_code == 302
        assert not Article.objects.filter(pk=live.pk).exists()

    def test_cannot_manage_sections_or_users(self, editor_client):
        assert editor_client.get(reverse("admin:news_section_add")).status_code == 403
        assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_site_administrator_manages_sections_and_users(site_admin):
    from tests.conftest import client_for

    client = client_for(site_admin)
    assert client.get(reverse("admin:news_section_add")).status_code == 200
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 200
    response = client.post(
        reverse("admin:news_section_add"),
        {"name_ru": "Пресс-релизы", "name_en": "Press releases", "slug": "press", "order": 5},
    )
    assert response.status_code == 302
    assert Section.objects.filter(slug="press").exists()


def test_every_content_model_is_covered_by_the_roles():
    """A model added later without a `sync_roles` migration would fail here."""
    from django.apps import apps
    from django.contrib.auth.models import Permission

    from apps.newsroom.roles import newsroom_app_labels, role_has

    for model in apps.get_models():
        opts = model._meta
        if opts.app_label not in newsroom_app_labels():
            continue
        for role in [AUTHOR, EDITOR, SITE_ADMINISTRATOR]:
            granted = set(
                Group.objects.get(name=role)
                .permissions.filter(
                    content_type__app_label=opts.app_label, content_type__model=opts.model_name
                )
                .values_list("codename", flat=True)
            )
            expected = {
                p.codename
                for p in Permission.objects.filter(
                    content_type__app_label=opts.app_label, content_type__model=opts.model_name
                )
                if role_has(role, opts.app_label, opts.model_name, p.codename)
            }
            assert granted == expected, (role, opts.label)
