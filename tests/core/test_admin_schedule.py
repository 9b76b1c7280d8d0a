"""“Publish at…”: a dialog with the date and time on the change form, the item goes live by
itself then, and the editorial calendar shows it until then (issue 15)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.core.models import PublicationStatus
from apps.news.models import Article
from tests.admin_forms import admin_url
from tests.core.test_admin_review import messages_of, press
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def local_input(moment):
    """The value a datetime-local input sends: local wall-clock time, to the minute."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_the_dialog_offers_tomorrow_morning_with_the_time_zone(editor_client):
    article = ArticleFactory(status=PublicationStatus.IN_REVIEW)
    html = editor_client.get(admin_url(Article, "change", article.pk)).content.decode()
    dialog = html.split('<dialog id="schedule-dialog"')[1].split("</dialog>")[0]
    tomorrow = timezone.localtime() + timedelta(days=1)
    assert f'value="{tomorrow:%Y-%m-%d}T09:00"' in dialog
    assert 'type="datetime-local"' in dialog
    assert f'min="{timezone.localtime():%Y-%m-%dT}' in dialog
    assert "Europe/Moscow time" in dialog
    assert 'name="_schedule"' in dialog
    # The button that opens it says what it does, and the dialog is named by its heading.
    assert 'command="show-modal"' in html
    assert "Publish at…" in html
    assert 'aria-labelledby="schedule-dialog-title"' in html


def test_an_item_already_scheduled_opens_the_dialog_on_its_own_time(editor_client):
    when = (timezone.now() + timedelta(days=5)).replace(second=0, microsecond=0)
    article = ArticleFactory(published_at=when)
    html = editor_client.get(admin_url(Article, "change", article.pk)).content.decode()
    assert f'value="{local_input(when)}"' in html.split('<dialog id="schedule-dialog"')[1]


def test_scheduling_sets_the_chosen_moment_and_says_where_to_see_it(editor_client):
    article = ArticleFactory(status=PublicationStatus.IN_REVIEW)
    when = (timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    response = press(editor_client, article, "_schedule", publish_at=local_input(when))
    article.refresh_from_db()
    assert article.status == PublicationStatus.PUBLISHED
    assert article.published_at == when
    assert article.is_scheduled
    assert not Article.objects.published().filter(pk=article.pk).exists()
    [message] = messages_of(response)
    assert "goes live by itself on" in message
    assert f'href="{reverse("admin:index")}#calendar"' in message


@pytest.mark.parametrize(
    "chosen", [lambda now: local_input(now - timedelta(hours=1)), lambda now: "", lambda now: "x"]
)
def test_a_time_not_in_the_future_is_refused_and_nothing_changes(editor_client, chosen):
    article = ArticleFactory(status=PublicationStatus.IN_REVIEW, title_en="Waiting")
    before = article.published_at
    response = press(
        editor_client,
        article,
        "_schedule",
        publish_at=chosen(timezone.now()),
        published_at_0="",
        published_at_1="",
        title_en="Edited meanwhile",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "choose a publication date and time in the future" in html or (
        "Enter a valid date/time" in html
    )
    article.refresh_from_db()
    assert article.status == PublicationStatus.IN_REVIEW
    assert article.published_at == before
    assert article.title_en == "Waiting"
    # The typed text is still in the form, not lost.
    assert 'value="Edited meanwhile"' in html


def test_authors_have_no_dialog_and_a_forged_schedule_publishes_nothing(author_client, author):
    article = ArticleFactory(draft=True, created_by=author)
    html = author_client.get(admin_url(Article, "change", article.pk)).content.decode()
    assert "schedule-dialog" not in html
    when = timezone.now() + timedelta(days=1)
    press(author_client, article, "_schedule", publish_at=local_input(when))
    article.refresh_from_db()
    assert article.status == PublicationStatus.DRAFT
    assert not article.is_scheduled


def test_the_calendar_shows_what_is_scheduled_beyond_its_fortnight(editor_client):
    ArticleFactory(title_en="Goes live next month", published_at=timezone.now() + timedelta(40))
    ArticleFactory(title_en="Goes live next week", published_at=timezone.now() + timedelta(7))
    html = editor_client.get(reverse("admin:index")).content.decode()
    calendar = html.split('id="calendar"')[1].split("</section>")[0]
    fortnight, later = calendar.split("<h3>Later</h3>")
    assert "Goes live next week" in fortnight
    assert "Goes live next month" in later
    assert "Goes live next month" not in fortnight
