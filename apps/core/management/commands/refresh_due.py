"""Notice the items that go live or away by themselves, and refresh their pages.

Any public request at the origin notices a scheduled change; with a shared cache in front,
the origin may see none for a while. This command asks, as often as told, so that a
scheduled statement appears on time (docker-compose.yml runs it beside the web service).
"""

import time

from django.core.management.base import BaseCommand

from apps.core import generation


class Command(BaseCommand):
    help = "Refresh the public pages of scheduled items that came due (once, or --every N s)."

    def add_arguments(self, parser):
        parser.add_argument("--every", type=float, default=0, help="repeat every N seconds")

    def handle(self, *args, every, **options):
        while True:
            generation.forget()
            generation.current_generation()
            if not every:
                return
            time.sleep(every)
