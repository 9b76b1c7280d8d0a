"""Countries, organisations in their hierarchy, people and their dated positions."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "apps.organisations"
    verbose_name = _("Organisations and people")
    public_content = True
    #: Reference data printed on public pages: authors use it, editors change it.
    reference_models = {"country"}
