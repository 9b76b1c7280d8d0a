"""The photo library in the newsroom: thumbnails, where each photo is used, who may change it."""

from django import forms
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from apps.core import rights
from apps.core.admin import TranslatedVersionAdmin, in_every_language
from apps.media.models import Photo


@admin.register(Photo)
class PhotoAdmin(TranslatedVersionAdmin):
    list_display = ["thumbnail", "__str__", "credit", "licence", "taken_on", "created_at"]
    list_display_links = ["__str__"]
    list_filter = ["licence"]
    search_fields = [*in_every_language("caption", "alt_text", "credit"), "source"]
    date_hierarchy = "created_at"
    show_full_result_count = False
    readonly_fields = ["thumbnail", "dimensions", "where_used"]
    fieldsets = [
        (None, {"fields": ["image", "thumbnail", "dimensions"]}),
        (
            _("Description"),
            {
                "fields": ["alt_text", "caption", "taken_on"],
                "description": _(
                    "Credit and date are filled in from the camera's data when left empty; "
                    "location and camera serial numbers are removed from the file."
                ),
            },
        ),
        (_("Rights"), {"fields": ["credit", "source", "licence", "licence_notes"]}),
        (
            _("Crops"),
            {
                "fields": [("focal_x", "focal_y")],
                "description": _(
                    "The point that must stay in view when the picture is cropped to a "
                    "wide shape: 50 and 50 is the centre."
                ),
            },
        ),
        (_("Where it is used"), {"fields": ["where_used"]}),
    ]

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/admin-focal-point.js"]

    def has_change_permission(self, request, obj=None):
        return rights.may_change_shared(request.user, Photo, obj)

    def shows_on_site(self, obj):
        return rights.is_in_public_use(obj)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "image":
            # Our validator decodes the picture once, under our limits; Django's own image
            # field would decode it first without them.
            kwargs["form_class"] = forms.FileField
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("preview"))
    def thumbnail(self, obj):
        if not obj.image:
            return "—"
        small = obj.fallback()
        return format_html(
            '<img src="{}" alt="" width="{}" height="{}" class="admin-thumbnail">',
            small["url"],
            120,
            round(120 * (obj.height or 1) / (obj.width or 1)),
        )

    @admin.display(description=_("size"))
    def dimensions(self, obj):
        if not obj.width:
            return "—"
        return _("%(width)d × %(height)d px, %(renditions)d renditions") % {
            "width": obj.width,
            "height": obj.height,
            "renditions": len(obj.renditions),
        }

    @admin.display(description=_("used by"))
    def where_used(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        uses = []
        for relation in Photo._meta.related_objects:
            related = relation.related_model
            for item in related._default_manager.filter(**{relation.field.name: obj})[:20]:
                target = getattr(item, "article", None) or getattr(item, "event", None) or item
                opts = target._meta
                try:
                    url = reverse(
                        f"admin:{opts.app_label}_{opts.model_name}_change", args=[target.pk]
                    )
                except NoReverseMatch:
                    continue
                uses.append((url, f"{opts.verbose_name}: {target}"))
        if not uses:
            return _("Not used yet.")
        return format_html(
            "<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a></li>', uses)
        )
