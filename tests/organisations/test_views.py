"""The pages of organisations and people: the directories, an organisation, a person."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from apps.organisations.models import Organisation, Person
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    PositionFactory,
    StateFactory,
)
from tests.pages import html_of, json_ld_blocks

pytestmark = pytest.mark.django_db


def test_person_page_shows_dated_positions(client, demo):
    html = client.get(Person.objects.get(slug="denis-manturov").get_absolute_url()).content.decode()
    assert "Minister of Industry and Trade" in html
    assert "until 13.05.2024" in html


def test_organisation_page_shows_hierarchy_and_office_holders(client, demo):
    org = Organisation.objects.get(slug="main-department-for-migration")
    html = client.get(org.get_absolute_url()).content.decode()
    assert "Russian Federation" in html  # grandparent in the breadcrumbs
    assert "Ministry of Internal Affairs of Russia" in html
    assert "Valentina Kazakova" in html


class TestOrganisationsAndPeople:
    def test_directory_groups_by_kind(self, client):
        OrganisationFactory(name="Collective Security Council", kind="body")
        StateFactory(name="Republic of Belarus")
        OrganisationFactory(name="Hidden", kind="body", draft=True)
        response = client.get(reverse("organisations:organisation_list"))
        groups = {
            label: [o.name for o in items] for _k, label, items, _n in response.context["groups"]
        }
        assert groups == {
            "Body of an organisation": ["Collective Security Council"],
            "Member state": ["Republic of Belarus"],
        }
        only_states = client.get(
            reverse("organisations:organisation_list"), {"kind": "member_state"}
        )
        assert [label for _k, label, _i, _n in only_states.context["groups"]] == ["Member state"]

    def test_organisation_page_shows_hierarchy_people_news_events_agreements(self, client):
        parent = OrganisationFactory(name="CSTO", slug="csto")
        body = OrganisationFactory(name="Council", parent=parent)
        OrganisationFactory(name="Working group", parent=body)
        PositionFactory(
            organisation=body, person=PersonFactory(name="Chair Person"), title="Chairman"
        )
        EventFactory(title="Council session", organiser=body)
        AgreementFactory(title="Council decision", adopting_body=body)
        ArticleFactory(title="Council news").organisations.add(body)
        html = client.get(body.get_absolute_url()).content.decode()
        for text in [
            "CSTO",
            "Working group",
            "Chairman",
            "Chair Person",
            "Council session",
            "Council decision",
            "Council news",
        ]:
            assert text in html

    def test_people_directory_shows_current_titles(self, client):
        person = PersonFactory(name="Imangali Tasmagambetov")
        PositionFactory(
            person=person,
            title="Secretary General",
            organisation=OrganisationFactory(short_name="CSTO"),
        )
        PositionFactory(
            person=person,
            title="Former post",
            end_date=date(2022, 12, 31),
            start_date=date(2020, 1, 1),
        )
        html = client.get(reverse("organisations:person_list")).content.decode()
        assert "Secretary General, CSTO" in html
        assert "Former post" not in html


def test_person_json_ld(client):
    person = PersonFactory(name="Imangali Tasmagambetov", rank="")
    blocks = json_ld_blocks(html_of(client, person.get_absolute_url()))
    assert {"@type": "Person"}.items() <= next(b for b in blocks if b["@type"] == "Person").items()


def test_an_organisations_events_are_found_by_their_keys_not_by_reading_every_event(client):
    """Issue 16: `organiser = X OR pk IN (...)` walked every event; `make bench` flagged it
    with 10,003 rows filtered away at 100k."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import many_unrelated_events
    from tools.bench.plans import worst_plans

    ministry = OrganisationFactory()
    EventFactory(title="Organised by the ministry", organiser=ministry)
    EventFactory(title="The ministry took part").participants.add(ministry)
    many_unrelated_events()
    with CaptureQueriesContext(connection) as queries:
        html = client.get(ministry.get_absolute_url()).content.decode()
    assert "Organised by the ministry" in html
    assert "The ministry took part" in html
    rows_filtered, statement = worst_plans([query["sql"] for query in queries])["filtered"]
    assert rows_filtered < 100, statement


def test_the_people_list_walks_its_alphabetical_index_instead_of_sorting_everyone(client):
    """Issue 16: the list sorted every published person (5,003 at 100k) for each page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from apps.core.models import PublicationStatus
    from tools.bench.plans import worst_plans

    Person.objects.bulk_create(
        Person(name_en=f"Person {n:05}", name_ru=f"Персона {n:05}", sort_name_en=f"{n:05}",
               sort_name_ru=f"{n:05}", slug=f"person-{n}", slug_en=f"person-{n}",
               slug_ru=f"person-{n}", status=PublicationStatus.PUBLISHED,
               published_at=timezone.now())
        for n in range(5000)
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("organisations:person_list")).status_code == 200
    rows_sorted, statement = worst_plans([query["sql"] for query in queries])["sorted"]
    assert rows_sorted <= 1000, statement


def test_the_directory_walks_each_kinds_alphabetical_index_instead_of_sorting_them(client):
    """Issue 16: the directory sorted every published organisation of a kind (2,004 at 100k)
    to show its first twelve."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from apps.core.models import PublicationStatus
    from tools.bench.plans import worst_plans

    Organisation.objects.bulk_create(
        Organisation(name_en=f"Agency {n:05}", name_ru=f"Агентство {n:05}", kind="ministry",
                     slug=f"agency-{n}", slug_en=f"agency-{n}", slug_ru=f"agency-{n}",
                     status=PublicationStatus.PUBLISHED, published_at=timezone.now())
        for n in range(3000)
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    for language in ("en", "ru"):
        with translation.override(language), CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("organisations:organisation_list"))
        assert response.status_code == 200
        rows_sorted, statement = worst_plans([query["sql"] for query in queries])["sorted"]
        assert rows_sorted <= 1000, (language, statement)
