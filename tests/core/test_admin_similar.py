"""Similar stories while a title is typed: published items with a similar title (issue 15)."""

import pytest
from django.urls import reverse

from apps.core.models import PublicationStatus
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

URL = "admin:news_article_similar"


def similar(client, **query):
    response = client.get(reverse(URL), query)
    assert response.status_code == 200
    return [item["title"] for item in response.json()["items"]]


def test_published_items_with_a_similar_title_are_offered(author_client):
    known = ArticleFactory(title_ru="Заседание Совета министров обороны ОДКБ в Минске")
    ArticleFactory(title_ru="Учения КСОР в Таджикистане")
    ArticleFactory(
        title_ru="Заседание Совета министров обороны ОДКБ (черновик)",
        status=PublicationStatus.DRAFT,
    )
    titles = similar(author_client, q="Заседание совета министров обороны", language="ru")
    assert titles == [known.title_ru]
    assert similar(author_client, q="заседание совета министров обороны", language="ru")
    assert not similar(
        author_client, q="Заседание совета министров обороны", language="ru", exclude=known.pk
    )


def test_short_or_odd_questions_get_no_answer(author_client):
    ArticleFactory(title_ru="Заседание Совета министров обороны ОДКБ")
    assert similar(author_client, q="Засед", language="ru") == []
    assert similar(author_client, q="Заседание Совета министров", language="xx") == []


def test_only_the_newsroom_may_ask(client):
    assert client.get(reverse(URL), {"q": "Заседание Совета", "language": "ru"}).status_code == 302


def test_the_form_asks_for_similar_titles(author_client):
    page = author_client.get(reverse("admin:news_article_add")).content.decode()
    assert f'data-url="{reverse(URL)}" data-field="title"' in page
    assert "js/admin-similar.js" in page
