"""Where things sit in an article body: sentences and headings, by character offset.

The one home for these look-ups; extractors, resolution, curation and the
pages all ask here, so a sentence means the same span everywhere.
"""

from __future__ import annotations

import bisect
import math

from generator.model import Analysis, Article, Event, Span


def heading_spans(article: Article) -> tuple[tuple[int, int], ...]:
    """(start, end) of every section heading in the article, in body order."""
    return tuple((p.start, p.end) for p in article.paragraphs if p.heading)


def in_heading(headings: tuple[tuple[int, int], ...], offset: int) -> bool:
    """True when `offset` falls inside one of `headings` (from `heading_spans`)."""
    return any(start <= offset < end for start, end in headings)


def sentence_of(analysis: Analysis, offset: int) -> Span:
    """The sentence that starts last at or before `offset` (the whole body when there are none)."""
    # (offset, inf) sorts after every sentence starting at or before `offset`: no list of starts per call.
    i = max(bisect.bisect_right(analysis.sentences, (offset, math.inf)) - 1, 0)
    start, end = analysis.sentences[i] if analysis.sentences else (0, len(analysis.article.body))
    return Span(analysis.article.id, start, end, analysis.article.body[start:end])


def sentence_or_paragraph(analysis: Analysis, offset: int) -> tuple[int, int]:
    """The sentence holding `offset`, or its paragraph when no sentence does (a heading, a gap)."""
    sentences = analysis.sentences
    i = bisect.bisect_right(sentences, (offset, float("inf"))) - 1
    if i >= 0 and sentences[i][0] <= offset < sentences[i][1]:
        return sentences[i]
    para = analysis.article.paragraph_at(offset)
    return (para.start, para.end)


HEADLINE_WORDS = 12
"""Words of a clause kept as an event's headline when the parse gave none."""


def short_headline(text: str) -> str:
    """A headline from a clause's first words, when the parse gave none."""
    words = text.split()
    short = " ".join(words[:HEADLINE_WORDS]).rstrip(",;:")
    return short + ("…" if len(words) > HEADLINE_WORDS else "")


def headline_of(event: Event) -> str:
    """An event's headline; for a record without one (a curator's event), its clause's first words."""
    return event.headline or short_headline((event.clause or event.sentence).text)
