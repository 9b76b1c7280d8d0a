"""The preview of a publishable item: its public page as it will look, in every language, and
its language versions side by side; for the newsroom only."""

from html.parser import HTMLParser

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator

from apps.core.fields import SanitisedHTMLField
from apps.core.languages import language_name, site_languages
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
            path(
                "<path:object_id>/languages/",
                self.admin_site.admin_view(self.languages_view),
                name=f"{opts.app_label}_{opts.model_name}_languages",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["preview_languages"] = [(code, language_name(code)) for code in site_languages()]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def preview_url(self, obj, language=None):
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_preview", args=[obj.pk])
        return f"{url}?{urlencode({'language': language})}" if language else url

    def get_view_on_site_url(self, obj=None):
        # Until visitors can see it, "View on site" shows the preview instead of a 404.
        if obj is not None and obj.pk and not obj.is_public:
            return self.preview_url(obj, translation.get_language())
        return super().get_view_on_site_url(obj)

    def _viewable(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def preview_view(self, request, object_id):
        """The public page in `?language=` (default: the newsroom's), whatever its state."""
        obj = self._viewable(request, object_id)
        language = request.GET.get("language")
        if language not in site_languages():
            language = translation.get_language()
        labels = {"live": _("live"), "scheduled": _("scheduled"), "expired": _("expired")}
        with translation.override(language):
            state = labels.get(obj.publication_state) or obj.get_status_display()
            banner = {
                "kind": "preview",
                "state": state,
                "languages_url": reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_languages",
                    args=[obj.pk],
                ),
            }
            # The language switcher moves between previews: the public address of an
            # unpublished item answers 404.
            alternates = {code: self.preview_url(obj, code) for code in site_languages()}
            response = render_public_page(
                request, obj, banner=banner, extra_context={"alternate_urls": alternates}
            )
            # Rendered here, while the language is the preview's, not later by a middleware.
            if hasattr(response, "render"):
                response.render()
            return response

    def languages_view(self, request, object_id):
        """The translated texts of every language side by side, with what is missing."""
        obj = self._viewable(request, object_id)
        fields = translator.get_options_for_model(self.model).get_field_names()
        languages = site_languages()
        rows = []
        for name in fields:
            field = self.model._meta.get_field(name)
            values = [getattr(obj, f"{name}_{code}", "") or "" for code in languages]
            if any(values):
                rows.append({"label": field.verbose_name, "name": name, "values": values})
        cards = []
        for code in languages:
            with translation.override(code):
                response = render_public_page(request, obj, banner={"kind": "preview"})
                if hasattr(response, "render"):
                    response.render()
            cards.append((language_name(code), open_graph(response.content.decode())))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "cards": cards,
            "title": _("Languages of “%(item)s”") % {"item": obj},
            "languages": [(code, language_name(code)) for code in languages],
            "rows": rows,
            "previews": [(language_name(code), self.preview_url(obj, code)) for code in languages],
            # Sanitised on every write, so shown as the page shows it; other texts are escaped.
            "html_fields": {
                row["name"]
                for row in rows
                if isinstance(self.model._meta.get_field(row["name"]), SanitisedHTMLField)
            },
        }
        return TemplateResponse(request, "admin/publishable_languages.html", context)


class _OpenGraph(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        key = attrs.get("property") or attrs.get("name") or ""
        if tag == "meta" and key.startswith(("og:", "twitter:")):
            self.found.setdefault(key, attrs.get("content") or "")


def open_graph(html):
    """The page's own Open Graph data: what a social network shows when it is shared."""
    parser = _OpenGraph()
    parser.feed(html)
    return {key.replace(":", "_"): value for key, value in parser.found.items()}
