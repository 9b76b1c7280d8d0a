"""The shared cache in front (Varnish): what each public page shows, and purging it after a change.

Every public response names what it shows in its Surrogate-Key header:
- `article-12`: one key per public item loaded while the page was made (everything listed
  or linked on it), collected as instances are loaded, so no template has to say so;
- `article-12-page`: the item the page is about (its detail page, a section's page), whose
  "in this story" blocks list the items linked to it;
- `article-list`: the kinds it lists, said by the views (`lists_kinds`, or a ListView's model);
- `all`, for a purge of everything.

After the commit of a public change, the keys it affects are purged (`keys_affected_by`):
the changed item's own key hard, so that no page showing it is ever served stale; its kind's
lists, and the pages of the items it links to or that link to it, soft (served stale for a
moment while the edge fetches them anew). A page that merely mentions a linked item (every
article names its section) is left alone. The purge goes out in the background with retries: an edge
that is down never slows or fails a save.

The purger is a setting (EDGE_PURGER, EDGE_URLS). Another edge, a CDN that purges by tag,
needs a class with the same constructor and `purge(hard, soft)` (sets of keys).
"""

import logging
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db.models.signals import post_init
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

EVERYTHING = "all"
HEADER = "Surrogate-Key"
#: Items that link to a changed one, purged by their keys up to this many per relation.
LINKING_ITEMS = 500
#: Keys per purge request: well under Varnish's 8 KB request header limit.
KEYS_PER_REQUEST = 200
#: Keys a response may carry (Varnish refuses response headers over 8 KB, CDNs over 16 KB):
#: a longer one (a sitemap of 1,000 items) names the kinds of its items instead.
MAX_KEYS = 300

_shown = ContextVar("edge_keys_shown", default=None)


def key_of(model, pk):
    return f"{model._meta.model_name}-{pk}"


def page_of(model, pk):
    return f"{key_of(model, pk)}-page"


def list_key(model):
    return f"{model._meta.model_name}-list"


@contextmanager
def collecting():
    """Collect the keys of what is shown while the block runs (one public response)."""
    keys = {EVERYTHING}
    token = _shown.set(keys)
    try:
        yield keys
    finally:
        _shown.reset(token)


def header_value(keys):
    """The Surrogate-Key header: the keys, or, past MAX_KEYS, their kinds (`collapsed`)."""
    return " ".join(sorted(collapsed(keys, MAX_KEYS)))


def collapsed(keys, limit):
    """`keys`, or, past `limit`, with the item keys replaced by their kinds' list keys: every
    change to an item also changes its kind's list key, so nothing is missed, only more is
    purged (a change to any item of the kind)."""
    keys = set(keys)
    if len(keys) > limit:
        items = {key for key in keys if key.rpartition("-")[2].isdigit()}
        keys = (keys - items) | {f"{key.rpartition('-')[0]}-list" for key in items}
    return keys


def may_keep(response):
    """Whether a shared cache may keep `response`: a plain public 200, the same for everyone."""
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and "cookie" not in response.get("Vary", "").lower()
    )


def keys_shown():
    """The keys collected so far for this response (None outside a public response)."""
    return _shown.get()


def shows(*keys):
    keys_shown = _shown.get()
    if keys_shown is not None:
        keys_shown.update(keys)


def about(item):
    """The page is about `item`: it lists what links to it."""
    shows(page_of(type(item), item.pk))


def lists(*models):
    """The page lists these kinds: a newly published item of one of them belongs on it."""
    shows(*(list_key(model) for model in models))


def _loaded(sender, instance, **kwargs):
    keys_shown = _shown.get()
    if keys_shown is not None and instance.pk is not None:
        keys_shown.add(key_of(sender, instance.pk))


def watch(models):
    """Collect a key for every instance of `models` loaded during a public response."""
    for model in models:
        post_init.connect(_loaded, sender=model, dispatch_uid=f"edge-{model._meta.label}")


def keys_affected_by(item):
    """(hard, soft) keys to purge when `item` changes, is published, unpublished or deleted."""
    from apps.core.apps import public_content_models

    model = type(item)
    public = set(public_content_models())
    hard = {key_of(model, item.pk)}
    soft = {list_key(model)}
    for field in model._meta.get_fields():
        related = field.related_model
        if related not in public:
            continue
        if field.concrete and (field.many_to_one or field.one_to_one):
            if (pk := getattr(item, field.attname)) is not None:
                soft.add(page_of(related, pk))
        elif field.concrete and field.many_to_many:
            pks = getattr(item, field.name).values_list("pk", flat=True)
            soft.update(page_of(related, pk) for pk in pks)
        elif field.auto_created and not field.concrete:
            # The pages of the items that link to this one show it (once it is public).
            linking = related._base_manager.filter(**{field.field.name: item.pk})
            pks = linking.order_by("-pk").values_list("pk", flat=True)[:LINKING_ITEMS]
            soft.update(page_of(related, pk) for pk in pks)
    return hard, soft - hard


def keys_affected_by_all(items):
    """(hard, soft): the keys of `keys_affected_by` for every one of `items`, together."""
    hard, soft = set(), set()
    for item in items:
        item_hard, item_soft = keys_affected_by(item)
        hard |= item_hard
        soft |= item_soft
    return hard, soft - hard


def enabled():
    """Whether there is an edge to purge (EDGE_URLS): without one, no key is computed."""
    return bool(settings.EDGE_URLS)


def purge(hard=(), soft=()):
    """Purge the keys at the edge, in the background (see the module's docstring)."""
    if not enabled() or not (hard or soft):
        return None
    purger = import_string(settings.EDGE_PURGER)(settings.EDGE_URLS)
    thread = threading.Thread(
        target=purger.purge, args=(set(hard), set(soft)), name="edge-purge", daemon=True
    )
    thread.start()
    return thread


class VarnishPurger:
    """PURGE requests with the keys in xkey-purge (hard) or xkey-softpurge (soft) headers,
    to every Varnish, retried with a growing pause (tools/varnish/default.vcl)."""

    attempts = 4
    timeout = 2

    def __init__(self, urls):
        self.urls = urls

    def purge(self, hard, soft):
        self.send_all(hard, soft)
        # Once more when every process has seen the new content generation (they re-read it
        # every PAGE_CACHE_CHECK_SECONDS): a re-fetch that reached a process still on the
        # old one, or a replica not yet replayed, may have put the old page back.
        time.sleep(settings.PAGE_CACHE_CHECK_SECONDS + 0.1)
        self.send_all(hard, soft)

    def send_all(self, hard, soft):
        for header, keys in (("xkey-purge", hard), ("xkey-softpurge", soft - set(hard))):
            keys = sorted(keys)
            for start in range(0, len(keys), KEYS_PER_REQUEST):
                chunk = " ".join(keys[start : start + KEYS_PER_REQUEST])
                for url in self.urls:
                    self.send(url, header, chunk)

    def send(self, url, header, keys):
        request = urllib.request.Request(url, method="PURGE", headers={header: keys})
        for attempt in range(self.attempts):
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    response.read()
                return True
            except (urllib.error.URLError, OSError) as error:
                if attempt + 1 == self.attempts:
                    logger.warning("Edge purge of %s at %s failed: %s", header, url, error)
                    return False
                time.sleep(0.25 * 2**attempt)
        return False
