from django.db.models import Prefetch
from django.views.generic import DetailView

from apps.core.views import PublishedObjectMixin
from apps.organisations.models import Organisation, Person, Position


class OrganisationDetailView(PublishedObjectMixin, DetailView):
    context_object_name = "organisation"

    def get_base_queryset(self):
        return Organisation.objects.select_related("parent__parent", "country").prefetch_related(
            Prefetch("children", queryset=Organisation.objects.published()),
            Prefetch(
                "positions",
                queryset=Position.objects.current()
                .filter(person__in=Person.objects.published())
                .select_related("person"),
                to_attr="current_positions",
            ),
        )

    def get_context_data(self, **kwargs):
        organisation = self.object
        return super().get_context_data(
            latest_articles=organisation.articles.published().for_listing()[:10], **kwargs
        )


class PersonDetailView(PublishedObjectMixin, DetailView):
    context_object_name = "person"

    def get_base_queryset(self):
        return Person.objects.prefetch_related(
            Prefetch(
                "positions",
                queryset=Position.objects.select_related("organisation").order_by(
                    "-start_date", "order"
                ),
            )
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            latest_articles=self.object.articles.published().for_listing()[:10], **kwargs
        )
