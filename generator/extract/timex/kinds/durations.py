"""Lengths of time: "three years", "the last four days", "the nine-year insurgency", "for years"."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from generator.extract.timex.lexicon import APPROX_WORDS, PERFECT
from generator.extract.timex.patterns import NUM, QUANT, UNIT
from generator.extract.timex.periods import duration_value, period, shift
from generator.extract.timex.resolution import Resolution, dated, span, unanchored
from generator.extract.timex.rule import Candidate, Rule
from generator.extract.timex.words import number, unit_of

if TYPE_CHECKING:
    from generator.extract.timex.context import Context
    from generator.extract.timex.scope import Scope

# fmt: off
PERSON_NOUNS = frozenset([
    "boy", "girl", "man", "woman", "son", "daughter", "child", "children", "kid", "kids", "baby", "infant",
    "student", "students", "teen", "teenager", "youth", "brother", "sister", "mother", "father", "wife",
    "husband", "male", "female", "person", "people", "player", "victim", "suspect", "patient", "driver",
    "worker", "soldier", "resident", "veteran",
])
"""Heads after "N-year-old" that make it an age, not a period."""

ONGOING_NOUNS = frozenset([
    "war", "insurgency", "conflict", "crisis", "uprising", "revolt", "rebellion", "siege", "occupation",
    "blockade", "rule", "reign", "regime", "dispute", "feud", "struggle", "fight", "battle", "campaign",
    "civil", "revolution", "history", "partnership", "relationship", "alliance", "standoff", "stalemate",
    "drought", "boom", "slump", "recession", "career", "presidency",
])
"""Heads after "the N-year" that denote a period still running at the article date."""

FIRST_WORDS = frozenset([
    "in", "for", "within", "over", "after", "just", "only", "last", "lasts", "lasted", "take", "takes",
    "took", "spend", "spent", "wait", "waited",
])
"""Words before a bare plural unit that make it a vague duration ("for years", "within days")."""
# fmt: on

BOUND_BEFORE = re.compile(
    r"\b(more\s+than|less\s+than|fewer\s+than|over|under|at\s+least|up\s+to)\s+\Z", re.I
)
"""A bound before a duration, kept out of the extent as MEANTIME does and told in the explanation."""

_AMOUNT = re.compile(rf"\b({NUM})(?:\s+|-)([a-z]+)")


def _resolve_span(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "the last four days" and "the next six months" as ranges ending or starting at dct."""
    words = m.words
    which, unit, amount_text = words[1], unit_of(words[-1]), " ".join(words[2:-1])
    if unit is None:
        return None
    if not amount_text and unit == "day" and which in ("next", "following", "previous"):
        base, how = scope.anchor("day")
        if base is None:
            return unanchored("DATE", "XXXX-XX-XX", how)
        step = -1 if which == "previous" else 1
        return dated(
            period("day", base + dt.timedelta(step)), f"one day {'back' if step < 0 else 'on'}, {how}"
        )
    amount = 1.0 if not amount_text else number(amount_text)  # "few" gives None
    value = duration_value(amount, unit)
    if which in ("first", "final", "previous", "following") or scope.dct is None or amount is None:
        return Resolution("DURATION", value, why="a length of time")
    if which in ("past", "last"):
        return span(value, shift(scope.dct, -amount, unit), scope.dct, "counted back from the article date")
    return span(value, scope.dct, shift(scope.dct, amount, unit), "counted forward from the article date")


def _check_span(m: Candidate, ctx: Context) -> bool:
    """Leave "the last quarter" and "the first half" to the quarter kind."""
    return not m.low.endswith(("quarter", "half"))


def _resolve_duration(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "three years", "almost two and a half years" and "the nine-year insurgency"."""
    low = " ".join(m.words)
    found = _AMOUNT.search(low)
    unit = unit_of(found.group(2)) if found else None
    if found is None or unit is None or unit == "weekend":
        return None
    amount = number(found.group(1))
    value = duration_value(amount, unit)
    mod = "APPROX" if low.split()[0] in APPROX_WORDS else ""
    bound = BOUND_BEFORE.search(scope.ctx.text, max(0, m.s - 15), m.s)
    _, before, after = scope.ctx.tokens(bound.start() if bound else m.s, m.e)
    if scope.dct is not None and amount is not None and before is not None:
        verb = before.head
        if (
            "-" in low
            and after is not None
            and after.lower_ in ONGOING_NOUNS
            and (before.lower_ == "the" or before.tag_ == "PRP$")
        ):
            why, mod = f"the {after.text} is taken to run up to the article date", "APPROX"
        elif (
            before.lower_ == "for"
            and verb.tag_ in ("VBN", "VBG")
            and any(c.dep_ == "aux" and c.lower_ in PERFECT for c in verb.children)
        ):
            why = f"present perfect ('{verb.text}'), so it runs up to the article date"
        else:
            why = ""
        if why:
            return span(value, shift(scope.dct, -amount, unit), scope.dct, why, mod)
    said = f" (the text says '{' '.join(bound.group(1).split())}')" if bound else ""
    return Resolution("DURATION", value, mod=mod, why="a length of time" + said)


def check_length(m: Candidate, ctx: Context) -> bool:
    """Reject ages ("45 years old", "a 12-year-old boy"), "a second" and fractions ("a quarter of")."""
    low, after = m.low, ctx.following(m.e)
    if re.search(r"years?\s+old$", low) or after.startswith(("-old", " old")):
        return False
    if re.fullmatch(r"(a|an)\s+(second|minute)", low) or (
        low.endswith(("quarter", "quarters")) and (after.startswith(" of") or low.startswith(("a ", "an ")))
    ):
        return False
    if low.endswith("-old"):
        nxt = ctx.tokens(m.s, m.e)[2]
        return nxt is not None and nxt.tag_.startswith("NN") and nxt.lower_ not in PERSON_NOUNS
    return True


def _resolve_vague(m: Candidate, scope: Scope) -> Resolution | None:
    """Resolve "years", "several months" and "decades-long"."""
    word = next(w for w in re.split(r"[\s-]+", m.text.lower()) if unit_of(w))
    return Resolution(
        "DURATION", duration_value(None, unit_of(word) or ""), why=f"an unspecified number of {word}"
    )


def _check_vague(m: Candidate, ctx: Context) -> bool:
    """Take a bare plural unit only after a quantifier or a word like "for", "within", "over the"."""
    low = m.low
    head = low.split()[0]
    if head in ("several", "many", "a", "recent") or low.endswith("-long"):
        return True
    if low.startswith(("the past", "the last", "the coming")):
        return True
    prev = ctx.prev_word(m.s)
    if head == "the":
        return prev in ("over", "through")
    after_hours = prev == "after" and low == "hours" and not ctx.following(m.e).startswith(" of")
    return prev in FIRST_WORDS and not after_hours  # "after hours trading" is no duration


SPAN = Rule.of(
    "span",
    rf"\bthe\s+(?:past|last|next|coming|previous|following|first|final)\s+(?:{NUM}\s+|few\s+)?{UNIT}\b",
    _resolve_span,
    check=_check_span,
)
"""A length counted from the article date: "the last four days", "the next six months"."""

DURATION = Rule.of(
    "duration",
    rf"\b{NUM}(?:\s+|-){UNIT}(?:(?:\s+|-)(?:old|long))?\b",
    _resolve_duration,
    prefix=QUANT,
    check=check_length,
)
"""An amount of a unit: "three years", "almost two and a half years", "the nine-year insurgency"."""

VAGUE = Rule.of(
    "vague",
    r"\b(?:(?:several|many|a\s+few|recent|the\s+past\s+few|the\s+last\s+few|the\s+coming|the)\s+)?"
    r"(?:seconds|minutes|hours|days|weeks|months|years|decades)(?:-long)?\b",
    _resolve_vague,
    check=_check_vague,
)
"""A bare plural unit: "years", "several months", "decades-long"."""
