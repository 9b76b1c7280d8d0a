"""`manage.py create_demo_superuser`: the first newsroom login of `make run`, printed once."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the staff superuser `admin` with a random password, printed once, "
        "if the site has no superuser yet."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "Admin login: the superuser created on the first run (its password was printed "
                f"then). New password: python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login (shown once): username {username}  password {password}"
            )
        )
