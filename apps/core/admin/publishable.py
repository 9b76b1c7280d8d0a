"""What every admin of a publishable model shares: rights, workflow, revisions, conflicts."""

import datetime
import difflib
import json
import logging
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from js_asset import Media
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin
from rangefilter.filters import DateRangeFilterBuilder
from reversion.admin import VersionAdmin
from reversion.models import Version

from apps.core import pagecache, rights, services
from apps.core.models import PUBLISHING_FIELDS, EmbargoLink, PublicationStatus, language_name
from apps.core.views import render_public_page


class PublicationStateFilter(admin.SimpleListFilter):
    """Filter by what the public sees, not only by the stored status."""

    title = _("publication state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("live", _("Live on the site")),
            ("scheduled", _("Scheduled")),
            ("expired", _("Unpublished by date")),
            ("review", _("In review")),
            ("draft", _("Draft")),
            ("unpublished", _("Unpublished")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        published = queryset.filter(status=PublicationStatus.PUBLISHED)
        match self.value():
            case "live":
                return queryset.published(at=now)
            case "scheduled":
                return published.filter(published_at__gt=now)
            case "expired":
                return published.filter(unpublish_at__lte=now)
            case "review" | "draft" | "unpublished":
                return queryset.filter(status=self.value())
        return queryset


logger = logging.getLogger(__name__)

STORAGE_FAILED = _(
    "The file could not be stored (the media storage is full or unavailable), so nothing "
    "was saved. Your text is still here: try again later, or tell a site administrator."
)


class PublishableAdminForm(forms.ModelForm):
    """Refuses forged publishing fields and saves based on an outdated version."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    #: Set by `PublishableAdmin.get_form` on the per-request form class.
    request = None
    publisher_only_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.current_row()["version"]

    def current_row(self, lock=False):
        """The item as stored now (before a revert being previewed), locked if asked."""
        captured = getattr(self.request, "_row_before_revert", None)
        if captured is not None:
            return captured
        manager = type(self.instance)._default_manager
        if lock:
            manager = manager.select_for_update(of=("self",))
        return manager.filter(pk=self.instance.pk).values(*VERSION_ROW).get()

    def clean(self):
        cleaned_data = super().clean()
        self._refuse_forged_publishing_fields()
        if self.instance.pk:
            self._refuse_stale_save()
        return cleaned_data

    def _post_clean(self):
        super()._post_clean()  # the instance now carries the submitted values
        action, at = requested_transition(self.request, self.instance)
        if action != services.PUBLISH:
            return
        for blocker in self.instance.publishing_blockers():
            self.add_error(None, blocker)
        if SCHEDULE in self.request.POST and at is None:
            self.add_error(
                "published_at" if "published_at" in self.fields else None,
                _("To schedule, set a publication date and time in the future."),
            )

    def _refuse_forged_publishing_fields(self):
        # Fields the user may not set are not in the form at all; a value for one of them
        # in the POST can only come from a forged request.
        for name in self.publisher_only_fields:
            if name in self.fields:
                continue
            if any(key == name or key.startswith(f"{name}_") for key in self.data):
                raise ValidationError(
                    _(
                        "You do not have the right to publish, schedule or unpublish. "
                        "Save your changes and use “Submit for review”: an editor will "
                        "publish the item."
                    ),
                    code="no_publish_right",
                )

    def _refuse_stale_save(self):
        current = self.current_row(lock=True)
        self.stored = current
        loaded = self.cleaned_data.get("loaded_version")
        if loaded is None or loaded == current["version"]:
            return
        # Accept the next save deliberately: the editor has now seen the warning.
        self.data = self.data.copy()
        self.data[self.add_prefix("loaded_version")] = current["version"]
        changed_at = date_format(timezone.localtime(current["updated_at"]), "DATETIME_FORMAT")
        opts = self.instance._meta
        history = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_history", args=[self.instance.pk]
        )
        raise ValidationError(
            format_html(
                '{} <a href="{}">{}</a>',
                _(
                    "%(who)s saved this item at %(when)s, after you opened it. Nothing has "
                    "been overwritten and your text is still in the form below. Compare the "
                    "versions, copy what you need, then save again to replace their version "
                    "with yours."
                )
                % {"who": current["updated_by__username"] or _("Someone"), "when": changed_at},
                history,
                _("Open the history to compare versions"),
            ),
            code="conflict",
        )


#: The stored row a save is decided on: its version (conflicts), who saved it last, and its
#: publication state (rights and transitions are decided on it, never on the form's copy).
VERSION_ROW = ("version", "updated_at", "updated_by__username", "status", *PUBLISHING_FIELDS)

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


def in_every_language(*fields):
    """Admin search over every language's column: ("title",) -> title_ru, title_en, ..."""
    return [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]


class RefreshesPublicPages:
    """Saving or deleting something the public sees refreshes the public pages, once per
    transaction, after the commit. `shows_on_site(obj)` says whether it does."""

    def shows_on_site(self, obj):
        return True

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if self.shows_on_site(obj):
            pagecache.public_content_changed()

    def delete_model(self, request, obj):
        public = self.shows_on_site(obj)
        super().delete_model(request, obj)
        if public:
            pagecache.public_content_changed()

    def delete_queryset(self, request, queryset):
        public = any(self.shows_on_site(obj) for obj in queryset)
        super().delete_queryset(request, queryset)
        if public:
            pagecache.public_content_changed()


class TranslatedVersionAdmin(
    RefreshesPublicPages, TabbedDjangoJqueryTranslationAdmin, VersionAdmin
):
    """Language tabs for translated fields, and revisions for everything.

    When the media storage fails while a form is saved (disk full, read-only, bucket
    unreachable), the save is rolled back and the same form comes back, with everything
    the editor typed and a message saying that nothing was saved.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except OSError:
            if request.method != "POST":
                raise
            logger.exception("Media storage failed while saving %s", self.opts.label)
            request.storage_failed = True
            # The admin's save ran in a transaction: nothing of it is left. Show the form
            # again, bound to what was sent, refused by the form itself (below).
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if not getattr(request, "storage_failed", False):
            return form

        class StorageFailedForm(form):
            def clean(self):
                super().clean()
                raise ValidationError(STORAGE_FAILED)

        return StorageFailedForm


class PublishableAdmin(TranslatedVersionAdmin):
    """Admin of a publishable model: roles, workflow, revisions, preview and conflicts."""

    form = PublishableAdminForm
    publishing_fieldset = (_("Publishing"), {"fields": ["current_state", *PUBLISHING_FIELDS]})
    #: Extra fields only people with the publishing right may set (e.g. “featured”).
    publisher_only_fields = ()
    #: Form fields that get a live character count, with the recommended maximum.
    character_counts = {}
    date_hierarchy = "published_at"
    show_full_result_count = False
    list_per_page = 50
    history_latest_first = True
    object_history_template = "admin/publishable_history.html"
    change_form_template = "admin/publishable_change_form.html"
    actions = ["publish_selected", "unpublish_selected", "submit_selected_for_review"]
    publisher_actions = {"publish_selected", "unpublish_selected"}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/admin-charcount.js"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        match = request.resolver_match
        if match and match.url_name == f"{self.opts.app_label}_{self.opts.model_name}_changelist":
            # A search vector is a third of a row and no list shows it.
            queryset = queryset.defer(*self.changelist_deferred_fields())
        return queryset

    def changelist_deferred_fields(self):
        # Only the search vectors: the language column reads the texts themselves.
        return [f.name for f in self.opts.concrete_fields if isinstance(f, models.GeneratedField)]

    # Rights -------------------------------------------------------------------------

    def shows_on_site(self, obj):
        return services.shows_on_site(obj.status)

    # `obj` is always the row as it is now (`get_object`); a revert is checked before the
    # old version is written over it (`revision_view`).

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

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None:
            # The hidden version travels with the form, whatever template renders it.
            top = (None, {"fields": ["prepublish_checks", "loaded_version"]})
            fieldsets = [top, *fieldsets]
        return fieldsets

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

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in self.character_counts:
            field.widget.attrs["data-charcount-limit"] = self.character_counts[db_field.name]
        return field

    # Saving ---------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        """One write: the editor's text, and the transition of the button pressed."""
        if not change:
            obj.created_by = request.user
        stored = getattr(form, "stored", None) if change and not request_recovers(request) else None
        action, at = requested_transition(request, obj)
        try:
            request.workflow_message = services.publishable_save(
                item=obj, user=request.user, stored=stored, action=action, at=at
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
            self.message_user(
                request,
                _("“%(item)s”: %(done)s.") % {"item": obj, "done": request.workflow_message},
                messages.SUCCESS,
            )
        opts = self.model._meta
        return HttpResponseRedirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        )

    def _warn_before_publishing(self, request, obj):
        for warning in obj.prepublish_warnings():
            self.message_user(request, warning, messages.WARNING)

    # Display --------------------------------------------------------------------------

    @admin.display(description=pgettext_lazy("publication", "state"), ordering="status")
    def publication_state(self, obj):
        labels = {
            "live": _("Live"),
            "scheduled": _("Scheduled"),
            "expired": _("Expired"),
            **dict(PublicationStatus.choices),
        }
        state = obj.publication_state
        return format_html('<span class="state state--{}">{}</span>', state, labels[state])

    @admin.display(description=pgettext_lazy("publication", "state"))
    def current_state(self, obj):
        if obj is None or obj.pk is None:
            return PublicationStatus.DRAFT.label
        return self.publication_state(obj)

    @admin.display(description=_("languages"))
    def languages(self, obj):
        """“ru ✓ en –”: which language versions are complete."""
        missing = {code for code, _fields in obj.missing_languages()}
        return format_html_join(
            " ",
            '<span class="language language--{}" title="{}">{}</span>',
            (
                ("missing" if code in missing else "complete", language_name(code), code)
                for code, _name in settings.LANGUAGES
            ),
        )

    @admin.display(description=_("Before publishing"))
    def prepublish_checks(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        warnings = [*obj.prepublish_warnings()]
        warnings += [
            _("No %(language)s version yet: %(fields)s.")
            % {"language": language_name(code), "fields": ", ".join(fields)}
            for code, fields in obj.missing_languages()
        ]
        if not warnings:
            return format_html('<span class="state state--live">{}</span>', _("All checks passed."))
        return format_html(
            '<ul class="prepublish-warnings">{}</ul>',
            format_html_join("", "<li>{}</li>", ((w,) for w in warnings)),
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The editor's import map is an inline script: it carries this response's nonce.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
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
            embargo_links=(
                EmbargoLink.objects.filter(
                    content_type=ContentType.objects.get_for_model(self.model), object_id=obj.pk
                )
                if obj is not None and self.has_publish_permission(request)
                else []
            ),
            embargo_add_url=(
                reverse("admin:core_embargolink_add")
                + "?"
                + urlencode(
                    {
                        "content_type": ContentType.objects.get_for_model(self.model).pk,
                        "object_id": obj.pk,
                    }
                )
                if obj is not None
                else ""
            ),
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    # Extra pages: preview and compare ---------------------------------------------------

    def get_urls(self):
        opts = self.model._meta
        prefix = f"{opts.app_label}_{opts.model_name}"
        return [
            path(
                "<path:object_id>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name=f"{prefix}_preview",
            ),
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{prefix}_compare",
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        labels = {"live": _("live"), "scheduled": _("scheduled"), "expired": _("expired")}
        state = labels.get(obj.publication_state) or obj.get_status_display()
        return render_public_page(request, obj, banner={"kind": "preview", "state": state})

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

    # Bulk actions ----------------------------------------------------------------------

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


def request_recovers(request):
    return getattr(request, "recovering", False)


def publication_date_filter():
    return ("published_at", DateRangeFilterBuilder(title=_("publication date")))


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
