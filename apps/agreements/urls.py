"""Addresses of the registry: the list, an agreement, a state's record, official texts."""

from django.urls import path

from apps.agreements import views

app_name = "agreements"

urlpatterns = [
    path("", views.AgreementListView.as_view(), name="agreement_list"),
    path("states/<slug:slug>/", views.StateAgreementsView.as_view(), name="state_agreements"),
    path("<slug:slug>/", views.AgreementDetailView.as_view(), name="agreement_detail"),
    path(
        "<slug:slug>/texts/<int:pk>/<str:filename>",
        views.official_text_download,
        name="text_download",
    ),
]
