"""The Python widget renderer writes what Django's templates write, escaped."""

import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from apps.core.forms import PythonWidgetRenderer


class SampleForm(forms.Form):
    query = forms.CharField(required=False)
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    hidden = forms.CharField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        required=False,
        choices=[
            ("", "All kinds"),
            ("Events", [("meeting", "Meeting"), ("training", "<b>Training</b>")]),
            ("treaty", "Treaty & protocol"),
        ],
        widget=forms.Select(attrs={"required": True, "disabled": False, "data-x": '"q"'}),
    )
    many = forms.MultipleChoiceField(required=False, choices=[("a", "A"), ("b", "B")])


def rendered(data, renderer):
    form = SampleForm(data, renderer=renderer)
    return {field.name: re.sub(r">\s+<", "><", str(field).strip()) for field in form}


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"query": '"><script>alert(1)</script>', "day": "2023-03-01", "kind": "training"},
        {"hidden": "x&y", "many": ["a", "b"], "kind": "nonsense"},
    ],
)
def test_same_markup_as_djangos_templates(data):
    assert rendered(data, PythonWidgetRenderer()) == rendered(data, DjangoTemplates())


def test_values_and_labels_are_escaped():
    html = "".join(
        rendered({"query": '"><script>alert(1)</script>'}, PythonWidgetRenderer()).values()
    )
    assert "<script>" not in html
    assert "&lt;b&gt;Training&lt;/b&gt;" in html
    assert 'data-x="&quot;q&quot;"' in html
