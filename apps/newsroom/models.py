"""Embargo links: a signed, expiring, revocable address that shows one unpublished item."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
        # Moved from the core app with its rows: the table keeps its first name.
        db_table = "core_embargolink"
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
        return reverse("newsroom:embargo_view", kwargs={"token": self.token})

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
