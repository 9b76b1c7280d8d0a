"""Published events in the sitemap."""

from apps.core.sitemaps import PublishedSitemap
from apps.events.models import Event


class EventSitemap(PublishedSitemap):
    model = Event
