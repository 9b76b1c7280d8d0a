"""What an editor has typed in a newsroom form and not yet saved, kept on the server."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AutosaveQuerySet(models.QuerySet):
    def of(self, user, model, pk=None):
        """The user's unsaved text for the item `pk` of `model` (None: a new item's form)."""
        return self.filter(
            user=user, content_type=ContentType.objects.get_for_model(model), object_id=pk
        )


class Autosave(models.Model):
    """One per editor and form: replaced on every autosave, deleted when the form is saved.

    Kept on the server, so that a crash, a closed tab or an expired session loses nothing;
    restoring it keeps the version the text was based on, so the conflict rule still holds.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    #: The form's fields as the browser sent them: {name: [values]}.
    data = models.JSONField(default=dict)
    saved_at = models.DateTimeField(default=timezone.now)

    objects = AutosaveQuerySet.as_manager()

    class Meta:
        verbose_name = _("autosaved text")
        verbose_name_plural = _("autosaved texts")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"],
                name="autosave_one_per_user_and_form",
                nulls_distinct=False,
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.content_type} {self.object_id or '+'}"
