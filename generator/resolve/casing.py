"""How the corpus writes each word: lowercase, or capitalised inside a sentence (stage 4: resolve).

A capital letter is evidence of a name only inside a sentence. At the start of a
line, after a sentence's end, a colon, an opening quote or bracket, and after an
abbreviation's period ("the U.S. Semiconductor firms", where a tokenizer or a
case-restorer took the period for a sentence's end), a capital says nothing.
Headings are title-cased and are skipped. A word the corpus writes in lowercase
far more often than capitalised inside a sentence is a common word ("Lost",
"Video"); one it never capitalises inside a sentence is not known as a name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_HEADING = re.compile(r"^[ \t]*#.*$", re.M)
_LOWER = re.compile(r"(?<![\w'’-])[a-z]+(?:['’][a-z]+)?(?![\w'’-])")
_CAPITALISED = re.compile(r"(?<=[\w,)\]%] )[A-Z][a-z]+(?:['’][a-z]+)?(?![\w'’-])")
"""A word with one capital after a word, a comma or a closing bracket and a space: inside a sentence."""


@dataclass(frozen=True, slots=True)
class Casing:
    """Counts of each word (lowercased) as written in the corpus's sentences."""

    lower: Counter[str]
    """Word → times written in lowercase."""
    capitalised: Counter[str]
    """Word → times written with a capital inside a sentence (not all capitals)."""

    def common(self, word: str) -> bool:
        """True for a common word: lowercase at least twice, and at least twice as often as capitalised."""
        key = word.lower()
        return self.lower[key] >= 2 and self.lower[key] >= 2 * self.capitalised[key]

    def name_word(self, word: str) -> bool:
        """True when the corpus capitalises the word inside a sentence and it is not a common word."""
        return self.capitalised[word.lower()] > 0 and not self.common(word)


def casing(bodies: Iterable[str]) -> Casing:
    """Count how every body writes each word, headings and sentence starts left out."""
    lower: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    for body in bodies:
        text = _HEADING.sub("", body)
        lower.update(_LOWER.findall(text))
        capitalised.update(w.lower() for w in _CAPITALISED.findall(text))
    return Casing(lower, capitalised)
