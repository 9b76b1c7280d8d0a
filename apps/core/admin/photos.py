from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from apps.core.models import Photo


@admin.register(Photo)
class PhotoAdmin(VersionAdmin):
    list_display = ["thumbnail", "__str__", "credit", "taken_on", "created_at"]
    list_display_links = ["thumbnail", "__str__"]
    search_fields = ["caption", "alt_text", "credit"]
    date_hierarchy = "created_at"
    show_full_result_count = False
    readonly_fields = ["thumbnail", "width", "height"]
    fields = ["image", "thumbnail", "alt_text", "caption", "credit", "taken_on", "width", "height"]

    class Media:
        css = {"all": ["css/admin.css"]}

    @admin.display(description=_("preview"))
    def thumbnail(self, obj):
        if not obj.image:
            return "—"
        return format_html(
            '<img src="{}" alt="" width="96" height="{}" class="admin-thumbnail">',
            obj.image.url,
            round(96 * (obj.height or 1) / (obj.width or 1)),
        )
