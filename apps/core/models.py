"""The publishing vocabulary shared by every public item, and the photo library."""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.html import sanitise_html


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def published(self, at=None):
        """What the public may see at `at` (default: now).

        Published, with a publication time that has come, and not yet unpublished.
        Every public surface (pages, feeds, sitemaps, search, related-item blocks) goes
        through this one method; `Publishable.is_published` mirrors it for one object.
        """
        at = at or timezone.now()
        return self.filter(status=PublicationStatus.PUBLISHED, published_at__lte=at).filter(
            Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=at)
        )

    def latest_first(self):
        return self.order_by("-published_at", "-pk")


class Publishable(models.Model):
    """One publishing state for every public item.

    A future `published_at` is a schedule: the item goes live by itself at that moment,
    because `published()` compares with the time of each query (no cron job involved).
    """

    status = models.CharField(
        _("status"),
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
            models.Index(fields=["status", "-published_at"], name="%(class)s_pub_idx"),
        ]

    @property
    def is_published(self):
        now = timezone.now()
        return (
            self.status == PublicationStatus.PUBLISHED
            and self.published_at is not None
            and self.published_at <= now
            and (self.unpublish_at is None or self.unpublish_at > now)
        )

    @property
    def is_scheduled(self):
        return self.status == PublicationStatus.PUBLISHED and self.published_at > timezone.now()


class SanitisedHTMLField(models.TextField):
    """Rich text that is cleaned on every save, whatever path the value came by."""

    def pre_save(self, model_instance, add):
        value = sanitise_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value


class Photo(models.Model):
    """A picture from the library, with the rights information shown wherever it is used."""

    image = models.ImageField(
        _("image file"),
        upload_to="photos/%Y/%m/",
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the picture shows, for people who cannot see it "
            "(for example: “Two men shaking hands at a conference table”)."
        ),
    )
    caption = models.CharField(
        _("caption"),
        max_length=500,
        blank=True,
        help_text=_("Shown under the picture. Usually the people, place and occasion."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=300,
        blank=True,
        help_text=_(
            "Who holds the rights, as printed after “© Photo :”, for example "
            "“Press Service of the Ministry of Industry and Trade of Russia”."
        ),
    )
    taken_on = models.DateField(_("date taken"), null=True, blank=True)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["-created_at"]

    def __str__(self):
        return self.caption or self.alt_text or self.image.name
