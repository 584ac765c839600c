"""Quotations and their speakers (`generator.extract.quotes`), on one or two sentences each."""

from __future__ import annotations

import pytest

from generator.extract.quotes import find_quotes
from generator.model import Mention
from tests.records import article, mention

PERSON, ORG, STATE, PLACE = "person", "organisation", "state", "place"


def quotes(nlp, text: str, *names: tuple[str, str]) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(quoted words, speaker name, the speaker mention's text) of each quotation in `text`.

    `names` are the mentions extraction found, (text, kind) in body order; a repeated text
    is its next occurrence.
    """
    art = article(text)
    seen: dict[str, int] = {}
    found: list[Mention] = []
    for name, kind in names:
        found.append(mention(art, name, kind, occurrence=seen.get(name, 0)))
        seen[name] = seen.get(name, 0) + 1
    result = find_quotes(nlp(text), art, tuple(sorted(found, key=lambda m: m.span.start)))
    assert all(text[q.span.start : q.span.end] == q.span.text for q in result)
    return [
        (q.span.text, q.speaker, text[q.speaker_start :].split(" ")[0].strip(",.") if q.speaker else "")
        for q in result
    ]


CASES = [
    ("“We will win,” Assad said.", [("Assad", PERSON)], [("We will win,", "Assad", "Assad")]),
    ("Assad said: “We will win.”", [("Assad", PERSON)], [("We will win.", "Assad", "Assad")]),
    ("“We will win,” said Assad.", [("Assad", PERSON)], [("We will win,", "Assad", "Assad")]),
    ('"We will win," Assad said.', [("Assad", PERSON)], [("We will win,", "Assad", "Assad")]),
    (
        "According to Lavrov, “the talks failed.”",
        [("Lavrov", PERSON)],
        [("the talks failed.", "Lavrov", "Lavrov")],
    ),
    # a pronoun is the nearest earlier actor of a fitting kind
    (
        "Assad spoke in Damascus. “We will win,” he said.",
        [("Assad", PERSON), ("Damascus", PLACE)],
        [("We will win,", "Assad", "Assad")],
    ),
    (
        "The Syrian army advanced. “We will press on,” it said.",
        [("Syrian army", ORG)],
        [("We will press on,", "Syrian army", "Syrian")],
    ),
    (
        "Erdogan warned Russia. “Withdraw your troops,” he told Moscow.",
        [("Erdogan", PERSON), ("Russia", STATE), ("Moscow", PLACE)],
        [("Withdraw your troops,", "Erdogan", "Erdogan")],
    ),
    # the subject a sentence back, not a name the sentence speaks of
    (
        "Richard Doherty attributes Steve Jobs' success to patience. He states “A lot could have shipped "
        "earlier, but he wanted it better.”",
        [("Richard Doherty", PERSON), ("Steve Jobs", PERSON)],
        [("A lot could have shipped earlier, but he wanted it better.", "Richard Doherty", "Richard")],
    ),
    # a misattribution is worse than none
    ("The Syrian army advanced. “We press on,” he said.", [("Syrian army", ORG)], [("We press on,", "", "")]),
    ("“It is over,” she said.", [], [("It is over,", "", "")]),
    # words in quotation marks that are no clause are no quotation: scare quotes, names, titles
    ("Jobs called the launch “exciting”.", [("Jobs", PERSON)], []),
    ("Apple calls it “Lion”, Jobs said.", [("Apple", ORG), ("Jobs", PERSON)], []),
    ("Jobs said the case was a “bumper,” and left.", [("Jobs", PERSON)], []),
    ("Jobs said it had “been compiled for Intel processors” for years.", [("Jobs", PERSON)], []),
    ("“It is calm,” Aleppo said.", [("Aleppo", PLACE)], [("It is calm,", "", "")]),
    ("The sign in Aleppo read “Welcome home”.", [("Aleppo", PLACE)], [("Welcome home", "", "")]),
    # a speech verb inside the quotation marks is not the attribution
    (
        "“Assad said nothing,” Lavrov told reporters.",
        [("Assad", PERSON), ("Lavrov", PERSON)],
        [("Assad said nothing,", "Lavrov", "Lavrov")],
    ),
    # a quotation without a verb of its own continues the previous one, in the same paragraph only
    (
        "“We will win,” Assad said. “The war is over.”",
        [("Assad", PERSON)],
        [("We will win,", "Assad", "Assad"), ("The war is over.", "Assad", "Assad")],
    ),
    (
        "“We will win,” Assad said.\n“The war is over.”",
        [("Assad", PERSON)],
        [("We will win,", "Assad", "Assad"), ("The war is over.", "", "")],
    ),
    (
        "Lavrov met Assad. “We agreed,” Lavrov said, “on everything.”",
        [("Lavrov", PERSON), ("Assad", PERSON), ("Lavrov", PERSON)],
        [("We agreed,", "Lavrov", "Lavrov"), ("on everything.", "Lavrov", "Lavrov")],
    ),
    ("No quotation here, Assad said.", [("Assad", PERSON)], []),
    ("An unclosed “quotation, Assad said.", [("Assad", PERSON)], []),
    ("A quotation “across\nlines” is none.", [], []),
]


@pytest.mark.parametrize(("text", "names", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_quotes_and_speakers(  # type: ignore[no-untyped-def]
    nlp, text: str, names: list[tuple[str, str]], expected: list[tuple[str, str, str]]
) -> None:
    assert quotes(nlp, text, *names) == expected


def test_the_speaker_is_the_mention_the_attribution_rests_on(nlp) -> None:  # type: ignore[no-untyped-def]
    """With two mentions of one name, the quote points at the one by its verb."""
    text = "Lavrov met Assad. “We agreed,” Lavrov said."
    art = article(text)
    found = (mention(art, "Lavrov"), mention(art, "Assad"), mention(art, "Lavrov", occurrence=1))
    (quote,) = find_quotes(nlp(text), art, found)
    assert (quote.speaker, quote.speaker_start) == ("Lavrov", found[2].span.start)
