"""Compress a clause into a headline: "who did what (where)", in the article's own words.

The parse gives the clause's verb; the headline keeps its subject, auxiliaries and
negation, the verb with its particle, its object or complement, and the prepositional
phrases that say where or to whom. It drops attributions ("…, he said"), subordinate
and relative clauses, appositions, the date (the timeline shows it apart) and
punctuation. Noun phrases keep their determiners, modifiers and an "of" phrase. When the
result runs past `MAX_WORDS`, prepositional phrases go first, then "of" phrases.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_WORDS = 12
"""Most words in a headline; a longer clause loses its least needed parts first."""

SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
"""Dependencies of a verb's subject."""

VERB_KEEP = frozenset({"aux", "auxpass", "neg", "prt"})
"""Verb dependents always kept: auxiliaries, negation, particles."""

VERB_OBJECTS = frozenset({"dobj", "attr", "acomp", "oprd", "dative", "agent", "xcomp", "ccomp"})
"""Verb dependents kept as the verb's object or complement (a clause complement only after a speech verb)."""

NP_LEFT = frozenset(
    {"det", "predet", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case", "neg", "advmod"}
)
"""Noun dependents kept with their whole subtree: determiners, modifiers, possessors, numbers."""

QUANTITIES = frozenset(
    {"hundreds", "thousands", "millions", "billions", "dozens", "tens", "scores", "some", "most", "many",
     "part", "parts", "number", "all", "none", "half", "one", "each", "several", "both", "majority", "rest"}
)  # fmt: skip
"""Nouns that only count what their "of" phrase names ("hundreds of thousands of civilians")."""

SIDE_PREPS = frozenset(
    {"after", "before", "since", "until", "till", "despite", "following", "amid", "during", "because", "as",
     "like", "than", "according", "including", "while", "upon", "beyond", "unlike", "besides", "via"}
)  # fmt: skip
"""Prepositions that open a side fact (a cause, a time, a comparison), not where or to whom."""

NOUN_PREPS = frozenset({"in", "near", "with", "to", "from", "on", "against"})
"""Prepositions after a noun that say where or with whom, kept when they name an entity."""

PARTICLES = frozenset({"back", "out", "down", "up", "off", "away", "forward", "home", "ahead", "together"})
"""Adverbs that belong to the verb ("drive back"), kept like particles."""


@dataclass(frozen=True, slots=True)
class Cut:
    """How much of the clause a headline keeps; each step down drops more."""

    verb_preps: int
    """How many of the verb's prepositional phrases to keep."""
    np_preps: bool
    """Whether noun phrases keep an "of" phrase."""


CUTS = (Cut(2, True), Cut(1, True), Cut(0, True), Cut(0, False))
"""The compressions tried in turn until one fits `MAX_WORDS`."""


def headline(verb: Token, skip: frozenset[int], speech: frozenset[str]) -> str:
    """The headline of the clause headed by `verb`; tokens in `skip` (the date) are left out."""
    tokens: set[int] = set()
    borrowed = _shared_subject(verb)
    for cut in CUTS:
        tokens = set(_clause(verb, skip, speech, cut, top=True))
        if borrowed is not None:  # "Apple … and launched the iTunes Music Store": Apple launched it
            tokens |= set(_noun_phrase(borrowed, skip, Cut(0, False), depth=1, preps=False))
        if _words(verb, tokens) <= MAX_WORDS:
            break
    return render(verb, tokens)


def _shared_subject(verb: Token) -> Token | None:
    """The subject a coordinated verb shares with the verb before it, when it has none of its own."""
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    node = verb
    for _ in range(4):
        if node.dep_ != "conj" or node.head.i == node.i:
            return None
        node = node.head
        subject = next((c for c in node.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            return subject if subject.tag_ not in ("WDT", "WP") else None
    return None


def noun_headline(noun: Token, skip: frozenset[int]) -> str:
    """The headline of a happening named by a noun ("the nine-year war", "a 2018 agreement with Russia")."""
    tokens: set[int] = set()
    for cut in CUTS:
        tokens = set(_noun_phrase(noun, skip, cut, depth=0, preps=True))
        if _words(noun, tokens) <= MAX_WORDS:
            break
    return render(noun, tokens)


def with_speaker(speaker: str, text: str) -> str:
    """A headline about the speaker's own side, prefixed with who said it ("Erdogan: his military will …")."""
    if not speaker or not text:
        return text
    return f"{speaker}: {text[0].lower() + text[1:] if not text.startswith('I ') else text}"


def as_speaker(speaker: str, pronoun: Token, text: str) -> str:
    """A headline whose subject is the speaker's pronoun ("it had taken …"), the speaker named instead."""
    if not speaker or not text:
        return text
    return speaker + text[len(pronoun.text) :]


def speaker_name(subject: Token) -> str:
    """A speaker's short name: the proper nouns of its phrase ("Turkish president Tayyip Erdogan")."""
    proper = [t for t in subject.subtree if t.tag_ in ("NNP", "NNPS") and t.dep_ in ("compound", *SUBJECTS)]
    if proper and proper[-1].i == subject.i:
        return " ".join(t.text for t in proper)
    if subject.tag_ in ("PRP", "PRP$"):
        return ""
    return render(subject, set(_noun_phrase(subject, frozenset(), CUTS[-1], depth=1, preps=False)))


def render(root: Token, tokens: set[int]) -> str:
    """The kept tokens in text order, spaced as in the article, without loose punctuation; capitalised."""
    doc = root.doc
    kept = sorted(i for i in tokens if _shown(doc[i]))
    out = []
    for n, i in enumerate(kept):
        tok = doc[i]
        joined = n + 1 < len(kept) and kept[n + 1] == i + 1 and not tok.whitespace_
        out.append(tok.text + ("" if joined else " "))
    text = "".join(out).strip().strip(",;:–—-").strip()
    return text[:1].upper() + text[1:]


def _shown(tok: Token) -> bool:
    """Punctuation stays only inside a word ("de-escalation") or as a possessive; quotes and commas go."""
    if not tok.is_punct or tok.tag_ == "POS" or tok.dep_ == "case":
        return True
    doc = tok.doc
    inside = tok.i > 0 and not doc[tok.i - 1].whitespace_ and not tok.whitespace_ and tok.i + 1 < len(doc)
    return inside and tok.text in "-/'’&."


def _words(root: Token, tokens: set[int]) -> int:
    """How many words a set of tokens reads as (punctuation and word-internal pieces not counted)."""
    doc = root.doc
    return sum(
        1 for i in tokens if not doc[i].is_punct and (i == 0 or doc[i - 1].whitespace_ or i - 1 not in tokens)
    )


def _clause(verb: Token, skip: frozenset[int], speech: frozenset[str], cut: Cut, top: bool) -> Iterator[int]:
    """Subject, auxiliaries, verb, object and the kept prepositional phrases of one clause."""
    yield verb.i
    preps = []
    for child in verb.children:
        if child.i in skip:
            continue
        dep = child.dep_
        if dep in SUBJECTS and child.tag_ not in ("WDT", "WP"):
            if dep == "csubj":
                yield from _clause(child, skip, speech, cut, top=False)
            else:
                yield from _noun_phrase(child, skip, cut, depth=0, preps=True)
        elif dep in VERB_KEEP or (dep == "advmod" and child.lower_ in PARTICLES):
            yield child.i
        elif dep in ("dobj", "attr", "oprd", "dative"):
            yield from _noun_phrase(child, skip, cut, depth=0, preps=True)
        elif dep == "acomp":
            yield child.i
            for part in child.children:
                before = part.dep_ in ("advmod", "neg", "npadvmod") and part.i < child.i
                after = part.dep_ in ("prep", "xcomp") and not _touches(part, skip) and cut.verb_preps > 0
                if before or after:
                    yield from (t.i for t in part.subtree if t.i not in skip)
        elif dep == "xcomp":
            yield from _clause(child, skip, speech, cut, top=False)
        elif dep == "ccomp" and verb.lemma_.lower() in speech and top:
            yield from _clause(child, skip, speech, Cut(0, cut.np_preps), top=False)
        elif dep == "agent":
            yield child.i
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield from _noun_phrase(pobj, skip, cut, depth=1, preps=False)
        elif dep == "prep" and not _touches(child, skip) and child.lower_ not in SIDE_PREPS:
            preps.append(child)
    for prep in _ranked(preps)[: cut.verb_preps]:
        yield from _prep_phrase(prep, skip, cut)


def _ranked(preps: list[Token]) -> list[Token]:
    """Prepositional phrases by use to a reader: those naming a place or entity first, then text order."""
    return sorted(preps, key=lambda p: (not any(t.ent_type_ for t in p.subtree), p.i))


def _touches(tok: Token, skip: frozenset[int]) -> bool:
    """Tell whether a phrase holds any skipped token (it carries the date)."""
    return any(t.i in skip for t in tok.subtree)


def _prep_phrase(prep: Token, skip: frozenset[int], cut: Cut) -> Iterator[int]:
    """A preposition and the noun phrase it governs, or nothing when it governs none."""
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if not objects:
        return
    yield prep.i
    for obj in objects:
        if obj.dep_ == "pcomp":
            yield from (t.i for t in obj.subtree if t.i not in skip)
        else:
            yield from _noun_phrase(obj, skip, cut, depth=1, preps=cut.np_preps)


def _noun_phrase(noun: Token, skip: frozenset[int], cut: Cut, depth: int, preps: bool) -> Iterator[int]:
    """A noun with its determiners and modifiers, its conjuncts at the top, and an "of" phrase if wanted."""
    yield noun.i
    for child in noun.children:
        if child.i in skip:
            continue
        if child.dep_ in NP_LEFT and child.i < noun.i:
            yield from (t.i for t in child.subtree if t.i not in skip)
        elif child.dep_ == "cc" and depth == 0:
            yield child.i
        elif child.dep_ == "conj" and depth == 0:
            yield from _noun_phrase(child, skip, cut, 1, False)
        elif child.dep_ == "prep" and child.lower_ == "of" and _of_wanted(noun, preps, cut, depth):
            yield child.i
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield from _noun_phrase(pobj, skip, cut, depth + 1, preps)
        elif (
            child.dep_ == "prep" and depth == 0 and preps and cut.verb_preps > 1 and _names_where(child, skip)
        ):
            yield from _prep_phrase(child, skip, Cut(0, False))


def _names_where(prep: Token, skip: frozenset[int]) -> bool:
    """A noun's prepositional phrase that names a place or party ("talks in Moscow", "a deal with Russia")."""
    return prep.lower_ in NOUN_PREPS and not _touches(prep, skip) and any(t.ent_type_ for t in prep.subtree)


def _of_wanted(noun: Token, preps: bool, cut: Cut, depth: int) -> bool:
    """Keep "of" after a quantity always ("dozens of towns"), else when the cut allows it near the top."""
    if noun.lower_ in QUANTITIES or noun.tag_ == "CD":
        return True
    return preps and cut.np_preps and depth <= 1


def skipped(tokens: Iterable[Token]) -> frozenset[int]:
    """Token indices of a date and the preposition before it ("on Monday", "by the end of the month")."""
    out = {t.i for t in tokens}
    for tok in list(tokens):
        head = tok.head
        if head.i not in out and head.dep_ == "prep" and all(c.i in out for c in head.children):
            out.add(head.i)
    return frozenset(out)


def modified_headline(
    verb: Token,
    skip: frozenset[int],
    speech: frozenset[str],
    noun: Token,
    extra: frozenset[int] = frozenset(),
) -> str:
    """The headline of a clause that modifies a noun: the noun, then the clause ("villages targeted by …").

    `extra` are tokens kept besides, such as the date of "the first flight scheduled for Wednesday".
    """
    tokens: set[int] = set()
    for cut in CUTS:
        tokens = set(_noun_phrase(noun, skip, Cut(0, False), depth=1, preps=False)) | extra
        clause = _clause(verb, skip, speech, Cut(0, cut.np_preps), top=False)
        tokens |= {i for i in clause if verb.doc[i].tag_ not in ("WDT", "WP")}
        if _words(verb, tokens) <= MAX_WORDS:
            break
    return render(verb, tokens)
