"""Index helpers for translated columns: one trigram index per language of the site."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
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
