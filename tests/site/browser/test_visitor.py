"""A visitor's paths through the site, and accessibility of every page type."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from apps.agreements.models import Agreement
from apps.events.models import Event
from apps.news.models import Article
from apps.organisations.models import Organisation, Person
from tests.site.browser.conftest import DESKTOP, PHONE

# Slow (a real browser): CI runs it against one database only (pyproject: "once").
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.once]

SAMPLE_TITLE = "The CSTO Secretary General and the Deputy Prime Minister of Russia"


def test_home_to_section_to_article_and_back_to_the_section(page, demo):
    page.goto("/")
    page.get_by_role("link", name="News", exact=True).first.click()
    page.get_by_role("link", name="Media about the CSTO").first.click()
    assert page.locator("h1").inner_text() == "Media about the CSTO"
    page.get_by_role("link", name=re.compile(SAMPLE_TITLE)).click()
    assert SAMPLE_TITLE in page.locator("h1").inner_text()
    assert "ASTANA, March 1 - Sputnik." in page.locator(".article__body").inner_text()
    credit = page.locator(".photo__credit").inner_text()
    assert credit == "© Photo: Press Service of the Ministry of Industry and Trade of Russia"
    page.get_by_role("link", name="Back to the section").click()
    assert page.url.endswith("/news/media/")
    assert page.console_errors == []


def test_go_back_returns_to_the_previous_page(page, demo):
    page.goto("/")
    page.get_by_role("link", name=re.compile(SAMPLE_TITLE)).first.click()
    page.get_by_role("link", name="Go back").click()
    page.wait_for_url(re.compile(r"/$"))


def test_filtering_the_agreements_registry(page, demo):
    page.goto(reverse("agreements:agreement_list"))
    assert page.locator("table.registry tbody tr").count() == 2
    page.get_by_label("Kind").select_option("decision")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"kind=decision"))
    rows = page.locator("table.registry tbody tr")
    assert rows.count() == 1
    assert "Interpolitech" in rows.first.inner_text()
    page.get_by_role("link", name="Clear filters").click()
    assert page.locator("table.registry tbody tr").count() == 2


def test_opening_an_event_and_downloading_its_calendar_file(page, demo):
    event = Event.objects.get(slug="crrf-special-forces-training-2023")
    page.goto(event.get_absolute_url())
    assert "27-30 March 2023" in page.locator(".facts").inner_text()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == f"{event.slug}.ics"
    with open(download.path(), encoding="utf-8") as downloaded:
        content = downloaded.read()
    assert "BEGIN:VEVENT" in content
    assert "DTSTART;VALUE=DATE:20230327" in content


def page_types():
    article = Article.objects.get(slug__startswith="secretary-general")
    return {
        "home": "/",
        "all news": reverse("news:article_list"),
        "filtered news": reverse("news:article_list") + "?date_from=2023-13-45",
        "section": article.section.get_absolute_url(),
        "article": article.get_absolute_url(),
        "archive": reverse("news:article_archive"),
        "archive month": reverse("news:article_archive_month", args=[2023, 3]),
        "events": reverse("events:event_list"),
        "past events": reverse("events:event_past"),
        "calendar": reverse("events:event_calendar_month", args=[2023, 3]),
        "event": Event.objects.get(slug="crrf-special-forces-training-2023").get_absolute_url(),
        "agreements": reverse("agreements:agreement_list"),
        "agreement": Agreement.objects.get(
            slug__startswith="agreement-on-jurisdiction"
        ).get_absolute_url(),
        "state agreements": reverse("agreements:state_agreements", args=["russian-federation"]),
        "organisations": reverse("organisations:organisation_list"),
        "organisation": Organisation.objects.get(slug="csto").get_absolute_url(),
        "people": reverse("organisations:person_list"),
        "person": Person.objects.get(slug="denis-manturov").get_absolute_url(),
        "search": reverse("search:results") + "?q=Tasmagambetov",
        "search, nothing found": reverse("search:results") + "?q=Interpolitek",
        "not found": "/no-such-page/",
    }


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_page_type_passes_axe(page, demo, viewport):
    page.set_viewport_size(viewport)
    axe = Axe()
    failures = {}
    for name, url in page_types().items():
        errors_before = len(page.console_errors)
        page.goto(url)
        if name == "not found":  # the browser reports the 404 status itself
            del page.console_errors[errors_before:]
        results = axe.run(page)
        if results.violations_count:
            failures[name] = results.generate_report()
        assert page.locator("h1").count() == 1, f"{name}: one h1 per page"
    assert not failures, "\n\n".join(f"{name}:\n{report}" for name, report in failures.items())
    assert page.console_errors == []


def test_pages_fit_the_smallest_phone_screen(page, demo):
    page.set_viewport_size({"width": 320, "height": 640})
    for name, url in page_types().items():
        page.goto(url)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"
