"""The agreements registry in the newsroom: agreements with their parties, texts and subjects."""

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from apps.agreements.models import Agreement, OfficialText, Party, Subject
from apps.core.admin import (
    PublicationStateFilter,
    PublishableAdmin,
    TranslatedVersionAdmin,
    in_every_language,
    publication_date_filter,
)
from apps.core.admin.forms import PublishableAdminForm
from apps.core.languages import Language


@admin.register(Subject)
class SubjectAdmin(TranslatedVersionAdmin):
    list_display = ["name"]
    search_fields = in_every_language("name")
    prepopulated_fields = {"slug": ["name"]}


class PartyInline(admin.TabularInline):
    model = Party
    extra = 0
    autocomplete_fields = ["state"]
    fields = [
        "state",
        "signed_on",
        "consent_kind",
        "consent_on",
        "effective_on",
        "reservations",
        "withdrawn_on",
    ]


class OfficialTextInline(admin.TabularInline):
    model = OfficialText
    extra = 0
    fields = ["language", "title", "file"]


class AgreementForm(PublishableAdminForm):
    authentic_languages = forms.MultipleChoiceField(
        label=_("Authentic languages"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The languages whose texts are equally authentic."),
    )

    class Meta:
        model = Agreement
        fields = ["authentic_languages"]  # the admin adds the rest from its fieldsets


@admin.register(Agreement)
class AgreementAdmin(PublishableAdmin):
    form = AgreementForm
    list_display = [
        "__str__",
        "kind",
        "concluded_on",
        "agreement_status",
        "party_count",
        "languages",
        "publication_state",
    ]
    list_filter = [
        PublicationStateFilter,
        publication_date_filter(),
        "kind",
        "agreement_status",
        "subjects",
    ]
    search_fields = in_every_language("title", "short_title")
    date_hierarchy = "concluded_on"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["concluded_at", "adopting_body", "depositary", "subjects"]
    inlines = [PartyInline, OfficialTextInline]
    fieldsets = [
        (None, {"fields": ["kind", "title", "short_title", "slug", "subjects", "summary"]}),
        (
            _("Conclusion"),
            {
                "fields": [
                    ("concluded_on", "place_of_conclusion"),
                    "concluded_at",
                    "adopting_body",
                    "depositary",
                    "authentic_languages",
                ]
            },
        ),
        (
            _("Legal status"),
            {"fields": ["agreement_status", "entry_into_force_condition", "entered_into_force_on"]},
        ),
        PublishableAdmin.publishing_fieldset,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(party_total=Count("parties"))

    @admin.display(description=_("parties"), ordering="party_total")
    def party_count(self, obj):
        return obj.party_total
