"""Find and normalise temporal expressions (TIMEX3) in an article body.

The walk: every rule in `registry.RULES` proposes candidates and checks them; overlaps go
to the longest (then the earlier rule); each survivor is resolved in body order against
the article date (dct) and the last date mentioned, so "a day later" counts from it. Clock
times resolve last, on the day their sentence names; the "since" and range post-passes
in `ranges` close the walk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.extract.guard import UNDATED, fault
from generator.extract.timex.context import Context
from generator.extract.timex.periods import Period
from generator.extract.timex.ranges import ranges
from generator.extract.timex.registry import RULES
from generator.extract.timex.resolution import VOID, Deferred, to_timex
from generator.extract.timex.rule import Candidate, Rule
from generator.extract.timex.scope import Scope
from generator.model import Fault, Span, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Tagged:
    """The expressions found in a body, and the candidates whose rule failed on them."""

    timexes: tuple[Timex, ...]
    """Every expression found, in body order."""
    faults: tuple[Fault, ...] = ()
    """Candidates (or post-passes) that raised an unexpected error and were left undated."""


def tag_timexes(doc: Doc, article_id: str, dct: dt.date | None) -> tuple[Timex, ...]:
    """Find and normalise every temporal expression in an article body (faults are logged)."""
    tagged = tag(doc, article_id, dct)
    for f in tagged.faults:
        log.warning("%s: could not date %r (internal error %s)", article_id, f.span.text, f.error)
    return tagged.timexes


def tag(doc: Doc, article_id: str, dct: dt.date | None) -> Tagged:
    """Find and normalise every temporal expression; a rule that fails loses only its candidate."""
    scope = Scope(Context.of(doc), article_id, dct)
    faults: list[Fault] = []
    out: list[Timex] = []
    waiting: list[tuple[Candidate, Deferred]] = []
    last_end = -1
    for rule, m in candidates(scope.ctx, article_id, faults):
        if m.s < last_end:
            continue
        try:
            res = rule.resolve(m, scope)
            if res is None:
                continue
            if res is VOID:  # an impossible date: no expression, and nothing shorter inside it
                last_end = m.e
                continue
            timex = None if isinstance(res, Deferred) else to_timex(scope, m.s, m.e, res)
        except (ValueError, OverflowError):  # off the calendar, e.g. "5000 years ago"
            log.debug("%s: cannot place %r on the calendar", article_id, m.text)
            continue
        except Exception as exc:  # one phrase must not cost the article: see guard.py
            faults.append(fault(Span(article_id, m.s, m.e, m.text), "date", UNDATED, exc))
            last_end = m.e  # nothing shorter inside it either: it would be a guess at what failed
            continue
        last_end = m.e
        if isinstance(res, Deferred):
            waiting.append((m, res))
            continue
        assert timex is not None
        out.append(timex)
        if res.begin is not None and res.end is not None and res.type != "DURATION":
            scope = dataclasses.replace(scope, ref=Period(res.value, res.begin, res.end, res.precision))
    for m, later in waiting:
        try:
            out.append(to_timex(scope, m.s, m.e, later.finish(out)))
        except Exception as exc:
            faults.append(fault(Span(article_id, m.s, m.e, m.text), "date", UNDATED, exc))
    out.sort(key=lambda t: t.span.start)
    try:
        joined = ranges(scope, out)
    except Exception as exc:
        body = scope.ctx.text
        faults.append(fault(Span(article_id, 0, len(body), body), "join the date ranges in", UNDATED, exc))
        joined = []
    result = sorted(out + joined, key=lambda t: (t.span.start, -t.span.end))
    log.debug("%s: %d temporal expressions", article_id, len(result))
    return Tagged(tuple(result), tuple(faults))


def candidates(
    ctx: Context, article_id: str = "", faults: list[Fault] | None = None
) -> list[tuple[Rule, Candidate]]:
    """Match every rule, keep the candidates its check accepts, and order them by start, longest first.

    A check that raises drops its candidate; with a `faults` list the failure is recorded there.
    """
    found = []
    for rank, rule in enumerate(RULES):
        for cand in rule.matches(ctx.text):
            try:
                valid = rule.valid(cand, ctx)
            except Exception as exc:
                if faults is None:
                    raise
                faults.append(fault(Span(article_id, cand.s, cand.e, cand.text), "date", UNDATED, exc))
                continue
            if valid:
                found.append((cand.s, cand.s - cand.e, rank, rule, cand))
    found.sort(key=lambda f: f[:3])
    return [(rule, cand) for *_, rule, cand in found]
