"""Public reads from a read replica, everything else from the primary.

With DATABASE_REPLICA_URL set, the pages visitors read (anonymous GET requests of public
addresses) query the replica; writes, the newsroom, previews, embargo links and the
content generation of the page cache always use the primary. A replica lags its primary
by a moment: a visitor may see an edit a moment late, never a draft (drafts are filtered
the same way on both).
"""

import contextvars

REPLICA = "replica"
public_read = contextvars.ContextVar("public_read", default=False)


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
