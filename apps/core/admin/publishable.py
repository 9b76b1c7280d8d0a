"""The admin of a publishable item, put together from one mixin per job."""

from django.contrib.admin.views.main import SEARCH_VAR
from django.db import models
from django.utils.translation import gettext_lazy as _
from js_asset import Media

from apps.core import services
from apps.core.admin.autosave import AutosaveMixin
from apps.core.admin.columns import PublicationColumnsMixin
from apps.core.admin.forms import PublishableAdminForm
from apps.core.admin.preview import PreviewMixin
from apps.core.admin.revisions import RevisionsMixin
from apps.core.admin.rights import PublishingRightsMixin
from apps.core.admin.similar import SimilarItemsMixin
from apps.core.admin.translated import TranslatedVersionAdmin
from apps.core.admin.workflow import WorkflowMixin
from apps.core.fields import SanitisedHTMLField
from apps.core.models import PUBLISHING_FIELDS
from apps.core.paginator import CappedCountPaginator


class PublishableAdmin(
    PublishingRightsMixin,
    AutosaveMixin,
    WorkflowMixin,
    RevisionsMixin,
    PreviewMixin,
    SimilarItemsMixin,
    PublicationColumnsMixin,
    TranslatedVersionAdmin,
):
    """Admin of a publishable model: roles, workflow, revisions, preview and conflicts."""

    form = PublishableAdminForm
    publishing_fieldset = (_("Publishing"), {"fields": ["current_state", *PUBLISHING_FIELDS]})
    #: Form fields that get a live character count, with the recommended maximum.
    character_counts = {}
    date_hierarchy = "published_at"
    show_full_result_count = False
    #: A search counts its matches up to this many (see CappedCountPaginator).
    search_count_limit = 1000
    list_per_page = 50
    change_form_template = "admin/publishable_change_form.html"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    class Media:
        css = {"all": ["css/admin.css"]}
        js = [
            "js/admin-charcount.js",
            "js/admin-editor-i18n.js",
            "js/admin-autosave.js",
            "js/admin-a11y.js",
            "js/admin-similar.js",
            "js/admin-schedule.js",
        ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        match = request.resolver_match
        if match and match.url_name == f"{self.opts.app_label}_{self.opts.model_name}_changelist":
            # A search vector is a third of a row and no list shows it.
            queryset = queryset.defer(*self.changelist_deferred_fields())
        return queryset

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        if request.GET.get(SEARCH_VAR):
            return CappedCountPaginator(
                queryset, per_page, orphans, allow_empty_first_page, limit=self.search_count_limit
            )
        return super().get_paginator(request, queryset, per_page, orphans, allow_empty_first_page)

    def changelist_deferred_fields(self):
        # Only the search vectors: the language column reads the texts themselves.
        return [f.name for f in self.opts.concrete_fields if isinstance(f, models.GeneratedField)]

    def shows_on_site(self, obj):
        return services.shows_on_site(obj.status)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None:
            # The hidden version travels with the form, whatever template renders it.
            top = (None, {"fields": ["prepublish_checks", "loaded_version"]})
            fieldsets = [top, *fieldsets]
        return fieldsets

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in self.character_counts:
            field.widget.attrs["data-charcount-limit"] = self.character_counts[db_field.name]
        if field is not None and isinstance(db_field, SanitisedHTMLField):
            field.widget.attrs["data-wordcount"] = "true"
        return field

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The editor's import map is an inline script: it carries this response's nonce.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, add, change, form_url, obj)
