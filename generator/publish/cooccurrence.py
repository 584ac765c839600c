"""Which actors and places appear together, counted once for the related lists and the graph.

The unit is a sentence. A sentence holds the actors and places its mentions
name, and also the actors of any event reported in it (a curator may add
actors to an event). The related lists on actor and place pages count only
named pairs; the relationship graph counts actor pairs either way. One pass
over the sentences fills both counts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.model import Briefing

Member = tuple[str, str]
"""("actor" or "place", id): something a sentence can hold."""
Sentence = tuple[str, int, int]
"""(article id, start, end) of a sentence."""
Ranked = tuple[tuple[str, int], ...]
"""(id, count) pairs, highest count first, then by id."""


@dataclass(frozen=True, slots=True)
class Together:
    """How often two members share a sentence, and the first sentence they share."""

    named: int
    """Sentences whose mentions name both."""
    shared: int
    """Sentences holding both, counting event actors; equals `named` unless both are actors."""
    article: str
    """Article of the first shared sentence (in article id and offset order)."""
    start: int
    """Offset of the first shared sentence."""


def co_occurrence(b: Briefing) -> dict[tuple[Member, Member], Together]:
    """Every pair of members with different ids that share a sentence, the smaller member first."""
    named: dict[Sentence, set[Member]] = defaultdict(set)
    for actor in b.actors:
        for m in actor.mentions:
            named[(m.span.article, *m.sentence)].add(("actor", actor.id))
    for place in b.places:
        for m in place.mentions:
            named[(m.span.article, *m.sentence)].add(("place", place.id))
    listed: dict[Sentence, set[str]] = defaultdict(set)
    for e in b.events:
        listed[(e.sentence.article, e.sentence.start, e.sentence.end)].update(e.actors)
    known = {a.id for a in b.actors}
    counts: dict[tuple[Member, Member], list[int]] = {}
    first: dict[tuple[Member, Member], Sentence] = {}
    for sentence in sorted(named.keys() | listed.keys()):
        names = named.get(sentence, set())
        holds = sorted(names | {("actor", i) for i in listed.get(sentence, ()) if i in known})
        for i, x in enumerate(holds):
            for y in holds[i + 1 :]:
                if x[1] == y[1]:
                    continue  # a state and its country: one thing under two kinds
                tally = counts.setdefault((x, y), [0, 0])
                tally[0] += x in names and y in names
                tally[1] += 1
                first.setdefault((x, y), sentence)
    return {pair: Together(n, s, first[pair][0], first[pair][1]) for pair, (n, s) in counts.items()}


def named_with(table: dict[tuple[Member, Member], Together], kind: str) -> dict[str, Ranked]:
    """Id → the members of `kind` named in its sentences, with how often.

    Keyed by id alone, so a state and its country (same id) share one list, and
    a sentence naming both counts once for each.
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for (x, y), together in table.items():
        if not together.named:
            continue
        if y[0] == kind:
            counts[x[1]][y[1]] += together.named
        if x[0] == kind:
            counts[y[1]][x[1]] += together.named
    return {
        ident: tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))
        for ident, counter in counts.items()
    }
