"""Which fields of the shared models exist once per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from apps.media.models import Photo


@register(Photo)
class PhotoTranslation(TranslationOptions):
    fields = ["alt_text", "caption", "credit"]
