from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from apps.core.dashboard import build_dashboard


class NewsroomAdminSite(admin.AdminSite):
    """The newsroom: Django's admin with an editorial dashboard on its front page."""

    site_header = _("CSTO Press Service — Newsroom")
    site_title = _("Newsroom")
    index_title = _("Newsroom")

    def index(self, request, extra_context=None):
        extra_context = {"dashboard": build_dashboard(request, self), **(extra_context or {})}
        return super().index(request, extra_context)
