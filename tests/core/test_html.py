"""The HTML sanitiser: hostile markup goes on every write path; the editors' markup stays."""

import pytest

from apps.core.html import sanitise_html
from tests.factories import ArticleFactory


@pytest.mark.parametrize(
    ("hostile", "forbidden"),
    [
        ("<script>alert(1)</script><p>ok</p>", "<script"),
        ('<p onclick="alert(1)">ok</p>', "onclick"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "avascript"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "data:"),
        ('<p style="color:red">ok</p>', "style"),
        ("<iframe src='https://example.org'></iframe>", "<iframe"),
        ("<svg><script>alert(1)</script></svg>", "<svg"),
    ],
)
def test_sanitiser_removes_hostile_markup(hostile, forbidden):
    assert forbidden not in sanitise_html(hostile).lower()


def test_sanitiser_keeps_the_editors_vocabulary():
    html = (
        "<h2>Title</h2><p><strong>b</strong> <em>i</em> <a href='https://example.org'>l</a></p>"
        "<ul><li>one</li></ul><blockquote>q</blockquote><table><tr><td>c</td></tr></table><hr>"
    )
    cleaned = sanitise_html(html)
    for tag in ["<h2>", "<strong>", "<em>", "<ul>", "<li>", "<blockquote>", "<td>", "<hr>"]:
        assert tag in cleaned
    assert 'rel="noopener noreferrer"' in cleaned


@pytest.mark.django_db
def test_body_is_sanitised_on_every_orm_save():
    article = ArticleFactory(body='<p onmouseover="x()">Text</p><script>steal()</script>')
    article.refresh_from_db()
    assert article.body == "<p>Text</p>"


HOSTILE = (
    '<p onclick="steal()">Text<script>alert(1)</script>'
    '<a href="JaVaScRiPt:alert(1)">a</a><img src=x onerror=alert(1)></p>'
)


def assert_clean(body):
    lowered = body.lower()
    for forbidden in ["<script", "onclick", "onerror", "javascript:", "<img"]:
        assert forbidden not in lowered


@pytest.mark.django_db
def test_body_is_sanitised_by_queryset_update():
    from apps.news.models import Article

    article = ArticleFactory()
    Article.objects.filter(pk=article.pk).update(body=HOSTILE)
    article.refresh_from_db()
    assert_clean(article.body)
    assert "Text" in article.body


@pytest.mark.django_db
def test_body_is_sanitised_by_bulk_create():
    from apps.news.models import Article

    template = ArticleFactory.build(section=ArticleFactory().section, slug="bulk", body=HOSTILE)
    (created,) = Article.objects.bulk_create([template])
    assert_clean(Article.objects.get(pk=created.pk).body)


@pytest.mark.django_db
def test_body_is_sanitised_when_loading_a_fixture(tmp_path):
    import json

    from django.core.management import call_command

    from apps.news.models import Article

    article = ArticleFactory()
    fixture = tmp_path / "hostile.json"
    fixture.write_text(
        json.dumps(
            [
                {
                    "model": "news.article",
                    "pk": article.pk,
                    "fields": {
                        "title": article.title,
                        "slug": article.slug,
                        "section": article.section_id,
                        "body": HOSTILE,
                        "status": "published",
                        "published_at": "2023-03-01T12:00:00Z",
                        "created_at": "2023-03-01T12:00:00Z",
                        "updated_at": "2023-03-01T12:00:00Z",
                    },
                }
            ]
        )
    )
    call_command("loaddata", str(fixture), verbosity=0)
    assert_clean(Article.objects.get(pk=article.pk).body)


@pytest.mark.django_db
def test_hostile_body_posted_through_the_admin_is_stored_and_rendered_clean(editor_client, client):
    from django.urls import reverse

    from tests.admin_forms import form_data

    article = ArticleFactory()
    url = reverse("admin:news_article_change", args=[article.pk])
    data = form_data(editor_client.get(url), "article_form")
    assert (
        editor_client.post(url, {**data, "body_ru": HOSTILE, "body_en": HOSTILE}).status_code == 302
    )
    article.refresh_from_db()
    assert "Text" in article.body_en
    assert_clean(article.body_ru)
    assert_clean(article.body_en)
    assert_clean(client.get(article.get_absolute_url()).content.decode().split("<main")[1])


@pytest.mark.parametrize(
    "hostile",
    [
        '<a href="vbscript:msgbox(1)">x</a>',
        '<a href="  javascript:alert(1)">x</a>',
        '<a href="java&#x09;script:alert(1)">x</a>',
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
        '<form action="https://evil.example"><button>Go</button></form>',
    ],
)
def test_sanitiser_handles_classic_bypasses(hostile):
    cleaned = sanitise_html(hostile).lower()
    for forbidden in ["javascript", "vbscript", "onerror", "<svg", "<math", "data:", "<form"]:
        assert forbidden not in cleaned
