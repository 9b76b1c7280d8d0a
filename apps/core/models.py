"""The publishing vocabulary shared by every public item, and the photo library."""

import contextlib
import functools
import operator
import re
import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core import signing
from django.core.files.base import ContentFile
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F, Func, Q, Value
from django.db.models.fields.files import ImageFieldFile
from django.db.models.functions import Coalesce, NullIf, Upper
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from PIL import Image

from apps.core.documents import EXTENSIONS, inspect_document
from apps.core.html import EDITOR_EXTENSIONS, sanitise_html
from apps.core.images import inspect_photo, make_renditions, stripped_original
from apps.core.text import latin_slug


def localized(path):
    """An expression for a translated column in the current language, falling back in the
    order the site falls back: for `annotate()`, where the model's descriptors do not reach."""
    current = get_language() or settings.LANGUAGE_CODE
    order = [current, *(c for c in settings.MODELTRANSLATION_FALLBACK_LANGUAGES if c != current)]
    return Coalesce(
        *(NullIf(f"{path}_{code}", Value("")) for code in order),
        Value(""),
        output_field=models.TextField(),
    )


def trigram_indexes(prefix, field):
    """GIN trigram indexes on UPPER(field_<language>) for every language of the site:
    what admin search and autocomplete (`icontains`) use."""
    return [
        GinIndex(
            OpClass(Upper(f"{field}_{code}"), name="gin_trgm_ops"),
            name=f"{prefix}_{field}_{code}_trgm"[:30],
        )
        for code, _name in settings.LANGUAGES
    ]


def name_trigram_indexes(prefix, field="name"):
    """GIN trigram indexes on each language's name, for the `%>` operator of name search."""
    return [
        GinIndex(
            OpClass(f"{field}_{code}", name="gin_trgm_ops"),
            name=f"{prefix}_{field}_{code}_word"[:30],
        )
        for code, _name in settings.LANGUAGES
    ]


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")


SLUG_HELP = _(
    "The last part of the address, in Latin letters. Leave it empty to make it from the "
    "title; a changed address keeps redirecting from the old one."
)

#: Fields that only people with the publishing right may set. The status is not among them:
#: it changes only through the workflow services (apps/core/services.py), never in a form.
PUBLISHING_FIELDS = ["published_at", "unpublish_at", "require_all_languages"]


def language_name(code):
    """“English”, or “английский” when the page is in Russian."""
    return get_language_info(code)["name_translated"]


def site_languages():
    return [code for code, _name in settings.LANGUAGES]


class PublishableQuerySet(models.QuerySet):
    def published(self, at=None):
        """What is published at `at` (default: now): the publishing vocabulary's one rule.

        Published, with a publication time that has come, and not yet unpublished. Pure:
        it never looks at the active language. `Publishable.is_published` is its twin for
        one object. Visitors' pages use `public()`, which adds the language policy.
        """
        at = at or timezone.now()
        return self.filter(status=PublicationStatus.PUBLISHED, published_at__lte=at).filter(
            Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=at)
        )

    def shown_in_language(self, language=None):
        """The language policy: with TRANSLATION_FALLBACK=hide, only items written in
        `language` (default: the active one); otherwise every item (shown in a fallback).
        `Publishable.is_shown_in_language` is its twin for one object."""
        language = language or get_language()
        if settings.TRANSLATION_FALLBACK == "hide" and language in site_languages():
            return self.in_language(language)
        return self

    def public(self, at=None, language=None):
        """What a visitor reading `language` (default: the active one) may see: published,
        then the language policy. Every public surface (pages, feeds, sitemaps, search,
        related-item blocks, JSON-LD) goes through it; `Publishable.is_public` is its twin."""
        return self.published(at).shown_in_language(language)

    def in_language(self, language):
        """Items that exist in `language` (their identifying text is written in it)."""
        field = f"{self.model.translation_field}_{language}"
        return self.exclude(**{f"{field}__isnull": True}).exclude(**{field: ""})

    def by_slug(self, slug):
        """The item this address names in any language, or named before a rename."""
        condition = Q(former_slugs__contains=[slug])
        for code in site_languages():
            condition |= Q(**{f"slug_{code}": slug})
        return self.filter(condition)

    def missing_language(self, language):
        """Items lacking a required text in `language`: for the translation report."""
        condition = Q()
        for name in self.model.translation_required:
            field = f"{name}_{language}"
            condition |= Q(**{f"{field}__isnull": True}) | Q(**{field: ""})
        return self.filter(condition)

    def latest_first(self):
        return self.order_by("-published_at", "-pk")


class Publishable(models.Model):
    """One publishing state for every public item.

    A future `published_at` is a schedule: the item goes live by itself at that moment,
    because `published()` compares with the time of each query (no cron job involved).
    """

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        help_text=_("Only published items appear on the public site."),
    )
    published_at = models.DateTimeField(
        _("publication date and time"),
        default=timezone.now,
        db_index=False,
        help_text=_(
            "Shown as the item's date. A time in the future schedules the item: "
            "it appears on the site by itself at that moment."
        ),
    )
    unpublish_at = models.DateTimeField(
        _("unpublish at"),
        null=True,
        blank=True,
        help_text=_("Optional. The item disappears from the public site at this moment."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    require_all_languages = models.BooleanField(
        _("publish only when every language is complete"),
        default=False,
        help_text=_(
            "Tick to publish the Russian and English versions together: publishing is refused "
            "while a language is missing."
        ),
    )
    former_slugs = ArrayField(
        models.CharField(max_length=120),
        default=list,
        blank=True,
        editable=False,
        help_text="Addresses the item had before: they redirect to the current one.",
    )
    # Optimistic locking: every save through the admin or a workflow service increments it
    # under SELECT ... FOR UPDATE, so a save based on an older version is refused.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=PublicationStatus.values),
                name="%(app_label)s_%(class)s_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=F("published_at")),
                name="%(app_label)s_%(class)s_unpublish_after_publish",
                violation_error_message=_("The unpublish time must be after the publication time."),
            ),
        ]
        indexes = [
            # Lists walk this index newest first; with the id and the unpublish time in it,
            # counts and deep pages read the index alone (index-only scans).
            models.Index(
                fields=["status", "-published_at", "-id"],
                include=["unpublish_at"],
                name="%(class)s_pub_idx",
            ),
            # The newsroom's lists: everything, newest first.
            models.Index(fields=["-published_at", "-id"], name="%(class)s_newest_idx"),
        ]

    #: The text whose presence in a language means the item exists in that language.
    translation_field = "title"
    #: Other fields a slug must be unique together with (the article's section).
    slug_scope = ()
    #: The texts a language version needs to count as complete.
    translation_required = ("title",)

    def save(self, *args, **kwargs):
        self.fill_slugs()
        super().save(*args, **kwargs)
        self._stored_slugs = self.language_slugs()

    @classmethod
    def from_db(cls, db, field_names, values):
        item = super().from_db(db, field_names, values)
        item._stored_slugs = item.language_slugs()
        return item

    def language_slugs(self):
        return {code: self.__dict__.get(f"slug_{code}") or "" for code in site_languages()}

    def fill_slugs(self):
        """Every language gets a Latin slug: its own title's, else the other languages' one.

        A slug changed by an editor keeps the old one in `former_slugs`, which redirects.
        """
        slugs = self.language_slugs()
        fallback = slugs.get(settings.LANGUAGE_CODE) or next((s for s in slugs.values() if s), "")
        for code, slug in slugs.items():
            if slug:
                continue
            title = (
                self.__dict__.get(f"{self.translation_field}_{code}")
                or self.__dict__.get(self.translation_field)
                or ""
            )
            base = (
                fallback
                if fallback and not self.__dict__.get(f"{self.translation_field}_{code}")
                else latin_slug(title, 100)
            )
            setattr(self, f"slug_{code}", self._unique_slug(base, code))
        stored = getattr(self, "_stored_slugs", {})
        for code, old in stored.items():
            if old and old != self.__dict__.get(f"slug_{code}") and old not in self.former_slugs:
                self.former_slugs = [*self.former_slugs, old]

    def _unique_slug(self, base, code):
        base = base or "item"
        others = (
            type(self)
            ._base_manager.exclude(pk=self.pk)
            .filter(**{name: getattr(self, name) for name in self.slug_scope})
        )
        slug, number = base, 1
        while others.filter(**{f"slug_{code}": slug}).exists():
            number += 1
            slug = f"{base[:110]}-{number}"
        return slug

    def languages_available(self):
        return [
            code
            for code in site_languages()
            if getattr(self, f"{self.translation_field}_{code}", "")
        ]

    def missing_languages(self):
        """[(language code, [missing field names]), ...] for incomplete language versions."""
        missing = []
        for code in site_languages():
            fields = [
                name
                for name in self.translation_required
                if not getattr(self, f"{name}_{code}", "")
            ]
            if fields:
                missing.append((code, fields))
        return missing

    @property
    def shown_in_other_language(self):
        """The language the visitor reads this item in, when theirs is missing (else None)."""
        available = self.languages_available()
        language = get_language()
        if not available or language in available:
            return None
        return next(
            (c for c in settings.MODELTRANSLATION_FALLBACK_LANGUAGES if c in available),
            available[0],
        )

    def is_published_at(self, at=None):
        """The twin of `published()` for this one object."""
        at = at or timezone.now()
        return (
            self.status == PublicationStatus.PUBLISHED
            and self.published_at is not None
            and self.published_at <= at
            and (self.unpublish_at is None or self.unpublish_at > at)
        )

    @property
    def is_published(self):
        return self.is_published_at()

    def is_shown_in_language(self, language=None):
        """The twin of `shown_in_language()` for this one object."""
        language = language or get_language()
        if settings.TRANSLATION_FALLBACK == "hide" and language in site_languages():
            return bool(getattr(self, f"{self.translation_field}_{language}", ""))
        return True

    @property
    def is_public(self):
        """The twin of `public()`: a visitor reading the active language may see it."""
        return self.is_published and self.is_shown_in_language()

    @property
    def is_scheduled(self):
        return self.status == PublicationStatus.PUBLISHED and self.published_at > timezone.now()

    @property
    def publication_state(self):
        """What the public sees, in words: live, scheduled, expired, or the stored status."""
        if self.is_published:
            return "live"
        if self.is_scheduled:
            return "scheduled"
        if self.status == PublicationStatus.PUBLISHED:
            return "expired"
        return self.status

    @classmethod
    def publish_permission(cls):
        """The permission (“app.publish_model”) that allows publishing this kind of item."""
        return f"{cls._meta.app_label}.publish_{cls._meta.model_name}"

    def prepublish_warnings(self):
        """What an editor should look at before publishing; empty when all is well."""
        return []

    def publishing_blockers(self):
        """What must be fixed before the item may go public; empty when nothing blocks."""
        if not self.require_all_languages:
            return []
        return [
            _(
                "The %(language)s version is incomplete (%(fields)s): the languages are "
                "published together."
            )
            % {"language": language_name(code), "fields": ", ".join(fields)}
            for code, fields in self.missing_languages()
        ]


class SanitisedHTMLField(ProseEditorField):
    """Rich text edited with ProseMirror and cleaned on every write, whatever its path.

    `get_db_prep_save` runs for save(), bulk_create(), update() and fixtures alike, so no
    write path can store markup outside the editor's vocabulary (lookups are left alone).
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EDITOR_EXTENSIONS)
        kwargs.setdefault("sanitize", sanitise_html)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = sanitise_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value

    def get_db_prep_save(self, value, connection):
        if isinstance(value, str) and value:
            value = sanitise_html(value)
        return super().get_db_prep_save(value, connection)


class Licence(models.TextChoices):
    HANDOUT = "handout", _("Handout: free for editorial use with the credit")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved: this use only")
    CC_BY = "cc-by-4.0", _("Creative Commons Attribution 4.0")
    PUBLIC_DOMAIN = "public-domain", _("Public domain")


def validate_photo(value):
    """Form-time checks of a new upload (stored files are not checked again)."""
    if value and not getattr(value, "_committed", True):
        inspect_photo(value.file)


class PhotoFieldFile(ImageFieldFile):
    def _get_image_dimensions(self):
        # Django reads the dimensions as soon as a form hands an upload to the model, before
        # any validator runs; Pillow raises for a header of over twice PHOTO_MAX_PIXELS.
        # Unknown dimensions let validate_photo refuse the picture with a message instead.
        try:
            return super()._get_image_dimensions()
        except Image.DecompressionBombError:
            return (None, None)


class PhotoImageField(models.ImageField):
    attr_class = PhotoFieldFile


def photo_upload_to(photo, filename):
    # A random folder per file: the address of a draft's photo cannot be guessed from its
    # name before the page that shows it is public.
    return f"photos/{timezone.now():%Y/%m}/{secrets.token_urlsafe(9)}/{safe_filename(filename)}"


def rendition_path(original_name, name):
    """Where a rendition is stored: in its original's random folder, as unguessable as it."""
    return str(PurePosixPath(original_name).parent / "renditions" / name)


def safe_filename(filename, default="file"):
    """A safe name with no path: “Итоги заседания (1).JPG” -> “itogi-zasedaniia-1.jpg”."""
    name = PurePosixPath(filename.replace("\\", "/")).name
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = extension, ""
    stem = latin_slug(stem, 80) or default
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())[:5]
    return f"{stem}.{extension}" if extension else stem


class Photo(models.Model):
    """A picture from the library, with the rights information shown wherever it is used."""

    image = PhotoImageField(
        _("image file"),
        upload_to=photo_upload_to,
        width_field="width",
        height_field="height",
        validators=[validate_photo],
        help_text=_(
            "JPEG, PNG, WebP or GIF. Location and camera data are removed when it is saved."
        ),
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    file_size = models.PositiveBigIntegerField(_("file size"), editable=False, null=True)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the picture shows, for people who cannot see it "
            "(for example: “Two men shaking hands at a conference table”)."
        ),
    )
    caption = models.CharField(
        _("caption"),
        max_length=500,
        blank=True,
        help_text=_("Shown under the picture. Usually the people, place and occasion."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=300,
        blank=True,
        help_text=_(
            "Who holds the rights, as printed after “© Photo :”, for example "
            "“Press Service of the Ministry of Industry and Trade of Russia”."
        ),
    )
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("The organisation or agency that supplied the picture."),
    )
    licence = models.CharField(
        _("licence"), max_length=30, choices=Licence.choices, default=Licence.HANDOUT
    )
    licence_notes = models.CharField(
        _("reuse terms"),
        max_length=500,
        blank=True,
        help_text=_("Anything else about reuse: embargo, “not for commercial use”, expiry."),
    )
    taken_on = models.DateField(_("date taken"), null=True, blank=True)
    focal_x = models.FloatField(
        _("focal point, across (%)"),
        default=50,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Where the important part is, from the left edge: crops keep it in view."),
    )
    focal_y = models.FloatField(
        _("focal point, down (%)"),
        default=50,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("From the top edge."),
    )
    # Made at upload, kept with the photo: [{name, width, height, format, crop}, ...]
    renditions = models.JSONField(default=list, editable=False)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["-created_at"]
        # A photo has no status of its own: it is public while a public item shows it, and
        # changing it then is an editor's decision (apps/core/rights.py).
        permissions = [("publish_photo", _("Can change photos shown on the public site"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(focal_x__gte=0, focal_x__lte=100, focal_y__gte=0, focal_y__lte=100),
                name="photo_focal_point_inside",
            ),
            models.CheckConstraint(
                condition=Q(licence__in=Licence.values), name="photo_licence_valid"
            ),
        ]

    def __str__(self):
        return self.caption or self.alt_text or self.image.name

    def save(self, *args, **kwargs):
        stored_name, stored_x, stored_y = getattr(self, "_stored", (None, None, None))
        new_upload = bool(self.image) and not self.image._committed
        if new_upload:
            facts = inspect_photo(self.image.file)
            self.credit = self.credit or facts.credit
            self.taken_on = self.taken_on or facts.taken_on
            data = stripped_original(self.image.file)
            self.image = ContentFile(data, name=PurePosixPath(self.image.name).name)
            self.file_size = len(data)
        try:
            super().save(*args, **kwargs)
            refocused = (stored_x, stored_y) != (self.focal_x, self.focal_y)
            if new_upload or refocused or not self.renditions:
                self.make_renditions()
        except OSError:
            # Storage full or unavailable: leave no stray original behind the rolled-back row.
            if new_upload and self.image.name and self.image._committed:
                with contextlib.suppress(OSError):
                    self.image.storage.delete(self.image.name)
            raise
        if stored_name and stored_name != self.image.name:
            # A replaced original; its renditions were replaced by make_renditions().
            storage = self.image.storage
            transaction.on_commit(lambda: delete_files(storage, [stored_name]))
        self._stored = (self.image.name, self.focal_x, self.focal_y)

    @classmethod
    def from_db(cls, db, field_names, values):
        photo = super().from_db(db, field_names, values)
        # From the loaded values only: a deferred field read here would load the row again.
        loaded = photo.__dict__
        image = loaded.get("image")
        photo._stored = (
            getattr(image, "name", image),
            loaded.get("focal_x"),
            loaded.get("focal_y"),
        )
        return photo

    def make_renditions(self):
        """(Re)make the renditions from the stored original; old rendition files are removed."""
        if not self.image:
            return
        storage = self.image.storage
        old_names = [r["name"] for r in self.renditions]
        with storage.open(self.image.name, "rb") as original:
            source = original.read()
        stem = PurePosixPath(self.image.name).stem
        made = []
        try:
            for name, width, height, extension, crop, data in make_renditions(
                source, stem, self.focal_x, self.focal_y
            ):
                path = rendition_path(self.image.name, name)
                storage.delete(path)
                saved = storage.save(path, ContentFile(data))
                made.append(
                    {"name": saved, "width": width, "height": height,
                     "format": extension, "crop": crop}
                )  # fmt: skip
        except OSError:
            delete_files(storage, [rendition["name"] for rendition in made])
            raise
        Photo.objects.filter(pk=self.pk).update(renditions=made)
        self.renditions = made
        stale = [name for name in old_names if name not in {r["name"] for r in made}]
        transaction.on_commit(lambda: delete_files(storage, stale))

    def files(self):
        """Every stored file of this photo: the original and its renditions."""
        return [name for name in [self.image.name] if name] + [r["name"] for r in self.renditions]

    def srcset(self, image_format, crop=""):
        storage = self.image.storage
        return ", ".join(
            f"{storage.url(r['name'])} {r['width']}w"
            for r in self.renditions
            if r["format"] == image_format and r["crop"] == crop
        )

    def fallback(self, crop=""):
        """The JPEG rendition closest to 960 px wide: the <img src> of a <picture>."""
        candidates = [r for r in self.renditions if r["format"] == "jpg" and r["crop"] == crop]
        if not candidates:
            return {"url": self.image.url, "width": self.width, "height": self.height}
        best = min(candidates, key=lambda r: abs(r["width"] - 960))
        return {
            "url": self.image.storage.url(best["name"]),
            "width": best["width"],
            "height": best["height"],
        }


class Language(models.TextChoices):
    """Languages of texts: the organisation's working language and its members'."""

    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")
    ARMENIAN = "hy", _("Armenian")
    BELARUSIAN = "be", _("Belarusian")
    KAZAKH = "kk", _("Kazakh")
    KYRGYZ = "ky", _("Kyrgyz")
    TAJIK = "tg", _("Tajik")


def validate_document(value):
    if value and not getattr(value, "_committed", True):
        inspect_document(value.file)


def document_upload_to(document, filename):
    # Documents are downloaded through their item's page (only while it is published); the
    # random folder keeps the stored file's own address unguessable all the same.
    return f"documents/{timezone.now():%Y/%m}/{secrets.token_urlsafe(9)}/{safe_filename(filename)}"


class Document(models.Model):
    """An attached file (official text, statement, press kit), checked by its content."""

    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(_("language"), max_length=5, choices=Language.choices)
    file = models.FileField(
        _("file"),
        upload_to=document_upload_to,
        validators=[validate_document],
        help_text=_("PDF, Word (DOCX), Excel (XLSX) or OpenDocument text (ODT)."),
    )
    content_type = models.CharField(max_length=100, editable=False, default="")
    file_size = models.PositiveBigIntegerField(_("file size"), editable=False, null=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            facts = inspect_document(self.file.file)
            self.content_type, self.file_size = facts.content_type, facts.size
            stem = PurePosixPath(safe_filename(self.file.name)).stem
            self.file.name = f"{stem}.{facts.extension}"  # the content decides the extension
        super().save(*args, **kwargs)

    @property
    def file_format(self):
        """“PDF”, “DOCX”: what a reader downloads."""
        return EXTENSIONS.get(self.content_type, "").upper()

    @property
    def download_name(self):
        """The name the reader's browser saves it under: the title, in Latin letters."""
        return (
            f"{latin_slug(self.title, 80) or 'document'}.{EXTENSIONS.get(self.content_type, 'bin')}"
        )


class GalleryPhoto(models.Model):
    """One photo of an item's gallery, in order."""

    photo = models.ForeignKey(
        "core.Photo", verbose_name=_("photo"), on_delete=models.PROTECT, related_name="+"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    caption = models.CharField(
        _("caption"), max_length=500, blank=True, help_text=_("Leave empty to use the photo's.")
    )

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self):
        return self.caption or str(self.photo)


def delete_files(storage, names):
    for name in names:
        if name:
            storage.delete(name)


class EmbargoLinkQuerySet(models.QuerySet):
    def valid(self, at=None):
        at = at or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=at)


class EmbargoLink(models.Model):
    """A signed, expiring, revocable link that shows one unpublished item to a named reader."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    recipient = models.CharField(
        _("for"),
        max_length=200,
        help_text=_(
            "Who receives the link, for example “Sputnik, Astana bureau” or "
            "“Press service of the Ministry of Foreign Affairs of Kazakhstan”."
        ),
    )
    expires_at = models.DateTimeField(
        _("expires at"), help_text=_("The link stops working at this moment.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = EmbargoLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("embargo link")
        verbose_name_plural = _("embargo links")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="embargo_item_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")),
                name="embargo_expires_after_creation",
                violation_error_message=_("The link must expire in the future."),
            ),
        ]

    def __str__(self):
        return f"{self.recipient} — {self.item}"

    def get_absolute_url(self):
        return reverse("core:embargo_view", kwargs={"token": self.token})

    @property
    def token(self):
        # Deterministic (no timestamp): expiry and revocation live in the database.
        return signing.Signer(salt=EMBARGO_SALT).sign_object(self.pk, compress=True)

    @classmethod
    def from_token(cls, token):
        """The link a token names, or None when it is forged or tampered with."""
        try:
            pk = signing.Signer(salt=EMBARGO_SALT).unsign_object(token)
        except (signing.BadSignature, ValueError):
            return None
        return cls.objects.filter(pk=pk).select_related("content_type").first()

    @property
    def is_valid(self):
        return self.revoked_at is None and self.expires_at > timezone.now()


EMBARGO_SALT = "cstonews.embargo-link"


#: PostgreSQL text-search configuration of each language (stemming); others: "simple".
TEXT_SEARCH_CONFIGS = {"ru": "russian", "en": "english", "hy": "armenian"}


def search_document(*weighted_fields):
    """The expression of a stored, generated tsvector: every language's text, each stemmed
    by its own language, weighted A (titles) to C (bodies), accents removed, HTML stripped.

    `weighted_fields` are (field, weight) or (field, weight, "html") for translated fields.
    PostgreSQL keeps the column current on every write (save, update, bulk, migrations).
    """
    vectors = []
    for field, weight, *kind in weighted_fields:
        for code, _name in settings.LANGUAGES:
            text = Coalesce(F(f"{field}_{code}"), Value(""), output_field=models.TextField())
            if kind == ["html"]:
                text = Func(
                    text, Value("<[^>]+>"), Value(" "), Value("g"),
                    function="regexp_replace", output_field=models.TextField(),
                )  # fmt: skip
            text = Func(text, function="public.immutable_unaccent", output_field=models.TextField())
            config = TEXT_SEARCH_CONFIGS.get(code, "simple")
            vectors.append(SearchVector(text, config=config, weight=weight))
    return functools.reduce(operator.add, vectors)


def search_field(*weighted_fields):
    return models.GeneratedField(
        expression=search_document(*weighted_fields),
        output_field=SearchVectorField(),
        db_persist=True,
        editable=False,
    )


class ContentGeneration(models.Model):
    """One row: which generation of the public content cached pages belong to.

    Bumped after every committed change to content and when a scheduled publication or
    unpublication comes due (`next_change_at`). Kept in the database, not in the cache, so
    that every worker and every server agrees on it whatever the cache backend.
    """

    number = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)
    next_change_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("content generation")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="content_generation_one_row")]

    def __str__(self):
        return f"{self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
