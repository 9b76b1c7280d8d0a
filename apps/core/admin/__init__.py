"""The newsroom admin's shared parts for publishable items; each app registers its own models."""

from apps.core.admin.filters import PublicationStateFilter, publication_date_filter
from apps.core.admin.publishable import PublishableAdmin
from apps.core.admin.translated import (
    RefreshesPublicPages,
    TranslatedVersionAdmin,
    in_every_language,
)

__all__ = [
    "PublicationStateFilter",
    "PublishableAdmin",
    "RefreshesPublicPages",
    "TranslatedVersionAdmin",
    "in_every_language",
    "publication_date_filter",
]
