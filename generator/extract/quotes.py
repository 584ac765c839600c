"""Find direct quotations and attribute them to a speaker (stage 3: extract).

A misattributed quote does more harm than a missing one, so a quotation is
only attributed when a speech verb outside the quotation marks names its
subject ("X said", "said X", "according to X"), or names a pronoun that
resolves to the nearest earlier actor of a compatible kind. A quotation with
no verb of its own inherits the speaker of the previous quotation in the same
paragraph ("“…,” he said. “…”").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from generator.model import Article, Mention, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


SPEECH_VERBS = {
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "add",
    "adds",
    "added",
    "announce",
    "announces",
    "announced",
    "state",
    "states",
    "stated",
    "warn",
    "warns",
    "warned",
    "insist",
    "insists",
    "insisted",
    "caution",
    "cautioned",
    "call",
    "called",
    "calls",
    "write",
    "wrote",
    "writes",
    "declare",
    "declared",
    "claim",
    "claimed",
    "argue",
    "argued",
    "ask",
    "asked",
    "explain",
    "explained",
    "describe",
    "described",
    "report",
    "reported",
    "vow",
    "vowed",
}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them", "it"}
_QUOTE = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"")


def quotation_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside every pair of quotation marks, in body order."""
    return [
        (m.start(1) if m.group(1) else m.start(2), m.end(1) if m.group(1) else m.end(2))
        for m in _QUOTE.finditer(body)
    ]


def find_quotes(doc: Doc, article: Article, mentions: Sequence[Mention]) -> tuple[Quote, ...]:
    """Return every quotation in the body with its speaker, when one can be trusted."""
    spans = quotation_spans(article.body)
    starts = [m.span.start for m in mentions]
    quotes: list[Quote] = []
    last_by_paragraph: dict[int, Quote] = {}
    for start, end in spans:
        para = article.paragraph_at(start)
        speaker = _attribute(doc, article, start, end, spans, mentions, starts)
        if speaker is None and para.index in last_by_paragraph:
            prev = last_by_paragraph[para.index]
            speaker = next((m for m in mentions if m.span.start == prev.speaker_start), None)
        quote = Quote(
            span=Span(article.id, start, end, article.body[start:end]),
            speaker=speaker.name if speaker else "",
            speaker_start=speaker.span.start if speaker else -1,
        )
        if speaker is not None:
            last_by_paragraph[para.index] = quote
        quotes.append(quote)
    return tuple(quotes)


def _attribute(
    doc: Doc,
    article: Article,
    start: int,
    end: int,
    spans: list[tuple[int, int]],
    mentions: Sequence[Mention],
    starts: list[int],
) -> Mention | None:
    """Find the speaker of the quotation at [start, end), or None."""
    para = article.paragraph_at(start)
    first = doc.char_span(para.start, para.end, alignment_mode="expand")
    if first is None:
        return None
    inside = [(s - 1, e + 1) for s, e in spans]
    quote_sents = {t.sent.start for t in first if start <= t.idx < end}
    candidates = []
    for tok in first:
        if any(s <= tok.idx < e for s, e in inside):
            continue
        if tok.sent.start not in quote_sents and not _adjacent(tok.sent, start, end):
            continue
        if (tok.lower_ in SPEECH_VERBS and tok.pos_ in {"VERB", "AUX"}) or tok.lower_ == "according":
            subject = _subject(tok)
            if subject is None:
                continue
            distance = min(abs(tok.idx - start), abs(tok.idx - end))
            candidates.append((distance, subject))
    resolved = []
    for distance, subject in sorted(candidates, key=lambda c: (c[0], c[1].i)):
        mention = _mention_at(subject.idx, mentions, starts)
        if mention is not None and mention.kind != "place":
            resolved.append((0, distance, mention))
            continue
        pronoun = subject.lower_
        if pronoun in PERSON_PRONOUNS | GROUP_PRONOUNS:
            kinds = {"person"} if pronoun in PERSON_PRONOUNS else {"organisation", "group", "state"}
            antecedent = _antecedent(subject.idx, kinds, mentions, spans)
            if antecedent is not None:
                resolved.append((1, distance, antecedent))
    return min(resolved, key=lambda r: (r[0], r[1]))[2] if resolved else None


def _adjacent(sent: SpacySpan, start: int, end: int) -> bool:
    """True when a sentence touches the quotation (the attribution after "…,")."""
    return sent.start_char <= end + 3 and sent.end_char >= start - 3


def _subject(verb: Token) -> Token | None:
    """Return the subject of a speech verb, climbing to its governing verb if needed."""
    if verb.lower_ == "according":
        for child in verb.subtree:
            if child.dep_ == "pobj":
                return _head_noun(child)
        return None
    node = verb
    for _ in range(3):
        for child in node.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return _head_noun(child)
        if node.head is node:
            break
        node = node.head
    return None


def _head_noun(tok: Token) -> Token:
    """Return the token itself; a hook for future appositive handling."""
    return tok


def _mention_at(offset: int, mentions: Sequence[Mention], starts: list[int]) -> Mention | None:
    """Return the mention covering a character offset."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and mentions[i].span.start <= offset < mentions[i].span.end:
        return mentions[i]
    return None


def _antecedent(
    offset: int, kinds: set[str], mentions: Sequence[Mention], spans: list[tuple[int, int]]
) -> Mention | None:
    """Nearest earlier mention of a compatible kind, outside quotation marks."""
    for mention in reversed(mentions):
        if mention.span.start >= offset or mention.kind not in kinds:
            continue
        if any(s <= mention.span.start < e for s, e in spans):
            continue
        return mention
    return None
