"""The preview of a publishable item: its public page as it will look, for the newsroom only."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _

from apps.core.views import render_public_page


class PreviewMixin:
    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name=f"{opts.app_label}_{opts.model_name}_preview",
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        labels = {"live": _("live"), "scheduled": _("scheduled"), "expired": _("expired")}
        state = labels.get(obj.publication_state) or obj.get_status_display()
        return render_public_page(request, obj, banner={"kind": "preview", "state": state})
