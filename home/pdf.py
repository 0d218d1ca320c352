"""Every PDF the site makes: an HTML template rendered by WeasyPrint as tagged PDF (PDF/UA-1).

An app gives a template (which extends ``pdf/base.html``), its context, the reader's language
and a title; the PDF has a structure tree, ``/MarkInfo`` marked, ``/Lang`` in that language,
the title shown by readers, and the committed Atkinson Hyperlegible fonts embedded. Nothing is
fetched from the network: only the committed static files and ``data:`` URIs (a QR code).
"""

import base64

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

import segno
from weasyprint import HTML, URLFetcher

VARIANT = "pdf/ua-1"


def qr_data_uri(data):
    """A QR code of ``data`` as an SVG ``data:`` URI, for an ``<img>`` of a PDF template."""
    svg = segno.make(data, error="m").svg_inline(scale=4, border=2, omitsize=True)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def render_pdf(template, context, *, lang, title, author=""):
    """The PDF bytes of ``template`` rendered in ``lang``, titled ``title``."""
    with translation.override(lang):
        html = render_to_string(
            template, {**context, "pdf_lang": lang, "pdf_title": title, "pdf_author": author}
        )
    document = HTML(
        string=html,
        base_url=str(settings.BASE_DIR / "static") + "/",
        url_fetcher=URLFetcher(allowed_protocols=("file", "data")),
    )
    return document.write_pdf(pdf_variant=VARIANT)
