"""Score the participants of dated events: for each gold event, its gold actors among the event's actors.

MEANTIME's gold files mark event mentions and entity mentions but not who took part
in what, so `tests/annotated/participants/meantime.json` gives, for every gold event
mention in a sentence that gold dates, the gold entities (by instance id) that take
part in it (its README has the guidelines). Our side is each dated clause the
pipeline reports, before reports of one happening are merged across articles: the
clause whose span holds the gold event's trigger (the smallest, when several do).

Three ways of choosing an event's actors are scored from one run, so the numbers
compare like with like:
- ours: the participants read from the parse (`resolve.events.event_participants`);
- "names in the clause": every actor named in the clause, or in the sentence when
  the clause names none (the rule before participants were read from the parse);
- "names in the sentence": every actor named in the sentence.

An actor matches a gold entity when one of its mentions in that article overlaps a
gold mention of the entity. Recall counts the gold actors of each covered gold event
found among the clause's actors; precision counts the clause's actors that match some
gold entity and are gold actors of a gold event in the clause (actors that match no
gold entity are not judged, and are counted apart).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.model import Analysis, Briefing, Span, Timex
from generator.resolve.events import event_participants, nested
from generator.resolve.links import Index
from generator.score.gold import ROOT, Gold
from generator.score.match import Ratio, overlaps
from generator.slugs import slugify
from generator.spans import heading_spans, in_heading, sentence_of

PARTICIPANTS = ROOT / "tests" / "annotated" / "participants" / "meantime.json"
"""The hand-made participant judgements for MEANTIME's dated gold events."""

SYSTEMS = ("ours", "names in the clause", "names in the sentence")
"""The ways of choosing an event's actors that are scored, ours first."""


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event mention and the gold entities taking part in it."""

    article: str
    """Article id (the slug of the file stem)."""
    start: int
    """Offset of the trigger in the body."""
    text: str
    """The trigger, e.g. "announced"."""
    actors: frozenset[str]
    """Instance ids of the gold entities taking part."""


@dataclass(frozen=True, slots=True)
class ParticipantScores:
    """One way of choosing actors, scored on one corpus (or, added up, on several)."""

    events: int
    """Gold events judged in this corpus."""
    covered: int
    """Of those, how many lie in a dated clause the pipeline reports."""
    recall: Ratio
    """Gold actors of covered gold events found among their clause's actors."""
    precision: Ratio
    """Actors of judged clauses (matching a gold entity) that take part in a gold event there."""
    unjudged: int
    """Actors of judged clauses that match no gold entity."""
    misses: tuple[str, ...] = ()
    """Gold actors not found, for reading."""
    wrong: tuple[str, ...] = ()
    """Actors listed that take part in no gold event of the clause, for reading."""

    def __add__(self, other: ParticipantScores) -> ParticipantScores:
        return ParticipantScores(
            self.events + other.events,
            self.covered + other.covered,
            self.recall + other.recall,
            self.precision + other.precision,
            self.unjudged + other.unjudged,
            self.misses + other.misses,
            self.wrong + other.wrong,
        )


def load_participants(corpus: str, path: Path = PARTICIPANTS) -> list[GoldEvent]:
    """The judged gold events of one MEANTIME story ("apple", "airbus")."""
    data = json.loads(path.read_text("utf-8"))
    return [
        GoldEvent(slugify(e["article"].split("/", 1)[1]), e["start"], e["text"], frozenset(e["actors"]))
        for e in data["events"]
        if e["article"].split("/", 1)[0] == corpus
    ]


Chooser = Callable[[Analysis, Span, Span, Index], tuple[str, ...]]
"""(analysis, clause, sentence, index) → the actor ids a way of choosing gives the clause."""


def _ours(analysis: Analysis, clause: Span, _sentence: Span, index: Index) -> tuple[str, ...]:
    return event_participants(analysis, clause, index).actors


def _clause_names(analysis: Analysis, clause: Span, sentence: Span, index: Index) -> tuple[str, ...]:
    article = analysis.article.id
    actors, places = index.within(article, clause.start, clause.end)
    if not actors and not places:
        actors = index.within(article, sentence.start, sentence.end)[0]
    return actors


def _sentence_names(analysis: Analysis, _clause: Span, sentence: Span, index: Index) -> tuple[str, ...]:
    return index.within(analysis.article.id, sentence.start, sentence.end)[0]


CHOOSERS: dict[str, Chooser] = {
    "ours": _ours,
    "names in the clause": _clause_names,
    "names in the sentence": _sentence_names,
}


def score_participants(
    briefing: Briefing, gold: dict[str, Gold], events: Sequence[GoldEvent]
) -> dict[str, ParticipantScores]:
    """Each way of choosing actors (SYSTEMS) scored against the judged gold events of one corpus."""
    index = Index(briefing.actors, briefing.places)
    by_article: dict[str, list[GoldEvent]] = defaultdict(list)
    for event in events:
        by_article[event.article].append(event)
    matches = _gold_matches(briefing, gold)
    analyses = {a.article.id: a for a in briefing.analyses}
    return {
        name: _score(CHOOSERS[name], analyses, by_article, matches, gold, index, len(events))
        for name in SYSTEMS
    }


def _score(
    choose: Chooser,
    analyses: dict[str, Analysis],
    events: dict[str, list[GoldEvent]],
    matches: dict[tuple[str, str], frozenset[str]],
    gold: dict[str, Gold],
    index: Index,
    total: int,
) -> ParticipantScores:
    """Score one way of choosing actors over every judged gold event."""
    covered = hits = wanted = right = judged = unjudged = 0
    misses: list[str] = []
    wrong: list[str] = []
    for article, judged_events in sorted(events.items()):
        analysis = analyses.get(article)
        if analysis is None:
            continue
        names = {e["instance_id"]: (e["entity"] or e["text"]).strip() for e in gold[article]["entities"]}
        clauses = _clauses(analysis)
        inside: dict[tuple[int, int], list[GoldEvent]] = defaultdict(list)
        for event in judged_events:
            holding = [(c, s) for c, s in clauses if c.start <= event.start < c.end]
            if not holding:
                continue
            clause, _sentence = min(holding, key=lambda cs: (cs[0].end - cs[0].start, cs[0].start))
            inside[(clause.start, clause.end)].append(event)
        for clause, sentence in clauses:
            here = inside.get((clause.start, clause.end), [])
            if not here:
                continue
            actors = choose(analysis, clause, sentence, index)
            found = set().union(*(matches.get((article, a), frozenset()) for a in actors))
            for event in here:
                covered += 1
                wanted += len(event.actors)
                hits += len(event.actors & found)
                misses.extend(
                    f"{article}: “{event.text}” — {names.get(i, i)}" for i in sorted(event.actors - found)
                )
            taking = set().union(*(e.actors for e in judged_events if clause.start <= e.start < clause.end))
            for actor in actors:
                matched = matches.get((article, actor), frozenset())
                if not matched:
                    unjudged += 1
                    continue
                judged += 1
                if matched & taking:
                    right += 1
                else:
                    wrong.append(f"{article}: “{clause.text.strip()[:60]}” — {actor}")
    return ParticipantScores(
        total, covered, Ratio(hits, wanted), Ratio(right, judged), unjudged, tuple(misses), tuple(wrong)
    )


def _clauses(analysis: Analysis) -> list[tuple[Span, Span]]:
    """(clause, sentence) of every dated expression the pipeline turns into an event."""
    headings = heading_spans(analysis.article)
    anchored = [t for t in analysis.timexes if t.begin is not None and not in_heading(headings, t.span.start)]
    found = []
    for timex in anchored:
        if nested(timex, anchored):
            continue
        sentence = sentence_of(analysis, timex.span.start)
        found.append((_clause(analysis, timex, sentence), sentence))
    return found


def _clause(analysis: Analysis, timex: Timex, sentence: Span) -> Span:
    """The clause a dated expression governs, clipped to its sentence (as events are built)."""
    if timex.clause is None:
        return sentence
    start, end = max(timex.clause[0], sentence.start), min(timex.clause[1], sentence.end)
    if end <= start:
        return sentence
    return Span(sentence.article, start, end, analysis.article.body[start:end])


def _gold_matches(briefing: Briefing, gold: dict[str, Gold]) -> dict[tuple[str, str], frozenset[str]]:
    """(article, actor id) → the gold entity instances its mentions in that article overlap."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for actor in briefing.actors:
        for m in actor.mentions:
            for e in gold.get(m.span.article, {}).get("entities", ()):
                if e["instance_id"] and overlaps(m.span.start, m.span.end, e["start"], e["end"]):
                    found[(m.span.article, actor.id)].add(e["instance_id"])
    return {key: frozenset(ids) for key, ids in found.items()}


def lines(scores: dict[str, ParticipantScores], verbose: bool) -> Iterator[str]:
    """The participant rows of the report; `verbose` lists our misses and wrong actors."""
    ours = scores["ours"]
    yield (
        f"  participants: {ours.events} judged gold events, "
        f"{Ratio(ours.covered, ours.events)} in a dated clause we report"
    )
    for name in SYSTEMS:
        s = scores[name]
        yield (
            f"    {name + ':':24} recall {s.recall}, precision {s.precision}"
            f"{f', {s.unjudged} actors not in gold' if s.unjudged else ''}"
        )
    if verbose:
        yield from (f"      participant missed: {m}" for m in ours.misses)
        yield from (f"      participant wrong: {w}" for w in ours.wrong)
