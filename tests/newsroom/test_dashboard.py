"""The newsroom's dashboard: what awaits review, drafts, the calendar, the latest, cheaply."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.core.models import PublicationStatus
from apps.newsroom.models import EmbargoLink
from tests.factories import (
    ArticleFactory,
    EventFactory,
)

pytestmark = pytest.mark.django_db


def test_dashboard_shows_review_queue_drafts_calendar_and_recent(editor_client, editor):
    ArticleFactory(status=PublicationStatus.IN_REVIEW, title="Waiting for an editor")
    EventFactory(status=PublicationStatus.IN_REVIEW, title="Event waiting too")
    ArticleFactory(draft=True, title="My own draft", created_by=editor)
    ArticleFactory(draft=True, title="Somebody else's draft")
    scheduled = ArticleFactory(
        title="Goes live tomorrow", published_at=timezone.now() + timedelta(days=1)
    )
    ArticleFactory(title="Just published")
    EmbargoLink.objects.create(
        item=scheduled, recipient="TASS", expires_at=timezone.now() + timedelta(days=2)
    )
    html = editor_client.get(reverse("admin:index")).content.decode()
    review, drafts, calendar, recent = (
        html.split("<h2>Awaiting review</h2>")[1].split("</section>")[0],
        html.split("<h2>My drafts</h2>")[1].split("</section>")[0],
        html.split("Editorial calendar")[1].split("</section>")[0],
        html.split("<h2>Recently published</h2>")[1].split("</section>")[0],
    )
    assert "Waiting for an editor" in review
    assert "Event waiting too" in review
    assert "My own draft" in drafts
    assert "Somebody else" not in drafts
    assert "Goes live tomorrow" in calendar
    assert "TASS" in calendar
    assert "Just published" in recent
    assert "Goes live tomorrow" not in recent


def test_dashboard_query_count_is_fixed(editor_client, django_assert_max_num_queries):
    for _ in range(20):
        ArticleFactory(status=PublicationStatus.IN_REVIEW)
        ArticleFactory(published_at=timezone.now() + timedelta(days=3))
    with django_assert_max_num_queries(15):
        assert editor_client.get(reverse("admin:index")).status_code == 200


def test_authors_do_not_see_embargo_links_on_the_dashboard(author_client, editor_client, editor):
    item = ArticleFactory(draft=True, title_en="Embargoed statement")
    EmbargoLink.objects.create(
        item=item,
        recipient="Sputnik, Astana bureau",
        expires_at=timezone.now() + timezone.timedelta(days=1),
        created_by=editor,
    )
    assert "Sputnik, Astana bureau" in editor_client.get(reverse("admin:index")).content.decode()
    assert (
        "Sputnik, Astana bureau" not in author_client.get(reverse("admin:index")).content.decode()
    )
