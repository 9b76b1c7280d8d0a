"""Moving a model to another app without touching its rows: its content type follows it.

For data migrations: the content type keeps its id, so the permissions, the roles that hold
them, the admin log, embargo links and revisions keep pointing at the moved model.
"""

from django.db.models import Value
from django.db.models.functions import Replace


def relabel(old_app, new_app, model):
    """RunPython functions (forwards, backwards) that move `model`'s content type from
    `old_app` to `new_app`, with the model's name in its revisions' stored copies."""

    def move(apps, source, target):
        ContentType = apps.get_model("contenttypes", "ContentType")
        Version = apps.get_model("reversion", "Version")
        moving = ContentType.objects.filter(app_label=source, model=model)
        if not moving.exists():
            return
        # A row for the new label can only be one that post_migrate or a role sync made
        # early, holding nothing but its own permissions: those go, the row is reused.
        Permission = apps.get_model("auth", "Permission")
        early = ContentType.objects.filter(app_label=target, model=model)
        Permission.objects.filter(content_type__in=early).delete()
        early._raw_delete(early.db)
        Version.objects.filter(content_type__in=moving).update(
            serialized_data=Replace(
                "serialized_data",
                Value(f'"model": "{source}.{model}"'),
                Value(f'"model": "{target}.{model}"'),
            )
        )
        moving.update(app_label=target)

    def forwards(apps, schema_editor):
        move(apps, old_app, new_app)

    def backwards(apps, schema_editor):
        move(apps, new_app, old_app)

    return forwards, backwards
