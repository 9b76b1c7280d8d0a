"""load_demo: a second run changes nothing; the sample page, scaled content, both languages."""

import pytest
from django.apps import apps
from django.core.management import call_command

from apps.agreements.models import Agreement, AgreementStatus
from apps.events.models import Event
from apps.news.models import Article
from apps.organisations.models import Person

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [
    m
    for m in apps.get_models()
    if m._meta.app_label
    in {"core", "media", "newsroom", "organisations", "events", "agreements", "news", "search"}
]


def snapshot():
    """Every row of every content model, timestamps included."""
    return {
        model._meta.label: sorted(map(repr, model.objects.values_list()))
        for model in CONTENT_MODELS
    } | {
        through._meta.label: sorted(map(repr, through.objects.values_list()))
        for model in CONTENT_MODELS
        for field in model._meta.many_to_many
        for through in [field.remote_field.through]
    }


def test_load_demo_twice_changes_nothing():
    call_command("load_demo", verbosity=0)
    first = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == first


def test_demo_reproduces_the_sample_page():
    call_command("load_demo", verbosity=0)
    article = Article.objects.get(slug__startswith="secretary-general-and-deputy-prime-minister")
    assert article.is_published
    assert article.is_featured
    assert article.dateline == "ASTANA, March 1 - Sputnik"
    assert article.published_at.strftime("%d.%m.%Y") == "01.03.2023"
    assert (
        article.main_image.credit == "Press Service of the Ministry of Industry and Trade of Russia"
    )
    assert "more than sixty documents" in article.body
    assert "will be held for the first time" in article.body
    assert {p.name for p in article.people.all()} == {"Imangali Tasmagambetov", "Denis Manturov"}

    training = Event.objects.get(slug="crrf-special-forces-training-2023")
    assert (training.start_date.isoformat(), training.end_date.isoformat()) == (
        "2023-03-27",
        "2023-03-30",
    )
    meeting = Event.objects.get(slug="illegal-headquarters-meeting-2023-03-28")
    assert meeting.chair.name == "Valentina Kazakova"
    assert meeting.chair.rank == "Lieutenant General of Police"

    agreement = Agreement.objects.get(slug="agreement-on-jurisdiction-and-legal-assistance-2021")
    assert agreement.place_of_conclusion == "Dushanbe"
    assert agreement.concluded_on.isoformat() == "2021-09-16"
    assert agreement.agreement_status == AgreementStatus.IN_FORCE
    assert agreement.parties.count() == 6
    assert Agreement.objects.filter(concluded_on="2022-11-23", kind="decision").exists()
    assert Event.objects.filter(slug="icmec-21st-meeting", city="Dushanbe").exists()
    assert Event.objects.filter(slug="interpolitech-forum-2024").exists()

    manturov = Person.objects.get(slug="denis-manturov")
    titles_then = {p.title for p in manturov.positions.held_on(article.published_at.date())}
    assert titles_then == {"Deputy Prime Minister", "Minister of Industry and Trade", "Chairman"}


def test_scale_adds_related_content_in_bulk():
    call_command("load_demo", verbosity=0)
    before = Article.objects.count()
    call_command("load_demo", scale=200, seed=7, verbosity=0)
    assert Article.objects.count() == before + 200
    assert Article.objects.published().count() == before + 200
    assert Event.objects.count() >= 20
    scaled = Article.objects.filter(slug__startswith="article-").first()
    assert scaled.organisations.exists()
    assert scaled.people.exists()
    assert scaled.events.exists()
    # A second scaled run adds more instead of clashing with the first one's slugs.
    call_command("load_demo", scale=50, verbosity=0)
    assert Article.objects.count() == before + 250


def test_demo_content_is_complete_in_russian_and_english():
    from modeltranslation.translator import translator

    call_command("load_demo", verbosity=0)
    missing = []
    for model in translator.get_registered_models():
        for field in translator.get_options_for_model(model).all_fields:
            for item in model._default_manager.all():
                if getattr(item, f"{field}_en") and not getattr(item, f"{field}_ru"):
                    missing.append(f"{model.__name__}.{field}: {getattr(item, f'{field}_en')}")
    assert not missing, missing


def test_russian_sample_article_reads_in_russian(client):
    from django.utils import translation

    call_command("load_demo", verbosity=0)
    article = Article.objects.get(slug__startswith="secretary-general-and-deputy-prime-minister")
    with translation.override("ru"):
        html = client.get(article.get_absolute_url()).content.decode()
    assert "Генеральный секретарь ОДКБ и вице-премьер России обсудили" in html
    assert "АСТАНА, 1 марта - Спутник." in html
    assert "© Фото: Пресс-служба Министерства промышленности и торговли России" in html
    assert "Денис Мантуров</a>, Заместитель Председателя Правительства" in html
