"""The events' public pages: coming and past events, the calendar, one event, iCalendar files."""

import calendar as month_calendar
from datetime import date

from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, TemplateView

from apps.core.filters import FIRST_YEAR, LAST_YEAR
from apps.core.seo import SeoMixin, absolute
from apps.core.views import FilteredListMixin, KeptPageMixin, PublishedObjectMixin
from apps.events import ical
from apps.events.filters import EventFilter
from apps.events.models import Event, EventPhoto
from apps.organisations.models import Organisation

EVENTS = _("Events")


def events_crumb():
    return (EVENTS, reverse("events:event_list"))


class EventListView(SeoMixin, FilteredListMixin, ListView):
    """Upcoming events (running ones included), soonest first; or past ones, latest first."""

    lists_kinds = (Event,)
    paginate_by = 20
    context_object_name = "events"
    filterset_class = EventFilter
    template_name = "events/event_list.html"
    past = False

    def get_base_queryset(self):
        events = Event.objects.public().select_related("country")
        today = timezone.localdate()
        return events.past(today) if self.past else events.upcoming(today)

    def get_breadcrumbs(self):
        crumbs = [events_crumb()]
        if self.past:
            crumbs.append((_("Past events"), self.request.path))
        return crumbs

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(
            page_title=_("Past events") if self.past else _("Upcoming events"),
            past=self.past,
            this_month=today,
            **kwargs,
        )


class EventCalendarView(SeoMixin, KeptPageMixin, TemplateView):
    """A month grid with every published event that runs on each day."""

    template_name = "events/event_calendar.html"
    lists_kinds = (Event,)

    def get_month(self):
        year, month = self.kwargs.get("year"), self.kwargs.get("month")
        if year is None:
            today = timezone.localdate()
            return today.replace(day=1)
        if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
            raise Http404(_("There is no such month in the calendar."))
        return date(year, month, 1)

    def get_context_data(self, **kwargs):
        first = self.get_month()
        weeks = month_calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
        grid_start, grid_end = weeks[0][0], weeks[-1][-1]
        events = list(
            Event.objects.public()
            .filter(start_date__lte=grid_end, end_date__gte=grid_start)
            .order_by("start_date", "pk")
            .only("title", "slug", "start_date", "end_date", "kind")
        )
        days = [
            [
                {
                    "date": day,
                    "in_month": day.month == first.month,
                    "events": [e for e in events if e.start_date <= day <= e.end_date],
                }
                for day in week
            ]
            for week in weeks
        ]
        previous = (first.replace(day=1) - date.resolution).replace(day=1)
        following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        self.page_title = _("Events calendar: %(month)s") % {"month": date_format(first, "F Y")}
        return super().get_context_data(
            page_title=self.page_title,
            calendar_month=first,
            weeks=days,
            weekdays=[date(2024, 1, d) for d in range(1, 8)],  # a Monday-first week
            month_events=[e for e in events if e.end_date >= first and e.start_date < following],
            previous_month=previous if previous.year >= FIRST_YEAR else None,
            next_month=following if following.year <= LAST_YEAR else None,
            **kwargs,
        )

    def get_breadcrumbs(self):
        return [events_crumb(), (self.page_title, self.request.path)]


class EventDetailView(SeoMixin, PublishedObjectMixin, DetailView):
    model = Event
    context_object_name = "event"
    og_type = "article"

    def get_base_queryset(self):
        return Event.objects.select_related(
            "country", "organiser", "chair", "chairing_state", "part_of", "venue_organisation"
        )

    def get_content_prefetches(self):
        # Agreements build on events, not the other way round: the relation names the model.
        Agreement = Event.agreements_concluded.field.model
        return (
            Prefetch("participants", queryset=Organisation.objects.public()),
            Prefetch("agreements_concluded", queryset=Agreement.objects.public()),
            Prefetch("gallery", queryset=EventPhoto.objects.select_related("photo")),
        )

    def get_breadcrumbs(self):
        return [events_crumb(), (self.object.title, self.object.get_absolute_url())]

    def get_json_ld(self):
        event, request = self.object, self.request
        status = {
            "cancelled": "https://schema.org/EventCancelled",
            "postponed": "https://schema.org/EventPostponed",
        }.get(event.event_status, "https://schema.org/EventScheduled")
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": event.title,
            "startDate": event.start_date.isoformat(),
            "endDate": event.end_date.isoformat(),
            "eventStatus": status,
            "url": absolute(request, event.get_absolute_url()),
            "description": event.description,
        }
        if event.venue or event.city:
            data["location"] = {
                "@type": "Place",
                "name": event.venue or event.city,
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": event.city,
                    "addressCountry": event.country.code if event.country else "",
                },
            }
        if event.organiser and event.organiser.is_public:
            data["organizer"] = {"@type": "Organization", "name": event.organiser.name}
        return data

    def get_context_data(self, **kwargs):
        event = self.object
        return super().get_context_data(
            page_title=event.title,
            page_description=event.description,
            **kwargs,
        )


def event_ical(request, slug):
    event = Event.objects.public().select_related("country").by_slug(slug).first()
    if event is None:
        raise Http404(_("There is no such event."))
    response = HttpResponse(
        ical.calendar([event], request, name=event.title),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


def upcoming_ics(request):
    """A calendar to subscribe to: published events from a month ago onwards."""
    since = timezone.localdate().replace(day=1)
    events = (
        Event.objects.public()
        .filter(end_date__gte=since)
        .select_related("country")
        .order_by("start_date", "pk")[:500]
    )
    response = HttpResponse(
        ical.calendar(events, request, name=str(_("CSTO events"))),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="csto-events.ics"'
    return response


upcoming_ics.lists_kinds = (Event,)
