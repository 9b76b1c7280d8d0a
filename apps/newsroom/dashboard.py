"""The editorial dashboard: review queue, my drafts, calendar, recently published."""

from collections import defaultdict
from datetime import timedelta

from django.db.models import CharField, Value
from django.urls import reverse
from django.utils import timezone

from apps.core.languages import localized
from apps.core.models import PublicationStatus
from apps.newsroom.models import EmbargoLink

CALENDAR_DAYS = 14
ROWS = 15


def publishable_admins(admin_site, request):
    for model, model_admin in admin_site._registry.items():
        if hasattr(model, "publish_permission") and model_admin.has_view_or_change_permission(
            request
        ):
            yield model


def _items(models, order, limit=None, **filters):
    """One UNION query over every publishable model: rows of (model, pk, label, dates),
    in `order`. With a limit, each kind is cut to it first, through its own index, so that
    100,000 articles are never all sorted to find the newest few."""
    parts = []
    for model in models:
        part = (
            model._default_manager.filter(**filters)
            .annotate(
                label=localized(model.translation_field),
                model_key=Value(model._meta.label_lower, output_field=CharField()),
            )
            .values(
                "model_key",
                "pk",
                "label",
                "status",
                "published_at",
                "updated_at",
                "submitted_at",
                "submitted_by__username",
                "review_note",
            )
            .order_by(order)
        )
        parts.append(part[:limit] if limit else part.order_by())
    return parts[0].union(*parts[1:], all=True).order_by(order)[:limit]


def _rows(queryset, models):
    by_key = {model._meta.label_lower: model for model in models}
    rows = []
    for row in queryset:
        model = by_key[row["model_key"]]
        opts = model._meta
        rows.append(
            {
                **row,
                "kind": opts.verbose_name,
                "url": reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_change", args=[row["pk"]]
                ),
            }
        )
    return rows


def build_dashboard(request, admin_site):
    models = list(publishable_admins(admin_site, request))
    if not models:
        return None
    now = timezone.now()
    horizon = now + timedelta(days=CALENDAR_DAYS)
    # Longest waiting first.
    review = _items(models, "submitted_at", ROWS, status=PublicationStatus.IN_REVIEW)
    drafts = _items(
        models, "-updated_at", ROWS, status=PublicationStatus.DRAFT, created_by=request.user
    )
    scheduled = _items(
        models,
        "published_at",
        status=PublicationStatus.PUBLISHED,
        published_at__gt=now,
        published_at__lte=horizon,
    )
    # Scheduled further ahead: the next few, so that nothing scheduled is out of sight.
    later = _items(
        models, "published_at", ROWS, status=PublicationStatus.PUBLISHED, published_at__gt=horizon
    )
    recent = _items(
        models, "-published_at", ROWS, status=PublicationStatus.PUBLISHED, published_at__lte=now
    )

    calendar = defaultdict(list)
    for row in _rows(scheduled, models):
        calendar[timezone.localtime(row["published_at"]).date()].append(row)
    # Embargo links, their recipients and expiry are editors' business (the roles).
    embargoes = EmbargoLink.objects.none()
    if request.user.has_perm("newsroom.view_embargolink"):
        embargoes = EmbargoLink.objects.valid(now).filter(expires_at__lte=horizon)
    for link in embargoes.select_related("content_type").order_by("expires_at")[:ROWS]:
        calendar[timezone.localtime(link.expires_at).date()].append(
            {
                "embargo": link,
                "label": link.recipient,
                "published_at": link.expires_at,
                "url": reverse("admin:newsroom_embargolink_change", args=[link.pk]),
            }
        )
    return {
        "review": _rows(review, models),
        "drafts": _rows(drafts, models),
        "calendar": sorted(calendar.items()),
        "calendar_days": CALENDAR_DAYS,
        "later": _rows(later, models),
        "recent": _rows(recent, models),
    }
