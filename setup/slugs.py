"""Page addresses without accents on installations that made pages before the setting.

``WAGTAIL_ALLOW_UNICODE_SLUGS = False`` (config/settings/base.py) makes every new slug
without accents; pages created earlier keep theirs ("séance-du-6-octobre") until this step,
which ``bootstrap`` runs at each upgrade. Each such page gets the slug Wagtail would make
today, in its live row and its latest revision (so the next publish does not bring the old
one back). Saving a changed slug sends Wagtail's ``page_slug_changed``: the page's and its
descendants' addresses are updated and the old ones become permanent redirects
(``wagtail.contrib.redirects``), so links in e-mails and bookmarks keep working. A page
whose new slug a sibling already holds gets a number, as Wagtail's own editor would do.
"""

from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Page


def ascii_slug(slug):
    return slugify(slug, allow_unicode=False) or "page"


def _free(page, slug):
    siblings = set(page.get_siblings(inclusive=False).values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in siblings:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


@transaction.atomic
def unaccent_slugs(note):
    """Give every page whose slug is not plain ASCII the slug Wagtail would make today."""
    # Deepest first: Wagtail makes the redirects once the transaction commits, from each
    # page's address as it was read before its change; a child renamed before its parent
    # keeps its whole old address ("/séance/à-besançon/") among them.
    for page in Page.objects.order_by("-depth", "path").iterator():
        if page.depth < 2 or page.slug.isascii():
            continue
        page = page.specific
        new_slug = _free(page, ascii_slug(page.slug))
        note(f"page address {page.slug} → {new_slug}")
        page.slug = new_slug
        page.save(clean=False, log_action=None)
        revision = page.latest_revision
        if revision is not None and revision.content.get("slug") != new_slug:
            revision.content["slug"] = new_slug
            revision.save(update_fields=["content"])
