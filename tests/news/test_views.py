"""The news pages: home, lists and filters, archive, sections and an article's page."""

import re
from datetime import UTC, date, datetime

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
    StateFactory,
)
from tests.pages import html_of, json_ld_blocks, titles

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
        "© Photo: Press Service of the Ministry of Industry and Trade of Russia",
        "ASTANA, March 1 - Sputnik.</span> The CSTO Secretary General Imangali",
        "In the opinion of the Secretary General of the association",
        "The forum, organized in accordance with the decision of the Collective Security Council",
        "Go back",
        "Back to the section",
        "Back to all news",
    ]:
        assert fact in html, fact
    assert f'href="{sample.section.get_absolute_url()}">Back to the section' in html
    assert f'href="{reverse("news:article_list")}">Back to all news' in html


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
    response = client.get(hidden.get_absolute_url())
    assert response.status_code == (410 if state == "expired" else 404)
    assert "Hidden story" not in response.content.decode()
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
        for n in range(relations):
            article.corrections.create(text_en=f"Correction {n}")
            article.attachments.create(
                title=f"Annex {n}", language="en", file=f"docs/annex-{n}.pdf"
            )
            article.gallery.create(photo=PhotoFactory(), order=n)
        return article

    small, large = make_article(1), make_article(15)
    for article in (small, large):
        with django_assert_max_num_queries(6):
            html = client.get(article.get_absolute_url()).content.decode()
        assert "Correction 0" in html
        assert "Annex 0" in html
        assert article.organisations.first().name in html


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


class TestNews:
    def test_home_shows_the_featured_story_first_and_the_latest_per_section(self, client):
        news, statements = SectionFactory(name="News"), SectionFactory(name="Statements")
        ArticleFactory(
            section=news,
            title="Featured",
            is_featured=True,
            published_at=datetime(2023, 1, 1, tzinfo=UTC),
        )
        for day in range(1, 6):
            ArticleFactory(
                section=news, title=f"News {day}", published_at=datetime(2023, 3, day, tzinfo=UTC)
            )
        ArticleFactory(section=statements, title="A statement")
        response = client.get(reverse("news:home"))
        assert response.context["lead_article"].title == "Featured"
        blocks = {
            s.name: [a.title for a in items]
            for s, items in response.context["sections_with_articles"]
        }
        assert blocks == {"News": ["News 5", "News 4", "News 3"], "Statements": ["A statement"]}

    def test_filters_combine_with_pagination_and_are_bookmarkable(self, client):
        section = SectionFactory(slug="news")
        for day in range(1, 26):
            ArticleFactory(section=section, published_at=datetime(2023, 3, day, tzinfo=UTC))
        ArticleFactory(published_at=datetime(2023, 3, 10, tzinfo=UTC))  # another section
        params = {"section": "news", "date_from": "2023-03-02", "page": 2}
        response = client.get(reverse("news:article_list"), params)
        assert response.status_code == 200
        assert response.context["paginator"].count == 24
        assert len(response.context["articles"]) == 4
        html = response.content.decode()
        assert "Clear filters" in html
        assert "section=news&amp;date_from=2023-03-02&amp;page=1" in html

    @pytest.mark.parametrize(
        "params",
        [
            {"date_from": "2023-13-45"},
            {"section": "no-such-section"},
            {"country": "ZZ"},
            {"organisation": "'; DROP TABLE news_article; --"},
            {"person": "\x00"},
            {"date_to": "9" * 400},
        ],
    )
    def test_nonsense_filters_explain_themselves_and_are_ignored(self, client, params):
        ArticleFactory(title="Still listed")
        response = client.get(reverse("news:article_list"), params)
        assert response.status_code == 200
        html = response.content.decode()
        assert "could not be understood" in html
        assert "Still listed" in html

    @pytest.mark.parametrize("page", ["abc", "999999", "-1", "0", "1e9", "10" * 30])
    def test_nonsense_pages_answer_a_styled_404(self, client, page):
        ArticleFactory()
        response = client.get(reverse("news:article_list"), {"page": page})
        assert response.status_code == 404
        assert "Page not found" in response.content.decode()

    def test_filter_by_organisation_and_person_from_entity_pages(self, client):
        body, person = (
            OrganisationFactory(slug="icmec", name="ICMEC"),
            PersonFactory(slug="manturov"),
        )
        about_body = ArticleFactory(title="About the commission")
        about_body.organisations.add(body)
        about_person = ArticleFactory(title="About the minister")
        about_person.people.add(person)
        ArticleFactory(title="Unrelated")
        by_body = client.get(reverse("news:article_list"), {"organisation": "icmec"})
        assert titles(by_body, "articles") == ["About the commission"]
        assert "Organisation: <strong>ICMEC</strong>" in by_body.content.decode()
        assert titles(
            client.get(reverse("news:article_list"), {"person": "manturov"}), "articles"
        ) == ["About the minister"]

    def test_filter_by_country_does_not_repeat_articles(self, client):
        state = StateFactory()
        ministry = OrganisationFactory(kind="ministry", country=state.country)
        article = ArticleFactory()
        article.organisations.add(state, ministry)
        response = client.get(reverse("news:article_list"), {"country": state.country.code})
        assert titles(response, "articles") == [article.title]

    def test_archive_of_a_month(self, client):
        ArticleFactory(title="March", published_at=datetime(2023, 3, 15, 12, tzinfo=UTC))
        ArticleFactory(title="April", published_at=datetime(2023, 4, 1, 12, tzinfo=UTC))
        response = client.get(reverse("news:article_archive_month", args=[2023, 3]))
        assert titles(response, "articles") == ["March"]
        assert response.context["page_title"] == "News of March 2023"
        archive = client.get(reverse("news:article_archive")).content.decode()
        assert reverse("news:article_archive_month", args=[2023, 4]) in archive
        assert client.get(reverse("news:article_archive_month", args=[2023, 13])).status_code == 404

    def test_related_articles_share_entities_and_rank_by_how_many(self, client):
        body, person, event = OrganisationFactory(), PersonFactory(), EventFactory()
        article = ArticleFactory()
        article.organisations.add(body)
        article.people.add(person)
        article.events.add(event)
        two_shared = ArticleFactory(title="Shares two")
        two_shared.organisations.add(body)
        two_shared.people.add(person)
        one_shared = ArticleFactory(title="Shares one")
        one_shared.events.add(event)
        hidden = ArticleFactory(title="Shares all but is a draft", draft=True)
        hidden.organisations.add(body)
        ArticleFactory(title="Shares nothing")
        response = client.get(article.get_absolute_url())
        assert titles(response, "related_articles") == ["Shares two", "Shares one"]

    def test_previous_and_next_in_the_section(self, client):
        section = SectionFactory()
        older, middle, newer = (
            ArticleFactory(section=section, title=t, published_at=datetime(2023, 3, d, tzinfo=UTC))
            for t, d in [("Older", 1), ("Middle", 2), ("Newer", 3)]
        )
        ArticleFactory(title="Other section", published_at=datetime(2023, 3, 2, 12, tzinfo=UTC))
        ArticleFactory(
            section=section,
            title="Draft",
            draft=True,
            published_at=datetime(2023, 3, 2, 18, tzinfo=UTC),
        )
        response = client.get(middle.get_absolute_url())
        assert response.context["previous_article"].title == "Older"
        assert response.context["next_article"].title == "Newer"
        html = response.content.decode()
        assert f'rel="prev" href="{older.get_absolute_url()}"' in html
        assert f'rel="next" class="neighbours__next" href="{newer.get_absolute_url()}"' in html


def test_news_article_json_ld_has_image_with_credit(client, world):
    (article,) = [
        block
        for block in json_ld_blocks(html_of(client, world["article"].get_absolute_url()))
        if block["@type"] == "NewsArticle"
    ]
    assert article["headline"] == "Live story"
    assert article["image"]["creditText"].startswith("Press Service")
    assert article["about"][0]["name"] == "Collective Security Council"


def test_images_carry_dimensions_and_only_the_lead_image_loads_eagerly(client, world):
    world["article"].is_featured = True
    world["article"].save()
    html = html_of(client, reverse("news:home"))
    images = re.findall(r"<img [^>]+>", html)
    assert images
    assert all('width="' in img and 'height="' in img for img in images)
    assert 'loading="eager" fetchpriority="high"' in images[0]
    article_html = html_of(client, world["article"].get_absolute_url())
    assert 'loading="eager"' in re.findall(r"<img [^>]+>", article_html)[0]
