"""`manage.py load_demo [--scale N]`: the sample page's content, and N more articles for
benchmarks.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from apps.core.generation import public_content_changed
from apps.demo.content import load_sample
from apps.demo.scale import load_scale


class Command(BaseCommand):
    help = (
        "Create the demo content of the sample page (idempotent). With --scale N, also add N "
        "plausible articles with related events, agreements, organisations and people."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=0, metavar="N")
        parser.add_argument("--seed", type=int, default=None, help="Random seed for --scale.")

    def handle(self, *args, scale, seed, **options):
        if scale < 0:
            raise CommandError("--scale must be a positive number of articles.")
        articles = load_sample()
        # Loaded outside the newsroom and its services: the public pages start afresh.
        public_content_changed()
        self.stdout.write(f"Demo content ready: {len(articles)} sample articles.")
        if scale:
            counts = load_scale(scale, seed=seed, progress=options["verbosity"] > 0)
            self.stdout.write(
                "Added " + ", ".join(f"{count} {name}" for name, count in counts.items()) + "."
            )
            # Fresh statistics and visibility maps, as autovacuum would leave them later:
            # the first queries after a bulk load are otherwise planned blind.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")
