"""Turn one parsed article into an Analysis (stage 3: extract).

Each extractor is a pure function of the Doc and the article; this module
only runs them in order and hands each what the earlier ones found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.figures import extract_figures
from generator.extract.happenings import find_happenings
from generator.extract.mentions import find_mentions
from generator.extract.participants import find_participants
from generator.extract.quotes import find_quotes
from generator.extract.timex import tag_timexes
from generator.extract.timex.context import Context
from generator.model import Analysis, Article, FigureMention, Timex
from generator.spans import heading_spans, in_heading

if TYPE_CHECKING:
    from spacy.tokens import Doc


def analyse_article(doc: Doc, article: Article) -> Analysis:
    """Run every extractor over one article."""
    headings = heading_spans(article)
    sentences = tuple(
        (s.start_char, s.end_char)
        for s in doc.sents
        if s.text.strip() and not in_heading(headings, s.start_char)
    )
    mentions = find_mentions(doc, article)
    timexes = tuple(
        t for t in tag_timexes(doc, article.id, article.date) if not in_heading(headings, t.span.start)
    )
    figures = extract_figures(doc, article.id, [(t.span.start, t.span.end) for t in timexes])
    quotes = find_quotes(doc, article, mentions)
    dates = tuple(_clause_date(doc, f, timexes) for f in figures)
    happenings = find_happenings(doc, timexes, article.date)
    participants = find_participants(doc, article, mentions)
    context = Context.of(doc)
    clauses = tuple(context.clause_of(f.span.start, f.span.end) for f in figures)
    verbs = tuple(_governing_verb(doc, f.span.start, f.span.end) for f in figures)
    offsets = tuple(doc[i].idx if i >= 0 else -1 for i in verbs)
    return Analysis(
        article,
        sentences,
        mentions,
        quotes,
        timexes,
        figures,
        figure_dates=dates,
        happenings=happenings,
        participants=participants,
        figure_clauses=clauses,
        figure_verbs=offsets,
    )


def _governing_verb(doc: Doc, start: int, end: int) -> int:
    """Index of the verb whose clause holds the span, or -1."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return -1
    tok = span.root
    for _ in range(12):
        if tok.pos_ in {"VERB", "AUX"}:
            return tok.i
        if tok.head is tok:
            return -1
        tok = tok.head
    return -1


def _clause_date(doc: Doc, figure: FigureMention, timexes: tuple[Timex, ...]) -> int:
    """The calendar date given in the same clause as a figure: a wrong date is worse than none."""
    verb = _governing_verb(doc, figure.span.start, figure.span.end)
    if verb < 0:
        return -1
    for index, timex in enumerate(timexes):
        if timex.begin is None or timex.mod == "APPROX":
            continue
        if _governing_verb(doc, timex.span.start, timex.span.end) == verb:
            return index
    return -1
