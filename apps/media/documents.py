"""Documents (official texts, statements, press kits): accepted by what they contain."""

import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
EXTENSIONS = {PDF: "pdf", DOCX: "docx", XLSX: "xlsx", ODT: "odt"}
# A zip that unpacks to more than this is refused (a "zip bomb" would exhaust the disk).
MAX_UNPACKED = 20
MAX_ZIP_ENTRIES = 10_000


@dataclass
class DocumentFacts:
    content_type: str
    extension: str
    size: int


def inspect_document(upload):
    """What the uploaded file is (PDF, DOCX, XLSX or ODT), or a ValidationError saying why not."""
    size = upload.size
    if size > settings.DOCUMENT_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; documents may be at most %(limit)s."),
            code="too_big",
            params={
                "size": filesizeformat(size),
                "limit": filesizeformat(settings.DOCUMENT_MAX_BYTES),
            },
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    # A PDF begins with its signature. Readers tolerate it anywhere in the first kilobyte,
    # but then a web page carrying "%PDF-" in a comment would be stored as a PDF.
    if head.startswith(b"%PDF-"):
        content_type = PDF
    elif head.startswith(b"PK\x03\x04"):
        content_type = _office_type(upload, size)
    else:
        content_type = None
    upload.seek(0)
    if content_type is None:
        raise ValidationError(
            _("Only PDF, Word (DOCX), Excel (XLSX) and OpenDocument (ODT) files are accepted."),
            code="format",
        )
    return DocumentFacts(content_type, EXTENSIONS[content_type], size)


def _office_type(upload, size):
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES or sum(e.file_size for e in entries) > max(
                size * MAX_UNPACKED, 1
            ):
                raise ValidationError(
                    _("The document unpacks to an unreasonable size and was refused."),
                    code="zip_bomb",
                )
            names = {entry.filename for entry in entries}
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                raise ValidationError(
                    _("Documents with macros are not accepted: save it without macros."),
                    code="macros",
                )
            if "word/document.xml" in names and "[Content_Types].xml" in names:
                return DOCX
            if "xl/workbook.xml" in names and "[Content_Types].xml" in names:
                return XLSX
            if "mimetype" in names and archive.read("mimetype").strip() == ODT.encode():
                return ODT
    except (zipfile.BadZipFile, EOFError, OSError):
        return None
    return None
