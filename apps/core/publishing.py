"""Checks about what the public can reach, shared by every publishable model."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404
from django.urls import Resolver404, resolve

HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


def internal_paths(html):
    """The site-internal paths that `html` links to (relative, or on ALLOWED_HOSTS)."""
    paths = []
    for href in HREF.findall(html or ""):
        parts = urlsplit(href)
        on_this_site = not parts.netloc or parts.hostname in settings.ALLOWED_HOSTS
        if parts.scheme in ("", "http", "https") and on_this_site and parts.path.startswith("/"):
            paths.append(parts.path)
    return paths


def is_public_path(path):
    """Whether a visitor would find a published page at `path` (False for a 404)."""
    try:
        match = resolve(path)
    except Resolver404:
        return False
    view_class = getattr(match.func, "view_class", None)
    if view_class is None or not hasattr(view_class, "get_object"):
        return True  # not an object page: lists, feeds, the home page
    view = view_class()
    view.kwargs, view.args, view.request = match.kwargs, match.args, None
    try:
        view.get_object()
    except Http404:
        return False
    return True


def unpublished_links(html):
    return [path for path in internal_paths(html) if not is_public_path(path)]
