"""Search latency at the current data size: `make bench-search` (100,000 articles)."""

import json
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.models import Q
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import reverse
from django.utils import translation

from apps.news.models import Article
from apps.organisations.models import Person
from apps.search import query as search

QUERIES = {
    "one word": ("en", "security"),
    "two words": ("en", "border security"),
    "phrase": ("en", '"collective security"'),
    "name with a typo": ("en", "Tasmagambetof"),
    "Russian word form": ("ru", "встречей"),
    "transliterated name": ("ru", "Tasmagambetov"),
}


class Command(BaseCommand):
    help = "Measure search latency (in-process, p50/p95) and check that the GIN index is used."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=30)

    def handle(self, *args, runs, **options):
        setup_test_environment()  # lets the client see the page's context (result counts)
        client = Client(headers={"Accept-Language": "en"})
        rows = []
        for name, (language, query) in QUERIES.items():
            with translation.override(language):
                url = reverse("search:results")
            timings = []
            for _ in range(runs + 2):
                start = time.perf_counter()
                response = client.get(url, {"q": query}, HTTP_HOST=settings.ALLOWED_HOSTS[0])
                timings.append((time.perf_counter() - start) * 1000)
            first = round(timings[0], 1)
            timings = sorted(timings[2:])  # the first runs warm PostgreSQL's buffers
            rows.append({
                "query": name, "text": query, "status": response.status_code, "first_ms": first,
                "results": response.context["total"] if response.context else None,
                "p50_ms": round(statistics.median(timings), 1),
                "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
            })  # fmt: skip
        plan = self.explain(Article, Q(search=search.text_query("Tasmagambetov")))
        names_plan = self.explain(
            Person, Q(name_en__trigram_word_similar="Tasmagambetof")
            | Q(name_ru__trigram_word_similar="Тасмагамбетоф")
        )  # fmt: skip
        report = {"articles": Article.objects.count(), "runs": runs, "queries": rows,
                  "uses_gin_index": "article_search_idx" in plan,
                  "names_use_trigram_index": "person_name_" in names_plan}  # fmt: skip
        self.stdout.write(f"Search at {report['articles']} articles, {runs} runs per query")
        self.stdout.write(
            f"{'query':24} {'results':>8} {'first ms':>9} {'p50 ms':>8} {'p95 ms':>8}"
        )
        for row in rows:
            self.stdout.write(
                f"{row['query']:24} {row['results']!s:>8} {row['first_ms']:>9} "
                f"{row['p50_ms']:>8} {row['p95_ms']:>8}"
            )
        self.stdout.write(f"GIN index used: {report['uses_gin_index']}")
        self.stdout.write(f"Names through the trigram index: {report['names_use_trigram_index']}")
        out = Path(__file__).with_name("results")
        out.mkdir(parents=True, exist_ok=True)
        (out / "search.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))

    def explain(self, model, condition):
        # A rare word or name: the planner must go through the index, as at any real size.
        sql, params = model.objects.published().filter(condition).query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN {sql}", params)
            return "\n".join(row[0] for row in cursor.fetchall())
