"""Correct names whose span swallowed a neighbour, with evidence from the whole corpus (stage 3b).

The tagger reads a capital after an abbreviation's period as part of the name:
"the U.S. Semiconductor firms" gives "U.S. Semiconductor", "in the U.S. Jobs also
noted" gives "U.S. Jobs". When the corpus never capitalises the following words
inside a sentence, or writes them mostly in lowercase, the name is the state
alone; when they are the surname of a person named in the same article, they are
that person. A name never swallows an institution's word ("U.S. Navy", "U.S.
Senate Finance Committee"). Two states joined by a hyphen or slash ("U.S.-Japan",
"U.S./Japan") are two state mentions; a place and another name around a spaced
dash ("San Jose - Cisco") is the place; a nationality adjective the tagger read as
an organisation or a place ("Kuwaiti") names its state; an organisation's span
that ends with a person's full name ("Defence Caspar Weinberger") is the person;
a flight ("Adam Air Flight 574") names the airline that runs it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace

from generator.extract import gazetteer, lexicon
from generator.model import Analysis, Mention, Span
from generator.resolve.casing import Casing, casing

_PAIR = re.compile(r"^(?P<a>[^\s/-]+(?:\s[^\s/-]+)?)\s*[-/–]\s*(?P<b>[^\s/-]+(?:\s[^\s/-]+)?)$")
"""Two names joined by a hyphen, slash or dash: "U.S.-Japan", "U.S./Japan", "Iran-Iraq"."""
_RETYPED = {"organisation", "place"}
_FLIGHT = re.compile(r"^(?P<operator>.+?)\s+Flight\s+\d+[A-Z]?$")
"""A flight named after the airline that runs it: "Adam Air Flight 574", "Garuda Indonesia Flight 200"."""
_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
_WORD_AFTER = re.compile(r"[\s,]*([a-z]+)")
_PEOPLE = re.compile(
    r"^(official|spokes(?:wo)?man|spokesperson|source|negotiator|diplomat|analyst|executive)s?$"
)
"""Lowercase nouns for people after a name that says whose they are: "U.S. Trade officials"."""
"""Kinds a demonym or a two-state pair is wrongly given."""


def respan(analyses: Sequence[Analysis]) -> list[Analysis]:
    """The analyses with names that swallowed a neighbour cut back or split."""
    words = casing(a.article.body for a in analyses)
    people = _people(analyses)
    full_names: dict[str, set[str]] = defaultdict(set)
    for names in people.values():
        for surname, name in names.items():
            full_names[surname].add(name)
    result = []
    for analysis in analyses:
        surnames = people.get(analysis.article.id, {})
        body = analysis.article.body
        mentions = tuple(
            m2 for m in analysis.mentions for m2 in _corrected(m, body, words, surnames, full_names)
        )
        if mentions != analysis.mentions:
            analysis = replace(analysis, mentions=tuple(sorted(mentions, key=lambda m: m.span.start)))
        result.append(analysis)
    return result


def _people(analyses: Sequence[Analysis]) -> dict[str, dict[str, str]]:
    """Article id → surname → a full name (two words or more) the tagger read as a person there."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for analysis in analyses:
        for m in analysis.mentions:
            words = m.name.split()
            if m.kind == "person" and len(words) > 1 and not m.unlisted:
                found[analysis.article.id].setdefault(words[-1], m.name)
    return found


def _corrected(
    m: Mention, body: str, words: Casing, surnames: dict[str, str], full_names: dict[str, set[str]]
) -> Iterator[Mention]:
    """The mention as it is, or what it should have been.

    `surnames` are the people named in the mention's article, by surname; `full_names` every
    person's full name in the corpus, by surname.
    """
    person = _ends_with_person(m, full_names)
    if person:
        yield replace(_part(m, person, person, "person", "→person"), unlisted="")
        return
    flight = _FLIGHT.match(m.name) if m.kind != "person" else None
    if flight:
        # "Adam Air Flight 574": the flight is not an actor; the airline that runs it is
        operator = flight.group("operator")
        yield replace(_part(m, operator, operator, "organisation", "→organisation"), unlisted="")
        return
    if m.unlisted or m.kind in {"group"} or m.label.startswith("rule:"):
        yield m
        return
    pair = _two_states(m)
    if pair:
        yield from pair
        return
    place = _place_before_a_dash(m)
    if place:
        yield place
        return
    country = gazetteer.country_for_demonym(m.name) if m.kind in _RETYPED and " " not in m.name else None
    if country and gazetteer.country_name(m.name) is None:
        # "Kuwaiti tankers" tagged as an organisation or a place: the adjective names the state
        yield replace(m, name=country, kind="state", label=f"{m.label}→state", place_kind="")
        return
    after = _WORD_AFTER.match(body, m.span.end)
    yield from _after_abbreviation(m, words, surnames, after.group(1) if after else "")


def _ends_with_person(m: Mention, full_names: dict[str, set[str]]) -> str:
    """The full name of a person named in the corpus that ends an organisation's span, or "".

    "Defence Caspar Weinberger", "Air Force for Acquisition Darleen Druyun", "Boeing Executive Jim
    Albaugh": the tagger ran an office or a title into the name of its holder.
    """
    if m.kind != "organisation" or " " not in m.name:
        return ""
    last = m.name.rsplit(" ", 1)[-1]
    return next((n for n in sorted(full_names.get(last, ())) if m.name.endswith(" " + n)), "")


def _place_before_a_dash(m: Mention) -> Mention | None:
    """ "San Jose - Cisco" as San Jose: a spaced dash separates two names, and only one is a place."""
    parts = _SPACED_DASH.split(m.name) if m.kind == "place" else []
    if len(parts) != 2:
        return None
    known = [p for p in parts if gazetteer.lookup_place(p) is not None]
    if len(known) != 1:
        return None
    entry = gazetteer.lookup_place(known[0])
    assert entry is not None  # found just above
    cut = _part(m, known[0], entry.name, "place", "")
    return replace(cut, place_kind=entry.kind) if cut is not m else None


def _two_states(m: Mention) -> list[Mention]:
    """ "U.S.-Japan" as the two states it names, or [] when it is not two states."""
    match = _PAIR.match(m.name)
    if not match or m.kind not in _RETYPED | {"state"}:
        return []
    a, b = match.group("a"), match.group("b")
    states = [gazetteer.country_name(a), gazetteer.country_name(b)]
    if not all(states):
        return []
    first = m.span.text.find(a)
    second = m.span.text.find(b, first + len(a))
    if first < 0 or second < 0:
        return []
    return [
        _cut(m, first, first + len(a), str(states[0]), "state", "→state"),
        _cut(m, second, second + len(b), str(states[1]), "state", "→state"),
    ]


def _after_abbreviation(m: Mention, words: Casing, surnames: dict[str, str], after: str) -> Iterator[Mention]:
    """ "U.S. Semiconductor" as "U.S.", "U.S. Jobs" as "U.S." and Jobs; other names as they are.

    `after` is the word after the name: before people ("U.S. Defence officials"), the name is
    what they belong to, and only an institution's word keeps it whole.
    """
    head, _space, rest = m.name.partition(" ")
    country = gazetteer.country_name(head) if head.endswith(".") and rest else None
    if not country or m.kind not in {"organisation", "person", "place"}:
        yield m
        return
    parts = rest.split()
    if any(_institution_word(w) for w in parts):
        yield m  # "U.S. Navy", "U.S. Senate Finance Committee", "U.S. Air Force"
        return
    if rest in surnames:
        yield _part(m, head, country, "state", "→state")
        yield _part(m, rest, rest, "person", "→person")
    elif _PEOPLE.match(after) or not any(words.name_word(w) for w in parts):
        yield _part(m, head, country, "state", "→state")
    else:
        yield m


def _institution_word(word: str) -> bool:
    """True for a word that makes a name an institution's: "Navy", "Senate", "Committee", "Air"."""
    return lexicon.is_institution(word) or lexicon.has_organisation_word(f"X {word}")


def _part(m: Mention, text: str, name: str, kind: str, how: str) -> Mention:
    """The mention cut down to the first stretch of its span that reads `text`."""
    start = m.span.text.find(text)
    if start < 0:
        return m
    return _cut(m, start, start + len(text), name, kind, how)


def _cut(m: Mention, start: int, end: int, name: str, kind: str, how: str) -> Mention:
    """The mention cut to [start, end) of its span's text, renamed and retyped."""
    span = Span(m.span.article, m.span.start + start, m.span.start + end, m.span.text[start:end])
    role = m.role if kind == "person" else ""
    return replace(m, span=span, name=name, kind=kind, label=f"{m.label}{how}", role=role, place_kind="")
