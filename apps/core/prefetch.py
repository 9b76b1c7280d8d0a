"""Small relations read with their item, in the item's own query.

A detail page shows its item and a handful of rows from each of several relations (an
article's organisations, events, agreements, corrections and attachments). Django's
prefetch reads each relation in a query of its own; here each becomes a JSON array computed
by PostgreSQL in the item's query, and is turned back into model instances, put where
`prefetch_related` would have put them: `item.organisations.all()` reads no table. Only
for relations without further joins and for a single item (a detail page), where the rows
are few.
"""

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Func, OuterRef, QuerySet
from django.db.models.functions import JSONObject

ANNOTATION = "_json_{}"
#: jsonb_build_object takes at most 100 arguments: 50 columns, then another object.
COLUMNS_PER_OBJECT = 50


def _rows(queryset):
    """One JSONB object per row of `queryset`, with every concrete column by its attname."""
    names = [field.attname for field in queryset.model._meta.concrete_fields]
    parts = [
        JSONObject(**{name: name for name in names[start : start + COLUMNS_PER_OBJECT]})
        for start in range(0, len(names), COLUMNS_PER_OBJECT)
    ]
    return (
        parts[0]
        if len(parts) == 1
        else Func(*parts, template="(%(expressions)s)", arg_joiner=" || ")
    )


def _plain(queryset):
    """`queryset` as Django's own QuerySet: modeltranslation's adds every language's column
    to `values()`, and an array's subquery must select one."""
    return QuerySet(model=queryset.model, query=queryset.query.clone(), using=queryset.db)


def _link(model, name):
    """{lookup on the related model: the outer item's key} for relation `name` of `model`."""
    field = model._meta.get_field(name)
    if field.concrete:  # a many-to-many declared here
        return {field.related_query_name(): OuterRef("pk")}
    return {field.field.name: OuterRef("pk")}  # a foreign key or many-to-many pointing here


def with_relations(queryset, **relations):
    """`queryset` with each relation's rows (from the queryset given for it, in its order)
    as a JSON array; `attach_relations()` turns them into what prefetch_related gives."""
    model = queryset.model
    return queryset.annotate(
        **{
            ANNOTATION.format(name): ArraySubquery(
                _plain(related.filter(**_link(model, name))).values(row=_rows(related))
            )
            for name, related in relations.items()
        }
    )


def attach_relations(item, *names):
    """Put the rows read by `with_relations` where `prefetch_related` would have."""
    cache = item.__dict__.setdefault("_prefetched_objects_cache", {})
    for name in names:
        rows = item.__dict__.pop(ANNOTATION.format(name))
        manager = getattr(item, name)
        related = manager.model
        fields = related._meta.concrete_fields
        attnames = [field.attname for field in fields]
        instances = [
            related.from_db(item._state.db, attnames, [f.to_python(row[f.attname]) for f in fields])
            for row in rows
        ]
        reverse_foreign_key = getattr(manager, "field", None)
        if reverse_foreign_key is not None:
            cache_name = reverse_foreign_key.remote_field.cache_name
            for instance in instances:
                reverse_foreign_key.set_cached_value(instance, item)
        else:
            cache_name = manager.prefetch_cache_name
        queryset = manager.get_queryset()
        queryset._result_cache = instances
        queryset._prefetch_done = True
        cache[cache_name] = queryset
