"""The change form of a publishable item: it refuses forged publishing fields and stale saves."""

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from apps.core import services
from apps.core.admin.workflow import SCHEDULE, requested_transition
from apps.core.languages import site_languages
from apps.core.models import PUBLISHING_FIELDS

#: The stored row a save is decided on: its version (conflicts), who saved it last, and its
#: publication state (rights and transitions are decided on it, never on the form's copy).
VERSION_ROW = (
    "version",
    "updated_at",
    "updated_by__username",
    "status",
    *services.WORKFLOW_STATE_FIELDS,
    *PUBLISHING_FIELDS,
)


class PublishableAdminForm(forms.ModelForm):
    """Refuses forged publishing fields and saves based on an outdated version."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    note_for_author = forms.CharField(
        label=_("Note for the author"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "With “Save and return to draft”: what to change. The author sees it on the form, "
            "and the history keeps it."
        ),
    )

    publish_at = forms.DateTimeField(
        label=_("Publish on"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("The item goes live by itself at this moment, %(zone)s time."),
    )

    #: Set by `PublishableAdmin.get_form` on the per-request form class.
    request = None
    publisher_only_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.current_row()["version"]
        self._offer_a_publication_time()

    def _offer_a_publication_time(self):
        """The “Publish at…” dialog opens on the item's own future date, or tomorrow at 9."""
        field = self.fields["publish_at"]
        now = timezone.localtime()
        planned = self.instance.published_at
        if planned is not None and planned > now:
            field.initial = timezone.localtime(planned)
        else:
            tomorrow = now + timedelta(days=1)
            field.initial = tomorrow.replace(hour=9, minute=0, second=0, microsecond=0)
        field.widget.attrs["min"] = now.strftime("%Y-%m-%dT%H:%M")
        field.help_text = field.help_text % {"zone": timezone.get_current_timezone_name()}

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
        self._refuse_taken_addresses()
        if self.instance.pk:
            self._refuse_stale_save()
        return cleaned_data

    def _refuse_taken_addresses(self):
        """A typed (or prefilled from the title) address that another item already has:
        said on the address field, naming that item, instead of a clash on saving."""
        model = self._meta.model
        for name in model.slug_scope:
            field = name.removesuffix("_id")
            if field in self.fields and field in self.cleaned_data:
                # The scope as submitted: the form writes it onto the item only later.
                setattr(self.instance, field, self.cleaned_data[field])
        others = self.instance.others_in_slug_scope()
        for code in site_languages():
            field = f"slug_{code}"
            slug = self.cleaned_data.get(field)
            if field not in self.fields or not slug:
                continue
            other = others.filter(**{field: slug}).first()
            if other is None:
                continue
            opts = model._meta
            link = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[other.pk])
            self.add_error(
                field,
                ValidationError(
                    format_html(
                        _(
                            '{kind} <a href="{link}">“{other}”</a> already has this address. '
                            "If it is the same story, edit that one; otherwise change the "
                            "address (or clear it to make one from the title)."
                        ),
                        kind=capfirst(opts.verbose_name),
                        link=link,
                        other=other,
                    ),
                    code="address_taken",
                ),
            )

    def _get_validation_exclusions(self):
        exclusions = super()._get_validation_exclusions()
        # The address clash is reported above, on the address of its language: not again
        # as a nameless constraint error on the item.
        if any(name.startswith("slug_") for name in self.errors):
            exclusions.add("slug")
        return exclusions

    def _post_clean(self):
        super()._post_clean()  # the instance now carries the submitted values
        chosen = self.cleaned_data.get("publish_at")
        if SCHEDULE in self.request.POST and chosen is not None:
            # Chosen in the “Publish at…” dialog: it is the item's publication date.
            self.instance.published_at = chosen
        action, at = requested_transition(self.request, self.instance)
        if action != services.PUBLISH:
            return
        for blocker in self.instance.publishing_blockers():
            self.add_error(None, blocker)
        if SCHEDULE in self.request.POST and at is None:
            self.add_error(
                None,
                _("To schedule, choose a publication date and time in the future."),
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
