"""Shadow drafts: nothing unpublished is ever shown (issue 13).

Every publishable kind exists in every hidden state (draft, scheduled, in review,
unpublished, expired), each named with a marker word, and linked to everything published it
can link to; published items link back to the hidden ones, and a hidden article is the only
link between published items. Then every public address of the URL conf is fetched, in both
languages and under both translation policies, and no marker may appear in any answer.

Under TRANSLATION_FALLBACK=hide, items written in Russian only are hidden from English
pages: they are one more hidden "state" there, and their English addresses must appear
nowhere (a dead link in a sitemap or a language switcher is one too).
"""

import re
from dataclasses import dataclass, field
from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone, translation
from django.utils.http import urlencode

from apps.agreements.filters import AgreementFilter
from apps.agreements.models import Agreement
from apps.core.models import PublicationStatus
from apps.events.filters import EventFilter
from apps.events.models import Event
from apps.news.filters import ArticleFilter
from apps.news.models import Article, Section
from apps.organisations.models import Organisation, OrganisationKind, Person
from apps.search.forms import SearchFilterForm
from apps.search.models import SearchPromotion
from apps.search.query import KINDS
from cstonews.urls import sitemaps
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    EventFactory,
    OrganisationFactory,
    PartyFactory,
    PersonFactory,
    PositionFactory,
    SectionFactory,
    StateFactory,
)

# Slow (every public address, both languages, both fallback modes): CI runs it once.
pytestmark = [pytest.mark.django_db, pytest.mark.once]

LANGUAGES = ["ru", "en"]
#: Factory arguments that make an item invisible to every visitor.
HIDDEN_STATES = {
    "draft": {"status": PublicationStatus.DRAFT},
    "scheduled": {"scheduled": True},
    "review": {"status": PublicationStatus.IN_REVIEW},
    "unpublished": {"status": PublicationStatus.UNPUBLISHED},
    "expired": {"expired": True},
}
#: Published, written in Russian only: hidden from English pages under the "hide" policy.
RUSSIAN_ONLY = "ruonly"
#: The texts of each kind that carry the marker, and the one whose language decides.
TEXTS = {
    Organisation: ["name", "description"],
    Person: ["name", "biography"],
    Event: ["title", "description"],
    Agreement: ["title", "summary"],
    Article: ["title", "lead", "body"],
}
UPCOMING = {"start_date": date(2099, 1, 10), "end_date": date(2099, 1, 12)}


@dataclass
class Cluster:
    """The items of one hidden state, and the published items around them."""

    state: str
    hidden: dict = field(default_factory=dict)  # kind -> hidden item
    terms: dict = field(default_factory=dict)  # kind -> a search word of the hidden item only
    link_only: dict = field(default_factory=dict)  # kind -> published item linked by a hidden one

    def markers(self):
        return [f"zq{self.state}{kind}" for kind in self.hidden]

    def slugs(self):
        return [item.slug for item in self.hidden.values()]

    def link_only_markers(self):
        return {kind: f"zl{self.state}{kind}" for kind in self.link_only}


def marked(model, state, kind, marker_prefix="zq"):
    """Texts (every language) that name the item by its marker, and a search word."""
    marker, term = f"{marker_prefix}{state}{kind}", f"{kind}{state}quill"
    text = f"{marker.capitalize()} {term}"
    data = {}
    for name in TEXTS[model]:
        value = f"<p>{text}</p>" if name == "body" else text
        data |= {name: value, **{f"{name}_{code}": value for code in LANGUAGES}}
    return data, term


def slugs(slug):
    return {"slug": slug, **{f"slug_{code}": slug for code in LANGUAGES}}


def russian_only(item):
    """Empty the English texts, as an item written only in Russian has them."""
    model = type(item)
    model.objects.filter(pk=item.pk).update(**{f"{name}_en": "" for name in TEXTS[model]})
    item.refresh_from_db()
    return item


def make_world():
    """The published site, and one cluster of hidden items per hidden state."""
    section = SectionFactory(slug="news", name="News")
    csto = OrganisationFactory(
        slug="csto", name="Organisation", kind=OrganisationKind.INTERGOVERNMENTAL
    )
    body = OrganisationFactory(slug="council", name="Council", parent=csto)
    state = StateFactory(slug="state")
    person = PersonFactory(slug="chair", name="Chairperson")
    PositionFactory(person=person, organisation=body)
    event = EventFactory(slug="session", title="Session", organiser=body, **UPCOMING)
    event.participants.add(body, state)
    EventFactory(slug="old-session", title="Old session", organiser=body)
    agreement = AgreementFactory(slug="treaty", title="Treaty", adopting_body=body)
    PartyFactory(agreement=agreement, state=state)
    article = ArticleFactory(section=section, slug="story", title="Story", is_featured=True)
    article.organisations.add(csto, body, state)
    article.people.add(person)
    article.events.add(event)
    article.agreements.add(agreement)
    published = {
        "section": section, "csto": csto, "body": body, "state": state, "person": person,
        "event": event, "agreement": agreement, "article": article,
    }  # fmt: skip
    clusters = [make_cluster(name, kwargs, published) for name, kwargs in HIDDEN_STATES.items()]
    clusters.append(make_cluster(RUSSIAN_ONLY, {}, published))
    return published, clusters


def make_cluster(state, hidden_kwargs, published):
    cluster = Cluster(state)
    p = published

    def hidden(factory, model, kind, **fields):
        texts, cluster.terms[kind] = marked(model, state, kind)
        item = factory(**hidden_kwargs, **texts, **slugs(f"hidden-{state}-{kind}"), **fields)
        cluster.hidden[kind] = russian_only(item) if state == RUSSIAN_ONLY else item
        return cluster.hidden[kind]

    # The hidden items, each linked to everything published it can link to.
    org = hidden(OrganisationFactory, Organisation, "org", parent=p["csto"])
    state_org = hidden(StateFactory, Organisation, "state")
    person = hidden(PersonFactory, Person, "person")
    PositionFactory(person=person, organisation=p["body"])
    event = hidden(
        EventFactory, Event, "event", organiser=p["body"], chair=p["person"],
        chairing_state=p["state"], part_of=p["event"], venue_organisation=p["body"], **UPCOMING,
    )  # fmt: skip
    event.participants.add(p["body"], p["state"])
    agreement = hidden(
        AgreementFactory, Agreement, "agreement", adopting_body=p["body"],
        depositary=p["body"], concluded_at=p["event"],
    )  # fmt: skip
    PartyFactory(agreement=agreement, state=p["state"])
    article = hidden(ArticleFactory, Article, "article", section=p["section"], is_featured=True)
    article.organisations.add(p["csto"], p["body"], p["state"])
    article.people.add(p["person"])
    article.events.add(p["event"])
    article.agreements.add(p["agreement"])

    # Published items that point at the hidden ones.
    child = OrganisationFactory(name=f"Child of {state}", parent=org)
    officer = PersonFactory(name=f"Officer of {state}")
    PositionFactory(person=officer, organisation=org, title="Director")
    PositionFactory(person=officer, organisation=state_org, title="Envoy")
    meeting = EventFactory(
        title=f"Meeting about {state}", organiser=org, chair=person, chairing_state=state_org,
        part_of=event, venue_organisation=org, **UPCOMING,
    )  # fmt: skip
    meeting.participants.add(org, state_org)
    treaty = AgreementFactory(
        title=f"Treaty about {state}", adopting_body=org, depositary=org, concluded_at=event
    )
    PartyFactory(agreement=treaty, state=state_org)
    story = ArticleFactory(
        section=p["section"], title=f"Story about {state}", dateline_city="Minsk",
        dateline_agency=org,
    )  # fmt: skip
    story.organisations.add(org, state_org, child)
    story.people.add(person, officer)
    story.events.add(event, meeting)
    story.agreements.add(agreement, treaty)
    p["article"].organisations.add(org, state_org)
    p["article"].people.add(person, officer)
    p["article"].events.add(event)
    p["article"].agreements.add(agreement)
    for kind, item in cluster.hidden.items():
        SearchPromotion.objects.create(query=cluster.terms[kind], item=item)

    # Published items whose only link to each other is the hidden article.
    def link_only(factory, model, kind, **fields):
        texts, _term = marked(model, state, kind, marker_prefix="zl")
        cluster.link_only[kind] = factory(**texts, **slugs(f"link-{state}-{kind}"), **fields)
        return cluster.link_only[kind]

    article.organisations.add(link_only(OrganisationFactory, Organisation, "org"))
    article.people.add(link_only(PersonFactory, Person, "person"))
    article.events.add(link_only(EventFactory, Event, "event"))
    article.agreements.add(link_only(AgreementFactory, Agreement, "agreement"))
    return cluster


# The URL conf ---------------------------------------------------------------------------

#: Named addresses the crawl does not fetch, and why.
NOT_CRAWLED = {
    "core:healthz": "says whether the database answers, nothing about content",
    "newsroom:embargo_view": "a signed link to one unpublished item (newsroom/test_embargo.py)",
    "set_language": "a POST that redirects",
    "news:attachment_download": "a document's bytes, behind its article's public()",
    "agreements:text_download": "a document's bytes, behind its agreement's public()",
}


def url_names(patterns=None, namespace=""):
    """Every named address of the site outside the newsroom."""
    names = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names += url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.append(f"{namespace}{pattern.name}")
    return names


def public(model):
    return list(model.objects.public())


def article_months():
    months = {(a.published_at.year, a.published_at.month) for a in public(Article)}
    return sorted(months | {(timezone.localdate().year, timezone.localdate().month)})


def event_months():
    months = {(e.start_date.year, e.start_date.month) for e in public(Event)}
    return [[year, month] for year, month in sorted(months)]


#: For each address, the arguments of every page it has, from what is published.
ARGUMENTS = {
    "news:home": lambda: [[]],
    "search:results": lambda: [[]],
    "search:suggestions": lambda: [[]],
    "news:article_list": lambda: [[]],
    "news:article_archive": lambda: [[]],
    "news:article_archive_year": lambda: [[y] for y in sorted({y for y, _m in article_months()})],
    "news:article_archive_month": lambda: [list(month) for month in article_months()],
    "news:feed_rss": lambda: [[]],
    "news:feed_atom": lambda: [[]],
    "news:organisation_feed_rss": lambda: [[o.slug] for o in public(Organisation)],
    "news:organisation_feed_atom": lambda: [[o.slug] for o in public(Organisation)],
    "news:section_detail": lambda: [[s.slug] for s in Section.objects.all()],
    "news:section_feed_rss": lambda: [[s.slug] for s in Section.objects.all()],
    "news:section_feed_atom": lambda: [[s.slug] for s in Section.objects.all()],
    "news:article_detail": lambda: [[a.section.slug, a.slug] for a in public(Article)],
    "organisations:organisation_list": lambda: [[]],
    "organisations:organisation_detail": lambda: [[o.slug] for o in public(Organisation)],
    "organisations:person_list": lambda: [[]],
    "organisations:person_detail": lambda: [[p.slug] for p in public(Person)],
    "events:event_list": lambda: [[]],
    "events:event_past": lambda: [[]],
    "events:event_calendar": lambda: [[]],
    "events:event_calendar_month": event_months,
    "events:upcoming_ics": lambda: [[]],
    "events:feed_rss": lambda: [[]],
    "events:event_detail": lambda: [[e.slug] for e in public(Event)],
    "events:event_ical": lambda: [[e.slug] for e in public(Event)],
    "agreements:agreement_list": lambda: [[]],
    "agreements:state_agreements": lambda: [
        [s.slug] for s in Organisation.objects.public().states()
    ],
    "agreements:agreement_detail": lambda: [[a.slug] for a in public(Agreement)],
    "sitemap": lambda: [[]],
    "sitemap_section": lambda: [[section] for section in sitemaps],
    "robots_txt": lambda: [[]],
}

#: Every filter of the public lists, with values to try: published ones and hidden ones.
FILTERS = {
    ArticleFilter: {
        "section": lambda w, c: [w["section"].slug],
        "date_from": lambda w, c: [timezone.localdate().isoformat()],
        "date_to": lambda w, c: [timezone.localdate().isoformat()],
        "country": lambda w, c: [w["state"].country.code],
        "organisation": lambda w, c: [w["body"].slug, *(x.hidden["org"].slug for x in c)],
        "person": lambda w, c: [w["person"].slug, *(x.hidden["person"].slug for x in c)],
    },
    EventFilter: {
        "kind": lambda w, c: ["meeting"],
        "organiser": lambda w, c: [w["body"].slug, *(x.hidden["org"].slug for x in c)],
        "country": lambda w, c: [w["state"].country.code],
        "year": lambda w, c: [2099, 2023],
        "event_status": lambda w, c: ["announced"],
    },
    AgreementFilter: {
        "kind": lambda w, c: ["agreement"],
        "agreement_status": lambda w, c: ["signed"],
        "year": lambda w, c: [2021],
        "party": lambda w, c: [w["state"].slug, *(x.hidden["state"].slug for x in c)],
        "subject": lambda w, c: [],
        "sort": lambda w, c: ["title", "-concluded"],
    },
}
#: The search's filters, the same way.
SEARCH_FILTERS = {
    "date_from": lambda w, c: [timezone.localdate().isoformat()],
    "date_to": lambda w, c: [timezone.localdate().isoformat()],
    "section": lambda w, c: [w["section"].slug],
    "country": lambda w, c: [w["state"].country.code],
    "organisation": lambda w, c: [w["body"].slug, *(x.hidden["org"].slug for x in c)],
    "kind": lambda w, c: ["meeting", "agreement", "member_state"],
}
FILTERED_LISTS = {
    ArticleFilter: ["news:article_list", "news:section_detail", "news:article_archive_year"],
    EventFilter: ["events:event_list", "events:event_past"],
    AgreementFilter: ["agreements:agreement_list"],
}


#: The search's kind of result for each model.
SEARCH_KINDS = {kind.model: kind.key for kind in KINDS}


def test_the_crawl_knows_every_public_address_and_filter():
    assert set(url_names()) - set(NOT_CRAWLED) == set(ARGUMENTS)
    for filterset, values in FILTERS.items():
        assert set(filterset.base_filters) == set(values), filterset
    assert set(SearchFilterForm.base_fields) == set(SEARCH_FILTERS)


# The crawl ------------------------------------------------------------------------------


def addresses(language, world, clusters):
    """(path, query) of every public page in `language`, with and without filters."""
    with translation.override(language):
        pages = []
        for name, arguments in ARGUMENTS.items():
            pages += [(reverse(name, args=args), {}) for args in arguments()]
        for filterset, names in FILTERS.items():
            for name in FILTERED_LISTS[filterset]:
                args = ARGUMENTS[name]()[0]
                for filter_name, values in names.items():
                    for value in values(world, clusters):
                        pages.append((reverse(name, args=args), {filter_name: value}))
        organisations = reverse("organisations:organisation_list")
        pages += [(organisations, {"kind": kind}) for kind in OrganisationKind.values]
        search, suggest = reverse("search:results"), reverse("search:suggestions")
        for cluster in clusters:
            for kind, term in cluster.terms.items():
                pages.append((suggest, {"q": term}))
                pages.append((search, {"q": term}))
                key = SEARCH_KINDS[type(cluster.hidden[kind])]
                pages.append((search, {"q": term, "type": key, "sort": "date"}))
        for query in ["story", "council session treaty"]:
            pages.append((search, {"q": query}))
            for filter_name, values in SEARCH_FILTERS.items():
                for value in values(world, clusters):
                    pages.append((search, {"q": query, filter_name: value}))
    return pages


def not_found_addresses(language, clusters):
    """Addresses that must answer 404 — the hidden items' own pages, and nonsense — with
    the status each must give: an expired item was public, so its page says it was
    withdrawn (410), and nothing more."""
    with translation.override(language):
        paths = [f"/{language}/no-such-page/", f"/{language}/news/no-such-section/"]
        paths = [(path, 404) for path in paths]
        for cluster in clusters:
            withdrawn = 410 if cluster.state == "expired" else 404
            paths += [(item.get_absolute_url(), withdrawn) for item in cluster.hidden.values()]
            event = cluster.hidden["event"]
            paths.append((reverse("events:event_ical", args=[event.slug]), 404))
            org = cluster.hidden["org"].slug
            paths.append((reverse("news:organisation_feed_rss", args=[org]), 404))
            state = cluster.hidden["state"].slug
            paths.append((reverse("agreements:state_agreements", args=[state]), 404))
    return paths


def readable(response):
    """The text of an answer, iCalendar lines unfolded, in lower case."""
    return response.content.decode().replace("\r\n ", "").lower()


def seen(path, query, text, words):
    """One line per word found in the text, with what surrounds its first occurrence."""
    lines = []
    for word in words:
        if (at := text.find(word)) >= 0:
            context = re.sub(r"\s+", " ", text[max(at - 70, 0) : at + len(word) + 10])
            lines.append(f"{path}?{urlencode(query)} shows {word}: …{context}…")
    return lines


def english_addresses(cluster):
    with translation.override("en"):
        return [item.get_absolute_url() for item in cluster.hidden.values()]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("policy", ["note", "hide"])
def test_no_public_address_shows_anything_unpublished(client, settings, policy, language):
    settings.TRANSLATION_FALLBACK = policy
    world, clusters = make_world()
    # Items written in Russian only are hidden from English pages under "hide"; addresses
    # without a language (sitemaps, robots.txt) list every language.
    ruonly_hidden = policy == "hide" and language == "en"
    hidden = [c for c in clusters if c.state != RUSSIAN_ONLY or ruonly_hidden]
    everywhere = [c for c in clusters if c.state != RUSSIAN_ONLY]
    # Whatever the page's language, an item hidden from English has no English address.
    dead = english_addresses(clusters[-1]) if policy == "hide" else []
    browser = type(client)(headers={"Accept-Language": language})

    found = []
    pages = addresses(language, world, clusters)
    for path, query in pages:
        response = browser.get(path, query, follow=True)
        assert response.status_code == 200, (path, query, response.status_code)
        text = readable(response)
        echoed = " ".join(str(v) for v in query.values()).lower()
        clusters_hidden = hidden if path.startswith(f"/{language}/") else everywhere
        markers = [marker for cluster in clusters_hidden for marker in cluster.markers()]
        slugs = [slug for cluster in clusters_hidden for slug in cluster.slugs()]
        found += seen(path, query, text, markers)
        found += seen(path, query, text, [s for s in slugs if s not in echoed])
        found += seen(path, query, text, dead)
    markers = [marker for cluster in hidden for marker in cluster.markers()]
    for path, status in not_found_addresses(language, hidden):
        response = browser.get(path)
        assert response.status_code == status, path
        found += seen(path, {}, readable(response), markers)
    # A hidden article is the only link between these published items: none shows another.
    for cluster in hidden:
        others = cluster.link_only_markers()
        for kind, item in cluster.link_only.items():
            with translation.override(language):
                path = item.get_absolute_url()
            text = readable(browser.get(path))
            found += seen(path, {}, text, [m for k, m in others.items() if k != kind])
    assert not found, "\n".join(found)
    assert len(pages) > 300, len(pages)
