"""What a kind of temporal expression is: a Rule finds candidates, checks them and resolves them.

Each kind ("date_mdy", "weekday", "duration"...) is one Rule object in
`generator.extract.timex.kinds`; `generator.extract.timex.registry` lists them in priority order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from generator.extract.timex.lexicon import NAME_LABELS

if TYPE_CHECKING:
    from generator.extract.timex.context import Context
    from generator.extract.timex.resolution import Outcome
    from generator.extract.timex.scope import Scope


@dataclass(frozen=True, slots=True)
class Candidate:
    """A candidate expression: its stretch of the body and the pattern match inside it."""

    s: int
    """Offset of the first character, prefix included."""
    e: int
    """Offset one past the last character."""
    text: str
    """The body text between the offsets."""
    m: re.Match[str]
    """The pattern's own match, for its named groups."""

    @property
    def low(self) -> str:
        """The text in lower case."""
        return self.text.lower()

    @property
    def words(self) -> list[str]:
        """The text's words in lower case."""
        return self.text.lower().split()


Check: TypeAlias = Callable[[Candidate, "Context"], bool]
"""Tells whether the words around a candidate make it a time."""

Resolve: TypeAlias = Callable[[Candidate, "Scope"], "Outcome"]
"""Turns a candidate into a TIMEX3 value and calendar bounds; None drops it."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of temporal expression: how to find it, when to believe it and what it means."""

    name: str
    """The kind's name, as explanations and tests know it ("date_mdy", "weekday")."""
    pattern: re.Pattern[str]
    """The kind's own pattern, compiled case-insensitively."""
    resolve: Resolve
    """Turns a checked candidate into a resolution (or a deferred one, or None to drop it)."""
    prefix: re.Pattern[str] | None = None
    """Words that may stand right before a match and belong to it ("the end of", "about")."""
    check: Check | None = None
    """The kind's own test of the words around a candidate; None accepts every match."""
    nameable: bool = False
    """Whether a match inside a name entity ("April Jones", "Daily Telegraph") is rejected."""

    @classmethod
    def of(
        cls,
        name: str,
        pattern: str,
        resolve: Resolve,
        *,
        prefix: str | None = None,
        check: Check | None = None,
        nameable: bool = False,
    ) -> Rule:
        """Build a rule from pattern text, compiling the pattern and the prefix (anchored at the match)."""
        before = re.compile(rf"{prefix}\Z", re.I) if prefix is not None else None
        return cls(name, re.compile(pattern, re.I), resolve, before, check, nameable)

    def matches(self, text: str) -> Iterator[Candidate]:
        """Yield every match in the body, widened leftwards by the prefix when one stands before it.

        A match that starts inside a number ("000 years ago" in "10,000 years ago") is no match.
        """
        for m in self.pattern.finditer(text):
            start = m.start()
            if _inside_number(text, start):
                continue
            if self.prefix is not None:
                before = self.prefix.search(text, max(0, start - 40), start)
                start = before.start() if before is not None else start
            if m.end() > start:
                yield Candidate(start, m.end(), text[start : m.end()], m)

    def valid(self, cand: Candidate, ctx: Context) -> bool:
        """Tell whether a candidate is a time, by the entities and the words around it."""
        if self.nameable and ctx.in_ents(cand.s, cand.e, NAME_LABELS):
            return False
        return self.check is None or self.check(cand, ctx)


def _inside_number(text: str, start: int) -> bool:
    """Whether `start` falls after a digit, or after a digit and a separator ("10,|000", "2.|5")."""
    before = text[max(0, start - 2) : start]
    return before[-1:].isdigit() or (len(before) == 2 and before[1] in ",." and before[0].isdigit())
