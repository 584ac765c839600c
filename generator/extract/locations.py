"""Places the tagger cuts short or misses: regions, roads, crossings and airports (stage 3: extract).

"Aleppo's northwestern countryside" and "Idlib province" are regions, not the
city's pin: a place name followed by a region noun is widened to cover it and
looked up as such ("Aleppo countryside" is the curated Aleppo Governorate); a
region the gazetteers do not know keeps its own name and no coordinates.
"Aleppo international airport" and "the Bab al-Hawa crossing" are sites. Road
numbers followed by a road noun ("the M5 highway") are routes, whether or not
the gazetteer can place them. The rules read the text after a name, so they
also apply to names found later by propagation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from generator.extract import gazetteer
from generator.model import Article, Mention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

_DIRECTION = (
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|central|rural|northern|southern|"
    r"eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|far \w+ern)"
)
_REGION = re.compile(
    r"(?:['’]s?)?(?:\s+"
    + _DIRECTION
    + r")?\s+(countryside|province|governorate|region|district|oblast|prefecture)\b",
    re.I,
)
"""A region noun after a place name: "’s northwestern countryside", " province"."""

_SITE = re.compile(
    r"(?:['’]s?)?((?:\s+international)?\s+(?:airport|air\s?base|border crossing|crossing|checkpoint|dam))\b",
    re.I,
)
"""A site noun after a place name: " international airport", " crossing"."""

_ROUTE_NOUNS = r"(?:highway|motorway|expressway|freeway|ring road|road|interstate|autobahn)"
_ROAD = re.compile(r"\b(?:[A-Z]{1,2}-?\d{1,3}[A-Z]?|\d{1,3}-?[A-Z])\s+" + _ROUTE_NOUNS + r"\b")
"""A numbered road: "M5 highway", "A1 motorway", "N-2 road"."""

_BETWEEN = re.compile(
    r"\b([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)-([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)\s+" + _ROUTE_NOUNS + r"\b"
)
"""A road named by the places it joins: "Damascus-Aleppo highway"."""

DATELINE = re.compile(r"^([A-Z][A-Za-z .'-]{1,40}?)(?:,[^()\n]{0,40})?\s*\([A-Za-z .&]{2,30}\)\s*[-–—]")
"""A dateline: "BEIRUT (Reuters) -", "Moscow, Feb 17 (AFP) –"; group 1 is the place."""

_SUFFIX_KIND = {"airport": "site", "crossing": "site", "checkpoint": "site", "dam": "site", "base": "site"}


def widen(mention: Mention, body: str) -> Mention:
    """The place mention widened over a region or site noun that follows it, else unchanged."""
    if mention.kind != "place":
        return mention
    after = body[mention.span.end : mention.span.end + 40]
    region = _REGION.match(after)
    site = None if region else _SITE.match(after)
    match = region or site
    if match is None:
        return mention
    noun = " ".join(match.group(1).lower().split())
    kind = "region" if region else _SUFFIX_KIND.get(noun.split()[-1], "site")
    # "Suvarnabhumi airport" after "Suvarnabhumi Airport": the name already says what it is
    named = mention.name if mention.name.lower().endswith(noun.split()[-1]) else f"{mention.name} {noun}"
    entry = gazetteer.lookup_place(named)
    if entry is not None and entry.kind != kind:
        entry = None  # "Homs countryside" is not the city of Homs
    end = mention.span.end + match.end()
    span = Span(mention.span.article, mention.span.start, end, body[mention.span.start : end])
    name = entry.name if entry else named
    return replace(mention, span=span, name=name, place_kind=entry.kind if entry else kind)


def road_mentions(doc: Doc, article: Article) -> Iterator[Mention]:
    """Numbered roads, and roads named by the two places they join, as route mentions."""
    body = article.body
    found = [m.span() for m in _ROAD.finditer(body)]
    for m in _BETWEEN.finditer(body):
        if gazetteer.lookup_place(m.group(1)) and gazetteer.lookup_place(m.group(2)):
            found.append(m.span())
    for start, end in sorted(set(found)):
        words = doc.char_span(start, end, alignment_mode="expand")
        if words is None:
            continue
        text = body[start:end]
        entry = gazetteer.lookup_place(text)
        sent = words.sent
        yield Mention(
            span=Span(article.id, start, end, text),
            name=entry.name if entry else text,
            kind="place",
            label="rule:route",
            sentence=(sent.start_char, sent.end_char),
            place_kind=entry.kind if entry else "route",
        )


def dateline_mentions(doc: Doc, article: Article) -> Iterator[Mention]:
    """The place a dateline names ("BEIRUT (Reuters) -"), when the gazetteers know it."""
    match = DATELINE.match(article.body)
    if match is None:
        return
    text = match.group(1).strip()
    entry = gazetteer.lookup_place(text.title() if text.isupper() else text)
    words = doc.char_span(0, len(text), alignment_mode="expand")
    if entry is None or words is None:
        return
    sent = words.sent
    yield Mention(
        span=Span(article.id, 0, len(text), text),
        name=entry.name,
        kind="place",
        label="rule:dateline",
        sentence=(sent.start_char, sent.end_char),
        place_kind=entry.kind,
    )
