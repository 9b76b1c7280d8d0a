"""Russian and English content: switching, fallbacks, publishing together, the report."""

import feedparser
import pytest
from django.urls import reverse
from django.utils import translation

from apps.core import services
from apps.core.services import WorkflowError
from apps.news.models import Article
from tests.admin_forms import form_data
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def russian_only(**fields):
    article = ArticleFactory(**fields)
    Article.objects.filter(pk=article.pk).update(title_en="", lead_en="", body_en="")
    article.refresh_from_db()
    return article


def in_language(language, client, url_name, *args):
    with translation.override(language):
        url = reverse(url_name, args=args)
    return client.get(url).content.decode()


def test_each_language_reads_its_own_text(client):
    article = ArticleFactory(title_ru="Заседание Совета", title_en="Council meeting")
    with translation.override("ru"):
        ru = client.get(article.get_absolute_url()).content.decode()
    with translation.override("en"):
        en = client.get(article.get_absolute_url()).content.decode()
    assert '<h1 class="article__title">Заседание Совета</h1>' in ru
    assert '<h1 class="article__title">Council meeting</h1>' in en


def test_the_switcher_leads_to_the_same_item_in_the_other_language(client):
    article = ArticleFactory(title_ru="Заседание Совета", title_en="Council meeting")
    with translation.override("en"):
        html = client.get(article.get_absolute_url()).content.decode()
    with translation.override("ru"):
        russian_url = article.get_absolute_url()
    assert f'<a href="{russian_url}" hreflang="ru" lang="ru">Русский</a>' in html
    assert f'hreflang="ru" href="http://testserver{russian_url}"' in html
    assert "Заседание Совета" in client.get(russian_url).content.decode()


def test_an_item_in_one_language_shows_a_note_in_the_other(client, settings):
    settings.TRANSLATION_FALLBACK = "note"
    article = russian_only(title_ru="Только по-русски")
    with translation.override("en"):
        page = client.get(article.get_absolute_url()).content.decode()
    assert "This page is available in Russian only." in page
    assert 'lang="ru"' in page.split('<article class="article"')[1][:40]
    listing = in_language("en", client, "news:article_list")
    assert "Только по-русски" in listing
    assert "In Russian" in listing


def test_an_item_in_one_language_can_be_left_out_of_the_other(client, settings):
    settings.TRANSLATION_FALLBACK = "hide"
    article = russian_only(title_ru="Только по-русски")
    assert "Только по-русски" not in in_language("en", client, "news:article_list")
    with translation.override("en"):
        assert client.get(article.get_absolute_url()).status_code == 404
    assert "Только по-русски" in in_language("ru", client, "news:article_list")
    feed = feedparser.parse(in_language("en", client, "news:feed_rss"))
    assert "Только по-русски" not in [entry.title for entry in feed.entries]


def test_feeds_exist_per_language(client):
    ArticleFactory(title_ru="Новость", title_en="A story")
    russian = feedparser.parse(in_language("ru", client, "news:feed_rss"))
    english = feedparser.parse(in_language("en", client, "news:feed_rss"))
    assert [e.title for e in russian.entries] == ["Новость"]
    assert [e.title for e in english.entries] == ["A story"]
    assert "/ru/" in russian.entries[0].link


def test_sitemap_lists_every_language_with_hreflang(client):
    article = ArticleFactory()
    xml = client.get(reverse("sitemap_section", args=["articles"])).content.decode()
    with translation.override("ru"):
        russian = article.get_absolute_url()
    with translation.override("en"):
        english = article.get_absolute_url()
    assert f"<loc>http://testserver{russian}</loc>" in xml
    assert f"<loc>http://testserver{english}</loc>" in xml
    assert f'hreflang="en" href="http://testserver{english}"' in xml
    assert 'hreflang="x-default"' in xml


class TestPublishingTogether:
    def test_a_missing_language_blocks_publishing(self, editor, editor_client):
        article = russian_only(draft=True, require_all_languages=True)
        with pytest.raises(WorkflowError, match="English version is incomplete"):
            services.publishable_publish(item=article, user=editor)
        url = reverse("admin:news_article_change", args=[article.pk])
        data = form_data(editor_client.get(url), "article_form") | {"_publish_now": "1"}
        response = editor_client.post(url, data)
        assert response.status_code == 200
        assert "English version is incomplete (title, lead, body)" in response.content.decode()

    def test_complete_languages_publish_together(self, editor_client):
        article = russian_only(draft=True, require_all_languages=True)
        url = reverse("admin:news_article_change", args=[article.pk])
        data = form_data(editor_client.get(url), "article_form") | {
            "_publish_now": "1",
            "title_en": "Statement",
            "lead_en": "The lead.",
            "body_en": "<p>The text.</p>",
        }
        assert editor_client.post(url, data).status_code == 302
        article.refresh_from_db()
        assert article.is_published

    def test_without_the_flag_one_language_may_go_first(self, editor):
        article = russian_only(draft=True)
        assert services.publishable_publish(item=article, user=editor).is_published


def test_editors_see_which_languages_are_missing(editor_client):
    complete = ArticleFactory(title="Complete")
    missing = russian_only(title_ru="Без перевода")
    changelist = editor_client.get(reverse("admin:news_article_changelist")).content.decode()
    assert 'language--missing" title="English">en<' in changelist
    change = editor_client.get(reverse("admin:news_article_change", args=[missing.pk]))
    assert "No English version yet: title, lead, body." in change.content.decode()
    report = editor_client.get(reverse("admin:translation_report")).content.decode()
    english_row = report.split("<td>English</td>")[report.count("<td>English</td>") and 1]
    assert "Без перевода" in report
    assert complete.title not in english_row.split("</tr>")[0]


def test_admin_edits_both_languages_in_tabs_without_any_cdn(editor_client):
    html = editor_client.get(reverse("admin:news_article_add")).content.decode()
    assert 'name="title_ru"' in html
    assert 'name="title_en"' in html
    assert "modeltranslation/js/tabbed_translation_fields.js" in html
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html
    assert "googleapis" not in html


def test_section_names_follow_the_language(client):
    SectionFactory(slug="statements", name_ru="Заявления", name_en="Statements")
    assert ">Заявления<" in in_language("ru", client, "news:section_detail", "statements")
    assert ">Statements<" in in_language("en", client, "news:section_detail", "statements")


def test_slugs_are_per_language_and_latin(client):
    article = ArticleFactory(title_ru="Заседание Совета коллективной безопасности", slug_ru="")
    article.refresh_from_db()
    assert article.slug_ru == "zasedanie-soveta-kollektivnoi-bezopasnosti"
    with translation.override("ru"):
        url = article.get_absolute_url()
    assert url.endswith("/zasedanie-soveta-kollektivnoi-bezopasnosti/")
    assert "%" not in url
    assert client.get(url).status_code == 200


def test_another_languages_address_redirects_to_this_ones(client):
    article = ArticleFactory(title_ru="Заседание", slug_ru="zasedanie", slug_en="meeting")
    with translation.override("en"):
        wrong = reverse("news:article_detail", args=[article.section.slug, "zasedanie"])
        response = client.get(wrong)
        assert response.status_code == 301
        assert response["Location"] == article.get_absolute_url()


def test_old_addresses_keep_working_after_a_rename(client, editor_client):
    article = ArticleFactory(slug_ru="staryi-adres", slug_en="old-address")
    with translation.override("en"):
        old_url = article.get_absolute_url()
    url = reverse("admin:news_article_change", args=[article.pk])
    data = form_data(editor_client.get(url), "article_form") | {"slug_en": "new-address"}
    assert editor_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert "old-address" in article.former_slugs
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/new-address/")


def test_an_item_without_its_own_slug_in_a_language_does_not_redirect_in_circles(client):
    article = ArticleFactory(slug_ru="tolko-po-russki")
    Article.objects.filter(pk=article.pk).update(slug_en=None)
    article.refresh_from_db()
    with translation.override("en"):
        url = article.get_absolute_url()
    assert url.endswith("/tolko-po-russki/")
    assert client.get(url).status_code == 200


def test_the_missing_fields_are_named_in_the_newsrooms_language(editor_client):
    """Seen in the Russian newsroom: «…на языке «английский»: title, lead, body.»"""
    missing = russian_only(title_ru="Без перевода")
    with translation.override("ru"):
        change = editor_client.get(
            reverse("admin:news_article_change", args=[missing.pk]), HTTP_ACCEPT_LANGUAGE="ru"
        )
    assert "Ещё нет версии на языке «английский»: название, лид, текст." in change.content.decode()
