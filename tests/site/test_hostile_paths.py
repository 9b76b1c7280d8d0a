"""Addresses made to hurt: a path that reads as another host, numbers too large for a date."""

import re

import pytest

pytestmark = pytest.mark.django_db

# A path that starts with two slashes (or a slash and a backslash, which browsers read the
# same way) is a network-path reference: joined to the site's address it names another host.
OFF_SITE_PATHS = [
    "//evil.com",
    "//evil.com/",
    "//evil.com/ru/",
    "//evil.com/en/news/",
    "///evil.com/ru/",
    "/\\evil.com/ru/",
    "//evil.com/ru/?page=2",
]


@pytest.mark.parametrize("path", OFF_SITE_PATHS)
def test_a_path_that_reads_as_a_host_stays_on_the_site(client, path):
    # As a server receives it: the test client would read "//evil.com" as a host.
    path_info, _mark, query = path.partition("?")
    response = client.get("/", PATH_INFO=path_info, QUERY_STRING=query)
    assert response.status_code == 404
    html = response.content.decode()
    # "evil.com" may only ever be a path segment of this site's own addresses.
    offending = [
        line.strip()
        for line in html.splitlines()
        if re.search(r"(^|[^/])//+evil\.com|\\evil\.com|://evil\.com", line)
    ]
    assert not offending
    assert 'hreflang="ru" href="http://testserver/' in html


@pytest.mark.parametrize(
    "path",
    [
        "/ru/news/archive/2147483648/",
        "/en/news/archive/99999999999999999999/",
        "/ru/news/archive/2023/99999999999/",
        "/ru/news/archive/2147483648/1/",
        "/ru/news/archive/9999/12/",
        "/ru/news/archive/10000/",
        "/ru/news/archive/0/",
        "/ru/news/archive/2023/0/",
        "/ru/events/calendar/2147483648/1/",
        "/ru/events/calendar/2023/99999999999/",
        "/ru/news/attachments/99999999999999999999/file.pdf",
        "/ru/agreements/treaty/texts/99999999999999999999/file.pdf",
    ],
)
def test_numbers_too_large_for_a_date_or_a_key_are_not_found(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        {"page": "99999999999999999999"},
        {"year": "99999999999999999999"},
        {"date_from": "99999-01-01"},
    ],
)
@pytest.mark.parametrize("path", ["/ru/news/", "/ru/events/", "/ru/agreements/", "/ru/search/"])
def test_numbers_too_large_in_the_query_string_do_no_harm(client, path, query):
    assert client.get(path, {"q": "council", **query}).status_code in {200, 404}
