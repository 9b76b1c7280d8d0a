"""Shared pieces of the public filter forms."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

FIRST_YEAR, LAST_YEAR = 1992, 2100  # the Collective Security Treaty was signed in 1992


class YearFilter(django_filters.NumberFilter):
    """A year, validated to a sane range (a nonsense value becomes a form error, not a 500)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "year")
        kwargs.setdefault("label", _("Year"))
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(*args, **kwargs)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class PublicFilterSet(django_filters.FilterSet):
    """A filter form that reports bad values and applies the good ones.

    Choices of published items are given as `lambda request: ...public()`: a queryset
    written in the class would keep the time the module was imported, and leave out
    everything published since.

    django-filter skips fields whose value does not validate; the template shows the
    form's errors next to the results, so `?date_from=2023-13-45` explains itself.
    """

    @property
    def active(self):
        return any(self.data.get(name) not in (None, "") for name in self.filters if name != "page")

    @property
    def chips(self):
        """Filters set by links rather than by the form (an organisation, a person)."""
        if not self.is_bound:
            return []
        form = self.form
        form.is_valid()
        return [
            {"label": bound.label, "value": form.cleaned_data[bound.name], "field": bound}
            for bound in form.hidden_fields()
            if form.cleaned_data.get(bound.name)
        ]
