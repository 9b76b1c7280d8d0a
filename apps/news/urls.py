"""Addresses of the news: home, lists, archive, sections, articles, feeds, attachments."""

from django.urls import path

from apps.news import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/", views.ArticleListView.as_view(), name="article_list"),
    path("news/archive/", views.ArchiveView.as_view(), name="article_archive"),
    path(
        "news/archive/<int:year>/",
        views.ArticleListView.as_view(),
        name="article_archive_year",
    ),
    path(
        "news/archive/<int:year>/<int:month>/",
        views.ArticleListView.as_view(),
        name="article_archive_month",
    ),
    path("news/feed/rss/", feeds.per_request(feeds.NewsFeed), name="feed_rss"),
    path("news/feed/atom/", feeds.per_request(feeds.NewsAtomFeed), name="feed_atom"),
    path(
        "news/feed/organisation/<slug:slug>/rss/",
        feeds.per_request(feeds.OrganisationFeed),
        name="organisation_feed_rss",
    ),
    path(
        "news/feed/organisation/<slug:slug>/atom/",
        feeds.per_request(feeds.OrganisationAtomFeed),
        name="organisation_feed_atom",
    ),
    path(
        "news/attachments/<int:pk>/<str:filename>",
        views.attachment_download,
        name="attachment_download",
    ),
    path("news/<slug:section>/", views.SectionDetailView.as_view(), name="section_detail"),
    path(
        "news/<slug:section>/feed/rss/",
        feeds.per_request(feeds.SectionFeed),
        name="section_feed_rss",
    ),
    path(
        "news/<slug:section>/feed/atom/",
        feeds.per_request(feeds.SectionAtomFeed),
        name="section_feed_atom",
    ),
    path(
        "news/<slug:section>/<slug:slug>/",
        views.ArticleDetailView.as_view(),
        name="article_detail",
    ),
]
