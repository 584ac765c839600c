"""Properties of the analysis over generated sentences (issue 9): it never fails, and what it finds is well formed.

One spaCy parse per example, and every extractor over it (`analyse_article`):
- no extractor raises: the analysis records no fault (a fault is a caught exception);
- every timex value matches the TIMEX3 value grammar, with begin <= end on the calendar;
- every figure is finite with low <= value <= high;
- every span (timex, figure, mention, quote, sentence) lies inside the text and slices to its words;
- the same text analysed twice gives the same analysis.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from generator.extract.article import analyse_article
from generator.model import Analysis, Span
from tests.property.grammar import sentence
from tests.records import article

_DATE = (
    r"(?:FY)?(?:\d{4}|X{4})"
    r"(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:[1-7]|WE))?|-(?:Q[1-4X]|H[12X]|SP|SU|FA|WI))?"
    r"(?:T(?:\d{2}(?::\d{2}){0,2}Z?|MO|AF|EV|NI))?"
)
_AMOUNT = r"(?:\d+(?:\.\d+)?|X)"
TIMEX3_VALUE = re.compile(
    rf"{_DATE}|\d{{2,3}}|P(?:{_AMOUNT}(?:Y|M|W|D|Q|H|DE|CE|WE))+|PT(?:{_AMOUNT}[HMS])+"
    r"|PRESENT_REF|PAST_REF|FUTURE_REF"
)
"""TIMEX3 values (ISO 8601 dates, weeks, quarters, halves, seasons, decades, durations and the _REFs)."""

TYPES = {"DATE", "TIME", "DURATION", "SET"}
MODS = {
    "",
    "START",
    "MID",
    "END",
    "APPROX",
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "LESS_THAN",
    "MORE_THAN",
}

article_dates = st.one_of(st.none(), st.dates(dt.date(1600, 1, 1), dt.date(2099, 12, 31)))


def _inside(span: Span, body: str) -> None:
    assert 0 <= span.start <= span.end <= len(body), span
    assert body[span.start : span.end] == span.text, span


def check_analysis(found: Analysis) -> None:
    """Every property of one analysis."""
    body = found.article.body
    assert found.faults == (), [(f.span.text, f.error, f.trace) for f in found.faults]
    for t in found.timexes:
        _inside(t.span, body)
        assert t.type in TYPES and t.mod in MODS, t
        assert TIMEX3_VALUE.fullmatch(t.value), t.value
        assert (t.begin is None) == (t.end is None), t
        if t.begin is not None and t.end is not None:
            assert t.begin <= t.end, t
    for f in found.figures:
        _inside(f.span, body)
        numbers = [v for v in (f.low, f.value, f.high) if v is not None]
        assert all(math.isfinite(v) for v in numbers), f
        assert numbers == sorted(numbers), f  # low <= value <= high, where each is given
    for m in found.mentions:
        _inside(m.span, body)
    for q in found.quotes:
        _inside(q.span, body)
    for start, end in found.sentences:
        assert 0 <= start <= end <= len(body)
    assert len(found.figure_dates) == len(found.figures)
    assert all(-1 <= d < len(found.timexes) for d in found.figure_dates)


@pytest.mark.slow  # a spaCy parse an example: 300 in `make test`, 10,000 in the slow lane
@given(text=sentence(), dct=article_dates)
@example(text="The season started about a month earlier than usual.", dct=dt.date(2020, 2, 17))
@example(text="Sales rose over New Year's and in mid-summer, 10,000 years ago.", dct=dt.date(2020, 2, 17))
@example(text="between 3 and 2 million; seventy-seven point five percent; half a million", dct=None)
@example(text="January 0, 0 the third half of 1600", dct=None)  # found by Hypothesis: 1600-H3
@example(text="191.00 decades ago", dct=dt.date(2000, 1, 1))  # found by Hypothesis: decade "9", not "009"
@example(text="100000.75 decades ago", dct=dt.date(2000, 1, 1))  # found by Hypothesis: P1.00001e+06Y
@example(text='" "', dct=None)  # found by Hypothesis: quotation marks around a blank (IndexError)
def test_the_analysis_of_any_sentence_is_well_formed_and_repeatable(
    nlp, text: str, dct: dt.date | None
) -> None:  # type: ignore[no-untyped-def]
    art = article(text, "p", dct)
    doc = nlp(text)
    found = analyse_article(doc, art)
    check_analysis(found)
    assert analyse_article(doc, art) == found
