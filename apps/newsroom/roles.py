"""The newsroom's roles and their rights, applied by data migrations.

Roles are described by rules over permission codenames rather than by fixed lists, and each
app declares its own models' rules on its AppConfig (`app_rules`), so a model added later
gets the right permissions when the next migration calls `sync_roles`.
"""

from django.apps import apps as django_apps
from django.utils.translation import gettext_noop

from apps.core.apps import holds_public_content

AUTHOR = gettext_noop("Author")
EDITOR = gettext_noop("Editor")
SITE_ADMINISTRATOR = gettext_noop("Site administrator")


def app_rules(app_label):
    """What `app_label` declares on its AppConfig about the newsroom's work on its models,
    or None when its models are not newsroom work (Django's own apps, the demo).

    - `public_content = True`: authors write its items, editors publish them;
    - `editors_only_models`: editorial decisions authors leave to editors;
    - `structure_models`: the site's structure, changed only by site administrators;
    - `reference_models`: shared reference data printed on public pages (country names,
      agreement subjects): authors use them in their drafts, editors change them.
    """
    try:
        config = django_apps.get_app_config(app_label)
    except LookupError:
        return None
    if holds_public_content(config) or getattr(config, "editors_only_models", ()):
        return config
    return None


def newsroom_app_labels():
    return {config.label for config in django_apps.get_app_configs() if app_rules(config.label)}


def role_has(role, app_label, model, codename):
    action = codename.split("_", 1)[0]
    rules = app_rules(app_label)
    if role == SITE_ADMINISTRATOR:
        return rules is not None or app_label in {"auth", "reversion", "admin"}
    if rules is None:
        return False
    if model in getattr(rules, "structure_models", ()):
        return action == "view"
    if role == EDITOR:
        return True
    if model in getattr(rules, "reference_models", ()):
        return action == "view"
    # Authors write and edit drafts; publishing, embargo links and deleting are editors' work
    # (and "publish_photo": changing a photo that a public item shows).
    return action in {"add", "change", "view"} and model not in getattr(
        rules, "editors_only_models", ()
    )


def sync_roles(apps, schema_editor=None):
    """Create the three groups and give each exactly the permissions its rules allow."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(Permission.objects.select_related("content_type"))
    for role in [AUTHOR, EDITOR, SITE_ADMINISTRATOR]:
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.set(
            p
            for p in permissions
            if role_has(role, p.content_type.app_label, p.content_type.model, p.codename)
        )
