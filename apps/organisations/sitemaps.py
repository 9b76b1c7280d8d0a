"""Published organisations and people in the sitemap."""

from apps.core.sitemaps import PublishedSitemap
from apps.organisations.models import Organisation, Person


class OrganisationSitemap(PublishedSitemap):
    model = Organisation


class PersonSitemap(PublishedSitemap):
    model = Person
