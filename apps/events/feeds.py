"""The events' RSS feed."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.templatetags.cstonews import date_range
from apps.events.models import Event


class UpcomingEventsFeed(Feed):
    lists_kinds = (Event,)

    def title(self):
        return _("%(site)s: upcoming events") % {"site": settings.SITE_NAME}

    def link(self):
        return reverse("events:event_list")

    def description(self):
        return _("Meetings, sessions, trainings and exercises announced by the CSTO.")

    def items(self):
        return Event.objects.public().upcoming(timezone.localdate()).select_related("country")[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        when = date_range(item.start_date, item.end_date)
        return "\n\n".join(part for part in [when, item.place, item.description] if part)

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [item.get_kind_display()]
