"""The whole publishing path with the keyboard alone, in Russian: sign in, write, submit,
return with a note, schedule at a chosen time in the “Publish at…” dialog, find it in the
editorial calendar, publish (issue 15). No click: every step is reached with Tab."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.news.models import Article
from apps.newsroom.roles import AUTHOR, EDITOR
from tests.newsroom.test_sign_in import current_code
from tests.site.browser.conftest import DESKTOP, member

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.once]

TITLE = "Рабочая встреча секретарей советов безопасности"
TABS = 250  # more than any newsroom page has focusable controls before its last button


def focused(page, selector):
    return page.evaluate("s => document.activeElement?.matches(s) ?? false", selector)


def tab_to(page, selector, backwards=False):
    """Press Tab until `selector` has the focus: it is in the tab order, and nothing before it
    traps the focus."""
    for _ in range(TABS):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if focused(page, selector):
            return
    active = page.evaluate("document.activeElement.outerHTML.slice(0, 200)")
    raise AssertionError(f"{selector} is not reached with Tab; the focus stays on {active}")


def activate(page, selector):
    """Tab to a link or button and press Enter, waiting for the page it leads to."""
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def sign_in(browser, live_server, user):
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url, locale="ru-RU")
    context.add_cookies([{"name": "language", "value": "ru", "url": live_server.url}])
    page = context.new_page()
    page.goto(reverse("admin:index"))
    tab_to(page, "#id_username")
    page.keyboard.type(user.username)
    page.keyboard.press("Tab")
    page.keyboard.type("a-long-passphrase")
    device = TOTPDevice.objects.filter(user=user).first()
    if device is not None:
        tab_to(page, "#id_otp_token")
        page.keyboard.type(current_code(device))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Редакция" in page.title() or page.locator(".newsroom-dashboard").count()
    return page


def message(page):
    return page.locator(".messagelist").inner_text()


def test_the_publishing_path_with_the_keyboard_alone(browser, live_server, demo):
    author = member("anna", AUTHOR)
    editor = member("egor", EDITOR)
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)

    # The author writes from the dashboard's "add" link to the form's last button.
    page = sign_in(browser, live_server, author)
    activate(page, f'a[href="{reverse("admin:news_article_add")}"]')
    tab_to(page, "#id_section")
    page.keyboard.press("ArrowDown")
    assert page.input_value("#id_section")
    tab_to(page, "#id_title_ru")
    page.keyboard.type(TITLE)
    tab_to(page, "#id_lead_ru")
    page.keyboard.type("Секретари обсудили обстановку в регионе.")
    tab_to(page, ".ProseMirror")
    page.keyboard.type("Встреча прошла в Москве.")
    activate(page, "input[name=_submit_for_review]")
    assert "ждёт проверки" in message(page)
    article = Article.objects.get(title_ru=TITLE)
    assert "Встреча прошла в Москве." in article.body_ru

    # The editor finds it in the review queue and returns it with a note.
    chief = sign_in(browser, live_server, editor)
    change = reverse("admin:news_article_change", args=[article.pk])
    activate(chief, f'.newsroom-dashboard a[href="{change}"]')
    tab_to(chief, "#id_note_for_author")
    chief.keyboard.type("Укажите дату встречи.")
    activate(chief, "input[name=_return_to_draft]")
    assert "снова черновик" in message(chief)

    # The author reads the note, corrects the lead and submits again.
    page.goto(change)
    assert "Укажите дату встречи." in page.locator(".review-note").inner_text()
    tab_to(page, "#id_lead_ru")
    page.keyboard.press("End")
    page.keyboard.type(" Встреча состоялась 2 декабря.")
    activate(page, "input[name=_submit_for_review]")

    # The editor opens "Publish at…", moves the offered time an hour on, and schedules.
    chief.goto(change)
    tab_to(chief, ".schedule-open")
    chief.keyboard.press("Enter")
    dialog = chief.locator("#schedule-dialog")
    assert dialog.evaluate("d => d.open && d.matches(':modal')")
    assert focused(chief, "#id_publish_at")
    # Escape closes it and gives the focus back to the button that opened it.
    chief.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert focused(chief, ".schedule-open")
    chief.keyboard.press("Enter")
    offered = chief.input_value("#id_publish_at")
    tomorrow = timezone.localtime() + timedelta(days=1)
    assert offered == f"{tomorrow:%Y-%m-%d}T09:00"
    for _ in range(3):  # day, month, year: on to the hour
        chief.keyboard.press("ArrowRight")
    chief.keyboard.press("ArrowUp")
    assert chief.input_value("#id_publish_at") == f"{tomorrow:%Y-%m-%d}T10:00"
    with chief.expect_navigation():
        chief.keyboard.press("Enter")
    assert "запланирован" in message(chief)
    article.refresh_from_db()
    assert article.is_scheduled
    assert timezone.localtime(article.published_at).strftime("%Y-%m-%d %H:%M") == (
        f"{tomorrow:%Y-%m-%d} 10:00"
    )

    # The confirmation leads to the editorial calendar, which shows it.
    activate(chief, ".messagelist a[href$='#calendar']")
    assert TITLE in chief.locator("#calendar").inner_text()

    # Back on the form, published at once.
    activate(chief, f'#calendar a[href="{change}"]')
    activate(chief, "input[name=_publish_now]")
    assert "опубликован" in message(chief)
    article.refresh_from_db()
    assert article.is_published
