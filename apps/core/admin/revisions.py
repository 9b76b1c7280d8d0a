"""Revisions of a publishable item: history, compare, revert and recover, each with its right."""

import datetime
import difflib

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from apps.core import rights
from apps.core.admin.forms import VERSION_ROW


class RevisionsMixin:
    """History with “compare” links, a revert that keeps the publication state, recovery as
    a draft; the lock counter is not content."""

    history_latest_first = True
    object_history_template = "admin/publishable_history.html"

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Reverting rewrites the row before the form is built: decide the rights on the row
        # as it is now, and remember it under a lock, so the conflict check compares with it
        # and the save keeps its publication state (a revert restores text, never status).
        with transaction.atomic():
            current = (
                self.model._default_manager.select_for_update(of=("self",))
                .filter(pk=unquote(object_id))
                .values(*VERSION_ROW)
                .first()
            )
            if current is None:
                raise Http404
            if not rights.may_change_item(request.user, self.model, current["status"]):
                raise PermissionDenied
            request._row_before_revert = current
            return super().revision_view(request, object_id, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not rights.may_recover(request.user, self.model):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        # A recovered item comes back as a draft: publishing it again is a decision.
        if not rights.may_recover(request.user, self.model):
            raise PermissionDenied
        request.recovering = True
        return super().recover_view(request, version_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        opts = self.model._meta
        versions = self._reversion_order_version_queryset(
            request, Version.objects.get_for_object(obj).select_related("revision__user")
        )
        action_list = [
            {
                "version": version,
                "revision": version.revision,
                "url": reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_revision",
                    args=[quote(version.object_id), version.pk],
                ),
            }
            for version in versions
        ]
        return super().history_view(
            request, object_id, {"action_list": action_list, **(extra_context or {})}
        )

    def reversion_register(self, model, **kwargs):
        # The lock counter is not content: restoring an old revision must not rewind it.
        if hasattr(model, "publish_permission"):
            kwargs["exclude"] = ("version",)
        super().reversion_register(model, **kwargs)

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{opts.app_label}_{opts.model_name}_compare",
            ),
            *super().get_urls(),
        ]

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        try:
            old = versions.get(pk=request.GET.get("from"))
            new = versions.get(pk=request.GET.get("to"))
        except (Version.DoesNotExist, ValueError):
            self.message_user(request, _("Choose two versions to compare."), messages.WARNING)
            opts = self.model._meta
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
            )
        if old.revision.date_created > new.revision.date_created:
            old, new = new, old
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "title": _("Compare versions of “%(item)s”") % {"item": obj},
            "old": old,
            "new": new,
            "changes": version_changes(self.model, old, new),
        }
        return TemplateResponse(request, "admin/publishable_compare.html", context)


def version_changes(model, old, new):
    """Field-by-field differences between two versions, as (label, diff rows) pairs."""
    old_fields, new_fields = old.field_dict, new.field_dict
    changes = []
    for field in model._meta.get_fields():
        if not getattr(field, "concrete", False) or field.name not in new_fields:
            continue
        if getattr(field, "auto_now", False) or not field.editable:
            continue  # bookkeeping, not content
        before, after = old_fields.get(field.name), new_fields.get(field.name)
        if before == after:
            continue
        before, after = display_value(field, before), display_value(field, after)
        rows = [
            (row[0], row[2:])
            for row in difflib.ndiff(before.splitlines() or [""], after.splitlines() or [""])
            if not row.startswith("?")
        ]
        changes.append((field.verbose_name, rows))
    return changes


def display_value(field, value):
    """A stored value as an editor reads it: labels, local times, names of related items."""
    if value in (None, "", []):
        return "—"
    if field.choices:
        labels = dict(field.flatchoices)
        values = value if isinstance(value, list) else [value]
        return ", ".join(str(labels.get(v, v)) for v in values)
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    if field.is_relation:
        pks = value if isinstance(value, list | tuple | set) else [value]
        related = field.related_model._default_manager.filter(pk__in=pks)
        return ", ".join(sorted(str(obj) for obj in related)) or "—"
    return str(value)
