"""The workflow on a publishable item's admin pages: its buttons, bulk actions and messages.

Every move goes through the publishing services (apps/core/services.py), saved with the
editor's text in one write.
"""

import json

from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from apps.core import services
from apps.core.models import PublicationStatus

#: The change form's workflow buttons: each saves the text and moves the item in one write.
WORKFLOW_BUTTONS = {
    "_submit_for_review": services.SUBMIT,
    "_publish_now": services.PUBLISH,
    "_schedule": services.PUBLISH,
    "_unpublish": services.UNPUBLISH,
    "_return_to_draft": services.RETURN_TO_DRAFT,
}
SCHEDULE = "_schedule"


def requested_transition(request, item):
    """(action, scheduled time or None) for the workflow button pressed, or (None, None)."""
    if request is None or request.method != "POST":
        return None, None
    for button, action in WORKFLOW_BUTTONS.items():
        if button in request.POST:
            if button == SCHEDULE:
                at = item.published_at
                return action, at if at and at > timezone.now() else None
            return action, None
    return None, None


def what_happens_next(item, action):
    """The confirmation of a workflow button: what was done, and what happens now."""
    values = {"item": item}
    match action:
        case services.SUBMIT:
            text = _(
                "“%(item)s” is waiting for review. An editor will publish it or return it to "
                "you with a note; it is listed under “Awaiting review” on the newsroom's front "
                "page."
            )
        case services.PUBLISH if item.is_scheduled:
            return format_html(
                _(
                    "“{item}” is scheduled: it goes live by itself on {when}. Until then only "
                    "the newsroom sees it, in the preview and the editorial calendar. {calendar}"
                ),
                item=item,
                when=date_format(timezone.localtime(item.published_at), "DATETIME_FORMAT"),
                calendar=format_html(
                    '<a href="{}#calendar">{}</a>',
                    reverse("admin:index"),
                    _("Open the editorial calendar"),
                ),
            )
        case services.PUBLISH:
            return format_html(
                _("“{item}” is published: visitors can read it now at {link}."),
                item=item,
                link=format_html('<a href="{}">{}</a>', item.get_absolute_url(), _("its page")),
            )
        case services.UNPUBLISH:
            text = _(
                "“%(item)s” is unpublished: it has left the site, the feeds and the search; its "
                "address tells visitors that it was withdrawn."
            )
        case services.RETURN_TO_DRAFT:
            text = _(
                "“%(item)s” is a draft again: its author can change it and submit it once more."
            )
        case _unknown:
            text = _("“%(item)s” was saved.")
    return text % values


def request_recovers(request):
    """A recovered item is saved as found in its revision (apps/core/admin/revisions.py)."""
    return getattr(request, "recovering", False)


class WorkflowMixin:
    """Save-and-move buttons on the change form, and bulk publishing actions on the list."""

    actions = ["publish_selected", "unpublish_selected", "submit_selected_for_review"]

    def save_model(self, request, obj, form, change):
        """One write: the editor's text, and the transition of the button pressed."""
        if not change:
            obj.created_by = request.user
        stored = getattr(form, "stored", None) if change and not request_recovers(request) else None
        action, at = requested_transition(request, obj)
        try:
            request.workflow_message = services.publishable_save(
                item=obj,
                user=request.user,
                stored=stored,
                action=action,
                at=at,
                note=form.cleaned_data.get("note_for_author", "")
                if action == services.RETURN_TO_DRAFT
                else "",
            )
        except (services.WorkflowError, PermissionDenied) as reason:
            # The text is kept; the transition is refused and said so.
            request.workflow_refused = reason
            services.publishable_save(item=obj, user=request.user, stored=stored)

    def construct_change_message(self, request, form, formsets, add=False):
        """The admin log and the revision say what the button did as well as what changed."""
        message = super().construct_change_message(request, form, formsets, add)
        done = getattr(request, "workflow_message", None)
        if not done:
            return message
        changes = LogEntry(change_message=json.dumps(message)).get_change_message()
        return f"{done}. {changes}" if changes else str(done)

    def response_change(self, request, obj):
        if any(button in request.POST for button in WORKFLOW_BUTTONS):
            return self._workflow_response(request, obj)
        response = super().response_change(request, obj)
        self._warn_before_publishing(request, obj)
        return response

    def response_add(self, request, obj, post_url_continue=None):
        if any(button in request.POST for button in WORKFLOW_BUTTONS):
            return self._workflow_response(request, obj)
        response = super().response_add(request, obj, post_url_continue)
        self._warn_before_publishing(request, obj)
        return response

    def _workflow_response(self, request, obj):
        refused = getattr(request, "workflow_refused", None)
        if refused is not None:
            self.message_user(
                request,
                _("“%(item)s” was saved, but not moved on: %(reason)s")
                % {"item": obj, "reason": refused},
                messages.ERROR,
            )
        else:
            action, _at = requested_transition(request, obj)
            self.message_user(request, what_happens_next(obj, action), messages.SUCCESS)
        opts = self.model._meta
        return HttpResponseRedirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        )

    def _warn_before_publishing(self, request, obj):
        for warning in obj.prepublish_warnings():
            self.message_user(request, warning, messages.WARNING)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        can_publish = self.has_publish_permission(request)
        status = obj.status if obj is not None else PublicationStatus.DRAFT
        context.update(
            can_publish=can_publish,
            can_submit=status == PublicationStatus.DRAFT
            or (status == PublicationStatus.UNPUBLISHED and can_publish),
            can_unpublish=can_publish and status == PublicationStatus.PUBLISHED,
            can_return_to_draft=(status == PublicationStatus.IN_REVIEW and can_publish)
            or (status == PublicationStatus.UNPUBLISHED and can_publish),
            is_live=obj is not None and obj.is_published,
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def run_workflow(self, request, queryset, service, done_message, **kwargs):
        """Apply `service` to each item; report what was done and what was skipped, and why."""
        done, skipped = [], []
        for item in queryset:
            try:
                service(item=item, user=request.user, **kwargs)
            except (services.WorkflowError, PermissionDenied) as reason:
                skipped.append(f"“{item}” ({reason})")
            else:
                done.append(item)
        if done:
            self.message_user(request, done_message % {"count": len(done)}, messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                _("Skipped %(count)d: %(items)s.")
                % {"count": len(skipped), "items": "; ".join(skipped)},
                messages.WARNING,
            )

    @admin.action(description=_("Publish selected items now"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self.run_workflow(
            request, queryset, services.publishable_publish, _("Published %(count)d items.")
        )

    @admin.action(description=_("Unpublish selected items"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self.run_workflow(
            request, queryset, services.publishable_unpublish, _("Unpublished %(count)d items.")
        )

    @admin.action(description=_("Submit selected items for review"), permissions=["change"])
    def submit_selected_for_review(self, request, queryset):
        self.run_workflow(
            request,
            queryset,
            services.publishable_submit_for_review,
            _("Submitted %(count)d items for review."),
        )
