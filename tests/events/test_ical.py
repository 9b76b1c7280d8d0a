"""Calendar files: an event's iCal download and the feed of upcoming events."""

from datetime import date

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.factories import (
    EventFactory,
)

pytestmark = pytest.mark.django_db


def test_event_ical_download_is_valid(client, world):
    response = client.get(reverse("events:event_ical", args=[world["event"].slug]))
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Live session"
    assert event["DTSTART"].dt == date(2099, 1, 1)
    assert event["DTEND"].dt == date(2099, 1, 3)  # exclusive end of a two-day event


def test_ical_escapes_and_folds_long_text(client):
    event = EventFactory(title="Meeting; with, commas " + "long " * 40, description="Line\nbreak")
    calendar = Calendar.from_ical(
        client.get(reverse("events:event_ical", args=[event.slug])).content
    )
    (parsed,) = calendar.walk("VEVENT")
    assert str(parsed["SUMMARY"]) == event.title
    assert str(parsed["DESCRIPTION"]) == "Line\nbreak"


def test_ical_of_a_draft_event_is_not_found(client):
    assert (
        client.get(reverse("events:event_ical", args=[EventFactory(draft=True).slug])).status_code
        == 404
    )


def test_upcoming_ics_lists_coming_events(client, world):
    calendar = Calendar.from_ical(client.get(reverse("events:upcoming_ics")).content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Live session"]


def test_an_events_uid_does_not_depend_on_the_host_it_was_fetched_from(client):
    event = EventFactory()
    url = reverse("events:event_ical", args=[event.slug])
    uids = {
        str(Calendar.from_ical(client.get(url, HTTP_HOST=host).content).walk("VEVENT")[0]["UID"])
        for host in ["localhost", "127.0.0.1"]
    }
    assert len(uids) == 1
    assert "localhost" not in uids.pop()
