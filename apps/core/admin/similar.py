"""Similar stories: while a title is typed, the published items with a similar title, so that
the same news is not written twice (trigram similarity, on the title's own index)."""

from django.contrib.postgres.search import TrigramSimilarity
from django.core.exceptions import PermissionDenied
from django.db.models.functions import Upper
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime

from apps.core.languages import site_languages

#: How many similar items are shown, and the shortest title worth comparing.
SHOWN = 5
SHORTEST = 8


class SimilarItemsMixin:
    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "similar/",
                self.admin_site.admin_view(self.similar_view),
                name=f"{opts.app_label}_{opts.model_name}_similar",
            ),
            *super().get_urls(),
        ]

    def similar_view(self, request):
        """?q=title&language=ru[&exclude=pk]: published items whose title is close to q."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        text = " ".join(request.GET.get("q", "").split())[:300]
        language = request.GET.get("language")
        if len(text) < SHORTEST or language not in site_languages():
            return JsonResponse({"items": []})
        column = f"{self.model.translation_field}_{language}"
        items = (
            self.model._default_manager.published()
            .alias(upper=Upper(column))
            .filter(upper__trigram_similar=text.upper())
            .annotate(similarity=TrigramSimilarity(Upper(column), text.upper()))
            .order_by("-similarity")
        )
        if request.GET.get("exclude", "").isdigit():
            items = items.exclude(pk=request.GET["exclude"])
        items = items[:SHOWN]
        opts = self.model._meta
        return JsonResponse(
            {
                "items": [
                    {
                        "title": getattr(item, column),
                        "change_url": reverse(
                            f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]
                        ),
                        "date": date_format(localtime(item.published_at), "DATE_FORMAT"),
                    }
                    for item in items
                ]
            }
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        opts = self.model._meta
        context.update(
            similar_url=reverse(f"admin:{opts.app_label}_{opts.model_name}_similar"),
            similar_field=self.model.translation_field,
        )
        return super().render_change_form(request, context, add, change, form_url, obj)
