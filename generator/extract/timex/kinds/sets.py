"""Repetitions (TIMEX3 SET): "every week", "annually", "twice a year", "$99 a year", "every Monday"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract.timex.lexicon import WEEKDAYS
from generator.extract.timex.patterns import NUM, UNIT, UNIT_ONE, WEEKDAY_NAME
from generator.extract.timex.periods import duration_value
from generator.extract.timex.resolution import Resolution
from generator.extract.timex.rule import Candidate, Rule
from generator.extract.timex.words import number, unit_of

if TYPE_CHECKING:
    from generator.extract.timex.context import Context
    from generator.extract.timex.scope import Scope

# fmt: off
SETS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P1Q",
    "hourly": "PT1H", "annually": "P1Y", "yearly": "P1Y", "annual": "P1Y", "biannual": "P6M",
    "semiannual": "P6M", "biennial": "P2Y",
}
"""Frequency adjectives and adverbs to TIMEX3 SET values."""

NOT_RATE = frozenset([
    "for", "in", "within", "about", "than", "over", "after", "nearly", "almost", "only", "just", "least",
    "take", "took", "takes", "taking", "last", "lasted", "spend", "spent", "of", "to", "by", "under", "some",
])
"""Words before "a year" that make it a duration, not a rate ("for a year")."""
# fmt: on

NUMBER_BEFORE = re.compile(
    r"(?:\d|%|million|billion|trillion|thousand|hundred|dollars|euros|pounds|times|twice|once)"
    r"[^.,;:!?()]{0,25}$",
    re.I,
)
"""A number shortly before "a year", making it a rate ("$300 million in fuel a year")."""

_EVERY = re.compile(rf"(?:every|each)\s+({NUM})\s")


def _resolve_set(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "every week", "annually", "twice a year", "$99 a year" and "every Monday"."""
    low, words = " ".join(m.words), m.words
    if low in SETS:
        return Resolution("SET", SETS[low], why="a regular repetition")
    wd = next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)
    if wd is not None:
        return Resolution("SET", f"XXXX-WXX-{wd + 1}", why="every such weekday")
    unit = unit_of(words[-1])
    if unit is None:
        return None
    every = _EVERY.match(low)
    amount = (number(every.group(1)) if every else None) or (2.0 if "other" in words else 1.0)
    return Resolution("SET", duration_value(amount, unit), why="a regular repetition")


def _check_set(m: Candidate, ctx: Context) -> bool:
    """Take "a year" as a rate only after an amount; reject "Daily" inside a name."""
    low = m.low
    if low.startswith(("a ", "an ")):
        before = ctx.text[max(0, m.s - 40) : m.s]
        return ctx.prev_word(m.s) not in NOT_RATE and NUMBER_BEFORE.search(before) is not None
    return not (m.text[0].isupper() and low in SETS and ctx.prev_word(m.s) != "")


SET = Rule.of(
    "set",
    rf"\b(?:(?:every|each)\s+(?:other\s+)?(?:(?:{NUM}\s+)?{UNIT}|{WEEKDAY_NAME})|(?:once|twice|{NUM}\s+times)"
    rf"\s+(?:a|an|per|every|each)\s+{UNIT_ONE}|(?:daily|weekly|monthly|annually|yearly|annual|quarterly"
    r"|hourly|biannual|semiannual|biennial|nightly)|(?:per|a|an)\s+(?:year|month|week|day|hour))\b",
    _resolve_set,
    check=_check_set,
    nameable=True,
)
"""A repetition: "every week", "each Monday", "twice a year", "annually", "a year" after an amount."""
