"""The anonymisation guard: find what looks identifying in a text peers write before others read it.

Peers write about real situations, and the association's rule is that nothing written down may
identify a third party (docs/data-protection.md). People are named by role
("un adhérent", "une proche"), situations are dated by month ("en mars"). This module helps the
author keep that rule: it flags what *looks* identifying, shows each finding in its context,
and the author either rewrites it or marks it "not identifying". It never blocks anything and
never decides; it is a second pair of eyes.

What it detects (French first, English too):

* ``email``: e-mail addresses.
* ``phone``: French numbers (``06 12 34 56 78`` with spaces, dots, dashes or nothing; 01-07
  and 09, the 08 service numbers being public), ``+33``/``0033`` forms with or without ``(0)``,
  and any ``+`` international number of 8 to 15 digits.
* ``nir``: the French social-security number, 13 digits (first 1, 2, 3, 7 or 8) and an optional
  2-digit key, grouped or not (``1 85 05 78 006 084 36``).
* ``address``: a street number with a street type and a name (``12 rue des Lilas``,
  ``3 bis avenue Jean Jaurès``, ``221B Baker Street``), a named street without number when its
  name is capitalised (``avenue Foch``), a postcode with a capitalised town (``75011 Paris``).
* ``date``: a day with its month, with or without year or weekday (``12 mars``,
  ``lundi 12 mars 2024``, ``1er mai``, ``March 12``, ``12th of March``), numeric dates
  (``3/04/2024``, ``03-04-24``, ``le 3/04``) and ISO dates (``2024-03-12``).
* ``name``: given names from ``data/given_names.txt`` when capitalised, with the capitalised
  family name or initial that follows (``Marie Dupont``, ``Marie D.``); civility followed by a
  name or an initial (``Monsieur Dupont``, ``Mme L.``, ``Mr X``); initials (``J.-P.``,
  ``M. D.``, ``L.``); and the names of the platform's members passed as ``extra_names``
  (given name, family name of 3 letters or more, or both).

What it deliberately does not flag, because a false alarm costs the author's trust in every
later alarm, while a missed item still meets the supervisor's review of the entry:

* month and year alone (``mars 2024``, ``en mars``): the product asks for the month of a
  situation, never the day; a weekday alone; years, ages, prices, times, counts;
* short numbers (3114, 15, 112, 119: helplines are fine to write) and 08 service numbers;
* role nouns (``le médecin``, ``une proche``, ``un pair-aidant``): they are what we ask for;
* capitalised words that merely start a sentence (``Il``, ``Quand``, ``Lundi``) and given names
  that are also ordinary words (``Pierre``, ``Claire``, ``Rose``, ``Will``) when they start a
  sentence without a family name after them; a given name after an article or "Saint"
  (``la Marine``, ``Saint Louis``);
* place names outside addresses, employers, rare diagnoses: no list can tell them from ordinary
  words; the charter and the supervisor's review cover them.

The given-name list (rule for maintainers): common given names of people living in France and
in English-speaking countries, lowercase, accents optional. Leave out names that are also words
*capitalised in ordinary sentences* (France, Noël, Toussaint, months such as Avril or June, brands
such as Orange) and names that are mostly adjectives or abstract nouns (Aimé, Constant,
Prudence, Grâce, Ange, Marin, Désiré, Juste, Patience). Names that are also words only in
lowercase or at the start of a sentence (Pierre, Claire, Rose, Jade, Will, Mark) are kept, and
listed in ``_WORD_LIKE_NAMES`` so that a sentence-initial one is flagged only when a family name
follows it.

Every match is computed on the NFC form of the text, but offsets refer to the text as given.
The function is pure (no database), deterministic and linear in the length of the text.
"""

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# What each kind looks like lives beside: e-mails, phones, social-security numbers, addresses
# and dates in ``patterns``; personal names in ``names``.
from .kinds import ADDRESS, DATE, EMAIL, NAME, NIR, PHONE
from .names import _as_name_tuple, _fold, _name_index, _names
from .patterns import _addresses, _dates, _emails, _nirs, _phones

__all__ = ["KINDS", "Finding", "check_fields", "find_identifying"]


# Most specific first: when findings overlap, the merged finding takes the earliest kind here
# (an e-mail address contains a name, an address contains a name or a date).
KINDS = (EMAIL, NIR, PHONE, ADDRESS, DATE, NAME)

_LABELS = {
    EMAIL: _("e-mail address"),
    PHONE: _("phone number"),
    NIR: _("social-security number"),
    ADDRESS: _("postal address"),
    DATE: _("full date"),
    NAME: _("personal name"),
}

CONTEXT_WIDTH = 40


@dataclass(frozen=True)
class Finding:
    """One thing that looks identifying, where it is, and how to show and remember it.

    ``context`` is the surrounding text with the match between « and », whitespace collapsed,
    cut at about ``CONTEXT_WIDTH`` characters on each side (… marks a cut). ``key`` does not
    depend on the position, so a "not identifying" mark survives edits elsewhere in the text;
    every occurrence of the same item shares it.
    """

    kind: str
    start: int
    end: int
    text: str
    context: str
    key: str

    @property
    def label(self):
        return _LABELS.get(self.kind, self.kind)


def find_identifying(text: str, extra_names: Iterable[str] = ()) -> list[Finding]:
    """All findings in one text, sorted by position, overlapping findings merged."""
    return _find(text, _name_index(_as_name_tuple(extra_names)))


def check_fields(
    fields: Mapping[str, str], extra_names: Iterable[str] = (), accepted_keys=frozenset()
) -> dict[str, list[Finding]]:
    """``{field name: findings not yet accepted}``; fields with no remaining finding are left out.

    ``accepted_keys`` is a set of ``Finding.key`` accepted in every field, or a mapping
    ``{field name: keys}`` when the marks are recorded field by field.
    """
    index = _name_index(_as_name_tuple(extra_names))
    remaining = {}
    for field, value in fields.items():
        accepted = _accepted_for(accepted_keys, field)
        findings = [f for f in _find(value, index) if f.key not in accepted]
        if findings:
            remaining[field] = findings
    return remaining


def _accepted_for(accepted_keys, field) -> frozenset:
    if isinstance(accepted_keys, Mapping):
        return frozenset(accepted_keys.get(field) or ())
    return frozenset(accepted_keys or ())


# --- Text preparation ------------------------------------------------------------------------


def _find(text, index) -> list[Finding]:
    if text is None:
        return []
    original = text if isinstance(text, str) else str(text)
    if not original.strip():
        return []
    normalised, origins = _nfc_with_origins(original)
    spans = [
        *_emails(normalised),
        *_phones(normalised),
        *_nirs(normalised),
        *_addresses(normalised),
        *_dates(normalised),
        *_names(normalised, index),
    ]
    return [
        _finding(original, normalised, origins, kind, start, end)
        for kind, start, end in _merge(spans)
    ]


def _nfc_with_origins(text: str) -> tuple[str, list[int] | None]:
    """The NFC text and, when it differs, the offset in ``text`` of each of its characters.

    Regexes and word lists expect composed letters (an NFD "é" is two characters, and the
    combining accent is not a word character), but the caller highlights offsets in its own
    string. Each base character is composed with its combining marks, one cluster at a time.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, None
    pieces, origins = [], []
    cluster_start = 0
    for position in range(1, len(text) + 1):
        if position == len(text) or not unicodedata.combining(text[position]):
            composed = unicodedata.normalize("NFC", text[cluster_start:position])
            pieces.append(composed)
            origins.extend([cluster_start] * len(composed))
            cluster_start = position
    origins.append(len(text))
    return "".join(pieces), origins


def _finding(original, normalised, origins, kind, start, end) -> Finding:
    matched = normalised[start:end]
    context = _context(normalised, start, end)
    if origins is not None:
        start, end = origins[start], origins[end]
    return Finding(kind, start, end, original[start:end], context, _key(kind, matched))


_WHITESPACE_RE = re.compile(r"\s+")


def _context(text: str, start: int, end: int) -> str:
    """``… words before «match» words after …``, cut at word boundaries."""
    left_cut = start > CONTEXT_WIDTH
    right_cut = end + CONTEXT_WIDTH < len(text)
    before = _WHITESPACE_RE.sub(" ", text[max(0, start - CONTEXT_WIDTH) : start])
    after = _WHITESPACE_RE.sub(" ", text[end : end + CONTEXT_WIDTH])
    match = _WHITESPACE_RE.sub(" ", text[start:end])
    if left_cut and " " in before.strip():
        before = before.lstrip().split(" ", 1)[1]  # drop the word cut in half
    if right_cut and " " in after.strip():
        after = after.rstrip().rsplit(" ", 1)[0]
    return (
        ("…" if left_cut else "")
        + before.lstrip()
        + f"«{match}»"
        + after.rstrip()
        + ("…" if right_cut else "")
    )


def _key(kind: str, matched: str) -> str:
    """A position-free identifier: the same item written the same way gets the same key."""
    if kind == PHONE:
        return f"{kind}:{_phone_digits(matched)}"
    if kind == NIR:
        return f"{kind}:{re.sub(r'[^0-9AB]', '', matched.upper())}"
    return f"{kind}:{' '.join(_fold(matched).split())}"


def _phone_digits(matched: str) -> str:
    digits = "".join(ch for ch in matched if ch.isdigit())
    if matched.lstrip().startswith("00"):
        digits, international = digits[2:], True
    else:
        international = matched.lstrip().startswith("+")
    if international and digits.startswith("33"):
        return "0" + digits[2:].removeprefix("0")  # +33 (0)6 … and 06 … are the same number
    return ("+" if international else "") + digits


# --- Merging -------------------------------------------------------------------------------


def _merge(spans: Iterable[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Union of overlapping spans, keeping the most specific kind of the group."""
    rank = {kind: position for position, kind in enumerate(KINDS)}
    merged: list[tuple[str, int, int]] = []
    for kind, start, end in sorted(spans, key=lambda span: (span[1], -span[2])):
        if start >= end:
            continue
        if merged and start < merged[-1][2]:
            last_kind, last_start, last_end = merged[-1]
            best = min(last_kind, kind, key=rank.__getitem__)
            merged[-1] = (best, last_start, max(last_end, end))
        else:
            merged.append((kind, start, end))
    return merged
