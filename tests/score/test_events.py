"""Tests for `generator.score.events` on hand-made records: coverage, status against gold time, merging."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from generator.model import Analysis, Briefing, Event, Span
from generator.score.events import score_events
from generator.score.match import Ratio
from tests.records import article, sentences, span, timex

BODY = "Apple will launch the phone on Friday. Apple launched the shop on Monday. Sales rose."
ART = article(BODY, "a", dt.date(2020, 2, 19))


def _span(text: str) -> Span:
    return span(ART, text)


def _event(ident: str, sentence: str, trigger: str, status: str, when: str) -> Event:
    return Event(
        ident,
        timex(ART, when, "2020-02-21", "2020-02-21"),
        _span(sentence),
        (),
        (),
        headline=sentence,
        status=status,
        trigger=_span(trigger),
    )


def _gold(text: str, time: str, instance: str | None = None) -> dict[str, object]:
    start = BODY.index(text)
    return {"text": text, "start": start, "end": start + len(text), "time": time, "instance_id": instance}


FIRST = "Apple will launch the phone on Friday."
SECOND = "Apple launched the shop on Monday."
GOLD = {
    "a": {
        "events": [
            _gold("launch", "FUTURE", "x"),
            _gold("launched", "NON_FUTURE", "x"),
            _gold("rose", "NON_FUTURE"),
        ]
    }
}


def _briefing(*events: Event) -> Briefing:
    analysis = Analysis(ART, sentences(ART), (), (), (), ())
    return Briefing((ART,), (), (), events, (), (), (analysis,))


def test_status_agrees_with_gold_time_and_the_baseline_calls_all_happened() -> None:
    scores = score_events(
        _briefing(
            _event("e1", FIRST, "launch", "scheduled", "Friday"),
            _event("e2", SECOND, "launched", "forecast", "Monday"),
        ),
        GOLD,
    )
    assert scores.covered == Ratio(2, 3)  # "rose" sits in no event
    assert scores.status == Ratio(1, 2)  # "scheduled" is FUTURE; "forecast" for a past launch is wrong
    assert scores.baseline == Ratio(1, 2)
    assert scores.future == Ratio(1, 1)
    assert scores.misses == ("a: 'launched' (NON_FUTURE) → forecast: " + SECOND,)


def test_a_happening_in_two_sentences_counts_as_merged_only_in_one_event() -> None:
    apart = score_events(
        _briefing(
            _event("e1", FIRST, "launch", "scheduled", "Friday"),
            _event("e2", SECOND, "launched", "happened", "Monday"),
        ),
        GOLD,
    )
    merged = replace(
        _event("e1", FIRST, "launch", "scheduled", "Friday"), sources=(_span(FIRST), _span(SECOND))
    )
    together = score_events(_briefing(merged), GOLD)
    assert apart.merged == Ratio(0, 1)
    assert together.merged == Ratio(1, 1)


def test_merge_precision_counts_source_pairs_that_share_a_gold_happening() -> None:
    """Two sentences of one gold happening merged are right; a third, of another happening, makes two
    wrong pairs; a sentence with no gold trigger of a happening (an instance) is not judged."""
    gold = {"a": {"events": [*GOLD["a"]["events"][:2], _gold("rose", "NON_FUTURE", "y")]}}
    right = replace(
        _event("e1", FIRST, "launch", "scheduled", "Friday"), sources=(_span(FIRST), _span(SECOND))
    )
    assert score_events(_briefing(right), gold).merge_precision == Ratio(1, 1)
    chained = replace(right, sources=(_span(FIRST), _span(SECOND), _span("Sales rose.")))
    assert score_events(_briefing(chained), gold).merge_precision == Ratio(1, 3)
    unjudged = replace(right, sources=(_span(FIRST), _span("Sales rose.")))
    assert score_events(_briefing(unjudged), GOLD).merge_precision == Ratio(0, 0)
    assert score_events(
        _briefing(_event("e2", SECOND, "launched", "happened", "Monday")), gold
    ).merge_precision == Ratio(0, 0)
