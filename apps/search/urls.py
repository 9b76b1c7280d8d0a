"""The search page and its suggestions."""

from django.urls import path

from apps.search import views

app_name = "search"

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="results"),
    path("search/suggest/", views.search_suggestions, name="suggestions"),
]
