"""URL names and addresses round-trip: reverse gives the address, resolve the name."""

import pytest
from django.urls import resolve, reverse

URLS = [
    ("core:healthz", {}, "/healthz"),
    ("news:home", {}, "/en/"),
    ("news:article_list", {}, "/en/news/"),
    ("news:section_detail", {"section": "news"}, "/en/news/news/"),
    ("news:article_detail", {"section": "news", "slug": "a-story"}, "/en/news/news/a-story/"),
    ("organisations:organisation_detail", {"slug": "csto"}, "/en/organisations/csto/"),
    (
        "organisations:person_detail",
        {"slug": "denis-manturov"},
        "/en/organisations/people/denis-manturov/",
    ),
    ("events:event_detail", {"slug": "a-meeting"}, "/en/events/a-meeting/"),
    ("agreements:agreement_detail", {"slug": "a-treaty"}, "/en/agreements/a-treaty/"),
]


@pytest.mark.parametrize(("name", "kwargs", "path"), URLS)
def test_url_names_round_trip(name, kwargs, path):
    assert reverse(name, kwargs=kwargs) == path
    match = resolve(path)
    assert match.view_name == name
    assert match.kwargs == kwargs
