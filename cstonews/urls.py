from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

urlpatterns = [
    path("", include("apps.core.urls")),
    path("", include("apps.news.urls")),
    path("organisations/", include("apps.organisations.urls")),
    path("events/", include("apps.events.urls")),
    path("agreements/", include("apps.agreements.urls")),
    path("admin/", admin.site.urls),
]

if settings.SERVE_MEDIA:
    # Development and the single-container compose set-up; production serves MEDIA_ROOT
    # from the front web server or object storage (see the README).
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
