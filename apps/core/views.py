from django.db import connections
from django.db.utils import DatabaseError
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import resolve
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from apps.core.models import EmbargoLink


class PublishedObjectMixin:
    """Detail views show published items only, unless rendering a preview for staff.

    Views define `get_base_queryset()` (with their select/prefetch); `preview` is switched
    on only by the admin's preview and by valid embargo links, never by a URL parameter.
    """

    preview = False

    def get_queryset(self):
        queryset = self.get_base_queryset()
        return queryset if self.preview else queryset.published()


def render_public_page(request, item, *, banner):
    """Render `item`'s public page as it will look once published, with a banner on top."""
    match = resolve(item.get_absolute_url())
    view = match.func.view_class.as_view(preview=True, extra_context={"preview_banner": banner})
    response = view(request, *match.args, **match.kwargs)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
def embargo_view(request, token):
    link = EmbargoLink.from_token(token)
    if link is None or link.item is None:
        raise Http404(_("This link is not valid."))
    if not link.is_valid:
        response = render(request, "core/embargo_gone.html", {"link": link}, status=410)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
    item = link.item
    if item.is_published:
        return HttpResponseRedirect(item.get_absolute_url())
    banner = {"kind": "embargo", "item": item, "recipient": link.recipient}
    response = render_public_page(request, item, banner=banner)
    response["Referrer-Policy"] = "no-referrer"
    return response


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
