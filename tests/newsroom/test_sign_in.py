"""Signing in to the newsroom: the second factor, brute force paused, sessions that end.

Brute force is paused per account and address; staff are never locked out from elsewhere;
sessions rotate, expire and end everywhere with a password change.
"""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.newsroom.roles import AUTHOR, EDITOR

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-passphrase"


@pytest.fixture
def chief(django_user_model):
    """An author: signs in with a password alone (editors' second factor: below)."""
    user = django_user_model.objects.create_user(
        "chief", "chief@example.org", PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=AUTHOR))
    return user


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.fixture
def chief_editor(django_user_model, settings):
    settings.TWO_FACTOR_REQUIRED = True
    user = django_user_model.objects.create_user(
        "chief", "chief@example.org", PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=EDITOR))
    return user


def test_an_editor_needs_the_code_of_their_authenticator(chief_editor):
    device = TOTPDevice.objects.create(user=chief_editor, name="phone", confirmed=True)
    client = Client(headers={"Accept-Language": "en"})
    without = sign_in(client, PASSWORD)
    assert without.status_code == 200
    assert "six-digit code" in without.content.decode()
    assert client.get(reverse("admin:index")).status_code == 302
    wrong = client.post(
        reverse("admin:login"),
        {"username": "chief", "password": PASSWORD, "otp_token": "000000"},
        REMOTE_ADDR="203.0.113.7",
    )
    assert wrong.status_code == 200
    with time_machine.travel(timezone.now() + timedelta(seconds=3)):  # after the throttle
        right = client.post(
            reverse("admin:login"),
            {"username": "chief", "password": PASSWORD, "otp_token": current_code(device)},
            REMOTE_ADDR="203.0.113.7",
        )
    assert right.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


# Enrolment (no device yet, links, recovery codes): tests/newsroom/test_two_factor_enrolment.py.


def test_authors_sign_in_with_their_password_alone(chief, settings):
    settings.TWO_FACTOR_REQUIRED = True
    client = Client(headers={"Accept-Language": "en"})
    assert sign_in(client, PASSWORD)["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_production_settings_require_the_second_factor():
    from cstonews import settings as project_settings

    assert project_settings.DEBUG is False
    assert project_settings.TWO_FACTOR_REQUIRED is True


def sign_in(client, password, address="203.0.113.7", otp_token="", **headers):
    return client.post(
        reverse("admin:login"),
        {
            "username": "chief",
            "password": password,
            "otp_token": otp_token,
            "next": reverse("admin:index"),
        },
        REMOTE_ADDR=address,
        **headers,
    )


def test_five_wrong_passwords_pause_the_account_from_that_address(chief):
    client = Client(headers={"Accept-Language": "en"})
    for _ in range(4):
        assert sign_in(client, "wrong").status_code == 200  # the form, with its error
    locked = sign_in(client, "wrong")
    assert locked.status_code == 429
    assert "Sign-in paused" in locked.content.decode()
    # Even the right password waits now: the guesser cannot tell it found it.
    assert sign_in(client, PASSWORD).status_code == 429


def test_the_pause_does_not_lock_the_person_out_from_elsewhere(chief):
    attacker, newsroom = (
        Client(headers={"Accept-Language": "en"}),
        Client(headers={"Accept-Language": "en"}),
    )
    for _ in range(5):
        sign_in(attacker, "wrong", address="198.51.100.66")
    assert sign_in(attacker, PASSWORD, address="198.51.100.66").status_code == 429
    assert sign_in(newsroom, PASSWORD, address="203.0.113.7").status_code == 302


def test_a_forged_forwarded_for_header_does_not_buy_new_attempts(chief):
    client = Client(headers={"Accept-Language": "en"})
    for n in range(5):
        sign_in(client, "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_a_successful_sign_in_forgets_earlier_mistakes(chief):
    client = Client(headers={"Accept-Language": "en"})
    for _ in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302


def test_the_session_key_changes_at_sign_in(chief):
    client = Client(headers={"Accept-Language": "en"})
    client.get(reverse("admin:login"))
    client.session.save()
    before = client.session.session_key
    assert sign_in(client, PASSWORD).status_code == 302
    assert client.session.session_key != before


def test_sessions_expire_after_inactivity(settings):
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600
    assert settings.SESSION_SAVE_EVERY_REQUEST  # the clock restarts with every request
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_a_password_change_ends_every_other_session(chief):
    laptop, phone = (
        Client(headers={"Accept-Language": "en"}),
        Client(headers={"Accept-Language": "en"}),
    )
    assert sign_in(laptop, PASSWORD).status_code == 302
    assert sign_in(phone, PASSWORD, address="203.0.113.8").status_code == 302
    assert phone.get(reverse("admin:index")).status_code == 200
    changed = laptop.post(
        reverse("admin:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "another-long-one-7",
            "new_password2": "another-long-one-7",
        },
    )
    assert changed.status_code == 302
    assert laptop.get(reverse("admin:index")).status_code == 200  # kept where it changed
    assert phone.get(reverse("admin:index")).status_code == 302  # signed out elsewhere


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example", "https:evil.example"],
)
def test_sign_in_never_redirects_to_another_site(chief, target):
    client = Client(headers={"Accept-Language": "en"})
    response = client.post(
        reverse("admin:login") + f"?next={target}",
        {"username": "chief", "password": PASSWORD, "next": target},
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/"])
def test_the_language_switch_never_redirects_to_another_site(target):
    client = Client(headers={"Accept-Language": "en"})
    response = client.post(reverse("set_language"), {"language": "ru", "next": target})
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
