"""The registry's public pages: the filtered list, an agreement, a state's agreements."""

from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from apps.agreements.filters import AgreementFilter
from apps.agreements.models import Agreement, OfficialText, Party
from apps.core.seo import SeoMixin, absolute
from apps.core.views import FilteredListMixin, KeptPageMixin, PublishedObjectMixin
from apps.media.views import document_response
from apps.organisations.models import Organisation

REGISTRY = _("Agreements")


def registry_crumb():
    return (REGISTRY, reverse("agreements:agreement_list"))


def with_party_counts(queryset):
    """Annotate signatories (signed, not withdrawn) and parties (consent given, not withdrawn).

    Counted per agreement shown, through the parties' index: a join and GROUP BY would count
    every agreement's parties before the list could take its newest 25."""
    active = Party.objects.filter(agreement=OuterRef("pk"), withdrawn_on__isnull=True)
    return queryset.annotate(
        signatory_count=count_of(active.filter(signed_on__isnull=False)),
        party_count=count_of(active.filter(consent_on__isnull=False)),
    )


def count_of(parties):
    counted = parties.order_by().values("agreement").annotate(count=Count("pk")).values("count")
    return Coalesce(Subquery(counted), 0)


class AgreementListView(SeoMixin, FilteredListMixin, ListView):
    lists_kinds = (Agreement,)
    paginate_by = 25
    context_object_name = "agreements"
    filterset_class = AgreementFilter
    template_name = "agreements/agreement_list.html"

    def get_base_queryset(self):
        return with_party_counts(
            Agreement.objects.public().order_by("-concluded_on", "-pk")
        ).select_related("adopting_body")

    def get_breadcrumbs(self):
        return [registry_crumb()]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("Agreements registry"),
            page_description=_(
                "Treaties, agreements, protocols and decisions of the CSTO: status, "
                "parties, signatures and ratifications."
            ),
            states=Organisation.objects.public().states().order_by("name"),
            **kwargs,
        )


class AgreementDetailView(SeoMixin, PublishedObjectMixin, DetailView):
    model = Agreement
    context_object_name = "agreement"

    def get_base_queryset(self):
        return with_party_counts(Agreement.objects.all()).select_related(
            "adopting_body", "depositary", "concluded_at"
        )

    def get_content_prefetches(self):
        return (
            "subjects",
            "texts",
            # A party whose state the visitor may not see is not shown: its name is
            # unpublished content (the counts of signatories and parties still include it).
            Prefetch(
                "parties",
                queryset=Party.objects.filter(
                    state__in=Organisation.objects.public()
                ).select_related("state"),
            ),
        )

    def get_breadcrumbs(self):
        return [registry_crumb(), (str(self.object), self.object.get_absolute_url())]

    def get_json_ld(self):
        agreement, request = self.object, self.request
        data = {
            "@context": "https://schema.org",
            "@type": "Legislation",
            "name": agreement.title,
            "alternateName": agreement.short_title,
            "legislationType": agreement.get_kind_display(),
            "legislationDate": agreement.concluded_on.isoformat()
            if agreement.concluded_on
            else None,
            "legislationLegalForce": {
                "in_force": "https://schema.org/InForce",
                "terminated": "https://schema.org/NotInForce",
                "suspended": "https://schema.org/NotInForce",
            }.get(agreement.agreement_status),
            "inLanguage": agreement.authentic_languages,
            "url": absolute(request, agreement.get_absolute_url()),
            "legislationPassedBy": (
                {"@type": "Organization", "name": agreement.adopting_body.name}
                if agreement.adopting_body and agreement.adopting_body.is_public
                else None
            ),
        }
        return {key: value for key, value in data.items() if value}

    def get_context_data(self, **kwargs):
        agreement = self.object
        return super().get_context_data(
            page_title=str(agreement),
            page_description=agreement.summary or agreement.title,
            **kwargs,
        )


class StateAgreementsView(SeoMixin, KeptPageMixin, ListView):
    """One state's record: every published agreement it signed or joined, with its status."""

    template_name = "agreements/state_agreements.html"
    lists_kinds = (Agreement,)
    context_object_name = "parties"
    paginate_by = 50

    def get_queryset(self):
        self.state = get_object_or_404(
            Organisation.objects.public().states().by_slug(self.kwargs["slug"])
        )
        return (
            Party.objects.filter(state=self.state, agreement__in=Agreement.objects.public())
            .select_related("agreement")
            .order_by("-agreement__concluded_on", "-agreement_id")
        )

    def get_breadcrumbs(self):
        return [registry_crumb(), (self.state.name, self.request.path)]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            state=self.state,
            page_title=_("Agreements of %(state)s") % {"state": self.state.name},
            **kwargs,
        )


def official_text_download(request, slug, pk, filename):
    """An official text, only while its agreement is published."""
    text = get_object_or_404(
        OfficialText.objects.filter(agreement__in=Agreement.objects.public().by_slug(slug)),
        pk=pk,
    )
    return document_response(text)
