"""The search's promoted results in the newsroom."""

from django.contrib import admin

from apps.core.admin import RefreshesPublicPages
from apps.search.models import SearchPromotion


@admin.register(SearchPromotion)
class SearchPromotionAdmin(RefreshesPublicPages, admin.ModelAdmin):
    list_display = ["query", "content_type", "object_id", "order"]
    search_fields = ["query"]
    list_filter = ["content_type"]
