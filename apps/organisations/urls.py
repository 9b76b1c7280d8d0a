"""Addresses of organisations and people."""

from django.urls import path

from apps.organisations import views

app_name = "organisations"

urlpatterns = [
    path("", views.OrganisationListView.as_view(), name="organisation_list"),
    path("people/", views.PersonListView.as_view(), name="person_list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation_detail"),
]
