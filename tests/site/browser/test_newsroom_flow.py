"""A press officer's day in the newsroom, in Russian, in a real browser: write, translate side
by side, autosave through a reload, submit, be returned with a note, preview both languages,
schedule and publish; every newsroom page passes axe (issue 15)."""

import re
from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.news.models import Article
from apps.newsroom.roles import AUTHOR, EDITOR
from tests.newsroom.test_sign_in import current_code
from tests.site.browser.conftest import DESKTOP, PHONE, member

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.once]

TITLE_RU = "Заседание Совета министров обороны ОДКБ"
TITLE_EN = "Meeting of the CSTO Council of Defence Ministers"


def newsroom(browser, live_server, user, viewport=DESKTOP):
    context = browser.new_context(viewport=viewport, base_url=live_server.url, locale="ru-RU")
    context.add_cookies([{"name": "language", "value": "ru", "url": live_server.url}])
    page = context.new_page()
    page.goto(reverse("admin:login"))
    page.fill("#id_username", user.username)
    page.fill("#id_password", "a-long-passphrase")
    device = TOTPDevice.objects.filter(user=user).first()
    if device is not None:
        page.fill("#id_otp_token", current_code(device))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    return page


def message(page):
    return page.locator(".messagelist").inner_text()


def press(page, button):
    with page.expect_navigation():
        page.click(f"input[name={button}]")


def test_a_statement_from_draft_to_publication(browser, live_server, demo):
    author = member("anna", AUTHOR)
    editor = member("egor", EDITOR)
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)

    # The author writes in Russian; the editor's toolbar speaks Russian.
    page = newsroom(browser, live_server, author)
    page.goto(reverse("admin:news_article_add"))
    assert page.locator('.prose-editor [title="полужирный"]').count() >= 1
    page.select_option("#id_section", index=1)
    page.fill("#id_title_ru", TITLE_RU)
    page.fill("#id_lead_ru", "Министры обсудили подготовку совместных учений.")
    page.locator(".ProseMirror:visible").first.click()
    page.keyboard.type("В Минске состоялось заседание Совета министров обороны.")
    assert re.search(r"\d+ слов", page.locator(".wordcount").first.inner_text())
    # Then the English version, in its language tab.
    page.locator('li[aria-controls="tab_id_title_en"]').click()
    assert page.locator("#id_title_en").is_visible()
    page.fill("#id_title_en", TITLE_EN)

    # Autosave keeps it on the server; a reload offers it back.
    page.wait_for_function(
        "() => document.getElementById('autosave-status').textContent.includes('Автосохранено')",
        timeout=30000,
    )
    page.goto(reverse("admin:news_article_add"))
    assert "несохранённый текст" in page.locator(".autosave-notice").inner_text()
    with page.expect_navigation():
        page.click(".autosave-notice a")
    assert page.input_value("#id_title_ru") == TITLE_RU
    assert page.input_value("#id_title_en") == TITLE_EN
    page.select_option("#modeltranslation-main-switch", label="en")
    page.fill("#id_lead_en", "The ministers discussed joint exercises.")
    page.locator(".ProseMirror:visible").first.click()
    page.keyboard.type("The Council of Defence Ministers met in Minsk.")
    press(page, "_submit_for_review")
    assert "ждёт проверки" in message(page)
    article = Article.objects.get(title_ru=TITLE_RU)

    # The editor previews both languages and reads them side by side.
    chief = newsroom(browser, live_server, editor)
    chief.goto(reverse("admin:index"))
    assert "anna" in chief.locator(".newsroom-dashboard").inner_text()
    preview = reverse("admin:news_article_preview", args=[article.pk])
    chief.goto(f"{preview}?language=en")
    assert chief.locator("html").get_attribute("lang") == "en"
    assert TITLE_EN in chief.locator("h1").inner_text()
    chief.goto(f"{preview}?language=ru")
    assert TITLE_RU in chief.locator("h1").inner_text()
    chief.goto(reverse("admin:news_article_languages", args=[article.pk]))
    assert TITLE_RU in chief.content()
    assert TITLE_EN in chief.content()

    # ... and returns it to the author with a note, which the author reads on the form.
    chief.goto(reverse("admin:news_article_change", args=[article.pk]))
    chief.fill("#id_note_for_author", "Назовите дату заседания в лиде.")
    press(chief, "_return_to_draft")
    assert "снова черновик" in message(chief)
    page.goto(reverse("admin:news_article_change", args=[article.pk]))
    assert "Назовите дату заседания в лиде." in page.locator(".review-note").inner_text()
    page.fill("#id_lead_ru", "Министры обсудили 2 декабря подготовку совместных учений.")
    press(page, "_submit_for_review")

    # The editor schedules it, then publishes it at once, with the keyboard.
    chief.goto(reverse("admin:news_article_change", args=[article.pk]))
    tomorrow = timezone.localtime(timezone.now() + timedelta(days=1))
    chief.click(".schedule-open")
    assert chief.locator("#schedule-dialog").is_visible()
    violations = Axe().run(chief).response["violations"]
    assert not violations, ("schedule dialog", [v["id"] for v in violations])
    chief.fill("#id_publish_at", tomorrow.strftime("%Y-%m-%dT10:00"))
    press(chief, "_schedule")
    assert "запланирован" in message(chief)
    chief.focus("input[name=_publish_now]")
    with chief.expect_navigation():
        chief.keyboard.press("Enter")
    assert "опубликован" in message(chief)
    article.refresh_from_db()
    assert article.is_published

    # Every newsroom page of the way passes axe (WCAG 2.1 AA), at desktop and phone widths.
    history = reverse("admin:news_article_history", args=[article.pk])
    chief.goto(history)
    versions = chief.locator("input[name=from], input[name=to]")
    addresses = [
        reverse("admin:index"),
        reverse("admin:news_article_changelist"),
        reverse("admin:news_article_change", args=[article.pk]),
        history,
        reverse("admin:news_article_languages", args=[article.pk]),
    ]
    if versions.count():
        compare = reverse("admin:news_article_compare", args=[article.pk])
        ids = article_version_ids(article)
        addresses.append(f"{compare}?from={ids[-1]}&to={ids[0]}")
    axe = Axe()
    for viewport in (DESKTOP, PHONE):
        chief.set_viewport_size(viewport)
        for address in addresses:
            chief.goto(address)
            chief.wait_for_timeout(300)  # the widgets name themselves once started
            violations = axe.run(chief).response["violations"]
            assert not violations, (address, viewport, [v["id"] for v in violations])


def article_version_ids(article):
    from reversion.models import Version

    return list(Version.objects.get_for_object(article).values_list("pk", flat=True))
