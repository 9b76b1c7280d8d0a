"""Publishing workflow: submit for review, publish or schedule, unpublish, return to draft.

The one write path for publication state. Every function is keyword-only and atomic: it
locks the item's row and decides rights and transitions on that fresh copy (never on a
possibly stale object from the caller), saves once, bumps the item's version once (so a
stale admin form is refused), records one revision and one admin log entry, and, when what
the public sees may have changed, refreshes the page cache once after the commit.

`publishable_save` is the newsroom form's way in: the editor's text and at most one
transition ("Save and publish") in a single write.
"""

import reversion
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from apps.core import generation, rights
from apps.core.models import PUBLISHING_FIELDS, PublicationStatus

SUBMIT = "submit"
PUBLISH = "publish"
UNPUBLISH = "unpublish"
RETURN_TO_DRAFT = "return_to_draft"


#: Who submitted an item, what the editor answered, when a public item was withdrawn: state
#: of the workflow that, like the status, a form or a restored revision never changes.
WORKFLOW_STATE_FIELDS = ("submitted_at", "submitted_by_id", "review_note", "withdrawn_at")


class WorkflowError(Exception):
    """A transition that does not apply to the item in its current state."""


def _locked(item):
    return type(item)._default_manager.select_for_update(of=("self",)).get(pk=item.pk)


def _check_can_publish(item, user):
    if not rights.may_publish(user, type(item)):
        raise PermissionDenied(_("You do not have the right to publish, schedule or unpublish."))


def _check_can_change(item, user, status):
    if not rights.may_change_item(user, type(item), status):
        raise PermissionDenied(_("You do not have the right to change this item."))


def shows_on_site(status):
    """Whether an item in `status` is, was about to be, or may be seen by the public: a
    change to it (or away from it) is a change to the public site."""
    return status == PublicationStatus.PUBLISHED


def _transition(item, *, user, action, at=None, note=""):
    """Move `item` (holding its stored status) by `action`; return what happened, in words.

    `note` is what an editor tells the author when returning an item to draft.
    """
    match action:
        case "submit":
            _check_can_change(item, user, item.status)
            if item.status not in {PublicationStatus.DRAFT, PublicationStatus.UNPUBLISHED}:
                raise WorkflowError(_("only drafts can be submitted for review"))
            item.status = PublicationStatus.IN_REVIEW
            item.submitted_at, item.submitted_by = timezone.now(), user
            item.review_note = ""
            return _("Submitted for review")
        case "publish":
            _check_can_publish(item, user)
            if blockers := item.publishing_blockers():
                raise WorkflowError("; ".join(str(b) for b in blockers))
            now = timezone.now()
            if at is not None and at <= now:
                at = None
            if at is None and item.status == PublicationStatus.PUBLISHED and item.is_published:
                raise WorkflowError(_("already published"))
            item.status = PublicationStatus.PUBLISHED
            item.published_at = at or now
            item.withdrawn_at = None
            if item.unpublish_at and item.unpublish_at <= item.published_at:
                item.unpublish_at = None
            if item.published_at > now:
                when = date_format(timezone.localtime(item.published_at), "DATETIME_FORMAT")
                return _("Scheduled for %(when)s") % {"when": when}
            return _("Published")
        case "unpublish":
            _check_can_publish(item, user)
            if item.status != PublicationStatus.PUBLISHED:
                raise WorkflowError(_("not published"))
            if item.is_published:  # live until now (not merely scheduled)
                item.withdrawn_at = timezone.now()
            item.status = PublicationStatus.UNPUBLISHED
            return _("Unpublished")
        case "return_to_draft":
            if item.status == PublicationStatus.IN_REVIEW:
                _check_can_publish(item, user)
            elif item.status == PublicationStatus.UNPUBLISHED:
                _check_can_change(item, user, item.status)
            else:
                raise WorkflowError(_("only items in review or unpublished return to draft"))
            item.status = PublicationStatus.DRAFT
            item.review_note = note.strip()
            if item.review_note:
                return _("Returned to draft: %(note)s") % {"note": item.review_note}
            return _("Returned to draft")
    raise WorkflowError(_("unknown action"))


def _refresh_public_pages_if(item, before_status):
    if shows_on_site(before_status) or shows_on_site(item.status):
        generation.public_content_changed(item)


def _commit(item, *, user, message, before_status):
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
    _refresh_public_pages_if(item, before_status)
    return item


def _run(item, *, user, action, at=None, note=""):
    current = _locked(item)
    before_status = current.status
    message = _transition(current, user=user, action=action, at=at, note=note)
    return _commit(current, user=user, message=message, before_status=before_status)


@transaction.atomic
def publishable_submit_for_review(*, item, user):
    return _run(item, user=user, action=SUBMIT)


@transaction.atomic
def publishable_publish(*, item, user, at=None):
    """Publish now, or schedule for `at` when it lies in the future."""
    return _run(item, user=user, action=PUBLISH, at=at)


@transaction.atomic
def publishable_unpublish(*, item, user):
    return _run(item, user=user, action=UNPUBLISH)


@transaction.atomic
def publishable_return_to_draft(*, item, user, note=""):
    """Send an item in review back to its author (with `note`, the editor's reasons), or
    reopen an unpublished one."""
    return _run(item, user=user, action=RETURN_TO_DRAFT, note=note)


@transaction.atomic
def article_set_featured(*, article, user, featured):
    _check_can_publish(article, user)
    current = _locked(article)
    if current.is_featured == featured:
        raise WorkflowError(_("already featured") if featured else _("not featured"))
    current.is_featured = featured
    message = _("Featured on the home page") if featured else _("No longer featured")
    return _commit(current, user=user, message=message, before_status=current.status)


@transaction.atomic
def publishable_save(*, item, user, stored=None, action=None, at=None, note=""):
    """Save `item` as edited in the newsroom, with at most one transition, in one write.

    `stored` is the row as it is now (a dict of its publishing columns and version, read
    under a lock by the caller; None for a new item or one being recovered): rights and
    transitions are decided on it, never on the edited copy, whose status is not editable.
    Returns the transition's message, or None. The caller records the revision and the log.
    """
    model = type(item)
    if stored is not None:
        _check_can_change(item, user, stored["status"])
        item.status = stored["status"]
        for name in WORKFLOW_STATE_FIELDS:
            setattr(item, name, stored[name])
        item.version = stored["version"] + 1
        if not rights.may_publish(user, model):
            for name in PUBLISHING_FIELDS:
                setattr(item, name, stored[name])
    else:
        # New, or recovered from the deleted items: a draft until someone publishes it.
        item.status = PublicationStatus.DRAFT
        item.submitted_at = item.submitted_by_id = item.withdrawn_at = None
        item.review_note = ""
        if not rights.may_publish(user, model):
            for name in PUBLISHING_FIELDS:
                setattr(item, name, model._meta.get_field(name).get_default())
    before_status = item.status
    message = _transition(item, user=user, action=action, at=at, note=note) if action else None
    item.updated_by = user
    item.save()
    _refresh_public_pages_if(item, before_status)
    return message
