"""Factories of the content model: items are published, in both languages, by default."""

import io
from datetime import date, timedelta

import factory
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection
from django.utils import timezone
from PIL import Image

from apps.agreements.models import Agreement, AgreementKind, Party
from apps.core.models import PublicationStatus
from apps.events.models import Event, EventKind
from apps.media.models import Photo
from apps.news.models import Article, Section
from apps.organisations.models import Country, Organisation, OrganisationKind, Person, Position


def in_both_languages(*fields):
    """Factory declarations that fill every language's column from the plain field."""
    return {
        f"{field}_{code}": factory.SelfAttribute(field)
        for field in fields
        for code, _name in settings.LANGUAGES
    }


def jpeg_bytes(size=(64, 48)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 60, 120)).save(buffer, format="JPEG")
    return buffer.getvalue()


class PublishedFactory(factory.django.DjangoModelFactory):
    status = PublicationStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    class Params:
        draft = factory.Trait(status=PublicationStatus.DRAFT)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))
        )
        expired = factory.Trait(
            unpublish_at=factory.LazyFunction(lambda: timezone.now() - timedelta(minutes=1))
        )


class PhotoFactory(factory.django.DjangoModelFactory):
    image = factory.LazyFunction(lambda: ContentFile(jpeg_bytes(), name="photo.jpg"))
    alt_text = "Two delegations at a conference table"
    caption = "A meeting"
    credit = "Press Service of the Ministry of Industry and Trade of Russia"

    class Meta:
        model = Photo


class CountryFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: chr(65 + n // 26 % 26) + chr(65 + n % 26))
    name = factory.LazyAttribute(lambda o: f"Country {o.code}")

    locals().update(in_both_languages("name"))

    class Meta:
        model = Country
        django_get_or_create = ["code"]


class OrganisationFactory(PublishedFactory):
    name = factory.Sequence(lambda n: f"Body number {n}")
    slug = factory.Sequence(lambda n: f"body-{n}")
    kind = OrganisationKind.BODY

    locals().update(in_both_languages("name"))

    class Meta:
        model = Organisation


class StateFactory(OrganisationFactory):
    kind = OrganisationKind.MEMBER_STATE
    country = factory.SubFactory(CountryFactory)
    name = factory.LazyAttribute(lambda o: f"Republic of {o.country.name}")


class PersonFactory(PublishedFactory):
    name = factory.Sequence(lambda n: f"Person Number{n}")
    slug = factory.Sequence(lambda n: f"person-{n}")

    locals().update(in_both_languages("name"))

    class Meta:
        model = Person


class PositionFactory(factory.django.DjangoModelFactory):
    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    title = "Secretary General"
    start_date = date(2020, 1, 1)

    locals().update(in_both_languages("title"))

    class Meta:
        model = Position


class EventFactory(PublishedFactory):
    kind = EventKind.MEETING
    title = factory.Sequence(lambda n: f"Meeting number {n}")
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    start_date = date(2023, 3, 27)
    end_date = date(2023, 3, 30)

    locals().update(in_both_languages("title"))

    class Meta:
        model = Event


class AgreementFactory(PublishedFactory):
    kind = AgreementKind.AGREEMENT
    title = factory.Sequence(lambda n: f"Agreement on cooperation number {n}")
    slug = factory.Sequence(lambda n: f"agreement-{n}")
    concluded_on = date(2021, 9, 16)

    locals().update(in_both_languages("title"))

    class Meta:
        model = Agreement


class PartyFactory(factory.django.DjangoModelFactory):
    agreement = factory.SubFactory(AgreementFactory)
    state = factory.SubFactory(StateFactory)
    signed_on = date(2021, 9, 16)

    class Meta:
        model = Party


class SectionFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")

    locals().update(in_both_languages("name"))

    class Meta:
        model = Section


class ArticleFactory(PublishedFactory):
    section = factory.SubFactory(SectionFactory)
    title = factory.Sequence(lambda n: f"Article number {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    lead = "What happened and why it matters."
    body = "<p>The body of the article.</p>"

    locals().update(in_both_languages("title", "lead", "body"))

    class Meta:
        model = Article


def many_unrelated_events(count=3000):
    """Enough events that PostgreSQL walks an index rather than the whole (tiny) table."""
    now = timezone.now()
    Event.objects.bulk_create(
        Event(
            end_date=date(2020, 1, 1) + timedelta(days=n % 900),
            kind=EventKind.MEETING,
            title_en=f"Other event {n}", title_ru=f"Другое событие {n}",
            slug=f"other-{n}", slug_en=f"other-{n}", slug_ru=f"other-{n}",
            start_date=date(2020, 1, 1) + timedelta(days=n % 900),
            status=PublicationStatus.PUBLISHED, published_at=now - timedelta(days=1),
        )
        for n in range(count)
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
