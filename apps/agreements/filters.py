"""The registry's filters: kind, status, party, subject and years."""

import django_filters
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.agreements.models import Agreement, AgreementKind, AgreementStatus, Party, Subject
from apps.core.filters import PublicFilterSet, YearFilter
from apps.organisations.models import Organisation


class AgreementFilter(PublicFilterSet):
    kind = django_filters.ChoiceFilter(
        choices=AgreementKind.choices, label=_("Kind"), empty_label=_("All kinds")
    )
    agreement_status = django_filters.ChoiceFilter(
        choices=AgreementStatus.choices,
        label=pgettext_lazy("agreement", "Status"),
        empty_label=_("Any status"),
    )
    year = YearFilter(field_name="concluded_on", label=_("Year of conclusion"))
    # Both as "the agreements whose keys are among ...": a join would repeat an agreement per
    # match and need DISTINCT, which sorts every joined row before the page can be taken.
    party = django_filters.ModelChoiceFilter(
        method="filter_party",
        queryset=lambda request: Organisation.objects.public().states(),
        to_field_name="slug",
        label=pgettext_lazy("agreement", "Party"),
        empty_label=_("All states"),
    )
    subject = django_filters.ModelChoiceFilter(
        method="filter_subject",
        queryset=Subject.objects.all(),
        to_field_name="slug",
        label=_("Subject"),
        empty_label=_("All subjects"),
    )
    # Only these orderings exist: nothing from the query string reaches order_by() unchecked.
    sort = django_filters.OrderingFilter(
        fields=[
            ("concluded_on", "concluded"),
            ("title", "title"),
            ("entered_into_force_on", "in_force"),
        ],
        field_labels={
            "concluded_on": _("Date of conclusion"),
            "title": pgettext_lazy("heading", "Title"),
            "entered_into_force_on": _("Entry into force"),
        },
        label=_("Sort by"),
        empty_label=_("Newest first"),
    )

    class Meta:
        model = Agreement
        fields = ["kind", "agreement_status", "year", "party", "subject"]

    def filter_party(self, queryset, name, state):
        return queryset.filter(pk__in=Party.objects.filter(state=state).values("agreement_id"))

    def filter_subject(self, queryset, name, subject):
        linked = Agreement.subjects.through.objects.filter(subject=subject)
        return queryset.filter(pk__in=linked.values("agreement_id"))
