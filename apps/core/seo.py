"""Search and sharing metadata: breadcrumbs, canonical URLs, schema.org JSON-LD."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.functional import SimpleLazyObject


def absolute(request, url):
    return request.build_absolute_uri(url) if url else ""


def site_path(path):
    """A path the visitor asked for, made safe to build this site's addresses from.

    A path that starts with two slashes ("//evil.com/ru/") is a network-path reference:
    joined to the site's address, or followed from a link, it names another host. Its
    leading slashes are made one, so it stays a path on this site.
    """
    return "/" + path.lstrip("/") if path.startswith("//") else path


def image_object(request, photo):
    """schema.org ImageObject for a library photo, with its caption and credit."""
    if photo is None or not photo.image:
        return None
    data = {
        "@type": "ImageObject",
        "url": absolute(request, photo.image.url),
        "caption": photo.caption,
        "creditText": photo.credit,
        "copyrightNotice": photo.credit,
    }
    if photo.width:
        data |= {"width": photo.width, "height": photo.height}
    return {key: value for key, value in data.items() if value}


def breadcrumb_list(request, crumbs):
    """schema.org BreadcrumbList from [(name, url), ...] (the last one is the page)."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": str(name), "item": absolute(request, url)}
            for i, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def publisher(request):
    return {"@type": "Organization", "name": settings.SITE_NAME, "url": absolute(request, "/")}


class SeoMixin:
    """Views describe their page once; the base template turns it into tags and JSON-LD.

    `get_breadcrumbs()` returns [(name, url), ...] ending with the page itself,
    `get_json_ld()` the page's own schema.org object (or None), `og_type` its Open Graph type.
    """

    og_type = "website"

    def get_breadcrumbs(self):
        return []

    def get_json_ld(self):
        return None

    def get_og_image(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        # Made when the template reads them: a page that shows no breadcrumbs asks for none.
        breadcrumbs = SimpleLazyObject(lambda: list(self.get_breadcrumbs()))

        def json_ld():
            data = [data for data in [self.get_json_ld()] if data]
            return data + ([breadcrumb_list(request, breadcrumbs)] if breadcrumbs else [])

        image = self.get_og_image()
        context.update(
            breadcrumbs=breadcrumbs,
            json_ld=SimpleLazyObject(json_ld),
            og_type=self.og_type,
            og_image=image_object(request, image),
        )
        return context


class MarkupSafeJSONEncoder(DjangoJSONEncoder):
    """JSON in which no string can be read as markup: <, > and & written as escapes.

    The suggestions are data for a script that sets option values, never HTML, but a
    response that is safe even if some browser or proxy took it for HTML costs nothing.
    """

    def encode(self, o):
        return (
            super()
            .encode(o)
            .translate({ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"})
        )
