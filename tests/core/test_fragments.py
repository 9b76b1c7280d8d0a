"""Public pages kept whole (apps/core/fragments.py): a page is made once and used until something
it shows changes (in a shared Redis, as in production), without running its view; never
stale, never for a preview, and the page still names what it shows."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.core import edge, fragments, generation
from apps.core.services import publishable_unpublish
from tests.core.test_pagecache import edited, published
from tests.factories import ArticleFactory, OrganisationFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept(redis_cache, settings):
    settings.FRAGMENT_CACHE_SECONDS = 3600
    generation.forget()
    yield redis_cache
    generation.forget()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def visit(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode(), len(queries), set(response["Surrogate-Key"].split())


@pytest.fixture
def story(editor, commit):
    ministry = OrganisationFactory(name_en="Ministry of Defence")
    with commit():
        article = published(editor, relations=[("organisations", [ministry])],
                            title_en="Summit opens", body_en="<p>The talks began.</p>")  # fmt: skip
    generation.forget()
    return article, ministry


def test_a_kept_article_page_reads_no_table_and_names_what_it_shows(kept, client, story):
    article, ministry = story
    made = client.get(article.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        used = client.get(article.get_absolute_url())
    assert used.content == made.content
    assert "Ministry of Defence" in used.content.decode()
    # Its own item is one of its keys: whether it is still public here is in their marks.
    assert len(queries) == 0
    assert used["Surrogate-Key"] == made["Surrogate-Key"]
    assert edge.key_of(type(ministry), ministry.pk) in used["Surrogate-Key"].split()
    assert used["Last-Modified"] == made["Last-Modified"]
    assert used["ETag"] == made["ETag"]
    assert used["Content-Security-Policy"] == made["Content-Security-Policy"]


def test_an_article_coming_off_by_itself_is_not_served_from_its_kept_page(
    kept, client, editor, commit
):
    """The schedule says when it goes away; the first visit after that time notices."""
    now = timezone.now()
    with commit():
        article = published(editor, title_en="Until noon", unpublish_at=now + timedelta(hours=1))
    generation.forget()
    assert "Until noon" in visit(client, article.get_absolute_url())[0]
    assert "Until noon" in visit(client, "/en/news/")[0]
    with time_machine.travel(now + timedelta(hours=2)):
        assert client.get(article.get_absolute_url()).status_code == 410
        assert "Until noon" not in visit(client, "/en/news/")[0]


def test_an_article_whose_address_changed_is_not_served_at_the_old_one(
    kept, client, story, editor, commit
):
    article, _ministry = story
    old_address = article.get_absolute_url()
    visit(client, old_address)
    with commit():
        moved = edited(editor, article, slug_en="summit-moved")
    response = client.get(old_address)
    assert response.status_code == 301
    assert response["Location"] == moved.get_absolute_url()


def test_a_page_is_kept_per_host_it_names_in_its_links(kept, client, story):
    article, _ministry = story
    assert (
        "http://localhost/"
        in client.get(article.get_absolute_url(), HTTP_HOST="localhost").content.decode()
    )
    other = client.get(article.get_absolute_url(), HTTP_HOST="127.0.0.1").content.decode()
    assert "http://127.0.0.1/" in other
    assert "http://localhost/" not in other


def test_a_correction_shows_at_once(kept, client, story, editor, commit):
    article, _ministry = story
    visit(client, article.get_absolute_url())
    with commit():
        edited(editor, article, body_en="<p>The talks were postponed.</p>")
    page, _queries, _keys = visit(client, article.get_absolute_url())
    assert "postponed" in page
    assert "The talks began" not in page


def test_an_unpublished_organisation_leaves_the_sidebar_at_once(
    kept, client, story, editor, commit
):
    article, ministry = story
    visit(client, article.get_absolute_url())
    with commit():
        publishable_unpublish(item=ministry, user=editor)
    page, _queries, _keys = visit(client, article.get_absolute_url())
    assert "Ministry of Defence" not in page


def test_an_unpublished_article_is_gone_from_its_address_and_the_news(
    kept, client, story, editor, commit
):
    article, _ministry = story
    news = "/en/news/"
    assert "Summit opens" in visit(client, news)[0]
    visit(client, article.get_absolute_url())
    with commit():
        publishable_unpublish(item=article, user=editor)
    assert client.get(article.get_absolute_url()).status_code == 410
    assert "Summit opens" not in visit(client, news)[0]


def test_an_unrelated_publish_leaves_a_page_kept(kept, client, story, editor, commit):
    """The point of keys: the page cache starts again after every publish; this does not."""
    article, _ministry = story
    visit(client, article.get_absolute_url())
    with commit():
        published(editor, section=SectionFactory(), title_en="Elsewhere")
    generation.forget()
    page, queries, _keys = visit(client, article.get_absolute_url())
    assert "Elsewhere" not in page
    assert queries == 1  # the new generation, read again


def test_a_page_made_from_data_older_than_a_change_is_never_used(kept):
    """A process still in generation 5 makes a page while generation 6 marks its key."""
    fragments.changed({"article-1"}, 6)
    fragments.put("late", "<p>old text</p>", {"all", "article-1"}, made_in=5)
    assert fragments.get("late") is None
    fragments.put("fresh", "<p>new text</p>", {"all", "article-1"}, made_in=6)
    assert fragments.get("fresh") == "<p>new text</p>"
    # A mark the cache lost counts as a change now: pages made before are not used.
    cache.delete(fragments.MARK.format("article-1"))
    fragments.put("after", "<p>newer</p>", {"article-1"}, made_in=7)
    assert fragments.get("fresh") is None


def test_a_preview_is_never_kept(kept, client, editor_client):
    draft = ArticleFactory(draft=True, title_en="Not yet")
    preview = editor_client.get(reverse("admin:news_article_preview", args=[draft.pk]))
    assert preview.status_code == 200
    assert "Not yet" in preview.content.decode()
    assert not kept.keys("*:kept-page:*")
    assert client.get(draft.get_absolute_url()).status_code == 404
    visit(client, "/en/news/")
    assert len(kept.keys("*:kept-page:*")) == 1


def test_a_feed_and_a_sitemap_are_kept_until_an_item_in_them_changes(
    kept, client, story, editor, commit
):
    article, _ministry = story
    for path in ("/en/news/feed/rss/", "/sitemap-articles.xml"):
        made = client.get(path)
        with CaptureQueriesContext(connection) as queries:
            used = client.get(path)
        assert used.content == made.content
        assert used["Content-Type"] == made["Content-Type"]
        assert used["Surrogate-Key"] == made["Surrogate-Key"]
        assert len(queries) == 0, path
    with commit():
        edited(editor, article, title_en="Summit postponed")
    assert b"Summit postponed" in client.get("/en/news/feed/rss/").content
    with commit():
        publishable_unpublish(item=article, user=editor)
    assert article.slug.encode() not in client.get("/sitemap-articles.xml").content


def test_a_release_that_changes_a_template_or_a_translation_keeps_no_old_part(settings, tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "locale").mkdir()
    template = tmp_path / "templates" / "page.html"
    template.write_text("<p>{{ title }}</p>")
    settings.BASE_DIR = tmp_path
    fragments.release.cache_clear()
    try:
        before = fragments.release()
        template.write_text("<h1>{{ title }}</h1>")
        fragments.release.cache_clear()
        after_template = fragments.release()
        (tmp_path / "locale" / "django.mo").write_bytes(b"\x00")
        fragments.release.cache_clear()
        after_translation = fragments.release()
    finally:
        fragments.release.cache_clear()
    assert len({before, after_template, after_translation}) == 3


def test_a_cache_private_to_each_process_keeps_nothing(settings, client, story):
    """Another process would serve its old parts until it noticed the new generation."""
    settings.FRAGMENT_CACHE_SECONDS = 3600
    cache.clear()
    article, _ministry = story
    visit(client, article.get_absolute_url())
    _page, queries, _keys = visit(client, article.get_absolute_url())
    assert queries > 4
    assert not fragments.enabled()


def test_a_new_article_shows_on_the_news_at_once(kept, client, story, editor, commit):
    assert "Summit opens" in visit(client, "/en/news/")[0]
    with commit():
        published(editor, title_en="Talks resume")
    assert "Talks resume" in visit(client, "/en/news/")[0]
    generation.forget()
    assert "Talks resume" in visit(client, "/en/news/")[0]


def test_a_page_whose_content_changed_while_it_was_made_is_kept_by_the_edge_a_moment(
    kept, client, story
):
    """A page made from the data of before a commit, and sent after its purge, would stay at
    the edge until the next one: it is kept a second, then asked for again."""
    number = generation.current_generation()
    assert "s-maxage=3600" in client.get("/en/news/")["Cache-Control"]
    # A commit this process has not seen yet (it re-reads the generation every second).
    fragments.changed({edge.list_key(type(story[0]))}, number + 1)
    response = client.get("/en/news/")
    assert "s-maxage=1" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]


def test_the_shared_cache_reuses_one_redis_client(kept):
    backend = caches["default"]
    backend.set("reused", {"n": 1})
    assert backend.get("reused") == {"n": 1}
    assert backend.get_many(["reused", "absent"]) == {"reused": {"n": 1}}
    assert backend._cache.get_client() is backend._cache.get_client(write=True)


def test_a_part_showing_many_items_is_checked_by_their_kinds(kept, client, editor, commit):
    """A list of 60 people is checked against `person-list`, not 60 marks, and still sees a
    change to any one of them."""
    people = PersonFactory.create_batch(60)
    path = reverse("organisations:person_list")
    assert people[7].name in visit(client, path)[0]
    _page, queries, shown = visit(client, path)
    assert queries <= 2
    assert len(shown) > fragments.CHECKED_KEYS
    with commit():
        publishable_unpublish(item=people[7], user=editor)
    assert people[7].name not in visit(client, path)[0]
