"""The site's template helpers: date ranges, JSON-LD, absolute addresses, responsive pictures."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from apps.core.seo import site_path

register = template.Library()


@register.filter
def date_range(start, end):
    """“27-30 March 2023” (“27-30 марта 2023”), “30 March - 2 April 2023”, “1 March 2023”."""
    if not start:
        return ""
    # "E" is the month as used in a date: "марта" in Russian, "March" in English.
    if not end or end == start:
        return date_format(start, "j E Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{date_format(end, 'j E Y')}"
    if start.year == end.year:
        return f"{date_format(start, 'j E')} - {date_format(end, 'j E Y')}"
    return f"{date_format(start, 'j E Y')} - {date_format(end, 'j E Y')}"


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)


@register.filter
def json_ld(data):
    """A schema.org data block, escaped so that no string can close the script element."""
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).translate(
        {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def absolute_url(context, url=None):
    """`url`, or the address of the page itself, with the site's scheme and host."""
    request = context["request"]
    return request.build_absolute_uri(url if url is not None else site_path(request.path))


@register.inclusion_tag("includes/picture.html")
def picture(photo, sizes="100vw", loading="lazy", fetchpriority="", crop="", css_class=""):
    """A <picture> with WebP and JPEG sources in every width, and the image's own size."""
    fallback = photo.fallback(crop)
    return {
        "photo": photo,
        "webp_srcset": photo.srcset("webp", crop),
        "jpeg_srcset": photo.srcset("jpg", crop),
        "fallback": fallback,
        "sizes": sizes,
        "loading": loading,
        "fetchpriority": fetchpriority,
        "css_class": css_class,
    }
