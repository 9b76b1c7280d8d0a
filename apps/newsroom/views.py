"""The embargo link's page: one unpublished item, shown to the reader the link was made for."""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from apps.core.views import render_public_page
from apps.newsroom.models import EmbargoLink


@never_cache
def embargo_view(request, token):
    link = EmbargoLink.from_token(token)
    if link is None or link.item is None:
        raise Http404(_("This link is not valid."))
    if not link.is_valid:
        response = render(request, "newsroom/embargo_gone.html", {"link": link}, status=410)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
    item = link.item
    if item.is_public:
        return HttpResponseRedirect(item.get_absolute_url())
    banner = {"kind": "embargo", "item": item, "recipient": link.recipient}
    response = render_public_page(request, item, banner=banner)
    response["Referrer-Policy"] = "no-referrer"
    return response
