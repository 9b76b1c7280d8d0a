"""Public lists and detail pages make a fixed number of queries however much they show."""

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    CountryFactory,
    EventFactory,
    OrganisationFactory,
    PartyFactory,
    PersonFactory,
    PositionFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_name",
    [
        # The home page and the news list: tests/news/test_views.py, with photos, at most 6.
        "news:article_archive",
        "events:event_list",
        "events:event_past",
        "events:event_calendar",
        "agreements:agreement_list",
        "organisations:organisation_list",
        "organisations:person_list",
        "news:feed_rss",
        "events:upcoming_ics",
    ],
)
def test_list_pages_make_a_fixed_number_of_queries(client, url_name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def make(n):
        section = SectionFactory()
        for _ in range(n):
            body = OrganisationFactory()
            ArticleFactory(section=section).organisations.add(body)
            event = EventFactory(
                organiser=body, start_date=date(2099, 1, 5), end_date=date(2099, 1, 6)
            )
            event.participants.add(body)
            PartyFactory(agreement=AgreementFactory(adopting_body=body))
            PositionFactory(organisation=body)

    make(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse(url_name)).status_code == 200
    make(15)
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse(url_name)).status_code == 200
    assert len(many) == len(few)
    assert len(many) <= 6


def test_entity_pages_make_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    organisation = OrganisationFactory(parent=OrganisationFactory())
    OrganisationFactory.create_batch(10, parent=organisation)
    for person in PersonFactory.create_batch(10):
        PositionFactory(person=person, organisation=organisation, start_date=date(2020, 1, 1))
    agreement = AgreementFactory()
    for _ in range(6):
        PartyFactory(agreement=agreement)
    event = EventFactory(organiser=organisation, chair=PersonFactory())
    event.participants.set(OrganisationFactory.create_batch(10))
    person = PersonFactory()
    PositionFactory.create_batch(10, person=person)
    # Events in three countries, each card naming its country.
    for n in range(3):
        EventFactory(
            chair=person, country=CountryFactory(),
            start_date=date(2024, 1, n + 1), end_date=date(2024, 1, n + 2),
        )  # fmt: skip
    # Made anew (no kept pages here): what a visit costs after a change to what it shows.
    for obj, limit in [(organisation, 6), (agreement, 6), (event, 6), (person, 6)]:
        with django_assert_max_num_queries(limit):
            assert client.get(obj.get_absolute_url()).status_code == 200
