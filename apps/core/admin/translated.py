"""The base of every newsroom admin: language tabs, revisions, public pages refreshed on save,
and a form that survives a media-storage failure with everything the editor typed."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin
from reversion.admin import VersionAdmin

from apps.core import edge, generation

logger = logging.getLogger(__name__)

STORAGE_FAILED = _(
    "The file could not be stored (the media storage is full or unavailable), so nothing "
    "was saved. Your text is still here: try again later, or tell a site administrator."
)


def in_every_language(*fields):
    """Admin search over every language's column: ("title",) -> title_ru, title_en, ..."""
    return [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]


class RefreshesPublicPages:
    """Saving or deleting something the public sees refreshes the public pages, once per
    transaction, after the commit. `shows_on_site(obj)` says whether it does."""

    def shows_on_site(self, obj):
        return True

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if self.shows_on_site(obj):
            generation.public_content_changed(obj)

    def delete_model(self, request, obj):
        # The keys are read while the item and its links still exist.
        keys = edge.keys_affected_by(obj) if self.shows_on_site(obj) else None
        super().delete_model(request, obj)
        if keys is not None:
            generation.public_content_changed(keys=keys)

    def delete_queryset(self, request, queryset):
        hard, soft = edge.keys_affected_by_all(obj for obj in queryset if self.shows_on_site(obj))
        super().delete_queryset(request, queryset)
        if hard:
            generation.public_content_changed(keys=(hard, soft))


class TranslatedVersionAdmin(
    RefreshesPublicPages, TabbedDjangoJqueryTranslationAdmin, VersionAdmin
):
    """Language tabs for translated fields, and revisions for everything.

    When the media storage fails while a form is saved (disk full, read-only, bucket
    unreachable), the save is rolled back and the same form comes back, with everything
    the editor typed and a message saying that nothing was saved.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except OSError:
            if request.method != "POST":
                raise
            logger.exception("Media storage failed while saving %s", self.opts.label)
            request.storage_failed = True
            # The admin's save ran in a transaction: nothing of it is left. Show the form
            # again, bound to what was sent, refused by the form itself (below).
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if not getattr(request, "storage_failed", False):
            return form

        class StorageFailedForm(form):
            def clean(self):
                super().clean()
                raise ValidationError(STORAGE_FAILED)

        return StorageFailedForm
