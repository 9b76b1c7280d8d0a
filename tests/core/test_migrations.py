"""Migrations: a database of the previous app layout migrates without a row changing.

Photos and embargo links were in `core`, promoted results in `news`; they move to `media`,
`newsroom` and `search` with their tables and content types.

The database is built at the migrations the previous layout ended with, filled with the demo
content, a photo revision and an embargo link, then migrated. Every table is compared whole
(row count and a digest of every value), so "a sample" is every row.
"""

import json
import os
import subprocess
import sys
import uuid
from collections import Counter, defaultdict
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.conf import settings
from django.db import connection

pytestmark = [pytest.mark.once, pytest.mark.django_db(transaction=True)]

#: The last migration of each app before photos, embargo links and promotions moved.
PREVIOUS_LAYOUT = {
    "core": "0009_photo_renditions_beside_original",
    "organisations": "0011_newest_indexes",
    "events": "0011_newest_indexes",
    "agreements": "0012_newest_indexes",
    "news": "0017_sync_roles",
}
MOVED_APPS = {"media", "newsroom", "search"}
#: Relabelled: (app before, app after, model).
MOVED_MODELS = [
    ("core", "media", "photo"),
    ("core", "newsroom", "embargolink"),
    ("news", "search", "searchpromotion"),
]

BUILD_PREVIOUS_LAYOUT = f"""
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

previous = {PREVIOUS_LAYOUT!r}
moved = {sorted(MOVED_APPS)!r}
executor = MigrationExecutor(connection)
targets = [
    (app, None if app in moved else previous.get(app, name))
    for app, name in executor.loader.graph.leaf_nodes()
]
executor.migrate(targets)
# What `migrate` does after its last migration: content types and permissions, here those of
# the previous layout's models.
executor.loader.build_graph()
state = executor.loader.project_state([target for target in targets if target[1]])
emit_post_migrate_signal(0, False, "default", apps=state.apps, plan=[])
"""

# What the previous code wrote that the demo loader does not: a photo's revision, which names
# its model "core.photo", an embargo link, and the roles' rights on the models under their
# previous labels (the old migrations call this code's `sync_roles`, whose rules know the
# models by their new apps).
ADD_PREVIOUS_ROWS = """
import datetime
from django.contrib.auth.models import Group, Permission, User
from apps.newsroom.roles import AUTHOR, EDITOR, SITE_ADMINISTRATOR, role_has

now_in = {("core", "photo"): "media", ("core", "embargolink"): "newsroom",
          ("news", "searchpromotion"): "search"}
for role in (AUTHOR, EDITOR, SITE_ADMINISTRATOR):
    group = Group.objects.get(name=role)
    for permission in Permission.objects.select_related("content_type").filter(
        content_type__app_label__in=["core", "news"]
    ):
        key = (permission.content_type.app_label, permission.content_type.model)
        action = permission.codename.split("_", 1)[0]
        if key in now_in:
            granted = role_has(role, now_in[key], key[1], permission.codename)
        elif key == ("core", "contentgeneration"):  # "core" was a content app then
            granted = role != AUTHOR or action in {"add", "change", "view"}
        else:
            continue
        (group.permissions.add if granted else group.permissions.remove)(permission)
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.utils import timezone
from reversion.models import Revision, Version
from apps.media.models import Photo
from apps.news.models import Article
from apps.newsroom.models import EmbargoLink

photo_type = ContentType.objects.get(app_label="core", model="photo")
article_type = ContentType.objects.get(app_label="news", model="article")
user = User.objects.create(username="previous-editor", is_staff=True)
photo = Photo.objects.order_by("pk").first()
data = serializers.serialize("json", [photo]).replace('"media.photo"', '"core.photo"')
revision = Revision.objects.create(
    user=user, comment="Caption changed", date_created=timezone.now()
)
Version.objects.create(
    revision=revision, object_id=str(photo.pk), content_type=photo_type, db="default",
    format="json", serialized_data=data, object_repr=str(photo),
)
EmbargoLink.objects.create(
    content_type=article_type,
    object_id=Article.objects.order_by("pk").values_list("pk", flat=True).first(),
    recipient="Sputnik, Astana bureau", created_by=user,
    expires_at=timezone.now() + datetime.timedelta(days=2),
)
"""

# After the move, the revision written by the previous code is read by this one.
READ_PREVIOUS_REVISION = """
from reversion.models import Version
from apps.media.models import Photo

photo = Photo.objects.order_by("pk").first()
version = Version.objects.get_for_object(photo).get()
assert version._object_version.object == photo, version.serialized_data[:80]
assert version.field_dict["caption_en"] == photo.caption_en
print("revision-readable")
"""


def snapshot(url, columns=None):
    """Every table's rows (digests of the `columns` each table had before, default: all of
    them), the content types, the roles' permissions and the revisions' stored copies."""
    with psycopg.connect(url) as conn:
        if columns is None:
            columns = defaultdict(list)
            for table, column in conn.execute(
                "SELECT table_name, column_name FROM information_schema.columns"
                " WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"
            ):
                columns[table].append(column)
        rows = {}
        for table, names in columns.items():
            listed = ", ".join(f'"{name}"' for name in names)
            digests = conn.execute(f'SELECT md5(ROW({listed})::text) FROM "{table}"')
            rows[table] = Counter(digest for (digest,) in digests)
        content_types = dict(
            conn.execute("SELECT id, app_label || '.' || model FROM django_content_type")
        )
        group_permissions = set(
            conn.execute(
                "SELECT g.name, ct.app_label, ct.model, p.codename FROM auth_group_permissions gp"
                " JOIN auth_group g ON g.id = gp.group_id"
                " JOIN auth_permission p ON p.id = gp.permission_id"
                " JOIN django_content_type ct ON ct.id = p.content_type_id"
            )
        )
        versions = dict(conn.execute("SELECT id, serialized_data FROM reversion_version"))
    return columns, rows, content_types, group_permissions, versions


@pytest.fixture
def previous_layout_database():
    name = f"{connection.settings_dict['NAME']}_layout_{uuid.uuid4().hex[:8]}"
    admin_url = _url(os.environ["DATABASE_URL"], "postgres")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield _url(os.environ["DATABASE_URL"], name)
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _url(url, database):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))


def manage(url, *args, tmp_path):
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_MEDIA_ROOT": str(tmp_path / "media")}
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, f"manage.py {args[0]} failed:\n{done.stderr[-2500:]}"
    return done.stdout


def test_migrating_a_database_of_the_previous_layout_changes_no_row(
    previous_layout_database, tmp_path
):
    url = previous_layout_database
    # The demo content is written by this code, then the database is taken back to the
    # previous layout, whose code is no longer here to write it.
    manage(url, "migrate", "--noinput", tmp_path=tmp_path)
    manage(url, "load_demo", tmp_path=tmp_path)
    manage(url, "shell", "-c", BUILD_PREVIOUS_LAYOUT, tmp_path=tmp_path)
    manage(url, "shell", "-c", ADD_PREVIOUS_ROWS, tmp_path=tmp_path)
    columns, before, types_before, roles_before, versions_before = snapshot(url)
    assert {"core.photo", "core.embargolink", "news.searchpromotion"} <= set(types_before.values())
    assert "core_autosave" not in columns  # the previous layout, not this one

    manage(url, "migrate", "--noinput", tmp_path=tmp_path)
    _columns, after, types_after, roles_after, versions_after = snapshot(url, columns)

    bookkeeping = {"django_migrations", "django_content_type", "reversion_version"}
    # New models bring their own permissions; every permission there was is still there.
    grows = {"auth_permission"}
    for table in before.keys() - bookkeeping - {"auth_group_permissions"}:
        if table in grows:
            assert not before[table] - after[table], table
        else:
            assert after[table] == before[table], table

    # Content types keep their ids (so permissions, the log, links and revisions follow);
    # only the three moved models change app.
    relabelled = {f"{old}.{model}": f"{new}.{model}" for old, new, model in MOVED_MODELS}
    expected = {pk: relabelled.get(label, label) for pk, label in types_before.items()}
    assert {pk: types_after[pk] for pk in types_before} == expected
    assert set(types_after.values()) - set(expected.values()) <= {"core.autosave"}

    # Revisions: the same rows, the moved model named by its new app in the stored copy.
    assert versions_after.keys() == versions_before.keys()
    for pk, data in versions_before.items():
        expected = data.replace('"model": "core.photo"', '"model": "media.photo"')
        assert json.loads(versions_after[pk]) == json.loads(expected)
    assert any('"core.photo"' in data for data in versions_before.values())

    # Roles: the same rights on every moved model; the content generation, which no one
    # edits, is in none of them any more.
    def moved(row):
        group, app, model, codename = row
        return (group, relabelled.get(f"{app}.{model}", f"{app}.{model}"), codename)

    assert {moved(row) for row in roles_after} == {
        moved(row) for row in roles_before if row[2] != "contentgeneration"
    }
    assert any(row[2] == "photo" and row[1] == "media" for row in roles_after)

    assert "revision-readable" in manage(
        url, "shell", "-c", READ_PREVIOUS_REVISION, tmp_path=tmp_path
    )
    # And the state the migrations describe is the models' own.
    manage(url, "makemigrations", "--check", "--dry-run", tmp_path=tmp_path)
