"""The content generation: the one number that says which public content cached pages show."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContentGeneration(models.Model):
    """One row: which generation of the public content cached pages belong to.

    Bumped after every committed change to content and when a scheduled publication or
    unpublication comes due (`next_change_at`). Kept in the database, not in the cache, so
    that every worker and every server agrees on it whatever the cache backend.
    """

    number = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)
    next_change_at = models.DateTimeField(null=True, blank=True)
    #: The primary's WAL position when this generation began: a replica that has not
    #: replayed up to it may still show the previous content (apps/core/routers.py).
    wal_lsn = models.CharField(max_length=32, blank=True, default="")

    class Meta:
        verbose_name = _("content generation")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="content_generation_one_row")]

    def __str__(self):
        return f"{self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
