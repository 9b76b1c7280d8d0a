from django.contrib import admin, messages
from django.db import models
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from apps.core.models import Photo, PublicationStatus


class PublicationStateFilter(admin.SimpleListFilter):
    """Filter by what the public sees, not only by the stored status."""

    title = _("publication state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("live", _("Live on the site")),
            ("scheduled", _("Scheduled")),
            ("expired", _("Unpublished by date")),
            ("draft", _("Draft")),
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
            case "draft":
                return queryset.filter(status=PublicationStatus.DRAFT)
        return queryset


class PublishableAdmin(admin.ModelAdmin):
    """What every admin of a publishable model shares: state column, filters, actions."""

    publishing_fieldset = (
        _("Publishing"),
        {"fields": ["status", "published_at", "unpublish_at"]},
    )
    date_hierarchy = "published_at"
    show_full_result_count = False
    actions = ["publish_now", "make_draft"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    class Media:
        css = {"all": ["css/admin.css"]}

    @admin.display(description=_("state"), ordering="status")
    def publication_state(self, obj):
        if obj.is_published:
            return format_html('<span class="state state--live">{}</span>', _("Live"))
        if obj.is_scheduled:
            return format_html('<span class="state state--scheduled">{}</span>', _("Scheduled"))
        if obj.status == PublicationStatus.PUBLISHED:
            return format_html('<span class="state state--expired">{}</span>', _("Expired"))
        return format_html('<span class="state state--draft">{}</span>', _("Draft"))

    @admin.action(description=_("Publish selected items now"))
    def publish_now(self, request, queryset):
        count = queryset.exclude(status=PublicationStatus.PUBLISHED).update(
            status=PublicationStatus.PUBLISHED, published_at=timezone.now(), unpublish_at=None
        )
        self.message_user(
            request,
            ngettext("%d item published.", "%d items published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Return selected items to draft"))
    def make_draft(self, request, queryset):
        count = queryset.exclude(status=PublicationStatus.DRAFT).update(
            status=PublicationStatus.DRAFT
        )
        self.message_user(
            request,
            ngettext("%d item returned to draft.", "%d items returned to draft.", count) % count,
            messages.SUCCESS,
        )


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "__str__", "credit", "taken_on", "created_at"]
    list_display_links = ["thumbnail", "__str__"]
    search_fields = ["caption", "alt_text", "credit"]
    date_hierarchy = "created_at"
    show_full_result_count = False
    readonly_fields = ["thumbnail", "width", "height"]

    class Media:
        css = {"all": ["css/admin.css"]}

    fields = ["image", "thumbnail", "alt_text", "caption", "credit", "taken_on", "width", "height"]

    @admin.display(description=_("preview"))
    def thumbnail(self, obj):
        if not obj.image:
            return "—"
        return format_html(
            '<img src="{}" alt="" width="96" height="{}" class="admin-thumbnail">',
            obj.image.url,
            round(96 * (obj.height or 1) / (obj.width or 1)),
        )
