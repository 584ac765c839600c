"""Analyse articles longer than spaCy's `max_length` in paragraph chunks.

spaCy refuses texts over `nlp.max_length` (1,000,000 characters) because the
parser and NER need about 1 GB of memory per 100,000 words. A long article is
cut at paragraph breaks (or, inside a huge paragraph, at a space) into chunks
of at most CHUNK_CHARS; each chunk is analysed as its own small article and
the analyses are joined back, every offset shifted into the full body.

Runs of 64 or more characters without a space (base64 images, URLs, minified
code pasted from the web) hold no words: spaCy would spend its time on them
and tag junk ("2020/02" in a URL as a date), so they are blanked with spaces
of the same length before analysis. Offsets do not move; the article page
still shows the text, escaped.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.model import (
    Analysis,
    Article,
    Fault,
    FigureMention,
    Happening,
    Mention,
    Paragraph,
    Participant,
    Quote,
    Span,
    Timex,
)

CHUNK_CHARS = 100_000
"""Longest text given to spaCy in one piece; articles up to this size are never cut."""

_NOT_WORDS = re.compile(r"\S{64,}")
"""A run of characters too long to be a word."""


def blank_non_words(text: str) -> str:
    """Replace every run of 64+ non-space characters by as many spaces."""
    return _NOT_WORDS.sub(lambda m: " " * len(m.group(0)), text)


def split(article: Article, limit: int = CHUNK_CHARS) -> list[tuple[int, Article]]:
    """Cut an article into (offset, chunk article) pieces of at most `limit` characters."""
    body = blank_non_words(article.body)
    if len(body) <= limit:
        return [(0, article if body == article.body else replace(article, body=body))]
    pieces: list[tuple[int, Article]] = []
    start = 0
    while start < len(body):
        end = min(start + limit, len(body))
        if end < len(body):
            cut = body.rfind("\n", start, end)
            if cut <= start:
                cut = body.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        pieces.append((start, piece(replace(article, body=body), start, end)))
        start = end
    return pieces


def piece(article: Article, start: int, end: int) -> Article:
    """The stretch [start, end) of an article as an article of its own, its offsets from 0."""
    return replace(article, body=article.body[start:end], paragraphs=_paragraphs(article, start, end))


def _paragraphs(article: Article, start: int, end: int) -> tuple[Paragraph, ...]:
    """The article's paragraphs that overlap [start, end), clipped, as offsets into that piece."""
    inside = [p for p in article.paragraphs if p.end > start and p.start < end]
    return tuple(
        replace(p, index=i, start=max(p.start, start) - start, end=min(p.end, end) - start)
        for i, p in enumerate(inside)
    )


def join(article: Article, parts: list[tuple[int, Analysis]]) -> Analysis:
    """Join the analyses of an article's chunks into one, with offsets into the full body."""
    if len(parts) == 1 and parts[0][0] == 0 and parts[0][1].article is article:
        return parts[0][1]
    sentences: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    quotes: list[Quote] = []
    timexes: list[Timex] = []
    figures: list[FigureMention] = []
    dates: list[int] = []
    happenings: list[Happening | None] = []
    participants: list[Participant] = []
    clauses: list[tuple[int, int] | None] = []
    verbs: list[int] = []
    faults: list[Fault] = []
    for offset, part in parts:
        sentences.extend((s + offset, e + offset) for s, e in part.sentences)
        mentions.extend(shift_mention(m, offset) for m in part.mentions)
        quotes.extend(
            replace(q, span=_shift(q.span, offset), speaker_start=q.speaker_start + offset)
            for q in part.quotes
        )
        base = len(timexes)
        timexes.extend(
            replace(t, span=_shift(t.span, offset), clause=_pair(t.clause, offset)) for t in part.timexes
        )
        happenings.extend(_shift_happening(h, offset) for h in part.happenings or (None,) * len(part.timexes))
        figures.extend(replace(f, span=_shift(f.span, offset)) for f in part.figures)
        part_dates = part.figure_dates or (-1,) * len(part.figures)
        dates.extend(d + base if d >= 0 else -1 for d in part_dates)
        participants.extend(
            replace(
                p,
                span=_shift(p.span, offset),
                verb=_shift(p.verb, offset),
                refers=tuple((s + offset, e + offset) for s, e in p.refers),
            )
            for p in part.participants
        )
        part_clauses = part.figure_clauses or (None,) * len(part.figures)
        clauses.extend(None if c is None else (c[0] + offset, c[1] + offset) for c in part_clauses)
        part_verbs = part.figure_verbs or (-1,) * len(part.figures)
        verbs.extend(v + offset if v >= 0 else -1 for v in part_verbs)
        faults.extend(replace(f, span=_shift(f.span, offset)) for f in part.faults)
    return Analysis(
        article,
        tuple(sentences),
        tuple(mentions),
        tuple(quotes),
        tuple(timexes),
        tuple(figures),
        figure_dates=tuple(dates),
        happenings=tuple(happenings),
        participants=tuple(participants),
        figure_clauses=tuple(clauses),
        figure_verbs=tuple(verbs),
        faults=tuple(faults),
    )


def _pair(pair: tuple[int, int] | None, offset: int) -> tuple[int, int] | None:
    """A (start, end) pair `offset` characters further on; None stays None."""
    return None if pair is None else (pair[0] + offset, pair[1] + offset)


def _shift_happening(h: Happening | None, offset: int) -> Happening | None:
    """A happening's spans moved `offset` characters further into the full body."""
    if h is None:
        return None
    trigger = (h.trigger[0] + offset, h.trigger[1] + offset)
    return replace(h, trigger=trigger, reported=_pair(h.reported, offset))


def shift_mention(mention: Mention, offset: int) -> Mention:
    """The same mention `offset` characters further into the body (back, when negative)."""
    start, end = mention.sentence
    return replace(mention, span=_shift(mention.span, offset), sentence=(start + offset, end + offset))


def _shift(span: Span, offset: int) -> Span:
    """The same words, `offset` characters further into the full body."""
    return replace(span, start=span.start + offset, end=span.end + offset)
