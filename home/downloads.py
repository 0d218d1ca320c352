"""A file handed to the member as a download: one way to build the response, so that every
file the site makes (PDFs, calendars, spreadsheets, credentials) gets the same header."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header


def attachment(content, filename, content_type):
    """``content`` as a download named ``filename`` (non-ASCII names encoded per RFC 6266)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    return response
