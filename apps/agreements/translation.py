"""Which agreement fields exist once per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from apps.agreements.models import Agreement, Subject


@register(Subject)
class SubjectTranslation(TranslationOptions):
    fields = ["name"]


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = [
        "title",
        "slug",
        "short_title",
        "summary",
        "place_of_conclusion",
        "entry_into_force_condition",
    ]
