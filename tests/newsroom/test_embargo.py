"""Embargo links: one unpublished item for one reader, signed, expiring and revocable."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from apps.core.models import PublicationStatus
from apps.newsroom.models import EmbargoLink
from tests.admin_forms import form_data
from tests.factories import ArticleFactory, EventFactory

pytestmark = pytest.mark.django_db


def make_link(item, **fields):
    return EmbargoLink.objects.create(
        item=item,
        recipient="Sputnik, Astana bureau",
        expires_at=fields.pop("expires_at", timezone.now() + timedelta(days=2)),
        **fields,
    )


def test_valid_link_shows_the_page_with_an_embargo_banner(client):
    article = ArticleFactory(
        title="Summit communiqué", published_at=timezone.now() + timedelta(days=1)
    )
    response = client.get(make_link(article).get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Summit communiqué" in html
    assert "Embargoed until" in html
    assert "Sputnik, Astana bureau" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]


def test_link_to_a_draft_says_not_for_publication(client):
    response = client.get(make_link(ArticleFactory(draft=True)).get_absolute_url())
    assert "Embargoed: not for publication until released" in response.content.decode()


def test_link_works_for_other_publishable_items(client):
    event = EventFactory(draft=True, title="Closed-door session")
    assert "Closed-door session" in client.get(make_link(event).get_absolute_url()).content.decode()


def test_expired_link_is_gone(client):
    link = make_link(ArticleFactory(draft=True))
    with time_machine.travel(link.expires_at + timedelta(seconds=1)):
        response = client.get(link.get_absolute_url())
    assert response.status_code == 410
    assert "no longer valid" in response.content.decode()


def test_revoked_link_is_gone(client):
    link = make_link(ArticleFactory(draft=True, title="Secret"), revoked_at=timezone.now())
    response = client.get(link.get_absolute_url())
    assert response.status_code == 410
    assert "Secret" not in response.content.decode()


@pytest.mark.parametrize("tamper", [lambda t: t[:-2] + "xx", lambda t: "1" + t, lambda t: "abc"])
def test_tampered_token_is_not_found(client, tamper):
    link = make_link(ArticleFactory(draft=True))
    url = reverse("newsroom:embargo_view", kwargs={"token": tamper(link.token)})
    assert client.get(url).status_code == 404


def test_token_of_a_deleted_link_is_not_found(client):
    link = make_link(ArticleFactory(draft=True))
    url = link.get_absolute_url()
    link.delete()
    assert client.get(url).status_code == 404


def test_link_to_an_item_that_went_live_redirects_to_its_page(client):
    article = ArticleFactory()
    response = client.get(make_link(article).get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()


def test_editor_creates_and_revokes_a_link_in_the_admin(editor_client):
    article = ArticleFactory(status=PublicationStatus.IN_REVIEW)
    content_type = ContentType.objects.get_for_model(article)
    change_page = editor_client.get(reverse("admin:news_article_change", args=[article.pk]))
    assert "Share under embargo" in change_page.content.decode()
    add_url = reverse("admin:newsroom_embargolink_add") + (
        f"?content_type={content_type.pk}&object_id={article.pk}"
    )
    data = form_data(editor_client.get(add_url), "embargolink_form")
    data["recipient"] = "Press service of the Ministry of Foreign Affairs of Kazakhstan"
    response = editor_client.post(add_url, data)
    assert response.status_code == 302
    link = EmbargoLink.objects.get()
    assert link.item == article
    page = editor_client.get(response["Location"])
    assert link.get_absolute_url() in page.content.decode()  # the address to copy

    editor_client.post(
        reverse("admin:newsroom_embargolink_changelist"),
        {"action": "revoke_selected", "_selected_action": [link.pk]},
    )
    link.refresh_from_db()
    assert link.revoked_at is not None
    assert editor_client.get(link.get_absolute_url()).status_code == 410


def test_link_must_expire_in_the_future(editor_client):
    article = ArticleFactory(draft=True)
    content_type = ContentType.objects.get_for_model(article)
    add_url = reverse("admin:newsroom_embargolink_add") + (
        f"?content_type={content_type.pk}&object_id={article.pk}"
    )
    data = form_data(editor_client.get(add_url), "embargolink_form")
    data |= {"recipient": "Someone", "expires_at_0": "2000-01-01", "expires_at_1": "10:00:00"}
    response = editor_client.post(add_url, data)
    assert response.status_code == 200
    assert "Choose a moment in the future" in response.content.decode()
    assert not EmbargoLink.objects.exists()


def test_forged_link_for_a_non_publishable_model_is_refused(editor_client):
    content_type = ContentType.objects.get_for_model(EmbargoLink)
    add_url = (
        reverse("admin:newsroom_embargolink_add") + f"?content_type={content_type.pk}&object_id=1"
    )
    assert editor_client.get(add_url).status_code == 403


def test_links_survive_a_secret_key_rotation_while_the_old_key_is_a_fallback(settings):
    old_key, new_key = "o" * 50, "n" * 50
    settings.SECRET_KEY = old_key
    link = make_link(ArticleFactory(draft=True))
    token = link.token
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = new_key, [old_key]
    assert EmbargoLink.from_token(token) == link
    settings.SECRET_KEY_FALLBACKS = []
    assert EmbargoLink.from_token(token) is None
