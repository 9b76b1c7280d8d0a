"""Newsroom pages in tests: their addresses, and their forms submitted as a browser would."""

from html import unescape
from html.parser import HTMLParser

from django.urls import reverse


def admin_url(model, action, *args):
    """The newsroom address of `action` ("changelist", "add", "change", ...) for `model`."""
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.data = form_id, False, {}
        self._select, self._select_multiple, self._textarea, self._text = None, False, None, ""

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or (not attrs.get("name") and tag != "option"):
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"} or "disabled" in attrs:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.add(
                attrs["name"], unescape(attrs.get("value", "on" if kind == "checkbox" else ""))
            )
        elif tag == "select":
            self._select, self._select_multiple = attrs["name"], "multiple" in attrs
            self._first_option = None
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in attrs:
                self.add(self._select, value)
        elif tag == "textarea":
            self._textarea, self._text = attrs["name"], ""

    def handle_data(self, data):
        if self._textarea:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea:
            self.add(self._textarea, self._text.removeprefix("\n"))
            self._textarea = None
        elif tag == "select" and self._select:
            if self._select not in self.data and not self._select_multiple:
                self.add(self._select, self._first_option or "")
            self._select = None


def form_data(response, form_id):
    """The fields of the form `form_id` in `response`, as a browser would submit them."""
    parser = _FormParser(form_id)
    parser.feed(response.content.decode())
    return {name: values if len(values) > 1 else values[0] for name, values in parser.data.items()}
