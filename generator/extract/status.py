"""Tell what an event's clause says of it: done, under way, or still to come (and how).

Read from the parse around the event's verb and from its date against the article's:
- still to come when the verb is future or modal ("will", "would", "could"), sits under a
  verb of intention, expectation, threat or scheduling ("plans to", "expected to",
  "vowed to", "scheduled for"), or its date starts after the article's;
  then `deadline` ("by", "before", "until" the date), `threatened`, `forecast`,
  `scheduled` or `announced`, in that order of cue;
- else `ongoing` for a present or progressive verb, `reported` when a speech verb
  ("said", "according to") carries it, and `happened` otherwise.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from generator.model import Timex

if TYPE_CHECKING:
    from spacy.tokens import Token

SPEECH = frozenset(
    {"say", "tell", "state", "report", "claim", "add", "note", "write", "declare", "confirm", "reveal",
     "insist", "explain", "argue", "comment", "announce", "acknowledge", "allege", "suggest", "indicate",
     "disclose", "deny", "admit", "assert", "maintain", "repeat", "reiterate", "stress", "tweet", "quote"}
)  # fmt: skip
"""Verbs of speech: what they govern is reported, and the speaker is the source."""

THREAT = frozenset({"threaten", "vow", "warn", "pledge", "swear", "promise", "ultimatum", "threat"})
"""Verbs and nouns of threat or pledge."""

FORECAST = frozenset(
    {"expect", "forecast", "predict", "project", "estimate", "anticipate", "likely", "unlikely", "hope",
     "could", "may", "might", "projection", "outlook", "believe", "think", "fear"}
)  # fmt: skip
"""Words of expectation: what they govern may or may not come."""

SCHEDULE = frozenset({"schedule", "due", "set", "slate", "timetable", "calendar", "book"})
"""Words of a fixed date ("scheduled for", "due to", "set to")."""

INTENT = frozenset(
    {"plan", "intend", "want", "seek", "agree", "decide", "prepare", "propose", "offer", "ready", "announce",
     "consider", "will", "shall", "'ll", "wo", "would", "going", "mean", "try", "aim", "push"}
)  # fmt: skip
"""Words of intention or announced plan."""

DEADLINE = frozenset({"by", "before", "until", "till", "deadline", "ultimatum", "within"})
"""Words that make a future date a limit."""

FUTURE_AUX = frozenset(
    {"will", "shall", "'ll", "wo", "would", "'d", "could", "may", "might", "should", "must"}
)
"""Auxiliaries that put a verb after the moment of speaking."""

HEARSAY = frozenset({"according", "reportedly", "allegedly", "purportedly", "apparently"})
"""Words that attribute a fact to a source without a speech verb."""

ONGOING_VERBS = frozenset({"continue", "remain", "keep", "persist", "stay", "last"})
"""Verbs that say a state or activity goes on."""


def status_of(
    verb: Token, timex: Timex, timex_tokens: list[Token], dct: dt.date | None, said: bool = False
) -> str:
    """The status of the event headed by `verb` (or by a noun, for a nominal event) and dated by `timex`.

    `said` means the date is the speech verb's ("said on Friday it will give …"): a past date then
    says when it was said, not that what was said is past.
    """
    chain = _governors(verb)
    cues = {_word(t) for t in chain} | {_word(a) for t in chain for a in _auxes(t)}
    after = dct is not None and timex.begin is not None and timex.begin > dct
    before = not said and dct is not None and timex.end is not None and timex.end < dct
    future = after or (not before and (bool(cues & FUTURE_AUX) or _future_cue(chain)))
    if future and not before:
        limit = {_word(t) for t in timex_tokens} | {_word(t.head) for t in timex_tokens}
        if limit & DEADLINE:
            return "deadline"
        if cues & THREAT:
            return "threatened"
        if cues & FORECAST:
            return "forecast"
        if cues & SCHEDULE or (after and timex.precision == "day" and not cues & INTENT):
            return "scheduled"
        return "announced" if cues & (INTENT | SPEECH) else "forecast"
    if verb.pos_ not in ("VERB", "AUX"):
        return "ongoing" if dct is not None and timex.end is not None and timex.end >= dct else "happened"
    if _ongoing(verb, timex, dct):
        return "ongoing"
    if any(_word(t) in SPEECH for t in chain[1:]) or _hearsay(verb):
        return "reported"
    return "happened"


def _word(tok: Token) -> str:
    """A token's lemma, lower case, or its text when the lemmatizer gave none."""
    return (tok.lemma_ or tok.text).lower()


def _auxes(tok: Token) -> list[Token]:
    """A verb's auxiliaries and modals."""
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass")]


def _governors(verb: Token) -> list[Token]:
    """The verb and the verbs and adjectives above it up to its sentence's root, through complements."""
    chain = [verb]
    node = verb
    for _ in range(8):
        if node.dep_ not in (
            "xcomp",
            "ccomp",
            "acl",
            "relcl",
            "advcl",
            "conj",
            "pcomp",
            "pobj",
            "prep",
            "acomp",
        ):
            break
        if node.head.i == node.i:
            break
        node = node.head
        if node.dep_ == "ROOT" or node.pos_ in ("VERB", "AUX", "ADJ") or _word(node) in THREAT | SCHEDULE:
            chain.append(node)
        if node.dep_ == "ROOT":
            break
    return chain


def _future_cue(chain: list[Token]) -> bool:
    """Tell whether the verb sits under an intention, expectation, threat or schedule ("plans to")."""
    verb = chain[0]
    words = {_word(t) for t in chain[1:]} | {_word(verb)}
    if verb.dep_ in ("xcomp", "acl") and words & (INTENT | FORECAST | THREAT | SCHEDULE):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and _word(verb) in SCHEDULE


def _ongoing(verb: Token, timex: Timex, dct: dt.date | None) -> bool:
    """A progressive or present verb, or a perfect since a date, over a stretch reaching the article date."""
    auxes = _auxes(verb)
    reaches = dct is not None and timex.end is not None and timex.end >= dct and timex.begin != timex.end
    if _word(verb) in ONGOING_VERBS and verb.tag_ in ("VBZ", "VBP", "VBG"):
        return True
    if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") or a.lower_ == "been" for a in auxes):
        return True
    if verb.tag_ in ("VBZ", "VBP") and not auxes and reaches:
        return True
    perfect = any(a.lower_ in ("has", "have") for a in auxes) and not any(a.lower_ == "been" for a in auxes)
    return reaches and perfect and timex.span.text.lower().startswith("since")


def _hearsay(verb: Token) -> bool:
    """Tell whether the sentence attributes the clause without a speech verb ("according to staff")."""
    return any(_word(t) in HEARSAY for t in verb.sent)
