"""Addresses of events: lists, one event, its calendar file, the feeds."""

from django.urls import path

from apps.events import feeds, views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="event_list"),
    path("past/", views.EventListView.as_view(past=True), name="event_past"),
    path("calendar/", views.EventCalendarView.as_view(), name="event_calendar"),
    path(
        "calendar/<int:year>/<int:month>/",
        views.EventCalendarView.as_view(),
        name="event_calendar_month",
    ),
    path("upcoming.ics", views.upcoming_ics, name="upcoming_ics"),
    path("feed/rss/", feeds.UpcomingEventsFeed(), name="feed_rss"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
    path("<slug:slug>/event.ics", views.event_ical, name="event_ical"),
]
