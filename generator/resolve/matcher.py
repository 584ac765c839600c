"""Find many known names in a text in one pass (stage 3b: extract, for `propagate`).

One regular expression with every known name as an alternative costs a try of
each alternative at every word start, so its time grows with the number of
names times the length of the corpus: at a thousand articles it was the
slowest step after rendering. `Matcher` keys the names by their first
`PREFIX` characters instead: one short regular expression finds the word
starts that can begin a name, and a dictionary look-up gives the few names
to try there. It finds exactly what the regular expression

    (?<![\\w-])(name1|name2|...)(?![\\w-])

with the longest names first finds with `finditer`: whole words (no letter,
digit, underscore or hyphen on either side), case-sensitive, the longest name
at each start, scanning on from the end of each match.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

PREFIX = 4
"""Characters of a name that key it; a shorter name is keyed by all of its characters."""

_WORD = re.compile(r"[\w-]")
"""A character that continues a word: a name must not begin or end next to one."""


class Matcher:
    """Every whole-word occurrence of a set of names, the longest at each start."""

    def __init__(self, names: Iterable[str]) -> None:
        by_prefix: dict[str, list[str]] = defaultdict(list)
        for name in set(names):
            if name:
                by_prefix[name[:PREFIX]].append(name)
        self._by_prefix = {
            prefix: tuple(sorted(found, key=lambda n: (-len(n), n))) for prefix, found in by_prefix.items()
        }
        self._lengths = sorted({len(prefix) for prefix in self._by_prefix}, reverse=True)
        firsts = sorted({name[0] for name in self._by_prefix})
        self._starts = (
            re.compile(r"(?<![\w-])[" + "".join(re.escape(c) for c in firsts) + "]") if firsts else None
        )

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, name) of each occurrence, in text order, none overlapping."""
        if self._starts is None:
            return
        end = 0
        for found in self._starts.finditer(text):
            start = found.start()
            if start < end:
                continue  # inside the name just matched
            name = self._longest_at(text, start)
            if name:
                end = start + len(name)
                yield start, end, name

    def _longest_at(self, text: str, start: int) -> str:
        """The longest name that stands as a whole word at `start`, or ""."""
        for length in self._lengths:
            for name in self._by_prefix.get(text[start : start + length], ()):
                end = start + len(name)
                if text.startswith(name, start) and not (end < len(text) and _WORD.match(text, end)):
                    return name
        return ""
