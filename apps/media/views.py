"""Stored files to readers: a document's download, and uploads where no web server serves them."""

import posixpath
from urllib.parse import unquote

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from django.views.static import serve


def document_response(document):
    """Send a stored document as a download, with its real type and a safe name."""
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404(_("The file is missing.")) from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.download_name,
        content_type=document.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def serve_media(request, path):
    """Uploaded files, for development and the compose set-up (see SERVE_MEDIA).

    Documents are never served by their stored address: only through the download view of
    a published item (the front web server is set up the same way, see the README).
    """
    # The rules apply to the path as the file system will read it: "//documents/",
    # "./documents/", "photos/../documents/" and "%2e/documents/" all name the same folder.
    path = posixpath.normpath(unquote(path)).lstrip("/")
    top = path.split("/", 1)[0]
    if top == ".." or top.casefold() == "documents":
        raise Http404(_("There is no page at this address."))
    return serve(request, path, document_root=settings.MEDIA_ROOT)
