"""Site search: the pages a member may open in their language, with excerpts that mark the terms.

Which pages may be found is decided by ``pages_visible_to``, the rules the pages apply
when served. Any page type with ``search_fields`` is searched; a type whose
content must never surface (practice groups' pages) declares ``search_fields = []``.
"""

import html
import re
import unicodedata

from django.db.models import Q
from django.utils.safestring import mark_safe

from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from home.cache import memoized, page_versions
from home.locales import active_locale
from home.member_cache import member_groups
from home.services import ViewRule, passed_passwords, passes_view_restriction
from practice_analysis.reach import area_q, branch_q, reach

MAX_TERMS = 8
EXCERPT_LENGTH = 240
# Characters kept before the first term found, so the excerpt starts with some context.
LEAD = 60


def search_pages(request, query):
    """Live pages of the current language the member may open that have every word of
    ``query``. Only the words are searched: quotes and signs mean nothing here, and some
    backends would read them as syntax."""
    words = " ".join(re.findall(r"\w+", query))
    if not words:
        return Page.objects.none()
    # depth > 1: the tree's technical root is not a page anyone reads.
    pages = pages_visible_to(request).filter(locale=active_locale(), depth__gt=1)
    # Each result as its own type but with Wagtail's fields only: one query, and no block
    # read; its text comes from the worker's memory (``_searchable``).
    pages = pages.specific(defer=True)
    return pages.search(words, operator="and")


def terms_of(query):
    """The words of a query worth marking in an excerpt, longest first, with what finds
    them in a text made once for the whole page of results (``Terms``)."""
    words = {word for word in re.findall(r"\w+", query) if len(word) > 1}
    return Terms(sorted(words, key=len, reverse=True)[:MAX_TERMS])


class Terms(list):
    """Terms with their patterns (``_patterns``): a page of results marks them in each
    result's title and excerpt, about thirty times."""

    def __init__(self, terms):
        super().__init__(terms)
        self.patterns = _patterns(self)


def plain_text(page):
    """The searchable text of a page beyond its title, as indexed: rich text and blocks
    give their text without markup (``get_searchable_content``)."""
    parts = [page.search_description]
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != "title":
            parts.append(_flatten(field.get_value(page)))
    return " ".join(" ".join(parts).split())


def _flatten(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_flatten(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_flatten(item) for item in value.values())
    return str(value)


class _FoldTable(dict):
    """A ``str.translate`` table: each character lower-cased without its accents, worked out
    the first time it is met. Only the common scripts are kept, so that no query can make
    the table grow without end."""

    KEPT_BELOW = 0x3000

    def __missing__(self, code):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)
        base = "".join(c for c in base if not unicodedata.combining(c)).lower()
        folded = base[:1] or char
        if code < self.KEPT_BELOW:
            self[code] = folded
        return folded


_FOLD = _FoldTable()


def _fold(text):
    """Lower case without accents, one character for one, so positions match the text."""
    return text.translate(_FOLD)


# Endings of French and English words that a stemmer drops (without accents, as folded):
# a word of the text that starts like a term without its ending is that term inflected.
ENDINGS = ("ees", "ent", "ing", "ee", "es", "er", "ez", "ed", "e", "s", "x")
# A root keeps at least this many letters; a word adds at most this many to it.
MIN_ROOT, MAX_ENDING = 4, 6


def _root(folded_term):
    """The term without its ending, as a stemmer would read it: "ecoutes" → "ecout"."""
    for ending in ENDINGS:
        if folded_term.endswith(ending) and len(folded_term) - len(ending) >= MIN_ROOT:
            return folded_term[: -len(ending)]
    return folded_term


def _patterns(terms):
    """For each term, what finds it: the whole word when inflected (its root and an
    ending), then the start of a word that begins with it."""
    patterns = []
    for term in terms:
        term = _fold(term)
        root = _root(term)
        if len(root) >= MIN_ROOT:
            patterns.append(re.compile(rf"(?<!\w){re.escape(root)}\w{{0,{MAX_ENDING}}}(?!\w)"))
        patterns.append(re.compile(r"(?<!\w)" + re.escape(term)))
    return patterns


def _spans(text, terms):
    """Where the terms are in the text, as non-overlapping (start, end) pairs: a whole word
    when it is the term inflected (as PostgreSQL's stemming finds it: "écoutes" for
    "ecoute"), else the start of a word that begins with the term."""
    folded = _fold(text)
    patterns = terms.patterns if isinstance(terms, Terms) else _patterns(terms)
    spans = [(m.start(), m.end()) for pattern in patterns for m in pattern.finditer(folded)]
    taken, result = -1, []
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start >= taken:
            result.append((start, end))
            taken = end
    return result


def _first_found(text, terms, folded=None):
    """Where ``_spans`` would begin (the leftmost place a term is found), or None: each
    pattern stops at its first match instead of reading the whole text. ``folded`` is the
    text already folded, when it is kept."""
    folded = _fold(text) if folded is None else folded
    patterns = terms.patterns if isinstance(terms, Terms) else _patterns(terms)
    starts = [found.start() for pattern in patterns if (found := pattern.search(folded))]
    return min(starts, default=None)


def highlight(text, terms):
    """Escape the text, then wrap each term in <mark>: nothing of the text is trusted.
    ``html.escape`` is what Django's ``escape`` calls, without its wrapper for lazy text
    (each piece here is a plain ``str``)."""
    text, escape = str(text), html.escape
    out, position = [], 0
    for start, end in _spans(text, terms):
        out.append(escape(text[position:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))


def _searchable(page):
    """(``plain_text(page)``, that text folded by ``_fold``), worked out once per worker for
    each live revision of a live page: flattening the same results' blocks again was most of
    a search's time, then folding their whole text a tenth of it. The key carries the page's
    section's versions and its live revision, as a rendered fragment's does; a confidential
    page, a draft or a preview is flattened every time."""
    if getattr(page, "confidential", False) or not page.live or page.live_revision_id is None:
        return _with_folded(plain_text(_whole(page)))
    published = page.last_published_at.timestamp() if page.last_published_at else ""
    return memoized(
        "search-text",
        page.pk,
        page.live_revision_id,
        published,
        compute=lambda: _with_folded(plain_text(_whole(page))),
        versions=page_versions(page),
    )


def _with_folded(text):
    return text, _fold(text)


def _whole(page):
    """The page with its own fields read: results come with Wagtail's fields only."""
    if page.get_deferred_fields():
        return type(page).objects.get(pk=page.pk)
    return page


def excerpt(page, terms):
    """A short passage around the first term found (or the start of the text), marked."""
    text, folded = _searchable(page)
    first = _first_found(text, terms, folded)
    start = 0
    if first is not None and first > LEAD:
        start = text.rfind(" ", 0, first - LEAD) + 1
    end = start + EXCERPT_LENGTH
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    passage = text[start:end]
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{highlight(passage, terms)}{suffix}")


# Who may find what ------------------------------------------------------------------------


def pages_visible_to(request):
    """Live pages the member may open, by the rules the pages apply when served.

    What may be found is chosen, not what may not: the pages outside the practice area,
    plus the branches of the member's own practice groups (``practice_analysis.reach``:
    the pages of other groups answer 404 to outsiders, superusers included), less the
    sections behind a view restriction this request does not pass. Each restriction is
    asked, by the rule Wagtail applies before serving a page
    (``home.services.passes_view_restriction``), whether it lets this request in (login,
    groups, a password already given in this session). Only the restrictions that can
    matter are asked: those outside the practice area (kept in the worker's memory) and
    those in the member's own groups' branches (one query bounded by their groups).
    Queries: a fixed handful, and a filter of a fixed size, whatever the number of pages,
    restrictions or practice groups in the network.
    """
    user = request.user
    # The member's groups and the passwords this session answered, read once for every
    # restriction.
    group_ids = set(member_groups(user)) if user.is_authenticated else set()
    passed = passed_passwords(request)
    practice = reach(user)
    rules = memoized("restricted-sections", compute=_restricted_sections)
    if practice.own:
        own = PageViewRestriction.objects.filter(page_id__in=_own_branches(practice))
        rules = [*rules, *_rules(own)]
    closed = [
        path for path, rule in rules if not passes_view_restriction(user, rule, group_ids, passed)
    ]
    pages = Page.objects.live()
    hidden = practice.hidden_q()
    if hidden:
        pages = pages.exclude(hidden)
    outside = Q()
    for path in _outermost(closed):
        outside |= branch_q(path)
    return pages.exclude(outside) if closed else pages


def _own_branches(practice):
    """The pages of one's own groups' branches, found by the path's index: the restrictions
    are then read by their page (filtered on their page's path, SQLite read every
    restriction of the network, one per practice group)."""
    return Page.objects.filter(practice.area_q() & practice.own_q()).values("pk")


def _restricted_sections():
    """Every view restriction outside the practice area, as (its page's path, its rule):
    read once per worker until the content changes (a restriction, its groups, a page
    moved or added all bump it). Shared, never modified. The restrictions of practice
    groups' pages are not among them: one per group, and what they guard is chosen by
    ``practice_analysis.reach``."""
    return _rules(PageViewRestriction.objects.exclude(area_q("page__")))


def _rules(restrictions):
    """(path, ViewRule) for each of these restrictions, their groups included: one query."""
    found = {}
    rows = restrictions.values_list("pk", "restriction_type", "page__path", "groups")
    for pk, kind, path, group_id in rows.order_by("pk"):
        found.setdefault(pk, (path, kind, set()))[2].add(group_id)
    return [
        (path, ViewRule(pk, kind, frozenset(group_ids - {None})))
        for pk, (path, kind, group_ids) in found.items()
    ]


def _outermost(paths):
    """The paths that are not under another one of them: one condition per subtree."""
    kept = []
    for path in sorted(set(paths)):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept
