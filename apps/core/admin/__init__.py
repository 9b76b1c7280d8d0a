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
