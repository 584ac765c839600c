"""The records that flow through the pipeline.

Every record is a frozen, slotted dataclass and says where it came from: the
article id and a character span into that article's body (see README, "Data
contract"). Records never cache derived state; stages build new records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from operator import attrgetter

ACTOR_KINDS = ("person", "organisation", "state", "group")
"""Kinds of actor, in the order the actors index lists them."""

PLACE_KINDS = ("country", "region", "city", "site", "route", "place")
"""Kinds of place; "place" means the gazetteers could not say."""

STATUSES = ("happened", "reported", "ongoing", "announced", "scheduled", "deadline", "threatened", "forecast")
"""What an event's clause says of it: done, said to be done, under way, or still to come (the last five)."""

UPCOMING = frozenset({"announced", "scheduled", "deadline", "threatened", "forecast"})
"""Statuses of events still to come when the article was written."""
PARTICIPANT_ROLES = ("agent", "patient", "by-agent", "recipient", "partner", "speaker", "location")
"""How a name takes part in a predicate, in the order pages list them.

agent: the subject that acts; patient: the object acted on (or a passive subject);
by-agent: the passive "by" phrase; recipient: the indirect object or "to X" of a
transfer; partner: "with X" or "against X"; speaker: the subject of the speech verb
that reports the clause; location: where it happens (in, at, near, from X; a dateline).
"""


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
    unlisted: str = ""
    """Why the name is not an actor or place ("a currency", "a product: ..."); empty when it is one."""


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
class Happening:
    """What the clause a dated expression governs says happened, read from the parse."""

    trigger: tuple[int, int]
    """Span of the word naming what happened: the clause's verb, or the noun a date modifies."""
    lemma: str
    """The trigger's lemma, lower case; events are matched on it and its synonyms."""
    objects: tuple[str, ...]
    """Lemmas of the trigger's object or passive subject heads, sorted; empty when it has none."""
    headline: str
    """"Who did what (where)" in the article's words, compressed from the clause; at most about 12 words."""
    status: str
    """One of STATUSES: from tense, modality, speech and intention verbs, and the date."""
    reported: tuple[int, int] | None = None
    """For a speech or announcement verb, the span of what was said (dated clauses in it are its content)."""
    noun: bool = False
    """True when a noun the date modifies names the happening ("the nine-year war"), not a clause."""
    subject: str = ""
    """Lemma of the trigger's subject head ("sale" in "car sales fell"); empty for a pronoun or none."""


@dataclass(frozen=True, slots=True)
class Participant:
    """A name, or a pronoun standing for one, that takes part in a predicate, read from the parse."""

    span: Span
    """The words in the argument slot: a name, or the pronoun or description ("he", "the company")."""
    role: str
    """One of PARTICIPANT_ROLES."""
    verb: Span
    """The predicate ("hit", "began"); for a dateline, the dateline itself."""
    refers: tuple[tuple[int, int], ...] = ()
    """For a pronoun or description: the names it may stand for (within two sentences), best first.

    Resolution takes the first whose actor's final kind fits the word (`extract.participants.stands_for`):
    the tagger may read a surname as an organisation, which resolution corrects.
    """


@dataclass(frozen=True, slots=True)
class Role:
    """How one actor or place takes part in an event or figure: who did what, by which verb."""

    id: str
    """Id of the actor or place."""
    role: str
    """One of PARTICIPANT_ROLES."""
    verb: str
    """The predicate as written, lower case ("hit", "began")."""
    verb_start: int
    """Offset of the predicate in the article, so that two roles of one predicate can be paired."""


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
    happenings: tuple[Happening | None, ...] = ()
    """For each timex, what its clause says happened (read from the parse), or None when undated."""
    participants: tuple[Participant, ...] = ()
    """Who takes part in each predicate, from the parse, in body order of the predicates."""
    figure_clauses: tuple[tuple[int, int] | None, ...] = ()
    """For each figure, the span of the clause its number is in (as for a date), or None."""
    figure_verbs: tuple[int, ...] = ()
    """For each figure, the offset of the verb whose clause holds the number, or -1."""
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
    merged_because: tuple[str, ...] = ()
    """Why names were joined on this page, one line each ("'Tim Cook' and 'Timothy D. Cook': ...")."""
    unlisted: str = ""
    """Why the junk filter leaves it off the site (shown to curators only); empty when listed."""


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
    merged_because: tuple[str, ...] = ()
    """Why names were joined on this page, one line each."""
    unlisted: str = ""
    """Why the junk filter leaves it off the site (shown to curators only); empty when listed."""


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
    """Ids of the actors taking part in the clause (subject, object, "by" phrase, speaker), sorted."""
    places: tuple[str, ...]
    """Ids of the places where the clause happens, sorted."""
    curated: tuple[str, ...] = ()
    """Curation trail: what each applied override changed, and the curator's reason."""
    clause: Span | None = None
    """The clause the date governs, inside `sentence`; None when it is the whole sentence."""
    sources: tuple[Span, ...] = ()
    """When several articles report the event: every report's sentence, this one first; else empty."""
    disagreement: str = ""
    """What the sources disagree on (the date, or a number) for what looks like the same event; else empty."""
    headline: str = ""
    """"Who did what (where)", compressed from the clause in the article's words."""
    status: str = "happened"
    """One of STATUSES: happened, under way, or announced, scheduled, threatened, forecast."""
    trigger: Span | None = None
    """The word naming what happened (the clause's verb or event noun), None when not worked out."""
    roles: tuple[Role, ...] = ()
    """How each actor and place takes part, by predicate; empty for an event a curator added."""


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
    """Ids of the actors taking part in the verb whose clause holds the number, sorted."""
    places: tuple[str, ...]
    """Ids of the places where the number's clause happens, sorted."""
    curated: tuple[str, ...] = ()
    """Curation trail: what each applied override changed, and the curator's reason."""
    roles: tuple[Role, ...] = ()
    """How each actor and place takes part, by predicate."""


@dataclass(frozen=True, slots=True)
class Interaction:
    """Two actors taking part in one predicate: both acting, or one acting on or with the other."""

    a: str
    """Id of one actor (a < b)."""
    b: str
    """Id of the other actor."""
    kind: str
    """"together" when both act ("Turkey and Russia began talks"), "on" when one acts on or with the other."""
    verb: str
    """The predicate as written, lower case ("hit", "began")."""
    article: str
    """Id of the article."""
    start: int
    """Offset of the predicate, for a source link."""


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
    unlisted: tuple[Actor | Place, ...] = ()
    """Candidates the junk filter left off the site, for the curators' list; no ids."""
    interactions: tuple[Interaction, ...] = field(default=(), repr=False)
    """Every predicate in which two actors take part, in article and offset order (the graph's links)."""


def _pickled_as_calls(record: type) -> None:
    """Pickle a record class's instances as the class and its field values, in order.

    Unpickling then calls the class, which is twice as fast as the `__setstate__` that slotted
    dataclasses get (it looks up the fields of every instance): the resolved corpus that an
    override edit loads from the cache is made of a million records at 10,000 articles.
    """
    names = tuple(f.name for f in fields(record))
    values = attrgetter(*names)
    one = len(names) == 1

    def reduce(self: object) -> tuple[type, tuple[object, ...]]:
        return type(self), (values(self),) if one else values(self)

    record.__reduce__ = reduce  # type: ignore[method-assign, assignment]


for _record in (
    Paragraph, Article, Span, Mention, Quote, Timex, FigureMention, Happening, Participant, Role,
    Fault, Analysis, Actor, Place, Event, Figure, Interaction, Briefing,
):  # fmt: skip
    _pickled_as_calls(_record)
