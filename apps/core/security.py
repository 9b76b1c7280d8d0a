"""Protections applied to every request: body size, Content-Security-Policy, Permissions-Policy.

The Content-Security-Policy comes from django-csp, with a variant for the newsroom.

Public pages run no inline script and no inline style at all. The newsroom (/admin/) keeps
the same script policy, with a nonce for the editor's import map, and allows inline style
attributes, which Django's admin templates and jQuery UI write.
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

NEWSROOM_PREFIX = "/admin/"

# Browser features neither the site nor the newsroom uses, denied to every page and to
# anything a page might embed: a script slipped in could not ask for them either.
DENIED_FEATURES = (
    "accelerometer",
    "ambient-light-sensor",
    "attribution-reporting",
    "autoplay",
    "bluetooth",
    "browsing-topics",
    "camera",
    "display-capture",
    "encrypted-media",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "join-ad-interest-group",
    "local-fonts",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "run-ad-auction",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not request.path.startswith(NEWSROOM_PREFIX):
            return parts
        update = {**(parts.update or {}), "style-src": [UNSAFE_INLINE]}
        return PolicyParts(parts.config, update, parts.replace, parts.nonce)


class PermissionsPolicyMiddleware:
    """Send the Permissions-Policy with every response, error pages and refusals included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class RequestSizeLimitMiddleware:
    """Refuse a request body larger than MAX_REQUEST_BYTES before anything reads it.

    Django spools large uploads to disk rather than memory; a multi-gigabyte body would
    still fill the disk. The declared length decides (a body without one is not read).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponseBadRequest(_("The request's length is not a number."))
        if length > settings.MAX_REQUEST_BYTES:
            limit = filesizeformat(settings.MAX_REQUEST_BYTES)
            response = HttpResponse(
                _("This upload is too large: at most %(limit)s can be sent at once.")
                % {"limit": limit},
                status=413,
                content_type="text/plain; charset=utf-8",
            )
            response["Connection"] = "close"
            return response
        return self.get_response(request)
