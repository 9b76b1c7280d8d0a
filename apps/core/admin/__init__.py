"""The newsroom admin's shared parts; each app registers its own models."""

from apps.core.admin.embargo import EmbargoLinkAdmin
from apps.core.admin.photos import PhotoAdmin
from apps.core.admin.publishable import (
    PublicationStateFilter,
    PublishableAdmin,
    RefreshesPublicPages,
    TranslatedVersionAdmin,
    in_every_language,
    publication_date_filter,
)

__all__ = [
    "EmbargoLinkAdmin",
    "PhotoAdmin",
    "PublicationStateFilter",
    "PublishableAdmin",
    "RefreshesPublicPages",
    "TranslatedVersionAdmin",
    "in_every_language",
    "publication_date_filter",
]


def _unregister_authenticator_devices():
    # Authenticators and recovery codes are managed through enrolment links
    # (apps/core/twofactor.py), never edited as rows: their pages would show a secret, and
    # deleting a user would otherwise need delete rights on every kind of device.
    from django.contrib import admin
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    for model in (TOTPDevice, StaticDevice):
        if admin.site.is_registered(model):
            admin.site.unregister(model)


_unregister_authenticator_devices()
