"""Which news fields exist once per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from apps.news.models import Article, Correction, Section


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ["name", "description"]


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ["title", "slug", "lead", "body", "dateline_city"]


@register(Correction)
class CorrectionTranslation(TranslationOptions):
    fields = ["text"]
