"""The publishing vocabulary's models: the abstract publishable item and the content generation."""

from apps.core.models.autosave import Autosave
from apps.core.models.generation import ContentGeneration
from apps.core.models.publishable import (
    PUBLISHING_FIELDS,
    PublicationStatus,
    Publishable,
    PublishableQuerySet,
)

__all__ = [
    "PUBLISHING_FIELDS",
    "Autosave",
    "ContentGeneration",
    "PublicationStatus",
    "Publishable",
    "PublishableQuerySet",
]
