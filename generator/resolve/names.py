"""Name keys and evidence for joining names across the corpus (stage 4: resolve).

Resolution never compares every name with every other: it compares names that
share a blocking key (a compact normalised name, an acronym, a surname, a first
word), so it stays fast at thousands of articles. The keys ignore case,
diacritics, spacing, punctuation, possessives and legal forms ("Wal - Mart",
"Walmart"; "Chrysler Corp", "Chrysler"); given names are compared through their
nicknames ("Tim"/"Timothy", "Tom"/"Thomas", from the `nicknames` package).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from cleanco import basename  # type: ignore[import-untyped]  # cleanco ships no type hints
from nicknames import NickNamer
from rapidfuzz.distance import Levenshtein

_CORPORATE = re.compile(
    r"[,\s]+(inc|incorporated|corp|corporation|co|ltd|limited|plc|llc|ag|sa|s\.a|n\.v|nv|gmbh|group)\.?$",
    re.I,
)
_ACRONYM_IN_TEXT = re.compile(r"^\s*[(<]\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*[)>]")
"""An acronym or ticker given right after a name: "Syrian Arab News Agency (SANA)", "Chrysler Corp <C>"."""
_GOVERNMENT = re.compile(r"^(?P<state>.+?)(?:['’]s)?\s+(?:government|authorities|administration)$", re.I)


def fold(text: str) -> str:
    """Lowercase ASCII letters and digits only: no diacritics, spaces or punctuation; '&' is 'and'."""
    text = unicodedata.normalize("NFKD", text.replace("&", " and "))
    text = text.replace("'s ", " ").replace("’s ", " ")
    return "".join(ch for ch in text.lower() if ch.isascii() and ch.isalnum())


def without_legal_form(name: str) -> str:
    """The name without trailing legal forms ("Chrysler Corp" → "Chrysler", "Aer Lingus Group PLC")."""
    previous = None
    while previous != name:
        previous = name
        name = _CORPORATE.sub("", basename(name) or name).strip(" ,")
    return name or previous


_GENERIC_TAIL = re.compile(
    r"\s+(airlines|airways|holdings|company|systems|technologies|international)$", re.I
)


def compact_key(name: str) -> str:
    """The blocking key of an organisation's name: folded, without legal forms or a generic tail.

    "China Eastern Airlines" is "China Eastern"; "Singapore Airlines" keeps its tail (one word left).
    """
    stripped = without_legal_form(name)
    shorter = _GENERIC_TAIL.sub("", stripped)
    if len(shorter.split()) >= 2:
        stripped = shorter
    return fold(stripped) or fold(name)


def acronym_after(body: str, end: int) -> str:
    """The acronym or ticker the text gives right after a name ending at `end`, or ""."""
    match = _ACRONYM_IN_TEXT.match(body[end : end + 20])
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
    forms = {first} | namer.nicknames_of(first) | namer.canonicals_of(first)
    return frozenset(forms)


def same_given_name(a: str, b: str) -> bool:
    """True when two given names are one name or nicknames of each other ("tim", "timothy")."""
    a, b = a.lower(), b.lower()
    return a == b or b in given_name_forms(a) or a in given_name_forms(b)


def is_given_name(word: str) -> bool:
    """True for a word the nickname list knows as a given name."""
    word = word.lower().strip(".")
    namer = _namer()
    return bool(namer.nicknames_of(word) or namer.canonicals_of(word))


def misspelt(a: str, b: str) -> int:
    """Edit distance between two long folded names when small enough to be a misspelling, else 0."""
    if min(len(a), len(b)) < 10 or a == b:
        return 0
    limit = 1 if min(len(a), len(b)) < 20 else 2
    distance = Levenshtein.distance(a, b, score_cutoff=limit)
    return distance if distance <= limit else 0


def blocks(keys: Iterable[str], width: int = 4) -> dict[str, list[str]]:
    """Keys grouped by their first `width` characters: the pairs worth comparing for misspellings."""
    grouped: dict[str, list[str]] = {}
    for key in sorted(set(keys)):
        grouped.setdefault(key[:width], []).append(key)
    return grouped
