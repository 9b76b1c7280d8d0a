"""Countries, organisations and people in the newsroom, with people's positions."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from apps.core.admin import (
    PublicationStateFilter,
    PublishableAdmin,
    TranslatedVersionAdmin,
    in_every_language,
    publication_date_filter,
)
from apps.organisations.models import Country, Organisation, Person, Position


@admin.register(Country)
class CountryAdmin(TranslatedVersionAdmin):
    list_display = ["name", "code"]
    search_fields = [*in_every_language("name"), "code"]


class PositionInline(TranslationTabularInline):
    model = Position
    extra = 1
    autocomplete_fields = ["organisation"]
    fields = ["title", "organisation", "start_date", "end_date", "order"]


class OrganisationPositionInline(PositionInline):
    autocomplete_fields = ["person"]
    fields = ["person", "title", "start_date", "end_date", "order"]
    verbose_name_plural = _("office-holders")


@admin.register(Organisation)
class OrganisationAdmin(PublishableAdmin):
    list_display = [
        "name",
        "short_name",
        "kind",
        "parent",
        "country",
        "languages",
        "publication_state",
    ]
    list_filter = [PublicationStateFilter, publication_date_filter(), "kind", "country"]
    list_select_related = ["parent", "country"]
    search_fields = in_every_language("name", "short_name")
    autocomplete_fields = ["parent", "country"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = None
    inlines = [OrganisationPositionInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "kind", "parent", "country"]}),
        (_("About"), {"fields": ["website", "description"]}),
        PublishableAdmin.publishing_fieldset,
    ]


@admin.register(Person)
class PersonAdmin(PublishableAdmin):
    list_display = ["name", "rank", "current_titles", "languages", "publication_state"]
    list_filter = [PublicationStateFilter]
    search_fields = in_every_language("name", "sort_name")
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["photo"]
    date_hierarchy = None
    inlines = [PositionInline]
    fieldsets = [
        (None, {"fields": ["name", "sort_name", "slug", "rank", "photo", "biography"]}),
        PublishableAdmin.publishing_fieldset,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("positions__organisation")

    @admin.display(description=_("titles"))
    def current_titles(self, obj):
        return "; ".join(
            f"{p.title} ({p.organisation.display_name})"
            for p in obj.positions.all()
            if p.end_date is None
        )
