"""Which event fields exist once per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from apps.events.models import Event


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ["title", "slug", "venue", "city", "description", "outcome"]
