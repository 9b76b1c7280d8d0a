"""Sections and articles in the newsroom, with corrections, gallery and attachments."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from apps.core import services
from apps.core.admin import (
    PublicationStateFilter,
    PublishableAdmin,
    TranslatedVersionAdmin,
    in_every_language,
    publication_date_filter,
)
from apps.news.models import (
    TITLE_SEARCH_LIMIT,
    Article,
    ArticleAttachment,
    ArticlePhoto,
    Correction,
    Section,
)


@admin.register(Section)
class SectionAdmin(TranslatedVersionAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = in_every_language("name")
    prepopulated_fields = {"slug": ["name"]}


class CorrectionInline(TranslationTabularInline):
    """Corrections are public notes; adding one is an editor's decision."""

    model = Correction
    extra = 0
    fields = ["corrected_at", "text"]

    def _may_publish(self, request):
        return request.user.has_perm(Article.publish_permission())

    def has_add_permission(self, request, obj):
        return obj is not None and obj.is_published and self._may_publish(request)

    def has_change_permission(self, request, obj=None):
        return obj is not None and self._may_publish(request)

    def has_delete_permission(self, request, obj=None):
        return obj is not None and self._may_publish(request)

    def has_view_permission(self, request, obj=None):
        return obj is not None


class ArticlePhotoInline(admin.TabularInline):
    model = ArticlePhoto
    extra = 0
    autocomplete_fields = ["photo"]
    fields = ["photo", "caption", "order"]
    verbose_name_plural = _("gallery (photos after the text)")


class ArticleAttachmentInline(admin.TabularInline):
    model = ArticleAttachment
    extra = 0
    fields = ["title", "language", "file", "order"]


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    list_display = [
        "thumbnail",
        "title",
        "section",
        "published_at",
        "is_featured",
        "languages",
        "publication_state",
    ]
    list_display_links = ["title"]
    list_filter = [PublicationStateFilter, publication_date_filter(), "section", "is_featured"]
    list_select_related = ["section", "main_image"]
    search_fields = in_every_language("title", "lead")
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "dateline_agency",
        "main_image",
        "organisations",
        "people",
        "events",
        "agreements",
    ]
    publisher_only_fields = ["is_featured"]
    character_counts = {"title": TITLE_SEARCH_LIMIT, "lead": 300}
    inlines = [ArticlePhotoInline, ArticleAttachmentInline, CorrectionInline]
    actions = [*PublishableAdmin.actions, "feature_selected", "unfeature_selected"]
    publisher_actions = {
        *PublishableAdmin.publisher_actions,
        "feature_selected",
        "unfeature_selected",
    }
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
        (
            _("Publishing"),
            {
                "fields": [
                    "current_state",
                    "published_at",
                    "unpublish_at",
                    "is_featured",
                    "require_all_languages",
                ]
            },
        ),
    ]

    @admin.display(description=_("photo"))
    def thumbnail(self, obj):
        if not obj.main_image_id or not obj.main_image.image:
            return ""
        photo = obj.main_image
        return format_html(
            '<img src="{}" alt="" width="64" height="{}" class="admin-thumbnail" loading="lazy">',
            photo.image.url,
            round(64 * (photo.height or 1) / (photo.width or 1)),
        )

    @admin.action(
        description=_("Feature selected articles on the home page"), permissions=["publish"]
    )
    def feature_selected(self, request, queryset):
        self.run_workflow(
            request, queryset, feature, _("Featured %(count)d articles."), featured=True
        )

    @admin.action(description=_("Stop featuring selected articles"), permissions=["publish"])
    def unfeature_selected(self, request, queryset):
        self.run_workflow(
            request, queryset, feature, _("Stopped featuring %(count)d articles."), featured=False
        )


def feature(*, item, user, featured):
    return services.article_set_featured(article=item, user=user, featured=featured)
