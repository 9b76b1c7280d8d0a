"""The newsroom's lists stay cheap at 100,000 articles without losing what they show: the
date drill-down's years, a search's count and the translation report (issue 15's 150 ms).
Timings are the benchmark's (`make bench`); these prove the answers are the same."""

from datetime import UTC, datetime, timedelta

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils import timezone

from apps.core.indexes import missing_text
from apps.core.models import Publishable
from apps.news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def at(*args):
    return datetime(*args, tzinfo=UTC)


class TestYearsOfTheDateDrillDown:
    def test_the_same_years_as_djangos_own_query(self):
        # 2020 has none; 31 December 22:00 UTC is already New Year in Moscow.
        for moment in [at(2018, 5, 1), at(2019, 1, 1), at(2021, 12, 31, 22), at(2023, 6, 1)]:
            ArticleFactory(published_at=moment)
        queryset = Article.objects.all()
        for order in ("ASC", "DESC"):
            expected = list(models.QuerySet.datetimes(queryset, "published_at", "year", order))
            assert queryset.datetimes("published_at", "year", order) == expected
        assert [year.year for year in queryset.datetimes("published_at", "year")] == [
            2018, 2019, 2022, 2023
        ]  # fmt: skip

    def test_filters_narrow_the_years(self):
        ArticleFactory(published_at=at(2019, 3, 1), title_en="Border forum")
        ArticleFactory(published_at=at(2022, 3, 1), title_en="Other")
        found = Article.objects.filter(title_en__icontains="border")
        assert [year.year for year in found.datetimes("published_at", "year")] == [2019]
        assert Article.objects.none().datetimes("published_at", "year") == []

    def test_a_mistyped_ancient_year_falls_back_to_djangos_query(self):
        ArticleFactory(published_at=at(202, 5, 1))
        ArticleFactory(published_at=at(2024, 5, 1))
        queryset = Article.objects.all()
        expected = list(models.QuerySet.datetimes(queryset, "published_at", "year"))
        assert list(queryset.datetimes("published_at", "year")) == expected
        assert [year.year for year in expected] == [202, 2024]

    def test_the_list_links_each_year(self, editor_client):
        ArticleFactory(published_at=at(2019, 3, 1))
        ArticleFactory(published_at=at(2024, 3, 1))
        html = editor_client.get(reverse("admin:news_article_changelist")).content.decode()
        assert "published_at__year=2019" in html
        assert "published_at__year=2024" in html
        assert "published_at__year=2021" not in html


class TestSearchCount:
    @pytest.fixture
    def limit_of_three(self, monkeypatch):
        monkeypatch.setattr(admin.site._registry[Article], "search_count_limit", 3)

    def test_a_common_word_is_counted_up_to_the_limit(self, editor_client, limit_of_three):
        ArticleFactory.create_batch(5, title_en="Collective security council")
        response = editor_client.get(reverse("admin:news_article_changelist"), {"q": "security"})
        html = response.content.decode()
        assert response.context["cl"].paginator.count_is_capped
        assert "more than 3 found: refine the search to see them all" in html
        assert "more than 3 results" in html

    def test_below_the_limit_the_count_is_exact(self, editor_client, limit_of_three):
        ArticleFactory.create_batch(2, title_en="Collective security council")
        ArticleFactory(title_en="Unrelated")
        response = editor_client.get(reverse("admin:news_article_changelist"), {"q": "security"})
        html = response.content.decode()
        assert not response.context["cl"].paginator.count_is_capped
        assert "2 results" in html
        assert "more than" not in html

    def test_without_a_search_the_whole_list_is_counted(self, editor_client, limit_of_three):
        ArticleFactory.create_batch(5)
        response = editor_client.get(reverse("admin:news_article_changelist"))
        assert response.context["cl"].result_count == 5
        assert "more than" not in response.content.decode()


def publishable_models():
    return [model for model in apps.get_models() if issubclass(model, Publishable)]


@pytest.mark.parametrize("model", publishable_models(), ids=lambda model: model.__name__)
def test_each_kind_has_an_index_for_each_missing_language(model, settings):
    """The translation report reads these partial indexes: their condition must be the very
    one the report asks (PostgreSQL uses a partial index only for a matching condition)."""
    conditions = [index.condition for index in model._meta.indexes if index.condition]
    for code, _name in settings.LANGUAGES:
        assert missing_text(model.translation_required, code) in conditions, code
        assert str(model.objects.missing_language(code).query).count("IS NULL") == len(
            model.translation_required
        )


def test_the_dashboards_newest_are_the_newest_of_every_kind(editor_client):
    from tests.factories import EventFactory

    now = timezone.now()
    for hours in range(1, 21):
        factory = ArticleFactory if hours % 2 else EventFactory
        factory(title=f"Published {hours} hours ago", published_at=now - timedelta(hours=hours))
    html = editor_client.get(reverse("admin:index")).content.decode()
    recent = html.split("Recently published")[1].split("</section>")[0]
    shown = [line for line in range(1, 21) if f"Published {line} hours ago<" in recent]
    assert shown == list(range(1, 16))
