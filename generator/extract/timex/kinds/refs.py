"""Vague references to the article's time: "now", "currently", "recently", "the future", "soon"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract.timex.resolution import Resolution
from generator.extract.timex.rule import Candidate, Rule

if TYPE_CHECKING:
    from generator.extract.timex.context import Context
    from generator.extract.timex.scope import Scope

# fmt: off
REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "present": "PRESENT_REF",
    "recently": "PAST_REF", "more recently": "PAST_REF", "lately": "PAST_REF", "recent": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF",
}
"""Vague references to the article's time."""
# fmt: on

_REF_WHY = {
    "PRESENT_REF": "the time of writing",
    "PAST_REF": "some time before the article",
    "FUTURE_REF": "some time after the article",
}


def _resolve_ref(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "now", "currently", "recently", "the past" and "the future"."""
    value = REFS[" ".join(m.words).removeprefix("at ").removeprefix("in ")]
    return Resolution("DATE", value, why=_REF_WHY[value])


def _check_ref(m: Candidate, ctx: Context) -> bool:
    """Reject "as soon as", "soon after" and "now-defunct"; take "recent" only before a noun."""
    low, after = m.low, ctx.following(m.e)
    if after.startswith("-"):
        return False
    if low == "recent":
        nxt = ctx.tokens(m.s, m.e)[2]
        return ctx.prev_word(m.s) not in ("most", "more") and nxt is not None and nxt.pos_ in ("NOUN", "ADJ")
    return low != "soon" or (
        ctx.prev_word(m.s) not in ("as", "how", "too") and not re.match(r"\s+(after|as)\b", after)
    )


REF = Rule.of(
    "ref",
    r"\b(?:now|currently|presently|nowadays|these\s+days|at\s+present|(?:more\s+)?recently|recent|lately"
    r"|the\s+past|the\s+future|in\s+future|soon)\b",
    _resolve_ref,
    check=_check_ref,
)
"""A vague reference: "now", "at present", "recently", "the past", "in future", "soon"."""
