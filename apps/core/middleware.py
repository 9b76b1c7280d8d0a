"""The middleware of the public site: request size, security headers, the page cache, replica reads.

Content-Security-Policy comes from django-csp, with a variant for the newsroom: public pages
run no inline script and no inline style at all; the newsroom (/admin/) keeps the same script
policy, with a nonce for the editor's import map, and allows inline style attributes, which
Django's admin templates and jQuery UI write.

The page cache keeps whole pages for anonymous visitors under the current content
generation (apps/core/generation.py): a new generation makes every older page unreachable at
once, lists, home, feeds and sitemaps included, without knowing which pages showed the item.
Only anonymous GET requests (no session cookie) of public addresses are cached, and only 200
answers without cookies or private cache headers. Staff, previews and embargo links are never
cached. The cache backend failing (Redis down) only makes pages slower.
"""

import hashlib
from contextlib import suppress

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.defaultfilters import filesizeformat
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from apps.core import edge, fragments, routers
from apps.core.generation import current_generation, current_wal_lsn, safe_cache

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


#: Addresses that are never cached, whoever asks.
UNCACHED_PREFIXES = ("/admin/", "/embargo/", "/healthz", "/i18n/", "/bench/")


def is_public_request(request):
    """A visitor reading a public page: no session (not the newsroom), a GET, a public address."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(UNCACHED_PREFIXES)
        and not request.path.startswith("/" + settings.MEDIA_URL.lstrip("/"))
    )


def is_cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0 and request.method == "GET" and is_public_request(request)
    )


def page_key(request, generation):
    address = f"{request.get_host()}{request.get_full_path()}"
    return f"page:{generation}:{hashlib.md5(address.encode()).hexdigest()}"


class PageCacheMiddleware:
    """Serve anonymous visitors' pages from the cache; see the module's docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                # A signed-in newsroom member's page is theirs: no shared cache may keep it.
                patch_cache_control(response, private=True)
            return response
        try:
            key = page_key(request, current_generation())
        except DatabaseError:
            return self.get_response(request)
        cached = safe_cache("get", key)
        if cached is not None:
            response = HttpResponse(cached["content"], status=cached["status"])
            for name, value in cached["headers"]:
                response[name] = value
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if edge.may_keep(response):
            headers = [(name, value) for name, value in response.items() if name != "X-Cache"]
            entry = {"content": response.content, "status": 200, "headers": headers}
            safe_cache("set", key, entry, settings.PAGE_CACHE_SECONDS)
            response["X-Cache"] = "miss"
        return response


class SurrogateKeysMiddleware:
    """A public page says what it shows (Surrogate-Key) and how long who may keep it: browsers
    revalidate, the shared cache in front keeps it until a purge (apps/core/edge.py). Inside
    the page cache, which keeps these headers with the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    #: How long the edge keeps a page whose content changed while it was being made.
    recheck_seconds = 1

    def __call__(self, request):
        if not is_public_request(request):
            return self.get_response(request)
        started_in = None
        if fragments.shared():  # changes are marked only in a cache every process reads
            with suppress(DatabaseError):
                started_in = current_generation()
        with edge.collecting() as keys:
            response = self.get_response(request)
        if edge.may_keep(response) and "Cache-Control" not in response:
            shown = edge.header_value(keys)
            response[edge.HEADER] = shown
            s_maxage = settings.EDGE_CACHE_SECONDS
            if (
                started_in is not None
                and not getattr(response, "kept", False)  # its keys were checked just now
                and fragments.changed_since(shown.split(), started_in)
            ):
                # It may show the past, and a purge cannot reach a copy still on its way to
                # the edge: the edge keeps it a moment, then asks again.
                s_maxage = self.recheck_seconds
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
                s_maxage=s_maxage,
            )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """A view that lists kinds of items says so in `lists_kinds`."""
        view = getattr(view_func, "view_class", None) or getattr(view_func, "feed_class", view_func)
        edge.lists(*getattr(view, "lists_kinds", ()))


class ReplicaReadsMiddleware:
    """Mark the public requests whose reads may go to the replica (apps/core/routers.py):
    with a replica, only once it has replayed the current generation's changes."""

    @staticmethod
    def replica_is_current():
        if not routers.replica_in_use():
            return False
        try:
            lsn = current_wal_lsn()
        except DatabaseError:
            return True  # the primary is down: the replica is all there is
        return routers.replica_has_replayed(lsn)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = routers.public_read.set(is_public_request(request) and self.replica_is_current())
        try:
            return self.get_response(request)
        finally:
            routers.public_read.reset(token)
