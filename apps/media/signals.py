"""Stored files follow their rows: deleting a photo or a document deletes its files."""

from django.db import transaction


def delete_stored_files(sender, instance, **kwargs):
    files = instance.files() if hasattr(instance, "files") else [instance.file.name]
    storage = instance.image.storage if hasattr(instance, "image") else instance.file.storage
    # After the commit: a rolled-back delete keeps its files.
    transaction.on_commit(lambda: [storage.delete(name) for name in files if name])
