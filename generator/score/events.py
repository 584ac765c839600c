"""Score events against MEANTIME's gold event mentions: coverage, status and merging.

MEANTIME marks each event mention's trigger word, gives it an `instance_id` shared by every
mention of one happening (within and across documents) and says whether it lies in the
future of the article (`time`: FUTURE or NON_FUTURE). Four scores follow:
- coverage: gold triggers that fall inside one of our events (its clause, or the sentence of
  any of its sources);
- status: for each event whose trigger is a gold trigger with a FUTURE or NON_FUTURE time,
  whether its status agrees (announced, scheduled, deadline, threatened and forecast mean
  FUTURE), beside the baseline of calling every event "happened";
- merging: gold happenings with mentions in two or more sentences, of which the mentions
  inside our events all sit in one event;
- merge precision: pairs of source sentences of one merged event, each holding a gold trigger,
  that share a gold happening. Merging chains unrelated reports at scale (an event of 182
  articles at 10,000 Reuters stories), which the first score cannot see.
The status rules were tuned on the stories in `TUNED_ON` only; the others are held out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.model import UPCOMING, Briefing, Event, Span
from generator.score.gold import Gold
from generator.score.match import Ratio, overlaps

TUNED_ON = ("apple",)
"""The MEANTIME stories the status and merging rules were looked at and tuned on; others are held out."""

FUTURE = "FUTURE"
NON_FUTURE = "NON_FUTURE"


@dataclass(frozen=True, slots=True)
class EventScores:
    """Our events against the gold event mentions of one corpus (or, added up, several)."""

    covered: Ratio
    """Gold triggers inside one of our events."""
    status: Ratio
    """Events on a gold trigger whose status agrees with its FUTURE / NON_FUTURE time."""
    baseline: Ratio
    """The same events, every one called "happened" (NON_FUTURE)."""
    future: Ratio
    """Of those events, the FUTURE ones that we call still to come (the recall the baseline lacks)."""
    merged: Ratio
    """Gold happenings with mentions in two or more sentences (mentions in our events) that are one event."""
    merge_precision: Ratio
    """Pairs of a merged event's source sentences (both with a gold trigger) that share a gold happening."""
    misses: tuple[str, ...] = field(default=(), compare=False)
    """Status disagreements, for `--verbose`: "article: trigger (gold) → ours"."""

    def __add__(self, other: EventScores) -> EventScores:
        return EventScores(
            self.covered + other.covered,
            self.status + other.status,
            self.baseline + other.baseline,
            self.future + other.future,
            self.merged + other.merged,
            self.merge_precision + other.merge_precision,
            self.misses + other.misses,
        )


def score_events(briefing: Briefing, gold: dict[str, Gold]) -> EventScores:
    """Score one corpus's events against its gold event mentions."""
    by_article: dict[str, list[Event]] = defaultdict(list)
    for event in briefing.events:
        for where in _spans(event):
            by_article[where.article].append(event)
    covered = Ratio(0, 0)
    agree = baseline = future_hits = future_total = 0
    misses = []
    members: dict[str, list[tuple[str, int, list[str]]]] = defaultdict(list)
    for article, data in sorted(gold.items()):
        events = by_article.get(article, [])
        sentences = _sentence_starts(briefing, article)
        for mention in data.get("events", []):
            start, end = mention["start"], mention["end"]
            holders = [e.id for e in events if any(_inside(s, article, start, end) for s in _spans(e))]
            covered += Ratio(1 if holders else 0, 1)
            if mention.get("instance_id"):
                members[mention["instance_id"]].append((article, _sentence(sentences, start), holders))
        for event in sorted({e.id: e for e in events}.values(), key=lambda e: e.id):
            time = _gold_time(event, article, data)
            if time is None:
                continue
            ours = FUTURE if event.status in UPCOMING else NON_FUTURE
            agree += ours == time
            baseline += time == NON_FUTURE
            if time == FUTURE:
                future_total += 1
                future_hits += ours == FUTURE
            if ours != time:
                assert event.trigger is not None
                misses.append(
                    f"{article}: {event.trigger.text!r} ({time}) → {event.status}: {event.headline}"
                )
    merged = _merged(members)
    precision = _merge_precision(briefing.events, gold)
    total = agree + len(misses)
    return EventScores(
        covered,
        Ratio(agree, total),
        Ratio(baseline, total),
        Ratio(future_hits, future_total),
        merged,
        precision,
        tuple(misses),
    )


def _spans(event: Event) -> Iterator[Span]:
    """Where an event stands in the text: its clause (else sentence), and every source's sentence."""
    yield event.clause or event.sentence
    yield from event.sources


def _inside(span: Span, article: str, start: int, end: int) -> bool:
    """A gold trigger inside a span of the same article."""
    return span.article == article and span.start <= start and end <= span.end


def _gold_time(event: Event, article: str, data: Gold) -> str | None:
    """The gold FUTURE / NON_FUTURE time of the event's trigger; None when not a gold trigger or timeless."""
    trigger = event.trigger
    if trigger is None or trigger.article != article:
        return None
    for mention in data.get("events", []):
        if overlaps(trigger.start, trigger.end, mention["start"], mention["end"]):
            time = mention.get("time")
            return time if time in (FUTURE, NON_FUTURE) else None
    return None


def _sentence_starts(briefing: Briefing, article: str) -> list[tuple[int, int]]:
    """The sentence spans of one article."""
    for analysis in briefing.analyses:
        if analysis.article.id == article:
            return list(analysis.sentences)
    return []


def _sentence(sentences: list[tuple[int, int]], offset: int) -> int:
    """The index of the sentence holding an offset, or -1."""
    for i, (start, end) in enumerate(sentences):
        if start <= offset < end:
            return i
    return -1


def _merged(members: dict[str, list[tuple[str, int, list[str]]]]) -> Ratio:
    """Happenings mentioned in two or more sentences whose mentions in our events share one event."""
    hits = total = 0
    for mentions in members.values():
        inside = [(article, sentence, set(holders)) for article, sentence, holders in mentions if holders]
        if len({(article, sentence) for article, sentence, _ in inside}) < 2:
            continue
        total += 1
        hits += bool(set.intersection(*(holders for _, _, holders in inside)))
    return Ratio(hits, total)


def _merge_precision(events: tuple[Event, ...], gold: dict[str, Gold]) -> Ratio:
    """Pairs of source sentences of one merged event that share a gold happening (an `instance_id`).

    Only sentences holding a gold trigger with an instance count; a sentence may hold several, and any
    one shared makes the pair right.
    """
    right = total = 0
    for event in events:
        told = [_happenings_in(source, gold) for source in dict.fromkeys(event.sources)]
        told = [ids for ids in told if ids]
        for i, first in enumerate(told):
            for second in told[i + 1 :]:
                total += 1
                right += bool(first & second)
    return Ratio(right, total)


def _happenings_in(span: Span, gold: dict[str, Gold]) -> set[str]:
    """The gold happenings (`instance_id`) with a trigger inside a span."""
    mentions = gold.get(span.article, {}).get("events", [])
    return {
        m["instance_id"]
        for m in mentions
        if m.get("instance_id") and _inside(span, span.article, m["start"], m["end"])
    }
