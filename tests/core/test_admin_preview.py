"""Previews in every language, the language versions side by side, and “View on site” for
items not yet public (issue 15, findings 2 and 6)."""

import pytest
from django.utils import translation

from apps.core.models import PublicationStatus
from tests.admin_forms import admin_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return ArticleFactory(
        status=PublicationStatus.DRAFT,
        title_ru="Заседание штаба",
        title_en="Meeting of the headquarters",
        lead_en="<script>alert(1)</script> The lead.",
    )


def test_the_english_version_of_a_draft_can_be_previewed(editor_client, draft):
    url = admin_url(type(draft), "preview", draft.pk)
    english = editor_client.get(url, {"language": "en"})
    russian = editor_client.get(url, {"language": "ru"})
    assert english.status_code == russian.status_code == 200
    assert '<html lang="en">' in english.content.decode()
    assert "Meeting of the headquarters" in english.content.decode()
    assert '<html lang="ru">' in russian.content.decode()
    assert "Заседание штаба" in russian.content.decode()
    # Its language switcher moves between previews, never to the public 404.
    assert f'href="{url}?language=ru"' in english.content.decode()
    with translation.override("en"):
        assert f'href="{draft.get_absolute_url()}"' not in english.content.decode()


def test_an_unknown_language_previews_in_the_newsroom_language(editor_client, draft):
    response = editor_client.get(admin_url(type(draft), "preview", draft.pk), {"language": "xx"})
    assert response.status_code == 200


def test_the_change_form_offers_a_preview_in_each_language(editor_client, draft):
    form = editor_client.get(admin_url(type(draft), "change", draft.pk)).content.decode()
    preview = admin_url(type(draft), "preview", draft.pk)
    assert f'href="{preview}?language=ru"' in form
    assert f'href="{preview}?language=en"' in form
    assert admin_url(type(draft), "languages", draft.pk) in form


def test_the_languages_side_by_side_escape_plain_text(editor_client, draft):
    response = editor_client.get(admin_url(type(draft), "languages", draft.pk))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Заседание штаба" in page
    assert "Meeting of the headquarters" in page
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_languages_side_by_side_need_the_view_right(client, draft, django_user_model):
    user = django_user_model.objects.create_user("visitor", password="x", is_staff=True)
    client.force_login(user)
    response = client.get(admin_url(type(draft), "languages", draft.pk))
    assert response.status_code in {302, 403}


def test_view_on_site_opens_the_preview_until_the_item_is_public(editor_client, draft):
    form = editor_client.get(admin_url(type(draft), "change", draft.pk)).content.decode()
    assert f"{admin_url(type(draft), 'preview', draft.pk)}?language=" in form
    published = ArticleFactory()
    form = editor_client.get(admin_url(type(published), "change", published.pk)).content.decode()
    assert "/r/" in form  # Django's own redirect to the public address


def test_the_social_card_of_each_language_uses_the_pages_own_open_graph(editor_client, draft):
    response = editor_client.get(admin_url(type(draft), "languages", draft.pk))
    cards = dict(response.context["cards"])
    titles = {card["og_title"] for card in cards.values()}
    assert titles == {"Заседание штаба", "Meeting of the headquarters"}
    assert all(card["og_description"] for card in cards.values())
    assert 'class="social-card"' in response.content.decode()
