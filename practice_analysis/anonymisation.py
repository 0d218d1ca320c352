"""The anonymisation guard: find what looks identifying in a reflective text before submission.

Peers write about real situations, and the association's rule is that nothing written down may
identify a third party (docs: DOMAIN.md, "Never written down"). People are named by role
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
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from django.utils.translation import gettext_lazy as _

__all__ = ["KINDS", "Finding", "check_fields", "find_identifying"]

EMAIL = "email"
PHONE = "phone"
NIR = "nir"
ADDRESS = "address"
DATE = "date"
NAME = "name"

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
GIVEN_NAMES_FILE = Path(__file__).parent / "data" / "given_names.txt"


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


_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2019": "'"})


@lru_cache(maxsize=8192)
def _fold(word: str) -> str:
    """Lowercase, without accents or ligatures: how names are compared."""
    decomposed = unicodedata.normalize("NFKD", word.replace("œ", "oe").replace("Œ", "oe"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("æ", "ae").replace("Æ", "ae").casefold().translate(_HYPHENS)


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


# --- E-mail, phone, social-security number ---------------------------------------------------

# The look-behinds anchor each pattern at the start of a run of characters: without them a
# 20,000-character word would be re-scanned from every position.
_EMAIL_RE = re.compile(
    r"(?<![\w.%+'-])[\w%+'-]+(?:\.[\w%+'-]+)*@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}(?![\w-])"
)

_SEP = r"[ \t\u00a0\u2009\u202f.\-\u2010\u2011]"  # one separator between digit groups
_DIGITS_BEFORE = r"(?<![\w+])(?<![0-9][.,])"  # not inside a word, a longer number or a decimal
_NO_DIGIT_AFTER = r"(?!\w|[.,][0-9])"

_PHONE_RES = (
    # French national: 06 12 34 56 78, 06.12.34.56.78, 0612345678 (08 numbers are public).
    re.compile(rf"{_DIGITS_BEFORE}0[1-79](?:{_SEP}?[0-9]{{2}}){{4}}{_NO_DIGIT_AFTER}"),
    # French international: +33 6 12 34 56 78, +33 (0)6 12…, 0033 6 12…
    re.compile(
        rf"(?<![\w+])(?:\+|00)33{_SEP}?(?:\(0\){_SEP}?)?[1-9](?:{_SEP}?[0-9]{{2}}){{4}}"
        rf"{_NO_DIGIT_AFTER}"
    ),
    # Any international number: + then 8 to 15 digits, separators and brackets allowed.
    re.compile(
        r"(?<![\w+])\+[1-9](?:[ \t\u00a0.\-\u2010\u2011()/]{0,3}[0-9]){7,14}" + _NO_DIGIT_AFTER
    ),
)

# Sex (1, 2; 3, 7, 8 for special cases), year, month (01-12 or 20-99 for unknown months),
# department and commune (5 characters, Corsica 2A/2B), order number, optional key.
_NIR_RE = re.compile(
    rf"{_DIGITS_BEFORE}[12378]{_SEP}?[0-9]{{2}}{_SEP}?(?:0[1-9]|1[0-2]|[2-9][0-9]){_SEP}?"
    rf"(?:(?:[0-9]{{2}}|2[ABab]){_SEP}?[0-9]{{3}}|[0-9]{{3}}{_SEP}?[0-9]{{2}})"
    rf"{_SEP}?[0-9]{{3}}(?:{_SEP}?[0-9]{{2}})?{_NO_DIGIT_AFTER}"
)


def _emails(text: str) -> Iterator[tuple[str, int, int]]:
    if "@" in text:
        for match in _EMAIL_RE.finditer(text):
            yield EMAIL, match.start(), match.end()


def _phones(text: str) -> Iterator[tuple[str, int, int]]:
    for pattern in _PHONE_RES:
        for match in pattern.finditer(text):
            yield PHONE, match.start(), match.end()


def _nirs(text: str) -> Iterator[tuple[str, int, int]]:
    for match in _NIR_RE.finditer(text):
        yield NIR, match.start(), match.end()


# --- Postal addresses ----------------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-ÞŒŠŽŸ"
_GAP = r"[ \t\u00a0\u202f]+"  # spaces within a line
_STREET_NUMBER = (
    r"(?<![\w.,/°-])[0-9]{1,4}(?:[ \t\u00a0]?(?i:bis|ter|quater)\b|[A-Da-d]\b)?,?" + _GAP
)
# Unambiguous street types: the name after them may be written in lowercase.
_STRICT_STREET = (
    r"(?i:rue|avenue|av\.?|boulevard|bd|bld|blvd\.?|impasse|imp\.|all[ée]e|quai|faubourg|fg\.?)"
)
# Street types that are also ordinary words ("2 cours de yoga", "5 place de parking"): the name
# after them must be capitalised.
_LOOSE_STREET = (
    r"(?i:place|pl\.|chemin|route|rte|cours|square|passage|voie|cit[ée]|r[ée]sidence|villa"
    r"|hameau|lotissement|esplanade|promenade|sentier|parvis|rond-point)"
)
_CONNECTORS = (
    r"(?:(?i:de[ \t\u00a0]+la|des|du|de|la|le|les|aux|au|sur|sous|en)" + _GAP + r"|"
    r"(?i:de[ \t\u00a0]+l|d|l)['\u2019][ \t]?)"
)
_ANY_WORD = r"[^\W_]+(?:[-\u2010'\u2019][^\W_]+)*"
_CAP_WORD = rf"[{_UPPER}0-9][^\W_]*(?:[-\u2010'\u2019][^\W_]+)*"
_MORE_NAME_WORDS = rf"(?:{_GAP}{_CONNECTORS}{{0,2}}{_CAP_WORD}){{0,4}}"
# A capitalised word after five digits is a town, unless it is a unit ("10000 Euros").
_TOWN = (
    r"(?!(?i:euros?|eur|habitants|personnes|km|kg|pas)\b)"
    rf"(?:(?:Le|La|Les|L['\u2019])[ \t]?)?[{_UPPER}][^\W_]*(?:[-\u2010'\u2019][^\W_]+)*"
)
_POSTCODE_TOWN = (
    rf"(?:0[1-9]|[1-8][0-9]|9[0-8])[0-9]{{3}}{_GAP}(?:{_TOWN}(?:{_GAP}(?i:cedex))?|CEDEX)"
)
# Between street and postcode: a comma, spaces, or a line break (addresses come on two lines).
_TO_POSTCODE = r"(?:,?[ \t\u00a0\u202f]+|,?[ \t\u00a0\u202f]*\r?\n[ \t\u00a0\u202f]*)"
_ADDRESS_RES = (
    re.compile(
        rf"{_STREET_NUMBER}{_STRICT_STREET}{_GAP}{_CONNECTORS}{{0,2}}{_ANY_WORD}"
        rf"{_MORE_NAME_WORDS}(?:{_TO_POSTCODE}{_POSTCODE_TOWN})?(?!\w)"
    ),
    re.compile(
        rf"{_STREET_NUMBER}{_LOOSE_STREET}{_GAP}{_CONNECTORS}{{0,2}}{_CAP_WORD}"
        rf"{_MORE_NAME_WORDS}(?:{_TO_POSTCODE}{_POSTCODE_TOWN})?(?!\w)"
    ),
    # A named street without its number is still a precise place: "avenue Foch".
    re.compile(
        rf"(?<![\w-])(?i:rue|avenue|boulevard|impasse|all[ée]e|quai){_GAP}{_CONNECTORS}{{0,2}}"
        rf"(?=[{_UPPER}])(?!(?:Il|Elle|On|Je|Nous|Vous|Ils|Elles|Le|La|Les)\b){_CAP_WORD}"
        rf"{_MORE_NAME_WORDS}(?!\w)"
    ),
    re.compile(rf"(?<![\w.,/-]){_POSTCODE_TOWN}(?!\w)"),
    # English order: number, name, type ("221B Baker Street", "10 Downing St").
    re.compile(
        r"(?<![\w.,/-])[0-9]{1,5}[A-Za-z]?[ \t\u00a0]+(?:[A-Z][a-z'\u2019]+[ \t\u00a0]+){1,3}"
        r"(?:(?:Street|Road|Avenue|Lane|Drive|Boulevard|Close|Way|Square|Terrace|Crescent|Court"
        r"|Gardens)\b|(?:St|Rd|Ave|Ln|Blvd)\b\.?)"
    ),
)


def _addresses(text: str) -> Iterator[tuple[str, int, int]]:
    for pattern in _ADDRESS_RES:
        for match in pattern.finditer(text):
            yield ADDRESS, match.start(), match.end()


# --- Dates ---------------------------------------------------------------------------------

_FR_MONTHS = (
    r"janvier|janv\.?|f[ée]vrier|f[ée]vr\.?|f[ée]v\.?|mars|avril|avr\.?|mai|juin|juillet"
    r"|juil\.?|ao[ûu]t|septembre|sept\.?|octobre|oct\.?|novembre|nov\.?|d[ée]cembre|d[ée]c\.?"
)
# English month names are capitalised in English: "12 may be too many" is not a date.
_EN_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
)
_MONTH = rf"(?:(?i:{_FR_MONTHS})|{_EN_MONTHS})"
_WEEKDAY = (
    r"(?:(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
)
_DAY = r"(?:(?i:premier)|(?:3[01]|[12][0-9]|0?[1-9])(?:er|re|st|nd|rd|th)?)"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"
_DATE_RES = (
    # "12 mars", "lundi 12 mars 2024", "du 12 au 15 mars", "12th of March 2024"
    re.compile(
        rf"(?<![\w.,/-])(?:{_WEEKDAY},?{_GAP}(?:the{_GAP})?)?{_DAY}"
        rf"(?:{_GAP}(?i:au|et|and|to){_GAP}{_DAY}|[ \t]?[-\u2013][ \t]?{_DAY})?"
        rf"(?:{_GAP}of)?{_GAP}{_MONTH}(?:,?{_GAP}{_YEAR})?(?![\w])"
    ),
    # "March 12", "Monday, March 12th, 2024"
    re.compile(
        rf"(?<![\w.,/-])(?:{_WEEKDAY},?{_GAP})?(?:{_EN_MONTHS}){_GAP}(?:the{_GAP})?{_DAY}"
        rf"(?:,?{_GAP}{_YEAR})?(?![\w])"
    ),
    # ISO: 2024-03-12, 2024/03/12, 2024-03-12T10:00
    re.compile(
        r"(?<![\w/.-])(?:19|20)[0-9]{2}([-/.])(?:0?[1-9]|1[0-2])\1(?:3[01]|[12][0-9]|0?[1-9])"
        r"(?![0-9])"
    ),
)
# 3/04/2024, 03-04-24, 12.03.2024: day and month checked in code (either order, US dates too).
_NUMERIC_DATE_RE = re.compile(
    r"(?<![\w/.,-])(?P<a>[0-9]{1,2})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?P=sep)(?:[0-9]{4}|[0-9]{2})"
    r"(?![\w/-]|[.,][0-9])"
)
# "le 3/04": without a year, only after a word that announces a date ("3/4" alone is a ratio).
_SHORT_DATE_RE = re.compile(
    r"(?<!\w)(?i:le|du|au|the|on)[ \t\u00a0]+(?P<date>(?P<a>[0-9]{1,2})/(?P<b>[0-9]{1,2}))"
    r"(?![\w/]|[.,][0-9])"
)


def _dates(text: str) -> Iterator[tuple[str, int, int]]:
    for pattern in _DATE_RES:
        for match in pattern.finditer(text):
            yield DATE, match.start(), match.end()
    for match in _NUMERIC_DATE_RE.finditer(text):
        if _is_day_and_month(match["a"], match["b"]):
            yield DATE, match.start(), match.end()
    for match in _SHORT_DATE_RE.finditer(text):
        if 1 <= int(match["a"]) <= 31 and 1 <= int(match["b"]) <= 12:
            yield DATE, match.start("date"), match.end("date")


def _is_day_and_month(first: str, second: str) -> bool:
    a, b = int(first), int(second)
    return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)


# --- Personal names ------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised words that start sentences or follow a name without being a family name.
_STOP_WORDS = _words(
    """
    je j tu il elle on nous vous ils elles me m moi te t toi se s soi lui leur leurs eux
    ce c cet cette ces ca cela ceci celui celle ceux celles le la les l un une des du de d
    au aux a y en et ou mais donc or ni car puis ensuite alors enfin si comme quand lorsque
    lorsqu apres avant pendant depuis des jusque jusqu dans sur sous avec sans pour par chez
    vers entre contre selon malgre mon ma mes ton ta tes son sa ses notre nos votre vos qui que
    qu quoi dont quel quelle quels quelles tout tous toute toutes rien personne chaque plusieurs
    certains certaines aucun aucune autre autres meme aussi encore deja toujours jamais souvent
    parfois hier demain aujourd oui non merci bonjour bonsoir salut voila voici ici ne n pas
    plus tres bien mal peu beaucoup trop assez ensemble bref finalement cependant pourtant
    neanmoins toutefois ainsi parce puisque afin est etait sont ont avait
    i my mine we us our you your he him his she her it its they them their this that these
    those the an and or but so then when while after before during since until if as at by for
    from in into of on onto to with without about over under here there what which who whom
    whose why how yes no not also just still even only very well today yesterday tomorrow
    thanks hello hi dear
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin
    juillet aout septembre octobre novembre decembre monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october
    november december
    monsieur madame mademoiselle mme mlle mr mrs ms dr docteur doctor professeur pr
    """
)

# Given names and family names that are also ordinary words, even capitalised at the start of
# a sentence ("Pierre par pierre", "Will you come?", "Petit à petit"). Such a name is a name
# only where capitalisation is evidence: inside a sentence, or followed by a family name.
_WORD_LIKE_NAMES = _words(
    """
    pierre claire rose jade olive capucine aurore celeste clemence constance victoire iris
    ambre perle fleur violette blanche marguerite maxime clement martial auguste octave lance
    colombe melodie garance prune cerise eve urbain eden samba pape clementine jacinthe
    will mark bill hope joy ray jack frank sue pat rob gene grant chase drew miles dean earl
    cliff ivy holly daisy lily heather amber ruby pearl crystal christian penny sandy wade reed
    carol hazel violet poppy hunter mason dawn faith said amal hind
    petit petite blanc brun brune noir noire bon bonne fort forte grand grande leger legere
    marchand boucher berger meunier chevalier renard loup lion bois fontaine riviere moulin
    poirier laurier garde paix maire roi reine prince page masse roux vert gris rouge
    cousin bonnet bouquet bourgeois porte poisson merle faucon pigeon bonhomme lebon
    marin france ange constant prudence grace aime juste modeste patience
    king bishop baker butler carter cooper fisher miller parker porter potter smith taylor
    turner walker ward white black brown green gray grey young long short little hill wood
    stone field lake brook bush lamb fox wolf bird crane swan bell cross north south west east
    best power price cash gold silver
    """
)
# Names that are ordinary words in lowercase only ("elle se marie", "un olivier", "un jean"):
# a member's name written in lowercase is matched only if it is in neither set.
_LOWERCASE_WORDS = _WORD_LIKE_NAMES | _words(
    """
    marie olivier jean germain romain benjamin serge sylvain bernard avril mai june may august
    """
)

# Before these, a capitalised given name is part of something else: la Marine, Saint Louis.
_NOT_A_NAME_AFTER = frozenset({"le", "la", "les", "l", "un", "une", "des", "du", "the"})
_SAINTS = frozenset({"saint", "sainte", "st", "ste"})
# Capitalised particles inside a full name: Marie Le Gall, Ahmed Ben Ali, Luis Da Silva.
_PARTICLES = _words(
    "le la de du des van von der den da das dos di del della ben bin ibn el al ait abou abu"
    " ould mac mc"
)
# "plan B.", "vitamine D.": a capital letter and a dot that is not a person's initial.
_NOT_AN_INITIAL_AFTER = _words(
    """
    plan vitamine vitamin groupe group type annexe point option categorie classe niveau
    hepatite batiment escalier salle porte section partie article chapitre etape phase lettre
    note grade mention zone bloc aile pavillon unite secteur version modele taille ligne hall
    cas scenario exemple equipe tableau figure step stage level
    """
)
# Dotted abbreviations of two letters that are not initials.
_DOTTED_ABBREVIATIONS = frozenset({"PS", "NB", "OK", "US", "UK", "AM", "PM", "TV", "CV", "HP"})

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*")
_INLINE_GAP_RE = re.compile(r"[ \t\u00a0\u202f]+")
_ELISION_GAP_RE = re.compile(r"[ \t\u00a0\u202f]+|['\u2019]")
_HYPHEN_SPLIT_RE = re.compile(r"[-\u2010\u2011]")
_SENTENCE_END = frozenset(".!?…\n\r")
# Quotes, brackets, dashes and bullets between a sentence end and its first word.
_BEFORE_SENTENCE = frozenset(" \t\u00a0\u202f\"'«»\u201c\u201d\u2018\u2019()[]-\u2013\u2014•*")
_OPENING_QUOTES = frozenset('«\u201c"')

_NAME_WORD = r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*"
_CIVILITY_RE = re.compile(
    r"(?<![\w.])(?:M\.|Mr\.?|Mme\.?|Mlle\.?|Mrs\.?|Ms\.?|Dr\.?|Pr\.?|[Mm]onsieur|[Mm]adame"
    r"|[Mm]ademoiselle|[Dd]octeur|[Dd]octor|[Pp]rofesseur|[Pp]rofessor)"
    rf"[ \t\u00a0]+(?P<who>{_NAME_WORD})(?P<dot>\.)?"
    rf"(?:[ \t\u00a0]+(?P<more>{_NAME_WORD})(?P<more_dot>\.)?)?"
)
_INITIAL_SEP = r"[ \t\u00a0]?[-\u2010]?[ \t\u00a0]?"
_INITIALS_RE = re.compile(rf"(?<![\w.])[A-Z]\.(?:{_INITIAL_SEP}[A-Z]\.)+(?!\w)")
_SINGLE_INITIAL_RE = re.compile(
    rf"(?<![\w.'\u2019&#-])(?P<letter>[A-Z])\.(?!\w|{_INITIAL_SEP}[A-Z]\.)"
)


class _Token(NamedTuple):
    start: int
    end: int
    word: str


@dataclass(frozen=True)
class _NameIndex:
    """The members' names: folded (for capitalised words) and as spelt (for lowercase ones)."""

    folded: frozenset[str] = frozenset()
    lowercase: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    names = set()
    for line in GIVEN_NAMES_FILE.read_text(encoding="utf-8").splitlines():
        name = line.split("#", 1)[0].strip()
        if name:
            names.add(_fold(name))
    return frozenset(names - _STOP_WORDS)


def _as_name_tuple(extra_names) -> tuple[str, ...]:
    if not extra_names:
        return ()
    if isinstance(extra_names, str):
        extra_names = [extra_names]
    return tuple(sorted({str(name) for name in extra_names if name}))


@lru_cache(maxsize=64)
def _name_index(extra_names: tuple[str, ...]) -> _NameIndex:
    """Given names (any length from 2) and family names (3 letters or more) of the members."""
    folded, lowercase = set(), set()
    for full_name in extra_names:
        words = _TOKEN_RE.findall(unicodedata.normalize("NFC", full_name))
        for position, word in enumerate(words):
            minimum = 2 if position == 0 else 3
            parts = _HYPHEN_SPLIT_RE.split(word)
            for candidate in {word, *parts}:
                if len(candidate) >= minimum and _fold(candidate) not in _STOP_WORDS:
                    folded.add(_fold(candidate))
                    lowercase.add(candidate.lower())
    return _NameIndex(frozenset(folded), frozenset(lowercase))


def _names(text: str, index: _NameIndex) -> list[tuple[str, int, int]]:
    tokens = [_Token(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]
    spans = [*_name_token_spans(text, tokens, index), *_civility_spans(text)]
    spans.extend(_initial_spans(text))
    return [(NAME, start, end) for start, end in _join_adjacent(text, spans)]


def _name_token_spans(text, tokens, index) -> Iterator[tuple[int, int]]:
    position = 0
    while position < len(tokens):
        if _is_name(text, tokens, position, index):
            last, end = _extend_full_name(text, tokens, position)
            yield tokens[position].start, end
            position = last + 1
        else:
            position += 1


def _is_name(text, tokens, position, index) -> bool:
    word = tokens[position].word
    if _is_member_name(word, index):
        # A member named Petit or Rose: "Petit à petit" at the start of a sentence is not them.
        return _fold(word) not in _WORD_LIKE_NAMES or _is_evidently_a_name(text, tokens, position)
    if not _is_capitalised(word) or not _is_given_name(word):
        return False
    return _is_evidently_a_name(text, tokens, position)


def _is_evidently_a_name(text, tokens, position) -> bool:
    """Capitalisation is evidence, except after an article or where a sentence starts."""
    word = tokens[position].word
    previous = _previous_word(text, tokens, position)
    if previous in _NOT_A_NAME_AFTER or previous in _SAINTS:
        return False
    if _fold(word) in _WORD_LIKE_NAMES and _starts_sentence(text, tokens[position].start):
        _last, end = _extend_full_name(text, tokens, position)
        return end > tokens[position].end
    return True


def _is_member_name(word: str, index: _NameIndex) -> bool:
    if not index.folded:
        return False
    if _is_capitalised(word):
        return _fold(word) in index.folded
    lowered = word.lower()
    # In lowercase, only an exact spelling that is not also a word: "marié" is not Marie.
    return len(word) >= 3 and lowered in index.lowercase and _fold(word) not in _LOWERCASE_WORDS


def _is_given_name(word: str) -> bool:
    """In the list, or a compound of a listed name and capitalised parts (Marie-France)."""
    given = _given_names()
    folded = _fold(word)
    if folded in given:
        return True
    first, *others = _HYPHEN_SPLIT_RE.split(word)
    if not others or _fold(first) not in given:
        return False  # Saint-Étienne, Aix-en-Provence
    return all(_fold(part) in given or part[:1].isupper() for part in others)


def _is_capitalised(word: str) -> bool:
    """Starts with a capital; all-capitals words of 3 letters or fewer are acronyms (CMP, GEM)."""
    return word[:1].isupper() and not (word.isupper() and len(word) <= 3)


def _is_family_name_like(word: str) -> bool:
    return len(word) >= 2 and _is_capitalised(word) and _fold(word) not in _STOP_WORDS


def _previous_word(text, tokens, position) -> str:
    """The folded word just before, if nothing but a space or an elision separates them."""
    if position == 0:
        return ""
    previous = tokens[position - 1]
    if _ELISION_GAP_RE.fullmatch(text, previous.end, tokens[position].start):
        return _fold(previous.word)
    return ""


def _starts_sentence(text: str, start: int) -> bool:
    position = start - 1
    while position >= 0 and start - position < 12 and text[position] in _BEFORE_SENTENCE:
        if text[position] in _OPENING_QUOTES:
            return True  # reported speech starts with a capital
        position -= 1
    return position < 0 or text[position] in _SENTENCE_END


def _extend_full_name(text, tokens, position) -> tuple[int, int]:
    """The last token and end offset of the full name starting at ``tokens[position]``.

    Takes up to three capitalised family-name-like words ("Marie Le Gall", "Ahmed Ben Ali")
    or one initial ("Marie D.") on the same line.
    """
    last, end = position, tokens[position].end
    for _round in range(3):
        following = last + 1
        if following >= len(tokens) or not _INLINE_GAP_RE.fullmatch(
            text, tokens[last].end, tokens[following].start
        ):
            break
        word, word_end = tokens[following].word, tokens[following].end
        if len(word) == 1 and word.isupper() and text[word_end : word_end + 1] == ".":
            return following, word_end + 1
        if _is_family_name_like(word):
            last, end = following, tokens[following].end
            continue
        if _is_particle_before_name(text, tokens, following):
            last, end = following + 1, tokens[following + 1].end
            continue
        break
    return last, end


def _is_particle_before_name(text, tokens, position) -> bool:
    word = tokens[position].word
    following = position + 1
    return (
        word[:1].isupper()
        and _fold(word) in _PARTICLES
        and following < len(tokens)
        and bool(_INLINE_GAP_RE.fullmatch(text, tokens[position].end, tokens[following].start))
        and _is_family_name_like(tokens[following].word)
    )


def _civility_spans(text: str) -> Iterator[tuple[int, int]]:
    """Monsieur Dupont, Madame Benali, Mme L., Mr X, Dr Martin."""
    for match in _CIVILITY_RE.finditer(text):
        if not _names_someone(match["who"]):
            continue
        end = match.end("dot") if len(match["who"]) == 1 and match["dot"] else match.end("who")
        more = match["more"]
        if more and _names_someone(more) and not match["dot"]:
            single_with_dot = len(more) == 1 and match["more_dot"]
            end = match.end("more_dot") if single_with_dot else match.end("more")
        yield match.start(), end


def _names_someone(word: str) -> bool:
    if len(word) == 1:
        return word.isupper()
    return word[:1].isupper() and _fold(word) not in _STOP_WORDS


def _initial_spans(text: str) -> Iterator[tuple[int, int]]:
    for match in _INITIALS_RE.finditer(text):
        if _are_initials(match.group()):
            yield match.start(), match.end()
    for match in _SINGLE_INITIAL_RE.finditer(text):
        if _is_single_initial(text, match):
            yield match.start(), match.end()


def _are_initials(written: str) -> bool:
    """J.-P., M. D. and M.D. are initials; S.D.F. or R.S.A. (three, packed) are acronyms."""
    letters = "".join(ch for ch in written if ch.isalpha())
    if letters in _DOTTED_ABBREVIATIONS:
        return False
    spaced_or_hyphenated = any(ch in written for ch in " \t\u00a0-\u2010")
    return len(letters) == 2 or spaced_or_hyphenated


def _is_single_initial(text: str, match: re.Match) -> bool:
    """An initial ("avec L. hier", "la mère de K."), not "plan B." nor a label ("A. Contexte")."""
    if match["letter"] in "IA":
        return False  # English "I.", French "A." in lists and grades
    start = match.start()
    window_start = max(0, start - 40)  # bounded look-back keeps long texts linear
    newline = text.rfind("\n", window_start, start)
    if (newline >= 0 or window_start == 0) and not text[newline + 1 : start].strip(" \t\u00a0-•*"):
        # At the start of a line: a label ("B. Analyse") unless a verb follows ("M. m'a appelé").
        following = text[match.end() : match.end() + 3].lstrip()
        return following[:1].islower()
    words = _TOKEN_RE.findall(text[window_start:start])
    return not words or _fold(words[-1]) not in _NOT_AN_INITIAL_AFTER


def _join_adjacent(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Name pieces separated by spaces only are one name: "J.-P. Martin", "alice martin"."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and (
            start <= joined[-1][1] or _INLINE_GAP_RE.fullmatch(text, joined[-1][1], start)
        ):
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined
