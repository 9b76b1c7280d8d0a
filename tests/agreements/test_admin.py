"""Agreements in the newsroom: the change form shows the authentic languages as stored."""

import pytest

from tests.admin_forms import admin_url

pytestmark = pytest.mark.django_db


def test_authentic_languages_are_ticked_in_the_admin(staff_client, demo):
    from apps.agreements.models import Agreement

    agreement = Agreement.objects.get(slug="agreement-on-jurisdiction-and-legal-assistance-2021")
    html = staff_client.get(admin_url(Agreement, "change", agreement.pk)).content.decode()
    assert 'type="checkbox" name="authentic_languages" value="ru"' in html
    assert 'value="ru" id="id_authentic_languages_0" checked' in html
