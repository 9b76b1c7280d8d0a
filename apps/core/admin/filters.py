"""List filters of publishable items: by what the public sees, and by publication date."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rangefilter.filters import DateRangeFilterBuilder

from apps.core.models import PublicationStatus


class PublicationStateFilter(admin.SimpleListFilter):
    """Filter by what the public sees, not only by the stored status."""

    title = _("publication state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("live", _("Live on the site")),
            ("scheduled", _("Scheduled")),
            ("expired", _("Unpublished by date")),
            ("review", _("In review")),
            ("draft", _("Draft")),
            ("unpublished", _("Unpublished")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        published = queryset.filter(status=PublicationStatus.PUBLISHED)
        match self.value():
            case "live":
                return queryset.published(at=now)
            case "scheduled":
                return published.filter(published_at__gt=now)
            case "expired":
                return published.filter(unpublish_at__lte=now)
            case "review" | "draft" | "unpublished":
                return queryset.filter(status=self.value())
        return queryset


def publication_date_filter():
    return ("published_at", DateRangeFilterBuilder(title=_("publication date")))
