"""make backup / make restore: a round trip into an empty installation loses nothing."""

import uuid

import pytest
from django.db import connection

from apps.newsroom.backups import BackupError, _connect, backup, media_files, restore, row_counts
from tests.factories import ArticleFactory, OrganisationFactory, PhotoFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def empty_database():
    """A new, empty database on the same server, dropped afterwards."""
    name = f"cstonews_restore_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_comes_back_whole(settings, tmp_path, empty_database):
    article = ArticleFactory(title_en="Summit opens", main_image=PhotoFactory())
    article.organisations.add(OrganisationFactory(name="CSTO"))
    before_rows, before_files = row_counts(), media_files(settings.MEDIA_ROOT)
    assert before_rows["news_article"] == 1
    assert len(before_files) > 1  # the original and its renditions

    archive = backup(tmp_path / "backups")

    settings.MEDIA_ROOT = tmp_path / "restored-media"
    manifest = restore(archive, database=empty_database)
    assert manifest["rows"] == before_rows
    assert row_counts(empty_database) == before_rows
    assert media_files(settings.MEDIA_ROOT) == before_files
    with _connect(empty_database) as restored:
        assert restored.execute("SELECT title_en FROM news_article").fetchone() == ("Summit opens",)
        # The search column is generated again, and the planner costs come back too.
        found = restored.execute("SELECT count(*) FROM news_article WHERE search @@ 'summit'")
        assert found.fetchone() == (1,)
        cost = restored.execute("SELECT procost FROM pg_proc WHERE proname = 'similarity_op'")
        assert cost.fetchone() == (100,)


def test_a_restore_refuses_an_installation_that_is_not_empty(settings, tmp_path):
    ArticleFactory()
    archive = backup(tmp_path / "backups")
    with pytest.raises(BackupError, match="not empty"):
        restore(archive)
    assert row_counts()["news_article"] == 1  # nothing was touched
