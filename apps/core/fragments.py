"""Rendered parts of public pages, kept until something they show changes.

A page's costly parts (an article with its sidebar and related news, a list's items, the
JSON-LD) are rendered once and kept in the cache with the surrogate keys of everything they
show (apps/core/edge.py) and the content generation they were made in. After the commit of
a public change, each key it affects is marked as changed in the new generation (`changed`,
beside the edge's purge), and a part is used only while none of its keys changed after the
generation it was made in. A publish thus costs the origin only the parts that show what it
changed; the page cache, keyed by the generation, starts again from nothing.

Why no stale part can pass: a part is made in the generation its process knows, and a
process that knows a generation reads data at least that new (ReplicaReadsMiddleware keeps
it off a replica that has not replayed it). A part made from data older than a change was
made in a generation older than the one the change's keys are marked with, so it fails the
check however late it is stored. A key whose mark was lost from the cache counts as changed
now. Parts are kept only in a cache every process shares (CACHE_URL, Redis): with one
private to each process (locmem, in development) a change would be marked in one process
only, and another would serve its old parts until it noticed the new generation, long
enough for the edge to fetch and keep an old page after its purge.

Parts are named by the page's address and language, and by the release: a deploy that
changes a template, a translation or the code that fills them starts with none kept.

Pages opt in by putting a `Fragments` in their context (`FragmentsMixin`); the base template
wraps the head's data and the body in `{% fragment %}`. Feeds and sitemaps have no layout:
the whole document is their one part (`kept_document`).
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

PART = "fragment:{}"
MARK = "fragment-key:{}"
#: Keys whose marks a part is checked against; past this, their kinds' (a list of 100 people
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


def get_many(names):
    """{name: html} of the parts kept under `names` that nothing they show changed since
    they were made (two reads of the cache, however many parts). A part used names its
    keys in the response, as if it had been made again."""
    entries = generation.safe_cache("get_many", [PART.format(name) for name in names]) or {}
    entries = {name: entries[PART.format(name)] for name in names if PART.format(name) in entries}
    checked = {name: edge.collapsed(entry[1], CHECKED_KEYS) for name, entry in entries.items()}
    marks = _marks(set().union(*checked.values()))
    entries = {
        name: (made_in, keys, html)
        for name, (made_in, keys, html) in entries.items()
        if all(marks.get(key, made_in + 1) <= made_in for key in checked[name])
    }
    for _made_in, keys, _html in entries.values():
        edge.shows(*keys)
    return {name: html for name, (_made_in, _keys, html) in entries.items()}


def put(name, html, keys, made_in):
    """Keep a part made in generation `made_in` that showed `keys`, unless one changed since."""
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
        "set", PART.format(name), (made_in, keys, html), settings.FRAGMENT_CACHE_SECONDS
    )


class Fragments:
    """The parts of one public page that may be kept: named by the page's address and
    language, made with `prepare()`'s extra context (the costly part of the view's work,
    done only when a part has to be made)."""

    def __init__(self, request, prepare=None, keep=True, parts=("head", "body")):
        address = f"{release()}:{get_language()}:{request.path}?{request.GET.urlencode()}"
        self.name = hashlib.sha256(address.encode()).hexdigest()
        self.prepare = prepare
        self.parts = parts  # read from the cache together (the base template's by default)
        self._prepared = None
        self._kept = None
        # Kept only for public responses (never a preview), in the generation known now.
        self.made_in = None
        if keep and enabled() and edge.keys_shown() is not None:
            # Nothing is kept while the database cannot say what is current.
            with suppress(DatabaseError):
                self.made_in = generation.current_generation()

    def kept(self, part):
        """(name, html or None), or None where this page's parts are not kept."""
        if self.made_in is None:
            return None
        if self._kept is None:
            self._kept = get_many([f"{self.name}:{name}" for name in self.parts])
        name = f"{self.name}:{part}"
        return name, self._kept.get(name)

    def keep(self, name, html):
        put(name, html, edge.keys_shown(), self.made_in)

    def prepared(self):
        if self._prepared is None:
            self._prepared = self.prepare() if self.prepare else {}
        return self._prepared


def kept_document(view):
    """A view whose whole answer is one part, kept like a page's: a feed, a sitemap."""

    @wraps(view)
    def kept_view(request, *args, **kwargs):
        document = Fragments(request, parts=("document",))
        kept = document.kept("document")
        if kept is not None and kept[1] is not None:
            content_type, content = kept[1]
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if kept is not None and response.status_code == 200 and not response.streaming:
            if hasattr(response, "render"):
                response.render()
            document.keep(kept[0], (response["Content-Type"], response.content))
        return response

    return kept_view
