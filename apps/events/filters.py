"""The event list's filters: kind, status, country, organisation and years."""

import django_filters
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.core.filters import PublicFilterSet, YearFilter
from apps.events.models import Event, EventKind, EventStatus
from apps.organisations.models import Country, Organisation, OrganisationKind


class EventFilter(PublicFilterSet):
    kind = django_filters.ChoiceFilter(
        choices=EventKind.choices, label=_("Kind"), empty_label=_("All kinds")
    )
    organiser = django_filters.ModelChoiceFilter(
        queryset=lambda request: Organisation.objects.public().filter(
            kind__in=[OrganisationKind.INTERGOVERNMENTAL, OrganisationKind.BODY],
            parent__slug="csto",
        ),
        to_field_name="slug",
        label=_("Body"),
        empty_label=_("All bodies"),
    )
    country = django_filters.ModelChoiceFilter(
        queryset=Country.objects.all(),
        to_field_name="code",
        label=_("Country"),
        empty_label=_("All countries"),
    )
    year = YearFilter(field_name="start_date")
    event_status = django_filters.ChoiceFilter(
        choices=EventStatus.choices,
        label=pgettext_lazy("event", "Status"),
        empty_label=_("Any status"),
    )

    class Meta:
        model = Event
        fields = ["kind", "organiser", "country", "year", "event_status"]
