"""Public pages kept whole until something they show changes.

A public page (an article with its sidebar and related news, a list, a feed, a sitemap) is
made once and its answer kept in the cache with the surrogate keys of everything it showed
(apps/core/edge.py) and the content generation it was made in. After the commit of a public
change, each key it affects is marked as changed in the new generation (`changed`, beside
the edge's purge), and a kept page is used only while none of its keys changed after the
generation it was made in. A kept visit runs no view and reads no table: the page's own item
is one of its keys, so its publication, withdrawal, new address or edit marks the page as
changed, and so does an item of it coming due by itself (`generation.purge_what_came_due`).
A publish thus costs the origin only the pages that show what it changed; the page cache,
keyed by the generation, starts again from nothing.

Why no stale page can pass: a page is made in the generation its process knows, and a
process that knows a generation reads data at least that new (ReplicaReadsMiddleware keeps
it off a replica that has not replayed it). A page made from data older than a change was
made in a generation older than the one the change's keys are marked with, so it fails the
check however late it is stored. A key whose mark was lost from the cache counts as changed
now. Pages are kept only in a cache every process shares (CACHE_URL, Redis): with one
private to each process (locmem, in development) a change would be marked in one process
only, and another would serve its old pages until it noticed the new generation, long
enough for the edge to fetch and keep an old page after its purge.

Pages are named by their address (scheme, host, path and query), their language, and the
release: a deploy that changes a template, a translation or the code that fills them starts
with none kept. Only the view's answer is kept (its content and its own headers); the
middleware around it (security headers, ETag, Cache-Control) runs on every visit. Previews,
signed-in visits and answers other than a plain public 200 are never kept.
"""

import hashlib
from contextlib import suppress
from functools import cache, wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError
from django.http import HttpResponse
from django.utils.translation import get_language

from apps.core import edge, generation

PAGE = "kept-page:{}"
MARK = "fragment-key:{}"
#: Keys whose marks a page is checked against; past this, their kinds' (a list of 100 people
#: would otherwise read 300 marks on every visit).
CHECKED_KEYS = 50


@cache
def release():
    """A digest of the code, templates and translations this process runs."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for folder in ("apps", "cstonews", "templates", "locale"):
        for path in sorted((base / folder).rglob("*")):
            if path.suffix in {".py", ".html", ".txt", ".mo", ".xml"} and path.is_file():
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def enabled():
    return settings.FRAGMENT_CACHE_SECONDS > 0 and shared()


def shared():
    """Whether every process reads the same cache, and so sees every change's marks."""
    return not isinstance(caches["default"], LocMemCache)


def changed(keys, number):
    """Mark `keys` as changed in generation `number` (after the commit of a public change)."""
    if shared() and keys:
        generation.safe_cache("set_many", {MARK.format(key): number for key in keys}, None)


def changed_since(keys, number):
    """Whether one of `keys` changed after generation `number` (a page made meanwhile may
    show the past)."""
    checked = edge.collapsed(keys, CHECKED_KEYS)
    return shared() and any(mark > number for mark in _marks(checked).values())


def _marks(keys):
    """{key: the generation it last changed in} for the keys whose mark the cache holds."""
    keys = list(keys)
    marks = generation.safe_cache("get_many", [MARK.format(key) for key in keys]) or {}
    return {key: marks[MARK.format(key)] for key in keys if MARK.format(key) in marks}


def get(name):
    """What is kept under `name`, if nothing it shows changed since it was made (two reads
    of the cache). A page used names its keys in the response, as if it had been made again."""
    entry = generation.safe_cache("get", PAGE.format(name))
    if entry is None:
        return None
    made_in, keys, value = entry
    checked = edge.collapsed(keys, CHECKED_KEYS)
    marks = _marks(checked)
    # A key without a mark (lost from the cache) counts as changed now.
    if any(marks.get(key, made_in + 1) > made_in for key in checked):
        return None
    edge.shows(*keys)
    return value


def put(name, value, keys, made_in):
    """Keep `value`, made in generation `made_in` and showing `keys`, unless one changed since."""
    keys = sorted(keys)
    checked = edge.collapsed(keys, CHECKED_KEYS)
    marks = _marks(checked)
    if any(mark > made_in for mark in marks.values()):
        return
    for key in checked:
        if key not in marks:
            # Never marked, or the mark was lost: changed now, as far as anyone can tell.
            generation.safe_cache("add", MARK.format(key), made_in, None)
    generation.safe_cache(
        "set", PAGE.format(name), (made_in, keys, value), settings.FRAGMENT_CACHE_SECONDS
    )


class KeptPage:
    """One public address's page as kept: named by the address and language, in the
    generation known when the request began (before the view reads anything)."""

    def __init__(self, request):
        address = (
            f"{release()}:{get_language()}:{request.scheme}://{request.get_host()}"
            f"{request.path}?{request.GET.urlencode()}"
        )
        self.name = hashlib.sha256(address.encode()).hexdigest()
        self.made_in = None
        # Kept only for public responses, in the generation known now.
        if enabled() and edge.keys_shown() is not None:
            # Nothing is kept while the database cannot say what is current.
            with suppress(DatabaseError):
                self.made_in = generation.current_generation()

    def response(self):
        """The kept answer, or None."""
        if self.made_in is None:
            return None
        kept = get(self.name)
        if kept is None:
            return None
        headers, content = kept
        response = HttpResponse(content, headers=headers)
        response.kept = True  # its keys were checked just now (SurrogateKeysMiddleware)
        return response

    def keep(self, response):
        if self.made_in is None or not edge.may_keep(response):
            return
        if hasattr(response, "render"):
            response.render()
        put(self.name, (list(response.items()), response.content), edge.keys_shown(), self.made_in)


def kept_or_made(request, make, *, keep=True):
    """The page at this address as kept, or `make()`'s answer, kept for the next visit."""
    page = KeptPage(request) if keep else None
    kept = page.response() if page is not None else None
    if kept is not None:
        return kept
    response = make()
    if page is not None:
        page.keep(response)
    return response


def kept_document(view):
    """A function view whose answer is kept like a page's: a feed, a sitemap."""

    @wraps(view)
    def kept_view(request, *args, **kwargs):
        return kept_or_made(request, lambda: view(request, *args, **kwargs))

    return kept_view
