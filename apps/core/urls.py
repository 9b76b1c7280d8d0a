from django.urls import path

from apps.core import views

app_name = "core"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("embargo/<str:token>/", views.embargo_view, name="embargo_view"),
]
