"""The publishing vocabulary: the states an item goes through, and the one rule for what is public.

`PublishableQuerySet.published()` decides what is published; `public()` adds the language
policy; `Publishable` is the abstract model every public item extends, with a per-object twin
of each rule.
"""

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, Max, Min, Q
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from apps.core.indexes import missing_text
from apps.core.languages import language_name, site_languages
from apps.core.slugs import TranslatedSlugs


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")


#: Fields that only people with the publishing right may set. The status is not among them:
#: it changes only through the workflow services (apps/core/services.py), never in a form.
PUBLISHING_FIELDS = ["published_at", "unpublish_at", "require_all_languages"]

#: The date drill-down asks one EXISTS per year for at most this span (see `datetimes`).
MAX_YEARS_ASKED = 100


class PublishableQuerySet(models.QuerySet):
    def published(self, at=None):
        """What is published at `at` (default: now): the publishing vocabulary's one rule.

        Published, with a publication time that has come, and not yet unpublished. Pure:
        it never looks at the active language. `Publishable.is_published` is its twin for
        one object. Visitors' pages use `public()`, which adds the language policy.
        """
        at = at or timezone.now()
        return self.filter(status=PublicationStatus.PUBLISHED, published_at__lte=at).filter(
            Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=at)
        )

    def shown_in_language(self, language=None):
        """The language policy: with TRANSLATION_FALLBACK=hide, only items written in
        `language` (default: the active one); otherwise every item (shown in a fallback).
        `Publishable.is_shown_in_language` is its twin for one object."""
        language = language or get_language()
        if settings.TRANSLATION_FALLBACK == "hide" and language in site_languages():
            return self.in_language(language)
        return self

    def public(self, at=None, language=None):
        """What a visitor reading `language` (default: the active one) may see: published,
        then the language policy. Every public surface (pages, feeds, sitemaps, search,
        related-item blocks, JSON-LD) goes through it; `Publishable.is_public` is its twin."""
        return self.published(at).shown_in_language(language)

    def withdrawn(self, at=None):
        """Items that were public and are no longer: unpublished, or past their unpublish
        time. Their addresses answer “withdrawn” (410) rather than “not found”.
        `Publishable.is_withdrawn_at` is its twin."""
        at = at or timezone.now()
        expired = Q(status=PublicationStatus.PUBLISHED, unpublish_at__lte=at)
        taken_down = Q(withdrawn_at__isnull=False) & ~Q(status=PublicationStatus.PUBLISHED)
        return self.filter(expired | taken_down)

    def in_language(self, language):
        """Items that exist in `language` (their identifying text is written in it)."""
        field = f"{self.model.translation_field}_{language}"
        return self.exclude(**{f"{field}__isnull": True}).exclude(**{field: ""})

    def by_slug(self, slug):
        """The item this address names in any language, or named before a rename."""
        condition = Q(former_slugs__contains=[slug])
        for code in site_languages():
            condition |= Q(**{f"slug_{code}": slug})
        return self.filter(condition)

    def missing_language(self, language):
        """Items lacking a required text in `language`: for the translation report."""
        return self.filter(missing_text(self.model.translation_required, language))

    def latest_first(self):
        return self.order_by("-published_at", "-pk")

    def datetimes(self, field_name, kind, order="ASC", tzinfo=None):
        """The years that have items, for the newsroom's date drill-down, without reading
        every row: the first and last dates, then one EXISTS per year between them, each
        answered by the date index. Other kinds are Django's own (a year or month at most).
        The years come as a list of datetimes, not a queryset."""
        if kind != "year" or self.query.is_sliced or self.query.combinator:
            return super().datetimes(field_name, kind, order, tzinfo)
        zone = tzinfo or timezone.get_current_timezone()
        bounds = self.aggregate(first=Min(field_name), last=Max(field_name))
        if bounds["first"] is None:
            return []
        first, last = (timezone.localtime(bounds[end], zone).year for end in ("first", "last"))
        if last - first > MAX_YEARS_ASKED:
            # A mistyped year 0202 would make this thousands of EXISTS: Django's way then.
            return super().datetimes(field_name, kind, order, tzinfo)
        start = {year: datetime(year, 1, 1, tzinfo=zone) for year in range(first, last + 2)}
        has_items = {
            f"y{year}": Exists(
                self.order_by().filter(
                    **{f"{field_name}__gte": start[year], f"{field_name}__lt": start[year + 1]}
                )
            )
            for year in range(first, last + 1)
        }
        found = self.model._base_manager.annotate(**has_items).values(*has_items)[0]
        years = [start[year] for year in range(first, last + 1) if found[f"y{year}"]]
        return years[::-1] if order == "DESC" else years


class Publishable(TranslatedSlugs):
    """One publishing state for every public item.

    A future `published_at` is a schedule: the item goes live by itself at that moment,
    because `published()` compares with the time of each query (no cron job involved).
    """

    status = models.CharField(
        pgettext_lazy("publication", "status"),
        max_length=20,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        help_text=_("Only published items appear on the public site."),
    )
    published_at = models.DateTimeField(
        _("publication date and time"),
        default=timezone.now,
        db_index=False,
        help_text=_(
            "Shown as the item's date. A time in the future schedules the item: "
            "it appears on the site by itself at that moment."
        ),
    )
    unpublish_at = models.DateTimeField(
        _("unpublish at"),
        null=True,
        blank=True,
        help_text=_("Optional. The item disappears from the public site at this moment."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    require_all_languages = models.BooleanField(
        _("publish only when every language is complete"),
        default=False,
        help_text=_(
            "Tick to publish the Russian and English versions together: publishing is refused "
            "while a language is missing."
        ),
    )
    submitted_at = models.DateTimeField(_("submitted for review"), null=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(
        _("withdrawn"),
        null=True,
        editable=False,
        help_text=_("When the item, public until then, was unpublished."),
    )
    review_note = models.TextField(
        _("note from the editor"),
        blank=True,
        editable=False,
        help_text=_("Why an editor returned the item to its author; kept until it is resubmitted."),
    )
    # Optimistic locking: every save through the admin or a workflow service increments it
    # under SELECT ... FOR UPDATE, so a save based on an older version is refused.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=PublicationStatus.values),
                name="%(app_label)s_%(class)s_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=F("published_at")),
                name="%(app_label)s_%(class)s_unpublish_after_publish",
                violation_error_message=_("The unpublish time must be after the publication time."),
            ),
        ]
        indexes = [
            # Lists walk this index newest first; with the id and the unpublish time in it,
            # counts and deep pages read the index alone (index-only scans).
            models.Index(
                fields=["status", "-published_at", "-id"],
                include=["unpublish_at"],
                name="%(class)s_pub_idx",
            ),
            # The newsroom's lists: everything, newest first.
            models.Index(fields=["-published_at", "-id"], name="%(class)s_newest_idx"),
        ]

    #: The text whose presence in a language means the item exists in that language.
    translation_field = "title"
    #: The texts a language version needs to count as complete.
    translation_required = ("title",)

    def languages_available(self):
        return [
            code
            for code in site_languages()
            if getattr(self, f"{self.translation_field}_{code}", "")
        ]

    def missing_languages(self):
        """[(language code, [missing field names]), ...] for incomplete language versions."""
        missing = []
        for code in site_languages():
            fields = [
                name
                for name in self.translation_required
                if not getattr(self, f"{name}_{code}", "")
            ]
            if fields:
                missing.append((code, fields))
        return missing

    @property
    def shown_in_other_language(self):
        """The language the visitor reads this item in, when theirs is missing (else None)."""
        available = self.languages_available()
        language = get_language()
        if not available or language in available:
            return None
        return next(
            (c for c in settings.MODELTRANSLATION_FALLBACK_LANGUAGES if c in available),
            available[0],
        )

    def is_published_at(self, at=None):
        """The twin of `published()` for this one object."""
        at = at or timezone.now()
        return (
            self.status == PublicationStatus.PUBLISHED
            and self.published_at is not None
            and self.published_at <= at
            and (self.unpublish_at is None or self.unpublish_at > at)
        )

    def is_withdrawn_at(self, at=None):
        """The twin of `withdrawn()` for this one object."""
        at = at or timezone.now()
        if self.status == PublicationStatus.PUBLISHED:
            return self.unpublish_at is not None and self.unpublish_at <= at
        return self.withdrawn_at is not None

    @property
    def is_published(self):
        return self.is_published_at()

    def is_shown_in_language(self, language=None):
        """The twin of `shown_in_language()` for this one object."""
        language = language or get_language()
        if settings.TRANSLATION_FALLBACK == "hide" and language in site_languages():
            return bool(getattr(self, f"{self.translation_field}_{language}", ""))
        return True

    @property
    def is_public(self):
        """The twin of `public()`: a visitor reading the active language may see it."""
        return self.is_published and self.is_shown_in_language()

    @property
    def is_scheduled(self):
        return self.status == PublicationStatus.PUBLISHED and self.published_at > timezone.now()

    @property
    def publication_state(self):
        """What the public sees, in words: live, scheduled, expired, or the stored status."""
        if self.is_published:
            return "live"
        if self.is_scheduled:
            return "scheduled"
        if self.status == PublicationStatus.PUBLISHED:
            return "expired"
        return self.status

    @classmethod
    def publish_permission(cls):
        """The permission (“app.publish_model”) that allows publishing this kind of item."""
        return f"{cls._meta.app_label}.publish_{cls._meta.model_name}"

    def prepublish_warnings(self):
        """What an editor should look at before publishing; empty when all is well."""
        return []

    def publishing_blockers(self):
        """What must be fixed before the item may go public; empty when nothing blocks."""
        if not self.require_all_languages:
            return []
        return [
            _(
                "The %(language)s version is incomplete (%(fields)s): the languages are "
                "published together."
            )
            % {"language": language_name(code), "fields": ", ".join(fields)}
            for code, fields in self.missing_languages()
        ]
