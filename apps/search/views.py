"""The search page and the search box's suggestions."""

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.contrib.postgres.search import TrigramWordSimilarity
from django.core.paginator import Paginator
from django.db.models import Q, Value
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from apps.agreements.models import Agreement
from apps.core.languages import localized
from apps.core.seo import MarkupSafeJSONEncoder, SeoMixin
from apps.core.views import KeptPageMixin
from apps.events.models import Event
from apps.news.models import Article
from apps.organisations.models import Organisation, Person
from apps.search import query
from apps.search.forms import SearchFilterForm
from apps.search.models import SearchPromotion


class SearchView(SeoMixin, KeptPageMixin, TemplateView):
    """One search over news, events, agreements, organisations and people."""

    template_name = "search/search.html"
    lists_kinds = (Article, Event, Agreement, Organisation, Person)
    per_page = 20

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Search"), **kwargs)

    def get_content_context(self):
        """The search itself: run only when the page is made, never on a kept visit."""
        raw = self.request.GET.get("q", "")
        text, shortened = query.normalise(raw)
        kind_key = self.request.GET.get("type", "all")
        sort = "date" if self.request.GET.get("sort") == "date" else "relevance"
        filters = SearchFilterForm(self.request.GET or None)
        context = {
            "filters": filters,
            "query": text,
            "shortened": shortened,
            "kinds": query.KINDS,
            "active_kind": kind_key if kind_key in query.KINDS_BY_KEY else "all",
            "sort": sort,
        }
        if not text:
            return context
        matches = query.candidates(query.KINDS, text, filters)
        counts = {key: len(pks) for key, pks in matches.items()}
        results = {
            kind.key: query.search(kind, text, sort=sort, pks=matches[kind.key])
            for kind in query.KINDS
            if matches[kind.key]
        }
        context.update(
            counts=counts,
            count_limit=query.COUNT_LIMIT,
            total=sum(counts.values()),
            promoted=promoted_for(text),
        )
        if context["active_kind"] == "all":
            context["result_sections"] = [
                (kind, [decorate(item) for item in results[kind.key][:5]], counts[kind.key])
                for kind in query.KINDS
                if counts[kind.key]
            ]
        else:
            paginator = Paginator(results.get(context["active_kind"], []), self.per_page)
            page = paginator.get_page(self.request.GET.get("page"))
            page.object_list = [decorate(item) for item in page.object_list]
            context.update(page_obj=page, paginator=paginator, is_paginated=paginator.num_pages > 1)
        if not context["total"]:
            context["suggestion"] = query.suggestion(text)
        return context

    def get_breadcrumbs(self):
        return [(_("Search"), self.request.path)]


def decorate(item):
    item.highlighted_snippet = query.highlighted(getattr(item, "snippet", ""))
    return item


def promoted_for(text):
    # One query per kind promoted, with what its result card shows.
    kinds = [kind.model.objects.select_related(*kind.select_related) for kind in query.KINDS]
    promotions = SearchPromotion.objects.filter(query__iexact=text).prefetch_related(
        GenericPrefetch("item", kinds)
    )
    items = [promotion.item for promotion in promotions]
    return [item for item in items if item is not None and item.is_public]


def search_suggestions(request):
    """A few titles and names for the search box (JSON); the plain form works without it."""
    text, _shortened = query.normalise(request.GET.get("q", ""))
    suggestions = []
    if len(text) >= 2:
        for kind in query.KINDS:
            field_name = kind.model.translation_field
            matches = (
                kind.model.objects.public()
                .annotate(
                    label=localized(field_name),
                    similarity=TrigramWordSimilarity(Value(text), localized(field_name)),
                )
                .filter(Q(label__istartswith=text) | Q(similarity__gte=0.4))
                .order_by("-similarity")[:3]
            )
            suggestions += [
                {"label": item.label, "url": item.get_absolute_url(), "type": str(kind.label)}
                for item in matches
            ]
    return JsonResponse(
        {"query": text, "suggestions": suggestions[:8]}, encoder=MarkupSafeJSONEncoder
    )
