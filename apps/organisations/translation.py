"""Which organisation and person fields exist once per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from apps.organisations.models import Country, Organisation, Person, Position


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ["name"]


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ["name", "slug", "short_name", "description"]
    required_languages = {"default": ["name"]}


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ["name", "slug", "sort_name", "rank", "biography"]


@register(Position)
class PositionTranslation(TranslationOptions):
    fields = ["title"]
