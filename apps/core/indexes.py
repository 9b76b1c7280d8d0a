"""Index helpers for translated columns: one trigram index per language of the site."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db.models import Index, Q
from django.db.models.functions import Upper


def trigram_indexes(prefix, field):
    """GIN trigram indexes on UPPER(field_<language>) for every language of the site:
    what admin search and autocomplete (`icontains`) use."""
    return [
        GinIndex(
            OpClass(Upper(f"{field}_{code}"), name="gin_trgm_ops"),
            name=f"{prefix}_{field}_{code}_trgm"[:30],
        )
        for code, _name in settings.LANGUAGES
    ]


def name_trigram_indexes(prefix, field="name"):
    """GIN trigram indexes on each language's name, for the `%>` operator of name search."""
    return [
        GinIndex(
            OpClass(f"{field}_{code}", name="gin_trgm_ops"),
            name=f"{prefix}_{field}_{code}_word"[:30],
        )
        for code, _name in settings.LANGUAGES
    ]


def missing_text(fields, language):
    """Items lacking one of `fields` in `language`: the translators' to-do list."""
    condition = Q()
    for name in fields:
        column = f"{name}_{language}"
        condition |= Q(**{f"{column}__isnull": True}) | Q(**{column: ""})
    return condition


def missing_language_indexes(prefix, fields):
    """Per language, a partial index of the items lacking it, newest first: the translation
    report counts and lists them from it instead of reading every row's texts."""
    return [
        Index(
            fields=["-published_at"],
            condition=missing_text(fields, code),
            name=f"{prefix}_missing_{code}"[:30],
        )
        for code, _name in settings.LANGUAGES
    ]
