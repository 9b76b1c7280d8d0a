"""Plausible bulk content for benchmarks: `load_demo --scale N`.

For N articles it adds N/10 events, N/50 agreements with their parties, N/50 organisations
and N/20 people with positions, all published and linked the way real news is, with
`bulk_create` in batches so that 100,000 articles take minutes, not hours.

`load_scale` reads top-down: one function per kind builds its unsaved rows, `_bulk` and
`_link` save them. A seed gives the same rows every time, slugs apart (they carry a
per-run token), because every step draws from one random generator in a fixed order.
"""

import random
import secrets
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from tqdm import tqdm

from apps.agreements.models import Agreement, AgreementKind, AgreementStatus, Party
from apps.core.models import PublicationStatus
from apps.events.models import Event, EventKind, EventStatus
from apps.news.models import Article, Section
from apps.organisations.models import Country, Organisation, OrganisationKind, Person, Position

BATCH = 2000
TZ = ZoneInfo("Europe/Moscow")
PUBLISHED = {"status": PublicationStatus.PUBLISHED}

CITIES = [
    ("Moscow", "RU"),
    ("Saint Petersburg", "RU"),
    ("Minsk", "BY"),
    ("Astana", "KZ"),
    ("Almaty", "KZ"),
    ("Bishkek", "KG"),
    ("Dushanbe", "TJ"),
    ("Yerevan", "AM"),
]
FIRST_NAMES = [
    "Anatoly",
    "Valery",
    "Nurlan",
    "Aigul",
    "Sergei",
    "Irina",
    "Rustam",
    "Gulnara",
    "Armen",
    "Olga",
    "Bakyt",
    "Timur",
    "Elena",
    "Dmitry",
    "Zarina",
    "Viktor",
    "Anna",
    "Farrukh",
]
FAMILY_NAMES = [
    "Sidorov",
    "Abdullaev",
    "Karimov",
    "Petrosyan",
    "Lukashevich",
    "Nazarov",
    "Omarov",
    "Ivanova",
    "Sharipov",
    "Grigoryan",
    "Zhumabaev",
    "Kuznetsov",
    "Rakhimova",
    "Belov",
]
BODIES = [
    "Committee",
    "Working Group",
    "Council",
    "Commission",
    "Department",
    "Directorate",
    "Centre",
    "Expert Group",
    "Headquarters",
    "Service",
]
TOPICS = [
    "combating illegal migration",
    "countering drug trafficking",
    "information security",
    "emergency response",
    "military-economic cooperation",
    "peacekeeping",
    "border security",
    "counter-terrorism",
    "air defence",
    "military education",
    "crisis response",
    "cybersecurity",
    "collective security",
    "training of special forces",
]
TITLE_PATTERNS = [
    "The {body} on {topic} met in {city}",
    "CSTO experts discussed {topic} in {city}",
    "{city} hosted a seminar on {topic}",
    "The Secretary General met the {body} on {topic}",
    "A training on {topic} started in {city}",
    "Member states agreed on new measures for {topic}",
    "Results of the year in {topic} were summed up in {city}",
]
SENTENCES = [
    "The participants exchanged views on the current state of {topic} in the region.",
    "Representatives of the competent authorities of the member states took part in the work.",
    "The parties noted the importance of practical cooperation between the member states.",
    "Proposals were prepared for the next session of the Collective Security Council.",
    "The meeting was held in {city} under the chairmanship of the {body}.",
    "Special attention was paid to {topic} and to the training of specialists.",
    "The decisions taken will be submitted to the governments of the member states.",
    "Участники обсудили вопросы сотрудничества государств-членов в сфере {topic_ru}.",
]
TOPICS_RU = ["безопасности", "противодействия миграции", "информационной безопасности"]


def both_slugs(slug):
    """The same address in every language (bulk_create skips the model's save())."""
    return {f"slug_{code}": slug for code, _name in settings.LANGUAGES}


def _text(rng, pattern, **extra):
    """The pattern filled in with a random city, body and topic."""
    city, _code = rng.choice(CITIES)
    return pattern.format(
        body=rng.choice(BODIES),
        topic=rng.choice(TOPICS),
        city=city,
        topic_ru=rng.choice(TOPICS_RU),
        **extra,
    )


def _moment(rng, years=25):
    """A random moment in the `years` years from 2001 on."""
    return datetime(2001, 1, 1, tzinfo=TZ) + timedelta(seconds=rng.randrange(years * 365 * 86400))


def _bulk(model, objects, progress):
    """Save the objects in batches; returns them, oldest first if they are publications."""
    # Oldest first, as an archive grows: the table's order on disk then follows the
    # publication dates, as it does on a real site, and the planner knows it.
    if hasattr(model, "published_at"):
        objects.sort(key=lambda item: item.published_at)
    created = []
    for start in range(0, len(objects), BATCH):
        chunk = model.objects.bulk_create(objects[start : start + BATCH])
        created.extend(chunk)
        progress.update(len(chunk))
    return created


def _link(through, rows, progress):
    """Save the many-to-many rows in batches, skipping pairs that already exist."""
    for start in range(0, len(rows), BATCH * 5):
        through.objects.bulk_create(rows[start : start + BATCH * 5], ignore_conflicts=True)
        progress.update(min(BATCH * 5, len(rows) - start))


def _sizes(articles):
    """How many of each kind go with `articles` articles."""
    return {
        "organisations": max(articles // 50, 1),
        "people": max(articles // 20, 1),
        "events": max(articles // 10, 1),
        "agreements": max(articles // 50, 1),
        "articles": articles,
    }


def _sample_content():
    """The countries, sections and member states the sample content provides."""
    countries = {c.code: c for c in Country.objects.all()}
    sections = list(Section.objects.all())
    states = list(Organisation.objects.states())
    if not (sections and states and countries):
        raise RuntimeError("Load the sample content first (load_demo without --scale).")
    return countries, sections, states


def _total_rows(sizes, states, participants_per_event):
    """The number of rows the run will write, for the progress bar."""
    return (
        sizes["organisations"]
        + 2 * sizes["people"]
        + sizes["events"] * (1 + participants_per_event)
        + sizes["agreements"] * (1 + len(states))
        + 4 * sizes["articles"]
    )


def _organisations(rng, run, count, states):
    """Ministries and agencies of random member states."""
    # An archive grows by the member states' ministries and agencies; the CSTO's own
    # bodies stay a few dozen.
    return [
        Organisation(
            name=f"{rng.choice(BODIES)} on {rng.choice(TOPICS)} no. {i}",
            **both_slugs(f"org-{run}-{i}"),
            kind=OrganisationKind.MINISTRY,
            parent=state,
            country=state.country,
            published_at=_moment(rng),
            **PUBLISHED,
        )
        for i, state in enumerate(rng.choice(states) for _ in range(count))
    ]


def _people(rng, run, count):
    """People with a random first and family name."""
    return [
        Person(
            name=f"{rng.choice(FIRST_NAMES)} {family} {i}",
            sort_name=f"{family} {i}",
            **both_slugs(f"person-{run}-{i}"),
            published_at=_moment(rng),
            **PUBLISHED,
        )
        for i, family in ((i, rng.choice(FAMILY_NAMES)) for i in range(count))
    ]


def _positions(rng, people, orgs):
    """One position for each person, in a random organisation."""
    return [
        Position(
            person=person,
            organisation=rng.choice(orgs),
            title=rng.choice(["Chairman", "Head", "Deputy Head", "Secretary", "Expert"]),
            start_date=date(rng.randrange(2001, 2024), 1, 1),
        )
        for person in people
    ]


def _events(rng, run, count, countries, orgs, people):
    """Held events in the member states' cities, each with an organiser and a chair."""
    events = []
    for i in range(count):
        city, code = rng.choice(CITIES)
        start = _moment(rng).date()
        events.append(
            Event(
                kind=rng.choice(EventKind.values),
                title=_text(rng, rng.choice(TITLE_PATTERNS)),
                **both_slugs(f"event-{run}-{i}"),
                start_date=start,
                end_date=start + timedelta(days=rng.choice([0, 0, 1, 3])),
                event_status=EventStatus.HELD,
                city=city,
                country=countries.get(code),
                organiser=rng.choice(orgs),
                chair=rng.choice(people),
                published_at=_moment(rng),
                **PUBLISHED,
            )
        )
    return events


def _participants(rng, events, states, per_event):
    """The participating member states of each event, `per_event` of them."""
    return [
        Event.participants.through(event=event, organisation=state)
        for event in events
        for state in rng.sample(states, k=per_event)
    ]


def _agreements(rng, run, count, events):
    """Agreements concluded at random events, most of them in force."""
    agreements = []
    for i in range(count):
        concluded = _moment(rng, years=20).date()
        in_force = rng.random() < 0.7
        agreements.append(
            Agreement(
                kind=rng.choice(AgreementKind.values),
                title=f"Agreement on cooperation in {rng.choice(TOPICS)} no. {i}",
                **both_slugs(f"agreement-{run}-{i}"),
                concluded_on=concluded,
                place_of_conclusion=rng.choice(CITIES)[0],
                concluded_at=rng.choice(events),
                agreement_status=AgreementStatus.IN_FORCE if in_force else AgreementStatus.SIGNED,
                entered_into_force_on=concluded + timedelta(days=400) if in_force else None,
                authentic_languages=["ru"],
                published_at=_moment(rng),
                **PUBLISHED,
            )
        )
    return agreements


def _parties(agreements, states):
    """Every member state as a party to every agreement, signed on its conclusion."""
    return [
        Party(agreement=agreement, state=state, signed_on=agreement.concluded_on)
        for agreement in agreements
        for state in states
    ]


def _body(rng):
    """Three to seven paragraphs of two sentences each."""
    return "".join(
        f"<p>{_text(rng, rng.choice(SENTENCES))} {_text(rng, rng.choice(SENTENCES))}</p>"
        for _ in range(rng.randrange(3, 8))
    )


def _articles(rng, run, count, sections):
    """Articles in random sections, with a title, a lead, a body and a dateline."""
    articles = []
    for i in range(count):
        city, _code = rng.choice(CITIES)
        body = _body(rng)
        articles.append(
            Article(
                section=rng.choice(sections),
                title=_text(rng, rng.choice(TITLE_PATTERNS)),
                **both_slugs(f"article-{run}-{i}"),
                lead=_text(rng, rng.choice(SENTENCES)),
                body=body,
                dateline_city=city,
                published_at=_moment(rng),
                **PUBLISHED,
            )
        )
    return articles


def _article_links(rng, articles, orgs, people, events):
    """One organisation, one person and one event for each article, by through model."""
    to_org, to_person, to_event = (
        Article.organisations.through,
        Article.people.through,
        Article.events.through,
    )
    links = {to_org: [], to_person: [], to_event: []}
    for article in articles:
        links[to_org].append(to_org(article=article, organisation=rng.choice(orgs)))
        links[to_person].append(to_person(article=article, person=rng.choice(people)))
        links[to_event].append(to_event(article=article, event=rng.choice(events)))
    return links


def load_scale(articles, *, seed=None, progress=True):
    """Add `articles` articles and proportionate related content. Returns counts by model."""
    rng = random.Random(seed)
    # A fresh token per run, so that a second run adds to the first instead of clashing
    # with its slugs.
    run = secrets.token_hex(3)
    sizes = _sizes(articles)
    countries, sections, states = _sample_content()
    per_event = min(3, len(states))
    total = _total_rows(sizes, states, per_event)
    bar = tqdm(total=total, unit="rows", disable=not progress, desc="Scaled demo content")
    # Each step draws from `rng` in turn and picks among the rows saved before it, in the
    # order `_bulk` saved them: reordering the steps changes what a seed produces.
    with transaction.atomic():
        orgs = _bulk(Organisation, _organisations(rng, run, sizes["organisations"], states), bar)
        people = _bulk(Person, _people(rng, run, sizes["people"]), bar)
        _bulk(Position, _positions(rng, people, orgs), bar)
        events = _bulk(Event, _events(rng, run, sizes["events"], countries, orgs, people), bar)
        _link(Event.participants.through, _participants(rng, events, states, per_event), bar)
        agreements = _bulk(Agreement, _agreements(rng, run, sizes["agreements"], events), bar)
        _bulk(Party, _parties(agreements, states), bar)
        saved_articles = _bulk(Article, _articles(rng, run, articles, sections), bar)
        for through, rows in _article_links(rng, saved_articles, orgs, people, events).items():
            _link(through, rows, bar)
    bar.close()
    return {
        "articles": len(saved_articles),
        "events": len(events),
        "agreements": len(agreements),
        "organisations": len(orgs),
        "people": len(people),
    }
