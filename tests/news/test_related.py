"""The events an agreement's story went through: the right ones, found without reading every
event (issue 16: a query whose cost grew with the events table)."""

import re
from datetime import date

import pytest
from django.db import connection

from apps.news.related import events_of_agreement
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    EventFactory,
    many_unrelated_events,
)

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
    many_unrelated_events()
    with connection.cursor() as cursor:
        sql, params = events_of_agreement(agreement).query.sql_with_params()
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT TEXT) {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    removed = [int(n) for n in re.findall(r"Rows Removed by Filter: (\d+)", plan)]
    assert max(removed, default=0) < 100, plan
