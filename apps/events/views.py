from django.db.models import Prefetch
from django.views.generic import DetailView

from apps.agreements.models import Agreement
from apps.core.views import PublishedObjectMixin
from apps.events.models import Event
from apps.organisations.models import Organisation


class EventDetailView(PublishedObjectMixin, DetailView):
    context_object_name = "event"

    def get_base_queryset(self):
        return Event.objects.select_related(
            "country", "organiser", "chair", "chairing_state", "part_of"
        ).prefetch_related(
            Prefetch("participants", queryset=Organisation.objects.published()),
            Prefetch("agreements_concluded", queryset=Agreement.objects.published()),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            latest_articles=self.object.articles.published().for_listing()[:10], **kwargs
        )
