"""The demo content: the sample page of the CSTO's site, reproduced in the content model.

`load_sample()` creates what is missing and leaves existing rows as they are, so running it
twice changes nothing and never overwrites an editor's changes to demo items.
"""

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from modeltranslation.translator import translator
from PIL import Image, ImageDraw

from apps.agreements.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Party,
    Subject,
)
from apps.core.languages import Language
from apps.core.models import PublicationStatus
from apps.demo.content_ru import RUSSIAN
from apps.demo.sample import (
    SAMPLE_AGREEMENT,
    SAMPLE_ILLEGAL_MEETING,
    SAMPLE_MANTUROV_BODY,
    SAMPLE_MANTUROV_LEAD,
    SAMPLE_TRAINING,
)
from apps.events.models import Event, EventKind, EventStatus
from apps.media.models import Photo
from apps.news.models import Article, Section
from apps.organisations.models import Country, Organisation, OrganisationKind, Person, Position
from apps.search.models import SearchPromotion

MOSCOW = ZoneInfo("Europe/Moscow")
PUBLISHED = {"status": PublicationStatus.PUBLISHED}

SECTIONS = [
    ("news", "News", "News of the Organization and its bodies.", 10),
    ("announcements", "Announcements", "Coming meetings, trainings and events.", 20),
    ("statements", "Statements", "Official statements of the Organization.", 30),
    ("interviews", "Interviews", "Interviews with the Organization's officials.", 40),
    ("media", "Media about the CSTO", "What news agencies report about the Organization.", 50),
]

COUNTRIES = [
    ("AM", "Armenia", "republic-of-armenia", "Republic of Armenia"),
    ("BY", "Belarus", "republic-of-belarus", "Republic of Belarus"),
    ("KZ", "Kazakhstan", "republic-of-kazakhstan", "Republic of Kazakhstan"),
    ("KG", "Kyrgyzstan", "kyrgyz-republic", "Kyrgyz Republic"),
    ("RU", "Russia", "russian-federation", "Russian Federation"),
    ("TJ", "Tajikistan", "republic-of-tajikistan", "Republic of Tajikistan"),
]

# slug, name, short name, kind, parent slug, country code
ORGANISATIONS = [
    (
        "csto",
        "Collective Security Treaty Organization",
        "CSTO",
        OrganisationKind.INTERGOVERNMENTAL,
        None,
        None,
    ),
    (
        "collective-security-council",
        "Collective Security Council",
        "CSC",
        OrganisationKind.BODY,
        "csto",
        None,
    ),
    (
        "csto-secretariat",
        "Secretariat of the CSTO",
        "CSTO Secretariat",
        OrganisationKind.BODY,
        "csto",
        None,
    ),
    (
        "csto-press-service",
        "Press Service of the CSTO",
        "",
        OrganisationKind.BODY,
        "csto-secretariat",
        None,
    ),
    (
        "icmec",
        "Interstate Commission for Military-Economic Cooperation",
        "ICMEC",
        OrganisationKind.BODY,
        "csto",
        None,
    ),
    (
        "ccbim",
        "Coordination Council of the Heads of the Competent Authorities of the CSTO "
        "Member States on Combating Illegal Migration",
        "CCBIM",
        OrganisationKind.BODY,
        "csto",
        None,
    ),
    (
        "illegal-headquarters",
        "International Headquarters of the CSTO regional operation “Illegal”",
        "",
        OrganisationKind.BODY,
        "ccbim",
        None,
    ),
    (
        "crrf",
        "Collective Rapid Reaction Forces of the CSTO",
        "CSTO CRRF",
        OrganisationKind.BODY,
        "csto",
        None,
    ),
    (
        "government-of-russia",
        "Government of the Russian Federation",
        "",
        OrganisationKind.MINISTRY,
        "russian-federation",
        "RU",
    ),
    (
        "ministry-of-internal-affairs-of-russia",
        "Ministry of Internal Affairs of Russia",
        "Interior Ministry of Russia",
        OrganisationKind.MINISTRY,
        "russian-federation",
        "RU",
    ),
    (
        "main-department-for-migration",
        "Main Department for Migration of the Ministry of Internal Affairs of Russia",
        "Main Department of the Interior Ministry of Russia",
        OrganisationKind.MINISTRY,
        "ministry-of-internal-affairs-of-russia",
        "RU",
    ),
    (
        "management-academy-mia-russia",
        "Management Academy of the Ministry of Internal Affairs of Russia",
        "",
        OrganisationKind.INSTITUTION,
        "ministry-of-internal-affairs-of-russia",
        "RU",
    ),
    (
        "ministry-of-industry-and-trade-of-russia",
        "Ministry of Industry and Trade of Russia",
        "Minpromtorg",
        OrganisationKind.MINISTRY,
        "russian-federation",
        "RU",
    ),
    ("sputnik", "Sputnik", "Sputnik", OrganisationKind.MEDIA, None, "RU"),
]

WEBSITES = {"csto": "https://en.odkb-csto.org/", "sputnik": "https://sputnik.kz/"}

# person slug, name, sort name, rank, [(title, organisation slug, start, end, order)]
PEOPLE = [
    (
        "imangali-tasmagambetov",
        "Imangali Tasmagambetov",
        "Tasmagambetov, Imangali",
        "",
        [
            ("Secretary General", "csto", date(2023, 1, 1), None, 0),
        ],
    ),
    (
        "denis-manturov",
        "Denis Manturov",
        "Manturov, Denis",
        "",
        [
            (
                "Deputy Prime Minister",
                "government-of-russia",
                date(2022, 7, 15),
                date(2024, 5, 13),
                0,
            ),
            ("First Deputy Prime Minister", "government-of-russia", date(2024, 5, 14), None, 0),
            (
                "Minister of Industry and Trade",
                "ministry-of-industry-and-trade-of-russia",
                date(2012, 5, 21),
                date(2024, 5, 13),
                1,
            ),
            ("Chairman", "icmec", None, None, 2),
        ],
    ),
    (
        "valentina-kazakova",
        "Valentina Kazakova",
        "Kazakova, Valentina",
        "Lieutenant General of Police",
        [
            ("Head", "main-department-for-migration", None, None, 0),
            ("Secretary", "ccbim", None, None, 1),
        ],
    ),
]


def moscow(*args):
    return datetime(*args, tzinfo=MOSCOW)


def make_demo_jpeg(title, size=(1600, 900)):
    """A locally drawn stand-in photo: a calm gradient with the story's title."""
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        shade = int(40 + 60 * y / height)
        draw.line([(0, y), (width, y)], fill=(shade // 2, shade, 90 + shade))
    draw.rectangle([60, height - 220, width - 60, height - 60], outline=(255, 255, 255), width=4)
    draw.text((90, height - 190), title[:90], fill=(255, 255, 255), font_size=40)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def get_or_create_photo(name, *, title, **fields):
    path = f"photos/demo/{name}"
    photo = Photo.objects.filter(image=path).first()
    if photo is None:
        storage = Photo._meta.get_field("image").storage
        storage.delete(path)  # a file left by an earlier database, not a photo of this one
        photo = Photo(**fields)
        photo.image = storage.save(path, ContentFile(make_demo_jpeg(title)))
        photo.save()
    return photo


@transaction.atomic
def load_sample():
    """Create the sample page's content where it is missing, in English and Russian.

    Returns the sample articles.
    """
    with translation.override("en"):
        articles = _load_sample_in_english()
    _add_russian()
    return articles


def _add_russian():
    """Fill each empty Russian column whose English text has a known translation."""
    for model in translator.get_registered_models():
        fields = translator.get_options_for_model(model).all_fields
        for item in model._default_manager.all():
            changed = []
            for field in fields:
                english, russian = getattr(item, f"{field}_en"), getattr(item, f"{field}_ru")
                if english and not russian and english in RUSSIAN:
                    setattr(item, f"{field}_ru", RUSSIAN[english])
                    changed.append(f"{field}_ru")
            if changed:
                item.save(update_fields=changed)


def _load_sample_in_english():
    sections = {
        slug: Section.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )[0]
        for slug, name, description, order in SECTIONS
    }

    countries = {
        code: Country.objects.get_or_create(code=code, defaults={"name": name})[0]
        for code, name, *_ in COUNTRIES
    }
    orgs = {}
    for code, _name, slug, state_name in COUNTRIES:
        orgs[slug] = Organisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": state_name,
                "kind": OrganisationKind.MEMBER_STATE,
                "country": countries[code],
                "published_at": moscow(2020, 1, 1),
                **PUBLISHED,
            },
        )[0]
    for slug, name, short_name, kind, parent, country in ORGANISATIONS:
        orgs[slug] = Organisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "short_name": short_name,
                "kind": kind,
                "parent": orgs.get(parent),
                "country": countries.get(country),
                "website": WEBSITES.get(slug, ""),
                "published_at": moscow(2020, 1, 1),
                **PUBLISHED,
            },
        )[0]

    people = {}
    for slug, name, sort_name, rank, positions in PEOPLE:
        person = people[slug] = Person.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "sort_name": sort_name,
                "rank": rank,
                "published_at": moscow(2020, 1, 1),
                **PUBLISHED,
            },
        )[0]
        for title, org_slug, start, end, order in positions:
            Position.objects.get_or_create(
                person=person,
                organisation=orgs[org_slug],
                title=title,
                start_date=start,
                defaults={"end_date": end, "order": order},
            )

    events = {}
    for slug, fields, participants in [
        (
            "csc-session-dushanbe-2021",
            {
                "kind": EventKind.SESSION,
                "title": "Session of the CSTO Collective Security Council in Dushanbe",
                "start_date": date(2021, 9, 16),
                "end_date": date(2021, 9, 16),
                "event_status": EventStatus.HELD,
                "city": "Dushanbe",
                "country": countries["TJ"],
                "organiser": orgs["collective-security-council"],
                "chairing_state": orgs["republic-of-tajikistan"],
            },
            [slug for _c, _n, slug, _s in COUNTRIES],
        ),
        (
            "csc-session-yerevan-2022",
            {
                "kind": EventKind.SESSION,
                "title": "Session of the CSTO Collective Security Council in Yerevan",
                "start_date": date(2022, 11, 23),
                "end_date": date(2022, 11, 23),
                "event_status": EventStatus.HELD,
                "city": "Yerevan",
                "country": countries["AM"],
                "organiser": orgs["collective-security-council"],
                "chairing_state": orgs["republic-of-armenia"],
            },
            [],
        ),
        (
            "illegal-headquarters-meeting-2023-03-28",
            {
                "kind": EventKind.MEETING,
                "title": "Meeting of the International Headquarters of the CSTO regional operation "
                "“Illegal”",
                "start_date": date(2023, 3, 28),
                "end_date": date(2023, 3, 28),
                "event_status": EventStatus.HELD,
                "organiser": orgs["illegal-headquarters"],
                "chair": people["valentina-kazakova"],
            },
            ["illegal-headquarters"],
        ),
        (
            "crrf-special-forces-training-2023",
            {
                "kind": EventKind.TRAINING,
                "title": "Training on management of units of the special forces of the CSTO CRRF "
                "in carrying out special operations",
                "start_date": date(2023, 3, 27),
                "end_date": date(2023, 3, 30),
                "event_status": EventStatus.HELD,
                "venue": "Management Academy of the Ministry of Internal Affairs of Russia",
                "venue_organisation": orgs["management-academy-mia-russia"],
                "city": "Moscow",
                "country": countries["RU"],
                "organiser": orgs["management-academy-mia-russia"],
                "description": "For representatives of the senior staff of law enforcement "
                "agencies and special services of the CSTO member states.",
            },
            [slug for _c, _n, slug, _s in COUNTRIES],
        ),
        (
            "icmec-21st-meeting",
            {
                "kind": EventKind.MEETING,
                "title": (
                    "XXI meeting of the Interstate Commission for Military-Economic Cooperation"
                ),
                "start_date": date(2023, 4, 28),
                "end_date": date(2023, 4, 28),
                "event_status": EventStatus.ANNOUNCED,
                "city": "Dushanbe",
                "country": countries["TJ"],
                "organiser": orgs["icmec"],
                "chair": people["denis-manturov"],
                "description": "Planned for the end of April 2023 in the capital of the Republic "
                "of Tajikistan.",
            },
            [],
        ),
        (
            "interpolitech-forum-2024",
            {
                "kind": EventKind.FORUM,
                "title": "International Forum on Collective Security “Interpolitech”",
                "start_date": date(2024, 10, 15),
                "end_date": date(2024, 10, 18),
                "event_status": EventStatus.ANNOUNCED,
                "city": "Moscow",
                "country": countries["RU"],
                "organiser": orgs["csto"],
                "description": "The Organization's exhibition event, organised in accordance with "
                "the decision of the Collective Security Council of November 23, "
                "2022, held for the first time.",
            },
            [],
        ),
    ]:
        event, created = Event.objects.get_or_create(
            slug=slug, defaults={**fields, "published_at": moscow(2021, 1, 1), **PUBLISHED}
        )
        if created:
            event.participants.set([orgs[p] for p in participants])
        events[slug] = event

    subjects = {
        slug: Subject.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in [
            ("legal-cooperation", "Legal cooperation"),
            ("collective-security-system", "Collective security system"),
            ("military-economic-cooperation", "Military-economic cooperation"),
        ]
    }
    jurisdiction, created = Agreement.objects.get_or_create(
        slug="agreement-on-jurisdiction-and-legal-assistance-2021",
        defaults={
            "kind": AgreementKind.AGREEMENT,
            "title": "Agreement on jurisdiction and legal assistance in cases of temporary stay "
            "of formations of the collective security system on the territories of the "
            "Collective Security Treaty Organization member states",
            "short_title": "Agreement on jurisdiction and legal assistance",
            "concluded_on": date(2021, 9, 16),
            "place_of_conclusion": "Dushanbe",
            "concluded_at": events["csc-session-dushanbe-2021"],
            "adopting_body": orgs["collective-security-council"],
            "depositary": orgs["csto-secretariat"],
            "entry_into_force_condition": "Enters into force on the date the depositary "
            "receives the fourth written notification of the completion by the signatory "
            "states of the internal procedures necessary for its entry into force.",
            "entered_into_force_on": date(2023, 3, 24),
            "agreement_status": AgreementStatus.IN_FORCE,
            "authentic_languages": [Language.RUSSIAN],
            "published_at": moscow(2021, 9, 16, 18, 0),
            **PUBLISHED,
        },
    )
    if created:
        jurisdiction.subjects.set(
            [subjects["legal-cooperation"], subjects["collective-security-system"]]
        )
        Party.objects.bulk_create(
            Party(agreement=jurisdiction, state=orgs[slug], signed_on=date(2021, 9, 16))
            for _c, _n, slug, _s in COUNTRIES
        )
    interpolitech_decision, created = Agreement.objects.get_or_create(
        slug="csc-decision-interpolitech-2022",
        defaults={
            "kind": AgreementKind.DECISION,
            "title": "Decision of the Collective Security Council on holding the International "
            "Forum on Collective Security “Interpolitech”",
            "short_title": "Decision on the “Interpolitech” forum",
            "concluded_on": date(2022, 11, 23),
            "place_of_conclusion": "Yerevan",
            "concluded_at": events["csc-session-yerevan-2022"],
            "adopting_body": orgs["collective-security-council"],
            "depositary": orgs["csto-secretariat"],
            "entry_into_force_condition": "Enters into force on the date of its signature.",
            "entered_into_force_on": date(2022, 11, 23),
            "agreement_status": AgreementStatus.IN_FORCE,
            "authentic_languages": [Language.RUSSIAN],
            "published_at": moscow(2022, 11, 23, 18, 0),
            **PUBLISHED,
        },
    )
    if created:
        interpolitech_decision.subjects.set([subjects["military-economic-cooperation"]])

    photo = get_or_create_photo(
        "tasmagambetov-manturov-2023-03-01.jpg",
        title="The CSTO Secretary General and the Deputy Prime Minister of Russia",
        alt_text="Illustration: the CSTO Secretary General and the Deputy Prime Minister of "
        "Russia at their meeting",
        caption="The CSTO Secretary General and the Deputy Prime Minister of Russia have "
        "discussed the prospects of military-industrial development",
        credit="Press Service of the Ministry of Industry and Trade of Russia",
        taken_on=date(2023, 3, 1),
    )

    articles = []
    for fields, relations in [
        (
            {
                "section": sections["news"],
                "slug": "illegal-headquarters-meeting-2023-03-28",
                "title": "A meeting of the International Headquarters of the CSTO regional "
                "operation “Illegal” was held",
                "lead": SAMPLE_ILLEGAL_MEETING,
                "published_at": moscow(2023, 3, 28, 16, 0),
            },
            {
                "people": ["valentina-kazakova"],
                "organisations": ["illegal-headquarters", "ccbim", "main-department-for-migration"],
                "events": ["illegal-headquarters-meeting-2023-03-28"],
            },
        ),
        (
            {
                "section": sections["news"],
                "slug": "crrf-special-forces-training-2023-03",
                "title": "Training for the senior staff of the special forces of the CSTO CRRF "
                "at the Management Academy of the Russian Interior Ministry",
                "lead": SAMPLE_TRAINING,
                "published_at": moscow(2023, 3, 27, 12, 0),
            },
            {
                "organisations": ["management-academy-mia-russia", "crrf"],
                "events": ["crrf-special-forces-training-2023"],
            },
        ),
        (
            {
                "section": sections["news"],
                "slug": "agreement-on-jurisdiction-entered-into-force",
                "title": "The Agreement on jurisdiction and legal assistance in cases of temporary "
                "stay of formations of the collective security system entered into force",
                "lead": SAMPLE_AGREEMENT,
                "published_at": moscow(2023, 3, 24, 12, 0),
            },
            {
                "organisations": ["collective-security-council"],
                "events": ["csc-session-dushanbe-2021"],
                "agreements": ["agreement-on-jurisdiction-and-legal-assistance-2021"],
            },
        ),
        (
            {
                "section": sections["media"],
                "slug": "secretary-general-and-deputy-prime-minister-discussed-military-industrial",
                "title": "The CSTO Secretary General and the Deputy Prime Minister of Russia have "
                "discussed the prospects of military-industrial development",
                "lead": SAMPLE_MANTUROV_LEAD,
                "body": SAMPLE_MANTUROV_BODY,
                "published_at": moscow(2023, 3, 1, 14, 0),
                "dateline_city": "Astana",
                "dateline_date": date(2023, 3, 1),
                "dateline_agency": orgs["sputnik"],
                "source_name": "Sputnik",
                "main_image": photo,
                "is_featured": True,
            },
            {
                "people": ["imangali-tasmagambetov", "denis-manturov"],
                "organisations": [
                    "csto",
                    "icmec",
                    "government-of-russia",
                    "ministry-of-industry-and-trade-of-russia",
                    "collective-security-council",
                    "csto-press-service",
                ],
                "events": ["icmec-21st-meeting", "interpolitech-forum-2024"],
                "agreements": ["csc-decision-interpolitech-2022"],
            },
        ),
    ]:
        section, slug = fields.pop("section"), fields.pop("slug")
        article, created = Article.objects.get_or_create(
            section=section, slug=slug, defaults={**fields, **PUBLISHED}
        )
        if created:
            article.people.set([people[s] for s in relations.get("people", [])])
            article.organisations.set([orgs[s] for s in relations.get("organisations", [])])
            article.events.set([events[s] for s in relations.get("events", [])])
            article.agreements.set(
                [Agreement.objects.get(slug=s) for s in relations.get("agreements", [])]
            )
        articles.append(article)
    SearchPromotion.objects.get_or_create(
        query="Interpolitech",
        content_type=ContentType.objects.get_for_model(Agreement),
        object_id=interpolitech_decision.pk,
    )
    return articles
