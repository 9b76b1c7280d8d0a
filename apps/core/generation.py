"""The content generation: one number, in the database, that moves on whenever what the public
sees changes, so that every page and every value kept under an older number is out of date.

It moves on after every committed change to public content (`public_content_changed`,
called by the publishing services and the newsroom's saves of public content; drafts leave
it alone), and when the next scheduled publication, unpublication or day boundary comes
due. Each process re-reads the number at most every PAGE_CACHE_CHECK_SECONDS, so a change
reaches every worker and server within that time; the process that made the change sees it
at once. The page cache (apps/core/middleware.py) and `kept_for_generation` key on it.
"""

import logging
import threading
from datetime import datetime, time, timedelta

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import F, Min, Q
from django.utils import timezone
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

_memo = threading.local()


def _content_generation_model():
    return apps.get_model("core", "ContentGeneration")


def next_scheduled_change(now=None):
    """When the public content next changes by itself: a scheduled item going live or
    being unpublished, or the next local midnight (lists of coming events move on)."""
    from apps.core.apps import public_content_models
    from apps.core.models import PublicationStatus, Publishable

    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    moments = [timezone.make_aware(datetime.combine(tomorrow, time.min))]
    for model in public_content_models():
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
    value = safe_cache("get", key)
    if value is None:
        value = compute()
        safe_cache("set", key, value, settings.QUERY_CACHE_SECONDS)
    return value


def safe_cache(method, *args):
    try:
        return getattr(cache, method)(*args)
    except Exception:
        logger.warning("Cache %s failed; serving without the cache", method, exc_info=True)
        return None
