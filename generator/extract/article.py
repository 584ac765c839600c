"""Turn one parsed article into an Analysis (stage 3: extract).

Each extractor is a pure function of the Doc and the article; this module
only runs them in order and hands each what the earlier ones found.

Each extractor runs inside a guard (see `guard.py`): when it raises, it is run
again on each sentence alone, and only the sentences it still fails on lose
what it would have found there; each such failure is a `Fault` in the
Analysis. The temporal tagger guards its own rules, one candidate at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from generator.extract import chunks
from generator.extract.figures import extract_figures
from generator.extract.guard import UNDATED, fault
from generator.extract.happenings import find_happenings
from generator.extract.mentions import find_mentions
from generator.extract.participants import find_participants
from generator.extract.quotes import find_quotes
from generator.extract.timex import tag
from generator.extract.timex.context import Context
from generator.model import (
    Analysis,
    Article,
    Fault,
    FigureMention,
    Happening,
    Mention,
    Participant,
    Quote,
    Span,
    Timex,
)
from generator.spans import heading_spans, in_heading

if TYPE_CHECKING:
    from spacy.tokens import Doc

Extract = Callable[["Doc", Article, int], Analysis]
"""One extractor over the article's Doc (or one sentence's, starting at the offset): a partial Analysis."""


@dataclass(frozen=True, slots=True)
class _Step:
    """One extractor, and how its failure reads in a warning."""

    action: str
    """What could not be done to the words: "find the names in"."""
    lost: str
    """What the reader gets instead."""
    run: Extract


def analyse_article(doc: Doc, article: Article) -> Analysis:
    """Run every extractor over one article, each inside its guard."""
    headings = heading_spans(article)
    sentences = tuple(
        (s.start_char, s.end_char)
        for s in doc.sents
        if s.text.strip() and not in_heading(headings, s.start_char)
    )
    faults: list[Fault] = []

    def mentions_of(d: Doc, a: Article, _offset: int) -> Analysis:
        return _partial(a, mentions=find_mentions(d, a))

    def timexes_of(d: Doc, a: Article, _offset: int) -> Analysis:
        tagged = tag(d, a.id, a.date)
        inside = heading_spans(a)
        kept = tuple(t for t in tagged.timexes if not in_heading(inside, t.span.start))
        return _partial(a, timexes=kept, faults=tagged.faults)

    names = _guarded(
        _Step("find the names in", "it is published without links to them", mentions_of), doc, article
    )
    faults += names.faults
    mentions = names.mentions
    dates = _guarded(_Step("date", UNDATED, timexes_of), doc, article)
    faults += dates.faults
    timexes = dates.timexes
    taken = [(t.span.start, t.span.end) for t in timexes]

    def figures_of(d: Doc, a: Article, offset: int) -> Analysis:
        exclude = [(s - offset, e - offset) for s, e in taken if offset <= s and e <= offset + len(a.body)]
        return _partial(a, figures=extract_figures(d, a.id, exclude))

    def quotes_of(d: Doc, a: Article, offset: int) -> Analysis:
        end = offset + len(a.body)
        own = [chunks.shift_mention(m, -offset) for m in mentions if offset <= m.span.start < end]
        return _partial(a, quotes=find_quotes(d, a, own))

    def participants_of(d: Doc, a: Article, offset: int) -> Analysis:
        end = offset + len(a.body)
        own = tuple(chunks.shift_mention(m, -offset) for m in mentions if offset <= m.span.start < end)
        return _partial(a, participants=find_participants(d, a, own))

    numbers = _guarded(_Step("read the numbers in", "its figures are left out", figures_of), doc, article)
    faults += numbers.faults
    figures = numbers.figures
    said = _guarded(_Step("find the quotations in", "its quotations are left out", quotes_of), doc, article)
    faults += said.faults
    taking = _guarded(
        _Step("find who takes part in", "its events are published without their actors", participants_of),
        doc,
        article,
    )
    faults += taking.faults
    happenings = _happenings(doc, article, timexes, faults)
    context = Context.of(doc)
    clause_dates: list[int] = []
    clauses: list[tuple[int, int] | None] = []
    verbs: list[int] = []
    for figure in figures:
        try:
            when = _clause_date(doc, figure, timexes)
            clause = context.clause_of(figure.span.start, figure.span.end)
            verb = _governing_verb(doc, figure.span.start, figure.span.end)
        except Exception as exc:
            when, clause, verb = -1, None, -1
            faults.append(fault(figure.span, "find the date of the figure", "it is published undated", exc))
        clause_dates.append(when)
        clauses.append(clause)
        verbs.append(doc[verb].idx if verb >= 0 else -1)
    return Analysis(
        article,
        sentences,
        mentions,
        said.quotes,
        timexes,
        figures,
        figure_dates=tuple(clause_dates),
        happenings=happenings,
        participants=taking.participants,
        figure_clauses=tuple(clauses),
        figure_verbs=tuple(verbs),
        faults=tuple(faults),
    )


def _happenings(
    doc: Doc, article: Article, timexes: tuple[Timex, ...], faults: list[Fault]
) -> tuple[Happening | None, ...]:
    """What each date's clause says happened; a date whose clause cannot be read gets none."""
    try:
        return find_happenings(doc, timexes, article.date)
    except Exception:
        pass  # read them one by one, so one bad clause loses one happening
    out: list[Happening | None] = []
    for timex in timexes:
        try:
            out.append(find_happenings(doc, (timex,), article.date)[0])
        except Exception as exc:
            out.append(None)
            faults.append(
                fault(timex.span, "find what happened on", "the date is listed without a headline", exc)
            )
    return tuple(out)


def _partial(
    article: Article,
    mentions: tuple[Mention, ...] = (),
    timexes: tuple[Timex, ...] = (),
    figures: tuple[FigureMention, ...] = (),
    quotes: tuple[Quote, ...] = (),
    participants: tuple[Participant, ...] = (),
    faults: tuple[Fault, ...] = (),
) -> Analysis:
    """An Analysis holding one extractor's records."""
    return Analysis(article, (), mentions, quotes, timexes, figures, participants=participants, faults=faults)


def _guarded(step: _Step, doc: Doc, article: Article) -> Analysis:
    """Run an extractor over the article; if it raises, over each sentence alone, keeping what works."""
    try:
        return step.run(doc, article, 0)
    except Exception as whole:
        failed = whole
    parts: list[tuple[int, Analysis]] = []
    faults: list[Fault] = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        if not sent.text.strip():
            continue
        try:
            parts.append((start, step.run(sent.as_doc(), chunks.piece(article, start, end), start)))
        except Exception as exc:
            words = sent.text.rstrip()
            faults.append(
                fault(Span(article.id, start, start + len(words), words), step.action, step.lost, exc)
            )
    if not faults:  # it fails on the whole article only: each sentence alone is fine, but not together
        body = Span(article.id, 0, len(article.body), article.body)
        faults.append(fault(body, step.action, "each sentence was read on its own", failed))
    joined = chunks.join(article, parts) if parts else _partial(article)
    return replace(joined, faults=joined.faults + tuple(faults))


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
