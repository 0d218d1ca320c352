"""Every PDF the site makes: an HTML template rendered by WeasyPrint as tagged PDF (PDF/UA-1).

An app gives a template (which extends ``pdf/base.html``), its context, the reader's language
and a title; the PDF has a structure tree, ``/MarkInfo`` marked, ``/Lang`` in that language,
the title shown by readers, and the committed Atkinson Hyperlegible fonts embedded. Nothing is
fetched from the network: only the committed static files and ``data:`` URIs (a QR code).

WeasyPrint takes tenths of a second; the HTML a few milliseconds. A PDF is kept in the shared
cache for a day under a digest of its HTML (everything it shows: names, dates, rows, the
title and language) and of what WeasyPrint reads besides (its version, the fonts), so the
same document asked again is not built again, and any change of what it shows is a new key.
Only the request that would have built exactly those bytes can reach them.
"""

import base64
import hashlib
import io
from functools import cache as once

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation

import segno
import weasyprint
from weasyprint import HTML, URLFetcher

VARIANT = "pdf/ua-1"
# A member downloads the same PDF again within minutes or days; a day bounds how long a
# document with a name stays in the cache after the member changed or left.
CACHE_TIMEOUT = 24 * 60 * 60
FONTS = "fonts/atkinson-hyperlegible"


def qr_data_uri(data):
    """A QR code of ``data`` as an SVG ``data:`` URI, for an ``<img>`` of a page or a PDF.

    A standalone SVG (an image, unlike one inline in HTML) needs its namespace, or browsers
    draw nothing: segno's ``svg_inline`` leaves it out, ``save`` writes it."""
    svg = io.BytesIO()
    segno.make(data, error="m").save(
        svg, kind="svg", scale=4, border=2, omitsize=True, xmldecl=False
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.getvalue()).decode()


@once
def _renderer_fingerprint():
    """What a PDF depends on besides its HTML: WeasyPrint's version and the fonts' files."""
    digest = hashlib.sha256(f"{weasyprint.__version__}|{VARIANT}".encode())
    for path in sorted((settings.BASE_DIR / "static" / FONTS).glob("*")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(html, *, lang, title, author):
    """The shared cache's key of the PDF of this HTML: a digest of everything it shows."""
    digest = hashlib.sha256(_renderer_fingerprint().encode())
    for part in (lang, title, author, html):
        digest.update(b"\0" + str(part).encode())
    return f"entrepairs:pdf:{digest.hexdigest()}"


def write_pdf(html):
    """WeasyPrint's work: the tagged PDF bytes of a rendered ``pdf/base.html`` document."""
    document = HTML(
        string=html,
        base_url=str(settings.BASE_DIR / "static") + "/",
        url_fetcher=URLFetcher(allowed_protocols=("file", "data")),
    )
    return document.write_pdf(pdf_variant=VARIANT)


def render_pdf(template, context, *, lang, title, author=""):
    """The PDF bytes of ``template`` rendered in ``lang``, titled ``title`` (from the shared
    cache when the same document was built in the last day)."""
    with translation.override(lang):
        html = render_to_string(
            template, {**context, "pdf_lang": lang, "pdf_title": title, "pdf_author": author}
        )
    key = cache_key(html, lang=lang, title=title, author=author)
    content = cache.get(key)
    if content is None:
        content = write_pdf(html)
        cache.set(key, content, CACHE_TIMEOUT)
    return content
