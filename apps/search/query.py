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
from django.core.exceptions import EmptyResultSet
from django.db import connections, models
from django.db.models import F, Func, Q, Value
from django.db.models.functions import Greatest, Now, Upper
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.agreements.models import Agreement
from apps.core.fields import TEXT_SEARCH_CONFIGS
from apps.core.languages import localized
from apps.core.models import PublishableQuerySet
from apps.core.slugs import CYRILLIC_TO_LATIN, transliterate
from apps.events.models import Event
from apps.news.models import Article
from apps.organisations.models import Organisation, Person

MAX_QUERY_LENGTH = 200
#: Relevance is computed over the most recent matches only: ranking every match of a very
#: common word would read the whole archive. Dates still reach every match.
RANKED_CANDIDATES = 200
#: Counts stop here (“1000+”): an exact count of a common word costs a full scan.
COUNT_LIMIT = 1000
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


def plain(model):
    """The model's rows through a plain queryset, not modeltranslation's.

    Every column here is named with its language already; modeltranslation's rewriting of
    each lookup and annotation costs more than some of the queries (the instances still
    read their translations as usual).
    """
    return PublishableQuerySet(model=model)


def matching(kind, text, filters=None):
    """Published items of `kind` that match `text` (and the filters), unranked."""
    model = kind.model
    matches = Q(search=text_query(text))
    queryset = plain(model).public()
    if filters is not None:
        queryset = filters.filter(kind, queryset)
    if kind.names:
        # The trigram operator finds candidate names through the GIN index; their exact
        # similarity is computed for those only.
        for variant in {text, transliterate(text), cyrillicise(text)}:
            for code, _name in settings.LANGUAGES:
                matches |= Q(**{f"name_{code}__trigram_word_similar": variant})
    return queryset.filter(matches)


def candidates(kinds, text, filters=None):
    """{kind key: primary keys of its matches, newest first, up to COUNT_LIMIT + 1}.

    One query for every kind (a UNION ALL of one branch per kind) gives both the capped
    counts and the items worth ranking: a rare word's matches come from the GIN index, a
    common word's from the newest rows by date.
    """
    found = {kind.key: [] for kind in kinds}
    branches, params, db = [], [], None
    for kind in kinds:
        queryset = matching(kind, text, filters).order_by("-published_at", "-pk")
        try:
            sql, branch_params = queryset.values("pk")[: COUNT_LIMIT + 1].query.sql_with_params()
        except EmptyResultSet:  # a filter that excludes this kind: none()
            continue
        branches.append(f"(SELECT %s AS kind, pk FROM ({sql}) AS matches)")
        params += [kind.key, *branch_params]
        db = queryset.db
    if not branches:
        return found
    # Straight from the cursor: a few thousand keys need none of the ORM's per-row work.
    with connections[db].cursor() as cursor:
        cursor.execute(" UNION ALL ".join(branches), params)
        for key, pk in cursor.fetchall():
            found[key].append(pk)
    return found


def search(kind, text, *, sort="relevance", filters=None, pks=None):
    """Matching items of `kind`, best first, with `search_rank` and a `snippet`.

    With `pks` (from `candidates`), only those are ranked: all matches of a rare word, the
    RANKED_CANDIDATES newest of a common one.
    """
    query = text_query(text)
    if pks is None:
        pks = candidates([kind], text, filters)[kind.key]
    if sort != "date":
        pks = pks[:RANKED_CANDIDATES]
    queryset = plain(kind.model).filter(pk__in=pks).select_related(*kind.select_related)
    # Newer items rank higher: the boost halves after about a year.
    age_in_days = Func(
        Now() - F("published_at"),
        template="EXTRACT(EPOCH FROM %(expressions)s) / 86400",
        output_field=models.FloatField(),
    )
    rank = SearchRank(F("search"), query, cover_density=True) * (1 + 1 / (1 + age_in_days / 365))
    if kind.names:
        rank = rank + name_similarity(text)
    snippet_source = localized(kind.snippet_field)
    if kind.html_snippet:
        snippet_source = Func(
            snippet_source, Value("<[^>]+>"), Value(" "), Value("g"), function="regexp_replace",
            output_field=models.TextField(),
        )  # fmt: skip
    queryset = queryset.annotate(
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
    """The closest title or name when nothing matched: “Did you mean …?”.

    The `%>` operator on UPPER(title) uses the trigram indexes the admin search uses, so this
    stays fast on a large archive.
    """
    best, best_similarity = None, 0.0
    wanted = text.upper()
    for kind in KINDS:
        column = f"{kind.model.translation_field}_{get_language()}"
        candidate = (
            kind.model.objects.public()
            .annotate(upper_label=Upper(column))
            .filter(upper_label__trigram_word_similar=wanted)
            .annotate(similarity=TrigramWordSimilarity(Value(wanted), "upper_label"))
            .order_by("-similarity")
            .first()
        )
        if candidate and candidate.similarity > best_similarity:
            best, best_similarity = candidate, candidate.similarity
    return best
