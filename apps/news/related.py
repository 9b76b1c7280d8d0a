"""Cross-kind “in this story” blocks: the news about an organisation, a person, an event or an
agreement, and the events an agreement's story went through.

The pages of those kinds show them through the `related` template tags, so that their apps,
which the news app builds on, never import it.
"""

from apps.events.models import Event
from apps.news.models import Article

#: How many articles a page of another kind lists about its item.
ARTICLES_ABOUT = 10


def articles_about(item, limit=ARTICLES_ABOUT):
    """The latest public articles that link to `item` (newest first, listing fields only)."""
    return item.articles.public().for_listing()[:limit]


def events_of_agreement(agreement, limit=10):
    """The session that concluded `agreement`, and the events of the public articles about it.

    An unpublished article's links are unpublished content. The few keys come first, as one
    UNION: with `pk = X OR pk IN (...)`, PostgreSQL walks every event newest first to find them.
    """
    about_it = Article.events.through.objects.filter(
        article_id__in=agreement.articles.public().values("pk")
    ).values("event_id")
    keys = about_it.union(Event.objects.filter(pk=agreement.concluded_at_id).values("pk"))
    return Event.objects.public().filter(pk__in=keys).latest_first()[:limit]
