"""An actor's roles, deduplicated and normalised, the most frequent first (stage 4: resolve).

The text gives one role many ways: "Apple CEO", "CEO", "the company's CEO", "chief
executive officer of Apple Inc.", "current Apple CEO". They are one role when they
agree once case, articles and possessives ("the company's"), the organisation or
nationality named around the title ("Apple", "of Apple Inc.", "Russian"), time
words ("current") and spelled-out titles ("chief executive officer" = CEO) are set
aside. Each role is shown in the form the text uses most often for it, and roles
are ordered by how many mentions carry them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from generator.extract.mentions import ROLE_NOUNS, TITLES
from generator.model import Mention

SPELLED_OUT = {
    "chief executive officer": "ceo",
    "chief executive": "ceo",
    "chief operating officer": "coo",
    "chief financial officer": "cfo",
    "chief technology officer": "cto",
    "prime minister": "premier",
    "secretary general": "secretary-general",
}
"""Spelled-out titles and the short form they are one role with."""

_TIME_WORDS = frozenset({"current", "then", "now", "incumbent", "sitting"})
"""Words that say when, not what: "current Apple CEO" is the CEO."""

_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our"})
_CUT = re.compile(r"\s+(?:of|at|for|in|with)\s+.*$", re.I)
"""What follows the title: "CEO of Apple Inc." → "CEO"."""
_POSSESSIVE = re.compile(r"['’]s?$")
_HOLDERS = frozenset(
    {"company", "firm", "corporation", "airline", "carrier", "agency", "organisation", "organization"}
)
"""Words before a title that only say where it is held: "company CEO"."""
_TITLE_WORDS = frozenset(
    {
        "co-founder",
        "founder",
        "operating",
        "financial",
        "technology",
        "officer",
        "senior",
        "cfo",
        "coo",
        "cto",
        "cio",
    }
)
"""Title words the mention finder's lists lack."""


def role_key(role: str) -> str:
    """The form two spellings of one role share: "the company's CEO", "Apple Inc. CEO" → "ceo".

    Capitalised words before the title are where it is held ("Apple Inc.", "Russian",
    "UN") and are set aside; so are articles, possessives and time words.
    """
    words = [w for w in re.split(r"[\s,]+", _CUT.sub("", " ".join(role.split()))) if w]
    kept: list[str] = []
    for word in words:
        low = word.lower().strip(".")
        if low in _DETERMINERS or low in _TIME_WORDS or _POSSESSIVE.search(word):
            continue  # "the company's CEO", "current CEO"
        if not kept and low in _HOLDERS:
            continue  # "company CEO": the company's CEO
        if not kept and word[:1].isupper() and not _is_title_word(low):
            continue  # "Apple", "Inc.", "Russian", "UN": who the title is held at, not what it is
        kept.append(low)
    key = " ".join(kept) or " ".join(words).lower()
    for spelled, short in SPELLED_OUT.items():
        key = re.sub(rf"\b{spelled}\b", short, key)
    return key


def _is_title_word(low: str) -> bool:
    """True for a word that is part of a title even when capitalised ("President", "Chief", "CEO")."""
    return bool(ROLE_NOUNS.match(low)) or low in TITLES or low in _TITLE_WORDS


def display(role: str) -> str:
    """A role as shown: without a leading article or "the company's"."""
    words = role.split()
    while len(words) > 1 and (words[0].lower() in _DETERMINERS or _POSSESSIVE.search(words[0])):
        words = words[1:]
    return " ".join(words)


_AND = re.compile(r"\s+and\s+|\s*[,;/]\s*")
"""Between two roles held at once: "CEO and co-founder"."""


def roles_of(mentions: Iterable[Mention]) -> tuple[str, ...]:
    """An actor's distinct roles, the most frequent first, each in its most frequent form."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        for role in _AND.split(m.role) if m.role else ():
            if role.strip():
                forms[role_key(role)][display(role)] += 1
    ranked = []
    for key, counter in forms.items():
        shown = min(counter, key=lambda f: (-counter[f], -len(f), f))
        ranked.append((-sum(counter.values()), shown.lower(), shown, key))
    return tuple(shown for _n, _low, shown, _key in sorted(ranked))


def union(*groups: Iterable[str]) -> tuple[str, ...]:
    """Roles from several lists (a curator's, a merged actor's), one per key, in the order first seen."""
    seen: dict[str, str] = {}
    for group in groups:
        for role in group:
            seen.setdefault(role_key(role), role)
    return tuple(seen.values())
