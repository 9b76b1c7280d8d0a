from django.db import migrations

from apps.newsroom.roles import sync_roles


class Migration(migrations.Migration):
    """The newsroom's groups: Author, Editor, Site administrator (see apps/newsroom/roles.py)."""

    dependencies = [
        ("news", "0001_initial"),
        ("agreements", "0002_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("admin", "0003_logentry_add_action_flag_choices"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
