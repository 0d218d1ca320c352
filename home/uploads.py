"""Upload rules shared by every way a file enters Entrepairs: size, type by content, no HTML.

The Wagtail image and document forms (home.forms) and the file library (django-filer's
validators, see FILER_ADD_FILE_VALIDATORS) all call ``check_upload``.
"""

import io
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

import puremagic
from filer.utils import svg
from py_svg_hush import filter_svg

# Enough to recognise a signature or the start of a web page; text is read whole.
HEAD_SIZE = 8192

OOXML_MAIN_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ODF_MIME_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
# Names that browsers run as pages or scripts: refused wherever they are uploaded.
WEB_PAGE_EXTENSIONS = {"htm", "html", "xhtml", "xht", "shtml", "mht", "mhtml", "js", "mjs"}
# The start of a document that browsers sniff as HTML (WHATWG MIME sniffing, 7.1), plus XML
# that may carry XHTML. Compared with the lower-cased bytes after a BOM and white space.
HTML_STARTS = (
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<script",
    b"<iframe",
    b"<h1",
    b"<div",
    b"<font",
    b"<table",
    b"<a",
    b"<style",
    b"<title",
    b"<b",
    b"<body",
    b"<br",
    b"<p",
    b"<!--",
    b"<?xml",
    b"<svg",
    b"<object",
    b"<embed",
    b"<meta",
    b"<form",
)
# Found anywhere in a plain-text file, these make it a web page in disguise.
HTML_INSIDE_TEXT = (b"<script", b"<html", b"<!doctype html", b"<iframe", b"javascript:")


@dataclass(frozen=True)
class FileKind:
    """A type of file Entrepairs accepts, recognised by its content."""

    name: str
    extensions: tuple
    is_image: bool = False


KINDS = {
    kind.name: kind
    for kind in [
        FileKind("png", ("png",), is_image=True),
        FileKind("jpeg", ("jpg", "jpeg"), is_image=True),
        FileKind("gif", ("gif",), is_image=True),
        FileKind("webp", ("webp",), is_image=True),
        FileKind("svg", ("svg",), is_image=True),
        *(FileKind(name, (name,)) for name in ("pdf", "txt", "mp3")),
        *(FileKind(name, (name,)) for name in (*OOXML_MAIN_PARTS, *ODF_MIME_TYPES)),
    ]
}

# Wagtail images: raster formats Wagtail can resize. SVG is left out: Wagtail would publish
# the original under /media/, and a sanitised SVG is only offered in the private library.
IMAGE_KINDS = ("png", "jpeg", "gif", "webp")
# Wagtail documents: office formats, PDF, plain text and spoken testimonies (MP3).
DOCUMENT_KINDS = ("pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "mp3")
# The file library: documents, images and SVG, which is sanitised on the way in.
LIBRARY_KINDS = (*DOCUMENT_KINDS, *IMAGE_KINDS, "svg")


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def max_size_for(kind):
    if kind.is_image:
        return settings.UPLOAD_MAX_IMAGE_SIZE
    return settings.UPLOAD_MAX_DOCUMENT_SIZE


def check_upload(file, name, kinds):
    """Refuse ``file`` unless its content is one of ``kinds`` (names of KINDS), its name ends
    with an extension of that kind and it is not larger than that kind allows.

    Returns the FileKind. Raises ValidationError with a message for the uploader.
    """
    extension = extension_of(name)
    if extension in WEB_PAGE_EXTENSIONS:
        raise _web_page_refused(name)
    kind = next((KINDS[k] for k in kinds if extension in KINDS[k].extensions), None)
    if kind is None:
        accepted = sorted({f".{e}" for k in kinds for e in KINDS[k].extensions})
        raise ValidationError(
            _(
                "“%(name)s” cannot be added here: this type of file is not accepted. "
                "Accepted types: %(types)s."
            )
            % {"name": name, "types": ", ".join(accepted)},
            code="file_type",
        )

    size = _size_of(file)
    if size > max_size_for(kind):
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s). A file of this type may be %(limit)s at most.")
            % {
                "name": name,
                "size": filesizeformat(size),
                "limit": filesizeformat(max_size_for(kind)),
            },
            code="file_size",
        )
    if size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="file_empty")

    file.seek(0)
    content = file.read() if kind.name in ("txt", "svg") else file.read(HEAD_SIZE)
    file.seek(0)
    if kind.name != "svg" and looks_like_html(content, whole=kind.name == "txt"):
        raise _web_page_refused(name)
    if not _content_matches(kind, content, file):
        raise ValidationError(
            _(
                "“%(name)s” is not really a .%(extension)s file: its content is of another "
                "type. Save it again in this format from the program that made it, or give it "
                "the extension that matches its content."
            )
            % {"name": name, "extension": extension},
            code="file_content",
        )
    if kind.name == "svg" and not _svg_has_size(content):
        raise ValidationError(
            _(
                "“%(name)s” has no size. In the drawing program, give the drawing a width and "
                "a height (or a viewBox), save it, then add it again."
            )
            % {"name": name},
            code="svg_size",
        )
    return kind


def sanitised_svg(content):
    """The SVG without scripts, event handlers, foreign objects or external references
    (svg-hush), or None when it cannot be read as SVG."""
    try:
        return filter_svg(content)
    except ValueError:
        return None


def looks_like_html(content, whole=False):
    start = content.lstrip(b"\xef\xbb\xbf").lstrip(b" \t\r\n\x0c").lower()
    for tag in HTML_STARTS:
        if start.startswith(tag) and start[len(tag) : len(tag) + 1] in (b" ", b">", b""):
            return True
        if tag in (b"<!--", b"<?xml") and start.startswith(tag):
            return True
    return whole and any(marker in content.lower() for marker in HTML_INSIDE_TEXT)


def _web_page_refused(name):
    return ValidationError(
        _(
            "“%(name)s” is a web page or a script. These cannot be added, because they could "
            "run in the browser of whoever opens them. To share its content, save it as a PDF."
        )
        % {"name": name},
        code="file_html",
    )


def _size_of(file):
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, 2)
        size = file.tell()
    return size


def _signatures(head):
    """Extensions whose signature (magic bytes) the start of the content carries."""
    try:
        matches = puremagic.magic_string(head)
    except puremagic.PureError:
        return set()
    return {match.extension.lstrip(".").lower() for match in matches}


def _content_matches(kind, content, file):
    if kind.name in OOXML_MAIN_PARTS or kind.name in ODF_MIME_TYPES:
        return _office_document_matches(kind.name, file)
    if kind.name == "txt":
        return _is_plain_text(content)
    if kind.name == "svg":
        return "svg" in _signatures(content) and sanitised_svg(content) is not None
    if kind.name == "mp3":
        return bool({"mp3", "mpga"} & _signatures(content))
    return bool(set(kind.extensions) & _signatures(content))


def _svg_has_size(content):
    """The library draws thumbnails of SVG from their size: one it cannot read breaks the
    folder view."""
    try:
        svg.load(io.BytesIO(sanitised_svg(content)))
    except (ValueError, SyntaxError):
        return False
    return True


def _office_document_matches(name, file):
    """Office documents are ZIP containers: the container names what it holds."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if name in ODF_MIME_TYPES:
                return (
                    "mimetype" in names
                    and archive.read("mimetype").strip() == ODF_MIME_TYPES[name].encode()
                )
            return "[Content_Types].xml" in names and OOXML_MAIN_PARTS[name] in names
    except (zipfile.BadZipFile, OSError, KeyError):
        return False
    finally:
        file.seek(0)


def _is_plain_text(content):
    if b"\x00" in content:
        return False
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        return all(char.isprintable() or char in "\t\r\n\x0c" for char in text)
    return False


def validate_library_upload(file_name, file, owner, mime_type):
    """django-filer validator (FILER_ADD_FILE_VALIDATORS): the library's rules, then SVG
    rewritten without anything that could run."""
    kind = check_upload(file, file_name, LIBRARY_KINDS)
    if kind.name == "svg":
        file.seek(0)
        clean = sanitised_svg(file.read())
        file.seek(0)
        file.truncate()
        file.write(clean)
        file.seek(0)
        if hasattr(file, "size"):
            file.size = len(clean)
