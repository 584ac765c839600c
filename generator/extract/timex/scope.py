"""What a rule reads while it resolves: the parse, the article's date and the last date mentioned."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.extract.timex.periods import Period, grain, show

if TYPE_CHECKING:
    from generator.extract.timex.context import Context
    from generator.extract.timex.rule import Candidate

_ORDER = ["day", "week", "month", "quarter", "year", "decade"]


@dataclass(frozen=True, slots=True)
class Scope:
    """One article at one point of the tagger's walk through its body."""

    ctx: Context
    """The parse look-ups of the body."""
    article: str
    """The article's id, for the spans of the records."""
    dct: dt.date | None
    """The article's date (document creation time), None when the article is undated."""
    ref: Period | None = None
    """The last date the text mentioned, which "a day later" counts from; the tagger moves it on."""

    def anchor(self, unit: str) -> tuple[dt.date | None, str]:
        """Return the date "a day later" counts from (the last date mentioned, else dct) and why."""
        if self.ref is not None and self.ref.begin is not None:
            if self.ref.precision in _ORDER and _ORDER.index(self.ref.precision) <= _ORDER.index(grain(unit)):
                return self.ref.begin, f"counted from the last date mentioned ({show(self.ref)})"
            return None, f"the last date mentioned ({show(self.ref)}) is too coarse to count {unit}s from"
        if self.dct is not None:
            return self.dct, f"no earlier date in the text, so counted from the article date ({self.dct})"
        return None, "no earlier date in the text and the article has no date; left unanchored"

    def place_year(self, index: int, dct_index: int, m: Candidate, name: str) -> tuple[int, str]:
        """Choose the year of a month, day or quarter given without one, from the tense around it.

        Past context and a month after dct's month means last year; future context and a month
        before dct's month means next year; anything else is dct's year.
        """
        assert self.dct is not None
        tense, cue = self.ctx.tense_at(m.s, m.e)
        if tense == "past" and index > dct_index:
            return (
                self.dct.year - 1,
                f"no year given; past context ('{cue}') and {name} comes later in the year than the "
                "article date, so the year before",
            )
        if tense == "future" and index < dct_index:
            return (
                self.dct.year + 1,
                f"no year given; future context ('{cue}') and {name} comes earlier in the year than the "
                "article date, so the year after",
            )
        return self.dct.year, "no year given, so the article's year" + (
            f", {tense} context ('{cue}')" if tense else ""
        )
