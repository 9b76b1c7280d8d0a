import pytest
from django.urls import resolve, reverse

URLS = [
    ("core:healthz", {}, "/healthz"),
    ("news:home", {}, "/"),
    ("news:article_list", {}, "/news/"),
    ("news:section_detail", {"section": "news"}, "/news/news/"),
    ("news:article_detail", {"section": "news", "slug": "a-story"}, "/news/news/a-story/"),
    ("organisations:organisation_detail", {"slug": "csto"}, "/organisations/csto/"),
    (
        "organisations:person_detail",
        {"slug": "denis-manturov"},
        "/organisations/people/denis-manturov/",
    ),
    ("events:event_detail", {"slug": "a-meeting"}, "/events/a-meeting/"),
    ("agreements:agreement_detail", {"slug": "a-treaty"}, "/agreements/a-treaty/"),
]


@pytest.mark.parametrize(("name", "kwargs", "path"), URLS)
def test_url_names_round_trip(name, kwargs, path):
    assert reverse(name, kwargs=kwargs) == path
    match = resolve(path)
    assert match.view_name == name
    assert match.kwargs == kwargs
