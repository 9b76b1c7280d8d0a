"""The photo library and attached documents: files checked by their content, renditions, rights."""

import contextlib
import re
import secrets
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.db.models.fields.files import ImageFieldFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from PIL import Image

from apps.core.languages import Language, site_languages
from apps.core.slugs import latin_slug
from apps.media.documents import EXTENSIONS, inspect_document
from apps.media.images import inspect_photo, make_renditions, stripped_original

#: A credit typed or read from a camera with the site's own prefix: "© Фото: ", "(c) Photo -",
#: "Photo:", "©". The site prints "© Photo: " itself, so it is removed before saving.
CREDIT_PREFIX = re.compile(
    r"^\s*(?:(?:©|\(c\))\s*(?:(?:photo|фото)\s*)?[:\-–—]?|(?:photo|фото)\s*[:\-–—])\s*",
    re.IGNORECASE,
)


def credit_fields():
    """The credit's column in every language of the site (“credit” names the active one)."""
    return [f"credit_{code}" for code in site_languages()]


def bare_credit(text):
    """The rights holder alone: “© Фото: Пресс-служба” -> “Пресс-служба”."""
    return CREDIT_PREFIX.sub("", text or "", count=1).strip()


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
        _("rights holder"),
        max_length=300,
        blank=True,
        help_text=_(
            "Who holds the rights, for example “Press Service of the Ministry of Industry and "
            "Trade of Russia”. The site prints “© Photo:” before it: do not type it."
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
        # Moved from the core app with its rows: the table keeps its first name.
        db_table = "core_photo"
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
        for field in credit_fields():
            if value := getattr(self, field):
                setattr(self, field, bare_credit(value))
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
        "media.Photo", verbose_name=_("photo"), on_delete=models.PROTECT, related_name="+"
    )
    order = models.PositiveSmallIntegerField(
        pgettext_lazy("position in a list", "order"), default=0
    )
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
