"""`manage.py restore ARCHIVE`: an archive back into an empty installation, checked."""

from django.core.management.base import BaseCommand, CommandError

from apps.newsroom.backups import BackupError, restore


class Command(BaseCommand):
    help = "Bring a backup archive back into an empty database and media folder, and check it."

    def add_arguments(self, parser):
        parser.add_argument("archive")

    def handle(self, *args, archive, **options):
        try:
            manifest = restore(archive)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            f"Restored the backup of {manifest['created']}: {rows} rows in "
            f"{len(manifest['rows'])} tables and {len(manifest['files'])} files, all checked."
        )
