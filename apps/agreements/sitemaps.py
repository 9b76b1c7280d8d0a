"""Published agreements in the sitemap, in every language they exist in."""

from apps.agreements.models import Agreement
from apps.core.sitemaps import PublishedSitemap


class AgreementSitemap(PublishedSitemap):
    model = Agreement
