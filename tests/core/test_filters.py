"""The public filter forms offer what is published now, not what was at start-up."""

from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    EventFactory,
    OrganisationFactory,
)
from tests.pages import titles

pytestmark = pytest.mark.django_db


def test_filters_offer_items_published_after_the_server_started(client):
    # A queryset written into a filter class keeps the time of the import: a body
    # published a day later must still be a valid choice.
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        body = OrganisationFactory(slug="csto")
        council = OrganisationFactory(slug="new-council", parent=body)
        future = {"start_date": date(2099, 3, 1), "end_date": date(2099, 3, 2)}
        EventFactory(title="Late training", organiser=council, **future)
        EventFactory(title="Other", **future)
        events = client.get(reverse("events:event_list"), {"organiser": "new-council"})
        assert titles(events, "events") == ["Late training"]
        found = client.get(reverse("search:results"), {"q": "training", "organisation": "csto"})
        assert not found.context["filters"].errors
