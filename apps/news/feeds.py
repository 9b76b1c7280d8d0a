"""RSS 2.0 and Atom feeds of published news: all, per section, per organisation."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from apps.core import fragments
from apps.news.models import Article, Section
from apps.organisations.models import Organisation

FEED_LENGTH = 30


def per_request(feed_class):
    """A view that builds a fresh feed object per request, so it may keep the request; the
    feed is kept until an item in it changes (apps/core/fragments.py)."""

    @fragments.kept_document
    def view(request, *args, **kwargs):
        return feed_class()(request, *args, **kwargs)

    view.feed_class = feed_class
    return view


class NewsFeed(Feed):
    lists_kinds = (Article,)

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self, obj=None):
        return _("%(site)s: news") % {"site": settings.SITE_NAME}

    def link(self, obj=None):
        return reverse("news:article_list")

    def description(self, obj=None):
        return _("The latest news of the Collective Security Treaty Organization.")

    def items(self, obj=None):
        return Article.objects.public().for_listing()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        parts = [item.lead]
        if item.main_image_id and item.main_image.credit:
            credit = pgettext("credit line", "© Photo: %(credit)s")
            parts.append(credit % {"credit": item.main_image.credit})
        return "\n\n".join(part for part in parts if part)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.section.name]

    def item_enclosures(self, item):
        photo = item.main_image
        if photo is None or not photo.image:
            return []
        try:
            length = photo.image.size
        except OSError:
            length = 0
        return [
            Enclosure(
                url=self.request.build_absolute_uri(photo.image.url),
                length=str(length),
                mime_type="image/jpeg"
                if photo.image.name.lower().endswith((".jpg", ".jpeg"))
                else "image/png"
                if photo.image.name.lower().endswith(".png")
                else "image/webp",
            )
        ]


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj=None):
        return self.description(obj)


class SectionFeed(NewsFeed):
    def get_object(self, request, section):
        return get_object_or_404(Section, slug=section)

    def title(self, obj=None):
        return f"{settings.SITE_NAME}: {obj.name}"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def items(self, obj=None):
        return Article.objects.public().for_listing().filter(section=obj)[:FEED_LENGTH]


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed


class OrganisationFeed(NewsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Organisation.objects.public().by_slug(slug))

    def title(self, obj=None):
        return f"{settings.SITE_NAME}: {obj.name}"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def description(self, obj=None):
        return _("News about %(organisation)s.") % {"organisation": obj.name}

    def items(self, obj=None):
        return Article.objects.public().for_listing().filter(organisations=obj)[:FEED_LENGTH]


class OrganisationAtomFeed(OrganisationFeed):
    feed_type = Atom1Feed
