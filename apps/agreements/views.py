from django.db.models import Prefetch
from django.views.generic import DetailView

from apps.agreements.models import Agreement, Party
from apps.core.views import PublishedObjectMixin


class AgreementDetailView(PublishedObjectMixin, DetailView):
    context_object_name = "agreement"

    def get_base_queryset(self):
        return Agreement.objects.select_related(
            "adopting_body", "depositary", "concluded_at"
        ).prefetch_related(
            "subjects",
            "texts",
            Prefetch("parties", queryset=Party.objects.select_related("state")),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            latest_articles=self.object.articles.published().for_listing()[:10], **kwargs
        )
