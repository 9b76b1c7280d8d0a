"""The events an agreement's story went through: the right ones, found without reading every
event (issue 16: a query whose cost grew with the events table)."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from apps.core.models import PublicationStatus
from apps.events.models import Event, EventKind
from apps.news.related import events_of_agreement
from tests.factories import AgreementFactory, ArticleFactory, EventFactory

pytestmark = pytest.mark.django_db


def story():
    session = EventFactory(title="Session that concluded it", start_date=date(2021, 9, 16))
    agreement = AgreementFactory(concluded_at=session)
    about = ArticleFactory()
    about.agreements.add(agreement)
    later = EventFactory(title="Ratification conference", start_date=date(2022, 5, 1))
    about.events.add(later, EventFactory(title="Hidden event", draft=True))
    draft = ArticleFactory(draft=True)
    draft.agreements.add(agreement)
    draft.events.add(EventFactory(title="Linked only by a draft"))
    EventFactory(title="Unrelated")
    return agreement


def test_the_concluding_session_and_the_events_of_public_articles_about_it():
    agreement = story()
    titles = [event.title for event in events_of_agreement(agreement)]
    assert sorted(titles) == ["Ratification conference", "Session that concluded it"]


def test_the_events_are_found_by_their_keys_not_by_reading_every_event():
    agreement = story()
    now = timezone.now()
    Event.objects.bulk_create(
        Event(
            end_date=date(2020, 1, 1) + timedelta(days=n % 900),
            kind=EventKind.MEETING,
            title_en=f"Other event {n}", title_ru=f"Другое событие {n}",
            slug=f"other-{n}", slug_en=f"other-{n}", slug_ru=f"other-{n}",
            start_date=date(2020, 1, 1) + timedelta(days=n % 900),
            status=PublicationStatus.PUBLISHED, published_at=now - timedelta(days=1),
        )
        for n in range(3000)
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        sql, params = events_of_agreement(agreement).query.sql_with_params()
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT TEXT) {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    removed = [int(n) for n in re.findall(r"Rows Removed by Filter: (\d+)", plan)]
    assert max(removed, default=0) < 100, plan
