"""Site search over everything public, on PostgreSQL alone.

Each searchable model keeps a generated, GIN-indexed tsvector (`search`) with every
language's text stemmed by its own configuration. A query is parsed with
websearch_to_tsquery (words, "phrases", -exclusions, OR) in every language, ranked by
ts_rank_cd (titles weigh more) with a boost for recent items, and shown with a ts_headline
snippet. Names also match by trigram similarity, in both scripts, so typos and
transliterations still find people and organisations.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramWordSimilarity,
)
from django.db import models
from django.db.models import F, Func, Q, Value
from django.db.models.functions import Greatest, Now
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.agreements.models import Agreement
from apps.core.models import TEXT_SEARCH_CONFIGS, localized
from apps.core.text import CYRILLIC_TO_LATIN, transliterate
from apps.events.models import Event
from apps.news.models import Article
from apps.organisations.models import Organisation, Person

MAX_QUERY_LENGTH = 200
NAME_SIMILARITY = 0.45
MARK_START, MARK_END = "\x02", "\x03"


@dataclass
class Kind:
    key: str
    label: str
    model: type
    snippet_field: str
    html_snippet: bool = False
    names: bool = False
    select_related: list = field(default_factory=list)


KINDS = [
    Kind("articles", _("News"), Article, "body", html_snippet=True, select_related=["section"]),
    Kind("events", _("Events"), Event, "description"),
    Kind("agreements", _("Agreements"), Agreement, "summary"),
    Kind("organisations", _("Organisations"), Organisation, "description", names=True),
    Kind("people", _("People"), Person, "biography", names=True),
]
KINDS_BY_KEY = {kind.key: kind for kind in KINDS}


def normalise(raw):
    """The query as searched, and whether it had to be shortened."""
    text = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in raw or ""
    )
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > MAX_QUERY_LENGTH:
        return text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH], True
    return text, False


LATIN_TO_CYRILLIC = sorted(
    (
        (latin, cyrillic)
        for cyrillic, latin in CYRILLIC_TO_LATIN.items()
        if latin and cyrillic < "ѐ"
    ),
    key=lambda pair: -len(pair[0]),
)


def cyrillicise(text):
    """A rough Latin-to-Cyrillic reading, for names typed in Latin letters."""
    result, lower, i = [], text.lower(), 0
    while i < len(lower):
        for latin, cyrillic in LATIN_TO_CYRILLIC:
            if lower.startswith(latin, i):
                result.append(cyrillic)
                i += len(latin)
                break
        else:
            result.append(lower[i])
            i += 1
    return "".join(result)


def text_query(text):
    """One tsquery matching the text in every language's stemming, accents ignored."""
    unaccented = Func(Value(text), function="public.immutable_unaccent")
    query = None
    for code, _name in settings.LANGUAGES:
        part = SearchQuery(
            unaccented, config=TEXT_SEARCH_CONFIGS.get(code, "simple"), search_type="websearch"
        )
        query = part if query is None else query | part
    return query


def name_similarity(text):
    """How closely the text matches a name, in either script and either language."""
    variants = {text, transliterate(text), cyrillicise(text)}
    return Greatest(
        *(
            TrigramWordSimilarity(Value(variant), f"name_{code}")
            for variant in variants
            for code, _name in settings.LANGUAGES
        ),
        output_field=models.FloatField(),
    )


def search(kind, text, *, sort="relevance"):
    """Published items of `kind` matching `text`, best first, with `rank` and `snippet`."""
    model = kind.model
    query = text_query(text)
    matches = Q(search=query)
    queryset = model.objects.published().select_related(*kind.select_related)
    if kind.names:
        queryset = queryset.annotate(similarity=name_similarity(text))
        matches |= Q(similarity__gte=NAME_SIMILARITY)
    # Newer items rank higher: the boost halves after about a year.
    age_in_days = Func(
        Now() - F("published_at"),
        template="EXTRACT(EPOCH FROM %(expressions)s) / 86400",
        output_field=models.FloatField(),
    )
    rank = SearchRank(F("search"), query, cover_density=True) * (1 + 1 / (1 + age_in_days / 365))
    if kind.names:
        rank = rank + F("similarity")
    snippet_source = localized(kind.snippet_field)
    if kind.html_snippet:
        snippet_source = Func(
            snippet_source, Value("<[^>]+>"), Value(" "), Value("g"), function="regexp_replace",
            output_field=models.TextField(),
        )  # fmt: skip
    queryset = queryset.filter(matches).annotate(
        search_rank=rank,
        snippet=SearchHeadline(
            snippet_source,
            query,
            config=TEXT_SEARCH_CONFIGS.get(get_language(), "simple"),
            start_sel=MARK_START,
            stop_sel=MARK_END,
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        ),
    )
    order = ["-published_at", "-pk"] if sort == "date" else ["-search_rank", "-published_at", "-pk"]
    return queryset.order_by(*order)


def highlighted(snippet):
    """A ts_headline snippet, escaped, with only our own <mark> tags added."""
    text = escape(snippet or "")
    return mark_safe(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def suggestion(text):
    """The closest title or name when nothing matched: “Did you mean …?”."""
    best = None
    for kind in KINDS:
        field_name = kind.model.translation_field
        candidate = (
            kind.model.objects.published()
            .annotate(similarity=TrigramWordSimilarity(Value(text), localized(field_name)))
            .filter(similarity__gte=0.3)
            .order_by("-similarity")
            .first()
        )
        if candidate and (best is None or candidate.similarity > best.similarity):
            best = candidate
    return best
