"""Apps declare on their AppConfig what core and the newsroom need to know; core names none."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

from apps.core.apps import check_publishable_apps_declare_public_content, public_content_models
from apps.newsroom.roles import AUTHOR, EDITOR, role_has


def test_every_app_with_publishable_items_declares_public_content():
    assert check_publishable_apps_declare_public_content() == []


def test_an_app_that_forgets_its_declaration_is_reported(monkeypatch):
    monkeypatch.setattr(apps.get_app_config("events"), "public_content", False)
    errors = check_publishable_apps_declare_public_content()
    assert [(error.id, error.obj._meta.label) for error in errors] == [
        ("core.E001", "events.Event")
    ]


def test_the_content_generation_watches_the_declared_apps_only(monkeypatch):
    labels = {model._meta.app_label for model in public_content_models()}
    assert labels == {"media", "organisations", "events", "agreements", "news"}


def test_roles_follow_each_apps_declarations(monkeypatch):
    assert role_has(AUTHOR, "news", "article", "change_article")
    assert not role_has(AUTHOR, "news", "correction", "add_correction")  # editors only
    assert role_has(AUTHOR, "organisations", "country", "view_country")  # reference data
    assert not role_has(AUTHOR, "organisations", "country", "change_country")
    assert not role_has(EDITOR, "news", "section", "change_section")  # the site's structure
    assert not role_has(EDITOR, "demo", "anything", "change_anything")  # declares nothing
    monkeypatch.setattr(apps.get_app_config("search"), "editors_only_models", set())
    assert not role_has(EDITOR, "search", "searchpromotion", "change_searchpromotion")


def test_core_imports_no_other_app():
    core = Path(settings.BASE_DIR) / "apps" / "core"
    imported = set()
    for path in core.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                imported.add(node.module or "")
            elif isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
    apps_imported = {name.split(".")[1] for name in imported if name.startswith("apps.")}
    assert apps_imported == {"core"}
