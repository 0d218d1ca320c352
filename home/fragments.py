"""Rendered fragments kept for every reader (``{% shared_fragment %}``, a lesson's blocks):
when a request may share what it renders, and under which key."""

from django.utils.translation import get_language

from .cache import SITE, get_versioned, page_versions, set_versioned, versions_part


def shareable(request, page=None):
    """Whether what is rendered for this request (and page) may be kept for every reader: never
    in a preview, which shows unsaved content, nor for a page that is not live."""
    if request is None or getattr(request, "is_preview", False):
        return False
    from wagtail.models import Page

    return page is None or (isinstance(page, Page) and page.live and page.pk is not None)


def fragment_key(name, language, page=None):
    """The key of a rendered fragment: its page's live revision too, when it has a page."""
    names = page_versions(page) if page is not None else (SITE,)
    parts = ["entrepairs", "fragment", name, versions_part(names), language]
    if page is not None:
        published = page.last_published_at.timestamp() if page.last_published_at else ""
        parts += [str(page.pk), str(page.live_revision_id), str(published)]
    return ":".join(parts)


def kept_fragment(name, request, page, render):
    """What ``render()`` writes, kept for every reader of the language (and live revision of
    ``page``) when the request may share it: ``{% shared_fragment %}``, a module's card."""
    if not shareable(request, page):
        return render()
    key = fragment_key(name, get_language(), page)
    html = get_versioned(key)
    if html is None:
        html = render()
        # A form's token is a member's own: a fragment that holds one is never shared.
        if "csrfmiddlewaretoken" not in html:
            set_versioned(key, str(html))
    return html
