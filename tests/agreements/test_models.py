"""Agreements and their parties: dates in order, consent complete, one party per state."""

from datetime import date

import pytest
from django.db import IntegrityError

from apps.agreements.models import AgreementStatus, ConsentKind
from tests.factories import AgreementFactory, PartyFactory

pytestmark = pytest.mark.django_db


def test_agreement_in_force_needs_its_date():
    with pytest.raises(IntegrityError, match="agreement_in_force_has_date"):
        AgreementFactory(agreement_status=AgreementStatus.IN_FORCE, entered_into_force_on=None)


def test_agreement_cannot_enter_into_force_before_conclusion():
    with pytest.raises(IntegrityError, match="agreement_force_after_conclusion"):
        AgreementFactory(
            concluded_on=date(2021, 9, 16),
            agreement_status=AgreementStatus.IN_FORCE,
            entered_into_force_on=date(2021, 9, 15),
        )


def test_a_state_is_a_party_once():
    party = PartyFactory()
    with pytest.raises(IntegrityError, match="party_once_per_agreement"):
        PartyFactory(agreement=party.agreement, state=party.state)


def test_consent_needs_kind_and_date_together():
    with pytest.raises(IntegrityError, match="party_consent_kind_and_date_together"):
        PartyFactory(consent_kind=ConsentKind.RATIFICATION, consent_on=None)


def test_consent_date_without_kind_is_refused():
    with pytest.raises(IntegrityError, match="party_consent_kind_and_date_together"):
        PartyFactory(consent_on=date(2022, 1, 1))


def test_consent_cannot_precede_signature():
    with pytest.raises(IntegrityError, match="party_consent_after_signature"):
        PartyFactory(
            signed_on=date(2021, 9, 16),
            consent_kind=ConsentKind.RATIFICATION,
            consent_on=date(2021, 9, 1),
        )


def test_withdrawal_cannot_precede_signature():
    with pytest.raises(IntegrityError, match="party_withdrawal_after_signature"):
        PartyFactory(signed_on=date(2021, 9, 16), withdrawn_on=date(2020, 1, 1))


def test_ratified_party_is_bound_until_withdrawal():
    party = PartyFactory(consent_kind=ConsentKind.RATIFICATION, consent_on=date(2022, 5, 1))
    assert party.is_bound
    party.withdrawn_on = date(2024, 1, 1)
    assert not party.is_bound


def test_authentic_languages_are_named():
    agreement = AgreementFactory(authentic_languages=["ru", "en"])
    assert agreement.authentic_language_names == ["Russian", "English"]
