"""Photos: upload checks, metadata stripping and renditions, with Pillow alone.

Every uploaded picture is decoded (never trusted by its name), limited in bytes, pixels
and frames, turned upright, and stored again without EXIF/XMP (GPS positions, camera
serial numbers). Renditions in a few fixed widths, WebP and JPEG, are made once at upload.
"""

import io
import warnings
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
ANIMATION_KEYS = {"transparency", "duration", "loop", "background"}
RENDITION_WIDTHS = (480, 960, 1600)
RENDITION_FORMATS = {"webp": "WEBP", "jpg": "JPEG"}
#: Shapes that layouts ask for, cropped around the focal point.
CROPS = {"16:9": (16, 9)}
CROP_WIDTHS = (480, 960)

# Pillow's own guard, at our limit: above it a DecompressionBombWarning, above twice it an
# error. We refuse from the limit up (the warning is turned into an error while checking).
Image.MAX_IMAGE_PIXELS = settings.PHOTO_MAX_PIXELS


NOT_A_PICTURE = _(
    "This file is not a readable JPEG, PNG, WebP or GIF picture (it may be damaged, "
    "incomplete, or another kind of file renamed)."
)


@dataclass
class PhotoFacts:
    format: str
    width: int
    height: int
    credit: str = ""
    taken_on: date | None = None


def inspect_photo(upload):
    """Check an uploaded picture and return what it is; raise ValidationError if unfit."""
    size = getattr(upload, "size", None)
    if size is not None and size > settings.PHOTO_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; photos may be at most %(limit)s."),
            code="too_big",
            params={
                "size": filesizeformat(size),
                "limit": filesizeformat(settings.PHOTO_MAX_BYTES),
            },
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                facts = _check_header(image)
                image.load()  # decodes everything: truncated or corrupt data fails here
    except ValidationError:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise _too_many_pixels() from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
        raise ValidationError(NOT_A_PICTURE, code="invalid_image") from error
    finally:
        upload.seek(0)
    return facts


def _too_many_pixels():
    return ValidationError(
        _("The picture is too large: at most %(limit)d megapixels are accepted."),
        code="too_many_pixels",
        params={"limit": settings.PHOTO_MAX_PIXELS // 1_000_000},
    )


def _check_header(image):
    if image.format not in ACCEPTED_FORMATS:
        raise ValidationError(
            _("%(format)s pictures are not accepted: use JPEG, PNG, WebP or GIF."),
            code="format",
            params={"format": image.format or _("This kind of")},
        )
    width, height = image.size
    if width * height > settings.PHOTO_MAX_PIXELS:
        raise _too_many_pixels()
    frames = getattr(image, "n_frames", 1)
    if frames > settings.PHOTO_MAX_FRAMES:
        raise ValidationError(
            _("The animation has %(frames)d frames; at most %(limit)d are accepted."),
            code="too_many_frames",
            params={"frames": frames, "limit": settings.PHOTO_MAX_FRAMES},
        )
    credit, taken_on = _metadata(image)
    return PhotoFacts(image.format, width, height, credit, taken_on)


def _metadata(image):
    """Credit and date from EXIF, read before the metadata is thrown away."""
    try:
        exif = image.getexif()
    except (AttributeError, OSError, SyntaxError, ValueError):
        return "", None
    details = exif.get_ifd(ExifTags.IFD.Exif)
    credit = str(exif.get(ExifTags.Base.Copyright) or exif.get(ExifTags.Base.Artist) or "")
    raw_date = details.get(ExifTags.Base.DateTimeOriginal) or exif.get(ExifTags.Base.DateTime)
    taken_on = None
    if raw_date:
        try:
            taken_on = datetime.strptime(str(raw_date).strip("\x00 "), "%Y:%m:%d %H:%M:%S").date()
        except ValueError:
            taken_on = None
    return credit.strip("\x00 ")[:300], taken_on


def stripped_original(upload):
    """The upload turned upright and saved again with no EXIF, XMP or comments."""
    upload.seek(0)
    with Image.open(upload) as image:
        image_format = image.format
        if image_format == "GIF" and getattr(image, "n_frames", 1) > 1:
            return _stripped_animation(image)
        upright = ImageOps.exif_transpose(image)
        return _encode(upright, image_format, icc_profile=image.info.get("icc_profile"))


def _stripped_animation(image):
    frames = []
    for index in range(image.n_frames):
        image.seek(index)
        frame = image.copy()
        frame.info = {key: value for key, value in frame.info.items() if key in ANIMATION_KEYS}
        frames.append(frame)
    buffer = io.BytesIO()
    frames[0].save(
        buffer,
        format="GIF",
        save_all=True,
        append_images=frames[1:],
        loop=image.info.get("loop", 0),
        duration=image.info.get("duration", 100),
        disposal=2,
        comment=b"",
    )
    return buffer.getvalue()


def _encode(image, image_format, icc_profile=None):
    # Nothing from the source's metadata travels on (comments, XMP, EXIF) but transparency.
    image.info = {key: value for key, value in image.info.items() if key == "transparency"}
    buffer = io.BytesIO()
    options = {}
    if icc_profile:
        options["icc_profile"] = icc_profile  # colour, not personal data: kept
    if image_format == "JPEG":
        image = image.convert("RGB") if image.mode not in ("RGB", "L") else image
        options |= {"quality": 90, "optimize": True, "progressive": True}
    elif image_format == "WEBP":
        options |= {"quality": 85, "method": 4}
    elif image_format == "PNG":
        options |= {"optimize": True}
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def focal_crop(image, ratio, focal_x, focal_y):
    """The largest box of `ratio` inside `image`, centred as near the focal point as fits."""
    width, height = image.size
    wanted_w, wanted_h = ratio
    if width * wanted_h > height * wanted_w:  # too wide: keep the height
        box_w, box_h = round(height * wanted_w / wanted_h), height
    else:
        box_w, box_h = width, round(width * wanted_h / wanted_w)
    centre_x, centre_y = width * focal_x / 100, height * focal_y / 100
    left = min(max(round(centre_x - box_w / 2), 0), width - box_w)
    top = min(max(round(centre_y - box_h / 2), 0), height - box_h)
    return image.crop((left, top, left + box_w, top + box_h))


def make_renditions(source_bytes, stem, focal_x=50.0, focal_y=50.0):
    """Renditions of a (stripped) original: [(name, width, height, format, crop, bytes)].

    Widths larger than the original are not made: pictures are never upscaled.
    """
    with Image.open(io.BytesIO(source_bytes)) as opened:
        opened.seek(0)
        base = opened.convert("RGBA" if opened.mode in ("RGBA", "LA", "P") else "RGB")
    jobs = [(base, width, "") for width in RENDITION_WIDTHS]
    for name, ratio in CROPS.items():
        cropped = focal_crop(base, ratio, focal_x, focal_y)
        jobs += [(cropped, width, name) for width in CROP_WIDTHS]
    renditions = []
    for image, width, crop in jobs:
        if width > image.width and width != min(RENDITION_WIDTHS):
            continue
        width = min(width, image.width)
        height = max(1, round(image.height * width / image.width))
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        for extension, image_format in RENDITION_FORMATS.items():
            converted = resized.convert("RGB") if image_format == "JPEG" else resized
            crop_part = f"-{crop.replace(':', 'x')}" if crop else ""
            name = f"{stem}{crop_part}-{width}w.{extension}"
            renditions.append(
                (name, width, height, extension, crop, _encode(converted, image_format))
            )
    return renditions
