"""Photos: hostile uploads refused, privacy kept, renditions made and cleaned up."""

import importlib
import io
import struct
import zlib
from datetime import date
from pathlib import Path, PurePosixPath

import pytest
from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import ExifTags, Image

from apps.media.images import focal_crop
from apps.media.models import Photo
from tests.admin_forms import form_data
from tests.factories import ArticleFactory, PhotoFactory, jpeg_bytes

pytestmark = pytest.mark.django_db


def jpeg_with_gps(size=(2000, 1000), orientation=None, **exif_values):
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = exif_values.get("artist", "Press Service of the Ministry")
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.BodySerialNumber] = "SERIAL-12345"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = "2023:03:01 10:15:00"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(
        {1: "N", 2: (55.0, 45.0, 0.0), 3: "E", 4: (37.0, 37.0, 0.0)}
    )
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    buffer = io.BytesIO()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>GPS secret</rdf:RDF></x:xmpmeta>'
    image.save(buffer, format="JPEG", exif=exif, xmp=xmp, comment=b"internal note")
    return buffer.getvalue()


def stored_bytes(name):
    with Photo._meta.get_field("image").storage.open(name, "rb") as handle:
        return handle.read()


def files_under(root):
    return sorted(str(p.relative_to(root)) for p in Path(root).rglob("*") if p.is_file())


def test_exif_gps_and_xmp_are_stripped_from_every_stored_file():
    photo = Photo.objects.create(image=ContentFile(jpeg_with_gps(), name="from-phone.jpg"))
    assert photo.files()
    for name in photo.files():
        data = stored_bytes(name)
        with Image.open(io.BytesIO(data)) as image:
            assert not image.getexif(), name
            assert "exif" not in image.info
            assert "xmp" not in image.info
        assert b"SERIAL-12345" not in data
        assert b"GPS secret" not in data
        assert b"internal note" not in data


def test_credit_and_date_are_taken_from_exif_before_stripping():
    photo = Photo.objects.create(image=ContentFile(jpeg_with_gps(artist="TASS"), name="a.jpg"))
    assert photo.credit == "TASS"
    assert photo.taken_on == date(2023, 3, 1)


def test_a_credit_typed_by_the_editor_wins():
    photo = Photo.objects.create(
        image=ContentFile(jpeg_with_gps(), name="a.jpg"), credit="CSTO Press Service"
    )
    assert photo.credit == "CSTO Press Service"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("© Фото: Пресс-служба Минобороны Беларуси", "Пресс-служба Минобороны Беларуси"),
        ("© Photo: CSTO Press Service", "CSTO Press Service"),
        ("(c) Photo - TASS", "TASS"),
        ("Фото: Спутник", "Спутник"),
        ("© Sputnik / Ramil Sitdikov", "Sputnik / Ramil Sitdikov"),
        ("Photographer unknown", "Photographer unknown"),  # a word, not the prefix
    ],
)
def test_the_credit_is_saved_without_the_prefix_the_site_prints(typed, kept):
    photo = PhotoFactory(credit_ru=typed, credit_en=typed)
    photo.refresh_from_db()
    assert (photo.credit_ru, photo.credit_en) == (kept, kept)


def test_a_credit_line_is_printed_once_in_each_language(client):
    photo = PhotoFactory(credit_ru="Пресс-служба Минобороны Беларуси", credit_en="Belarus MoD")
    # A row saved before the prefix was removed on save prints it once, after the data
    # migration has cleaned it.
    Photo.objects.filter(pk=photo.pk).update(credit_ru="© Фото: Пресс-служба Минобороны Беларуси")
    importlib.import_module("apps.media.migrations.0003_credits_without_the_prefix").strip_prefixes(
        django_apps, None
    )
    article = ArticleFactory(main_image=photo)
    for language, line in [
        ("ru", "© Фото: Пресс-служба Минобороны Беларуси"),
        ("en", "© Photo: Belarus MoD"),
    ]:
        with translation.override(language):
            page = client.get(article.get_absolute_url()).content.decode()
        assert page.count(line) == 1, language
        assert page.count("©") == 1, language


def test_orientation_is_applied_before_stripping():
    # Orientation 6: the camera was turned; the stored picture must stand upright.
    photo = Photo.objects.create(
        image=ContentFile(jpeg_with_gps((400, 200), orientation=6), name="a.jpg")
    )
    assert (photo.width, photo.height) == (200, 400)


def test_renditions_in_three_widths_two_formats_and_a_wide_crop():
    photo = Photo.objects.create(image=ContentFile(jpeg_with_gps((2000, 1500)), name="a.jpg"))
    plain = {(r["width"], r["format"]) for r in photo.renditions if not r["crop"]}
    assert plain == {(w, f) for w in (480, 960, 1600) for f in ("webp", "jpg")}
    for rendition in photo.renditions:
        with Image.open(io.BytesIO(stored_bytes(rendition["name"]))) as image:
            assert image.size == (rendition["width"], rendition["height"])
            assert image.format == {"webp": "WEBP", "jpg": "JPEG"}[rendition["format"]]
    wide = [r for r in photo.renditions if r["crop"] == "16:9"]
    assert {(r["width"], r["height"]) for r in wide} == {(480, 270), (960, 540)}


def test_small_pictures_are_never_upscaled():
    photo = Photo.objects.create(image=ContentFile(jpeg_with_gps((700, 500)), name="a.jpg"))
    assert max(r["width"] for r in photo.renditions) == 480
    tiny = Photo.objects.create(image=ContentFile(jpeg_with_gps((300, 200)), name="b.jpg"))
    assert {r["width"] for r in tiny.renditions} == {300}


def test_focal_point_decides_the_crop():
    image = Image.new("RGB", (100, 100), "white")
    image.paste((255, 0, 0), (0, 0, 100, 20))  # a red band at the top
    top = focal_crop(image, (16, 9), focal_x=50, focal_y=0)
    bottom = focal_crop(image, (16, 9), focal_x=50, focal_y=100)
    assert top.size == bottom.size == (100, 56)
    assert top.getpixel((50, 5)) == (255, 0, 0)
    assert bottom.getpixel((50, 5)) == (255, 255, 255)


def test_moving_the_focal_point_remakes_the_crops():
    image = Image.new("RGB", (1000, 1000), "white")
    image.paste((0, 0, 255), (0, 0, 1000, 300))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    photo = Photo.objects.create(image=ContentFile(buffer.getvalue(), name="a.png"))
    before = {r["name"]: stored_bytes(r["name"]) for r in photo.renditions if r["crop"]}
    photo.focal_y = 0
    photo.save()
    after = {r["name"]: stored_bytes(r["name"]) for r in photo.renditions if r["crop"]}
    assert before.keys() == after.keys()
    assert before != after


def test_deleting_a_photo_deletes_all_its_files(settings, django_capture_on_commit_callbacks):
    photo = Photo.objects.create(image=ContentFile(jpeg_with_gps(), name="a.jpg"))
    assert files_under(settings.MEDIA_ROOT)
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert files_under(settings.MEDIA_ROOT) == []


def test_replacing_the_image_leaves_no_orphans(settings, django_capture_on_commit_callbacks):
    photo = Photo.objects.create(image=ContentFile(jpeg_with_gps(), name="first.jpg"))
    with django_capture_on_commit_callbacks(execute=True):
        photo.image = ContentFile(jpeg_with_gps((1200, 800)), name="second.jpg")
        photo.save()
    assert sorted(files_under(settings.MEDIA_ROOT)) == sorted(photo.files())
    assert "first" not in " ".join(photo.files())


def test_storage_independent_code_runs_on_any_storage(monkeypatch):
    storage = InMemoryStorage()
    monkeypatch.setattr(Photo._meta.get_field("image"), "storage", storage)
    photo = Photo.objects.create(image=ContentFile(jpeg_with_gps(), name="a.jpg"))
    assert all(storage.exists(name) for name in photo.files())
    assert "data" not in photo.image.name
    with storage.open(photo.files()[1], "rb") as handle:
        assert handle.read(4) in (b"RIFF", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xdb")


def test_picture_markup_has_sources_sizes_and_dimensions(client):
    photo = Photo.objects.create(
        image=ContentFile(jpeg_with_gps(), name="a.jpg"), alt_text="Delegations", credit="TASS"
    )
    article = ArticleFactory(main_image=photo)
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<source type="image/webp" srcset="' in html
    assert "480w" in html
    assert "1600w" in html
    assert 'sizes="(min-width: 64rem) 44rem, 100vw"' in html
    assert 'alt="Delegations" width="960" height="480"' in html
    assert "© Photo: TASS" in html


def gif_with_frames(count):
    frames = [Image.new("L", (2, 2), (i % 2) * 255) for i in range(count)]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:])
    return buffer.getvalue()


def png_of(width, height):
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


HOSTILE_UPLOADS = {
    "decompression bomb (72 MP PNG)": (lambda: png_of(9000, 8000), "bomb.png", "megapixels"),
    "truncated JPEG": (lambda: jpeg_with_gps()[:5000], "cut.jpg", "not a readable"),
    "HTML renamed .jpg": (
        lambda: b"<html><script>alert(1)</script></html>",
        "page.jpg",
        "not a readable",
    ),
    "SVG renamed .jpg": (
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        "vector.jpg",
        "not a readable",
    ),
    "GIF with thousands of frames": (lambda: gif_with_frames(2000), "anim.gif", "frames"),
    "BMP picture": (lambda: _bmp(), "old.bmp", "not accepted"),
    "empty file": (lambda: b"", "empty.jpg", "empty"),
}


def _bmp():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="BMP")
    return buffer.getvalue()


@pytest.mark.parametrize("case", HOSTILE_UPLOADS)
def test_hostile_uploads_get_a_form_error_and_leave_nothing_behind(editor_client, settings, case):
    make, name, message = HOSTILE_UPLOADS[case]
    url = reverse("admin:media_photo_add")
    data = form_data(editor_client.get(url), "photo_form")
    data["image"] = SimpleUploadedFile(name, make())
    response = editor_client.post(url, data)
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors.get("image", []))
    assert message in errors, errors
    assert not Photo.objects.exists()
    assert files_under(settings.MEDIA_ROOT) == []


def png_header_of(width, height):
    """A PNG that claims `width` x `height` pixels and holds almost nothing."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    "make",
    [
        lambda: png_of(10_000, 10_000),
        lambda: png_of(20_000, 20_000),
        lambda: png_header_of(10**5, 10**5),
    ],
    ids=["100 MP", "400 MP", "10 GP header"],
)
def test_a_picture_of_any_pixel_count_gets_a_form_error_not_a_server_error(
    staff_client, settings, make
):
    # Above twice the limit Pillow raises instead of warning, and Django reads the
    # dimensions of an upload as soon as the form hands it to the model.
    url = reverse("admin:media_photo_add")
    data = form_data(staff_client.get(url), "photo_form")
    data["image"] = SimpleUploadedFile("bomb.png", make())
    response = staff_client.post(url, data)
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors.get("image", []))
    assert "megapixels" in errors, errors
    assert not Photo.objects.exists()
    assert files_under(settings.MEDIA_ROOT) == []


def test_too_large_a_file_is_refused_before_decoding(editor_client, settings):
    settings.PHOTO_MAX_BYTES = 10_000
    url = reverse("admin:media_photo_add")
    data = form_data(editor_client.get(url), "photo_form")
    data["image"] = SimpleUploadedFile("big.jpg", jpeg_with_gps() + b"\0" * 20_000)
    response = editor_client.post(url, data)
    assert "photos may be at most" in " ".join(response.context["adminform"].form.errors["image"])


def test_a_real_photo_upload_through_the_admin(editor_client, settings):
    url = reverse("admin:media_photo_add")
    data = form_data(editor_client.get(url), "photo_form")
    data |= {
        "image": SimpleUploadedFile("Итоги заседания (1).JPG", jpeg_with_gps()),
        "alt_text": "Delegations",
        "focal_x": "30",
        "focal_y": "40",
    }
    assert editor_client.post(url, data).status_code == 302
    photo = Photo.objects.get()
    assert Path(photo.image.name).name == "itogi-zasedaniia-1.jpg"
    assert photo.credit == "Press Service of the Ministry"
    page = editor_client.get(reverse("admin:media_photo_change", args=[photo.pk])).content.decode()
    assert "Not used yet" in page
    ArticleFactory(title="Uses the photo", main_image=photo)
    page = editor_client.get(reverse("admin:media_photo_change", args=[photo.pk])).content.decode()
    assert "Uses the photo" in page


def test_a_huge_body_is_refused_before_it_is_read(editor_client, settings):
    url = reverse("admin:media_photo_add")
    response = editor_client.post(
        url,
        {"alt_text": "x"},
        CONTENT_LENGTH=str(5 * 1024**3),  # "5 GB" announced
    )
    assert response.status_code == 413
    assert "too large" in response.content.decode()
    assert not Photo.objects.exists()
    assert files_under(settings.MEDIA_ROOT) == []


def test_too_many_files_in_one_request_are_refused(editor_client):
    url = reverse("admin:media_photo_add")
    data = form_data(editor_client.get(url), "photo_form")
    files = {f"image{n}": SimpleUploadedFile(f"{n}.jpg", jpeg_bytes()) for n in range(25)}
    response = editor_client.post(url, data | files)
    assert response.status_code == 400
    assert not Photo.objects.exists()


def test_a_file_name_cannot_climb_out_of_the_media_folder(editor_client, settings):
    url = reverse("admin:media_photo_add")
    data = form_data(editor_client.get(url), "photo_form")
    data |= {"image": SimpleUploadedFile("../../../etc/cron.d/evil.jpg", jpeg_bytes())}
    data |= {"alt_text": "Delegations"}
    assert editor_client.post(url, data).status_code == 302
    name = Photo.objects.get().image.name
    assert name.startswith("photos/")
    assert ".." not in name
    root = Path(settings.MEDIA_ROOT).resolve()
    stored = [root / path for path in files_under(root)]
    assert stored
    assert all(path.resolve().is_relative_to(root) for path in stored)


def test_two_uploads_of_one_name_get_unguessable_different_addresses(editor_client):
    first = PhotoFactory(image=SimpleUploadedFile("meeting.jpg", jpeg_bytes()))
    second = PhotoFactory(image=SimpleUploadedFile("meeting.jpg", jpeg_bytes()))
    assert first.image.name != second.image.name
    assert len(Path(first.image.name).parent.name) >= 12  # the random folder


def test_rendition_addresses_sit_in_the_originals_random_folder():
    photo = PhotoFactory(image=ContentFile(jpeg_bytes((1200, 900)), name="meeting.jpg"))
    random_folder = PurePosixPath(photo.image.name).parent
    urls = [photo.fallback()["url"]] + [
        url.split()[0] for url in photo.srcset("webp").split(", ") + photo.srcset("jpg").split(", ")
    ]
    assert len(urls) == 5
    for url in urls:
        assert url.startswith(f"/media/{random_folder}/renditions/"), url
        assert f"/{photo.pk}/" not in url


def old_style_migration():
    return importlib.import_module("apps.core.migrations.0009_photo_renditions_beside_original")


def apps_before(app_label, migration_name):
    """The models as that migration saw them (photos were then in core)."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    state = MigrationLoader(connection).project_state((app_label, migration_name))
    return state.apps


def test_the_migration_moves_old_style_renditions_beside_the_original(
    django_capture_on_commit_callbacks,
):
    photo = PhotoFactory()
    storage = photo.image.storage
    old = storage.save(f"photos/renditions/{photo.pk}/photo-480w.jpg", ContentFile(b"480"))
    missing = f"photos/renditions/{photo.pk}/photo-960w.jpg"
    Photo.objects.filter(pk=photo.pk).update(
        renditions=[
            {"name": old, "width": 480, "height": 360, "format": "jpg", "crop": ""},
            {"name": missing, "width": 960, "height": 720, "format": "jpg", "crop": ""},
        ]
    )
    with django_capture_on_commit_callbacks(execute=True):
        old_style_migration().move_renditions_beside_originals(
            apps_before("core", "0009_photo_renditions_beside_original"), None
        )
    photo.refresh_from_db()
    moved, skipped = photo.renditions
    assert moved["name"] == f"{PurePosixPath(photo.image.name).parent}/renditions/photo-480w.jpg"
    assert stored_bytes(moved["name"]) == b"480"
    assert not storage.exists(old)
    assert skipped["name"] == missing  # a missing file is left as it was, not a crash


def test_documents_are_not_served_by_their_stored_address(client, settings):
    response = client.get("/media/documents/2023/03/x/agreement.pdf")
    assert response.status_code == 404


@pytest.mark.parametrize("errno_code", [28, 30], ids=["disk full", "read-only"])
def test_a_failing_media_storage_keeps_the_text_and_saves_nothing(
    editor_client, settings, monkeypatch, errno_code
):
    from django.core.files.storage import FileSystemStorage

    def failing_save(self, name, content, max_length=None):
        raise OSError(errno_code, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "save", failing_save)
    url = reverse("admin:media_photo_add")
    data = form_data(editor_client.get(url), "photo_form")
    data |= {"image": SimpleUploadedFile("meeting.jpg", jpeg_bytes())}
    data |= {"alt_text_en": "Delegations", "caption_en": "The council in session"}
    response = editor_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "nothing was saved" in html
    assert "Delegations" in html  # what the editor typed is still in the form
    assert "The council in session" in html
    assert not Photo.objects.exists()
    assert files_under(settings.MEDIA_ROOT) == []


def test_renditions_failing_half_way_leave_no_files(settings, monkeypatch):
    from django.core.files.storage import FileSystemStorage

    real_save, calls = FileSystemStorage.save, []

    def save_three_then_fail(self, name, content, max_length=None):
        calls.append(name)
        if len(calls) > 3:
            raise OSError(28, "No space left on device")
        return real_save(self, name, content, max_length)

    monkeypatch.setattr(FileSystemStorage, "save", save_three_then_fail)
    with pytest.raises(OSError, match="No space left"):
        Photo.objects.create(image=ContentFile(jpeg_bytes((1200, 900)), name="big.jpg"))
    assert files_under(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
def test_a_photo_loads_with_deferred_fields():
    """Reading a deferred field while the row loads used to recurse for ever."""
    photo = PhotoFactory()
    loaded = Photo.objects.only("pk", "caption").get(pk=photo.pk)
    assert loaded.image.name == photo.image.name


def test_the_photo_form_sets_the_focal_point_by_a_click_and_shows_the_crops(editor_client):
    photo = PhotoFactory()
    page = editor_client.get(reverse("admin:media_photo_change", args=[photo.pk])).content.decode()
    assert "js/admin-focal-point.js" in page
    assert 'id="id_focal_x"' in page
    assert 'id="id_focal_y"' in page
