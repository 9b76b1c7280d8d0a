"""The newsroom under the strict Content-Security-Policy: the editor and tabs still work."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.newsroom.test_sign_in import current_code

# Slow (a real browser): CI runs it against one database only (pyproject: "once").
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.once]


def test_an_editor_writes_in_the_rich_text_editor_under_the_policy(page, demo):
    chief = get_user_model().objects.create_superuser(
        "chief", "chief@example.org", "a-long-passphrase"
    )
    device = TOTPDevice.objects.create(user=chief, name="phone", confirmed=True)
    page.goto(reverse("admin:login"))
    page.fill("#id_username", "chief")
    page.fill("#id_password", "a-long-passphrase")
    page.fill("#id_otp_token", current_code(device))
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(reverse("admin:news_article_add"))
    policy = page.evaluate("() => document.querySelector('script[type=importmap]').nonce")
    assert policy, "the import map carries the response's nonce"
    editor = page.locator(".ProseMirror:visible").first
    editor.wait_for()
    editor.click()
    page.keyboard.type("Written under a strict policy")
    assert "Written under a strict policy" in editor.inner_text()
    tabs = page.locator(".ui-tabs-nav").first  # modeltranslation's language tabs
    assert tabs.is_visible()
    assert page.console_errors == []
