"""The newsroom's Russian reads as Russian: Django admin's sentences fit any model's name
(issue 15, finding 9)."""

import json
import re
from html import unescape

import pytest
from django.conf import settings
from django.urls import reverse

from apps.events.models import Event
from tests.admin_forms import admin_url, form_data
from tests.factories import EventFactory, PhotoFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def russian_editor(editor_client):
    editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    return editor_client


def test_titles_do_not_decline_a_name_wrongly(russian_editor):
    photo = PhotoFactory()
    page = russian_editor.get(admin_url(type(photo), "change", photo.pk)).content.decode()
    assert "Изменить фотография" not in page
    assert "Изменение: фотография" in page
    page = russian_editor.get(admin_url(type(photo), "add")).content.decode()
    assert "Добавление: фотография" in page


def test_inline_add_links_fit_any_name(russian_editor):
    from apps.news.models import Article

    page = russian_editor.get(admin_url(Article, "add")).content.decode()
    add_texts = [
        json.loads(unescape(data))["options"]["addText"]
        for data in re.findall(r'data-inline-formset="([^"]+)"', page)
    ]
    assert "Добавить ещё: Вложение" in add_texts
    assert not [text for text in add_texts if "еще один" in text]


def test_confirmations_fit_any_name(russian_editor):
    event = EventFactory(title_ru="Сессия СКБ")
    url = admin_url(Event, "change", event.pk)
    response = russian_editor.post(
        url, form_data(russian_editor.get(url), "event_form"), follow=True
    )
    [message] = [str(m) for m in response.context["messages"]]
    assert "был успешно" not in message
    assert message.startswith("Сохранено: событие")


def test_the_editor_toolbar_is_translated_by_the_newsroom_catalogue(russian_editor):
    page = russian_editor.get(reverse("admin:jsi18n")).content.decode()
    assert json.dumps("полужирный") in page
    assert "js/admin-editor-i18n.js" in russian_editor.get(admin_url(Event, "add")).content.decode()
