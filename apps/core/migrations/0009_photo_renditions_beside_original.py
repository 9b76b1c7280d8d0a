"""Photo renditions move from photos/renditions/<id>/ into their original's random folder.

The old addresses could be guessed from the photo's sequential id; the new ones are as
unguessable as the original's. A rendition whose file is missing (or cannot be copied) is
left as it was, in the folder and in the list: the migration never stops on it. Old files
are deleted only once the new list is committed.

The field's new class (PhotoImageField) changes nothing in the database.
"""

import contextlib
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.db import migrations, transaction

import apps.media.models


def new_name(original_name, name):
    # apps.media.models.rendition_path as it was when this migration was written.
    return str(PurePosixPath(original_name).parent / "renditions" / PurePosixPath(name).name)


def move(storage, old, new):
    """Copy `old` to `new`; the name it was stored under, or None when `old` is unusable."""
    try:
        if not storage.exists(old):
            # Moved by an earlier run whose list update was lost, or simply missing.
            return new if storage.exists(new) else None
        with storage.open(old, "rb") as handle:
            data = handle.read()
        storage.delete(new)  # a copy left behind by an interrupted run
        return storage.save(new, ContentFile(data))
    except OSError:
        return None


def move_renditions_beside_originals(apps, schema_editor):
    Photo = apps.get_model("core", "Photo")
    storage = Photo._meta.get_field("image").storage
    for photo in Photo.objects.exclude(image="").order_by("pk").iterator():
        renditions, moved_from = [], []
        for rendition in photo.renditions:
            old = rendition["name"]
            target = new_name(photo.image.name, old)
            stored = None if target == old else move(storage, old, target)
            if stored is None:
                renditions.append(rendition)
            else:
                renditions.append({**rendition, "name": stored})
                moved_from.append(old)
        if moved_from:
            Photo.objects.filter(pk=photo.pk).update(renditions=renditions)
            transaction.on_commit(lambda names=moved_from: delete_quietly(storage, names))


def delete_quietly(storage, names):
    for name in names:
        with contextlib.suppress(OSError):
            storage.delete(name)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0008_photo_publish_permission"),
    ]

    operations = [
        migrations.AlterField(
            model_name="photo",
            name="image",
            field=apps.media.models.PhotoImageField(
                height_field="height",
                help_text=(
                    "JPEG, PNG, WebP or GIF. Location and camera data are removed when it is saved."
                ),
                upload_to=apps.media.models.photo_upload_to,
                validators=[apps.media.models.validate_photo],
                verbose_name="image file",
                width_field="width",
            ),
        ),
        # Backwards: nothing to do. Code before this change reads each rendition's address
        # from the list, so renditions in the new place keep working with it.
        migrations.RunPython(move_renditions_beside_originals, migrations.RunPython.noop),
    ]
