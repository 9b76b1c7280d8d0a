"""The search page's filters: dates, section, country, organisation and kind."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.agreements.models import Agreement, AgreementKind
from apps.core.filters import DateInput
from apps.events.models import Event, EventKind
from apps.news.models import Article, Section
from apps.organisations.models import Country, Organisation, OrganisationKind, Person


class SearchFilterForm(forms.Form):
    """Filters combined with the query; each applies to the kinds of result it concerns."""

    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput)
    section = forms.ModelChoiceField(
        Section.objects.all(), to_field_name="slug", required=False, label=_("Section"),
        empty_label=_("All sections"),
    )  # fmt: skip
    country = forms.ModelChoiceField(
        Country.objects.all(), to_field_name="code", required=False, label=_("Country"),
        empty_label=_("All countries"),
    )  # fmt: skip
    organisation = forms.ModelChoiceField(
        Organisation.objects.public(), to_field_name="slug", required=False,
        label=_("Organisation"), widget=forms.HiddenInput,
    )  # fmt: skip
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[
            ("", _("All kinds")),
            (_("Events"), EventKind.choices),
            (_("Agreements"), AgreementKind.choices),
            (_("Organisations"), OrganisationKind.choices),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Published as of this request, not as of the import of this module.
        self.fields["organisation"].queryset = Organisation.objects.public()

    def filter(self, kind, queryset):
        """`queryset` narrowed by the valid filters; none() where a filter excludes the kind."""
        self.is_valid()  # invalid fields are reported and left out of cleaned_data
        data = self.cleaned_data
        model = kind.model
        dates = {Article: "published_at__date", Event: "start_date", Agreement: "concluded_on"}
        if data.get("date_from") or data.get("date_to"):
            if model not in dates:
                return queryset.none()
            if data.get("date_from"):
                queryset = queryset.filter(**{f"{dates[model]}__gte": data["date_from"]})
            if data.get("date_to"):
                queryset = queryset.filter(**{f"{dates[model]}__lte": data["date_to"]})
        if data.get("section"):
            if model is not Article:
                return queryset.none()
            queryset = queryset.filter(section=data["section"])
        if country := data.get("country"):
            by_country = {
                Article: Q(organisations__country=country),
                Event: Q(country=country),
                Agreement: Q(parties__state__country=country),
                Organisation: Q(country=country),
                Person: Q(positions__organisation__country=country),
            }
            queryset = queryset.filter(by_country[model]).distinct()
        if organisation := data.get("organisation"):
            by_organisation = {
                Article: Q(organisations=organisation),
                Event: Q(organiser=organisation) | Q(participants=organisation),
                Agreement: Q(adopting_body=organisation) | Q(parties__state=organisation),
                Organisation: Q(pk=organisation.pk) | Q(parent=organisation),
                Person: Q(positions__organisation=organisation),
            }
            queryset = queryset.filter(by_organisation[model]).distinct()
        if value := data.get("kind"):
            kinds = {Event: EventKind.values, Agreement: AgreementKind.values,
                     Organisation: OrganisationKind.values}  # fmt: skip
            if value not in kinds.get(model, []):
                return queryset.none()
            queryset = queryset.filter(kind=value)
        return queryset

    @property
    def active(self):
        return any(self.data.get(name) for name in self.fields)
