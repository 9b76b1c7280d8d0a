"""The views every public page shares: published items only, revalidation, robots.txt, errors."""

import pytest

from tests.factories import (
    AgreementFactory,
    EventFactory,
    OrganisationFactory,
    PersonFactory,
)
from tests.pages import html_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory", [OrganisationFactory, PersonFactory, EventFactory, AgreementFactory]
)
@pytest.mark.parametrize("state", ["draft", "scheduled", "expired"])
def test_unpublished_entities_answer_404(client, factory, state):
    # An expired item was public: its address says it was withdrawn (410), nothing more.
    expected = 410 if state == "expired" else 404
    assert client.get(factory(**{state: True}).get_absolute_url()).status_code == expected


def test_conditional_get_answers_304(client, world):
    url = world["article"].get_absolute_url()
    first = client.get(url)
    assert first.has_header("ETag")
    assert first.has_header("Last-Modified")
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304


@pytest.mark.parametrize("key", ["event", "agreement", "body"])
def test_entity_pages_revalidate_with_last_modified(client, world, key):
    first = client.get(world[key].get_absolute_url())
    assert first.has_header("Last-Modified")
    again = client.get(
        world[key].get_absolute_url(), headers={"If-Modified-Since": first["Last-Modified"]}
    )
    assert again.status_code == 304


def test_robots_txt_points_to_the_sitemap(client):
    text = html_of(client, "/robots.txt")
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_styled_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="site-header"' in html


def test_server_error_page_renders_without_the_database(rf, django_assert_num_queries):
    from apps.core.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Temporary problem" in response.content.decode()
