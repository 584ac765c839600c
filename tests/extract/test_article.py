"""One article through every extractor (`generator.extract.article.analyse_article`), on tiny texts."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.article import analyse_article
from generator.model import Analysis
from tests.records import article

MONDAY = dt.date(2020, 2, 17)


def analyse(nlp, body: str) -> Analysis:  # type: ignore[no-untyped-def]
    """The analysis of `body` as an article dated Monday 17 February 2020."""
    return analyse_article(nlp(body), article(body, "t", MONDAY))


# (body, the figures and, for each, the text of the timex that dates it or None)
DATED = [
    ("12 soldiers died on Monday.", [("12", "Monday")]),
    ("On Monday, 12 soldiers died.", [("12", "Monday")]),
    ("In 2012, 30 people died.", [("30", "2012")]),
    ("Nine years ago, 40 villages burned.", [("40", "Nine years ago")]),
    ("Around 2011, 40 villages burned.", [("40", "2011")]),
    (
        "Displaced\nMore than 40,000 people fled in the last four days.",
        [("More than 40,000", "the last four days")],
    ),
    # each figure takes the date of its own clause
    (
        "Police arrested 12 people on Monday and freed 30 on Friday.",
        [("12", "Monday"), ("30", "Friday")],
    ),
    ("Police arrested 12 people on Monday. Officials freed 30 later.", [("12", "Monday"), ("30", None)]),
    # a wrong date is worse than none: a date that governs another verb, or only an approximate one
    ("The army said on Monday that 12 soldiers had died.", [("12", None)]),
    ("About nine years ago, 40 villages burned.", [("40", None)]),
    ("Rebels said 30 fighters died.", [("30", None)]),
]


@pytest.mark.parametrize(("body", "expected"), DATED, ids=[d[0][:40] for d in DATED])
def test_a_figure_is_dated_by_its_clause(nlp, body: str, expected: list[tuple[str, str | None]]) -> None:  # type: ignore[no-untyped-def]
    found = analyse(nlp, body)
    assert len(found.figure_dates) == len(found.figures)
    assert [
        (f.span.text, found.timexes[i].span.text if i >= 0 else None)
        for f, i in zip(found.figures, found.figure_dates, strict=True)
    ] == expected


def test_a_heading_holds_no_sentence_and_no_date(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Monday talks\nSyrian troops took Saraqeb on Monday. Turkey objected."
    found = analyse(nlp, body)
    assert [body[s:e] for s, e in found.sentences] == [
        "Syrian troops took Saraqeb on Monday.",
        "Turkey objected.",
    ]
    assert [(t.span.start, t.span.text) for t in found.timexes] == [(body.rindex("Monday"), "Monday")]


def test_a_year_is_a_date_not_a_figure(nlp) -> None:  # type: ignore[no-untyped-def]
    found = analyse(nlp, "In 2012, 30 people died.")
    assert [t.span.text for t in found.timexes] == ["2012"]
    assert [f.span.text for f in found.figures] == ["30"]


def test_quotes_are_attributed_to_the_mentions_found(nlp) -> None:  # type: ignore[no-untyped-def]
    found = analyse(nlp, "“We will win,” Assad said on Monday.")
    assert [(m.span.text, m.kind) for m in found.mentions] == [("Assad", "person")]
    assert [(q.span.text, q.speaker, q.speaker_start) for q in found.quotes] == [
        ("We will win,", "Assad", 15)
    ]


def test_every_span_points_into_the_body_in_order(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Turkish president Tayyip Erdogan said on Monday that 12 Turkish soldiers died near Idlib.\n"
        "“We will respond,” he said. Russia said 30 rebels were killed in the last four days."
    )
    found = analyse(nlp, body)
    assert found.article.body == body
    for records in (found.mentions, found.quotes, found.timexes, found.figures):
        assert records, "every kind of record is found in this text"
        assert all(body[r.span.start : r.span.end] == r.span.text for r in records)
        assert [r.span.start for r in records] == sorted(r.span.start for r in records)
    assert all(s < e and body[s:e].strip() for s, e in found.sentences)
    assert all(found.sentences[i][1] <= found.sentences[i + 1][0] for i in range(len(found.sentences) - 1))


def test_an_empty_looking_body_gives_an_empty_analysis(nlp) -> None:  # type: ignore[no-untyped-def]
    found = analyse(nlp, "\n \n")
    assert (found.sentences, found.mentions, found.timexes, found.figures, found.quotes) == (
        (),
        (),
        (),
        (),
        (),
    )
