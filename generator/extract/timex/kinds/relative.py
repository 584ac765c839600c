"""Periods counted from the article date or the last date named: "last week", "this spring", "a day later"."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import TYPE_CHECKING

from generator.extract.timex.kinds.durations import check_length
from generator.extract.timex.lexicon import APPROX_WORDS, SEASONS
from generator.extract.timex.patterns import DIGITS, MOD, NUM, QUANT, UNIT, YEAR_DIGITS
from generator.extract.timex.periods import fmt_amount, grain, period, season, shift
from generator.extract.timex.resolution import Resolution, dated, no_dct, unanchored
from generator.extract.timex.rule import Candidate, Rule
from generator.extract.timex.words import mod_of, number, unit_of

if TYPE_CHECKING:
    from generator.extract.timex.context import Context
    from generator.extract.timex.scope import Scope

WEEKEND_BEFORE = frozenset(["over", "during", "at", "on", "by", "through", "until"])
"""Words before "the weekend" that make it a date."""

SEASON_BEFORE = frozenset(["in", "during", "by", "until", "since", "over", "through"])
"""Words before a bare season that make it a date."""

_STEPS = {"last": -1, "past": -1, "previous": -1, "next": 1, "following": 1, "coming": 1}
_SHIFT = re.compile(rf"\b(?:({NUM})\s+)?([a-z]+)\s+(ago|earlier|later|before|after|from now)$")


def _resolve_relative(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "last week", "the end of the month", "earlier this year" and "the following day"."""
    low = " ".join(m.words)
    unit, det = low.split()[-1], low.split()[-2]
    mod = "" if low.startswith(("earlier", "later")) else mod_of(low)
    if unit in SEASONS:
        return _season(m, scope, SEASONS[unit][0], det, None, mod)
    if unit == "weekend" and det == "the" and not mod and scope.dct is not None:
        return _weekend(m, scope)
    step = _STEPS.get(det, 0)
    if det in ("same", "that", "previous", "following"):
        base, how = scope.anchor(unit)
        if base is None:
            return unanchored("DATE", "XXXX-XX-XX", how)
    elif scope.dct is None:
        return no_dct(
            "DATE", "XXXX" if unit == "year" else "XXXX-XX", f"a {unit} relative to the article date"
        )
    else:
        base, how = (
            scope.dct,
            f"the {unit} of the article date" if step == 0 else f"from the article date ({scope.dct})",
        )
    p = period(unit, shift(base, step, unit))
    res = dated(p, how if step == 0 else f"one {unit} {'back' if step < 0 else 'on'}, counted {how}", mod)
    # "Earlier this year" runs from the year's start to the article date, which must lie inside it:
    # "earlier this weekend" in a Tuesday's article is simply the weekend.
    if (
        low.startswith(("earlier", "later"))
        and scope.dct is not None
        and p.begin is not None
        and p.end is not None
        and p.begin <= scope.dct <= p.end
    ):
        begin, end = (p.begin, scope.dct) if low.startswith("earlier") else (scope.dct, p.end)
        why = res.why + f", {low.split()[0]} than the article date"
        res = dataclasses.replace(res, begin=begin, end=end, why=why)
    return res


def _weekend(m: Candidate, scope: Scope) -> Resolution:
    """Resolve "over the weekend": the last one in past context on a weekday, else the nearest."""
    assert scope.dct is not None
    tense, cue = scope.ctx.tense_at(m.s, m.e)
    back = scope.dct.weekday() < 5 and tense not in ("future", "present")
    p = period("weekend", scope.dct - dt.timedelta(7 if back else 0))
    where = "the last weekend before" if back else "the weekend nearest"
    return dated(
        p, f"{where} the article date, " + (f"{tense} context ('{cue}')" if tense else "no tense cue")
    )


def _check_relative(m: Candidate, ctx: Context) -> bool:
    """Take "the month" only in "the end of the month" or "later in the month"; "the weekend" after "over"."""
    low = m.low
    words = low.split()
    unit, det = words[-1], words[-2]
    if det == "the" and unit == "weekend" and ctx.prev_word(m.s) in WEEKEND_BEFORE:
        return True
    if det == "the" and unit == "day" and "end of" in low:  # "at the end of the day" is an idiom
        return False
    return det != "the" or "in the" in low or (mod_of(low) != "" and unit not in SEASONS)


def _season(m: Candidate, scope: Scope, code: str, det: str, year: int | None, mod: str) -> Resolution | None:
    """Resolve a season from its year, its determiner or the tense."""
    if year is not None:
        return dated(season(code, year), "season and year given", mod)
    if scope.dct is None:
        return no_dct("DATE", f"XXXX-{code}", "a season")
    first = next(month for c, month in SEASONS.values() if c == code)
    if det == "last":
        year = scope.dct.year - (0 if scope.dct.month > first + 2 else 1)
        why = "the last such season that ended before the article date"
    elif det == "next":
        year, why = (
            scope.dct.year + (scope.dct.month >= first),
            "the next such season after the article date",
        )
    elif det == "this":
        year, why = scope.dct.year, "the article's year"
    else:
        year, why = scope.place_year(first, scope.dct.month, m, f"the season ({code})")
    return dated(season(code, year), why, mod)


def _resolve_season(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "summer 2008", "this spring", "in the fall" and "mid-summer"."""
    words = re.findall(r"[a-z]+", m.low)  # "mid-summer" is two words
    code = next((SEASONS[w][0] for w in words if w in SEASONS), None)
    if code is None:
        return None
    det = next((w for w in words if w in ("this", "last", "next", "coming")), "")
    digits = DIGITS.findall(m.text)
    mod = mod_of(m.text) if words[0] not in ("this", "last", "next", "the", *SEASONS) else ""
    year = int(digits[-1]) if digits else None
    return _season(m, scope, code, "next" if det == "coming" else det, year, mod)


def _check_season(m: Candidate, ctx: Context) -> bool:
    """Take "spring" or "the fall" only after a dating word ("in", "during"), and not "the fall of Rome"."""
    words = m.low.split()
    if re.match(r"\s+of\b", ctx.following(m.e)):
        return False
    if len(words) == 1 or words[0] == "the":
        return ctx.prev_word(m.s) in SEASON_BEFORE
    return True


def _resolve_ago(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "two weeks ago" (from dct) and "a day later" (from the last date mentioned)."""
    found = _SHIFT.search(" ".join(m.words))
    unit = unit_of(found.group(2)) if found else None
    if found is None or unit is None:
        return None
    amount = number(found.group(1)) if found.group(1) else None
    direction = found.group(3)
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    mod = "APPROX" if m.words[0] in APPROX_WORDS else ""
    if amount is None:
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Resolution("DATE", value, mod=mod, why=f"an unspecified number of {unit}s {direction}")
    base: dt.date | None
    if direction in ("ago", "from now"):
        base, how = scope.dct, f"counted from the article date ({scope.dct})"
        if base is None:
            return no_dct("DATE", "XXXX-XX-XX", f"{direction} the article date")
    else:
        base, how = scope.anchor(unit)
        if base is None:
            return unanchored("DATE", "XXXX-XX-XX", how)
    p = period(grain(unit), shift(base, sign * amount, unit))
    return dated(p, f"{fmt_amount(amount)} {unit}(s) {'back' if sign < 0 else 'on'}, {how}", mod)


def _check_ago(m: Candidate, ctx: Context) -> bool:
    """Take "two days before/after" only at the end of a clause, not before an event.

    "A month earlier than usual" compares two times and dates neither: it is left out.
    """
    if m.low.endswith(("before", "after")) and not re.match(r"\s*[.,;:)]", ctx.following(m.e)):
        return False
    if m.low.endswith(("earlier", "later")) and re.match(r"\s+than\b", ctx.following(m.e), re.I):
        return False
    return check_length(m, ctx)


RELATIVE = Rule.of(
    "relative",
    r"\b(?:(?:earlier|later)\s+(?:this|in\s+the)|this|last|next|the\s+coming|the\s+current|"
    r"the\s+previous|the\s+following|the\s+same|that|the)\s+(?:week|weekend|month|year|quarter|decade"
    r"|spring|summer|autumn|fall|winter|day)\b",
    _resolve_relative,
    prefix=MOD,
    check=_check_relative,
)
"""A unit with a determiner: "last week", "the end of the month", "earlier this year", "the same day"."""

AGO = Rule.of(
    "ago",
    rf"\b(?:{NUM}\s+{UNIT}|(?:minutes|hours|days|weeks|months|years|decades))"
    r"\s+(?:ago|earlier|later|before|after|from\s+now)\b",
    _resolve_ago,
    prefix=QUANT,
    check=_check_ago,
)
"""An amount of time back or on: "two weeks ago", "a day later", "five years from now"."""

SEASON = Rule.of(
    "season",
    r"\b(?:(?:this|last|next|the\s+coming|the)\s+)?(?:spring|summer|autumn|fall|winter)"
    rf"(?:\s+(?:of\s+)?{YEAR_DIGITS})?\b",
    _resolve_season,
    prefix=MOD,
    check=_check_season,
    nameable=True,
)
"""A season: "summer 2008", "this spring", "in the fall", "late autumn 2010"."""
