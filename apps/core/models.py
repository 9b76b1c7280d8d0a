"""The publishing vocabulary shared by every public item, and the photo library."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from apps.core.html import EDITOR_EXTENSIONS, sanitise_html


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")


#: Fields that only people with the publishing right may set.
PUBLISHING_FIELDS = ["status", "published_at", "unpublish_at"]


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


class SanitisedHTMLField(ProseEditorField):
    """Rich text edited with ProseMirror and cleaned on every write, whatever its path.

    `get_db_prep_save` runs for save(), bulk_create(), update() and fixtures alike, so no
    write path can store markup outside the editor's vocabulary (lookups are left alone).
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EDITOR_EXTENSIONS)
        kwargs.setdefault("sanitize", sanitise_html)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = sanitise_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value

    def get_db_prep_save(self, value, connection):
        if isinstance(value, str) and value:
            value = sanitise_html(value)
        return super().get_db_prep_save(value, connection)


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


class EmbargoLinkQuerySet(models.QuerySet):
    def valid(self, at=None):
        at = at or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=at)


class EmbargoLink(models.Model):
    """A signed, expiring, revocable link that shows one unpublished item to a named reader."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    recipient = models.CharField(
        _("for"),
        max_length=200,
        help_text=_(
            "Who receives the link, for example “Sputnik, Astana bureau” or "
            "“Press service of the Ministry of Foreign Affairs of Kazakhstan”."
        ),
    )
    expires_at = models.DateTimeField(
        _("expires at"), help_text=_("The link stops working at this moment.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = EmbargoLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("embargo link")
        verbose_name_plural = _("embargo links")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="embargo_item_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")),
                name="embargo_expires_after_creation",
                violation_error_message=_("The link must expire in the future."),
            ),
        ]

    def __str__(self):
        return f"{self.recipient} — {self.item}"

    def get_absolute_url(self):
        return reverse("core:embargo_view", kwargs={"token": self.token})

    @property
    def token(self):
        # Deterministic (no timestamp): expiry and revocation live in the database.
        return signing.Signer(salt=EMBARGO_SALT).sign_object(self.pk, compress=True)

    @classmethod
    def from_token(cls, token):
        """The link a token names, or None when it is forged or tampered with."""
        try:
            pk = signing.Signer(salt=EMBARGO_SALT).unsign_object(token)
        except (signing.BadSignature, ValueError):
            return None
        return cls.objects.filter(pk=pk).select_related("content_type").first()

    @property
    def is_valid(self):
        return self.revoked_at is None and self.expires_at > timezone.now()


EMBARGO_SALT = "cstonews.embargo-link"
