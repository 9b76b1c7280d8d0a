"""Two-factor sign-in for the people who can publish (django-otp: TOTP and recovery codes).

With TWO_FACTOR_REQUIRED (on in production), Editors, Site administrators and superusers
enter, after their password, the six-digit code of their authenticator app or one of their
recovery codes; Authors sign in with their password alone.

A password alone never reaches a secret: someone who must use a second factor and has none
is told to ask a Site administrator for an enrolment link. Issuing one resets the person's
second factor (a lost phone stops working at once) and creates an unconfirmed authenticator
whose id the link signs. The link opens only for its person, signed in with their password,
until it expires (ENROLMENT_LINK_MAX_AGE). Confirming the authenticator with one code ends
the link and shows ten single-use recovery codes, once.
"""

import base64
from datetime import timedelta
from io import BytesIO
from urllib.parse import urlsplit

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.views import LoginView, redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import device_classes, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

#: How long an enrolment link works: time to reach a person who is travelling.
ENROLMENT_LINK_MAX_AGE = timedelta(hours=72)
RECOVERY_CODE_COUNT = 10
#: Letters only, so a recovery code is never taken for an authenticator's digits; no i, l
#: or o, which read like 1 and 0 on paper. Ten of 23 letters: about 45 bits each.
RECOVERY_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz"
RECOVERY_CODE_LENGTH = 10
_enrolment_signer = signing.TimestampSigner(salt="apps.core.twofactor.enrolment")


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


def normalised(code):
    """A code as typed (spaces, hyphens, capitals from a printed sheet) in its stored form."""
    return "".join(code.split()).replace("-", "").lower()


def check_code(device, code):
    """True when `device` accepts `code`; throttled after failures."""
    allowed, _extra = device.verify_is_allowed()
    return bool(allowed and code and device.verify_token(normalised(code)))


def verified_device(user, code):
    """The user's confirmed device that accepts `code`, or None.

    Digits go to the authenticator app and anything else to the recovery codes: trying every
    device would count a failure against, and slow down, the ones the code was not for.
    """
    code = normalised(code or "")
    model = TOTPDevice if code.isdigit() else StaticDevice
    with transaction.atomic():
        for device in model.objects.devices_for_user(user, confirmed=True).select_for_update():
            if check_code(device, code):
                return device
    return None


class NewsroomAuthenticationForm(AdminAuthenticationForm):
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
        help_text=_(
            "Editors and administrators: the six digits your app shows now, "
            "or one of your recovery codes."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        self.otp_device = None
        # Without a device yet, the password opens only the page that says how to get one.
        if user is not None and needs_second_factor(user) and user_has_device(user):
            self.otp_device = verified_device(user, cleaned.get("otp_token"))
            if self.otp_device is None:
                raise forms.ValidationError(
                    _(
                        "Enter the current six-digit code from your authenticator app, "
                        "or one of your recovery codes."
                    ),
                    code="invalid_token",
                )
        return cleaned


class NewsroomLoginView(LoginView):
    def form_valid(self, form):
        response = super().form_valid(form)
        if form.otp_device is not None:
            otp_login(self.request, form.otp_device)
        elif needs_second_factor(form.get_user()) and not is_enrolment_link(self.get_success_url()):
            return redirect("admin:two_factor_setup")
        return response


def is_enrolment_link(url):
    try:
        return resolve(urlsplit(url).path).view_name == "admin:two_factor_enrol"
    except Resolver404:
        return False


def enrolment_link_issue(*, user):
    """Reset `user`'s second factor and return the token of their new enrolment link.

    Every device of theirs goes (a lost phone, recovery codes, earlier links) and one
    unconfirmed authenticator takes their place. The token signs its id: confirming it, or
    issuing another link, is what makes the link unusable.
    """
    with transaction.atomic():
        for model in device_classes():
            model.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(
            user=user, name=str(_("Authenticator app")), confirmed=False
        )
    return _enrolment_signer.sign_object({"user": user.pk, "device": device.pk})


def enrolment_confirm(*, device):
    """Confirm `device`, which ends its link, and return the person's new recovery codes.

    The page that receives them is the only one that ever shows them.
    """
    codes = set()
    while len(codes) < RECOVERY_CODE_COUNT:
        codes.add(get_random_string(RECOVERY_CODE_LENGTH, RECOVERY_CODE_ALPHABET))
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        StaticDevice.objects.filter(user_id=device.user_id).delete()
        recovery = StaticDevice.objects.create(
            user_id=device.user_id, name=str(_("Recovery codes")), confirmed=True
        )
        StaticToken.objects.bulk_create(StaticToken(device=recovery, token=c) for c in codes)
    return sorted(codes)


class SetupForm(forms.Form):
    otp_token = forms.CharField(label=_("Code from your authenticator app"), max_length=16)


def page_context(request, site, title):
    return {
        **site.each_context(request),
        "title": title,
        # Nothing of the newsroom is open yet: no app list to tempt with.
        "is_nav_sidebar_enabled": False,
        "available_apps": [],
        "link_hours": ENROLMENT_LINK_MAX_AGE // timedelta(hours=1),
    }


def signed_in_to_newsroom(user):
    return user.is_authenticated and user.is_active and user.is_staff


@never_cache
def setup_view(request, site):
    """Where the password leads someone who needs a second factor and has none: no secret."""
    user = request.user
    if not signed_in_to_newsroom(user):
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    if has_second_factor(user):
        return redirect("admin:index")
    if user_has_device(user):
        # A device exists: this session must sign in with it.
        return redirect_to_login(reverse("admin:index"), reverse("admin:login"))
    context = page_context(request, site, _("Two-factor sign-in"))
    return TemplateResponse(request, "admin/two_factor_setup.html", context)


@never_cache
def enrol_view(request, site, token):
    """Open an enrolment link: scan the QR code, prove it with one code, get recovery codes."""
    user = request.user
    if not signed_in_to_newsroom(user):
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    try:
        link = _enrolment_signer.unsign_object(token, max_age=ENROLMENT_LINK_MAX_AGE)
    except signing.SignatureExpired:
        return refused(request, site, _("This enrolment link has expired."))
    except signing.BadSignature:
        return refused(request, site, _("This is not a valid enrolment link."))
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(pk=link["device"], user=user, confirmed=False)
            .first()
        )
        if device is None or link["user"] != user.pk:
            return refused(
                request,
                site,
                _(
                    "This enrolment link has already been used, has been replaced by a "
                    "newer one, or is for another account."
                ),
            )
        form = SetupForm(request.POST or None)
        if form.is_valid():
            if check_code(device, form.cleaned_data["otp_token"]):
                codes = enrolment_confirm(device=device)
                otp_login(request, device)
                context = {
                    **page_context(request, site, _("Your recovery codes")),
                    "codes": codes,
                }
                return TemplateResponse(request, "admin/two_factor_recovery_codes.html", context)
            form.add_error("otp_token", _("This code is not the current one. Try the next one."))
    context = {
        **page_context(request, site, _("Set up two-factor sign-in")),
        "form": form,
        "qr_code": qr_data_uri(device.config_url),
        "secret": base64.b32encode(device.bin_key).decode(),
    }
    return TemplateResponse(request, "admin/two_factor_enrol.html", context)


def refused(request, site, reason):
    context = {**page_context(request, site, _("Two-factor sign-in")), "reason": reason}
    return TemplateResponse(request, "admin/two_factor_setup.html", context, status=403)


def link_view(request, site, user_id):
    """A Site administrator resets a person's second factor and gets their enrolment link."""
    if not request.user.has_perm("auth.change_user"):
        raise PermissionDenied
    User = get_user_model()
    person = get_object_or_404(User, pk=user_id, is_staff=True)
    if person.is_superuser and not request.user.is_superuser:
        raise PermissionDenied
    context = {
        **site.each_context(request),
        "title": _("Two-factor enrolment link"),
        "person": person,
        "opts": User._meta,
    }
    if request.method == "POST":
        token = enrolment_link_issue(user=person)
        context["link"] = request.build_absolute_uri(
            reverse("admin:two_factor_enrol", args=[token])
        )
        context["expires_at"] = timezone.now() + ENROLMENT_LINK_MAX_AGE
        site.get_model_admin(User).log_change(
            request, person, str(_("Issued a two-factor enrolment link."))
        )
    return TemplateResponse(request, "admin/two_factor_link.html", context)


def qr_data_uri(text):
    """The QR code of `text` as an SVG data address (no inline markup for the CSP)."""
    buffer = BytesIO()
    qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage).save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()
