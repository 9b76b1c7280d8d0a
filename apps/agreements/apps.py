"""The registry of agreements, modelled on the UN Treaty Collection."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "apps.agreements"
    verbose_name = _("Agreements")
    public_content = True
    #: Reference data printed on public pages: authors use it, editors change it.
    reference_models = {"subject"}
