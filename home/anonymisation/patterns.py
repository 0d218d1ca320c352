"""What e-mail addresses, phone numbers, social-security numbers, postal addresses and dates
look like, for the anonymisation guard (each finder yields ``(kind, start, end)``)."""

import re
from collections.abc import Iterator

from .kinds import ADDRESS, DATE, EMAIL, NIR, PHONE

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
