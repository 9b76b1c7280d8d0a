"""The newsroom's roles and their rights, applied by data migrations.

Roles are described by rules over permission codenames rather than by fixed lists, so a
model added later gets the right permissions when the next migration calls `sync_roles`.
"""

from django.utils.translation import gettext_noop

AUTHOR = gettext_noop("Author")
EDITOR = gettext_noop("Editor")
SITE_ADMINISTRATOR = gettext_noop("Site administrator")

CONTENT_APPS = {"core", "organisations", "events", "agreements", "news"}
#: Editorial decisions that authors leave to editors.
EDITORS_ONLY = {"embargolink", "correction", "searchpromotion"}
#: Structure of the site rather than content: only site administrators change it.
STRUCTURE_MODELS = {("news", "section")}
#: Shared reference data printed on public pages (country names, agreement subjects):
#: Authors use them in their drafts; changing them is an editor's decision.
REFERENCE_MODELS = {("organisations", "country"), ("agreements", "subject")}


def role_has(role, app_label, model, codename):
    action = codename.split("_", 1)[0]
    if role == SITE_ADMINISTRATOR:
        return app_label in CONTENT_APPS | {"auth", "reversion", "admin"}
    if app_label not in CONTENT_APPS:
        return False
    if (app_label, model) in STRUCTURE_MODELS:
        return action == "view"
    if role == EDITOR:
        return True
    if (app_label, model) in REFERENCE_MODELS:
        return action == "view"
    # Authors write and edit drafts; publishing, embargo links and deleting are editors' work
    # (and "publish_photo": changing a photo that a public item shows).
    return action in {"add", "change", "view"} and model not in EDITORS_ONLY


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
