"""Who takes part in each predicate, read from the parse (stage 3: extract).

For every verb the clause's arguments are read off the dependency tree: the
subject (agent, or patient when passive), the object, the passive "by" phrase,
"to X" and "with X", and the names where it happens (in, at, near, from X).
Inside an argument only the head and what stands for its owner count: "Assad's
forces" and "Russian air strikes" name Assad and Russia, "near the Turkish
border" names no one, and "U.S. retailer Best Buy" names Best Buy alone. A
verb with no subject of its own takes its governing verb's ("..., saying"), and
a clause reported by a speech verb also lists the speaker.

Pronouns and descriptions ("he", "its", "the company", "government") stand for
the nearest compatible name at most two sentences back, the subject first;
never across quotation marks. The parse is not kept after this stage, so the
result is stored on the Analysis; resolution maps the spans to actor and place ids.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from generator.errors import GeneratorError, located
from generator.extract.locations import DATELINE
from generator.extract.speech import SPEECH_VERBS, quotation_spans
from generator.model import Article, Mention, Participant, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ACTOR_KINDS = frozenset({"person", "organisation", "state", "group"})

DATA_FILE = Path(__file__).with_name("data") / "participation.yml"
"""The word lists the rules read (see the file's header)."""

LOCATIVE = frozenset(
    [
        "in",
        "at",
        "near",
        "from",
        "across",
        "outside",
        "inside",
        "around",
        "throughout",
        "within",
        "into",
        "towards",
        "toward",
        "along",
        "beyond",
        "off",
        "via",
        "through",
        "onto",
        "on",
        "to",
        "between",
        "over",
        "under",
    ]
)
"""Prepositions whose object can be where something happens; a city or region there is a place."""

STATE_LOCATIVE = LOCATIVE - {"on", "to", "between", "over", "under"}
"""Prepositions that make a country a place rather than an actor ("in Syria", "from Russia")."""

PARTNER = frozenset({"with", "against", "between", "among", "versus", "vs"})
"""Prepositions that name the other side ("talks with Russia", "a lawsuit against Apple")."""

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS
RELATIVE = frozenset({"which", "who", "whom", "that", "whose"})

WINDOW = 2
"""How many sentences back a pronoun or description may find its name."""

_HYPHEN_TAILS = re.compile(
    r"^(allied|backed|led|based|born|made|funded|supported|run|owned|linked|aligned)$", re.I
)


@dataclass(frozen=True, slots=True)
class Words:
    """The loaded word lists."""

    people: frozenset[str]
    agency: frozenset[str]
    """People and action heads together: a name modifying one stands for its owner."""
    partitive: frozenset[str]
    events: frozenset[str]
    descriptions: dict[str, str]
    """Description noun → the kind of name it stands for."""
    place_nouns: frozenset[str]
    motion: re.Pattern[str]
    object_control: re.Pattern[str]


@functools.cache
def words() -> Words:
    """Load the word lists once."""
    with DATA_FILE.open(encoding="utf-8") as handle:
        # The C build of the safe loader, as for the gazetteer: same rules as yaml.safe_load, faster.
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    try:
        people = frozenset(data["people"])
        return Words(
            people=people,
            agency=people | frozenset(data["actions"]),
            partitive=frozenset(data["partitive"]),
            events=frozenset(data["events"]),
            descriptions=dict(data["descriptions"]),
            place_nouns=frozenset(data["place_nouns"]),
            motion=_stems(data["motion"]),
            object_control=_stems(data["object_control"]),
        )
    except (KeyError, TypeError) as exc:
        raise GeneratorError(located(str(DATA_FILE), None, f"missing or malformed list: {exc}")) from exc


def _stems(stems: list[str]) -> re.Pattern[str]:
    """A pattern matching any word that starts with one of the stems."""
    return re.compile(r"^(?:" + "|".join(map(re.escape, stems)) + r")\w*$", re.I)


def find_participants(doc: Doc, article: Article, mentions: Sequence[Mention]) -> tuple[Participant, ...]:
    """Return the participants of every predicate in the article, in body order."""
    reader = Reader(doc, article, mentions)
    found: dict[tuple[int, str, int, tuple[tuple[int, int], ...]], Participant] = {}
    for participant in (
        *reader.dateline(),
        *reader.all_predicates(),
        *reader.by_phrases(),
        *reader.locations(),
        *reader.addresses(),
    ):
        key = (participant.span.start, participant.role, participant.verb.start, participant.refers)
        found.setdefault(key, participant)
    return tuple(sorted(found.values(), key=lambda p: (p.verb.start, p.span.start, p.role)))


class Reader:
    """One parsed article with the look-ups the rules need."""

    def __init__(self, doc: Doc, article: Article, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.article = article
        self.w = words()
        self.mentions = list(mentions)
        self.starts = [m.span.start for m in self.mentions]
        self.name_at = {(m.span.start, m.span.end): m.name for m in self.mentions}
        self.at_token: dict[int, list[Mention]] = {}
        for m in self.mentions:
            span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                self.at_token.setdefault(tok.i, []).append(m)
        self.quotes = quotation_spans(article.body)
        self.sent_starts = [s.start for s in doc.sents]
        self.heads = {id(m): self._head(m) for m in self.mentions}
        self.things = [
            t.i
            for t in doc
            if t.dep_ in ("nsubj", "nsubjpass")
            and t.pos_ in ("NOUN", "PROPN", "NUM")
            and (t.i not in self.at_token or _model_number(t))
            and _singular(t.lower_) not in self.w.descriptions
        ]
        """Subjects that are things, not names: an "it" after "the plane made" is the plane."""

    # Predicates and their arguments

    def all_predicates(self) -> Iterator[Participant]:
        """Participants of every verb (and copula with a subject)."""
        for tok in self.doc:
            if (
                tok.pos_ == "VERB"
                or (tok.pos_ == "AUX" and any(c.dep_ == "nsubj" for c in tok.children))
                or (
                    tok.dep_ == "advcl" and any(c.dep_ == "dobj" for c in tok.children)
                )  # "..., overwhelming X"
            ):
                yield from self.predicate(tok)

    def predicate(self, verb: Token) -> Iterator[Participant]:
        """The arguments of one verb, each as the names it holds."""
        has_subject = False
        for child in verb.children:
            dep = child.dep_
            if dep in ("nsubj", "nsubjpass", "expl", "csubj"):
                has_subject = True
                if dep in ("nsubj", "nsubjpass"):
                    role = "agent" if dep == "nsubj" else "patient"
                    yield from self.names(child, role, verb)
            elif dep == "dobj" and self._placeish(child) and self.w.motion.match(verb.text):
                yield from self.names(child, "location", verb)  # "visit Canada and Japan": where, not whom
            elif dep == "dobj":
                yield from self.names(child, "patient", verb)
            elif dep == "dative" and child.pos_ == "ADP":  # "sent troops to Syria"
                yield from self.preposition(child, verb)
            elif dep == "dative":
                yield from self.names(child, "recipient", verb)
            elif dep == "agent":
                for pobj in _objects(child):
                    yield from self.names(pobj, "by-agent", verb)
            elif dep == "prep":
                yield from self.preposition(child, verb)
            if dep == "dobj":  # "sold jets to China": the phrase may hang on the object
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "to":
                        yield from self.preposition(prep, verb)
        if not has_subject:
            yield from self.inherited(verb)
        yield from self.speaker(verb)

    def preposition(self, prep: Token, verb: Token) -> Iterator[Participant]:
        """A prepositional argument: "with X", "against X", "to X", "by X", "according to X"."""
        word = prep.lower_
        if word == "according":
            for to in prep.children:
                for pobj in _objects(to):
                    yield from self.names(pobj, "speaker", verb, actors_only=True)
            return
        for pobj in _objects(prep):
            if pobj.lower_ in self.w.events:  # "under an agreement with Russia": the other side takes part
                yield from self.names(pobj, "partner", verb, actors_only=True)
            elif not (
                pobj.i in self.at_token
                or pobj.tag_ in ("PRP", "PRP$")
                or pobj.lower_ in self.w.people
                or _singular(pobj.lower_) in self.w.descriptions
            ):
                continue  # "press on with its campaign": a thing, not a party
            elif word in PARTNER:
                yield from self.names(pobj, "partner", verb, actors_only=True)
            elif word == "to" and not (self._placeish(pobj) and self.w.motion.match(verb.text)):
                yield from self.names(pobj, "recipient", verb, actors_only=True)
            elif word == "by" and verb.tag_ == "VBN":
                yield from self.names(pobj, "by-agent", verb, actors_only=True)
            elif word == "from" and not self._placeish(pobj):
                yield from self.names(pobj, "partner", verb, actors_only=True)

    def inherited(self, verb: Token) -> Iterator[Participant]:
        """The subject a verb without one shares with its governing verb ("..., saying", "to move")."""
        node, passive = verb, verb.tag_ == "VBN"
        for _ in range(4):
            dep = node.dep_
            head = node.head
            if head.i == node.i:
                return
            if dep in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
                found = list(self.names(head, "patient" if node.tag_ == "VBN" else "agent", verb))
                yield from found
                to = any(c.tag_ == "TO" for c in node.children)
                holder = _holder(head) if not found and to and node.tag_ == "VB" else None
                if holder is not None:  # "Aer Lingus have options ... to exercise": the one who has them
                    yield from self.names(holder, "agent", verb)
                return
            if dep not in ("xcomp", "conj", "advcl") or head.pos_ not in ("VERB", "AUX"):
                return
            if dep == "xcomp" and self.w.object_control.match(head.text):
                objects = [c for c in head.children if c.dep_ == "dobj"]
                if objects:  # "forcing two hospitals to close": the object does the closing
                    yield from self.names(objects[0], "agent", verb)
                    return
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                subject = subjects[0]
                role = "patient" if subject.dep_ == "nsubjpass" and dep == "conj" else "agent"
                if dep == "advcl" and passive:
                    role = "patient"  # "Backed by Russian air strikes, government forces ..."
                yield from self.names(subject, role, verb)
                return
            node = head

    def speaker(self, verb: Token) -> Iterator[Participant]:
        """The subject of the speech verb that reports this clause ("X said ... it had taken")."""
        node = verb
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        speech = None
        if node.dep_ in ("ccomp", "parataxis") and node.head.lower_ in SPEECH_VERBS:
            speech = node.head
        else:
            speech = next(
                (
                    c
                    for c in node.children
                    if c.dep_ in ("parataxis", "ccomp") and c.lower_ in SPEECH_VERBS and c.i > node.i
                ),
                None,
            )
        if speech is None or speech.i == verb.i:
            return
        subjects = [c for c in speech.children if c.dep_ == "nsubj"]
        for child in subjects:
            yield from self.names(child, "speaker", verb, actors_only=True)
        if not subjects:  # "..., saying Turkey would handle it": the one saying
            for p in self.inherited(speech):
                if p.role == "agent":
                    yield Participant(p.span, "speaker", self._span(verb), p.refers)

    # The names an argument holds

    def names(
        self, head: Token, role: str, verb: Token, actors_only: bool = False, depth: int = 0
    ) -> Iterator[Participant]:
        """The names standing for an argument headed by `head`: itself, its owner, its conjuncts."""
        if depth > 4:
            return
        for conj in head.children:
            if conj.dep_ == "conj" and conj.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
                yield from self.names(conj, role, verb, actors_only, depth + 1)
        low = head.lower_
        if head.dep_ in ("nsubj", "nsubjpass") and low in RELATIVE and verb.dep_ == "relcl":
            yield from self.names(verb.head, role, verb, actors_only, depth + 1)
            return
        named = self.at_token.get(head.i)
        if named and _model_number(head):
            return  # "the Airbus 380 will wear ...": the aircraft, not its maker
        if named:
            for m in named:
                if actors_only and m.kind not in ACTOR_KINDS:
                    continue
                if m.kind == "state" and m.label.startswith("NORP") and _people(head):
                    continue  # "875,000 Syrians fled", "Syrian civilians": people, not the state
                yield Participant(m.span, role, self._span(verb))
            for appos in head.children:
                if appos.dep_ == "appos" and appos.i in self.at_token:
                    yield from self.names(appos, role, verb, actors_only, depth + 1)
            return
        if head.pos_ == "PROPN" and head.ent_type_ not in _NOT_NAMES:
            # A name the tagger missed here may be found later, by propagation: keep its words.
            yield Participant(self._words(head), role, self._span(verb))
            return
        if head.tag_ in ("PRP", "PRP$") or _singular(low) in self.w.descriptions or low == "government":
            for refers in self.refers(head):
                yield Participant(self._span(head), role, self._span(verb), refers)
            if head.tag_ in ("PRP", "PRP$"):
                return
        named_appos = [c for c in head.children if c.dep_ == "appos" and c.i in self.at_token]
        if named_appos:  # "the Beatles' record company, Apple Corps": the name is who it is
            for appos in named_appos:
                yield from self.names(appos, role, verb, actors_only, depth + 1)
            return
        for child in head.children:
            dep = child.dep_
            owner = (
                dep in ("compound", "amod", "nmod") and low in self.w.agency and not _hyphen_compound(child)
            )
            if dep == "poss" or owner:
                yield from self.names(child, role, verb, actors_only, depth + 1)
            elif (
                dep == "prep"
                and child.lower_ in ("of", "for")
                and (low in self.w.agency or low in self.w.partitive)
            ):
                for pobj in _objects(child):
                    yield from self.names(pobj, role, verb, actors_only, depth + 1)
            elif dep == "prep" and child.lower_ == "of":
                for pobj in _objects(
                    child
                ):  # "a preview of Apple's system", "the livery of Singapore Airlines"
                    yield from self._named_or_owner(pobj, role, verb)
            elif dep == "prep" and child.lower_ == "by":
                for pobj in _objects(child):
                    yield from self.names(pobj, "by-agent", verb, True, depth + 1)
            elif dep == "prep" and child.lower_ in PARTNER and low in self.w.events:
                for pobj in _objects(child):
                    yield from self.names(pobj, "partner", verb, True, depth + 1)

    def _named_or_owner(self, tok: Token, role: str, verb: Token) -> Iterator[Participant]:
        """The name a noun is, or the name owning it ("Apple's system"); nothing deeper."""
        if tok.i in self.at_token:
            for m in self.at_token[tok.i]:
                if m.kind in ACTOR_KINDS:
                    yield Participant(m.span, role, self._span(verb))
            return
        for child in tok.children:
            if child.dep_ == "poss":
                yield from self.names(child, role, verb, True, 4)

    def by_phrases(self) -> Iterator[Participant]:
        """ "By X" on a noun ("under development by Airbus", "demands by Ankara"): X acts in the clause."""
        for tok in self.doc:
            if tok.dep_ == "prep" and tok.lower_ == "by" and tok.head.pos_ == "NOUN":
                verb = _governing(tok)
                for pobj in _objects(tok):
                    yield from self.names(pobj, "by-agent", verb, True, 3)

    # Pronouns and descriptions

    def refers(self, tok: Token) -> list[tuple[tuple[int, int], ...]]:
        """What a pronoun or description stands for: per thing, its candidate names, best first.

        Empty when it stands for nothing the window names: a pleonastic "it", or an
        "it" whose nearest subject is a thing ("the plane made its maiden flight").
        "The two companies" stands for two things, the two nearest names.
        """
        if self._quoted(tok.idx):
            return []
        low = tok.lower_
        if low == "it" and _pleonastic(tok):
            return []
        if low == "government":
            found = self._ranked(tok, stands_for(low), "government", blockers=False)
            return [found] if found else []
        if low not in PRONOUNS:
            noun = _singular(low)
            if noun not in self.w.descriptions or not any(c.lower_ == "the" for c in tok.children):
                return []
            found = self._ranked(tok, stands_for(noun), blockers=False, noun=noun)
            if noun != low and any(c.lower_ == "two" for c in tok.children):
                by_name = {self.name_at[span]: span for span in reversed(found)}  # the best span per name
                names = sorted(by_name.values(), key=found.index)  # "the two companies": the two nearest
                return [(span,) for span in names[:2]] if len(names) >= 2 else []
            return [found] if found else []
        found = self._ranked(tok, stands_for(low), blockers=low not in PERSON_PRONOUNS)
        return [found] if found else []

    def _ranked(
        self, tok: Token, kinds: frozenset[str], word: str = "", blockers: bool = True, noun: str = ""
    ) -> tuple[tuple[int, int], ...]:
        """Earlier names of fitting kinds within WINDOW sentences, best first: nearer, subject, later.

        With `blockers`, a subject that is a thing and no name ("the plane") ranks too,
        and nothing past it counts. A one-word organisation may stand for "he": the
        tagger reads a bare surname ("Jobs") as one; resolution checks the final kind.
        """
        here = self._sentence(tok.i)
        first = self.doc[self.sent_starts[max(here - WINDOW, 0)]].idx
        plural = tok.lower_ in PLURAL_PRONOUNS
        ranked: list[tuple[tuple[int, int, int, int], tuple[int, int]]] = []
        for m in self.mentions[bisect.bisect_left(self.starts, first) :]:
            if m.span.start >= tok.idx:
                break
            surname = "person" in kinds and m.label == "ORG" and " " not in m.span.text
            if (
                (m.kind not in kinds and not surname)
                or self._quoted(m.span.start)
                or m.label.startswith("NORP")
            ):
                continue
            if word and word not in m.span.text.lower() and word not in m.name.lower():
                continue
            head = self.heads[id(m)]
            if head is None or here - self._sentence(head.i) > WINDOW or _model_number(head):
                continue
            described = 0 if noun and _described_as(head, noun) else 1  # "NPD Group, a market research firm"
            key = (described, here - self._sentence(head.i), 0 if _subject(head) else 1, -m.span.start)
            ranked.append((key, (m.span.start, m.span.end)))
        if blockers:
            for i in self.things[bisect.bisect_left(self.things, self.sent_starts[max(here - WINDOW, 0)]) :]:
                if i >= tok.i:
                    break
                thing = self.doc[i]
                if (thing.tag_ in ("NNS", "NNPS")) == plural:
                    ranked.append(((1, here - self._sentence(i), 0, -thing.idx), (-1, -1)))
        ranked.sort()
        names = []
        for _key, span in ranked:
            if span == (-1, -1):
                break
            names.append(span)
        return tuple(names[:6] if noun else names[:3])

    # Places

    def locations(self) -> Iterator[Participant]:
        """Place names where something happens: in a locative phrase, or owning a place noun."""
        for tok in self.doc:
            tour = tok.lower_ == "of" and bool(self.w.motion.match(tok.head.text))  # "a tour of Asia"
            if tok.dep_ in ("prep", "dative") and tok.pos_ == "ADP" and (tok.lower_ in LOCATIVE or tour):
                verb = _governing(tok)
                motion = tour or (
                    tok.lower_ == "to"
                    and bool(self.w.motion.match(tok.head.text) or self.w.motion.match(verb.text))
                )
                for pobj in _objects(tok):
                    for m in self._within(pobj):
                        if m.kind == "place" or (
                            m.kind == "state"
                            and not m.label.startswith("NORP")
                            and (tok.lower_ in STATE_LOCATIVE or motion)
                        ):
                            yield Participant(m.span, "location", self._span(verb))
            elif tok.dep_ == "poss" and tok.head.lower_ in self.w.place_nouns:
                for m in self.at_token.get(tok.i, ()):
                    if m.kind in ("place", "state") and not m.label.startswith("NORP"):
                        yield Participant(m.span, "location", self._span(_governing(tok)))

    def addresses(self) -> Iterator[Participant]:
        """A country after a place and a comma ("Bangkok, Thailand"): where that place is."""
        body = self.article.body
        for before, m in zip(self.mentions, self.mentions[1:], strict=False):
            if (
                m.kind == "state"
                and not m.label.startswith("NORP")
                and before.kind == "place"
                and body[before.span.end : m.span.start].strip() == ","
            ):
                head = self.heads[id(m)]
                verb = _governing(head) if head is not None else None
                where = self._span(verb) if verb is not None else m.span
                yield Participant(m.span, "location", where)

    def dateline(self) -> Iterator[Participant]:
        """The place a dateline names ("BEIRUT (Reuters) -")."""
        body = self.article.body
        match = DATELINE.match(body)
        if match is None:
            return
        where = Span(self.article.id, 0, match.end(), body[: match.end()])
        for m in self.mentions:
            if m.span.start >= match.end(1):
                break
            if m.kind == "place" or (m.kind == "state" and not m.label.startswith("NORP")):
                yield Participant(m.span, "location", where)

    def _within(self, pobj: Token) -> Iterator[Mention]:
        """Mentions in a prepositional object and its "of" and "with" phrases, not in a clause on it."""
        seen: set[int] = set()
        todo = [pobj]
        while todo:
            tok = todo.pop()
            for m in self.at_token.get(tok.i, ()):
                if id(m) not in seen:
                    seen.add(id(m))
                    yield m
            for child in tok.children:
                if child.dep_ in ("relcl", "acl", "advcl", "appos"):
                    continue
                if child.dep_ == "prep" and child.lower_ not in ("of", "with"):
                    continue  # another locative phrase is read on its own
                todo.append(child)

    # Small look-ups

    def _placeish(self, tok: Token) -> bool:
        """True when the object of "from" is a place name (an origin), not a supplier."""
        return any(m.kind in ("place", "state") for m in self.at_token.get(tok.i, ()))

    def _head(self, m: Mention) -> Token | None:
        span = self.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        return span.root if span is not None else None

    def _sentence(self, i: int) -> int:
        return bisect.bisect_right(self.sent_starts, i) - 1

    def _quoted(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quotes)

    def _words(self, head: Token) -> Span:
        """The proper-noun run a head ends: "Darat Izza" for "Izza"."""
        start = head.i
        while start > 0 and self.doc[start - 1].dep_ == "compound" and self.doc[start - 1].pos_ == "PROPN":
            start -= 1
        first = self.doc[start]
        return Span(self.article.id, first.idx, head.idx + len(head.text), self.doc[start : head.i + 1].text)

    def _span(self, tok: Token) -> Span:
        return Span(self.article.id, tok.idx, tok.idx + len(tok.text), tok.text)


_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "PRODUCT"})
"""Entity labels of proper nouns that are not actors or places."""


def _objects(prep: Token) -> list[Token]:
    """The objects of a preposition."""
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]


def _governing(tok: Token) -> Token:
    """The nearest verb above a token, or the sentence root."""
    node = tok
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def _subject(tok: Token) -> bool:
    """True when a name heads a subject, or is conjoined or apposed to one; not when it only modifies one."""
    node = tok
    for _ in range(3):
        if node.dep_ in ("nsubj", "nsubjpass"):
            return True
        if node.dep_ not in ("conj", "appos") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _people(tok: Token) -> bool:
    """True for "875,000 Syrians", "Syrian civilians": a nationality word that counts people."""
    if tok.tag_ in ("NNS", "NNPS") or tok.text.endswith("s"):
        return True
    return tok.dep_ == "amod" and tok.head.lower_ not in words().agency


def _hyphen_compound(tok: Token) -> bool:
    """True for "Assad-allied", "Western-backed", "pro-Damascus": the name describes, it does not own."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("pro", "anti"):
        return True
    return (
        tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and bool(_HYPHEN_TAILS.match(doc[tok.i + 2].text))
    )


def _pleonastic(tok: Token) -> bool:
    """True for "it is expected that", "it was a milestone": an "it" that stands for no name."""
    head = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and (
        head.pos_ == "AUX"
        or any(c.dep_ == "auxpass" for c in head.children)
        or head.lower_ in ("seems", "appears")
    )


def _model_number(head: Token) -> bool:
    """True for "the Airbus 380", "Boeing's 787": a maker's name with a model number names the product."""
    return any(c.dep_ in ("nummod", "appos", "compound") and c.ent_type_ == "PRODUCT" for c in head.children)


def _described_as(head: Token, noun: str) -> bool:
    """True when the text calls a name by a noun: "NPD Group, a market research firm"."""
    near = [c for c in head.children if c.dep_ in ("appos", "compound", "amod", "nmod") and c.i != head.i]
    if head.dep_ == "appos":
        near.append(head.head)
    return any(_singular(t.lower_) == noun for t in near)


def _holder(noun: Token) -> Token | None:
    """The subject of the verb whose object holds a noun ("Aer Lingus have options of A350s"), or None."""
    node = noun
    for _ in range(6):
        if node.dep_ in ("nsubj", "nsubjpass") or node.head.i == node.i:
            return None
        if node.dep_ == "dobj":
            return next((c for c in node.head.children if c.dep_ == "nsubj"), None)
        node = node.head
    return None


def stands_for(word: str) -> frozenset[str]:
    """The actor kinds a pronoun or description can stand for ("he" → person, "the company" → firms)."""
    low = word.lower()
    if low in PERSON_PRONOUNS:
        return frozenset({"person"})
    described = words().descriptions.get(_singular(low))
    if described:
        return frozenset({described})
    return frozenset({"organisation", "state", "group"})


def _singular(word: str) -> str:
    """ "companies" → "company", "parties" → "party", "firms" → "firm"; other words unchanged."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
