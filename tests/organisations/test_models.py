"""Organisations, people and positions: dates, hierarchy without cycles, one state per country."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from apps.organisations.models import OrganisationKind, Position
from tests.factories import (
    CountryFactory,
    OrganisationFactory,
    PersonFactory,
    PositionFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


def test_position_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError, match="position_ends_after_start"):
        PositionFactory(start_date=date(2023, 1, 1), end_date=date(2022, 12, 31))


def test_same_position_from_the_same_date_is_recorded_once():
    position = PositionFactory()
    with pytest.raises(IntegrityError, match="position_unique_per_start"):
        PositionFactory(
            person=position.person,
            organisation=position.organisation,
            title=position.title,
            start_date=position.start_date,
        )


def test_undated_position_is_still_unique():
    position = PositionFactory(start_date=None)
    with pytest.raises(IntegrityError, match="position_unique_per_start"):
        PositionFactory(
            person=position.person,
            organisation=position.organisation,
            title=position.title,
            start_date=None,
        )


def test_positions_held_on_a_date():
    person = PersonFactory()
    old = PositionFactory(
        person=person, title="Deputy", start_date=date(2020, 1, 1), end_date=date(2022, 12, 31)
    )
    new = PositionFactory(person=person, title="Head", start_date=date(2023, 1, 1))
    undated = PositionFactory(person=person, title="Chairman", start_date=None)
    held = Position.objects.held_on
    assert set(held(date(2022, 6, 1))) == {old, undated}
    assert set(held(date(2022, 12, 31))) == {old, undated}
    assert set(held(date(2023, 1, 1))) == {new, undated}


def test_organisation_cannot_be_its_own_parent():
    organisation = OrganisationFactory()
    organisation.parent = organisation
    with pytest.raises(IntegrityError, match="organisation_not_own_parent"):
        organisation.save()


def test_parent_cycle_is_a_validation_error():
    top = OrganisationFactory()
    child = OrganisationFactory(parent=top)
    top.parent = child
    with pytest.raises(ValidationError, match="part of itself"):
        top.full_clean()


def test_state_needs_a_country():
    with pytest.raises(IntegrityError, match="organisation_state_has_country"):
        OrganisationFactory(kind=OrganisationKind.MEMBER_STATE, country=None)


def test_one_state_organisation_per_country():
    state = StateFactory()
    with pytest.raises(IntegrityError, match="organisation_one_state_per_country"):
        StateFactory(country=state.country, slug="another-state")


def test_a_ministry_may_share_its_states_country():
    state = StateFactory()
    ministry = OrganisationFactory(
        kind=OrganisationKind.MINISTRY, country=state.country, parent=state
    )
    assert ministry.ancestors() == [state]


def test_country_code_is_iso_alpha2():
    with pytest.raises(IntegrityError, match="country_code_iso_alpha2"):
        CountryFactory(code="ru")
