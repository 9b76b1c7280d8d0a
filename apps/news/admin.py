from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from apps.core.admin import PublicationStateFilter, PublishableAdmin
from apps.news.models import Article, Section


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    list_display = ["title", "section", "published_at", "is_featured", "publication_state"]
    list_filter = [PublicationStateFilter, "section", "is_featured"]
    list_select_related = ["section"]
    search_fields = ["title", "lead"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "dateline_agency", "main_image", "organisations", "people", "events", "agreements",
    ]  # fmt: skip
    fieldsets = [
        (None, {"fields": ["section", "title", "slug", "lead", "body"]}),
        (_("Photo"), {"fields": ["main_image"]}),
        (
            _("Dateline and source"),
            {
                "fields": [
                    ("dateline_city", "dateline_date", "dateline_agency"),
                    ("source_name", "source_url"),
                ]
            },
        ),
        (
            _("What the story is about"),
            {"fields": ["organisations", "people", "events", "agreements"]},
        ),
        (_("Publishing"), {"fields": ["status", "published_at", "unpublish_at", "is_featured"]}),
    ]
