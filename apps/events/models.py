"""One Event model for every kind of meeting, with its dates, chair, participants and outcome."""

from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.core.fields import search_field
from apps.core.indexes import missing_language_indexes, trigram_indexes
from apps.core.models import Publishable, PublishableQuerySet
from apps.core.slugs import SLUG_HELP
from apps.media.models import GalleryPhoto


class EventKind(models.TextChoices):
    # A formal sitting of a body (заседание), and a working meeting of people (встреча).
    MEETING = "meeting", pgettext_lazy("event kind", "Meeting")
    WORKING_MEETING = "working_meeting", pgettext_lazy("event kind", "Working meeting")
    SESSION = "session", _("Session")
    TRAINING = "training", _("Training")
    EXERCISE = "exercise", _("Exercise")
    OPERATION = "operation", _("Operation")
    FORUM = "forum", _("Forum or exhibition")
    VISIT = "visit", _("Visit")
    CONFERENCE = "conference", _("Conference")


class EventStatus(models.TextChoices):
    ANNOUNCED = "announced", _("Announced")
    HELD = "held", _("Held")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class EventQuerySet(PublishableQuerySet):
    def upcoming(self, today):
        return self.filter(end_date__gte=today).order_by("start_date", "pk")

    def past(self, today):
        return self.filter(end_date__lt=today).order_by("-start_date", "-pk")


class Event(Publishable):
    """Anything that happens on dates: meetings, sessions, trainings, exercises, operations."""

    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True, help_text=SLUG_HELP)
    start_date = models.DateField(_("starts on"))
    end_date = models.DateField(
        _("ends on"), help_text=_("The same as the start for a one-day event.")
    )
    event_status = models.CharField(
        _("event status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.ANNOUNCED,
        help_text=_("Whether the event is still to come, took place, or was moved or called off."),
    )
    part_of = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="parts",
        help_text=_("A larger event or operation this one belongs to."),
    )
    venue = models.CharField(
        _("venue"),
        max_length=300,
        blank=True,
        help_text=_("Building or institution, for example “Management Academy of the Ministry”."),
    )
    venue_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("host institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events_hosted",
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.ForeignKey(
        "organisations.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    organiser = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organising body"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events_organised",
    )
    chair = models.ForeignKey(
        "organisations.Person",
        verbose_name=_("chair"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events_chaired",
    )
    chairing_state = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("chairing state"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events_chaired",
        limit_choices_to={"kind__in": ["member_state", "state"]},
    )
    participants = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("participants"),
        blank=True,
        related_name="events_attended",
        help_text=_("States and organisations that took part."),
    )
    description = models.TextField(_("description"), blank=True)
    outcome = models.TextField(
        _("outcome"), blank=True, help_text=_("What was decided or achieved, once it is known.")
    )

    search = search_field(("title", "A"), ("venue", "C"), ("city", "C"), ("description", "B"))

    objects = EventQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("publish_event", _("Can publish, schedule and unpublish events"))]
        ordering = ["-start_date", "-pk"]
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="event_ends_on_or_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            ),
            models.CheckConstraint(condition=Q(kind__in=EventKind.values), name="event_kind_valid"),
            models.CheckConstraint(
                condition=Q(event_status__in=EventStatus.values), name="event_status_valid"
            ),
            models.CheckConstraint(condition=~Q(part_of=F("pk")), name="event_not_part_of_itself"),
            models.CheckConstraint(
                condition=~Q(slug__in=["past", "calendar", "feed"]),
                name="event_slug_not_reserved",
                violation_error_message=_("This address is used by the site; choose another."),
            ),
        ]
        indexes = [
            *Publishable.Meta.indexes,
            models.Index(fields=["start_date", "end_date"], name="event_dates_idx"),
            models.Index(fields=["kind", "-start_date"], name="event_kind_start_idx"),
            GinIndex(fields=["search"], name="event_search_idx"),
            *trigram_indexes("event", "title"),
            *missing_language_indexes("event", Publishable.translation_required),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event_detail", kwargs={"slug": self.slug})

    @property
    def is_single_day(self):
        return self.start_date == self.end_date

    @property
    def place(self):
        return ", ".join(part for part in [self.city, str(self.country or "")] if part)


class EventPhoto(GalleryPhoto):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="gallery")

    class Meta(GalleryPhoto.Meta):
        verbose_name = _("gallery photo")
        verbose_name_plural = _("gallery")
