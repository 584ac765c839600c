"""A tiny hand-made Briefing with the awkward cases the publish stage must handle.

Two articles and an empty one; an actor and a place that share the id "syria"
(a state and its country) and a mention of both on the same words; a mention
that crosses a sentence boundary (never linked); a curated event actor with
no mentions; a merged event with two sources; an undated expression.
"""

from __future__ import annotations

import datetime as dt

from generator.model import (
    Actor,
    Analysis,
    Article,
    Briefing,
    Event,
    Figure,
    FigureMention,
    Mention,
    Paragraph,
    Place,
    Quote,
    Span,
    Timex,
)

A1 = (
    "Damascus talks\n"
    "Alice met Bob in Syria on Monday. Syria said no.\n"
    "Carol spoke about Alice and Damascus.\n"
)
A2 = "Bob said Alice left recently."


def _span(article: str, body: str, text: str, nth: int = 0) -> Span:
    """The `nth` occurrence of `text` in `body`."""
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return Span(article, start, start + len(text), text)


def _sentence(article: str, body: str, text: str) -> tuple[int, int]:
    s = _span(article, body, text)
    return (s.start, s.end)


S1 = _sentence("a1", A1, "Alice met Bob in Syria on Monday.")
S2 = _sentence("a1", A1, "Syria said no.")
# spaCy may run a sentence on over the newline that ends its paragraph.
S3 = (_sentence("a1", A1, "Carol spoke")[0], len(A1))
HEADING = (0, len("Damascus talks"))
T1 = (0, len(A2))


def _mention(
    article: str, body: str, text: str, kind: str, sentence: tuple[int, int], nth: int = 0
) -> Mention:
    return Mention(_span(article, body, text, nth), text, kind, "test", sentence)


def _sentence_span(article: str, body: str, sentence: tuple[int, int]) -> Span:
    return Span(article, sentence[0], sentence[1], body[sentence[0] : sentence[1]])


def briefing() -> Briefing:
    """The tiny briefing."""
    a1 = Article(
        "a1",
        "a1.txt",
        "Talks in Damascus",
        dt.date(2020, 2, 17),
        "Wire",
        "https://example.com/a1",
        A1,
        (
            Paragraph(0, 0, 14, True),
            Paragraph(1, 15, A1.index("\nCarol"), False),
            Paragraph(2, A1.index("Carol"), len(A1) - 1, False),
        ),
    )
    a2 = Article(
        "a2", "a2.txt", "Bob speaks", dt.date(2020, 2, 18), "", "", A2, (Paragraph(0, 0, len(A2), False),)
    )
    a3 = Article("a3", "a3.txt", "Empty *one*", None, "", "", "", ())
    monday = Timex(
        _span("a1", A1, "Monday"), "DATE", "2020-02-17", "", dt.date(2020, 2, 17), dt.date(2020, 2, 17), "day"
    )
    recently = Timex(_span("a2", A2, "recently"), "DATE", "PAST_REF")
    actors = (
        Actor(
            "alice",
            "Alice",
            "person",
            (),
            ("envoy",),
            (
                _mention("a1", A1, "Alice", "person", S1),
                _mention("a1", A1, "Alice", "person", S3, 1),
                _mention("a2", A2, "Alice", "person", T1),
            ),
        ),
        Actor(
            "bob",
            "Bob",
            "person",
            (),
            (),
            (_mention("a1", A1, "Bob", "person", S1), _mention("a2", A2, "Bob", "person", T1)),
            quotes=(Quote(_span("a2", A2, "Alice left"), "Bob", 0),),
        ),
        Actor("carol", "Carol", "organisation", (), (), (_mention("a1", A1, "Carol", "organisation", S3),)),
        Actor("edge", "Edge", "person", (), (), (_mention("a1", A1, "Monday. Syria", "person", S1),)),
        Actor("ghost", "Ghost", "group", (), (), (), curated=("added to an event",)),
        Actor(
            "syria",
            "Syria",
            "state",
            (),
            (),
            (_mention("a1", A1, "Syria", "state", S1), _mention("a1", A1, "Syria", "state", S2, 1)),
            place="syria",
        ),
    )
    places = (
        Place(
            "damascus",
            "Damascus",
            "city",
            33.5,
            36.3,
            (),
            (
                _mention("a1", A1, "Damascus", "place", HEADING),
                _mention("a1", A1, "Damascus", "place", S3, 1),
            ),
        ),
        Place(
            "syria",
            "Syria",
            "country",
            None,
            None,
            (),
            (_mention("a1", A1, "Syria", "place", S1), _mention("a1", A1, "Syria", "state", S2, 1)),
        ),
    )
    events = (
        Event("e1", monday, _sentence_span("a1", A1, S1), ("alice", "bob", "syria"), ("syria",)),
        Event(
            "e2",
            monday,
            _sentence_span("a2", A2, T1),
            ("bob", "ghost"),
            ("damascus",),
            curated=("ghost added",),
            sources=(_sentence_span("a2", A2, T1), _sentence_span("a1", A1, S3)),
        ),
    )
    figures = (
        Figure(
            "f1",
            FigureMention(_span("a1", A1, "no"), 0.0, 0.0, 0.0, "", "", "answers"),
            "",
            _sentence_span("a1", A1, S2),
            ("syria",),
            ("syria",),
        ),
    )
    return Briefing(
        articles=(a1, a2, a3),
        actors=actors,
        places=places,
        events=events,
        figures=figures,
        timexes=(monday, recently),
        analyses=(
            Analysis(a1, (S1, S2, S3), (), (), (monday,), ()),
            Analysis(a2, (T1,), (), (), (recently,), ()),
        ),
    )


DESCRIPTIONS = {"alice": "Alice is an envoy."}
