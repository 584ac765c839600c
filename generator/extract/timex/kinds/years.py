"""Years and their parts: "2018", "fiscal 2008", "FY08", "the 1990s", "Q3 2008", "last fiscal year"."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from generator.extract.timex.lexicon import MONTHS, ORDINALS, SEASONS, WEEKDAYS
from generator.extract.timex.patterns import DIGITS, FISCAL, LEFT, MOD, YEAR_DIGITS
from generator.extract.timex.periods import Period, half, period, shift
from generator.extract.timex.resolution import Resolution, dated, no_dct
from generator.extract.timex.rule import Candidate, Rule
from generator.extract.timex.words import full_year, mod_of

if TYPE_CHECKING:
    from generator.extract.timex.context import Context
    from generator.extract.timex.scope import Scope

CALENDAR_WORDS = frozenset(
    [*MONTHS, *WEEKDAYS, *SEASONS, "christmas", "easter", "new", "year", "fiscal", "fy"]
)
"""Capitalised words that may stand right before a year without making it a product name."""

NOT_YEAR = frozenset({"MONEY", "PERCENT", "QUANTITY"})
"""Entity labels of numbers that are never years."""

# fmt: off
NOT_YEAR_BEFORE = frozenset(
    ["no", "no.", "number", "flight", "route", "page", "room", "model", "version", "#", "nos"]
)
"""Words before a four-digit number that make it a label, not a year ("Route 2008")."""

YEAR_BEFORE = frozenset([
    "in", "since", "of", "by", "from", "until", "till", "to", "between", "and", "before", "after", "during",
    "around", "c.", "circa",
])
"""Words that make an early four-digit number ("in 1776") a year even when the tagger does not say so."""
# fmt: on

NOT_YEAR_AFTER = frozenset(["percent", "per", "km", "miles", "people", "units"])
"""Words after a four-digit number that make it a quantity."""

_FISCAL_WHY = "a fiscal year, shown as the calendar year since fiscal calendars vary"


def _resolve_year(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "2018", "fiscal 2008" and "mid-2011"."""
    low = m.low
    p = period("year", dt.date(int(DIGITS.findall(low)[-1]), 1, 1))
    if "fiscal" in low or "financial" in low or low.startswith("fy"):
        return dated(Period(f"FY{p.value}", p.begin, p.end, "year"), _FISCAL_WHY)
    return dated(p, "a year", mod_of(low) if not low[0].isdigit() else "")


def _check_year(m: Candidate, ctx: Context) -> bool:
    """Reject a four-digit number that counts something or names a product or a route."""
    low, after = m.low, ctx.following(m.e)
    digits = DIGITS.findall(low)[-1]
    start = m.e - len(digits)
    if ctx.in_ents(start, m.e, NOT_YEAR):
        return False
    _, before, nxt = ctx.tokens(start, m.e)
    if before is not None and before.lower_ in NOT_YEAR_BEFORE:
        return False
    product = before is not None and before.tag_ == "NNP" and before.lower_ not in CALENDAR_WORDS
    if start == m.s and product and not re.match(r"\s*[-\u2013]\s*\d", after):  # "Windows 2000"
        return False
    if ctx.in_ents(start, m.e, frozenset({"DATE"})):
        return True
    if int(digits) < 1900 and (before is None or before.lower_ not in YEAR_BEFORE):
        return False
    return nxt is None or not ((nxt.tag_ == "NNS" and nxt.text.islower()) or nxt.lower_ in NOT_YEAR_AFTER)


def _resolve_fy_short(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "FY08"."""
    year = full_year(DIGITS.findall(m.text)[-1])
    return dated(Period(f"FY{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31), "year"), _FISCAL_WHY)


def _resolve_decade(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "the 1990s" and "the early '90s"; "the 1800s" is a century."""
    low = m.low
    digits = DIGITS.findall(low)[-1]
    year = int(digits) if len(digits) == 4 else (1900 if int(digits) > 20 else 2000) + int(digits)
    mod = mod_of(low.removeprefix("the "))
    if len(digits) == 4 and year % 100 == 0 and year < 2000:
        p = Period(str(year // 100), dt.date(year, 1, 1), dt.date(year + 99, 12, 31), "decade")
        return dated(p, "a century (precision 'decade' is the coarsest there is)", mod)
    return dated(period("decade", dt.date(year, 1, 1)), "a decade", mod)


def _resolve_quarter(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "the third quarter", "Q3 2008", "the first half of 2009" and "last quarter"."""
    low, words = " ".join(m.words), m.words
    name = "half" if "half" in words else "quarter"
    size = 6 if name == "half" else 3
    q = int(low[1]) if low.startswith("q") else next((ORDINALS[w] for w in words if w in ORDINALS), 0)
    q = 4 if "final" in words else q
    if name == "half" and q > 2:
        return None  # "the third half of 1600" names no half of a year
    mod = mod_of(low) if "of" in words[: words.index(name) if name in words else 0] else ""
    fiscal = "FY" if re.search(r"(fiscal|financial) year|fiscal \d", low) else ""
    years = [int(n) for n in DIGITS.findall(low) if len(n) == 4]
    if not years and scope.dct is None:
        return no_dct("DATE", f"XXXX-{name[0].upper()}{q or 'X'}", "no year given")
    if not years and q == 0:  # "this quarter", "last quarter", "the current financial quarter"
        assert scope.dct is not None
        step = -1 if "last" in words else 1 if "next" in words else 0
        day = shift(scope.dct, step * size, "month")
        p = half(1 + (day.month > 6), day.year) if name == "half" else period("quarter", day)
        where = {-1: "before", 0: "of", 1: "after"}[step]
        return dated(
            Period(fiscal + p.value, p.begin, p.end, p.precision),
            f"the {name} {where} the article date",
            mod,
        )
    if years and q == 0:
        # "the last quarter of 2009" is its fourth; "this half of 2009" names no half of its own.
        if "last" not in words[: words.index(name)]:
            return None
        q = 4 if name == "quarter" else 2
    if years:
        year, why = years[-1], f"{name} and year given"
    elif re.search(r"\byear\b", low):
        assert scope.dct is not None
        year, why = (
            scope.dct.year + (-1 if "last year" in low else 1 if "next year" in low else 0),
            "the year named",
        )
    else:
        assert scope.dct is not None
        year, why = scope.place_year(q, (scope.dct.month - 1) // size + 1, m, f"{name[0].upper()}{q}")
    p = half(q, year) if name == "half" else period("quarter", dt.date(year, 3 * q - 2, 1))
    why += "; a fiscal period shown on the calendar, as fiscal calendars vary" if fiscal else ""
    return dated(Period(fiscal + p.value, p.begin, p.end, p.precision), why, mod)


def _check_quarter(m: Candidate, ctx: Context) -> bool:
    """Take a quarter or half only with an ordinal or determiner, and not "the first half of the match"."""
    low, after = m.low, ctx.following(m.e)
    words = low.split()
    if re.match(r"\s+of\b", after) or (len(words) == 1 and not low.startswith("q")):
        return False
    return not (len(words) == 2 and words[0] == "the")


def _resolve_fiscal_year(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "the fiscal year" and "last fiscal year" (shown as the calendar year)."""
    words = m.words
    if scope.dct is None:
        return no_dct("DATE", "FYXXXX", "a fiscal year")
    year = scope.dct.year + (-1 if "last" in words else 1 if "next" in words else 0)
    p = Period(f"FY{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    return dated(p, "the fiscal year of the article date, shown as the calendar year", mod_of(m.text))


YEAR = Rule.of(
    "year",
    rf"\b{LEFT}{YEAR_DIGITS}",
    _resolve_year,
    prefix=rf"(?:{MOD}?{FISCAL}|{MOD})",
    check=_check_year,
    nameable=True,
)
"""A year: "2018", "fiscal 2008", "mid-2011"."""

FY_SHORT = Rule.of("fy_short", r"\bFY\s?'?\d\d\b", _resolve_fy_short)
"""A short fiscal year: "FY08", "FY '09"."""

DECADE = Rule.of("decade", r"(?:\b(?:1[6-9]|20)\d0'?s|'\d0s)\b", _resolve_decade, prefix=rf"(?:{MOD}|the\s+)")
"""A decade or century: "the 1990s", "the early '90s", "the 1800s"."""

QUARTER = Rule.of(
    "quarter",
    r"\b(?:(?:the|this|last|next|current|the\s+current)\s+)?(?:(?:fiscal|financial)\s+)?"
    r"(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+)?(?:fiscal\s+|calendar\s+|financial\s+)?"
    r"(?:quarter|half)(?:\s+of\s+(?:fiscal\s+)?"
    rf"(?:{YEAR_DIGITS}|(?:the|this|last|next)\s+(?:fiscal\s+|financial\s+)?year)"
    rf"|,?\s+{YEAR_DIGITS})?\b|\bQ[1-4](?:\s+{YEAR_DIGITS})?\b",
    _resolve_quarter,
    prefix=MOD,
    check=_check_quarter,
)
"""A quarter or half: "the third quarter", "Q3 2008", "the first half of 2009", "last quarter"."""

FISCAL_YEAR = Rule.of(
    "fiscal_year",
    r"\b(?:the|this|last|next)\s+(?:fiscal|financial)\s+year\b",
    _resolve_fiscal_year,
    prefix=MOD,
)
"""A fiscal year named by its determiner: "the fiscal year", "last fiscal year"."""
