"""Two-factor sign-in for the people who can publish (django-otp, TOTP).

With TWO_FACTOR_REQUIRED (on in production), Editors, Site administrators and superusers
enter the six-digit code of their authenticator app after their password; Authors sign
in with their password alone. Someone who must use a second factor and has none yet is
taken, after the password, to a page that sets one up (a QR code, then one code to prove
it works) before the newsroom opens.
"""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.views import LoginView
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice


def needs_second_factor(user):
    """Whoever may publish (Editors, Site administrators, superusers) needs a second factor.

    Decided by rights, not group names: the permissions are read once per request and the
    newsroom's pages need them anyway.
    """
    if not settings.TWO_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    return user.is_superuser or any(
        permission.split(".", 1)[1].startswith("publish_")
        for permission in user.get_all_permissions()
    )


def has_second_factor(user):
    """Whether this session was opened with the user's second factor, or needs none."""
    return not needs_second_factor(user) or user.is_verified()


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def check_code(device, code):
    """True when `code` is the device's current one; throttled after failures."""
    allowed, _extra = device.verify_is_allowed()
    return bool(allowed and code and device.verify_token(code.replace(" ", "")))


class NewsroomAuthenticationForm(AdminAuthenticationForm):
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("Editors and administrators: the six digits your app shows now."),
    )

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        self.otp_device = None
        if user is not None and needs_second_factor(user):
            device = confirmed_device(user)
            if device is not None:
                with transaction.atomic():
                    valid = check_code(device, cleaned.get("otp_token", ""))
                if not valid:
                    raise forms.ValidationError(
                        _("Enter the current six-digit code from your authenticator app."),
                        code="invalid_token",
                    )
                self.otp_device = device
        return cleaned


class NewsroomLoginView(LoginView):
    def form_valid(self, form):
        response = super().form_valid(form)
        if form.otp_device is not None:
            otp_login(self.request, form.otp_device)
        elif needs_second_factor(form.get_user()):
            return redirect("admin:two_factor_setup")
        return response


class SetupForm(forms.Form):
    otp_token = forms.CharField(label=_("Code from your authenticator app"), max_length=8)


def setup_view(request, site):
    """Add an authenticator app to one's account: scan, then prove it with one code."""
    user = request.user
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return redirect(f"{reverse('admin:login')}?next={request.path}")
    if has_second_factor(user) and confirmed_device(user):
        return redirect("admin:index")
    if confirmed_device(user) is not None:
        # A device exists: this session must sign in with it, not set up another one.
        return redirect(f"{reverse('admin:login')}?next={reverse('admin:index')}")
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": str(_("Authenticator app"))}
    )
    form = SetupForm(request.POST or None)
    if form.is_valid():
        if check_code(device, form.cleaned_data["otp_token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect("admin:index")
        form.add_error("otp_token", _("This code is not the current one. Try the next one."))
    context = {
        **site.each_context(request),
        "title": _("Set up two-factor sign-in"),
        # Nothing of the newsroom is open yet: no app list to tempt with.
        "is_nav_sidebar_enabled": False,
        "available_apps": [],
        "form": form,
        "qr_code": qr_data_uri(device.config_url),
        "secret": base64.b32encode(device.bin_key).decode(),
    }
    return TemplateResponse(request, "admin/two_factor_setup.html", context)


def qr_data_uri(text):
    """The QR code of `text` as an SVG data address (no inline markup for the CSP)."""
    buffer = BytesIO()
    qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage).save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()
