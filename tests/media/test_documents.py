"""Documents: accepted by content, served with the right type and a safe name."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from apps.agreements.models import OfficialText
from apps.news.models import ArticleAttachment
from tests.admin_forms import form_data
from tests.factories import AgreementFactory, ArticleFactory, PhotoFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def zip_of(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zip_of({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
XLSX = zip_of({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
ODT = zip_of({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})


@pytest.mark.parametrize(
    ("content", "content_type", "extension"),
    [
        (PDF, "application/pdf", "pdf"),
        (DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        (XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        (ODT, "application/vnd.oasis.opendocument.text", "odt"),
    ],
)
def test_accepted_documents_are_recognised_by_content(content, content_type, extension):
    text = OfficialText.objects.create(
        agreement=AgreementFactory(),
        language="ru",
        title="Текст соглашения",
        file=ContentFile(content, name="whatever.bin"),
    )
    assert text.content_type == content_type
    assert text.file.name.endswith(f".{extension}")
    assert text.file_size == len(content)
    assert text.download_name == f"tekst-soglasheniia.{extension}"


def test_a_real_pdf_is_accepted():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "white").save(buffer, format="PDF")
    text = OfficialText.objects.create(
        agreement=AgreementFactory(),
        language="en",
        title="Agreement text",
        file=ContentFile(buffer.getvalue(), name="scan.pdf"),
    )
    assert text.content_type == "application/pdf"
    assert text.file.name.endswith(".pdf")


HOSTILE_DOCUMENTS = {
    "HTML renamed .pdf": (b"<html><script>alert(1)</script></html>", "statement.pdf", "Only PDF"),
    "HTML with %PDF- inside": (
        b"<html><!-- %PDF-1.7 --><script>alert(1)</script></html>",
        "statement.pdf",
        "Only PDF",
    ),
    "executable renamed .docx": (b"MZ\x90\x00" + b"\0" * 100, "kit.docx", "Only PDF"),
    "plain zip renamed .docx": (zip_of({"readme.txt": "hi"}), "kit.docx", "Only PDF"),
    "Word file with macros": (
        zip_of(
            {
                "[Content_Types].xml": "<T/>",
                "word/document.xml": "<d/>",
                "word/vbaProject.bin": "macro",
            }
        ),
        "macro.docx",
        "macros",
    ),
    "zip bomb": (
        zip_of({"[Content_Types].xml": "<T/>", "word/document.xml": "0" * 30_000_000}),
        "bomb.docx",
        "unreasonable size",
    ),
    "empty file": (b"", "empty.pdf", "empty"),
}


@pytest.mark.parametrize("case", HOSTILE_DOCUMENTS)
def test_hostile_documents_get_a_form_error_and_leave_nothing(editor_client, settings, case):
    content, name, message = HOSTILE_DOCUMENTS[case]
    article = ArticleFactory()
    url = reverse("admin:news_article_change", args=[article.pk])
    data = form_data(editor_client.get(url), "article_form") | {
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-title": "Press kit",
        "attachments-0-language": "en",
        "attachments-0-order": "0",
        "attachments-0-file": SimpleUploadedFile(name, content),
    }
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ArticleAttachment.objects.exists()
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.*"))


def test_too_large_a_document_is_refused(editor_client, settings):
    settings.DOCUMENT_MAX_BYTES = 100
    article = ArticleFactory()
    url = reverse("admin:news_article_change", args=[article.pk])
    data = form_data(editor_client.get(url), "article_form") | {
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-title": "Big",
        "attachments-0-language": "en",
        "attachments-0-order": "0",
        "attachments-0-file": SimpleUploadedFile("big.pdf", PDF + b"x" * 200),
    }
    assert "documents may be at most" in editor_client.post(url, data).content.decode()


def test_path_traversal_in_a_filename_is_harmless(editor_client, settings):
    article = ArticleFactory()
    url = reverse("admin:news_article_change", args=[article.pk])
    data = form_data(editor_client.get(url), "article_form") | {
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-title": "Statement",
        "attachments-0-language": "en",
        "attachments-0-order": "0",
        "attachments-0-file": SimpleUploadedFile("../../../etc/passwd.pdf", PDF),
    }
    assert editor_client.post(url, data).status_code == 302
    stored = ArticleAttachment.objects.get().file.path
    assert Path(stored).resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert Path(stored).name == "passwd.pdf"


def test_download_has_type_disposition_and_safe_name(client):
    article = ArticleFactory()
    attachment = ArticleAttachment.objects.create(
        article=article,
        title='Заявление "секретариата"; x',
        language="ru",
        file=ContentFile(PDF, name="a.pdf"),
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert attachment.get_absolute_url() in html
    assert f"(Russian, PDF, {len(PDF)}\xa0bytes)" in html
    response = client.get(attachment.get_absolute_url())
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="zaiavlenie-sekretariata-x.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize("state", ["draft", "scheduled", "expired"])
def test_documents_of_unpublished_items_are_not_served(client, state):
    attachment = ArticleAttachment.objects.create(
        article=ArticleFactory(**{state: True}),
        title="Embargoed",
        language="en",
        file=ContentFile(PDF, name="a.pdf"),
    )
    text = OfficialText.objects.create(
        agreement=AgreementFactory(**{state: True}),
        title="Draft text",
        language="ru",
        file=ContentFile(PDF, name="b.pdf"),
    )
    assert client.get(attachment.get_absolute_url()).status_code == 404
    assert client.get(text.get_absolute_url()).status_code == 404


def test_deleting_a_document_deletes_its_file(settings, django_capture_on_commit_callbacks):
    text = OfficialText.objects.create(
        agreement=AgreementFactory(),
        title="Text",
        language="ru",
        file=ContentFile(PDF, name="b.pdf"),
    )
    path = Path(text.file.path)
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        text.delete()
    assert not path.exists()


@pytest.mark.parametrize(
    "spelling",
    ["/media/{}", "/media//{}", "/media/./{}", "/media/photos/../{}", "/media/%2e/{}"],
    ids=["plain", "double slash", "dot", "dot-dot", "encoded dot"],
)
def test_a_document_is_not_served_by_its_stored_address_however_spelt(client, spelling):
    text = OfficialText.objects.create(
        agreement=AgreementFactory(draft=True),
        title="Draft text",
        language="ru",
        file=ContentFile(PDF, name="draft.pdf"),
    )
    assert Path(text.file.path).exists()
    response = client.get(spelling.format(text.file.name))
    assert response.status_code == 404
    assert PDF not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_a_media_address_climbing_out_of_the_media_folder_is_not_found(client, settings):
    (Path(settings.MEDIA_ROOT).parent / "secret.txt").write_text("secret")
    Path(settings.MEDIA_ROOT).mkdir(exist_ok=True)
    assert client.get("/media/photos/../../secret.txt").status_code == 404
    assert client.get("/media/%2e%2e/secret.txt").status_code == 404


def test_other_media_files_are_still_served(client):
    photo = PhotoFactory()
    response = client.get(photo.image.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == photo.image.open("rb").read()
