"""Whole pages for anonymous visitors, cached and invalidated by content generation.

A cached page is stored under the current *content generation*: a number in the database
(`ContentGeneration`) that goes up after every committed change to what the public sees
(`public_content_changed`, called by the publishing services and the newsroom's saves of
public content; drafts leave it alone), and when the next scheduled publication,
unpublication or day boundary comes due. A new
generation makes every older page unreachable at once, lists, home, feeds and sitemaps
included, without knowing which pages showed the item. Each process re-reads the number
at most every PAGE_CACHE_CHECK_SECONDS, so a change reaches every worker and server within
that time; the process that made the change sees it at once.

Only anonymous GET requests (no session cookie) of public addresses are cached, and only
200 answers without cookies or private cache headers. Staff, previews and embargo links
are never cached. The cache backend failing (Redis down) only makes pages slower.
"""

import hashlib
import logging
import threading
from datetime import datetime, time, timedelta

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.db.models import F, Min, Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

#: Addresses that are never cached, whoever asks.
UNCACHED_PREFIXES = ("/admin/", "/embargo/", "/healthz", "/i18n/", "/bench/")

_memo = threading.local()


def _content_generation_model():
    return apps.get_model("core", "ContentGeneration")


def next_scheduled_change(now=None):
    """When the public content next changes by itself: a scheduled item going live or
    being unpublished, or the next local midnight (lists of coming events move on)."""
    from apps.core.models import PublicationStatus, Publishable

    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    moments = [timezone.make_aware(datetime.combine(tomorrow, time.min))]
    for model in apps.get_models():
        if issubclass(model, Publishable):
            published = model._base_manager.filter(status=PublicationStatus.PUBLISHED)
            moments += published.aggregate(
                going_live=Min("published_at", filter=Q(published_at__gt=now)),
                going_away=Min("unpublish_at", filter=Q(unpublish_at__gt=now)),
            ).values()
    return min(moment for moment in moments if moment is not None)


def content_generation_bump(*, seen=None):
    """Start a new generation (after the commit of a content change).

    With `seen`, only if the generation is still that one: when several processes notice
    the same scheduled change at once, one of them moves the generation on.
    """
    now = timezone.now()
    model = _content_generation_model()
    values = {"number": F("number") + 1, "changed_at": now,
              "next_change_at": next_scheduled_change(now)}  # fmt: skip
    rows = model.objects.filter(pk=1)
    if seen is not None:
        rows = rows.filter(number=seen)
    if not rows.update(**values) and seen is None:
        model.objects.get_or_create(
            pk=1, defaults={"number": 1, "next_change_at": values["next_change_at"]}
        )
    forget()


def forget():
    """Drop this process's memory of the generation: the next request reads it again."""
    _memo.state = None


def current_generation():
    """The generation to cache under, read from the database at most once per interval."""
    now = timezone.now()
    state = getattr(_memo, "state", None)
    interval = timedelta(seconds=settings.PAGE_CACHE_CHECK_SECONDS)
    if state is None or now - state["checked_at"] >= interval or now >= state["next_change_at"]:
        model = _content_generation_model()
        row = model.objects.filter(pk=1).first()
        if row is None or row.next_change_at is None or now >= row.next_change_at:
            # Never computed, or a scheduled change came due: the content changed by itself.
            content_generation_bump(seen=None if row is None else row.number)
            row = model.objects.get(pk=1)
        state = {"number": row.number, "next_change_at": row.next_change_at, "checked_at": now}
        _memo.state = state
    return state["number"]


class _PublicPagesRefresh:
    """The one generation bump queued for a transaction's commit."""

    def __init__(self):
        self.done = False

    def __call__(self):
        self.done = True
        content_generation_bump()


def public_content_changed(using=None):
    """Refresh the public pages once the current transaction commits, once however often
    it is called in that transaction.

    Called by the actions that change what the public sees (the publishing services, the
    newsroom's saves of public content, the demo loader), never by a signal on every save:
    a draft saved a hundred times leaves the cache alone.
    """
    connection = transaction.get_connection(using)
    queued = getattr(connection, "_public_pages_refresh", None)
    if (
        connection.in_atomic_block
        and queued is not None
        and not queued.done
        and any(callback is queued for _sids, callback, *_rest in connection.run_on_commit)
    ):
        return
    connection._public_pages_refresh = refresh = _PublicPagesRefresh()
    transaction.on_commit(refresh, using=using)


def _safe_cache(method, *args):
    try:
        return getattr(cache, method)(*args)
    except Exception:
        logger.warning("Cache %s failed; serving without the cache", method, exc_info=True)
        return None


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


def is_cacheable_response(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and "cookie" not in response.get("Vary", "").lower()
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
        cached = _safe_cache("get", key)
        if cached is not None:
            response = HttpResponse(cached["content"], status=cached["status"])
            for name, value in cached["headers"]:
                response[name] = value
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if is_cacheable_response(response):
            if "Cache-Control" not in response:
                seconds = settings.PAGE_CACHE_BROWSER_SECONDS
                patch_cache_control(response, public=True, max_age=seconds, s_maxage=seconds)
            headers = [(name, value) for name, value in response.items() if name != "X-Cache"]
            entry = {"content": response.content, "status": 200, "headers": headers}
            _safe_cache("set", key, entry, settings.PAGE_CACHE_SECONDS)
            response["X-Cache"] = "miss"
        return response


def kept_for_generation(name, compute):
    """`compute()`, run once per content generation and language, then from the cache.

    For query results that change only when the content does: an archive's months, an
    article's related articles. The value must be picklable (keys, numbers, dates).
    """
    if settings.QUERY_CACHE_SECONDS <= 0:
        return compute()
    try:
        key = f"data:{current_generation()}:{get_language()}:{name}"
    except DatabaseError:
        return compute()
    value = _safe_cache("get", key)
    if value is None:
        value = compute()
        _safe_cache("set", key, value, settings.QUERY_CACHE_SECONDS)
    return value


class CachedCountPaginator(Paginator):
    """A paginator for long lists: counted once per content generation, deep pages by key.

    Counting 100,000 published articles costs tens of milliseconds; the count only changes
    when the content does, so it is kept under the generation, like the pages. `count_key`
    names the list (its address and filters, without the page number).

    A deep page (page 2,000) first finds its 20 keys, reading the listing index alone,
    then fetches those rows: OFFSET over whole rows would read 40,000 of them.
    """

    #: From this offset on, a page is fetched by its keys first.
    keys_first_from = 1000

    def __init__(self, *args, count_key=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        if self.count_key is None:
            return super().count
        name = hashlib.md5(self.count_key.encode()).hexdigest()
        return kept_for_generation(f"count:{name}", lambda: Paginator.count.func(self))

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if bottom < self.keys_first_from or not hasattr(self.object_list, "values_list"):
            return super().page(number)
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        keys = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        return self._get_page(list(self.object_list.filter(pk__in=keys)), number, self)
