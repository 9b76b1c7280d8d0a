"""The newsroom on a 1366-pixel screen with the navigation open: the list shows the state
column whole, and the form's tools never cover a long title (issue 15, finding 4)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.news.models import Article
from tests.newsroom.test_sign_in import current_code

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.once]
LAPTOP = {"width": 1366, "height": 768}


def overlaps(a, b):
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def test_state_column_and_title_fit_a_laptop_screen(page, demo):
    chief = get_user_model().objects.create_superuser("chief", "c@example.org", "a-long-pass")
    device = TOTPDevice.objects.create(user=chief, name="phone", confirmed=True)
    page.set_viewport_size(LAPTOP)
    page.goto(reverse("admin:login"))
    page.fill("#id_username", "chief")
    page.fill("#id_password", "a-long-pass")
    page.fill("#id_otp_token", current_code(device))
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.goto(reverse("admin:news_article_changelist"))
    assert page.locator("#nav-sidebar").is_visible()
    state = page.locator("th.column-publication_state").bounding_box()
    shown = page.locator("#changelist .results").bounding_box()  # scrolls what overflows
    assert state["x"] + state["width"] <= min(shown["x"] + shown["width"], LAPTOP["width"])
    longest = max(Article.objects.all(), key=lambda article: len(article.title))
    page.goto(reverse("admin:news_article_change", args=[longest.pk]))
    title = page.locator("#content h2").first.bounding_box()
    for tool in page.locator(".object-tools li").all():
        assert not overlaps(tool.bounding_box(), title)
