"""Browser tests: Playwright driving Debian's Chromium against the live test server."""

import os
import shutil

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from apps.newsroom.roles import role_has

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Chromium is needed for the browser tests and was not found at {CHROMIUM}. "
            "Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _server_finishes_before_the_database_is_emptied(request):
    """Waits, after each test, for the live server's requests still in flight: closing a
    browser context does not stop the server's thread, and one still in a transaction
    when the database is emptied deadlocks with the TRUNCATE ("couldn't be flushed").
    Asking for transactional_db here makes this run before its teardown empties it."""
    if "live_server" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("transactional_db")
    server = request.getfixturevalue("live_server")
    browser = request.getfixturevalue("browser")
    yield
    for context in browser.contexts:
        context.close()
    for thread in list(server.thread.httpd._threads):
        thread.join(timeout=30)
        assert not thread.is_alive(), "a request to the live server did not finish in 30 s"


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", verbosity=0)


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    yield page
    context.close()
    # The Content-Security-Policy holds on every page a browser test visits.
    violations = [error for error in page.console_errors if "Content Security Policy" in error]
    assert not violations, violations


def member(username, role):
    # A transactional test starts from an emptied database: the role is made again here,
    # from the same rules as the data migrations.
    group, _created = Group.objects.get_or_create(name=role)
    group.permissions.set(
        permission
        for permission in Permission.objects.select_related("content_type")
        if role_has(role, permission.content_type.app_label, permission.content_type.model,
                    permission.codename)
    )  # fmt: skip
    user = get_user_model().objects.create_user(username, password="a-long-passphrase")
    user.is_staff = True
    user.save()
    user.groups.add(group)
    return user
