"""Every model's admin pages open for staff: changelist, search, add and change."""

import pytest
from django.contrib import admin

from tests.admin_forms import admin_url

pytestmark = pytest.mark.django_db

PROJECT_MODELS = [
    model
    for model in admin.site._registry
    if model._meta.app_label
    in {"core", "media", "newsroom", "organisations", "events", "agreements", "news", "search"}
    # Embargo links are created from an item's page: tests/newsroom/test_embargo.py.
    and model._meta.model_name != "embargolink"
]


@pytest.mark.parametrize("model", PROJECT_MODELS, ids=lambda m: m._meta.label)
def test_admin_pages_open(staff_client, demo, model):
    assert staff_client.get(admin_url(model, "changelist")).status_code == 200
    assert staff_client.get(admin_url(model, "changelist"), {"q": "CSTO"}).status_code == 200
    assert staff_client.get(admin_url(model, "add")).status_code == 200
    obj = model.objects.first()
    assert obj is not None, f"the demo content has no {model._meta.verbose_name}"
    assert staff_client.get(admin_url(model, "change", obj.pk)).status_code == 200
