"""Clock times: "10 a.m.", "18:00 UTC", "at 10:30", "noon", placed on the day their sentence names."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from generator.dates import day_text
from generator.extract.timex.patterns import ZONE
from generator.extract.timex.resolution import Deferred, Resolution, no_dct
from generator.extract.timex.rule import Candidate, Rule
from generator.extract.timex.words import parse_clock

if TYPE_CHECKING:
    from generator.extract.timex.context import Context
    from generator.extract.timex.scope import Scope
    from generator.model import Timex

CLOCK_BEFORE = frozenset(["at", "by", "until", "till", "from", "before", "after", "around", "about", "to"])
"""Words before a bare "10:30" that make it a clock time."""


def _resolve_time(m: Candidate, scope: Scope) -> Deferred | None:
    """Read the clock now and wait for the body's dates, which name the day; None when it is no clock."""
    clock = parse_clock(m.text)
    if clock is None:
        return None
    return Deferred(functools.partial(_on_day, m, scope, clock))


def _on_day(m: Candidate, scope: Scope, clock: tuple[int, int, str], found: Sequence[Timex]) -> Resolution:
    """Resolve a clock time on the nearest day named in its sentence, else the article date."""
    hour, minute, zone = clock
    sent = scope.ctx.tokens(m.s, m.e)[0].sent
    days = [
        t
        for t in found
        if t.type == "DATE" and t.precision == "day" and sent.start_char <= t.span.start < sent.end_char
    ]
    near = min(days, key=lambda t: abs(t.span.start - m.s), default=None)
    clock_text = f"T{hour:02d}:{minute:02d}{zone}"
    if near is not None and near.begin is not None:
        d, why = near.begin, f"on the day named in the sentence ('{near.span.text}')"
    elif scope.dct is not None:
        d, why = scope.dct, "on the article date"
    else:
        return no_dct("TIME", f"XXXX-XX-XX{clock_text}", "a clock time")
    return Resolution(
        "TIME", d.isoformat() + clock_text, d, d, "day", why=why, shown=f"{day_text(d)}, {clock_text[1:]}"
    )


def _check_time(m: Candidate, ctx: Context) -> bool:
    """Take a bare "10:30" only after a word like "at" or "until"."""
    return not re.fullmatch(r"\d{1,2}:\d\d", m.low) or ctx.prev_word(m.s) in CLOCK_BEFORE


TIME = Rule.of(
    "time",
    rf"\b(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:[ap]\.\s?m\.?|[ap]m\b){ZONE}?"
    rf"|\b(?:[01]?\d|2[0-3]):[0-5]\d{ZONE}?|\b(?:noon|midnight)\b",
    _resolve_time,
    check=_check_time,
)
"""A clock time: "10 a.m.", "3pm", "18:00 UTC", "at 10:30", "noon"; it resolves after every date is known."""
