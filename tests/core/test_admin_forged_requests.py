"""Every newsroom address, asked by someone without the right: 403 or 404, nothing changed.

A member of staff with no role at all, and an Author facing a published item, try each
of an article's addresses with GET and with a forged POST.
"""

import pytest
import reversion
from django.contrib.auth.models import Group
from django.urls import reverse
from reversion.models import Version

from apps.core.models import PublicationStatus
from apps.news.models import Article
from apps.newsroom.models import EmbargoLink
from apps.newsroom.roles import AUTHOR
from tests.conftest import client_for
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    with reversion.create_revision():
        article = ArticleFactory(title_en="Original title")
    with reversion.create_revision():
        Article.objects.filter(pk=article.pk).update(title_en="Second title")
        article.refresh_from_db()
        article.save()
    return article


@pytest.fixture
def deleted_version():
    with reversion.create_revision():
        gone = ArticleFactory(title_en="Deleted article")
    pk = gone.pk
    gone.delete()
    return Version.objects.get_deleted(Article).get(object_id=str(pk))


def addresses(article, deleted_version):
    versions = list(Version.objects.get_for_object(article))
    pk = article.pk
    return {
        "add": reverse("admin:news_article_add"),
        "change": reverse("admin:news_article_change", args=[pk]),
        "history": reverse("admin:news_article_history", args=[pk]),
        "compare": reverse("admin:news_article_compare", args=[pk])
        + f"?from={versions[1].pk}&to={versions[0].pk}",
        "revert": reverse("admin:news_article_revision", args=[pk, versions[-1].pk]),
        "recover list": reverse("admin:news_article_recoverlist"),
        "recover": reverse("admin:news_article_recover", args=[deleted_version.pk]),
        "delete": reverse("admin:news_article_delete", args=[pk]),
        "preview": reverse("admin:news_article_preview", args=[pk]),
        "autocomplete": reverse("admin:autocomplete")
        + "?app_label=news&model_name=article&field_name=organisations&term=a",
        "embargo link": reverse("admin:newsroom_embargolink_add"),
        "change list": reverse("admin:news_article_changelist"),
    }


def state():
    return (
        list(Article.objects.order_by("pk").values_list("pk", "title_en", "status")),
        EmbargoLink.objects.count(),
        Version.objects.count(),
    )


def forged_post(client, url, article):
    return client.post(
        url,
        {
            "title_en": "Forged", "status": PublicationStatus.PUBLISHED, "post": "yes",
            "action": "publish_selected", "_selected_action": [article.pk],
            "object_id": article.pk, "recipient": "Forger",
        },
    )  # fmt: skip


def test_staff_without_a_role_can_do_nothing(django_user_model, article, deleted_version):
    stranger = django_user_model.objects.create_user("stranger", is_staff=True)
    client = client_for(stranger)
    before = state()
    for name, url in addresses(article, deleted_version).items():
        assert client.get(url).status_code in {403, 404}, f"GET {name}"
        refused = {403, 404, 405}  # 405: the address takes no POST at all
        assert forged_post(client, url, article).status_code in refused, f"POST {name}"
    assert state() == before


def test_an_author_cannot_touch_a_published_item(author_client, article, deleted_version):
    Article.objects.filter(pk=article.pk).update(status=PublicationStatus.PUBLISHED)
    assert Group.objects.get(name=AUTHOR)
    before = state()
    urls = addresses(article, deleted_version)
    for name in ["change", "revert", "delete", "embargo link", "recover"]:
        response = forged_post(author_client, urls[name], article)
        assert response.status_code in {403, 404}, f"POST {name}: {response.status_code}"
    response = forged_post(author_client, urls["change list"], article)  # the bulk action
    assert state() == before
    assert response.status_code in {200, 302, 403}
