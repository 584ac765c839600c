"""What each dated clause says happened: its trigger word, a headline and a status (stage 3: extract).

The tagger gives each temporal expression; here the parse says what it dates. A date that
modifies a noun ("the nine-year war", "a 2018 agreement") dates that noun. Otherwise it
dates the verb that governs it, lifted out of a condition ("… if they do not withdraw by
the end of the month" dates the threat) and, for a speech verb, into what was said: the
happening is "875,000 Syrians have fled", not "the UN said". The headline drops the
attribution and, when the clause's subject is a pronoun, names the speaker instead.
Computed per article while the parse is at hand, so the cache keeps it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from generator.extract import headline as hl
from generator.extract.status import SCHEDULE, SPEECH, status_of
from generator.model import Happening, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NOUN_MODIFIERS = frozenset({"compound", "amod", "nummod", "poss", "npadvmod"})
"""How a date attaches to the noun it dates ("nine-year war", "2018 agreement", "Monday's talks")."""

CONDITIONS = frozenset({"if", "unless", "until", "once", "when", "after", "before"})
"""Subordinators of a condition: a date inside it dates the main clause's happening."""

ANNOUNCE = frozenset({"announce", "unveil", "reveal", "confirm", "disclose", "report"})
"""Speech verbs whose object can be what was said ("announced the reopening of the airport")."""

STAND_INS = frozenset({"it", "they", "he", "she"})
"""Subject pronouns that stand for the speaker in reported speech ("the army said it had taken …")."""

TIME_NOUNS = frozenset(
    {"year", "month", "week", "day", "time", "period", "quarter", "decade", "season", "date"}
)
"""Nouns a date can modify that are no happening themselves."""


def find_happenings(
    doc: Doc, timexes: tuple[Timex, ...], dct: dt.date | None
) -> tuple[Happening | None, ...]:
    """For each expression on the calendar, what its clause says happened; None for the others."""
    return tuple(_happening(doc, t, dct) if t.begin is not None else None for t in timexes)


def _happening(doc: Doc, timex: Timex, dct: dt.date | None) -> Happening | None:
    """The happening one dated expression dates, or None when the parse gives no verb or noun for it."""
    span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    if span is None:
        return None
    words = list(span)
    skip = hl.skipped(words)
    noun = _dated_noun(span)
    if noun is not None:
        text = hl.noun_headline(noun, frozenset())
        return Happening(_where(noun), _lemma(noun), (), text, status_of(noun, timex, words, dct), noun=True)
    verb = _verb(span.root)
    if verb is None:
        return None
    verb = _out_of_condition(verb)
    reported = None
    content = verb
    said = _said(verb)
    if said is not None:
        reported = (said.left_edge.idx, _end(said.right_edge))
        if said.head.i == verb.i and said.dep_ == "ccomp":
            content = said
    text = _headline(content, skip)
    status = status_of(content, timex, words, dct, said=content.i != verb.i)
    return Happening(
        _where(content), _lemma(content), _objects(content), text, status, reported, subject=_subject(content)
    )


def _said(verb: Token) -> Token | None:
    """What a speech verb says: its clause complement, or the object of an announcement ("announced the
    reopening … with the first flight scheduled for Wednesday"); for another verb, what a participle of
    speech beside it says ("he appeared to move the date, saying Turkey would …")."""
    lemma = _lemma(verb)
    for child in verb.children:
        if lemma in SPEECH and child.dep_ == "ccomp":
            return child
        if lemma in ANNOUNCE and child.dep_ == "dobj":
            return child
    for child in verb.children:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and _lemma(child) in SPEECH:
            return next((c for c in child.children if c.dep_ == "ccomp"), None)
    return None


def _headline(verb: Token, skip: frozenset[int]) -> str:
    """The clause's headline, from the top of its verb chain ("plans to launch"), attribution dropped."""
    top = verb
    while top.dep_ in ("xcomp",) and top.head.pos_ in ("VERB", "AUX"):
        top = top.head
    if top.dep_ in ("acl", "relcl") and top.head.pos_ in ("NOUN", "PROPN", "PRON"):
        date = (
            skip
            if _lemma(top) in SCHEDULE and top.i in {t.head.i for t in top.doc if t.i in skip}
            else frozenset()
        )
        return hl.modified_headline(top, skip, SPEECH, _modified(top), date)  # "… scheduled for Wednesday"
    text = hl.headline(top, skip, SPEECH)
    subject = next((c for c in top.children if c.dep_ in hl.SUBJECTS), None)
    if top.dep_ != "ccomp" or _lemma(top.head) not in SPEECH or subject is None:
        return text
    if (
        subject.lower_ in STAND_INS
        and subject.i == subject.left_edge.i
        and text.startswith(subject.text[:1].upper())
    ):
        return hl.as_speaker(_speaker(top.head), subject, text)
    if any(t.tag_ in ("PRP", "PRP$") for t in subject.subtree):
        return hl.with_speaker(_speaker(top.head), text)
    return text


def _speaker(verb: Token) -> str:
    """The short name of who said something, from the speech verb's subject."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return hl.speaker_name(subject) if subject is not None else ""


def _modified(verb: Token) -> Token:
    """The noun a modifying clause describes; past a proper noun in an aside, the common noun before it."""
    noun = verb.head
    if noun.pos_ != "PROPN" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return noun
    for i in range(verb.i - 1, max(verb.sent.start, verb.i - 12) - 1, -1):
        tok = verb.doc[i]
        if tok.tag_ in ("NN", "NNS"):
            return tok
    return noun


def _dated_noun(span: Span) -> Token | None:
    """The noun a date modifies directly ("the nine-year war"), or None when it dates a clause."""
    root = span.root
    head = root.head
    if root.dep_ not in NOUN_MODIFIERS or head.i == root.i or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if head.i in range(span.start, span.end) or _lemma(head) in TIME_NOUNS:
        return None
    if head.ent_type_ and head.ent_type_ not in ("EVENT", "FAC", "LAW", "PRODUCT", "WORK_OF_ART"):
        return None  # "Steve Jobs" in "1955 Steve Jobs", "January" in "next year January": no happening
    return head


def _verb(tok: Token) -> Token | None:
    """The verb whose clause holds a token: the first verb up the tree, or None."""
    node = tok
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _out_of_condition(verb: Token) -> Token:
    """A verb in a condition ("if they do not withdraw by …") gives way to the verb it conditions."""
    node = verb
    for _ in range(3):
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if node.dep_ == "advcl" and marks & CONDITIONS and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
        else:
            break
    return node


def _objects(verb: Token) -> tuple[str, ...]:
    """Lemmas of what the verb acts on: its object, or its subject when passive."""
    return tuple(sorted({_lemma(c) for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")}))


def _subject(verb: Token) -> str:
    """Lemma of the verb's subject head (or the one a coordinated verb shares); empty for a pronoun."""
    node = verb
    for _ in range(3):
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.tag_ in ("WDT", "WP") and node.dep_ == "relcl":
            return _lemma(node.head)  # "the market, which grew": the market grew
        if subject is not None:
            return "" if subject.pos_ == "PRON" else _lemma(subject)
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return ""
        node = node.head
    return ""


def _lemma(tok: Token) -> str:
    """A token's lemma, lower case, or its text when the lemmatizer gave none."""
    return (tok.lemma_ or tok.text).lower()


def _where(tok: Token) -> tuple[int, int]:
    """A token's character span."""
    return tok.idx, _end(tok)


def _end(tok: Token) -> int:
    """Offset one past a token's last character."""
    return tok.idx + len(tok.text)
