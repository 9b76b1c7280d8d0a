from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """pg_trgm for fast substring and fuzzy matching, unaccent for accent-blind search."""

    dependencies = [("core", "0001_initial")]

    operations = [TrigramExtension(), UnaccentExtension()]
