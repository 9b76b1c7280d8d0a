"""Model fields the kinds share: rich text cleaned on every write, the stored search document."""

import functools
import operator

from django.conf import settings
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import F, Func, Value
from django.db.models.functions import Coalesce
from django_prose_editor.fields import ProseEditorField

from apps.core.html import EDITOR_EXTENSIONS, sanitise_html


class SanitisedHTMLField(ProseEditorField):
    """Rich text edited with ProseMirror and cleaned on every write, whatever its path.

    `get_db_prep_save` runs for save(), bulk_create(), update() and fixtures alike, so no
    write path can store markup outside the editor's vocabulary (lookups are left alone).
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EDITOR_EXTENSIONS)
        kwargs.setdefault("sanitize", sanitise_html)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = sanitise_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value

    def get_db_prep_save(self, value, connection):
        if isinstance(value, str) and value:
            value = sanitise_html(value)
        return super().get_db_prep_save(value, connection)


TEXT_SEARCH_CONFIGS = {"ru": "russian", "en": "english", "hy": "armenian"}


def search_document(*weighted_fields):
    """The expression of a stored, generated tsvector: every language's text, each stemmed
    by its own language, weighted A (titles) to C (bodies), accents removed, HTML stripped.

    `weighted_fields` are (field, weight) or (field, weight, "html") for translated fields.
    PostgreSQL keeps the column current on every write (save, update, bulk, migrations).
    """
    vectors = []
    for field, weight, *kind in weighted_fields:
        for code, _name in settings.LANGUAGES:
            text = Coalesce(F(f"{field}_{code}"), Value(""), output_field=models.TextField())
            if kind == ["html"]:
                text = Func(
                    text, Value("<[^>]+>"), Value(" "), Value("g"),
                    function="regexp_replace", output_field=models.TextField(),
                )  # fmt: skip
            text = Func(text, function="public.immutable_unaccent", output_field=models.TextField())
            config = TEXT_SEARCH_CONFIGS.get(code, "simple")
            vectors.append(SearchVector(text, config=config, weight=weight))
    return functools.reduce(operator.add, vectors)


def search_field(*weighted_fields):
    return models.GeneratedField(
        expression=search_document(*weighted_fields),
        output_field=SearchVectorField(),
        db_persist=True,
        editable=False,
    )
