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
from django.db.models import CharField, F, Func, Min, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import get_language

from apps.core import edge, fragments

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
    values = {"number": F("number") + 1, "changed_at": now, "wal_lsn": primary_wal_lsn(),
              "next_change_at": next_scheduled_change(now)}  # fmt: skip
    rows = model.objects.filter(pk=1)
    if seen is not None:
        rows = rows.filter(number=seen)
    moved = bool(rows.update(**values))
    if not moved and seen is None:
        model.objects.get_or_create(
            pk=1, defaults={"number": 1, "next_change_at": values["next_change_at"]}
        )
    forget()
    return moved


def purge_what_came_due(since, now, generation):
    """At the edge and in the fragments' marks, the pages of the items that went live or away
    by themselves since the last generation; at a day boundary, every page (the coming events
    move on)."""
    from apps.core.apps import public_content_models
    from apps.core.models import PublicationStatus, Publishable

    if not keys_are_used():
        return
    items = []
    for model in public_content_models():
        if not issubclass(model, Publishable):
            continue
        came_due = Q(published_at__gt=since, published_at__lte=now) | Q(
            unpublish_at__gt=since, unpublish_at__lte=now
        )
        due = model._base_manager.filter(came_due, status=PublicationStatus.PUBLISHED)
        items += due.order_by("pk")[: edge.LINKING_ITEMS]
    hard, soft = edge.keys_affected_by_all(items)
    if timezone.localdate(since) != timezone.localdate(now):
        soft.add(edge.EVERYTHING)
    announce(hard, soft, generation)


def keys_are_used():
    """Whether a change's keys go anywhere: an edge to purge, or marks in a shared cache."""
    return edge.enabled() or fragments.shared()


def announce(hard, soft, generation):
    """What changed in `generation`, to the fragments' marks and to the edge."""
    fragments.changed(hard | soft, generation)
    edge.purge(hard, soft)


def primary_wal_lsn():
    """Where the primary's write-ahead log stands: every change committed so far is before it."""
    return Cast(Func(function="pg_current_wal_lsn"), output_field=CharField())


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
            moved = content_generation_bump(seen=None if row is None else row.number)
            if moved and row is not None and row.changed_at is not None:
                purge_what_came_due(row.changed_at, now, generation=row.number + 1)
            row = model.objects.get(pk=1)
        state = {"number": row.number, "next_change_at": row.next_change_at, "checked_at": now,
                 "wal_lsn": row.wal_lsn}  # fmt: skip
        _memo.state = state
    return state["number"]


def current_wal_lsn():
    """The primary's WAL position at the start of the current generation ("" if unknown)."""
    current_generation()
    return _memo.state["wal_lsn"]


class _PublicPagesRefresh:
    """The one generation bump and edge purge queued for a transaction's commit."""

    def __init__(self):
        self.done = False
        self.items = []
        self.hard, self.soft = set(), set()

    def add(self, items, keys):
        self.items += items
        if keys is not None:
            self.hard |= keys[0]
            self.soft |= keys[1]
        if not items and keys is None:
            self.soft.add(edge.EVERYTHING)  # a change nobody named: every page

    def __call__(self):
        self.done = True
        content_generation_bump()
        if not keys_are_used():
            return
        # After the commit: the relations read now are the saved ones.
        hard, soft = edge.keys_affected_by_all(self.items)
        announce(self.hard | hard, self.soft | soft, current_generation())


def public_content_changed(*items, keys=None, using=None):
    """Refresh the public pages once the current transaction commits, once however often
    it is called in that transaction: a new content generation, and a purge at the edge of
    what `items` affect (or the precomputed `(hard, soft)` keys of deleted ones; with
    neither, of every page).

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
        queued.add(list(items), keys)
        return
    connection._public_pages_refresh = refresh = _PublicPagesRefresh()
    refresh.add(list(items), keys)
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
