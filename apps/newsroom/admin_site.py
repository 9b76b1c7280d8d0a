"""The newsroom's admin site: second-factor sign-in, the dashboard, the translation report."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from apps.core.languages import language_name
from apps.newsroom import twofactor
from apps.newsroom.dashboard import build_dashboard, publishable_admins

REPORT_ROWS = 50


class NewsroomAdminSite(admin.AdminSite):
    """The newsroom: Django's admin with an editorial dashboard on its front page."""

    site_header = _("CSTO Press Service — Newsroom")
    site_title = _("Newsroom")
    index_title = _("Newsroom")
    login_form = twofactor.NewsroomAuthenticationForm
    login_template = "admin/newsroom_login.html"

    def has_permission(self, request):
        # Editors and administrators come in only with their second factor (twofactor.py).
        return super().has_permission(request) and twofactor.has_second_factor(request.user)

    def login(self, request, extra_context=None):
        if request.method == "GET" and self.has_permission(request):
            return redirect("admin:index")
        context = {
            **self.each_context(request),
            "title": _("Log in"),
            "subtitle": None,
            "app_path": request.get_full_path(),
            "username": request.user.get_username(),
            **(extra_context or {}),
        }
        if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
            context[REDIRECT_FIELD_NAME] = reverse("admin:index", current_app=self.name)
        request.current_app = self.name
        return twofactor.NewsroomLoginView.as_view(
            extra_context=context,
            authentication_form=self.login_form,
            template_name=self.login_template,
        )(request)

    def index(self, request, extra_context=None):
        extra_context = {"dashboard": build_dashboard(request, self), **(extra_context or {})}
        return super().index(request, extra_context)

    def get_urls(self):
        return [
            path(
                "two-factor/",
                lambda request: twofactor.setup_view(request, self),
                name="two_factor_setup",
            ),
            # Opened signed in with a password alone: the view checks who is signed in.
            path(
                "two-factor/enrol/<str:token>/",
                lambda request, token: twofactor.enrol_view(request, self, token),
                name="two_factor_enrol",
            ),
            path(
                "two-factor/link/<int:user_id>/",
                self.admin_view(
                    lambda request, user_id: twofactor.link_view(request, self, user_id)
                ),
                name="two_factor_link",
            ),
            path(
                "translations/",
                self.admin_view(self.translation_report),
                name="translation_report",
            ),
            *super().get_urls(),
        ]

    def translation_report(self, request):
        """Which items lack which language, kind by kind: the translators' to-do list."""
        sections = []
        for model in publishable_admins(self, request):
            opts = model._meta
            for code, _name in settings.LANGUAGES:
                missing = model._default_manager.missing_language(code).order_by("-published_at")
                rows = [
                    {
                        "item": item,
                        "url": reverse(
                            f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]
                        ),
                        "missing": dict(item.missing_languages()).get(code, []),
                    }
                    for item in missing[:REPORT_ROWS]
                ]
                sections.append(
                    {
                        "kind": opts.verbose_name_plural,
                        "language": language_name(code),
                        "count": missing.count(),
                        "rows": rows,
                    }
                )
        context = {
            **self.each_context(request),
            "title": _("Translation status"),
            "sections": sections,
        }
        return TemplateResponse(request, "admin/translation_report.html", context)
