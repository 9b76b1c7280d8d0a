"""The embargo link's address (no language prefix: the link is the reader's own)."""

from django.urls import path

from apps.newsroom import views

app_name = "newsroom"

urlpatterns = [
    path("embargo/<str:token>/", views.embargo_view, name="embargo_view"),
]
