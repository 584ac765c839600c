"""Name keys and evidence for joining names across the corpus (stage 4: resolve).

Resolution never compares every name with every other: it compares names that
share a blocking key (a compact normalised name, an acronym's first letter, a
surname, a first word), so it stays fast at thousands of articles. The keys
ignore case, diacritics, spacing, punctuation, possessives and legal forms
("Wal - Mart", "Walmart"; "Chrysler Corp", "Chrysler"), a descriptive common
noun after the name ("the Machinists union"), and the order of an office's name
("Ministry of Finance", "Finance Ministry"); given names are compared through
their nicknames ("Tim"/"Timothy", "Tom"/"Thomas", from the `nicknames` package).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from cleanco import basename  # type: ignore[import-untyped]  # cleanco ships no type hints
from nicknames import NickNamer
from rapidfuzz.distance import OSA

from generator.extract import lexicon
from generator.read.yamlio import word_lists

LEGAL_FORM = re.compile(
    r"[,\s]+(inc|incorporated|corp|corporation|co|ltd|limited|plc|llc|ag|sa|s\.a|n\.v|nv|gmbh|group)\.?$",
    re.I,
)
"""A trailing legal form; cleanco knows more, this catches the ones it leaves ("Group", a lone "Co")."""
_GENERIC_TAIL = re.compile(
    r"\s+(airlines|airways|holdings|company|systems|technologies|international)$", re.I
)
_ACRONYM_IN_TEXT = re.compile(r"^(?:['’]s)?\s*[(<]\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*[)>]")
"""An acronym or ticker given right after a name: "Syrian Arab News Agency (SANA)", "Chrysler Corp <C>"."""
_GOVERNMENT = re.compile(r"^(?P<state>.+?)(?:['’]s)?\s+(?:government|authorities|administration)$", re.I)
_OFFICE_OF = re.compile(
    r"^(?P<noun>ministry|department|office|bureau|agency)\s+(?:of|for)\s+(?:the\s+)?(?P<rest>.+)$", re.I
)
"""An office named "Ministry of Finance", which is also written "Finance Ministry"."""
_PARTICLES = re.compile(r"^(al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|van|von|de|da|di|le|la)[-‘’']", re.I)
_STOP = {"of", "the", "and", "for", "de", "la", "&"}
_THE = re.compile(r"^the\s+", re.I)


def fold(text: str) -> str:
    """Lowercase ASCII letters and digits only: no diacritics, spaces or punctuation; '&' is 'and'."""
    text = unicodedata.normalize("NFKD", text.replace("&", " and "))
    text = text.replace("'s ", " ").replace("’s ", " ")
    return "".join(ch for ch in text.lower() if ch.isascii() and ch.isalnum())


_DANGLING_AND = re.compile(r"\s+(?:and|&)$", re.I)
"""What "and Co" leaves behind once its legal form is gone."""


@functools.lru_cache(maxsize=65536)
def without_legal_form(name: str) -> str:
    """The name without trailing legal forms ("Chrysler Corp" → "Chrysler", "Aer Lingus Group PLC",
    "Kidder, Peabody and Co Inc" → "Kidder, Peabody")."""
    previous = None
    while previous != name:
        previous = name
        name = _DANGLING_AND.sub("", LEGAL_FORM.sub("", basename(name) or name)).strip(" ,")
    return name or previous


def without_descriptor(name: str) -> str:
    """The name without a lowercase common noun after it ("Force Ouvrière union" → "Force Ouvrière")."""
    words = name.split()
    if len(words) > 1 and words[-1].islower() and lexicon.noun_class(words[-1]) == "organisation":
        return " ".join(words[:-1])
    return name


def office_order(name: str) -> str:
    """ "Ministry of Finance" as "Finance Ministry", the order the key compares; other names as they are."""
    match = _OFFICE_OF.match(name)
    return f"{match.group('rest')} {match.group('noun')}" if match else name


@functools.lru_cache(maxsize=65536)
def compact_key(name: str) -> str:
    """The blocking key of an organisation's name: folded, without legal forms, descriptors or a generic tail.

    "China Eastern Airlines" is "China Eastern"; "Singapore Airlines" keeps its tail (one word left).
    """
    stripped = without_legal_form(office_order(without_descriptor(_THE.sub("", name))))
    shorter = _GENERIC_TAIL.sub("", stripped)
    if len(shorter.split()) >= 2:
        stripped = shorter
    return fold(stripped) or fold(name)


def person_key(name: str) -> tuple[str, ...]:
    """Tokens of a person's name, lowercased, without particles or middle initials; never empty."""
    words = [_PARTICLES.sub("", w).lower().strip(".") for w in name.split()]
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return tuple(w for w in words if w) or (name.lower(),)


def _content_words(name: str) -> list[str]:
    """Capitalised content words of a name, lowercased; [] when any content word is lowercase."""
    words = [w for w in re.split(r"[\s/-]+", name) if w and w.lower() not in _STOP]
    return [w.lower() for w in words] if len(words) >= 2 and all(w[0].isupper() for w in words) else []


def spells(short: str, name: str) -> bool:
    """True when `short` spells `name` by word prefixes: UN/United Nations, SIA/Singapore Airlines.

    The name is tried with and without its legal form: AMC is American Motors Corp.
    """
    letters = short.replace(".", "").lower()
    if not letters.isalpha() or len(letters) < 2:
        return False
    bare = without_legal_form(name)
    return any(_spelled(letters, words) for words in {(*_content_words(name),), (*_content_words(bare),)})


def initials(name: str) -> set[str]:
    """The blocking keys of a name an acronym may spell: its content words' first letters.

    With and without its legal form, as `spells` tries it; empty when it has fewer than two
    capitalised content words (then nothing spells it).
    """
    return {
        "".join(w[0] for w in words)
        for words in (_content_words(name), _content_words(without_legal_form(name)))
    } - {""}


def spellable(short: str, longest: int = 12) -> set[str] | None:
    """The initials of every name `short` could spell (`spells`); None when it is too long to list them.

    An acronym spells a name by word prefixes, so the name's initials are letters of the
    acronym in order, its first letter first: 2^(n-1) - 1 keys for n letters, listed up to
    `longest` letters (acronyms are shorter; a longer "acronym" is compared with every name).
    """
    letters = short.replace(".", "").lower()
    if not letters.isalpha() or len(letters) < 2:
        return set()  # spells nothing
    if len(letters) > longest:
        return None
    rest = letters[1:]
    return {
        letters[0] + "".join(rest[i] for i in chosen)
        for size in range(1, len(rest) + 1)
        for chosen in itertools.combinations(range(len(rest)), size)
    }


def _spelled(letters: str, words: tuple[str, ...]) -> bool:
    """True when `letters` are word prefixes of every word in turn."""
    if not words:
        return False

    @functools.cache
    def spell(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        word = words[j]
        return any(
            letters[i : i + k] == word[:k] and spell(i + k, j + 1)
            for k in range(1, min(len(word), len(letters) - i) + 1)
        )

    return spell(0, 0)


def acronym_after(body: str, end: int) -> str:
    """The acronym or ticker the text gives right after a name ending at `end`, or ""."""
    match = _ACRONYM_IN_TEXT.match(body[end : end + 24])
    return match.group(1) if match else ""


def government_of(name: str) -> str:
    """ "Belgium" for "Belgium government", "Iran's government", "Syrian authorities"; else ""."""
    match = _GOVERNMENT.match(name.strip())
    return match.group("state") if match else ""


@functools.cache
def _namer() -> NickNamer:
    return NickNamer()


@functools.cache
def given_name_forms(first: str) -> frozenset[str]:
    """A given name with its nicknames and the names it is a nickname of, lowercased."""
    first = first.lower().strip(".")
    namer = _namer()
    return frozenset({first} | namer.nicknames_of(first) | namer.canonicals_of(first))


def same_given_name(a: str, b: str) -> bool:
    """True when two given names are one name or nicknames of each other ("tim", "timothy")."""
    a, b = a.lower(), b.lower()
    return a == b or b in given_name_forms(a) or a in given_name_forms(b)


def is_given_name(word: str) -> bool:
    """True for a word the nickname list or `data/given_names.yml` knows as a given name."""
    return len(given_name_forms(word)) > 1 or fold(word) in _given_names()


GIVEN_NAMES_FILE = Path(__file__).with_name("data") / "given_names.yml"
"""Given names the nickname list does not know (Sergei, Recep, Bashar), by language area."""


@functools.cache
def _given_names() -> frozenset[str]:
    """The names in GIVEN_NAMES_FILE, folded."""
    return frozenset(fold(name) for name in word_lists(GIVEN_NAMES_FILE, "the given names"))


def misspelt(a: str, b: str) -> int:
    """Edit distance between two long folded names when small enough to be a misspelling, else 0.

    One letter in a name of 10 to 19 letters, two from 20; shorter names differ too often by one
    letter to be one name ("Austria", "Australia" are not; "Reagan Adminstration" is). A name
    that only adds letters before or after the other ("usagriculturedepartment") is a longer name,
    not a slip.
    """
    short, long = sorted((a, b), key=len)
    if len(short) < 10 or a == b or long.startswith(short) or long.endswith(short):
        return 0
    limit = 1 if min(len(a), len(b)) < 20 else 2
    distance = OSA.distance(a, b, score_cutoff=limit)  # two letters swapped are one slip ("Avaition")
    return distance if distance <= limit else 0


def blocks(keys: Iterable[str], width: int = 4) -> dict[str, list[str]]:
    """Keys grouped by their first and by their last `width` characters: the pairs worth comparing for
    misspellings. A slip in a name of 10 letters or more leaves one end whole ("Salmon", "Salomon")."""
    grouped: dict[str, list[str]] = {}
    for key in sorted(set(keys)):
        grouped.setdefault("<" + key[:width], []).append(key)
        grouped.setdefault(">" + key[-width:], []).append(key)
    return grouped
