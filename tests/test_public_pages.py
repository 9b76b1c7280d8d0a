"""Lists, filters, archive, calendar, registry and directories as visitors use them."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from apps.agreements.models import AgreementStatus, ConsentKind
from apps.core.models import PublicationStatus
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    EventFactory,
    OrganisationFactory,
    PartyFactory,
    PersonFactory,
    PositionFactory,
    SectionFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


def titles(response, key):
    return [str(item) for item in response.context[key]]


class TestNews:
    def test_home_shows_the_featured_story_first_and_the_latest_per_section(self, client):
        news, statements = SectionFactory(name="News"), SectionFactory(name="Statements")
        ArticleFactory(
            section=news,
            title="Featured",
            is_featured=True,
            published_at=datetime(2023, 1, 1, tzinfo=UTC),
        )
        for day in range(1, 6):
            ArticleFactory(
                section=news, title=f"News {day}", published_at=datetime(2023, 3, day, tzinfo=UTC)
            )
        ArticleFactory(section=statements, title="A statement")
        response = client.get(reverse("news:home"))
        assert response.context["lead_article"].title == "Featured"
        blocks = {
            s.name: [a.title for a in items]
            for s, items in response.context["sections_with_articles"]
        }
        assert blocks == {"News": ["News 5", "News 4", "News 3"], "Statements": ["A statement"]}

    def test_filters_combine_with_pagination_and_are_bookmarkable(self, client):
        section = SectionFactory(slug="news")
        for day in range(1, 26):
            ArticleFactory(section=section, published_at=datetime(2023, 3, day, tzinfo=UTC))
        ArticleFactory(published_at=datetime(2023, 3, 10, tzinfo=UTC))  # another section
        params = {"section": "news", "date_from": "2023-03-02", "page": 2}
        response = client.get(reverse("news:article_list"), params)
        assert response.status_code == 200
        assert response.context["paginator"].count == 24
        assert len(response.context["articles"]) == 4
        html = response.content.decode()
        assert "Clear filters" in html
        assert "section=news&amp;date_from=2023-03-02&amp;page=1" in html

    @pytest.mark.parametrize(
        "params",
        [
            {"date_from": "2023-13-45"},
            {"section": "no-such-section"},
            {"country": "ZZ"},
            {"organisation": "'; DROP TABLE news_article; --"},
            {"person": "\x00"},
            {"date_to": "9" * 400},
        ],
    )
    def test_nonsense_filters_explain_themselves_and_are_ignored(self, client, params):
        ArticleFactory(title="Still listed")
        response = client.get(reverse("news:article_list"), params)
        assert response.status_code == 200
        html = response.content.decode()
        assert "could not be understood" in html
        assert "Still listed" in html

    @pytest.mark.parametrize("page", ["abc", "999999", "-1", "0", "1e9", "10" * 30])
    def test_nonsense_pages_answer_a_styled_404(self, client, page):
        ArticleFactory()
        response = client.get(reverse("news:article_list"), {"page": page})
        assert response.status_code == 404
        assert "Page not found" in response.content.decode()

    def test_filter_by_organisation_and_person_from_entity_pages(self, client):
        body, person = (
            OrganisationFactory(slug="icmec", name="ICMEC"),
            PersonFactory(slug="manturov"),
        )
        about_body = ArticleFactory(title="About the commission")
        about_body.organisations.add(body)
        about_person = ArticleFactory(title="About the minister")
        about_person.people.add(person)
        ArticleFactory(title="Unrelated")
        by_body = client.get(reverse("news:article_list"), {"organisation": "icmec"})
        assert titles(by_body, "articles") == ["About the commission"]
        assert "Organisation: <strong>ICMEC</strong>" in by_body.content.decode()
        assert titles(
            client.get(reverse("news:article_list"), {"person": "manturov"}), "articles"
        ) == ["About the minister"]

    def test_filter_by_country_does_not_repeat_articles(self, client):
        state = StateFactory()
        ministry = OrganisationFactory(kind="ministry", country=state.country)
        article = ArticleFactory()
        article.organisations.add(state, ministry)
        response = client.get(reverse("news:article_list"), {"country": state.country.code})
        assert titles(response, "articles") == [article.title]

    def test_archive_of_a_month(self, client):
        ArticleFactory(title="March", published_at=datetime(2023, 3, 15, 12, tzinfo=UTC))
        ArticleFactory(title="April", published_at=datetime(2023, 4, 1, 12, tzinfo=UTC))
        response = client.get(reverse("news:article_archive_month", args=[2023, 3]))
        assert titles(response, "articles") == ["March"]
        assert response.context["page_title"] == "News of March 2023"
        archive = client.get(reverse("news:article_archive")).content.decode()
        assert reverse("news:article_archive_month", args=[2023, 4]) in archive
        assert client.get(reverse("news:article_archive_month", args=[2023, 13])).status_code == 404

    def test_related_articles_share_entities_and_rank_by_how_many(self, client):
        body, person, event = OrganisationFactory(), PersonFactory(), EventFactory()
        article = ArticleFactory()
        article.organisations.add(body)
        article.people.add(person)
        article.events.add(event)
        two_shared = ArticleFactory(title="Shares two")
        two_shared.organisations.add(body)
        two_shared.people.add(person)
        one_shared = ArticleFactory(title="Shares one")
        one_shared.events.add(event)
        hidden = ArticleFactory(title="Shares all but is a draft", draft=True)
        hidden.organisations.add(body)
        ArticleFactory(title="Shares nothing")
        response = client.get(article.get_absolute_url())
        assert titles(response, "related_articles") == ["Shares two", "Shares one"]

    def test_previous_and_next_in_the_section(self, client):
        section = SectionFactory()
        older, middle, newer = (
            ArticleFactory(section=section, title=t, published_at=datetime(2023, 3, d, tzinfo=UTC))
            for t, d in [("Older", 1), ("Middle", 2), ("Newer", 3)]
        )
        ArticleFactory(title="Other section", published_at=datetime(2023, 3, 2, 12, tzinfo=UTC))
        ArticleFactory(
            section=section,
            title="Draft",
            draft=True,
            published_at=datetime(2023, 3, 2, 18, tzinfo=UTC),
        )
        response = client.get(middle.get_absolute_url())
        assert response.context["previous_article"].title == "Older"
        assert response.context["next_article"].title == "Newer"
        html = response.content.decode()
        assert f'rel="prev" href="{older.get_absolute_url()}"' in html
        assert f'rel="next" class="neighbours__next" href="{newer.get_absolute_url()}"' in html


class TestEvents:
    def test_upcoming_and_past(self, client, settings):
        EventFactory(title="Next year", start_date=date(2099, 1, 1), end_date=date(2099, 1, 1))
        EventFactory(title="Long ago", start_date=date(2001, 1, 1), end_date=date(2001, 1, 2))
        assert titles(client.get(reverse("events:event_list")), "events") == ["Next year"]
        assert titles(client.get(reverse("events:event_past")), "events") == ["Long ago"]

    def test_filters(self, client):
        body = OrganisationFactory(slug="csto")
        council = OrganisationFactory(slug="csc", parent=body)
        EventFactory(
            title="Training",
            kind="training",
            organiser=council,
            start_date=date(2099, 3, 1),
            end_date=date(2099, 3, 2),
        )
        EventFactory(
            title="Meeting", kind="meeting", start_date=date(2098, 3, 1), end_date=date(2098, 3, 1)
        )
        url = reverse("events:event_list")
        assert titles(client.get(url, {"kind": "training"}), "events") == ["Training"]
        assert titles(client.get(url, {"organiser": "csc"}), "events") == ["Training"]
        assert titles(client.get(url, {"year": 2098}), "events") == ["Meeting"]
        bad = client.get(url, {"year": "10" * 50, "kind": "party"})
        assert bad.status_code == 200
        assert "could not be understood" in bad.content.decode()

    def test_calendar_month(self, client):
        EventFactory(
            title="Spans the month end", start_date=date(2023, 3, 30), end_date=date(2023, 4, 2)
        )
        response = client.get(reverse("events:event_calendar_month", args=[2023, 4]))
        busy = [day["date"] for week in response.context["weeks"] for day in week if day["events"]]
        assert busy == [date(2023, 3, 30), date(2023, 3, 31), date(2023, 4, 1), date(2023, 4, 2)]
        assert "Spans the month end" in response.content.decode()

    @pytest.mark.parametrize("month", [(2023, 0), (2023, 13), (1000, 1), (99999, 1)])
    def test_calendar_of_a_month_that_does_not_exist_is_not_found(self, client, month):
        assert client.get(reverse("events:event_calendar_month", args=month)).status_code == 404

    def test_event_page_shows_range_status_agreements_and_coverage(self, client):
        event = EventFactory(
            start_date=date(2023, 3, 27), end_date=date(2023, 3, 30), event_status="held"
        )
        AgreementFactory(title="Adopted here", concluded_at=event)
        article = ArticleFactory(title="Coverage of the event")
        article.events.add(event)
        html = client.get(event.get_absolute_url()).content.decode()
        for text in [
            "27-30 March 2023",
            "Held",
            "Adopted here",
            "Coverage of the event",
            "event.ics",
        ]:
            assert text in html


class TestAgreements:
    def test_registry_filters_and_sorts(self, client):
        russia, belarus = StateFactory(slug="russia"), StateFactory(slug="belarus")
        old = AgreementFactory(title="B old treaty", kind="treaty", concluded_on=date(2002, 5, 14))
        new = AgreementFactory(
            title="A new agreement",
            concluded_on=date(2021, 9, 16),
            agreement_status=AgreementStatus.IN_FORCE,
            entered_into_force_on=date(2023, 3, 24),
        )
        PartyFactory(agreement=old, state=russia, signed_on=date(2002, 5, 14))
        PartyFactory(agreement=new, state=russia, signed_on=date(2021, 9, 16))
        PartyFactory(agreement=new, state=belarus, signed_on=date(2021, 9, 16))
        url = reverse("agreements:agreement_list")
        assert titles(client.get(url), "agreements") == ["A new agreement", "B old treaty"]
        assert titles(client.get(url, {"sort": "title"}), "agreements") == [
            "A new agreement",
            "B old treaty",
        ]
        assert titles(client.get(url, {"sort": "concluded"}), "agreements") == [
            "B old treaty",
            "A new agreement",
        ]
        assert titles(client.get(url, {"party": "belarus"}), "agreements") == ["A new agreement"]
        assert titles(client.get(url, {"party": "russia"}), "agreements") == [
            "A new agreement",
            "B old treaty",
        ]
        assert titles(client.get(url, {"kind": "treaty"}), "agreements") == ["B old treaty"]
        assert titles(client.get(url, {"agreement_status": "in_force"}), "agreements") == [
            "A new agreement"
        ]
        assert titles(client.get(url, {"year": 2002}), "agreements") == ["B old treaty"]

    def test_unknown_sort_field_is_never_passed_to_the_database(self, client):
        AgreementFactory()
        for sort in ["password", "-id; DROP TABLE x", "parties__state__name", "__class__"]:
            response = client.get(reverse("agreements:agreement_list"), {"sort": sort})
            assert response.status_code == 200
            assert "could not be understood" in response.content.decode()

    def test_counts_of_signatories_and_parties(self, client):
        agreement = AgreementFactory()
        PartyFactory(
            agreement=agreement, consent_kind=ConsentKind.RATIFICATION, consent_on=date(2022, 1, 1)
        )
        PartyFactory(agreement=agreement)
        PartyFactory(
            agreement=agreement,
            consent_kind=ConsentKind.RATIFICATION,
            consent_on=date(2022, 1, 1),
            withdrawn_on=date(2024, 1, 1),
        )
        response = client.get(agreement.get_absolute_url())
        assert response.context["agreement"].signatory_count == 2
        assert response.context["agreement"].party_count == 1

    def test_state_page_lists_its_agreements_with_status(self, client):
        state = StateFactory(slug="armenia", name="Republic of Armenia")
        PartyFactory(
            state=state,
            agreement=AgreementFactory(title="Signed by Armenia"),
            consent_kind=ConsentKind.RATIFICATION,
            consent_on=date(2022, 2, 2),
        )
        PartyFactory(state=state, agreement=AgreementFactory(title="Draft treaty", draft=True))
        AgreementFactory(title="Not signed by Armenia")
        response = client.get(reverse("agreements:state_agreements", args=["armenia"]))
        html = response.content.decode()
        assert "Signed by Armenia" in html
        assert "Ratification, 02.02.2022" in html
        assert "Draft treaty" not in html
        assert "Not signed by Armenia" not in html

    def test_state_page_of_a_non_state_is_not_found(self, client):
        body = OrganisationFactory(slug="council")
        assert (
            client.get(reverse("agreements:state_agreements", args=[body.slug])).status_code == 404
        )

    def test_official_texts_show_language_format_and_size(self, client):
        from django.core.files.base import ContentFile

        from apps.agreements.models import OfficialText

        agreement = AgreementFactory()
        OfficialText.objects.create(
            agreement=agreement,
            language="ru",
            title="Official text",
            file=ContentFile(b"%PDF-1.4 " + b"x" * 2048, name="agreement.pdf"),
        )
        html = client.get(agreement.get_absolute_url()).content.decode()
        assert "(Russian, PDF, 2.0\xa0KB)" in html


class TestOrganisationsAndPeople:
    def test_directory_groups_by_kind(self, client):
        OrganisationFactory(name="Collective Security Council", kind="body")
        StateFactory(name="Republic of Belarus")
        OrganisationFactory(name="Hidden", kind="body", draft=True)
        response = client.get(reverse("organisations:organisation_list"))
        groups = {
            label: [o.name for o in items] for _k, label, items, _n in response.context["groups"]
        }
        assert groups == {
            "Body of an organisation": ["Collective Security Council"],
            "Member state": ["Republic of Belarus"],
        }
        only_states = client.get(
            reverse("organisations:organisation_list"), {"kind": "member_state"}
        )
        assert [label for _k, label, _i, _n in only_states.context["groups"]] == ["Member state"]

    def test_organisation_page_shows_hierarchy_people_news_events_agreements(self, client):
        parent = OrganisationFactory(name="CSTO", slug="csto")
        body = OrganisationFactory(name="Council", parent=parent)
        OrganisationFactory(name="Working group", parent=body)
        PositionFactory(
            organisation=body, person=PersonFactory(name="Chair Person"), title="Chairman"
        )
        EventFactory(title="Council session", organiser=body)
        AgreementFactory(title="Council decision", adopting_body=body)
        ArticleFactory(title="Council news").organisations.add(body)
        html = client.get(body.get_absolute_url()).content.decode()
        for text in [
            "CSTO",
            "Working group",
            "Chairman",
            "Chair Person",
            "Council session",
            "Council decision",
            "Council news",
        ]:
            assert text in html

    def test_people_directory_shows_current_titles(self, client):
        person = PersonFactory(name="Imangali Tasmagambetov")
        PositionFactory(
            person=person,
            title="Secretary General",
            organisation=OrganisationFactory(short_name="CSTO"),
        )
        PositionFactory(
            person=person,
            title="Former post",
            end_date=date(2022, 12, 31),
            start_date=date(2020, 1, 1),
        )
        html = client.get(reverse("organisations:person_list")).content.decode()
        assert "Secretary General, CSTO" in html
        assert "Former post" not in html


@pytest.mark.parametrize(
    "url_name",
    [
        "news:home",
        "news:article_list",
        "news:article_archive",
        "events:event_list",
        "events:event_past",
        "events:event_calendar",
        "agreements:agreement_list",
        "organisations:organisation_list",
        "organisations:person_list",
        "news:feed_rss",
        "events:upcoming_ics",
    ],
)
def test_list_pages_make_a_fixed_number_of_queries(client, url_name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def make(n):
        section = SectionFactory()
        for _ in range(n):
            body = OrganisationFactory()
            ArticleFactory(section=section).organisations.add(body)
            event = EventFactory(
                organiser=body, start_date=date(2099, 1, 5), end_date=date(2099, 1, 6)
            )
            event.participants.add(body)
            PartyFactory(agreement=AgreementFactory(adopting_body=body))
            PositionFactory(organisation=body)

    make(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse(url_name)).status_code == 200
    make(15)
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse(url_name)).status_code == 200
    assert len(many) == len(few)
    assert len(many) <= 10


def test_status_published_only_means_nothing_without_the_date(client):
    # A "published" item whose time has not come is scheduled, not public.
    article = ArticleFactory(status=PublicationStatus.PUBLISHED, scheduled=True)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_filters_offer_items_published_after_the_server_started(client):
    # A queryset written into a filter class keeps the time of the import: a body
    # published a day later must still be a valid choice.
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        body = OrganisationFactory(slug="csto")
        council = OrganisationFactory(slug="new-council", parent=body)
        future = {"start_date": date(2099, 3, 1), "end_date": date(2099, 3, 2)}
        EventFactory(title="Late training", organiser=council, **future)
        EventFactory(title="Other", **future)
        events = client.get(reverse("events:event_list"), {"organiser": "new-council"})
        assert titles(events, "events") == ["Late training"]
        found = client.get(reverse("search:results"), {"q": "training", "organisation": "csto"})
        assert not found.context["filters"].errors
