"""The post-passes over the found expressions: "since X" up to the article date, and "between X and Y".

`timex3_layer` takes the "since" ranges back out, as TIMEX3 leaves "since" to a signal.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from generator.extract.timex.periods import range_value
from generator.extract.timex.resolution import span, to_timex

if TYPE_CHECKING:
    from generator.extract.timex.scope import Scope
    from generator.model import Timex

RANGE_GAP = re.compile(r"\s*(?:and|to|until|till|through|-|\u2013)\s*$", re.I)
"""The joint between the two ends of a range ("2012 and 2016")."""

RANGE_OPEN = re.compile(r"\b(?:between|from)\s+\Z", re.I)
"""The word that opens a range."""

SINCE = re.compile(r"\b(?:ever\s+)?since\s+\Z", re.I)
"""The word before a date that makes it the start of a period running up to the article date."""

_SINCE_START = re.compile(r"(?:ever\s+)?since\s", re.I)


def timex3_layer(timexes: tuple[Timex, ...] | list[Timex]) -> list[Timex]:
    """The expressions as TIMEX3 annotates them: without our "since X" ranges, which keep only X.

    The tagger reports "since December 1st" as a range up to the article date so that the
    timeline can draw it; TIMEX3, and the gold corpora scored against, mark the date and leave
    "since" as a signal. A range's ends ("2012" in "between 2012 and 2016") stay, as MEANTIME marks them.
    """
    return [t for t in timexes if not _SINCE_START.match(t.span.text)]


def since_ranges(scope: Scope, found: Sequence[Timex]) -> list[Timex]:
    """Add "since December 1st" as a range from that date up to the article date."""
    out = []
    text, dct = scope.ctx.text, scope.dct
    for t in found:
        opener = SINCE.search(text, max(0, t.span.start - 12), t.span.start)
        if opener is None or t.type != "DATE" or t.begin is None or dct is None or t.begin > dct:
            continue
        if scope.ctx.past_perfect(t.span.start, t.span.end):  # "had been closed since 2003" ends in the past
            continue
        days = (dct - t.begin).days
        why = f"'since' counts from the first day of '{t.span.text}' up to the article date ({dct})"
        out.append(to_timex(scope, opener.start(), t.span.end, span(f"P{days}D", t.begin, dct, why)))
    return out


def ranges(scope: Scope, found: Sequence[Timex]) -> list[Timex]:
    """Add "between 2012 and 2016" or "from March to May" as one range over both dates, and "since X"."""
    out = since_ranges(scope, found)
    text = scope.ctx.text
    for a, b in itertools.pairwise(found):
        if a.type != "DATE" or b.type != "DATE" or a.precision != b.precision or not a.precision:
            continue
        assert a.begin is not None and b.begin is not None and b.end is not None
        opener = RANGE_OPEN.search(text, max(0, a.span.start - 10), a.span.start)
        gap = text[a.span.end : b.span.start]
        dash = gap.strip() in ("-", "\u2013")
        if not RANGE_GAP.fullmatch(gap) or not (opener or dash) or b.end < a.begin:
            continue
        why = (
            f"from the start of {a.span.text} to the end of {b.span.text}, "
            "the value being the gap between them"
        )
        value = range_value(a.begin, b.begin, a.precision)
        start = opener.start() if opener else a.span.start
        out.append(to_timex(scope, start, b.span.end, span(value, a.begin, b.end, why)))
    return out
