"""One publishing state: published, scheduled and expired agree in queries, Python and pages."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import IntegrityError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apps.core.models import PublicationStatus
from apps.news.models import Article
from tests.factories import ArticleFactory, EventFactory, OrganisationFactory

NOW = datetime(2023, 3, 1, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)

CASES = {
    "published in the past": ({"published_at": NOW - HOUR}, True),
    "published exactly now": ({"published_at": NOW}, True),
    "scheduled a second ahead": ({"published_at": NOW + timedelta(seconds=1)}, False),
    "scheduled tomorrow": ({"published_at": NOW + 24 * HOUR}, False),
    "draft with a past date": ({"published_at": NOW - HOUR, "status": "draft"}, False),
    "unpublishes later": ({"published_at": NOW - HOUR, "unpublish_at": NOW + HOUR}, True),
    "unpublished exactly now": ({"published_at": NOW - HOUR, "unpublish_at": NOW}, False),
    "expired": ({"published_at": NOW - 2 * HOUR, "unpublish_at": NOW - HOUR}, False),
}


@pytest.mark.django_db
class TestPublishedQuerySetAndPropertyAgree:
    @pytest.mark.parametrize("case", CASES)
    def test_public_visibility(self, case):
        fields, expected = CASES[case]
        article = ArticleFactory(**{"status": PublicationStatus.PUBLISHED, **fields})
        with time_machine.travel(NOW, tick=False):
            assert Article.objects.published().filter(pk=article.pk).exists() is expected
            assert article.is_published is expected

    def test_scheduled_item_goes_live_by_itself(self):
        article = ArticleFactory(published_at=NOW + HOUR)
        with time_machine.travel(NOW, tick=False):
            assert not Article.objects.published().filter(pk=article.pk).exists()
        with time_machine.travel(NOW + HOUR, tick=False):
            assert Article.objects.published().filter(pk=article.pk).exists()

    def test_published_at_an_explicit_moment(self):
        article = ArticleFactory(published_at=NOW)
        assert not Article.objects.published(at=NOW - HOUR).filter(pk=article.pk).exists()
        assert Article.objects.published(at=NOW + HOUR).filter(pk=article.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("factory", [ArticleFactory, EventFactory, OrganisationFactory])
def test_every_publishable_model_shares_the_vocabulary(factory):
    live, draft, scheduled, expired = (
        factory(),
        factory(draft=True),
        factory(scheduled=True),
        factory(expired=True),
    )
    public = set(factory._meta.model.objects.published())
    assert live in public
    assert not {draft, scheduled, expired} & public


@pytest.mark.django_db
def test_database_refuses_unpublish_before_publish():
    with pytest.raises(IntegrityError, match="unpublish_after_publish"):
        ArticleFactory(published_at=NOW, unpublish_at=NOW - HOUR)


@pytest.mark.django_db
def test_database_refuses_unknown_status():
    article = ArticleFactory()
    with pytest.raises(IntegrityError, match="status_valid"):
        Article.objects.filter(pk=article.pk).update(status="live")


LANGUAGE_MODES = ["hide", "fallback"]


@pytest.mark.django_db
class TestOneVisibilityRule:
    """`published()` is pure; `public()` adds the language policy; each has a twin."""

    def test_published_does_not_depend_on_the_active_language(self, settings):
        from django.utils import translation

        settings.TRANSLATION_FALLBACK = "hide"
        article = ArticleFactory(title_en="")
        for code in ["en", "ru"]:
            with translation.override(code):
                assert Article.objects.published().filter(pk=article.pk).exists()
                assert article.is_published

    def test_is_public_agrees_with_public_when_a_language_is_missing(self, settings):
        """Finding 17: with "hide", the property said public where the queryset did not."""
        from django.utils import translation

        settings.TRANSLATION_FALLBACK = "hide"
        article = ArticleFactory(title_en="")
        with translation.override("en"):
            assert not Article.objects.public().filter(pk=article.pk).exists()
            assert not article.is_public
        with translation.override("ru"):
            assert Article.objects.public().filter(pk=article.pk).exists()
            assert article.is_public


@pytest.mark.django_db
@given(
    items=st.lists(
        st.tuples(
            st.sampled_from(PublicationStatus.values),
            st.integers(-3, 3),  # publication, hours from now
            st.one_of(st.none(), st.integers(1, 6)),  # unpublish, hours after publication
            st.booleans(),  # has an English title
        ),
        min_size=1,
        max_size=8,
    ),
    mode=st.sampled_from(LANGUAGE_MODES),
)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_each_rule_and_its_twin_agree_for_any_items(items, mode):
    from django.conf import settings as django_settings
    from django.test import override_settings
    from django.utils import translation

    Article.objects.all().delete()
    with time_machine.travel(NOW, tick=False), override_settings(TRANSLATION_FALLBACK=mode):
        made = [
            ArticleFactory(
                status=status,
                published_at=NOW + hours * HOUR,
                unpublish_at=None if until is None else NOW + (hours + until) * HOUR,
                title_en=f"Title {n}" if english else "",
            )
            for n, (status, hours, until, english) in enumerate(items)
        ]
        assert {a.pk for a in Article.objects.published()} == {a.pk for a in made if a.is_published}
        for code, _name in django_settings.LANGUAGES:
            with translation.override(code):
                fresh = list(Article.objects.filter(pk__in=[a.pk for a in made]))
                assert {a.pk for a in Article.objects.public()} == {
                    a.pk for a in fresh if a.is_public
                }


@pytest.mark.django_db
class TestInternalLinksAreCheckedByKey:
    """Finding 16: links were checked by building views with no request."""

    def test_a_link_to_a_former_address_is_a_link_to_the_item(self, editor_client):
        from django.urls import reverse

        from tests.admin_forms import form_data

        target = ArticleFactory(title_en="Target")
        old_url = target.get_absolute_url()
        target.slug_en = "renamed-target"
        target.save()
        assert old_url != target.get_absolute_url()
        article = ArticleFactory(body=f'<p><a href="{old_url}">see</a></p>')
        assert not any("links to" in str(w) for w in article.prepublish_warnings())
        url = reverse("admin:news_article_change", args=[article.pk])
        data = form_data(editor_client.get(url), "article_form")
        assert editor_client.post(url, data).status_code == 302

    def test_a_russian_address_is_checked_in_russian(self):
        from django.utils import translation

        event = EventFactory(title_ru="Заседание", slug_ru="zasedanie")
        with translation.override("ru"):
            russian_url = event.get_absolute_url()
        assert russian_url.startswith("/ru/")
        article = ArticleFactory(body=f'<p><a href="{russian_url}">заседание</a></p>')
        with translation.override("en"):
            assert not any("links to" in str(w) for w in article.prepublish_warnings())

    def test_a_link_to_a_draft_in_either_language_is_reported(self):
        from django.utils import translation

        draft = EventFactory(draft=True, slug_ru="chernovik")
        with translation.override("ru"):
            russian_url = draft.get_absolute_url()
        article = ArticleFactory(body=f'<p><a href="{russian_url}">x</a></p>')
        with translation.override("en"):
            warnings = " ".join(str(w) for w in article.prepublish_warnings())
        assert f"links to {russian_url}, which is not published" in warnings

    def test_a_link_to_no_page_at_all_is_reported(self):
        article = ArticleFactory(body='<p><a href="/en/events/no-such-event/">x</a></p>')
        warnings = " ".join(str(w) for w in article.prepublish_warnings())
        assert "links to /en/events/no-such-event/" in warnings


@pytest.mark.django_db
def test_status_published_only_means_nothing_without_the_date(client):
    # A "published" item whose time has not come is scheduled, not public.
    article = ArticleFactory(status=PublicationStatus.PUBLISHED, scheduled=True)
    assert client.get(article.get_absolute_url()).status_code == 404
