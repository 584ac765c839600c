"""Days named relative to the article date: "Monday", "last Friday", "Friday morning", "yesterday"."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from generator.extract.timex.lexicon import PARTS_OF_DAY, WEEKDAYS
from generator.extract.timex.patterns import WEEKDAY_NAME
from generator.extract.timex.periods import period
from generator.extract.timex.resolution import Resolution, dated, no_dct, part_of_day
from generator.extract.timex.rule import Candidate, Rule

if TYPE_CHECKING:
    from generator.extract.timex.context import Context
    from generator.extract.timex.scope import Scope

NAMED_DAYS = frozenset(["black", "cyber", "super", "bloody", "good", "holy", "ash", "palm"])
"""Words before a weekday that make a named day rather than a date."""


def _resolve_weekday(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "Monday", "last Friday" and "Friday morning" from the determiner or the tense."""
    words = m.words
    if words[-2:] in (["before", "last"], ["after", "next"]):
        return _resolve_week_beyond(m, scope)
    wd = next(WEEKDAYS[w] for w in words if w in WEEKDAYS)
    part = PARTS_OF_DAY.get(words[-1], "")
    name = m.text.split()[-2 if part else -1]
    if scope.dct is None:
        return no_dct(
            "TIME" if part else "DATE", f"XXXX-WXX-{wd + 1}" + (f"T{part}" if part else ""), f"a {name}"
        )
    d, why = _place_weekday(m, scope, wd, words[0], name)
    return part_of_day(d, part, words[-1], why) if part else dated(period("day", d), why)


def _place_weekday(m: Candidate, scope: Scope, wd: int, det: str, name: str) -> tuple[dt.date, str]:
    """Place a weekday: past or undecided context gives the latest one on or before dct, future the next."""
    assert scope.dct is not None
    dct_day = scope.dct
    back, ahead = (dct_day.weekday() - wd) % 7, (wd - dct_day.weekday()) % 7
    dct = dct_day.isoformat()
    if det in ("last", "past"):
        return dct_day - dt.timedelta(back or 7), f"the {name} before the article date ({dct})"
    if det in ("next", "coming"):
        return dct_day + dt.timedelta(ahead or 7), f"the {name} after the article date ({dct})"
    if det == "this":
        return dct_day + dt.timedelta(
            wd - dct_day.weekday()
        ), f"the {name} in the week of the article date ({dct})"
    tense, cue = scope.ctx.tense_at(m.s, m.e)
    if tense == "future" and ahead:
        return dct_day + dt.timedelta(
            ahead
        ), f"the next {name} after the article date, future context ('{cue}')"
    if tense == "present" and 0 < ahead < back:
        return dct_day + dt.timedelta(
            ahead
        ), f"the nearest {name} to the article date, present tense ('{cue}')"
    if back == 0:
        return dct_day, f"the article's date ({dct}) falls on a {name}" + (
            f", {tense} tense ('{cue}')" if tense else ""
        )
    ctx = f"{tense} context ('{cue}')" if tense else "taken as past by default"
    return dct_day - dt.timedelta(back), f"the most recent {name} before the article date ({dct}), {ctx}"


def _resolve_week_beyond(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "the Monday before last" (a week before last Monday) and "the Friday after next"."""
    words = m.words
    wd = next(WEEKDAYS[w] for w in words if w in WEEKDAYS)
    name = next(w for w in m.text.split() if w.lower() in WEEKDAYS)
    if scope.dct is None:
        return no_dct("DATE", f"XXXX-WXX-{wd + 1}", f"a {name}")
    dct = scope.dct
    if words[-1] == "last":
        day = dct - dt.timedelta(((dct.weekday() - wd) % 7 or 7) + 7)
        why = f"the {name} a week before the last {name} before the article date ({dct})"
    else:
        day = dct + dt.timedelta(((wd - dct.weekday()) % 7 or 7) + 7)
        why = f"the {name} a week after the next {name} after the article date ({dct})"
    return dated(period("day", day), why)


def _check_weekday(m: Candidate, ctx: Context) -> bool:
    """Reject named days such as "Black Friday" and "Super Tuesday"."""
    return ctx.prev_word(m.s) not in NAMED_DAYS


def _resolve_deictic(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "today", "yesterday morning", "tonight" and "last night"."""
    low = " ".join(m.words)
    if "before yesterday" in low or "after tomorrow" in low:
        offset = -2 if "before" in low else 2
    else:
        offset = -1 if low.startswith(("yesterday", "last")) else 1 if low.startswith("tomorrow") else 0
    part = PARTS_OF_DAY.get(low.split()[-1], "")
    if scope.dct is None:
        return no_dct(
            "TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""), "the article date"
        )
    d = scope.dct + dt.timedelta(offset)
    why = {
        0: "the article date",
        -1: "the day before the article date",
        1: "the day after the article date",
    }.get(offset, f"{abs(offset)} days {'before' if offset < 0 else 'after'} the article date")
    return part_of_day(d, part, low.split()[-1], why) if part else dated(period("day", d), why)


WEEKDAY = Rule.of(
    "weekday",
    rf"\b(?:(?:last|next|this|coming|past)\s+)?{WEEKDAY_NAME}(?:\s+(?:morning|afternoon|evening|night)"
    r"|\s+before\s+last|\s+after\s+next)?(?![a-z])",
    _resolve_weekday,
    check=_check_weekday,
    nameable=True,
)
"""A weekday, with its determiner and part of day: "Monday", "last Friday", "Friday morning".

"Mondays" is not a day ("on Mondays" repeats; "two Mondays ago" is left undated), and
"the Monday before last" is a week before last Monday.
"""

DEICTIC = Rule.of(
    "deictic",
    r"\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|(?:this|yesterday|tomorrow)\s+"
    r"(?:morning|afternoon|evening|night)|last\s+night|today|tonight|yesterday|tomorrow)\b",
    _resolve_deictic,
)
"""A day named from the article date: "today", "yesterday morning", "tonight", "the day after tomorrow"."""
