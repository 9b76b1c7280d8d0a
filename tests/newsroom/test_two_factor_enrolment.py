"""Second-factor enrolment: a password alone never reaches a secret.

A Site administrator issues a signed, expiring, single-use enrolment link; the person it is
for opens it signed in with their own password, sets up their authenticator app and gets
recovery codes, shown once, each of which signs them in once.
"""

import re
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import client_for

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://testserver(/admin/two-factor/enrol/[^/\"<\s]+/)")


@pytest.fixture(autouse=True)
def _second_factor_required(settings):
    settings.TWO_FACTOR_REQUIRED = True


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def later(seconds):
    """A few seconds on: past the throttle after a wrong code, or into the next TOTP step."""
    return time_machine.travel(timezone.now() + timedelta(seconds=seconds))


def sign_in(client, user, otp_token="", next_url=None):
    return client.post(
        reverse("admin:login"),
        {
            "username": user.username,
            "password": "pw",
            "otp_token": otp_token,
            "next": next_url or reverse("admin:index"),
        },
    )


def issue_link(admin_client, user):
    """The path of the enrolment link a Site administrator issues for `user`."""
    response = admin_client.post(reverse("admin:two_factor_link", args=[user.pk]))
    assert response.status_code == 200
    return LINK.search(response.content.decode()).group(1)


def password_client(user, next_url=None):
    """A browser signed in with `user`'s password alone."""
    client = Client(headers={"Accept-Language": "en"})
    sign_in(client, user, next_url=next_url)
    return client


def shows_a_secret(response):
    page = response.content.decode()
    return "data:image/svg+xml" in page or "otpauth://" in page


def enrol(client, link):
    """Confirm the authenticator behind `link`; returns the page with the recovery codes."""
    device = TOTPDevice.objects.get(confirmed=False)
    return client.post(link, {"otp_token": current_code(device)})


def recovery_codes(response):
    return re.findall(r"<li><code>([a-z]{10})</code></li>", response.content.decode())


def test_password_alone_never_shows_a_secret(editor):
    client = Client(headers={"Accept-Language": "en"})
    signed_in = sign_in(client, editor)
    assert signed_in["Location"] == reverse("admin:two_factor_setup")
    page = client.get(reverse("admin:two_factor_setup"))
    assert page.status_code == 200
    assert not shows_a_secret(page)
    assert "Ask a Site administrator for an enrolment link" in page.content.decode()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_notice_reads_in_russian(editor):
    client = Client(headers={"Accept-Language": "ru"})
    sign_in(client, editor)
    page = client.get(reverse("admin:two_factor_setup"))
    assert "ссылку для подключения" in page.content.decode()


def test_a_site_administrator_issues_an_enrolment_link(site_admin, editor):
    admin_client = client_for(site_admin)
    change_page = admin_client.get(reverse("admin:auth_user_change", args=[editor.pk]))
    assert reverse("admin:two_factor_link", args=[editor.pk]) in change_page.content.decode()
    confirm = admin_client.get(reverse("admin:two_factor_link", args=[editor.pk]))
    assert confirm.status_code == 200
    assert not TOTPDevice.objects.filter(user=editor).exists()  # asking is not issuing
    link = issue_link(admin_client, editor)
    assert link.startswith("/admin/two-factor/enrol/")
    assert TOTPDevice.objects.filter(user=editor, confirmed=False).count() == 1
    assert not shows_a_secret(admin_client.get(link))  # the administrator never sees it


def test_the_link_enrols_its_user_once(site_admin, editor):
    link = issue_link(client_for(site_admin), editor)
    client = Client(headers={"Accept-Language": "en"})
    assert client.get(link)["Location"].startswith(reverse("admin:login"))
    assert sign_in(client, editor, next_url=link)["Location"] == link
    page = client.get(link)
    assert page.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    assert client.post(link, {"otp_token": "123456"}).status_code == 200
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    with later(3):
        enrolled = enrol(client, link)
    assert enrolled.status_code == 200
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).count() == 1
    assert client.get(reverse("admin:index")).status_code == 200
    used = client.get(link)
    assert used.status_code == 403
    assert not shows_a_secret(used)


def test_a_used_link_cannot_confirm_another_device(site_admin, editor):
    link = issue_link(client_for(site_admin), editor)
    client = password_client(editor)
    enrol(client, link)
    device = TOTPDevice.objects.get(user=editor)
    with later(30):
        again = client.post(link, {"otp_token": current_code(device)})
    assert again.status_code == 403
    assert not recovery_codes(again)


def test_the_link_is_refused_to_another_signed_in_user(site_admin, editor, second_editor):
    link = issue_link(client_for(site_admin), editor)
    for client in [password_client(second_editor), client_for(second_editor)]:
        refused = client.get(link)
        assert refused.status_code == 403
        assert not shows_a_secret(refused)
        assert client.post(link, {"otp_token": "123456"}).status_code == 403
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_the_link_is_refused_when_expired(site_admin, editor):
    link = issue_link(client_for(site_admin), editor)
    with later(73 * 3600):
        client = password_client(editor)
        refused = client.get(link)
    assert refused.status_code == 403
    assert not shows_a_secret(refused)
    assert "expired" in refused.content.decode()


def test_a_forged_link_is_refused(site_admin, editor):
    link = issue_link(client_for(site_admin), editor)
    device = TOTPDevice.objects.get(user=editor)
    client = password_client(editor)
    token = link.split("/")[-2]
    payload = {"user": editor.pk, "device": device.pk}
    forgeries = [
        ("B" if token[0] == "A" else "A") + token[1:],
        token[:-1] + ("B" if token[-1] == "A" else "A"),
        signing.TimestampSigner(salt="another purpose").sign_object(payload),
        signing.dumps(payload),
        "nothing",
    ]
    for forged in forgeries:
        refused = client.get(reverse("admin:two_factor_enrol", args=[forged]))
        assert refused.status_code == 403, forged
        assert not shows_a_secret(refused)


def test_a_new_link_replaces_the_previous_one(site_admin, editor):
    admin_client = client_for(site_admin)
    first = issue_link(admin_client, editor)
    second = issue_link(admin_client, editor)
    client = password_client(editor)
    assert client.get(first).status_code == 403
    assert client.get(second).status_code == 200
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_a_new_link_stops_a_lost_authenticator_at_once(site_admin, editor):
    lost_phone = client_for(editor)  # signed in with the authenticator that is now lost
    lost = TOTPDevice.objects.get(user=editor)
    assert lost_phone.get(reverse("admin:index")).status_code == 200
    issue_link(client_for(site_admin), editor)
    assert lost_phone.get(reverse("admin:index")).status_code == 302
    assert not TOTPDevice.objects.filter(pk=lost.pk).exists()
    thief = Client(headers={"Accept-Language": "en"})
    assert sign_in(thief, editor, otp_token=current_code(lost))["Location"] == reverse(
        "admin:two_factor_setup"
    )
    assert thief.get(reverse("admin:index")).status_code == 302


def test_a_new_link_issues_new_recovery_codes(site_admin, editor):
    admin_client = client_for(site_admin)
    client = password_client(editor)
    old_codes = recovery_codes(enrol(client, issue_link(admin_client, editor)))
    new_link = issue_link(admin_client, editor)
    assert not StaticToken.objects.filter(token__in=old_codes).exists()
    with later(30):
        new_codes = recovery_codes(enrol(password_client(editor), new_link))
    assert len(new_codes) == 10
    assert not set(new_codes) & set(old_codes)


def test_recovery_codes_are_shown_once(site_admin, editor):
    link = issue_link(client_for(site_admin), editor)
    client = password_client(editor)
    enrolled = enrol(client, link)
    codes = recovery_codes(enrolled)
    assert len(codes) == len(set(codes)) == 10
    assert "no-store" in enrolled["Cache-Control"]
    assert "Print this page" in enrolled.content.decode()
    assert StaticDevice.objects.get(user=editor).confirmed
    for page in [client.get(link), client.get(reverse("admin:index"))]:
        assert not set(codes) & set(re.findall(r"[a-z]{10}", page.content.decode()))


def test_each_recovery_code_signs_in_once(site_admin, editor):
    codes = recovery_codes(
        enrol(password_client(editor), issue_link(client_for(site_admin), editor))
    )
    laptop = Client(headers={"Accept-Language": "en"})
    assert sign_in(laptop, editor, otp_token=codes[0])["Location"] == reverse("admin:index")
    assert laptop.get(reverse("admin:index")).status_code == 200
    again = Client(headers={"Accept-Language": "en"})
    assert sign_in(again, editor, otp_token=codes[0]).status_code == 200  # refused
    assert again.get(reverse("admin:index")).status_code == 302
    with later(3):  # past the throttle the wrong attempt set
        spaced = f"{codes[1][:5]} {codes[1][5:].upper()}"  # as typed from paper
        assert sign_in(again, editor, otp_token=spaced)["Location"] == reverse("admin:index")
    assert StaticToken.objects.filter(device__user=editor).count() == 8


def test_a_mistyped_recovery_code_does_not_slow_the_authenticator(site_admin, editor):
    enrol(password_client(editor), issue_link(client_for(site_admin), editor))
    device = TOTPDevice.objects.get(user=editor)
    with later(30):  # the next step: the enrolment used this one's code
        assert sign_in(Client(), editor, otp_token="wrongcodes").status_code == 200
        assert sign_in(Client(), editor, otp_token=current_code(device)).status_code == 302


def test_a_pending_authenticator_signs_nobody_in(site_admin, editor):
    issue_link(client_for(site_admin), editor)
    pending = TOTPDevice.objects.get(user=editor)
    StaticDevice.objects.create(user=editor, name="codes").token_set.create(token="abcdefghjk")
    refused = sign_in(
        Client(headers={"Accept-Language": "en"}), editor, otp_token=current_code(pending)
    )
    assert refused.status_code == 200
    assert "six-digit code" in refused.content.decode()


def test_the_first_superuser_starts_with_a_one_time_code(django_user_model):
    """Nobody can issue the first link: `manage.py addstatictoken` gives a one-time code."""
    root = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    output = StringIO()
    call_command("addstatictoken", "root", stdout=output)
    client = Client(headers={"Accept-Language": "en"})
    assert sign_in(client, root, otp_token=output.getvalue().strip())["Location"] == reverse(
        "admin:index"
    )
    link = issue_link(client, root)  # for themselves: their one-time code is gone now
    assert client.get(reverse("admin:index")).status_code == 302
    enrolled = enrol(client, link)
    assert len(recovery_codes(enrolled)) == 10
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.parametrize("role", ["editor", "author"])
def test_a_non_administrator_cannot_issue_links(request, role, second_editor):
    client = client_for(request.getfixturevalue(role))
    before = TOTPDevice.objects.count()
    url = reverse("admin:two_factor_link", args=[second_editor.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert TOTPDevice.objects.count() == before
    assert not TOTPDevice.objects.filter(user=second_editor).exists()


def test_a_site_administrator_cannot_reset_a_superuser(site_admin, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    device = TOTPDevice.objects.create(user=root, name="phone", confirmed=True)
    assert (
        client_for(site_admin).post(reverse("admin:two_factor_link", args=[root.pk])).status_code
        == 403
    )
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_an_administrator_without_their_own_second_factor_cannot_issue_links(site_admin, editor):
    client = password_client(site_admin)
    response = client.post(reverse("admin:two_factor_link", args=[editor.pk]))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_authors_still_sign_in_with_their_password_alone(author):
    client = Client(headers={"Accept-Language": "en"})
    assert sign_in(client, author)["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200
    assert not TOTPDevice.objects.filter(user=author).exists()
