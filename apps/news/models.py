"""Sections, articles (lead, body, wire dateline, photos, links to the other kinds), corrections."""

from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from apps.core.fields import SanitisedHTMLField, search_field
from apps.core.generation import kept_for_generation
from apps.core.indexes import missing_language_indexes, trigram_indexes
from apps.core.models import Publishable, PublishableQuerySet
from apps.core.slugs import SLUG_HELP
from apps.media.models import Document, GalleryPhoto
from apps.news.links import unpublished_links

#: Addresses under /news/ that belong to the site, not to a section.
RESERVED_SECTION_SLUGS = ["archive", "feed", "attachments"]
#: How each language writes the day of a dateline: “March 1”, “1 марта”.
DATELINE_FORMATS = {"en": "F j", "ru": "j E"}
#: Search engines cut titles at about this many characters.
TITLE_SEARCH_LIMIT = 70
#: How many recent links per shared entity are weighed when finding related articles.
RELATED_CANDIDATES = 200


class Section(models.Model):
    """A listing of the site: News, Announcements, Statements, Interviews..."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(
        pgettext_lazy("position in a list", "order"),
        default=0,
        help_text=_("Sections are listed in menus by this number."),
    )

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(slug__in=RESERVED_SECTION_SLUGS),
                name="section_slug_not_reserved",
                violation_error_message=_("This address is used by the site; choose another."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:section_detail", kwargs={"section": self.slug})


class ArticleQuerySet(PublishableQuerySet):
    def for_listing(self):
        return self.select_related("section", "main_image").defer("body").latest_first()


class Article(Publishable):
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, blank=True, help_text=SLUG_HELP)
    section = models.ForeignKey(
        Section, verbose_name=_("section"), on_delete=models.PROTECT, related_name="articles"
    )
    lead = models.TextField(
        _("lead"),
        blank=True,
        help_text=_(
            "One or two sentences under the title that say what happened and why it matters."
        ),
    )
    body = SanitisedHTMLField(_("body"), blank=True)
    dateline_city = models.CharField(
        _("dateline city"),
        max_length=100,
        blank=True,
        help_text=_("Where the story was filed, printed in capitals: ASTANA."),
    )
    dateline_date = models.DateField(
        _("dateline date"),
        null=True,
        blank=True,
        help_text=_("Date of the dateline; leave empty to use the publication date."),
    )
    dateline_agency = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("wire agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "media"},
        help_text=_("The agency the story comes from, for example Sputnik."),
    )
    source_name = models.CharField(_("source"), max_length=200, blank=True)
    source_url = models.URLField(_("source link"), blank=True)
    main_image = models.ForeignKey(
        "media.Photo",
        verbose_name=_("main photo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Featured stories lead the home page.")
    )
    organisations = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="articles",
    )
    people = models.ManyToManyField(
        "organisations.Person", verbose_name=_("people"), blank=True, related_name="articles"
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("events"), blank=True, related_name="articles"
    )
    agreements = models.ManyToManyField(
        "agreements.Agreement", verbose_name=_("agreements"), blank=True, related_name="articles"
    )

    search = search_field(("title", "A"), ("lead", "B"), ("body", "C", "html"))

    objects = ArticleQuerySet.as_manager()

    translation_required = ("title", "lead", "body")
    slug_scope = ("section_id",)

    class Meta(Publishable.Meta):
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [("publish_article", _("Can publish, schedule and unpublish articles"))]
        ordering = ["-published_at", "-pk"]
        constraints = [
            *Publishable.Meta.constraints,
            models.UniqueConstraint(
                fields=["section", "slug"],
                name="article_slug_unique_in_section",
                violation_error_message=_("Another article in this section has this slug."),
            ),
            models.CheckConstraint(
                condition=Q(source_url="") | ~Q(source_name=""),
                name="article_source_link_has_name",
                violation_error_message=_("Give the source's name with its link."),
            ),
        ]
        indexes = [
            *Publishable.Meta.indexes,
            models.Index(
                fields=["section", "status", "-published_at", "-id"],
                include=["unpublish_at"],
                name="article_section_pub_idx",
            ),
            models.Index(
                fields=["status", "-published_at"],
                condition=Q(is_featured=True),
                name="article_featured_pub_idx",
            ),
            GinIndex(fields=["search"], name="article_search_idx"),
            *trigram_indexes("article", "title"),
            *trigram_indexes("article", "lead"),
            *missing_language_indexes("article", ("title", "lead", "body")),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "news:article_detail", kwargs={"section": self.section.slug, "slug": self.slug}
        )

    @property
    def dateline(self):
        """“ASTANA, March 1 - Sputnik”: city in capitals, day, agency; empty without a city."""
        if not self.dateline_city:
            return ""
        day = self.dateline_date or localtime(self.published_at).date()
        day_format = DATELINE_FORMATS.get(get_language(), "F j")
        text = f"{self.dateline_city.upper()}, {date_format(day, day_format)}"
        if agency := self.public_dateline_agency:
            text += f" - {agency.display_name}"
        return text

    @property
    def public_dateline_agency(self):
        """The wire agency, when visitors may see it (an unpublished one goes unnamed)."""
        if self.dateline_agency_id and self.dateline_agency.is_public:
            return self.dateline_agency
        return None

    def related_articles(self, limit):
        """Published articles that share the most organisations, people, events and
        agreements with this one, then the most recent.

        The ranking is kept per content generation; the articles themselves are fetched
        through published() every time.
        """
        keys = kept_for_generation(
            f"related:{self.pk}:{limit}", lambda: self.related_article_keys(limit)
        )
        found = {a.pk: a for a in Article.objects.public().for_listing().filter(pk__in=keys)}
        return [found[key] for key in keys if key in found]

    def related_article_keys(self, limit):
        """The keys of the related articles, best first, in one query.

        Candidates are the most recent RELATED_CANDIDATES articles linked to each entity;
        each is scored by how many of this article's entities it shares.
        """
        relations = {
            "organisations": "organisation_id",
            "people": "person_id",
            "events": "event_id",
            "agreements": "agreement_id",
        }
        published = Article.objects.public()
        candidates, scores = None, []
        for relation, column in relations.items():
            through = getattr(Article, relation).through
            entity_ids = through.objects.filter(article_id=self.pk).values(column)
            links = through.objects.filter(**{f"{column}__in": entity_ids})
            recent = (
                links.exclude(article_id=self.pk)
                .filter(article__in=published)
                .order_by("-article__published_at")
                .values("article_id")[:RELATED_CANDIDATES]
            )
            candidates = recent if candidates is None else candidates.union(recent, all=True)
            shared = (
                links.filter(article_id=OuterRef("pk"))
                .order_by()
                .values("article_id")
                .annotate(count=Count("*"))
                .values("count")
            )
            scores.append(Coalesce(Subquery(shared), 0))
        return list(
            published.filter(pk__in=candidates)
            .annotate(shared_entities=sum(scores[1:], scores[0]))
            .order_by("-shared_entities", "-published_at", "-pk")
            .values_list("pk", flat=True)[:limit]
        )

    def neighbours_in_section(self):
        """The previous (older) and next (newer) published articles of the same section."""
        siblings = (
            Article.objects.public()
            .filter(section_id=self.section_id)
            .only("title", "slug", "section_id", "published_at")
        )
        # The plain bound (__lte/__gte) is what the index range uses; the OR only breaks ties.
        # Without it the newest article's "newer" scan would read its whole section.
        older = siblings.filter(
            Q(published_at__lt=self.published_at)
            | Q(published_at=self.published_at, pk__lt=self.pk),
            published_at__lte=self.published_at,
        ).order_by("-published_at", "-pk")[:1]
        newer = siblings.filter(
            Q(published_at__gt=self.published_at)
            | Q(published_at=self.published_at, pk__gt=self.pk),
            published_at__gte=self.published_at,
        ).order_by("published_at", "pk")[:1]
        rows = list(older.annotate(direction=Value(-1)).union(newer.annotate(direction=Value(1))))
        by_direction = {row.direction: row for row in rows}
        for row in rows:
            row.section = self.section
        return by_direction.get(-1), by_direction.get(1)

    @property
    def corrected_at(self):
        """When the latest public correction was made (uses prefetched corrections)."""
        return max((c.corrected_at for c in self.corrections.all()), default=None)

    def publishing_blockers(self):
        blockers = super().publishing_blockers()
        photos = [self.main_image] if self.main_image_id else []
        if self.pk:
            photos += [item.photo for item in self.gallery.select_related("photo")]
        return blockers + [
            _("The photo “%(photo)s” needs its alternative text before publishing.")
            % {"photo": photo}
            for photo in photos
            if not photo.alt_text.strip()
        ]

    def prepublish_warnings(self):
        warnings = [*self.publishing_blockers()]
        if not self.lead.strip():
            warnings.append(
                _("The lead is empty: lists, feeds and search results will show no summary.")
            )
        if len(self.title) > TITLE_SEARCH_LIMIT:
            warnings.append(
                _("The title has %(count)d characters; search engines show about %(limit)d.")
                % {"count": len(self.title), "limit": TITLE_SEARCH_LIMIT}
            )
        if self.main_image_id and not self.main_image.credit.strip():
            warnings.append(_("The main photo has no credit."))
        for path in unpublished_links(self.body):
            warnings.append(
                _("The body links to %(path)s, which is not published.") % {"path": path}
            )
        if self.pk:
            for relation in ["organisations", "people", "events", "agreements"]:
                for item in getattr(self, relation).exclude(
                    pk__in=getattr(self, relation).published()
                ):
                    warnings.append(
                        _("“%(item)s” is linked but not published: readers will not see it.")
                        % {"item": item}
                    )
        return warnings

    @property
    def body_with_dateline(self):
        """The body with the dateline opening its first paragraph, as wire copy prints it."""
        body = mark_safe(self.body)  # sanitised on save by SanitisedHTMLField
        if not self.dateline:
            return body
        dateline = format_html('<span class="article__dateline">{}.</span> ', self.dateline)
        if body.startswith("<p>"):
            return mark_safe(f"<p>{dateline}{body[3:]}")
        return mark_safe(f"<p>{dateline}</p>{body}")


class Correction(models.Model):
    """A dated public note on a published article: what was corrected, and when."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="corrections"
    )
    corrected_at = models.DateTimeField(_("corrected at"), default=timezone.now)
    text = models.CharField(
        _("correction"),
        max_length=500,
        help_text=_(
            "Shown to readers after “Corrected on <date>:”, e.g. “the date of the meeting”."
        ),
    )

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["corrected_at", "pk"]

    def __str__(self):
        return self.text


class ArticlePhoto(GalleryPhoto):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="gallery")

    class Meta(GalleryPhoto.Meta):
        verbose_name = _("gallery photo")
        verbose_name_plural = _("gallery")


class ArticleAttachment(Document):
    """A statement, press kit or other document published with an article."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="attachments"
    )
    order = models.PositiveSmallIntegerField(
        pgettext_lazy("position in a list", "order"), default=0
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["order", "pk"]

    def get_absolute_url(self):
        return reverse(
            "news:attachment_download",
            kwargs={"pk": self.pk, "filename": self.download_name},
        )
