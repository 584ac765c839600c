"""Small hand-made records for unit tests: an article from a body, mentions found by their text, analyses.

Offsets are worked out from the text, so a case reads as prose: `mention(art, "Assad", "person")`.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.model import Analysis, Article, FigureMention, Mention, Participant, Quote, Span, Timex
from generator.read.seeds import split_paragraphs

_SENTENCE = re.compile(r"[^.!?]*[^.!?\s][^.!?]*[.!?]*")


def article(body: str, id: str = "a", date: dt.date | None = None) -> Article:
    """An article with the project's own paragraph split of `body`."""
    return Article(id, f"{id}.md", id, date, "", "", body, split_paragraphs(body))


def span(art: Article, text: str, occurrence: int = 0) -> Span:
    """The `occurrence`-th (from 0) stretch of the body that reads `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = art.body.index(text, start + 1)
    return Span(art.id, start, start + len(text), text)


def sentences(art: Article) -> tuple[tuple[int, int], ...]:
    """Sentence spans of the body's non-heading paragraphs, cut after each run of . ! or ?."""
    found = []
    for para in art.paragraphs:
        if para.heading:
            continue
        for m in _SENTENCE.finditer(art.body, para.start, para.end):
            text = m.group(0)
            start = m.start() + len(text) - len(text.lstrip())
            found.append((start, m.end()))
    return tuple(found)


def mention(
    art: Article,
    text: str,
    kind: str = "person",
    name: str = "",
    occurrence: int = 0,
    label: str = "TEST",
    place_kind: str = "",
) -> Mention:
    """A mention of `text` (its name defaults to the text) in the sentence that holds it."""
    where = span(art, text, occurrence)
    sentence = next(((s, e) for s, e in sentences(art) if s <= where.start < e), (0, len(art.body)))
    return Mention(where, name or text, kind, label, sentence, place_kind=place_kind)


def timex(art: Article, text: str, value: str, begin: str | None = None, end: str | None = None) -> Timex:
    """A DATE (or, for a P… value, a DURATION) expression on `text`, with optional ISO bounds."""
    kind = "DURATION" if value.startswith("P") else "DATE"
    first = dt.date.fromisoformat(begin) if begin else None
    last = dt.date.fromisoformat(end or begin) if (end or begin) else None
    return Timex(span(art, text), kind, value, begin=first, end=last, precision="day" if first else "")


def figure(art: Article, text: str, value: float | None = None, occurrence: int = 0) -> FigureMention:
    """A plain count on `text`."""
    return FigureMention(span(art, text, occurrence), value, value, value, "", "", "")


def quote(art: Article, text: str, speaker: Mention | None = None) -> Quote:
    """A quotation of `text`, attributed to `speaker` when given."""
    return Quote(span(art, text), speaker.name if speaker else "", speaker.span.start if speaker else -1)


def analysis(
    art: Article,
    mentions: tuple[Mention, ...] = (),
    quotes: tuple[Quote, ...] = (),
    timexes: tuple[Timex, ...] = (),
    figures: tuple[FigureMention, ...] = (),
    figure_dates: tuple[int, ...] = (),
    participants: tuple[Participant, ...] = (),
) -> Analysis:
    """What extraction would have found in `art`, with its sentences cut by `sentences`."""
    return Analysis(
        art,
        sentences(art),
        mentions,
        quotes,
        timexes,
        figures,
        figure_dates=figure_dates,
        participants=participants,
    )


def participant(
    art: Article, text: str, role: str, verb: str, refers: str = "", occurrence: int = 0
) -> Participant:
    """`text` taking part as `role` in the predicate `verb`; a pronoun standing for the name `refers`."""
    named = span(art, refers) if refers else None
    return Participant(
        span(art, text, occurrence), role, span(art, verb), ((named.start, named.end),) if named else ()
    )
