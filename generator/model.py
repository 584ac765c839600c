"""The records that flow through the pipeline.

Every record is a frozen, slotted dataclass and says where it came from: the
article id and a character span into that article's body (see README, "Data
contract"). Records never cache derived state; stages build new records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ACTOR_KINDS = ("person", "organisation", "state", "group")
"""Kinds of actor, in the order the actors index lists them."""

PLACE_KINDS = ("country", "region", "city", "site", "route", "place")
"""Kinds of place; "place" means the gazetteers could not say."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One block of an article body, separated from the next by a newline."""

    index: int
    """Position of the paragraph in the article, from 0; anchors are `p{index}`."""
    start: int
    """Offset of the first character in the body."""
    end: int
    """Offset one past the last character (the newline is excluded)."""
    heading: bool
    """True for a section subheading ("Displaced"), which holds no sentences."""


@dataclass(frozen=True, slots=True)
class Article:
    """One input file with its metadata and body."""

    id: str
    """Stable slug, unique in the corpus; the article page is `articles/{id}.md`."""
    path: str
    """File name relative to the seeds folder, for messages."""
    title: str
    """Headline from front matter or overrides, else the file stem."""
    date: dt.date | None
    """Publication date, the anchor for relative dates; None when unknown."""
    source: str
    """Publisher, e.g. "Reuters"; empty when unknown."""
    url: str
    """Original address; empty when unknown."""
    body: str
    """Text after the front matter, `\\n` newlines; all offsets point here."""
    paragraphs: tuple[Paragraph, ...]
    """The body split into paragraphs and headings, in order."""
    line: int = 1
    """Line of the file on which the body starts (after the front matter), for `file:line` messages."""

    def paragraph_at(self, offset: int) -> Paragraph:
        """Return the paragraph holding the character at `offset`."""
        for para in self.paragraphs:
            if para.start <= offset < max(para.end, para.start + 1):
                return para
        return self.paragraphs[-1]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one article's body."""

    article: str
    """Id of the article."""
    start: int
    """Offset of the first character."""
    end: int
    """Offset one past the last character."""
    text: str
    """The body text between `start` and `end`."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text that refers to an actor or a place."""

    span: Span
    """Where the name stands."""
    name: str
    """The normalised name: determiners, possessives and titles stripped."""
    kind: str
    """An actor kind (ACTOR_KINDS) or "place"."""
    label: str
    """The NER label or rule that found it, e.g. "PERSON" or "rule:newspaper"."""
    sentence: tuple[int, int]
    """Span of the sentence the mention is in."""
    role: str = ""
    """A title or role stated beside the name ("Russian foreign minister")."""
    place_kind: str = ""
    """For a place, the gazetteer kind when the name is known."""


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation and who said it."""

    span: Span
    """The quoted words, without the quotation marks."""
    speaker: str
    """Normalised name of the speaker mention; resolved to an actor id later."""
    speaker_start: int
    """Offset of the speaker mention (or pronoun) that the attribution rests on."""


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression normalised after TIMEX3."""

    span: Span
    """The words, e.g. "the end of the month"."""
    type: str
    """DATE, TIME, DURATION or SET."""
    value: str
    """TIMEX3 value: "2020-02-17", "2020-W08", "P4D", "PRESENT_REF", "XXXX-XX-XX"."""
    mod: str = ""
    """TIMEX3 mod: START, MID, END, APPROX, or empty."""
    begin: dt.date | None = None
    """First day the expression can denote, when it is anchored on the calendar."""
    end: dt.date | None = None
    """Last day the expression can denote, when it is anchored on the calendar."""
    precision: str = ""
    """day, week, month, quarter, year, decade, range, or empty when undated."""
    explanation: str = ""
    """How the value was worked out, for readers ("the article's date")."""
    clause: tuple[int, int] | None = None
    """Span of the clause the expression dates (its governing verb's subtree), None when not worked out."""


@dataclass(frozen=True, slots=True)
class FigureMention:
    """A number found in the text and what it is about."""

    span: Span
    """The number with its qualifier and unit, e.g. "more than 875,000"."""
    value: float | None
    """The value when the text gives one number; None for a range or vague word."""
    low: float | None
    """Lower bound ("dozens" → 24); equals value when exact."""
    high: float | None
    """Upper bound; None when open ("more than")."""
    unit: str
    """Normalised unit ("km", "USD", "%"), empty for a plain count."""
    qualifier: str
    """"more than", "about", "at least", "nearly", "up to", or empty."""
    counts: str
    """What is counted, the noun with its verb ("Syrians fled")."""


@dataclass(frozen=True, slots=True)
class Fault:
    """An unexpected error in one step of the analysis, isolated: what was lost, where and why.

    A fault is a warning, never a crash: the article is published without what
    the failed step would have found. It is kept in the Analysis, so a warm
    build (from the cache) reports it again.
    """

    span: Span
    """The words the step was reading when it failed (a candidate phrase, a sentence or the body)."""
    action: str
    """What could not be done, as the warning says it: "date", "read the number", "find the names in"."""
    lost: str
    """What the reader gets instead: "the sentence is published undated"."""
    error: str
    """The exception's class, e.g. "KeyError"."""
    trace: str = ""
    """The formatted traceback, shown with `--debug`."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """What extraction found in one article, before cross-article resolution."""

    article: Article
    """The article analysed."""
    sentences: tuple[tuple[int, int], ...]
    """Sentence spans in body order (headings excluded)."""
    mentions: tuple[Mention, ...]
    """Actor and place mentions in body order."""
    quotes: tuple[Quote, ...]
    """Quotations in body order."""
    timexes: tuple[Timex, ...]
    """Temporal expressions in body order."""
    figures: tuple[FigureMention, ...]
    """Numbers in body order."""
    figure_dates: tuple[int, ...] = ()
    """For each figure, the index in `timexes` of the date its clause gives, or -1."""
    faults: tuple[Fault, ...] = ()
    """Steps of the analysis that failed on some words and were skipped (warnings)."""


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation, state or armed group, across the corpus."""

    id: str
    """Slug; the page is `actors/{id}.md`."""
    name: str
    """Canonical name."""
    kind: str
    """One of ACTOR_KINDS."""
    aliases: tuple[str, ...]
    """Other names it goes by, sorted."""
    roles: tuple[str, ...]
    """Titles and roles, sorted."""
    mentions: tuple[Mention, ...]
    """Every mention, sorted by article and offset."""
    quotes: tuple[Quote, ...] = ()
    """Quotations attributed to it."""
    place: str = ""
    """For a state, the id of its place page."""
    notes: tuple[str, ...] = ()
    """Warnings for the curator, e.g. a surname shared with another person."""
    curated: tuple[str, ...] = ()
    """Curation trail: what each applied override changed, and the curator's reason."""


@dataclass(frozen=True, slots=True)
class Place:
    """A location, across the corpus."""

    id: str
    """Slug; the page is `places/{id}.md`."""
    name: str
    """Canonical name."""
    kind: str
    """One of PLACE_KINDS."""
    lat: float | None
    """Latitude from a gazetteer or override, None when unknown."""
    lon: float | None
    """Longitude, None when unknown."""
    aliases: tuple[str, ...]
    """Other names, sorted."""
    mentions: tuple[Mention, ...]
    """Every mention, sorted by article and offset."""
    curated: tuple[str, ...] = ()
    """Curation trail: what each applied override changed, and the curator's reason."""


@dataclass(frozen=True, slots=True)
class Event:
    """Something the text dates: the clause a dated expression governs, in its sentence."""

    id: str
    """Slug, unique; the timeline anchors it."""
    timex: Timex
    """The dated expression that anchors the event."""
    sentence: Span
    """The sentence that reports the event."""
    actors: tuple[str, ...]
    """Ids of actors mentioned in the clause (the sentence when the clause names none), sorted."""
    places: tuple[str, ...]
    """Ids of places mentioned in the clause (the sentence when the clause names none), sorted."""
    curated: tuple[str, ...] = ()
    """Curation trail: what each applied override changed, and the curator's reason."""
    clause: Span | None = None
    """The clause the date governs, inside `sentence`; None when it is the whole sentence."""
    sources: tuple[Span, ...] = ()
    """When several articles report the event: every report's sentence, this one first; else empty."""
    disagreement: str = ""
    """What the sources disagree on (the date, or a number) for what looks like the same event; else empty."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with its context, ready for the figures table."""

    id: str
    """Slug, unique."""
    mention: FigureMention
    """The number as found."""
    date: str
    """TIMEX3 value of a date in the same sentence, or empty."""
    sentence: Span
    """The sentence the number is in."""
    actors: tuple[str, ...]
    """Ids of actors in the sentence, sorted."""
    places: tuple[str, ...]
    """Ids of places in the sentence, sorted."""
    curated: tuple[str, ...] = ()
    """Curation trail: what each applied override changed, and the curator's reason."""


@dataclass(frozen=True, slots=True)
class Briefing:
    """The whole resolved corpus: what the renderer draws."""

    articles: tuple[Article, ...]
    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    events: tuple[Event, ...]
    figures: tuple[Figure, ...]
    timexes: tuple[Timex, ...]
    analyses: tuple[Analysis, ...] = field(default=(), repr=False)
