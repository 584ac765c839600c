"""Find names the tagger missed where the corpus already knows them (stage 3b: extract).

The small English model tags "Aleppo" in one sentence and misses it in the
next. Once every article is analysed, a name that the corpus tagged reliably
(a gazetteer place, a name of two or more words, or one tagged at least
twice) is matched as a whole, case-sensitive word elsewhere, where nothing
else was found. All names are looked for in one pass over each article
(`matcher.Matcher`), never one search per name.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from generator.extract.locations import widen
from generator.model import Analysis, Mention, Span
from generator.resolve.matcher import Matcher
from generator.spans import heading_spans, in_heading, sentence_of

_MIN_LENGTH = 4


def propagate(analyses: Sequence[Analysis]) -> list[Analysis]:
    """Return the analyses with extra mentions for known names found elsewhere."""
    known = _reliable_names(analyses)
    if not known:
        return list(analyses)
    names = Matcher(known)
    result = []
    for analysis in analyses:
        body = analysis.article.body
        taken = sorted(
            [(m.span.start, m.span.end) for m in analysis.mentions]
            + [(t.span.start, t.span.end) for t in analysis.timexes]
        )
        starts = [s for s, _e in taken]
        reach = list(itertools.accumulate((e for _s, e in taken), max))
        headings = heading_spans(analysis.article)
        added = []
        for start, end, name in names.finditer(body):
            if _overlaps(starts, reach, start, end) or in_heading(headings, start):
                continue
            template = known[name]
            sentence = sentence_of(analysis, start)
            found = replace(
                template,
                span=Span(analysis.article.id, start, end, body[start:end]),
                label=f"propagated:{template.label}",
                sentence=(sentence.start, sentence.end),
                role="",
            )
            wide = widen(found, body)
            if wide is not found and not _overlaps(starts, reach, end, wide.span.end):
                found = wide
            added.append(found)
        if added:
            mentions = tuple(sorted((*analysis.mentions, *added), key=lambda m: (m.span.start, m.span.end)))
            analysis = replace(analysis, mentions=mentions)
        result.append(analysis)
    return result


def _reliable_names(analyses: Sequence[Analysis]) -> dict[str, Mention]:
    """Surface forms worth matching, each with a mention to copy its reading from."""
    forms: dict[str, list[Mention]] = defaultdict(list)
    for analysis in analyses:
        for m in analysis.mentions:
            if not m.unlisted:  # junk is not a reading to copy
                forms[m.span.text].append(m)
    known = {}
    for text, mentions in forms.items():
        readings = Counter((m.name, m.kind) for m in mentions)
        if len(readings) > 1 or len(text) < _MIN_LENGTH or not text[:1].isupper():
            continue  # ambiguous or too short to match safely
        first = mentions[0]
        if first.label.startswith("NORP") and first.kind == "state":
            continue  # "Russian" as a demonym needs its context
        if (first.kind == "place" and first.place_kind) or len(text.split()) > 1 or len(mentions) > 1:
            known[text] = first
    return known


def _overlaps(starts: list[int], reach: list[int], start: int, end: int) -> bool:
    """True when [start, end) overlaps a taken span (reach is the running max of their ends)."""
    i = bisect.bisect_left(starts, end)
    return i > 0 and reach[i - 1] > start
