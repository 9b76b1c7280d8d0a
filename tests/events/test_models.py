"""Events: dates in order, unique slugs, no event part of itself, upcoming and past."""

from datetime import date

import pytest
from django.db import IntegrityError

from apps.events.models import Event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_event_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError, match="event_ends_on_or_after_start"):
        EventFactory(start_date=date(2023, 3, 30), end_date=date(2023, 3, 27))


def test_one_day_event():
    event = EventFactory(start_date=date(2023, 3, 28), end_date=date(2023, 3, 28))
    assert event.is_single_day


def test_event_slugs_are_unique():
    EventFactory(slug="meeting")
    with pytest.raises(IntegrityError):
        EventFactory(slug="meeting")


def test_event_cannot_be_part_of_itself():
    event = EventFactory()
    event.part_of = event
    with pytest.raises(IntegrityError, match="event_not_part_of_itself"):
        event.save()


def test_unknown_kind_is_refused_by_the_database():
    event = EventFactory()
    with pytest.raises(IntegrityError, match="event_kind_valid"):
        Event.objects.filter(pk=event.pk).update(kind="party")


def test_upcoming_and_past():
    past = EventFactory(start_date=date(2023, 3, 1), end_date=date(2023, 3, 2))
    running = EventFactory(start_date=date(2023, 3, 27), end_date=date(2023, 3, 30))
    today = date(2023, 3, 28)
    assert list(Event.objects.upcoming(today)) == [running]
    assert list(Event.objects.past(today)) == [past]


def test_a_working_meeting_is_a_kind_of_its_own_in_both_languages():
    from django.utils import translation

    from apps.events.models import EventKind

    with translation.override("ru"):
        assert str(EventKind.MEETING.label) == "Заседание"
        assert str(EventKind.WORKING_MEETING.label) == "Рабочая встреча"
    with translation.override("en"):
        assert str(EventKind.WORKING_MEETING.label) == "Working meeting"
