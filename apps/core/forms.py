"""A form renderer that writes the commonest widgets in Python.

Django renders every widget, and every <option> of a select, through a template include:
about 4 ms for the search page's filters. The inputs and selects the public filter forms
use are written here with the same markup as Django's templates (escaped by format_html);
every other template (the admin's widgets, checkboxes, radio lists) renders as usual.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import format_html
from django.utils.safestring import mark_safe

INPUT_TEMPLATES = {
    f"django/forms/widgets/{name}.html"
    for name in ("input", "text", "number", "email", "url", "hidden", "date", "search", "tel")
}
SELECT_TEMPLATE = "django/forms/widgets/select.html"


def attributes(attrs):
    """Django's attrs.html: True writes the bare name, False and None leave it out."""
    return mark_safe(
        "".join(
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
            for name, value in attrs.items()
            if value is not False and value is not None
        )
    )


def input_html(widget):
    value = "" if widget["value"] is None else format_html(' value="{}"', str(widget["value"]))
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        widget["type"],
        widget["name"],
        value,
        attributes(widget["attrs"]),
    )


def select_html(widget):
    parts = [format_html('<select name="{}"{}>', widget["name"], attributes(widget["attrs"]))]
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(format_html('<optgroup label="{}">', group_name))
        parts.extend(
            format_html(
                '<option value="{}"{}>{}</option>',
                str(option["value"]),
                attributes(option["attrs"]),
                option["label"],
            )
            for option in options
        )
        if group_name:
            parts.append("</optgroup>")
    parts.append("</select>")
    return mark_safe("".join(parts))


class PythonWidgetRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name in INPUT_TEMPLATES:
            return input_html(context["widget"])
        if template_name == SELECT_TEMPLATE:
            return select_html(context["widget"])
        return super().render(template_name, context, request)
