"""Events: what each dated expression dates, merged across articles (stage 6: link).

Each calendar-anchored expression anchors one event: the clause it governs (worked out
by the tagger from the parse), with the actors taking part in it and the places where it
happens (`event_participants`, read from the parse at extraction). Reports of the same
event in several articles (same date, a shared actor or place, similar wording) become one
event listing every source. Reports that look alike but give different dates, or numbers
that do not agree, are flagged for the reader rather than silently merged or dropped.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.dates import day_text
from generator.model import Analysis, Article, Event, FigureMention, Span, Timex
from generator.resolve.links import Index, Taking, taking_part
from generator.slugs import slugify
from generator.spans import heading_spans, in_heading, sentence_of

MERGE_OVERLAP = 0.25
"""Least share of the shorter report's content words found in the other for two same-date reports to merge."""

MERGE_WORDS = 2
"""Least number of content words two same-date reports must share to merge."""

CONFLICT_OVERLAP = 0.5
"""Least word overlap of two reports with different dates to flag them as one event dated twice."""

CONFLICT_WORDS = 3
"""Least number of content words two differently dated reports must share to be flagged."""

CONFLICT_DAYS = 31
"""Dates further apart than this are taken as different events, not a disagreement."""

_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "is",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "said",
        "says",
        "say",
        "also",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "than",
        "then",
        "there",
        "their",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "him",
        "we",
        "our",
        "you",
        "your",
        "not",
        "no",
        "after",
        "before",
        "over",
        "under",
        "into",
        "about",
        "more",
        "most",
        "new",
        "one",
        "two",
        "can",
        "could",
        "may",
        "might",
        "should",
        "company",
        "today",
        "yesterday",
        "tomorrow",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "earlier",
        "later",
        "last",
        "next",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
"""Words that say nothing about which event a sentence reports (dates are compared on their own)."""

_WORD = re.compile(r"[a-z][a-z'-]+")


@dataclass(frozen=True, slots=True)
class _Report:
    """One article's report of an event, with what merging compares."""

    event: Event
    words: frozenset[str]
    """Content words of the sentence, lower case."""
    names: frozenset[str]
    """Actor and place ids in the whole sentence (wider than the clause, to match reports)."""
    figures: tuple[FigureMention, ...]
    """Numbers in the clause."""


def build_events(analyses: Sequence[Analysis], index: Index) -> list[Event]:
    """One event per calendar-anchored expression, same-event reports merged, in date order."""
    reports: list[_Report] = []
    for analysis in analyses:
        reports.extend(_reports(analysis, index))
    titles = {a.article.id: a.article for a in analyses}
    events = _merge(reports, titles)
    return sorted(events, key=lambda e: (e.timex.begin, e.timex.end, e.sentence.article, e.sentence.start))


def _reports(analysis: Analysis, index: Index) -> list[_Report]:
    """The events of one article, before merging."""
    article = analysis.article.id
    headings = heading_spans(analysis.article)
    anchored = [t for t in analysis.timexes if t.begin is not None]
    out = []
    for timex in anchored:
        if in_heading(headings, timex.span.start) or _nested(timex, anchored):
            continue
        sentence = sentence_of(analysis, timex.span.start)
        clause = _clause(analysis, timex, sentence)
        where = clause or sentence
        taking = event_participants(analysis, where, index)
        wide_actors, wide_places = index.within(article, sentence.start, sentence.end)
        event = Event(
            id=slugify(f"{article}-{timex.span.start}"),
            timex=timex,
            sentence=sentence,
            actors=taking.actors,
            places=taking.places,
            clause=clause,
            roles=taking.roles,
        )
        figures = tuple(f for f in analysis.figures if where.start <= f.span.start < where.end)
        names = frozenset(wide_actors + wide_places)
        name_words = {w for n in names for w in n.split("-")}
        out.append(_Report(event, _content_words(sentence.text) - name_words, names, figures))
    return out


def event_participants(analysis: Analysis, where: Span, index: Index) -> Taking:
    """An event's actors and places: who takes part in the clause's predicates, and where (see `links`)."""
    return taking_part(analysis, where, index)


def _clause(analysis: Analysis, timex: Timex, sentence: Span) -> Span | None:
    """The clause the tagger found for the expression, clipped to its sentence; None if it is the sentence."""
    if timex.clause is None:
        return None
    start, end = max(timex.clause[0], sentence.start), min(timex.clause[1], sentence.end)
    body = analysis.article.body
    if body[start:end].strip() == sentence.text.strip() or end <= start:
        return None
    return Span(sentence.article, start, end, body[start:end])


def _nested(timex: Timex, others: Sequence[Timex]) -> bool:
    """True for "2012" inside "between 2012 and 2016": the range is the event's date."""
    return any(
        o is not timex
        and o.span.start <= timex.span.start
        and timex.span.end <= o.span.end
        and (o.span.end - o.span.start) > (timex.span.end - timex.span.start)
        for o in others
    )


def _content_words(text: str) -> frozenset[str]:
    """The words of a sentence that can tell one event from another."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller word set found in the other, 0 when either is empty."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _alike(a: _Report, b: _Report, least: float, words: int) -> bool:
    """Two reports in different articles that share a name and enough of their wording."""
    return (
        a.event.sentence.article != b.event.sentence.article
        and bool(a.names & b.names)
        and len(a.words & b.words) >= words
        and overlap(a.words, b.words) >= least
    )


def _same_event(a: _Report, b: _Report) -> bool:
    """Two reports of one event: same date, a shared actor or place, similar wording."""
    ta, tb = a.event.timex, b.event.timex
    return (ta.value, ta.begin, ta.end) == (tb.value, tb.begin, tb.end) and _alike(
        a, b, MERGE_OVERLAP, MERGE_WORDS
    )


def _dated_apart(a: _Report, b: _Report) -> bool:
    """Two reports that read as one event but give nearby dates that cannot both hold."""
    ta, tb = a.event.timex, b.event.timex
    assert ta.begin and ta.end and tb.begin and tb.end
    gap = max((tb.begin - ta.end).days, (ta.begin - tb.end).days)
    return (
        ta.type == tb.type == "DATE"
        and ta.precision == tb.precision
        and 0 < gap <= CONFLICT_DAYS
        and _alike(a, b, CONFLICT_OVERLAP, CONFLICT_WORDS)
    )


def _merge(reports: list[_Report], articles: dict[str, Article]) -> list[Event]:
    """Merge same-event reports (union-find over pairs), then flag date and number disagreements."""
    parent = list(range(len(reports)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_value: dict[tuple[object, ...], list[int]] = {}
    for i, r in enumerate(reports):
        by_value.setdefault((r.event.timex.value, r.event.timex.begin, r.event.timex.end), []).append(i)
    for members in by_value.values():
        for i, j in itertools.combinations(members, 2):
            if _same_event(reports[i], reports[j]):
                parent[root(j)] = root(i)
    conflicts: dict[int, list[str]] = {}
    order = sorted(range(len(reports)), key=lambda k: (reports[k].event.timex.begin, k))
    for at, i in enumerate(order):
        end = reports[i].event.timex.end
        assert end is not None
        for j in order[at + 1 :]:  # by start date: later ones cannot be a few days apart any more
            begin = reports[j].event.timex.begin
            assert begin is not None
            if (begin - end).days > CONFLICT_DAYS:
                break
            if _dated_apart(reports[i], reports[j]):
                conflicts.setdefault(root(i), []).append(_date_note(reports[j], articles))
                conflicts.setdefault(root(j), []).append(_date_note(reports[i], articles))
    groups: dict[int, list[_Report]] = {}
    for i, r in enumerate(reports):
        groups.setdefault(root(i), []).append(r)
    events = []
    for key, group in groups.items():
        group.sort(key=lambda r: (r.event.sentence.article, r.event.sentence.start))
        notes = sorted(set(conflicts.get(key, []))) + _number_notes(group, articles)
        first = group[0].event
        if len(group) > 1:
            first = replace(
                first,
                actors=tuple(sorted({a for r in group for a in r.event.actors})),
                places=tuple(sorted({p for r in group for p in r.event.places})),
                sources=tuple(r.event.sentence for r in group),
            )
        events.append(replace(first, disagreement="; ".join(notes)) if notes else first)
    return events


def _where(span: Span, articles: dict[str, Article]) -> str:
    """Name a report for readers: the article's title and the paragraph number."""
    article = articles[span.article]
    return f"“{article.title}”, ¶{article.paragraph_at(span.start).index + 1}"


def _date_note(other: _Report, articles: dict[str, Article]) -> str:
    """Say which other source dates the event differently, and how."""
    t = other.event.timex
    shown = day_text(t.begin) if t.precision == "day" and t.begin else t.value
    where = _where(other.event.sentence, articles)
    return f"{where} dates what reads as the same event to {shown} (“{t.span.text}”)"


def _number_notes(group: list[_Report], articles: dict[str, Article]) -> list[str]:
    """Flag merged reports counting the same thing (same unit and noun) with numbers that cannot both hold."""
    notes = []
    for a, b in itertools.combinations(group, 2):
        for fa in a.figures:
            for fb in b.figures:
                if fa.unit != fb.unit or _noun(fa) != _noun(fb) or not _noun(fa) or _overlap(fa, fb):
                    continue
                where_a, where_b = _where(a.event.sentence, articles), _where(b.event.sentence, articles)
                notes.append(
                    f"the sources give different numbers for {_noun(fa)}: “{fa.span.text}” in {where_a}, "
                    f"“{fb.span.text}” in {where_b}"
                )
    return sorted(set(notes))


def _noun(f: FigureMention) -> str:
    """The noun a figure counts ("Syrians fled" → "syrians"), lower case."""
    words = f.counts.lower().split()
    return words[0] if words else ""


def _overlap(a: FigureMention, b: FigureMention) -> bool:
    """Tell whether two figures' ranges can both hold ("more than 800" and "850" can)."""
    low_a, low_b = a.low if a.low is not None else a.value, b.low if b.low is not None else b.value
    high_a = a.high if a.high is not None else (a.value if a.low is None else None)
    high_b = b.high if b.high is not None else (b.value if b.low is None else None)
    if low_a is None or low_b is None:
        return True
    return (high_a is None or low_b <= high_a) and (high_b is None or low_a <= high_b)
