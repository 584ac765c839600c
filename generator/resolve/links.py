"""Tie figures and quotes to actor and place ids (stage 6: link); events are built in `events`."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from generator.model import Actor, Analysis, Figure, Place, Timex
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
    """Figures with the date, actors and places of their sentence."""
    figures = []
    for analysis in analyses:
        for number, mention in enumerate(analysis.figures):
            sentence = sentence_of(analysis, mention.span.start)
            actors, places = index.within(analysis.article.id, sentence.start, sentence.end)
            which = analysis.figure_dates[number] if analysis.figure_dates else -1
            date = figure_date(analysis.timexes[which]) if which >= 0 else ""
            figures.append(
                Figure(
                    id=slugify(f"{analysis.article.id}-{mention.span.start}"),
                    mention=mention,
                    date=date,
                    sentence=sentence,
                    actors=actors,
                    places=places,
                )
            )
    return sorted(figures, key=lambda f: (f.sentence.article, f.mention.span.start))
