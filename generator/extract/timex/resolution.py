"""What a rule's resolver returns, the helpers that build it, and the Timex record made from it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from generator.dates import day_text
from generator.extract.timex.periods import Period, narrow, show
from generator.model import Span, Timex

if TYPE_CHECKING:
    from generator.extract.timex.scope import Scope


@dataclass(frozen=True, slots=True)
class Resolution:
    """A resolved expression before it becomes a Timex."""

    type: str
    """TIMEX3 type: DATE, TIME, DURATION or SET."""
    value: str
    """TIMEX3 value: "2020-02-17", "P4D", "PAST_REF"."""
    begin: dt.date | None = None
    """First day on the calendar, None when the expression cannot be placed."""
    end: dt.date | None = None
    """Last day on the calendar, None when the expression cannot be placed."""
    precision: str = ""
    """day, week, month, quarter, year, decade or range."""
    mod: str = ""
    """TIMEX3 mod: START, MID, END or APPROX."""
    why: str = ""
    """How the value was reached, for the explanation readers see."""
    shown: str = ""
    """The value as readers see it ("Mon 17 Feb 2020"); the TIMEX3 value when empty."""


@dataclass(frozen=True, slots=True)
class Deferred:
    """A resolution that waits for every other expression (a clock time takes its day from them)."""

    finish: Callable[[Sequence[Timex]], Resolution]
    """Resolves the expression from the expressions found in the body."""


Outcome: TypeAlias = Resolution | Deferred | None
"""What a rule's resolver returns: a resolution, a deferred one, or None to drop the candidate."""

VOID = Resolution("VOID", "", why="words that look like a date but name no day ('31 February')")
"""A resolver's answer for words that name an impossible date: no expression, and no shorter one inside.

None would let a shorter candidate take the words ("February" out of "31 February");
a wrong date is worse than none, so the whole phrase stays undated.
"""


def unanchored(type_: str, value: str, why: str) -> Resolution:
    """Return a result that cannot be placed on the calendar."""
    return Resolution(type_, value, why=why)


def no_dct(type_: str, value: str, what: str) -> Resolution:
    """Return the unanchored result of a relative expression in an undated article."""
    return Resolution(type_, value, why=f"{what}; the article has no date, so it is left unanchored")


def dated(p: Period, why: str, mod: str = "", type_: str = "DATE") -> Resolution:
    """Turn a calendar period into a result, narrowing its bounds to the part the mod names."""
    begin, end = p.begin, p.end
    if mod and begin is not None and end is not None:
        begin, end = narrow(mod, begin, end)
        why += f"; {mod.lower()} taken as {day_text(begin)} to {day_text(end)}"
    return Resolution(type_, p.value, begin, end, p.precision, mod, why, show(p))


def span(value: str, begin: dt.date, end: dt.date, why: str, mod: str = "") -> Resolution:
    """Return a duration anchored on the calendar from `begin` to `end`."""
    return Resolution(
        "DURATION", value, begin, end, "range", mod, f"{why}: {day_text(begin)} to {day_text(end)}"
    )


def part_of_day(d: dt.date, part: str, word: str, why: str) -> Resolution:
    """Return a TIME for a part of a day ("Friday morning" → 2010-07-16TMO)."""
    return Resolution("TIME", f"{d.isoformat()}T{part}", d, d, "day", why=why, shown=f"{day_text(d)}, {word}")


def to_timex(scope: Scope, start: int, end: int, res: Resolution) -> Timex:
    """Build the record; "at present" and "in future" keep only their last word."""
    text = scope.ctx.text[start:end]
    if res.value.endswith("_REF") and text.lower().startswith(("at ", "in ")):
        start, text = start + 3, text[3:]
    why = f"'{text}' → {res.shown or res.value}" + (f" ({res.mod})" if res.mod else "") + f": {res.why}"
    precision = res.precision if res.begin is not None else ""
    where = Span(scope.article, start, end, text)
    clause = scope.ctx.clause_of(start, end)
    return Timex(where, res.type, res.value, res.mod, res.begin, res.end, precision, why, clause)
