"""Embargo links in the newsroom, and the authenticator devices kept out of it."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.newsroom.models import EmbargoLink


class EmbargoLinkForm(forms.ModelForm):
    class Meta:
        model = EmbargoLink
        fields = ["content_type", "object_id", "recipient", "expires_at"]
        widgets = {"content_type": forms.HiddenInput, "object_id": forms.HiddenInput}

    def clean(self):
        cleaned_data = super().clean()
        content_type, object_id = cleaned_data.get("content_type"), cleaned_data.get("object_id")
        if content_type and object_id:
            model = content_type.model_class()
            if model is None or not hasattr(model, "publish_permission"):
                raise ValidationError(_("Embargo links are for publishable items only."))
            if not model._default_manager.filter(pk=object_id).exists():
                raise ValidationError(_("The item no longer exists."))
        expires_at = cleaned_data.get("expires_at")
        if expires_at and expires_at <= timezone.now():
            self.add_error("expires_at", _("Choose a moment in the future."))
        return cleaned_data


@admin.register(EmbargoLink)
class EmbargoLinkAdmin(admin.ModelAdmin):
    """Embargo links are created from an item's page, by people who may publish it."""

    form = EmbargoLinkForm
    list_display = [
        "recipient",
        "item_link",
        "expires_at",
        "link_state",
        "created_by",
        "created_at",
    ]
    list_select_related = ["content_type", "created_by"]
    search_fields = ["recipient"]
    readonly_fields = ["link_state", "created_by", "revoked_at", "revoked_by"]
    change_form_template = "admin/newsroom/embargolink/change_form.html"
    actions = ["revoke_selected"]
    show_full_result_count = False

    def _may_publish(self, request, content_type):
        model = content_type.model_class() if content_type else None
        if model is None or not hasattr(model, "publish_permission"):
            return False
        return request.user.has_perm(model.publish_permission())

    def has_add_permission(self, request):
        # Links are created from the item's own page, which names it in the address.
        return super().has_add_permission(request) and bool(self._content_type_from(request))

    def has_change_permission(self, request, obj=None):
        if obj is not None:
            return super().has_change_permission(request, obj) and self._may_publish(
                request, obj.content_type
            )
        return super().has_change_permission(request)

    def _content_type_from(self, request):
        """The content type named by the add form: None if absent, False if forbidden."""
        raw = request.POST.get("content_type") or request.GET.get("content_type")
        if not raw:
            return None
        try:
            content_type = ContentType.objects.get_for_id(int(raw))
        except (ValueError, ContentType.DoesNotExist):
            return False
        return content_type if self._may_publish(request, content_type) else False

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["content_type", "object_id", "recipient", "expires_at"]
        return ["recipient", "expires_at", "link_state", "created_by", "revoked_at", "revoked_by"]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("expires_at", timezone.now() + timezone.timedelta(days=7))
        return initial

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("item"))
    def item_link(self, obj):
        return str(obj.item) if obj.item else "—"

    @admin.display(description=pgettext_lazy("embargo link", "state"))
    def link_state(self, obj):
        if obj.revoked_at:
            return _("Revoked")
        if obj.expires_at <= timezone.now():
            return _("Expired")
        return _("Valid")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        link = self.get_object(request, unquote(object_id))
        if link is not None and link.is_valid:
            extra_context = {
                **(extra_context or {}),
                "shareable_url": request.build_absolute_uri(link.get_absolute_url()),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(
            request,
            _("Embargo link created for %(recipient)s. Copy it from this page and send it.")
            % {"recipient": obj.recipient},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:newsroom_embargolink_change", args=[obj.pk]))

    @admin.action(description=_("Revoke selected links"))
    def revoke_selected(self, request, queryset):
        revoked = 0
        for link in queryset.filter(revoked_at__isnull=True).select_related("content_type"):
            if self._may_publish(request, link.content_type):
                link.revoked_at, link.revoked_by = timezone.now(), request.user
                link.save(update_fields=["revoked_at", "revoked_by"])
                revoked += 1
        self.message_user(request, _("Revoked %(count)d links.") % {"count": revoked})


def _unregister_authenticator_devices():
    # Authenticators and recovery codes are managed through enrolment links
    # (apps/newsroom/twofactor.py), never edited as rows: their pages would show a secret, and
    # deleting a user would otherwise need delete rights on every kind of device.
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    for model in (TOTPDevice, StaticDevice):
        if admin.site.is_registered(model):
            admin.site.unregister(model)


_unregister_authenticator_devices()
