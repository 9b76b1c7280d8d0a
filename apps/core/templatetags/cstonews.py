from django import template
from django.utils.formats import date_format

register = template.Library()


@register.filter
def date_range(start, end):
    """“27-30 March 2023”, “30 March - 2 April 2023”, “1 March 2023” for one day."""
    if not start:
        return ""
    if not end or end == start:
        return date_format(start, "j F Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{date_format(end, 'j F Y')}"
    if start.year == end.year:
        return f"{date_format(start, 'j F')} - {date_format(end, 'j F Y')}"
    return f"{date_format(start, 'j F Y')} - {date_format(end, 'j F Y')}"


@register.simple_tag
def position_titles(positions):
    """“Secretary General of the CSTO; Deputy Prime Minister” from Position objects."""
    return "; ".join(f"{p.title}, {p.organisation.display_name}" for p in positions)
