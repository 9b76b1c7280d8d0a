"""`manage.py backup`: the database and the media files in one archive."""

from django.core.management.base import BaseCommand, CommandError

from apps.newsroom.backups import BackupError, backup


class Command(BaseCommand):
    help = "Write one archive with the database (pg_dump) and every stored file."

    def add_arguments(self, parser):
        parser.add_argument("--output", default="backups", help="Folder for the archive.")

    def handle(self, *args, output, **options):
        try:
            archive = backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written: {archive}")
