"""Who may do what on a publishable item's admin pages, asked of apps/core/rights.py.

`obj` is always the row as it is now (`get_object`); a revert is checked before the old
version is written over it (apps/core/admin/revisions.py).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from apps.core import rights
from apps.core.models import PUBLISHING_FIELDS


class PublishingRightsMixin:
    """Publishing rights: buttons, read-only publishing fields, refused bulk actions."""

    #: Extra fields only people with the publishing right may set (e.g. “featured”).
    publisher_only_fields = ()
    #: Bulk actions that need the publishing right.
    publisher_actions = {"publish_selected", "unpublish_selected"}

    def has_publish_permission(self, request):
        return rights.may_publish(request.user, self.model)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return rights.may_change_item(request.user, self.model, obj.status)

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return super().has_delete_permission(request)
        return rights.may_delete_item(request.user, self.model, obj.status)

    def get_publisher_only_fields(self):
        return [*PUBLISHING_FIELDS, *self.publisher_only_fields]

    def get_readonly_fields(self, request, obj=None):
        readonly = [
            *super().get_readonly_fields(request, obj),
            "prepublish_checks",
            "current_state",
        ]
        if not self.has_publish_permission(request):
            readonly += self.get_publisher_only_fields()
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.request = request
        # The status is never a form field: from someone who may not publish, a value for it
        # can only be forged (from an editor, it is ignored like any unknown field).
        form.publisher_only_fields = (
            []
            if self.has_publish_permission(request)
            else ["status", *self.get_publisher_only_fields()]
        )
        return form

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if (
            request.method == "POST"
            and request.POST.get("action") in self.publisher_actions
            and not self.has_publish_permission(request)
        ):
            self.message_user(
                request,
                _(
                    "You do not have the right to publish, unpublish or feature items. "
                    "Nothing was changed."
                ),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())
        return super().changelist_view(request, extra_context)
