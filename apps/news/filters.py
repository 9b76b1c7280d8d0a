"""The news list's filters: section, organisation, person, event, agreement and dates."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.filters import DateInput, PublicFilterSet
from apps.news.models import Article, Section
from apps.organisations.models import Country, Organisation, Person


class ArticleFilter(PublicFilterSet):
    section = django_filters.ModelChoiceFilter(
        queryset=Section.objects.all(),
        to_field_name="slug",
        label=_("Section"),
        empty_label=_("All sections"),
    )
    date_from = django_filters.DateFilter(
        field_name="published_at", lookup_expr="date__gte", label=_("From"), widget=DateInput
    )
    date_to = django_filters.DateFilter(
        field_name="published_at", lookup_expr="date__lte", label=_("To"), widget=DateInput
    )
    country = django_filters.ModelChoiceFilter(
        field_name="organisations__country",
        queryset=Country.objects.all(),
        to_field_name="code",
        label=_("Country"),
        empty_label=_("All countries"),
    )
    organisation = django_filters.ModelChoiceFilter(
        field_name="organisations",
        queryset=lambda request: Organisation.objects.public(),
        to_field_name="slug",
        label=_("Organisation"),
        widget=forms.HiddenInput,
    )
    person = django_filters.ModelChoiceFilter(
        field_name="people",
        queryset=lambda request: Person.objects.public(),
        to_field_name="slug",
        label=_("Person"),
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Article
        fields = ["section", "date_from", "date_to", "country", "organisation", "person"]

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        # A country joins through organisations: one article may match several times.
        cleaned_data = getattr(self.form, "cleaned_data", {})
        return queryset.distinct() if cleaned_data.get("country") else queryset
