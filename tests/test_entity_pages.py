"""The public pages of organisations, people, events and agreements."""

from datetime import date

import pytest
from django.core.management import call_command

from apps.agreements.models import Agreement
from apps.events.models import Event
from apps.organisations.models import Organisation, Person
from tests.factories import (
    AgreementFactory,
    EventFactory,
    OrganisationFactory,
    PartyFactory,
    PersonFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def test_training_page_shows_its_date_range_and_venue(client, demo):
    html = client.get(
        Event.objects.get(slug="crrf-special-forces-training-2023").get_absolute_url()
    ).content.decode()
    assert "27-30 March 2023" in html
    assert "Management Academy of the Ministry of Internal Affairs of Russia" in html


def test_meeting_page_shows_its_chair(client, demo):
    event = Event.objects.get(slug="illegal-headquarters-meeting-2023-03-28")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "28 March 2023" in html
    assert "Valentina Kazakova" in html


def test_agreement_page_shows_conclusion_status_and_parties(client, demo):
    agreement = Agreement.objects.get(slug="agreement-on-jurisdiction-and-legal-assistance-2021")
    html = client.get(agreement.get_absolute_url()).content.decode()
    assert "Dushanbe, 16 September 2021" in html
    assert "In force" in html
    assert html.count('<th scope="row">') == 6
    assert "Republic of Tajikistan" in html


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


@pytest.mark.parametrize(
    "factory", [OrganisationFactory, PersonFactory, EventFactory, AgreementFactory]
)
@pytest.mark.parametrize("state", ["draft", "scheduled", "expired"])
def test_unpublished_entities_answer_404(client, factory, state):
    assert client.get(factory(**{state: True}).get_absolute_url()).status_code == 404


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
    for obj, limit in [(organisation, 6), (agreement, 7), (event, 6), (person, 5)]:
        with django_assert_max_num_queries(limit):
            assert client.get(obj.get_absolute_url()).status_code == 200
