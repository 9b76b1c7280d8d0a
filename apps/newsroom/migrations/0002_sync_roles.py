from django.db import migrations

from apps.newsroom.roles import sync_roles


class Migration(migrations.Migration):
    """The roles after the move of photos, embargo links and promoted results to their own
    apps: the same rights on them; the content generation, which no one edits, is in none."""

    dependencies = [
        ("newsroom", "0001_embargolink_moved_from_core"),
        ("core", "0010_photos_and_embargo_links_moved"),
        ("media", "0001_photo_moved_from_core"),
        ("search", "0001_searchpromotion_moved_from_news"),
        ("news", "0018_photos_and_promotions_moved"),
        ("organisations", "0012_photos_moved"),
        ("events", "0012_photos_moved"),
        ("agreements", "0012_newest_indexes"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
