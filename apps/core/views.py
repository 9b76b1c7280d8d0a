"""The views every public page shares: published-object and filtered-list mixins, previews, errors,
/healthz.
"""

import sys

from django.conf import settings
from django.db import connections
from django.db.models import prefetch_related_objects
from django.db.utils import DatabaseError, InterfaceError, OperationalError
from django.http import (
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.urls import resolve, reverse
from django.utils import translation
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from apps.core import edge, fragments, prefetch
from apps.core.paginator import CachedCountPaginator


class Withdrawn(Exception):
    """The address of an item that was public and has been withdrawn."""


class MovedTo(Exception):
    def __init__(self, url):
        super().__init__(url)
        self.url = url


class KeptPageMixin:
    """A public page kept whole until something it shows changes (apps/core/fragments.py):
    a kept visit runs none of the view. `get_content_context()` is the context the view adds
    to its generic one (prefetches, related items, the search itself)."""

    preview = False

    def dispatch(self, request, *args, **kwargs):
        make = super().dispatch
        return fragments.kept_or_made(
            request, lambda: make(request, *args, **kwargs), keep=not self.preview
        )

    def get_content_context(self):
        return {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(**{**self.get_content_context(), **kwargs})


class PublishedObjectMixin(KeptPageMixin):
    """Detail views show published items only, unless rendering a preview for staff.

    Views define `get_base_queryset()` and `get_content_prefetches()` (what the page shows
    beside the item); `preview` is switched on only by the admin's preview and by valid
    embargo links, never by a URL parameter.
    """

    def get_queryset(self):
        queryset = self.get_base_queryset()
        queryset = prefetch.with_relations(queryset, **self.get_content_relations())
        return queryset if self.preview else queryset.public()

    def get_object(self, queryset=None):
        """By this language's slug; another language's or a former slug redirects here."""
        queryset = self.get_queryset() if queryset is None else queryset
        slug = self.kwargs["slug"]
        item = queryset.filter(**{f"slug_{get_language()}": slug}).first()
        if item is None:
            item = queryset.by_slug(slug).first()
            if item is None:
                if not self.preview and self.get_base_queryset().withdrawn().by_slug(slug).exists():
                    raise Withdrawn
                raise Http404(_("There is no page at this address."))
            canonical = item.get_absolute_url()
            # An item without its own slug in this language falls back to another one:
            # that address is then its canonical one here, not a reason to redirect.
            if canonical != self.request.path:
                raise MovedTo(canonical)
        prefetch.attach_relations(item, *self.get_content_relations())
        edge.about(item)
        return item

    def get_content_relations(self):
        """{relation: queryset} of the few rows the page shows from each, read in the item's
        own query (apps/core/prefetch.py)."""
        return {}

    def get_content_prefetches(self):
        """What else the page shows beside the item, read after it (relations of relations)."""
        return ()

    def get_content_context(self):
        prefetch_related_objects([self.object], *self.get_content_prefetches())
        return super().get_content_context()

    def get_context_data(self, **kwargs):
        # The switcher and hreflang links lead to this item's own address in each language
        # it is shown in; a language that hides it has no such address (see base.html).
        alternate_urls = {}
        for code, _name in settings.LANGUAGES:
            if self.preview or self.object.is_shown_in_language(code):
                with translation.override(code):
                    alternate_urls[code] = self.object.get_absolute_url()
        return super().get_context_data(alternate_urls=alternate_urls, **kwargs)

    def get(self, request, *args, **kwargs):
        try:
            response = super().get(request, *args, **kwargs)
        except MovedTo as moved:
            return HttpResponsePermanentRedirect(moved.url)
        except Withdrawn:
            return render(request, "withdrawn.html", status=410)
        if not self.preview:
            # With ConditionalGetMiddleware, browsers and caches revalidate cheaply (304).
            response["Last-Modified"] = http_date(self.object.updated_at.timestamp())
        return response


class FilteredListMixin(KeptPageMixin):
    """A list view filtered by a django-filter FilterSet from the query string.

    Views define `get_base_queryset()`; `excluded_filters` names filters that make no
    sense on a page (the section filter on a section's own page).
    """

    filterset_class = None
    excluded_filters = ()
    paginator_class = CachedCountPaginator

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        # The list is named by its address and filters, the page number left out.
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        count_key = f"{get_language()}:{self.request.path}?{query.urlencode()}"
        return super().get_paginator(
            queryset, per_page, orphans, allow_empty_first_page, count_key=count_key, **kwargs
        )

    def get_queryset(self):
        self.filterset = self.filterset_class(
            self.request.GET or None, queryset=self.get_base_queryset(), request=self.request
        )
        for name in self.excluded_filters:
            self.filterset.filters.pop(name, None)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        return super().get_context_data(filterset=self.filterset, **kwargs)


def render_public_page(request, item, *, banner, extra_context=None):
    """Render `item`'s public page as it will look once published, with a banner on top."""
    match = resolve(item.get_absolute_url())
    context = {**(extra_context or {}), "preview_banner": banner}
    view = match.func.view_class.as_view(preview=True, extra_context=context)
    response = view(request, *match.args, **match.kwargs)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /embargo/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def favicon(request):
    return HttpResponsePermanentRedirect(static("favicon.svg"))


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


#: Seconds a visitor (or a load balancer) is asked to wait while the database is away.
DATABASE_RETRY_AFTER = 10


def server_error(request):
    # No context processors, no database: this page must render when everything else fails.
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        # The database is down or restarting: a temporary condition, said as such.
        page = loader.get_template("503.html").render({"retry_after": DATABASE_RETRY_AFTER})
        response = HttpResponse(page, status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())


@never_cache
def healthz(request):
    """Answer 200 when a fresh connection to the database works, 503 when it does not.

    A new connection each time (not the request's pooled one), so the answer tells the
    truth even when a persistent connection is still open to a server that went away.
    """
    connection = connections.create_connection("default")
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    finally:
        connection.close()
    return JsonResponse({"status": "ok", "database": "ok"})


def bench_baseline(request):
    """The benchmark's yardstick: a template of about 30 KB, no database, no context.

    Routed only with DJANGO_BENCH_BASELINE=1 (`make bench`); its throughput under gunicorn
    is what the site's pages are compared with.
    """
    return HttpResponse(loader.get_template("core/bench_baseline.html").render())
