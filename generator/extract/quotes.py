"""Find direct quotations and attribute them to a speaker (stage 3: extract).

A misattributed quote does more harm than a missing one, so a quotation is
only attributed when a speech verb outside the quotation marks names its
subject ("X said", "said X", "according to X"), or names a pronoun that stands
for an actor of a compatible kind a sentence or two back, the subject first (as
participants are resolved: "Richard Doherty attributes ... He states “...”" is
Doherty's, not the Jobs he talks about). A quotation with no verb of its own
inherits the speaker of the previous quotation in the same paragraph ("“…,” he
said. “…”"). Only a clause in quotation marks is a quotation at all.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from generator.extract.participants import Reader
from generator.extract.speech import SPEECH_VERBS, quotation_spans
from generator.model import Article, Mention, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them", "it"}


def find_quotes(doc: Doc, article: Article, mentions: Sequence[Mention]) -> tuple[Quote, ...]:
    """Return every quotation in the body with its speaker, when one can be trusted.

    Words in quotation marks that are not a clause ("exciting", "Lion", "bumper,") are
    scare quotes, titles or names, not quotations, unless they finish a quotation
    begun earlier in the same sentence ("“We agreed,” he said, “on everything.”").
    """
    spans = quotation_spans(article.body)
    starts = [m.span.start for m in mentions]
    reader: list[Reader] = []  # built on the first pronoun that needs resolving

    def resolve(pronoun: Token) -> Mention | None:
        if not reader:
            reader.append(Reader(doc, article, mentions))
        kinds = {"person"} if pronoun.lower_ in PERSON_PRONOUNS else {"organisation", "group", "state"}
        for names in reader[0].refers(pronoun):
            for begin, _end in names:
                found = _mention_at(begin, mentions, starts)
                if found is not None and found.kind in kinds:
                    return found  # a surname the tagger read as an organisation never takes "he" here
        return None

    quotes: list[Quote] = []
    last_by_paragraph: dict[int, Quote] = {}
    last_sentence = -1
    for start, end in spans:
        words = doc.char_span(start, end, alignment_mode="expand")
        if words is None or not len(words):  # only blanks between the marks: no words to quote
            continue
        sentence = words[0].sent.start
        if not _clause(words) and sentence != last_sentence:
            continue
        last_sentence = sentence
        para = article.paragraph_at(start)
        speaker = _attribute(doc, article, start, end, spans, mentions, starts, resolve)
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


def _clause(words: SpacySpan) -> bool:
    """True when quoted words are a clause: a verb heading them has its subject inside, or they command.

    "This is just the beginning" and "Stop me if you've seen this" are; "exciting",
    "a nominal charge" and "been compiled for Intel processors" (its subject outside) are not.
    """
    content = [t for t in words if not (t.is_punct or t.is_space or t.text in "[]")]
    if len(content) < 2:
        return False
    inside = range(words.start, words.end)
    for tok in words:
        if tok.head.i in inside and tok.head.i != tok.i:
            continue  # not a head of the quoted words
        if (
            tok.pos_ in ("VERB", "AUX")
            and len(tok.text) > 1
            and any(  # not "s" of "Wayne ’ s World"
                c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and c.i in inside for c in tok.children
            )
        ):
            return True
    return content[0].tag_ == "VB" and content[0].text[:1].isupper()


def _attribute(
    doc: Doc,
    article: Article,
    start: int,
    end: int,
    spans: list[tuple[int, int]],
    mentions: Sequence[Mention],
    starts: list[int],
    resolve: Callable[[Token], Mention | None],
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
        if subject.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
            antecedent = resolve(subject)  # the subject a sentence or two back first, as for participants
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
