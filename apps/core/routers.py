"""Public reads from a read replica, everything else from the primary.

With DATABASE_REPLICA_URL set, the pages visitors read (anonymous GET requests of public
addresses) query the replica; writes, the newsroom, previews, embargo links and the
content generation of the page cache always use the primary. A replica lags its primary
by a moment; the content generation records the primary's WAL position when it begins, and
a public request reads the replica only once the replica has replayed up to it
(`replica_has_replayed`). Until then it reads the primary: a page made from a replica that
has not yet seen an unpublication is never served, nor cached under the new generation.
"""

import contextvars
import logging

from django.conf import settings
from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

REPLICA = "replica"
public_read = contextvars.ContextVar("public_read", default=False)
#: The last WAL position this process saw the replica replay: no need to ask again for it.
_replayed = {"lsn": None}


def replica_in_use():
    return "apps.core.routers.ReplicaRouter" in settings.DATABASE_ROUTERS


def replica_has_replayed(lsn):
    """Whether the replica has replayed the primary's log up to `lsn` (a pg_lsn as text).

    Asked once per position and process. A server that is not a standby (a promoted
    replica, the test mirror) has nothing to replay. An unreachable replica has not.
    """
    if not lsn or _replayed["lsn"] == lsn:
        return True
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute("SELECT COALESCE(pg_last_wal_replay_lsn() >= %s::pg_lsn, true)", [lsn])
            caught_up = cursor.fetchone()[0]
    except DatabaseError:
        logger.warning("The replica did not answer; reading from the primary", exc_info=True)
        return False
    if caught_up:
        _replayed["lsn"] = lsn
    return caught_up


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if public_read.get() and model._meta.label != "core.ContentGeneration":
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: one database, two doors

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
