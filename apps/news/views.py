"""The news pages: home, the lists and archive, a section, an article, attachment downloads."""

from datetime import date

from django.conf import settings
from django.db.models import Count, Prefetch
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, TemplateView

from apps.agreements.models import Agreement
from apps.core import edge
from apps.core.filters import FIRST_YEAR, LAST_YEAR
from apps.core.generation import kept_for_generation
from apps.core.seo import SeoMixin, absolute, image_object, publisher
from apps.core.views import FilteredListMixin, KeptPageMixin, PublishedObjectMixin
from apps.events.models import Event
from apps.media.views import document_response
from apps.news.filters import ArticleFilter
from apps.news.models import Article, ArticleAttachment, ArticlePhoto, Correction, Section
from apps.organisations.models import Organisation, Person

NEWS = _("News")
PER_SECTION_ON_HOME = 3
RELATED_ARTICLES = 5


def news_crumb():
    return (NEWS, reverse("news:article_list"))


class HomeView(SeoMixin, KeptPageMixin, TemplateView):
    """The lead story, the latest of each section, coming events and recent agreements."""

    template_name = "news/home.html"
    lists_kinds = (Article, Event, Agreement)

    def get_content_context(self):
        articles = Article.objects.public().for_listing()
        lead = articles.filter(is_featured=True).first() or articles.first()
        sections = list(Section.objects.all())
        # The newest few of each section: one short index scan per section, in one query
        # (a window over the whole archive would read every article).
        newest = [
            articles.filter(section=section).exclude(pk=getattr(lead, "pk", None))[
                :PER_SECTION_ON_HOME
            ]
            for section in sections
        ]
        by_section = {}
        if newest:
            for article in newest[0].union(*newest[1:], all=True):
                by_section.setdefault(article.section_id, []).append(article)
        sections = [(s, by_section[s.pk]) for s in sections if s.pk in by_section]
        today = timezone.localdate()
        return {
            "lead_article": lead,
            "sections_with_articles": sections,
            "upcoming_events": Event.objects.public().upcoming(today).select_related("country")[:5],
            "latest_agreements": Agreement.objects.public().order_by("-concluded_on", "-pk")[:5],
        }

    def get_json_ld(self):
        return {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": settings.SITE_NAME,
            "url": absolute(self.request, "/"),
            "publisher": publisher(self.request),
        }


class ArticleListView(SeoMixin, FilteredListMixin, ListView):
    """All news, newest first, with filters; also the archive of a year or a month."""

    model = Article
    lists_kinds = (Article,)
    paginate_by = 20
    context_object_name = "articles"
    filterset_class = ArticleFilter
    template_name = "news/article_list.html"

    def get_base_queryset(self):
        queryset = Article.objects.public().for_listing()
        self.period = self.get_period()
        if self.period:
            start, end = self.period
            queryset = queryset.filter(published_at__date__gte=start, published_at__date__lt=end)
        return queryset

    def get_period(self):
        """The archive's [start, end) dates; a year or month that cannot be is not found."""
        year, month = self.kwargs.get("year"), self.kwargs.get("month")
        if year is None:
            return None
        # <int:...> takes any number of digits: the years the calendar knows, checked before
        # date() sees them (it raises OverflowError past C's int). Month 0 is no month.
        if not FIRST_YEAR <= year <= LAST_YEAR or (month is not None and not 1 <= month <= 12):
            raise Http404(_("There is no such month."))
        start = date(year, month or 1, 1)
        end = date(year + (month == 12), month % 12 + 1, 1) if month else date(year + 1, 1, 1)
        return start, end

    @property
    def page_title(self):
        if not self.period:
            return _("All news")
        start = self.period[0]
        if self.kwargs.get("month"):
            return _("News of %(month)s") % {"month": date_format(start, "F Y")}
        return _("News of %(year)s") % {"year": start.year}

    def get_breadcrumbs(self):
        crumbs = [news_crumb()]
        if self.period:
            crumbs.append((self.page_title, self.request.path))
        return crumbs

    def get_content_context(self):
        return {"archive_months": archive_months() if self.period else None}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=self.page_title,
            period=self.period,
            **kwargs,
        )


def archive_months():
    """[(year, [(month_date, count), ...]), ...] newest first, once per content generation."""
    return kept_for_generation("archive-months", count_by_month)


def count_by_month():
    rows = (
        Article.objects.public()
        .annotate(month=TruncMonth("published_at"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("-month")
    )
    years = {}
    for row in rows:
        month = localtime(row["month"]).date() if hasattr(row["month"], "tzinfo") else row["month"]
        years.setdefault(month.year, []).append((month, row["count"]))
    return list(years.items())


class ArchiveView(SeoMixin, KeptPageMixin, TemplateView):
    template_name = "news/archive.html"
    lists_kinds = (Article,)

    def get_content_context(self):
        return {"archive": archive_months()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Archive"), **kwargs)

    def get_breadcrumbs(self):
        return [news_crumb(), (_("Archive"), self.request.path)]


class SectionDetailView(SeoMixin, FilteredListMixin, ListView):
    """One section's listing page: its published articles, newest first."""

    model = Article
    paginate_by = 20
    context_object_name = "articles"
    filterset_class = ArticleFilter
    excluded_filters = ["section"]
    template_name = "news/section_detail.html"
    lists_kinds = ()

    def get_base_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["section"])
        edge.about(self.section)  # its articles, not every article
        return Article.objects.public().for_listing().filter(section=self.section)

    def get_breadcrumbs(self):
        return [news_crumb(), (self.section.name, self.section.get_absolute_url())]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section=self.section,
            page_title=self.section.name,
            page_description=self.section.description,
            **kwargs,
        )


class ArticleDetailView(SeoMixin, PublishedObjectMixin, DetailView):
    model = Article
    context_object_name = "article"
    og_type = "article"

    def get_base_queryset(self):
        return Article.objects.filter(section__slug=self.kwargs["section"]).select_related(
            "section", "main_image", "dateline_agency"
        )

    def get_content_relations(self):
        return {
            "organisations": Organisation.objects.public(),
            "events": Event.objects.public(),
            "agreements": Agreement.objects.public(),
            "corrections": Correction.objects.all(),
            "attachments": ArticleAttachment.objects.all(),
        }

    def get_content_prefetches(self):
        return (Prefetch("gallery", queryset=ArticlePhoto.objects.select_related("photo")),)

    def get_content_context(self):
        context = super().get_content_context()
        article = self.object
        # People are shown with the title they held on the article's date.
        day = localtime(article.published_at).date()
        article.people_on_date = list(
            Person.objects.public().filter(articles=article).with_titles_on(day)
        )
        previous_article, next_article = article.neighbours_in_section()
        return {
            **context,
            "related_articles": article.related_articles(RELATED_ARTICLES),
            "previous_article": previous_article,
            "next_article": next_article,
        }

    def get_breadcrumbs(self):
        article = self.object
        return [
            news_crumb(),
            (article.section.name, article.section.get_absolute_url()),
            (article.title, article.get_absolute_url()),
        ]

    def get_og_image(self):
        return self.object.main_image

    def get_json_ld(self):
        article, request = self.object, self.request
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title,
            "description": article.lead,
            "datePublished": article.published_at.isoformat(),
            "dateModified": (article.corrected_at or article.published_at).isoformat(),
            "articleSection": article.section.name,
            "url": absolute(request, article.get_absolute_url()),
            "mainEntityOfPage": absolute(request, article.get_absolute_url()),
            "publisher": publisher(request),
            "about": [
                {"@type": "Organization", "name": o.name} for o in article.organisations.all()
            ],
            "mentions": [{"@type": "Person", "name": p.name} for p in article.people_on_date],
        }
        if article.dateline:
            data["dateline"] = article.dateline
        if agency := article.public_dateline_agency:
            data["sourceOrganization"] = {"@type": "Organization", "name": agency.name}
        if image := image_object(request, article.main_image):
            data["image"] = image
        return data

    def get_context_data(self, **kwargs):
        article = self.object
        return super().get_context_data(
            page_title=article.title, page_description=article.lead, **kwargs
        )


def attachment_download(request, pk, filename):
    """A document attached to an article, only while the article is published."""
    attachment = get_object_or_404(
        ArticleAttachment.objects.filter(article__in=Article.objects.public()), pk=pk
    )
    return document_response(attachment)
