"""Autosave on a publishable item's form: what the editor types is kept on the server every
few seconds, offered back when the form is opened again, and dropped once the form is saved.
"""

from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import (
    Http404,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    JsonResponse,
    QueryDict,
)
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import time_format

from apps.core.models import Autosave

#: Fields of the form that are not the editor's text (the “Publish at…” time is a decision,
#: taken when the dialog is confirmed).
NOT_TEXT = {"csrfmiddlewaretoken", "note_for_author", "publish_at"}
RESTORE = "autosave"


class AutosaveMixin:
    def get_urls(self):
        opts = self.model._meta
        view = self.admin_site.admin_view(self.autosave_view)
        return [
            path("autosave/", view, name=f"{opts.app_label}_{opts.model_name}_autosave_add"),
            path(
                "<path:object_id>/autosave/",
                view,
                name=f"{opts.app_label}_{opts.model_name}_autosave",
            ),
            *super().get_urls(),
        ]

    def autosave_url(self, obj=None):
        opts = self.model._meta
        if obj is None or obj.pk is None:
            return reverse(f"admin:{opts.app_label}_{opts.model_name}_autosave_add")
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_autosave", args=[obj.pk])

    def form_url(self, obj=None):
        opts = self.model._meta
        if obj is None or obj.pk is None:
            return reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])

    def autosave_view(self, request, object_id=None):
        """POST the form's fields to keep them; POST `discard` to drop what is kept."""
        obj = None
        if object_id is not None:
            obj = self.get_object(request, unquote(object_id))
            if obj is None:
                raise Http404
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
        elif not self.has_add_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        kept = Autosave.objects.of(request.user, self.model, getattr(obj, "pk", None))
        if "discard" in request.POST:
            kept.delete()
            if request.headers.get("X-Requested-With") == "fetch":
                return JsonResponse({"discarded": True})
            return HttpResponseRedirect(self.form_url(obj))
        data = {
            name: request.POST.getlist(name)
            for name in request.POST
            if name not in NOT_TEXT and not name.startswith("_")
        }
        now = timezone.now()
        Autosave.objects.update_or_create(
            user=request.user,
            content_type=ContentType.objects.get_for_model(self.model),
            object_id=getattr(obj, "pk", None),
            defaults={"data": data, "saved_at": now},
        )
        return JsonResponse(
            {"saved_at": now.isoformat(), "time": time_format(timezone.localtime(now), "H:i")}
        )

    def kept_text(self, request, obj=None):
        """The user's autosave for this form, when it is newer than the item as stored."""
        kept = Autosave.objects.of(request.user, self.model, getattr(obj, "pk", None)).first()
        if kept is None or (obj is not None and kept.saved_at <= obj.updated_at):
            return None
        return kept

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if request.method != "GET" or request.GET.get("restore") != RESTORE:
            return form
        kept = self.kept_text(request, obj)
        if kept is None:
            return form

        class RestoredForm(form):
            """The form as the editor left it: the kept text, and the version it was based
            on, so that a save over someone else's newer one is still refused."""

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                data = _as_query_dict(kept.data)
                for name, field in self.fields.items():
                    key = self.add_prefix(name)
                    if not any(k == key or k.startswith(f"{key}_") for k in data):
                        continue
                    self.initial[name] = field.widget.value_from_datadict(data, {}, key)

        return RestoredForm

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(
            autosave_url=self.autosave_url(obj),
            kept_text=None
            if request.GET.get("restore") == RESTORE
            else self.kept_text(request, obj),
            restore_url=f"{self.form_url(obj)}?restore={RESTORE}",
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        Autosave.objects.of(request.user, self.model, obj.pk).delete()
        if not change:
            Autosave.objects.of(request.user, self.model).delete()


def _as_query_dict(data):
    query = QueryDict(mutable=True)
    for name, values in data.items():
        query.setlist(name, values)
    return query
