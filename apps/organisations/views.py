"""The public pages of organisations and people."""

from django.db.models import Count, Prefetch
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from apps.core.languages import localized
from apps.core.paginator import CachedCountPaginator
from apps.core.seo import SeoMixin, absolute
from apps.core.views import KeptPageMixin, PublishedObjectMixin
from apps.organisations.models import Organisation, OrganisationKind, Person, Position

ORGANISATIONS = _("Organisations")
PEOPLE = _("People")
DIRECTORY_PREVIEW = 12


class OrganisationListView(SeoMixin, KeptPageMixin, ListView):
    """The directory, grouped by kind: the first few of each kind, or one kind in pages.

    An archive holds thousands of ministries, agencies and outlets: the overview shows
    each kind's first DIRECTORY_PREVIEW with a link to all of them, one query for all kinds.
    """

    template_name = "organisations/organisation_list.html"
    lists_kinds = (Organisation,)
    context_object_name = "organisations"
    paginate_by = 50
    paginator_class = CachedCountPaginator

    def get_queryset(self):
        organisations = self.get_base_listing()
        self.kind = self.request.GET.get("kind")
        if self.kind not in OrganisationKind.values:
            self.kind = None
            self.paginate_by = None
            return organisations.none()
        return organisations.filter(kind=self.kind)

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        return super().get_paginator(
            queryset, per_page, orphans, allow_empty_first_page,
            count_key=f"{get_language()}:directory:{self.kind}", **kwargs,
        )  # fmt: skip

    def get_context_data(self, **kwargs):
        context = super().get_context_data(page_title=ORGANISATIONS, **kwargs)
        labels = dict(OrganisationKind.choices)
        if self.kind:
            context["groups"] = [(self.kind, labels[self.kind], context["organisations"], None)]
        context["kinds"] = OrganisationKind.choices
        context["current_kind"] = self.kind
        return context

    def get_content_context(self):
        """The overview's groups, read only when the page is made, never on a kept visit."""
        if self.kind:
            return {}
        labels = dict(OrganisationKind.choices)
        published = Organisation.objects.public()
        counts = dict(published.order_by().values_list("kind").annotate(count=Count("pk")))
        base = self.get_base_listing()
        firsts = [base.filter(kind=kind)[:DIRECTORY_PREVIEW] for kind in counts]
        by_kind = {}
        if firsts:
            for organisation in firsts[0].union(*firsts[1:], all=True):
                by_kind.setdefault(organisation.kind, []).append(organisation)
        return {
            "groups": [
                (kind, labels[kind], by_kind[kind], counts[kind])
                for kind in OrganisationKind.values
                if kind in by_kind
            ]
        }

    def get_base_listing(self):
        return (
            Organisation.objects.public()
            .select_related("parent")
            # With what the parent's is_public reads: "part of" names only a public parent.
            .only(
                "name",
                "short_name",
                "slug",
                "kind",
                "parent__name",
                "parent__slug",
                "parent__status",
                "parent__published_at",
                "parent__unpublish_at",
            )
            .order_by(localized("name"), "pk")
        )

    def get_breadcrumbs(self):
        return [(ORGANISATIONS, reverse("organisations:organisation_list"))]


class OrganisationDetailView(SeoMixin, PublishedObjectMixin, DetailView):
    model = Organisation
    context_object_name = "organisation"

    def get_base_queryset(self):
        return Organisation.objects.select_related("parent__parent__parent", "country")

    def get_content_prefetches(self):
        return (
            Prefetch("children", queryset=Organisation.objects.public()),
            Prefetch(
                "positions",
                queryset=Position.objects.current()
                .filter(person__in=Person.objects.public())
                .select_related("person"),
                to_attr="current_positions",
            ),
        )

    def get_breadcrumbs(self):
        organisation = self.object
        crumbs = [(ORGANISATIONS, reverse("organisations:organisation_list"))]
        crumbs += [(a.display_name, a.get_absolute_url()) for a in organisation.public_ancestors()]
        return [*crumbs, (organisation.name, organisation.get_absolute_url())]

    def get_json_ld(self):
        organisation = self.object
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentOrganization"
            if organisation.kind in {"ministry", "member_state", "state"}
            else "Organization",
            "name": organisation.name,
            "alternateName": organisation.short_name,
            "url": absolute(self.request, organisation.get_absolute_url()),
            "sameAs": organisation.website,
            "description": organisation.description,
        }
        if organisation.parent_id and organisation.parent.is_public:
            data["parentOrganization"] = {"@type": "Organization", "name": organisation.parent.name}
        return {key: value for key, value in data.items() if value}

    def get_context_data(self, **kwargs):
        organisation = self.object
        # Events and agreements sit above this app; reach them through the reverse
        # relations they declare instead of importing them.
        Event = organisation.events_organised.model
        Agreement = organisation.agreements_adopted.model
        Party = Agreement._meta.get_field("parties").related_model
        # The few keys first, as one UNION, each side through its own index: with
        # `organiser = X OR pk IN (...)` PostgreSQL walks every event newest first.
        took_part = Event.participants.through.objects.filter(organisation=organisation)
        organised = Event.objects.filter(organiser=organisation).values("pk")
        is_party = Party.objects.filter(state=organisation)
        adopted = Agreement.objects.filter(adopting_body=organisation).values("pk")
        return super().get_context_data(
            page_title=organisation.name,
            page_description=organisation.description,
            events=Event.objects.public()
            .filter(pk__in=took_part.values("event_id").union(organised))
            .select_related("country")
            .order_by("-start_date", "-pk")[:10],
            agreements=Agreement.objects.public()
            .filter(pk__in=is_party.values("agreement_id").union(adopted))
            .order_by("-concluded_on", "-pk")[:10],
            **kwargs,
        )


class PersonListView(SeoMixin, KeptPageMixin, ListView):
    template_name = "organisations/person_list.html"
    lists_kinds = (Person,)
    context_object_name = "people"
    paginate_by = 100

    def get_queryset(self):
        return Person.objects.public().prefetch_related(
            Prefetch(
                "positions",
                queryset=Position.objects.current()
                .in_public_organisations()
                .select_related("organisation"),
                to_attr="current_positions",
            )
        )

    def get_breadcrumbs(self):
        return [(PEOPLE, reverse("organisations:person_list"))]

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=PEOPLE, **kwargs)


class PersonDetailView(SeoMixin, PublishedObjectMixin, DetailView):
    model = Person
    context_object_name = "person"
    og_type = "profile"

    def get_base_queryset(self):
        return Person.objects.select_related("photo")

    def get_content_prefetches(self):
        positions = (
            Position.objects.in_public_organisations()
            .select_related("organisation")
            .order_by("-start_date", "order")
        )
        return (Prefetch("positions", queryset=positions),)

    def get_breadcrumbs(self):
        return [
            (PEOPLE, reverse("organisations:person_list")),
            (self.object.name, self.object.get_absolute_url()),
        ]

    def get_json_ld(self):
        person = self.object
        current = [p for p in person.positions.all() if p.end_date is None]
        data = {
            "@context": "https://schema.org",
            "@type": "Person",
            "name": person.name,
            "url": absolute(self.request, person.get_absolute_url()),
            "description": person.biography,
            "jobTitle": current[0].title if current else None,
            "worksFor": (
                {"@type": "Organization", "name": current[0].organisation.name} if current else None
            ),
            "honorificPrefix": person.rank,
        }
        return {key: value for key, value in data.items() if value}

    def get_og_image(self):
        return self.object.photo

    def get_context_data(self, **kwargs):
        person = self.object
        return super().get_context_data(
            page_title=person.name,
            page_description=person.biography,
            events_chaired=person.events_chaired.public()
            .select_related("country")
            .order_by("-start_date")[:10],
            **kwargs,
        )
