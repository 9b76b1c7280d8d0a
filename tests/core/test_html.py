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
