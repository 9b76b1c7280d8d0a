"""The events' pages: upcoming and past lists, filters, the calendar, an event's page."""

from datetime import date

import pytest
from django.urls import reverse

from apps.events.models import Event
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    EventFactory,
    OrganisationFactory,
)
from tests.pages import titles

pytestmark = pytest.mark.django_db


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


class TestEvents:
    def test_upcoming_and_past(self, client, settings):
        EventFactory(title="Next year", start_date=date(2099, 1, 1), end_date=date(2099, 1, 1))
        EventFactory(title="Long ago", start_date=date(2001, 1, 1), end_date=date(2001, 1, 2))
        assert titles(client.get(reverse("events:event_list")), "events") == ["Next year"]
        assert titles(client.get(reverse("events:event_past")), "events") == ["Long ago"]

    def test_filters(self, client):
        body = OrganisationFactory(slug="csto")
        council = OrganisationFactory(slug="csc", parent=body)
        EventFactory(
            title="Training",
            kind="training",
            organiser=council,
            start_date=date(2099, 3, 1),
            end_date=date(2099, 3, 2),
        )
        EventFactory(
            title="Meeting", kind="meeting", start_date=date(2098, 3, 1), end_date=date(2098, 3, 1)
        )
        url = reverse("events:event_list")
        assert titles(client.get(url, {"kind": "training"}), "events") == ["Training"]
        assert titles(client.get(url, {"organiser": "csc"}), "events") == ["Training"]
        assert titles(client.get(url, {"year": 2098}), "events") == ["Meeting"]
        bad = client.get(url, {"year": "10" * 50, "kind": "party"})
        assert bad.status_code == 200
        assert "could not be understood" in bad.content.decode()

    def test_calendar_month(self, client):
        EventFactory(
            title="Spans the month end", start_date=date(2023, 3, 30), end_date=date(2023, 4, 2)
        )
        response = client.get(reverse("events:event_calendar_month", args=[2023, 4]))
        busy = [day["date"] for week in response.context["weeks"] for day in week if day["events"]]
        assert busy == [date(2023, 3, 30), date(2023, 3, 31), date(2023, 4, 1), date(2023, 4, 2)]
        assert "Spans the month end" in response.content.decode()

    @pytest.mark.parametrize("month", [(2023, 0), (2023, 13), (1000, 1), (99999, 1)])
    def test_calendar_of_a_month_that_does_not_exist_is_not_found(self, client, month):
        assert client.get(reverse("events:event_calendar_month", args=month)).status_code == 404

    def test_event_page_shows_range_status_agreements_and_coverage(self, client):
        event = EventFactory(
            start_date=date(2023, 3, 27), end_date=date(2023, 3, 30), event_status="held"
        )
        AgreementFactory(title="Adopted here", concluded_at=event)
        article = ArticleFactory(title="Coverage of the event")
        article.events.add(event)
        html = client.get(event.get_absolute_url()).content.decode()
        for text in [
            "27-30 March 2023",
            "Held",
            "Adopted here",
            "Coverage of the event",
            "event.ics",
        ]:
            assert text in html
