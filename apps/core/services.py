"""Publishing workflow: submit for review, publish or schedule, unpublish, return to draft.

Every function checks the user's right, locks the item's row and works on that fresh copy
(which it returns), checks the transition, bumps the item's version (so a stale admin form
is refused), and records who did what and when in the revision history and the admin log.
"""

import reversion
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from apps.core.models import PublicationStatus


class WorkflowError(Exception):
    """A transition that does not apply to the item in its current state."""


def _locked(item):
    return type(item)._default_manager.select_for_update().get(pk=item.pk)


def _check_can_publish(item, user):
    if not user.has_perm(type(item).publish_permission()):
        raise PermissionDenied(_("You do not have the right to publish, schedule or unpublish."))


def _commit(item, *, user, message):
    """Save the locked, fresh copy `item`: never a possibly stale object from the caller."""
    item.version += 1
    item.updated_by = user
    with reversion.create_revision():
        item.save()
        reversion.set_user(user)
        reversion.set_comment(message)
    LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[item],
        action_flag=CHANGE,
        change_message=message,
        single_object=True,
    )
    return item


@transaction.atomic
def publishable_submit_for_review(*, item, user):
    current = _locked(item)
    if not user.has_perm(f"{item._meta.app_label}.change_{item._meta.model_name}"):
        raise PermissionDenied(_("You do not have the right to change this item."))
    if current.status not in {PublicationStatus.DRAFT, PublicationStatus.UNPUBLISHED}:
        raise WorkflowError(_("only drafts can be submitted for review"))
    current.status = PublicationStatus.IN_REVIEW
    return _commit(current, user=user, message=_("Submitted for review"))


@transaction.atomic
def publishable_publish(*, item, user, at=None):
    """Publish now, or schedule for `at` when it lies in the future."""
    _check_can_publish(item, user)
    current = _locked(item)
    if blockers := current.publishing_blockers():
        raise WorkflowError("; ".join(str(b) for b in blockers))
    now = timezone.now()
    if at is None and current.status == PublicationStatus.PUBLISHED and current.published_at <= now:
        raise WorkflowError(_("already published"))
    current.status = PublicationStatus.PUBLISHED
    current.published_at = at or now
    if current.unpublish_at and current.unpublish_at <= current.published_at:
        current.unpublish_at = None
    if current.published_at > now:
        when = date_format(timezone.localtime(current.published_at), "DATETIME_FORMAT")
        message = _("Scheduled for %(when)s") % {"when": when}
    else:
        message = _("Published")
    return _commit(current, user=user, message=message)


@transaction.atomic
def publishable_unpublish(*, item, user):
    _check_can_publish(item, user)
    current = _locked(item)
    if current.status != PublicationStatus.PUBLISHED:
        raise WorkflowError(_("not published"))
    current.status = PublicationStatus.UNPUBLISHED
    return _commit(current, user=user, message=_("Unpublished"))


@transaction.atomic
def publishable_return_to_draft(*, item, user):
    """Send an item in review back to its author, or reopen an unpublished one."""
    current = _locked(item)
    if current.status == PublicationStatus.IN_REVIEW:
        _check_can_publish(item, user)
    elif current.status != PublicationStatus.UNPUBLISHED:
        raise WorkflowError(_("only items in review or unpublished return to draft"))
    current.status = PublicationStatus.DRAFT
    return _commit(current, user=user, message=_("Returned to draft"))


@transaction.atomic
def article_set_featured(*, article, user, featured):
    _check_can_publish(article, user)
    current = _locked(article)
    if current.is_featured == featured:
        raise WorkflowError(_("already featured") if featured else _("not featured"))
    current.is_featured = featured
    message = _("Featured on the home page") if featured else _("No longer featured")
    return _commit(current, user=user, message=message)
