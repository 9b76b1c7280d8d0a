from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from apps.news.models import Article
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    PhotoFactory,
    PositionFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample(db):
    call_command("load_demo", verbosity=0)
    return Article.objects.get(slug__startswith="secretary-general-and-deputy-prime-minister")


def test_article_page_shows_the_sample_facts(client, sample):
    response = client.get(sample.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    for fact in [
        "01.03.2023",
        "The CSTO Secretary General and the Deputy Prime Minister of Russia have discussed",
        "© Photo : Press Service of the Ministry of Industry and Trade of Russia",
        "ASTANA, March 1 - Sputnik.</span> The CSTO Secretary General Imangali",
        "In the opinion of the Secretary General of the association",
        "The forum, organized in accordance with the decision of the Collective Security Council",
        "Go back",
        "Back to the section",
        "Back to the all news",
    ]:
        assert fact in html, fact
    assert f'href="{sample.section.get_absolute_url()}">Back to the section' in html
    assert f'href="{reverse("news:article_list")}">Back to the all news' in html


def test_people_are_shown_with_the_titles_held_on_the_articles_date(client, sample):
    html = client.get(sample.get_absolute_url()).content.decode()
    assert "Deputy Prime Minister, Government of the Russian Federation" in html
    assert "First Deputy Prime Minister" not in html  # he held it only from May 2024


def test_home_lists_the_latest_published_articles(client, sample):
    html = client.get(reverse("news:home")).content.decode()
    assert sample.title in html  # the featured lead story
    assert "A meeting of the International Headquarters of the CSTO regional operation" in html


@pytest.mark.parametrize("state", ["draft", "scheduled", "expired"])
def test_unpublished_articles_answer_404_and_stay_off_lists(client, state):
    hidden = ArticleFactory(**{state: True}, title="Hidden story")
    ArticleFactory(section=hidden.section, title="Public story")
    assert client.get(hidden.get_absolute_url()).status_code == 404
    for url in [
        reverse("news:home"),
        reverse("news:article_list"),
        hidden.section.get_absolute_url(),
    ]:
        html = client.get(url).content.decode()
        assert "Public story" in html
        assert "Hidden story" not in html


def test_article_in_the_wrong_section_is_not_found(client):
    article = ArticleFactory()
    other = SectionFactory()
    url = reverse("news:article_detail", kwargs={"section": other.slug, "slug": article.slug})
    assert client.get(url).status_code == 404


def test_unknown_section_is_not_found(client):
    assert client.get("/en/news/no-such-section/").status_code == 404


@pytest.mark.parametrize("page", ["abc", "999999", "-1", "0"])
def test_nonsense_page_numbers_give_404_not_500(client, page):
    ArticleFactory()
    assert client.get(reverse("news:article_list"), {"page": page}).status_code == 404


def test_related_blocks_show_only_published_items(client):
    article = ArticleFactory()
    article.events.set(
        [EventFactory(title="Public event"), EventFactory(title="Draft event", draft=True)]
    )
    article.agreements.set([AgreementFactory(title="Secret treaty", draft=True)])
    article.organisations.set([OrganisationFactory(name="Hidden body", scheduled=True)])
    article.people.set([PersonFactory(name="Hidden Person", draft=True)])
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Public event" in html
    for hidden in ["Draft event", "Secret treaty", "Hidden body", "Hidden Person"]:
        assert hidden not in html


def test_article_page_query_count_does_not_grow_with_relations(
    client, django_assert_max_num_queries
):
    def make_article(relations):
        article = ArticleFactory(main_image=PhotoFactory())
        people = PersonFactory.create_batch(relations)
        for person in people:
            PositionFactory.create_batch(2, person=person, start_date=date(2000, 1, 1))
        article.people.set(people)
        article.organisations.set(OrganisationFactory.create_batch(relations))
        article.events.set(EventFactory.create_batch(relations))
        article.agreements.set(AgreementFactory.create_batch(relations))
        return article

    small, large = make_article(1), make_article(15)
    with django_assert_max_num_queries(10):
        assert client.get(small.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(large.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("name", ["news:home", "news:article_list"])
def test_list_pages_make_a_fixed_number_of_queries(client, name, django_assert_max_num_queries):
    section = SectionFactory()
    ArticleFactory.create_batch(30, section=section, main_image=PhotoFactory())
    with django_assert_max_num_queries(6):
        assert client.get(reverse(name)).status_code == 200


def test_section_page_makes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    section = SectionFactory()
    ArticleFactory.create_batch(30, section=section)
    with django_assert_max_num_queries(6):
        assert client.get(section.get_absolute_url()).status_code == 200
