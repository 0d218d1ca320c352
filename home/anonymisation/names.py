"""Personal names for the anonymisation guard: given names of the shipped list, civilities,
initials, and the names of the platform's members."""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .kinds import NAME

GIVEN_NAMES_FILE = Path(__file__).parent.parent / "data" / "given_names.txt"

_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2019": "'"})


@lru_cache(maxsize=8192)
def _fold(word: str) -> str:
    """Lowercase, without accents or ligatures: how names are compared."""
    decomposed = unicodedata.normalize("NFKD", word.replace("œ", "oe").replace("Œ", "oe"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("æ", "ae").replace("Æ", "ae").casefold().translate(_HYPHENS)


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
