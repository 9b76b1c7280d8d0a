"""Events in the newsroom, with their photos and participants."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from apps.core.admin import (
    PublicationStateFilter,
    PublishableAdmin,
    in_every_language,
    publication_date_filter,
)
from apps.events.models import Event, EventPhoto


class EventPhotoInline(admin.TabularInline):
    model = EventPhoto
    extra = 0
    autocomplete_fields = ["photo"]
    fields = ["photo", "caption", "order"]


@admin.register(Event)
class EventAdmin(PublishableAdmin):
    inlines = [EventPhotoInline]
    list_display = [
        "title",
        "kind",
        "start_date",
        "end_date",
        "event_status",
        "city",
        "languages",
        "publication_state",
    ]
    list_filter = [
        PublicationStateFilter,
        publication_date_filter(),
        "kind",
        "event_status",
        "country",
    ]
    list_select_related = ["country"]
    search_fields = in_every_language("title", "venue", "city")
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "part_of",
        "venue_organisation",
        "country",
        "organiser",
        "chair",
        "chairing_state",
        "participants",
    ]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "event_status", "part_of"]}),
        (
            _("When and where"),
            {
                "fields": [
                    ("start_date", "end_date"),
                    "venue",
                    "venue_organisation",
                    ("city", "country"),
                ]
            },
        ),
        (_("Who"), {"fields": ["organiser", "chair", "chairing_state", "participants"]}),
        (_("About"), {"fields": ["description", "outcome"]}),
        PublishableAdmin.publishing_fieldset,
    ]
