"""Root addresses: machines and the newsroom without a language, the public site per language."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path

from apps.agreements.sitemaps import AgreementSitemap
from apps.core import views as core_views
from apps.core.fragments import kept_document
from apps.events.sitemaps import EventSitemap
from apps.media import views as media_views
from apps.news.sitemaps import ArticleSitemap, PagesSitemap, SectionSitemap
from apps.organisations.sitemaps import OrganisationSitemap, PersonSitemap

sitemaps = {
    "pages": PagesSitemap,
    "sections": SectionSitemap,
    "articles": ArticleSitemap,
    "events": EventSitemap,
    "agreements": AgreementSitemap,
    "organisations": OrganisationSitemap,
    "people": PersonSitemap,
}

# Addresses without a language: machines, the newsroom, private links.
urlpatterns = [
    path("", include("apps.core.urls")),
    path("", include("apps.newsroom.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path(
        "sitemap.xml",
        kept_document(sitemap_views.index),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        kept_document(sitemap_views.sitemap),
        {"sitemaps": sitemaps},
        name="sitemap_section",
    ),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    # Browsers ask for /favicon.ico on pages that name no icon (the newsroom's).
    path("favicon.ico", core_views.favicon),
]

# The public site, once per language: /ru/..., /en/... ("/" picks one: cookie, browser, default).
urlpatterns += i18n_patterns(
    path("", include("apps.news.urls")),
    path("", include("apps.search.urls")),
    path("organisations/", include("apps.organisations.urls")),
    path("events/", include("apps.events.urls")),
    path("agreements/", include("apps.agreements.urls")),
)

if settings.BENCH_BASELINE:
    urlpatterns += [path("bench/baseline/", core_views.bench_baseline)]

if settings.SERVE_MEDIA:
    # Development and the single-container compose set-up; production serves MEDIA_ROOT
    # from the front web server or object storage (see the README).
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", media_views.serve_media)
    ]

handler404 = "apps.core.views.page_not_found"
handler500 = "apps.core.views.server_error"
