"""Calendar dates and months: "March 6, 2008", "2008-03-06", "7/8/07", "Christmas", "March 2008", "in May"."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING

from generator.extract.timex.lexicon import MONTHS
from generator.extract.timex.patterns import DAY, DIGITS, MOD, MONTH_NAME, WEEKDAY_NAME, WORD, YEAR_DIGITS
from generator.extract.timex.periods import period
from generator.extract.timex.resolution import VOID, Resolution, dated, no_dct
from generator.extract.timex.rule import Candidate, Rule
from generator.extract.timex.words import full_year, mod_of

if TYPE_CHECKING:
    from generator.extract.timex.context import Context
    from generator.extract.timex.scope import Scope

# fmt: off
HOLIDAYS = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25), "new year's day": (1, 1),
    "new year's": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14),
    "independence day": (7, 4),
}
"""Fixed-date holidays to (month, day), by their words in lower case with a straight apostrophe."""

BEFORE_MAY = frozenset([
    "in", "of", "since", "until", "till", "by", "from", "to", "through", "during", "before", "after",
    "early", "late", "mid", "last", "next", "this", "as",
])
"""Words before "May" that make it the month rather than the verb."""
# fmt: on


def calendar_date(m: Candidate, scope: Scope, month: int, day: int, year: int | None) -> Resolution | None:
    """Resolve a month and day, with or without a year."""
    why = "a full date"
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]):
        return VOID  # "31 February", "the 45th of March": no day in any year
    if year is None:
        if scope.dct is None:
            return no_dct("DATE", f"XXXX-{month:02d}-{day:02d}", "no year given")
        year, why = scope.place_year(month, scope.dct.month, m, calendar.month_name[month])
    try:
        return dated(period("day", dt.date(year, month, day)), why)
    except ValueError:  # "29 February 2019"
        return VOID


def _month_number(m: Candidate) -> int:
    """Return the number of the first month named in a candidate."""
    return next(MONTHS[w.lower()] for w in WORD.findall(m.text) if w.lower() in MONTHS)


def _resolve_named(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "March 6, 2008", "6 March 2008" and "December 1st"."""
    year = m.m.group("y")
    return calendar_date(
        m, scope, _month_number(m), int(DIGITS.findall(m.text)[0]), int(year) if year else None
    )


def _resolve_iso(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "2008-03-06"."""
    year, month, day = (int(n) for n in m.text.split("-"))
    return calendar_date(m, scope, month, day, year)


def _resolve_numeric(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "7/8/07" as month/day/year, or day/month/year when the first number exceeds 12."""
    a, b, year = m.text.split("/")
    month, day = (int(a), int(b)) if int(a) <= 12 else (int(b), int(a))
    return calendar_date(m, scope, month, day, full_year(year))


def _resolve_holiday(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "Christmas" as a date without a year; "next Christmas" is the first after the article date."""
    words = " ".join(m.words).replace("’", "'").split()
    det = words[0] if words[0] in ("next", "last", "this") else ""
    key = " ".join(words[1:] if det else words)
    if key not in HOLIDAYS:
        return None
    month, day = HOLIDAYS[key]
    if not det:
        return calendar_date(m, scope, month, day, None)
    if scope.dct is None:
        return no_dct("DATE", f"XXXX-{month:02d}-{day:02d}", f"'{det}' and no year given")
    year = scope.dct.year
    if det == "next" and (month, day) <= (scope.dct.month, scope.dct.day):
        year += 1
    elif det == "last" and (month, day) >= (scope.dct.month, scope.dct.day):
        year -= 1
    where = {"next": "the first after", "last": "the last before", "this": "the one in the year of"}[det]
    return dated(period("day", dt.date(year, month, day)), f"{where} the article date ({scope.dct})")


def _resolve_month_year(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "March 2008" and "early March 2008"."""
    year = int(DIGITS.findall(m.text)[-1])
    return dated(period("month", dt.date(year, _month_number(m), 1)), "month and year given", mod_of(m.text))


def _resolve_month(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "in March", "last March" and "mid-March" from the determiner or the tense."""
    word = WORD.findall(m.text)[-1]
    month, det = MONTHS[word.lower()], m.words[0]
    if scope.dct is None:
        return no_dct("DATE", f"XXXX-{month:02d}", "no year given")
    if det in ("last", "next", "this"):
        step = {"last": -(month >= scope.dct.month), "next": int(month <= scope.dct.month), "this": 0}[det]
        where = {"last": "before", "next": "after", "this": "in the year of"}[det]
        return dated(
            period("month", dt.date(scope.dct.year + step, month, 1)),
            f"the {word} {where} the article date",
        )
    year, why = scope.place_year(month, scope.dct.month, m, word)
    mod = mod_of(m.text) if len(m.text) > len(word) else ""
    return dated(period("month", dt.date(year, month, 1)), why, mod)


def _check_month(m: Candidate, ctx: Context) -> bool:
    """Take "May" as the month only after a dating word; abbreviations need a day or year."""
    low = m.low
    word = WORD.findall(low)[-1]
    if word == "may":
        return mod_of(low) != "" or ctx.prev_word(m.s) in BEFORE_MAY
    return len(word) > 3


DATE_MDY = Rule.of(
    "date_mdy",
    rf"\b(?:{WEEKDAY_NAME},?\s+)?{MONTH_NAME}\s+{DAY}(?:,?\s+(?P<y>{YEAR_DIGITS}))?",
    _resolve_named,
)
"""Month then day: "March 6, 2008", "Monday, March 6", "December 1st"."""

DATE_DMY = Rule.of(
    "date_dmy",
    rf"\b(?:{WEEKDAY_NAME},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH_NAME}(?:,?\s+(?P<y>{YEAR_DIGITS}))?",
    _resolve_named,
)
"""Day then month: "6 March 2008", "the 6th of March"."""

DATE_ISO = Rule.of("date_iso", r"(?<![\d-])\b(?:1[6-9]|20)\d\d-[01]\d-[0-3]\d(?![\d-])", _resolve_iso)
"""An ISO date: "2008-03-06"."""

DATE_NUM = Rule.of("date_num", r"(?<![\d/.])\b[0-3]?\d/[0-3]?\d/(?:\d\d){1,2}(?![\d/])", _resolve_numeric)
"""A numeric date with slashes: "7/8/07", "13/8/2007"."""

MONTH_YEAR = Rule.of(
    "month_year", rf"\b{MONTH_NAME},?\s+(?:of\s+)?{YEAR_DIGITS}", _resolve_month_year, prefix=MOD
)
"""A month of a year: "March 2008", "the end of March 2009"."""

MONTH = Rule.of(
    "month",
    rf"\b{MONTH_NAME}",
    _resolve_month,
    prefix=rf"(?:{MOD}|(?:last|next|this)\s+)",
    check=_check_month,
    nameable=True,
)
"""A month without a year: "in March", "last March", "mid-March"."""

HOLIDAY = Rule.of(
    "holiday",
    r"\b(?-i:Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?|Halloween|Valentine['’]s\s+Day"
    r"|Independence\s+Day)",
    _resolve_holiday,
    prefix=r"(?:next|last|this)\s+",
    nameable=True,
)
"""A fixed-date holiday: "Christmas", "New Year's Eve", "Independence Day"."""
