"""Which items a body of text links to, and whether the public can reach them.

Checked by key: a path is routed in its own language (its prefix) to the model of the page
it names and a slug, and the data is asked through `public()`. No view is built or run,
so no request is needed and the editor's own language does not matter.
"""

import re
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation

HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


def internal_paths(html):
    """The site-internal paths that `html` links to (relative, or on ALLOWED_HOSTS)."""
    paths = []
    for href in HREF.findall(html or ""):
        parts = urlsplit(href)
        on_this_site = not parts.netloc or parts.hostname in settings.ALLOWED_HOSTS
        if parts.scheme in ("", "http", "https") and on_this_site and parts.path.startswith("/"):
            paths.append(unquote(parts.path))
    return paths


def path_language(path):
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def route(path):
    """(the path's language, its URL match or None), routed in that language."""
    language = path_language(path)
    with translation.override(language):
        try:
            return language, resolve(path)
        except Resolver404:
            return language, None


def linked_items(match):
    """The items an item page's URL match names, or None when it is not an item's page.

    Any of an item's addresses names it: its slug in any language, or a former slug.
    """
    model = getattr(getattr(match.func, "view_class", None), "model", None)
    slug = match.kwargs.get("slug")
    if model is None or slug is None or not hasattr(model.objects, "by_slug"):
        return None
    items = model.objects.by_slug(slug)
    for name, value in match.kwargs.items():
        # A scope in the address (the article's section) narrows, when it still holds.
        if name != "slug" and hasattr(model, f"{name}_id"):
            scoped = items.filter(**{f"{name}__slug": value})
            if scoped.exists():
                items = scoped
    return items


def is_public_path(path):
    """Whether a visitor would find a page at `path`: an item's page only while the item
    is public in the path's language; other pages (lists, feeds) whenever they exist."""
    language, match = route(path)
    if match is None:
        return False
    items = linked_items(match)
    return items is None or items.public(language=language).exists()


def unpublished_links(html):
    return [path for path in internal_paths(html) if not is_public_path(path)]
