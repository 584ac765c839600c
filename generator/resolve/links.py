"""Tie participants, figures and quotes to actor and place ids (stage 6: link); events are built in `events`.

A clause's actors are the names that take part in its predicates (subject,
object, "by" phrase, "with X", the speaker who reports it), read from the parse
at extraction (`extract.participants`); a pronoun counts as the name it stands
for. Its places are the places named in it: a city or region wherever it
stands, a country only where the text locates something there ("in Syria").
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.extract.participants import stands_for
from generator.model import (
    PARTICIPANT_ROLES,
    Actor,
    Analysis,
    Figure,
    Interaction,
    Participant,
    Place,
    Role,
    Span,
    Timex,
)
from generator.slugs import slugify
from generator.spans import sentence_of


class Index:
    """Look up which actor or place a mention at (article, offset) belongs to."""

    def __init__(self, actors: Sequence[Actor], places: Sequence[Place]) -> None:
        self.actor_at = {(m.span.article, m.span.start): a.id for a in actors for m in a.mentions}
        self.place_at = {(m.span.article, m.span.start): p.id for p in places for m in p.mentions}
        self.by_article: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        for (article, start), actor_id in self.actor_at.items():
            self.by_article[article].append((start, "actor", actor_id))
        for (article, start), place_id in self.place_at.items():
            self.by_article[article].append((start, "place", place_id))
        for entries in self.by_article.values():
            entries.sort()
        spans: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
        for a in actors:
            for m in a.mentions:
                spans[m.span.article].append((m.span.start, m.span.end, "actor", a.id))
        for p in places:
            for m in p.mentions:
                spans[m.span.article].append((m.span.start, m.span.end, "place", p.id))
        self.spans = {article: sorted(found) for article, found in spans.items()}
        self.kind_of = {a.id: a.kind for a in actors}
        self.longest = max((e - s for found in self.spans.values() for s, e, _w, _i in found), default=0)

    def exactly(self, article: str, start: int, end: int) -> list[tuple[str, str]]:
        """("actor" or "place", id) of every mention spanning exactly [start, end) of an article."""
        entries = self.spans.get(article, [])
        lo = bisect.bisect_left(entries, (start, end, "", ""))
        found = []
        for s, e, what, ident in entries[lo:]:
            if (s, e) != (start, end):
                break
            found.append((what, ident))
        return found

    def overlapping(self, article: str, start: int, end: int) -> list[tuple[str, str]]:
        """("actor" or "place", id) of every mention overlapping [start, end) of an article."""
        entries = self.spans.get(article, [])
        lo = bisect.bisect_left(entries, (start - self.longest, 0, "", ""))
        found = []
        for s, e, what, ident in entries[lo:]:
            if s >= end:
                break
            if e > start:
                found.append((what, ident))
        return found

    def within(self, article: str, start: int, end: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Ids of actors and places mentioned in [start, end) of an article."""
        entries = self.by_article.get(article, [])
        lo = bisect.bisect_left(entries, (start, "", ""))
        actors: set[str] = set()
        places: set[str] = set()
        for offset, what, ident in entries[lo:]:
            if offset >= end:
                break
            (actors if what == "actor" else places).add(ident)
        return tuple(sorted(actors)), tuple(sorted(places))


@dataclass(frozen=True, slots=True)
class Taking:
    """Who and where, for one clause: actor and place ids with how each takes part."""

    actors: tuple[str, ...]
    """Ids of the actors taking part, sorted."""
    places: tuple[str, ...]
    """Ids of the places where it happens, sorted."""
    roles: tuple[Role, ...]
    """Each actor's and place's role by predicate, in body order of the predicates."""


def taking_part(analysis: Analysis, where: Span, index: Index, verb: int = -1) -> Taking:
    """The actors and places of the predicates in a clause (only the one at offset `verb` if given)."""
    article = analysis.article.id
    roles: set[Role] = set()
    actors: set[str] = set()
    places = set(index.within(article, where.start, where.end)[1])
    for p in _participants_in(analysis, where.start, where.end):
        if verb >= 0 and p.verb.start != verb and p.role != "location":
            continue  # a figure's actors are its own verb's: "sent thousands of troops" is Turkey's
        hits = _stands_for(p, article, index)
        acting = any(what == "actor" for what, _i in hits)
        for what, ident in hits:
            if p.role == "location" and what == "actor":
                continue  # a country where it happens is a place, not an actor
            if p.role != "location" and what == "place" and acting:
                continue  # a state acting is an actor, not its country's place
            if what == "place":
                places.add(ident)
            elif p.role != "speaker":  # who reports a clause is its source, not an actor in it
                actors.add(ident)
            roles.add(Role(ident, p.role, p.verb.text.lower(), p.verb.start))
    ordered = sorted(roles, key=lambda r: (r.verb_start, PARTICIPANT_ROLES.index(r.role), r.id))
    return Taking(tuple(sorted(actors)), tuple(sorted(places)), tuple(ordered))


def _stands_for(p: Participant, article: str, index: Index) -> list[tuple[str, str]]:
    """What a participant names: its own mentions, or for a pronoun the first candidate name that fits."""
    if not p.refers:
        exact = index.exactly(
            article, p.span.start, p.span.end
        )  # not "Iranian" inside "pro-Iranian militias"
        return exact or index.overlapping(article, p.span.start, p.span.end)
    kinds = stands_for(p.span.text)
    for start, end in p.refers:
        hits = [
            (w, i)
            for w, i in index.overlapping(article, start, end)
            if w == "actor" and index.kind_of[i] in kinds
        ]
        if hits:
            return hits
    return []


def _participants_in(analysis: Analysis, start: int, end: int) -> list[Participant]:
    """The participants whose predicate lies in [start, end)."""
    found = analysis.participants
    lo = bisect.bisect_left(found, start, key=lambda p: p.verb.start)
    hi = bisect.bisect_left(found, end, lo, key=lambda p: p.verb.start)
    return list(found[lo:hi])


ACTING = frozenset({"agent", "by-agent"})
"""Roles of one who acts."""
ACTED_ON = frozenset({"patient", "recipient", "partner"})
"""Roles of one acted on, or dealt with."""

COPULAS = frozenset(["be", "is", "are", "was", "were", "been", "being", "am", "'s", "’s", "'re", "’re"])
"""Forms of "be": a copula links a subject to what it is, not two actors."""


def interactions(analyses: Sequence[Analysis], index: Index) -> list[Interaction]:
    """Every pair of actors in one predicate: both acting ("together"), or one acting on the other ("on").

    Who reports a clause and where it happens do not link anyone; nor do two names
    that are only acted on together ("overwhelming Apple and AT&T").
    """
    found: set[Interaction] = set()
    for analysis in analyses:
        article = analysis.article.id
        by_verb: dict[tuple[int, str], set[tuple[str, str]]] = defaultdict(set)
        for p in analysis.participants:
            if p.role in ACTING or p.role in ACTED_ON:
                for what, ident in _stands_for(p, article, index):
                    if what == "actor":
                        by_verb[(p.verb.start, p.verb.text.lower())].add((p.role, ident))
        for (start, verb), taking in by_verb.items():
            if verb in COPULAS:
                continue  # "Airbus is China's biggest supplier" says what, not who did what with whom
            acting = sorted({i for role, i in taking if role in ACTING})
            acted_on = sorted({i for role, i in taking if role in ACTED_ON})
            for n, x in enumerate(acting):
                for y in acting[n + 1 :]:
                    found.add(Interaction(x, y, "together", verb, article, start))
                for y in acted_on:
                    if y != x:
                        a, b = min(x, y), max(x, y)
                        found.add(Interaction(a, b, "on", verb, article, start))
    return sorted(found, key=lambda i: (i.article, i.start, i.a, i.b, i.kind))


ACTING_ROLES = frozenset({"agent", "by-agent", "speaker"})
"""The roles in which a name acts: an actor acting in a dated event gets a page however seldom named,
and a name the gazetteer does not know that acts but is never located is no place."""


def located_mentions(analyses: Sequence[Analysis]) -> set[tuple[str, int]]:
    """(article, start) of every name the text locates something at ("in Syria"), for place pages."""
    found = set()
    for analysis in analyses:
        spans = sorted((p.span.start, p.span.end) for p in analysis.participants if p.role == "location")
        starts = [s for s, _e in spans]
        for m in analysis.mentions:
            i = bisect.bisect_right(starts, m.span.start) - 1
            if (i >= 0 and spans[i][1] > m.span.start) or (
                i + 1 < len(spans) and spans[i + 1][0] < m.span.end
            ):
                found.add((analysis.article.id, m.span.start))
    return found


def attach_quotes(actors: Sequence[Actor], analyses: Sequence[Analysis], index: Index) -> list[Actor]:
    """Give each actor the quotations attributed to one of its mentions."""
    quotes = defaultdict(list)
    for analysis in analyses:
        for quote in analysis.quotes:
            actor_id = index.actor_at.get((analysis.article.id, quote.speaker_start))
            if actor_id:
                quotes[actor_id].append(quote)
    return [replace(a, quotes=tuple(quotes.get(a.id, ()))) for a in actors]


def figure_date(timex: Timex) -> str:
    """When a figure holds: the TIMEX3 value of a date, or the ISO 8601 interval a duration spans.

    "More than 40,000 … in the last four days" holds over 2020-02-13/2020-02-17;
    its TIMEX3 value, P4D, says how long but not when.
    """
    if timex.type == "DURATION" and timex.begin and timex.end:
        return f"{timex.begin.isoformat()}/{timex.end.isoformat()}"
    return timex.value


def build_figures(analyses: Sequence[Analysis], index: Index) -> list[Figure]:
    """Figures with the date of their clause, and the actors and places taking part in it."""
    figures = []
    for analysis in analyses:
        for number, mention in enumerate(analysis.figures):
            sentence = sentence_of(analysis, mention.span.start)
            clause = analysis.figure_clauses[number] if analysis.figure_clauses else None
            where = sentence if clause is None else Span(sentence.article, *clause, "")
            verb = analysis.figure_verbs[number] if analysis.figure_verbs else -1
            taking = taking_part(analysis, where, index, verb)
            which = analysis.figure_dates[number] if analysis.figure_dates else -1
            date = figure_date(analysis.timexes[which]) if which >= 0 else ""
            figures.append(
                Figure(
                    id=slugify(f"{analysis.article.id}-{mention.span.start}"),
                    mention=mention,
                    date=date,
                    sentence=sentence,
                    actors=taking.actors,
                    places=taking.places,
                    roles=taking.roles,
                )
            )
    return sorted(figures, key=lambda f: (f.sentence.article, f.mention.span.start))
