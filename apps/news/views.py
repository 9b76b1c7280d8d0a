from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.timezone import localtime
from django.views.generic import DetailView, ListView

from apps.agreements.models import Agreement
from apps.core.views import PublishedObjectMixin
from apps.events.models import Event
from apps.news.models import Article, Section
from apps.organisations.models import Organisation, Person, Position


class PublishedArticlesMixin:
    model = Article

    def get_queryset(self):
        return Article.objects.published().for_listing()


class HomeView(PublishedArticlesMixin, ListView):
    template_name = "news/home.html"
    context_object_name = "articles"

    def get_queryset(self):
        return super().get_queryset()[:12]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        articles = list(context["articles"])
        context["lead_article"] = next((a for a in articles if a.is_featured), None) or (
            articles[0] if articles else None
        )
        context["articles"] = [a for a in articles if a != context["lead_article"]]
        return context


class ArticleListView(PublishedArticlesMixin, ListView):
    paginate_by = 20
    context_object_name = "articles"


class SectionDetailView(PublishedArticlesMixin, ListView):
    """One section's listing page: its published articles, newest first."""

    paginate_by = 20
    context_object_name = "articles"
    template_name = "news/section_detail.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["section"])
        return super().get_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class ArticleDetailView(PublishedObjectMixin, DetailView):
    model = Article
    context_object_name = "article"

    def get_base_queryset(self):
        return (
            Article.objects.filter(section__slug=self.kwargs["section"])
            .select_related("section", "main_image", "dateline_agency")
            .prefetch_related(
                Prefetch("organisations", queryset=Organisation.objects.published()),
                Prefetch("events", queryset=Event.objects.published()),
                Prefetch("agreements", queryset=Agreement.objects.published()),
                "corrections",
            )
        )

    def get_object(self, queryset=None):
        article = super().get_object(queryset)
        # People are shown with the title they held on the article's date.
        day = localtime(article.published_at).date()
        article.people_on_date = list(
            Person.objects.published()
            .prefetch_related(
                Prefetch(
                    "positions",
                    queryset=Position.objects.held_on(day).select_related("organisation"),
                    to_attr="positions_on_date",
                )
            )
            .filter(articles=article)
        )
        return article
