"""The sections every page's navigation lists."""

from django.utils.functional import SimpleLazyObject

from apps.news.models import Section


def sections(request):
    """The site's sections for the navigation; queried only by pages that render it."""
    return {"sections": SimpleLazyObject(lambda: list(Section.objects.all()))}
