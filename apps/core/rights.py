"""Who may change what in the newsroom: one rule per thing, decided on the row as it is now.

The README's "Rights" table is this module in words. The admin (buttons, forms, bulk
actions, history, revert, recover) and the workflow services all ask these functions, so a
side door cannot decide differently from the front door.
"""

from django.db import models

from apps.core.models import PublicationStatus, Publishable

#: What an Author may still change: items that have never gone public.
AUTHOR_STATUSES = frozenset({PublicationStatus.DRAFT, PublicationStatus.IN_REVIEW})


def _codename(model, action):
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def may_publish(user, model):
    """Publish, schedule, unpublish, feature, and change anything the public can see."""
    return user.has_perm(model.publish_permission())


def may_change_item(user, model, status):
    """Change an item whose stored status is `status`. Once it has gone public (published,
    scheduled or unpublished), only people who may publish change it."""
    if not user.has_perm(_codename(model, "change")):
        return False
    return status in AUTHOR_STATUSES or may_publish(user, model)


def may_delete_item(user, model, status):
    """Delete an item: drafts with the delete right, anything else only with publishing."""
    if not user.has_perm(_codename(model, "delete")):
        return False
    return status == PublicationStatus.DRAFT or may_publish(user, model)


def may_recover(user, model):
    """Bring back a deleted item (as a draft): the work of those who may delete."""
    return user.has_perm(_codename(model, "delete")) and may_publish(user, model)


def may_change_shared(user, model, obj=None):
    """Change a shared thing without a status of its own (a photo): while no public item
    shows it, with the change right; once one does, with its publishing right as well."""
    if not user.has_perm(_codename(model, "change")):
        return False
    if obj is None or obj.pk is None or not is_in_public_use(obj):
        return True
    return user.has_perm(_codename(model, "publish"))


def is_in_public_use(obj):
    """Whether a published item shows `obj`: directly (an article's main photo, a person's
    portrait) or through a row of its own (a gallery photo of an event).

    Remembered on the instance: the admin asks several times about the object of one
    request (rights, buttons, the save hook), and what links to it does not change there.
    """
    if "_in_public_use" not in obj.__dict__:
        obj._in_public_use = _find_public_use(obj)
    return obj._in_public_use


def _find_public_use(obj):
    for relation in type(obj)._meta.get_fields(include_hidden=True):
        if not (relation.one_to_many or relation.one_to_one) or not relation.auto_created:
            continue
        related, field = relation.related_model, relation.field.name
        if issubclass(related, Publishable):
            if related._default_manager.published().filter(**{field: obj}).exists():
                return True
            continue
        for owner in _publishable_parents(related):
            owners = owner.related_model._default_manager.published()
            if related._base_manager.filter(**{field: obj, f"{owner.name}__in": owners}).exists():
                return True
    return False


def _publishable_parents(model):
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and issubclass(field.related_model, Publishable)
    ]
