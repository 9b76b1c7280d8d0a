"""Review in words: who submitted an item and when, the editor's note back to the author, and
confirmations that say what happened and what comes next (issue 15, findings 5 and 10)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from apps.core.models import PublicationStatus
from tests.admin_forms import admin_url, form_data
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def press(client, item, button, **changes):
    url = admin_url(type(item), "change", item.pk)
    data = {**form_data(client.get(url), f"{item._meta.model_name}_form"), **changes}
    data[button] = "1"
    return client.post(url, data, follow=True)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_submitting_records_who_and_when_and_says_what_comes_next(author_client, author):
    article = ArticleFactory(status=PublicationStatus.DRAFT, created_by=author)
    response = press(author_client, article, "_submit_for_review")
    article.refresh_from_db()
    assert article.status == PublicationStatus.IN_REVIEW
    assert article.submitted_by == author
    assert timezone.now() - article.submitted_at < timedelta(minutes=1)
    [message] = messages_of(response)
    assert "waiting for review" in message
    assert "An editor will publish it or return it to you with a note" in message


def test_the_review_queue_shows_who_submitted_and_how_long_it_waits(
    author_client, editor_client, author
):
    article = ArticleFactory(status=PublicationStatus.DRAFT, title_en="Awaiting", created_by=author)
    press(author_client, article, "_submit_for_review")
    type(article).objects.filter(pk=article.pk).update(
        submitted_at=timezone.now() - timedelta(hours=3)
    )
    page = editor_client.get(reverse("admin:index")).content.decode()
    assert f"submitted by {author.username}, waiting 3\xa0hours" in page


def test_an_editor_returns_an_item_with_a_note_the_author_sees_and_the_history_keeps(
    author_client, editor_client, author
):
    article = ArticleFactory(status=PublicationStatus.DRAFT, created_by=author)
    press(author_client, article, "_submit_for_review")
    note = "Name the ministry in the lead, and add the date of the meeting."
    response = press(editor_client, article, "_return_to_draft", note_for_author=note)
    article.refresh_from_db()
    assert article.status == PublicationStatus.DRAFT
    assert article.review_note == note
    assert "is a draft again" in messages_of(response)[0]
    assert note in Version.objects.get_for_object(article).first().revision.comment

    form = author_client.get(admin_url(type(article), "change", article.pk)).content.decode()
    assert "Note from the editor" in form
    assert note in form

    press(author_client, article, "_submit_for_review")
    article.refresh_from_db()
    assert article.review_note == ""  # answered by resubmitting


def test_a_note_cannot_be_forged_onto_a_plain_save(author_client, author):
    article = ArticleFactory(status=PublicationStatus.DRAFT, created_by=author)
    url = admin_url(type(article), "change", article.pk)
    data = {**form_data(author_client.get(url), "article_form"), "note_for_author": "forged"}
    author_client.post(url, data)
    article.refresh_from_db()
    assert article.review_note == ""


def test_publishing_says_where_visitors_read_it(editor_client):
    article = ArticleFactory(status=PublicationStatus.IN_REVIEW)
    response = press(editor_client, article, "_publish_now")
    article.refresh_from_db()
    [message] = messages_of(response)
    assert "visitors can read it now" in message
    assert f'href="{article.get_absolute_url()}"' in message


def test_scheduling_says_when_it_goes_live(editor_client):
    article = ArticleFactory(status=PublicationStatus.IN_REVIEW)
    when = timezone.localtime(timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    response = press(
        editor_client,
        article,
        "_schedule",
        published_at_0=when.strftime("%Y-%m-%d"),
        published_at_1=when.strftime("%H:%M:%S"),
    )
    [message] = messages_of(response)
    assert "goes live by itself on" in message


def test_unpublishing_says_it_left_every_public_surface(editor_client):
    article = ArticleFactory()
    response = press(editor_client, article, "_unpublish")
    assert "it has left the site, the feeds and the search" in messages_of(response)[0]
