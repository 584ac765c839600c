"""Read-only look-ups in one parsed article: tokens, entities and words around a stretch, and tense."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.extract.timex.lexicon import FUTURE, MODALS, PERFECT
from generator.extract.timex.patterns import PREV_WORD

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CLAUSE_CUT = frozenset({"conj", "parataxis"})
"""Dependencies of a verb whose subtree is a clause of its own, cut from the clause a date governs."""


def verb_tense(verb: Token) -> tuple[str, str]:
    """Read a verb's tense from its tag and auxiliaries; "nonfinite" means look further up."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for aux in auxes:
        if aux.lower_ in FUTURE or aux.lower_ in MODALS:
            return "future", aux.text
    if any(a.tag_ == "TO" for a in auxes):
        return "nonfinite", ""
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past", verb.text
    if verb.tag_ == "VBN" and (not auxes or any(a.lower_ in PERFECT for a in auxes)):
        return "past", verb.text
    if verb.tag_ in ("VBZ", "VBP", "VBN") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present", verb.text
    return "nonfinite", ""


def tense(tok: Token, before: Token | None) -> tuple[str, str]:
    """Return the tense ("past", "future", "present" or "") governing a token, with the cue word.

    The walk climbs the dependency tree to the first finite verb; a forward-looking word
    on the way ("scheduled", "due", "plans") makes it future, and "since" makes it past.
    """
    if before is not None and before.lower_ == "since":
        return "past", "since"
    node = tok
    for _ in range(10):
        if node is not tok and node.lower_ in FUTURE:
            return "future", node.text
        if node.tag_.startswith("VB") or node.tag_ == "MD":
            found = verb_tense(node)
            if found[0] != "nonfinite":
                return found
        if node.head is node:
            break
        node = node.head
    return "", ""


@dataclass(frozen=True, slots=True)
class Context:
    """One parsed article as the rules read it: its parse, its text and its entities."""

    doc: Doc
    """The spaCy parse of the body."""
    text: str
    """The body text, `doc.text`."""
    ents: tuple[tuple[int, int, str], ...]
    """Each entity's start offset, end offset and label."""

    @classmethod
    def of(cls, doc: Doc) -> Context:
        """Build the look-ups for one parse."""
        return cls(doc, doc.text, tuple((e.start_char, e.end_char, e.label_) for e in doc.ents))

    def tokens(self, start: int, end: int) -> tuple[Token, Token | None, Token | None]:
        """Return the root token of a stretch and the tokens just before and after it."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        assert span is not None, "candidates start and end on word characters"
        before = self.doc[span.start - 1] if span.start > 0 else None
        after = self.doc[span.end] if span.end < len(self.doc) else None
        return span.root, before, after

    def prev_word(self, start: int) -> str:
        """Return the word before an offset, lower case."""
        words = PREV_WORD.findall(self.text[max(0, start - 30) : start])
        return words[-1].lower() if words else ""

    def following(self, end: int) -> str:
        """Return the twelve characters after an offset, which the checks read for "of", "-old" and such."""
        return self.text[end : end + 12]

    def in_ents(self, start: int, end: int, labels: frozenset[str]) -> bool:
        """Tell whether an entity with one of the labels overlaps the stretch."""
        return any(s < end and start < e and label in labels for s, e, label in self.ents)

    def tense_at(self, start: int, end: int) -> tuple[str, str]:
        """Return the tense ("past", "future", "present" or "") governing a stretch, with its cue."""
        tok, before, _ = self.tokens(start, end)
        return tense(tok, before)

    def clause_of(self, start: int, end: int) -> tuple[int, int]:
        """Return the span of the clause a stretch dates: its verb's subtree, without coordinated clauses.

        A verb that modifies a noun ("the first flight ... scheduled for Wednesday") dates the
        noun phrase; a clause of fewer than four words falls back to the sentence.
        """
        tok = self.tokens(start, end)[0]
        sent = tok.sent
        node = tok
        for _ in range(12):
            if node.pos_ in ("VERB", "AUX") or node.head is node:
                break
            node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            return sent.start_char, sent.end_char
        if node.dep_ in ("acl", "relcl") and node.head is not node:
            node = node.head
        left, right = node.left_edge.i, node.right_edge.i
        words = self.doc.char_span(start, end, alignment_mode="expand")
        assert words is not None, "timexes start and end on word characters"
        first, last = words[0].i, words[-1].i
        for child in node.children:
            if child.dep_ in CLAUSE_CUT and child.i > node.i and child.left_edge.i > last:
                right = min(right, child.left_edge.i - 1)
        while right > left and (self.doc[right].is_punct or self.doc[right].dep_ == "cc") and right > last:
            right -= 1
        while left < right and self.doc[left].is_punct and left < first:
            left += 1
        if right - left < 3:
            left, right = sent.start, sent.end - 1
            while right > left and self.doc[right].is_space:
                right -= 1
        return self.doc[left].idx, self.doc[right].idx + len(self.doc[right])

    def past_perfect(self, start: int, end: int) -> bool:
        """Tell whether the verb governing a stretch is in the past perfect ("had been ... since 2003")."""
        node = self.tokens(start, end)[0]
        for _ in range(12):
            if node.pos_ in ("VERB", "AUX"):
                return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in node.children)
            if node.head is node:
                break
            node = node.head
        return False
