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
from typing import TYPE_CHECKING

from generator.extract.timex.context import Context
from generator.extract.timex.periods import Period
from generator.extract.timex.ranges import ranges
from generator.extract.timex.registry import RULES
from generator.extract.timex.resolution import Deferred, to_timex
from generator.extract.timex.rule import Candidate, Rule
from generator.extract.timex.scope import Scope

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from generator.model import Timex

log = logging.getLogger(__name__)


def tag_timexes(doc: Doc, article_id: str, dct: dt.date | None) -> tuple[Timex, ...]:
    """Find and normalise every temporal expression in an article body."""
    scope = Scope(Context.of(doc), article_id, dct)
    out: list[Timex] = []
    waiting: list[tuple[Candidate, Deferred]] = []
    last_end = -1
    for rule, m in candidates(scope.ctx):
        if m.s < last_end:
            continue
        try:
            res = rule.resolve(m, scope)
        except (ValueError, OverflowError):  # off the calendar, e.g. "5000 years ago"
            log.debug("%s: cannot place %r on the calendar", article_id, m.text)
            continue
        if res is None:
            continue
        last_end = m.e
        if isinstance(res, Deferred):
            waiting.append((m, res))
            continue
        out.append(to_timex(scope, m.s, m.e, res))
        if res.begin is not None and res.end is not None and res.type != "DURATION":
            scope = dataclasses.replace(scope, ref=Period(res.value, res.begin, res.end, res.precision))
    out += [to_timex(scope, m.s, m.e, later.finish(out)) for m, later in waiting]
    out.sort(key=lambda t: t.span.start)
    result = sorted(out + ranges(scope, out), key=lambda t: (t.span.start, -t.span.end))
    log.debug("%s: %d temporal expressions", article_id, len(result))
    return tuple(result)


def candidates(ctx: Context) -> list[tuple[Rule, Candidate]]:
    """Match every rule, keep the candidates its check accepts, and order them by start, longest first."""
    found = []
    for rank, rule in enumerate(RULES):
        for cand in rule.matches(ctx.text):
            if rule.valid(cand, ctx):
                found.append((cand.s, cand.s - cand.e, rank, rule, cand))
    found.sort(key=lambda f: f[:3])
    return [(rule, cand) for *_, rule, cand in found]
