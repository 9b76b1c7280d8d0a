from django.urls import path

from apps.news import views

app_name = "news"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/", views.ArticleListView.as_view(), name="article_list"),
    path("news/<slug:section>/", views.SectionDetailView.as_view(), name="section_detail"),
    path(
        "news/<slug:section>/<slug:slug>/",
        views.ArticleDetailView.as_view(),
        name="article_detail",
    ),
]
