from django.db import migrations

from apps.newsroom.roles import sync_roles


class Migration(migrations.Migration):
    """Promoted search results are an editor's decision (see apps/core/roles.py)."""

    dependencies = [("news", "0013_searchpromotion")]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
