"""What the newsroom's lists and forms show about an item's state, languages and checks."""

from django.conf import settings
from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.core.languages import language_name
from apps.core.models import PublicationStatus


class PublicationColumnsMixin:
    @admin.display(description=pgettext_lazy("publication", "state"), ordering="status")
    def publication_state(self, obj):
        labels = {
            "live": _("Live"),
            "scheduled": _("Scheduled"),
            "expired": _("Expired"),
            **dict(PublicationStatus.choices),
        }
        state = obj.publication_state
        return format_html('<span class="state state--{}">{}</span>', state, labels[state])

    @admin.display(description=pgettext_lazy("publication", "state"))
    def current_state(self, obj):
        if obj is None or obj.pk is None:
            return PublicationStatus.DRAFT.label
        return self.publication_state(obj)

    @admin.display(description=_("languages"))
    def languages(self, obj):
        """“ru ✓ en –”: which language versions are complete."""
        missing = {code for code, _fields in obj.missing_languages()}
        return format_html_join(
            " ",
            '<span class="language language--{}" title="{}">{}</span>',
            (
                ("missing" if code in missing else "complete", language_name(code), code)
                for code, _name in settings.LANGUAGES
            ),
        )

    @admin.display(description=_("Before publishing"))
    def prepublish_checks(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        warnings = [*obj.prepublish_warnings()]
        warnings += [
            _("No %(language)s version yet: %(fields)s.")
            % {
                "language": language_name(code),
                "fields": ", ".join(str(obj._meta.get_field(name).verbose_name) for name in fields),
            }
            for code, fields in obj.missing_languages()
        ]
        if not warnings:
            return format_html('<span class="state state--live">{}</span>', _("All checks passed."))
        return format_html(
            '<ul class="prepublish-warnings">{}</ul>',
            format_html_join("", "<li>{}</li>", ((w,) for w in warnings)),
        )
