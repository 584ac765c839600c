"""Join person mentions into people (stage 4: resolve).

Full names group by their key (case, particles and middle initials ignored);
full names with one surname whose given names are nicknames of each other join
("Tim Cook", "Timothy D. Cook"). A bare surname ("Assad") joins the one full
name in the same article that ends with it, or else the only one in the whole
corpus; a first name ("Steve") joins the full name its article names more often
than all others together. Two people who share a surname stay apart and both
carry a note for the curator; a lone word that names no one in the corpus and
has no title is dropped ("Tiger", "Reader" are products and common words more
often than people).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace

from generator.model import Actor, Mention
from generator.resolve import names as keys
from generator.resolve.naming import actor_record, display_name, same_key_reasons

Key = tuple[str, ...]
"""A person's name key: lowercased words without particles or middle initials."""


def resolve_persons(mentions: Sequence[Mention], retyped: dict[Mention, str]) -> list[Actor]:
    """Group person mentions by full name, join nicknames, then attach bare surnames and first names."""
    full: dict[Key, list[Mention]] = defaultdict(list)
    single: list[Mention] = []
    for m in mentions:
        key = keys.person_key(m.name)
        (full[key] if len(key) > 1 else single).append(m)
    reasons: dict[Key, list[str]] = defaultdict(list)
    _join_nicknames(full, reasons)
    _join_misspellings(full, reasons)
    by_surname = _index(full, -1)
    by_first = _index(full, 0)
    articles_of = {key: {m.span.article for m in ms} for key, ms in full.items()}
    loose: dict[str, list[Mention]] = defaultdict(list)
    for m in single:
        word = keys.person_key(m.name)[0]
        candidates = by_surname.get(word, [])
        here = [k for k in candidates if m.span.article in articles_of[k]]
        first_here = [k for k in by_first.get(word, []) if m.span.article in articles_of[k]]
        if len(here) == 1:
            full[here[0]].append(m)
            reasons[here[0]].append(
                f"'{m.name}' is the surname of {display_name(full[here[0]])} in the same article"
            )
        elif not here and len(candidates) == 1:
            full[candidates[0]].append(m)
            reasons[candidates[0]].append(
                f"'{m.name}' is the surname of {display_name(full[candidates[0]])}, "
                "the only one in the corpus"
            )
        elif not candidates and (best := _most_named(first_here, full, m.span.article)):
            full[best].append(m)
            reasons[best].append(
                f"'{m.name}' is the first name of {display_name(full[best])}, "
                "the one most named in its article"
            )
        elif candidates or by_first.get(word) or _titled(m):
            loose[word].append(m)
        # else: a lone word that names no one in the corpus and has no title.
    actors = []
    for key, ms in sorted(full.items()):
        namesakes = [k for k in by_surname[key[-1]] if k != key]
        notes = tuple(
            f"Shares the surname '{ms[0].name.split()[-1]}' with {display_name(full[k])}; not merged."
            for k in namesakes
        )
        same = same_key_reasons((m for m in ms if len(keys.person_key(m.name)) > 1), keys.person_key)
        actors.append(actor_record(display_name(ms), "person", ms, notes, (*same, *reasons[key]), retyped))
    for surname, ms in sorted(loose.items()):
        notes = tuple(f"Could be {display_name(full[k])}; not merged." for k in by_surname.get(surname, []))
        actors.append(actor_record(display_name(ms), "person", ms, notes, (), retyped))
    return actors


def _index(full: dict[Key, list[Mention]], position: int) -> dict[str, list[Key]]:
    """Full-name keys by their word at `position` (0: first name, -1: surname), sorted."""
    found: dict[str, list[Key]] = defaultdict(list)
    for key in sorted(full):
        found[key[position]].append(key)
    return found


def _most_named(keys_here: list[Key], full: dict[Key, list[Mention]], article: str) -> Key | None:
    """Of full names in an article, the one named more often there than all the others together."""
    counts = sorted(((sum(m.span.article == article for m in full[k]), k) for k in keys_here), reverse=True)
    if counts and counts[0][0] > sum(c for c, _k in counts[1:]):
        return counts[0][1]
    return None


def _join_nicknames(full: dict[Key, list[Mention]], reasons: dict[Key, list[str]]) -> None:
    """Join full names with one surname whose given names are nicknames of each other (Tim, Timothy)."""

    def nicknames(key: Key, other: Key) -> str:
        if other[1:-1] == key[1:-1] and other[0] != key[0] and keys.same_given_name(other[0], key[0]):
            return f"'{key[0].title()}' and '{other[0].title()}' are one given name"
        return ""

    _join_by(full, reasons, -1, nicknames)


def _join_misspellings(full: dict[Key, list[Mention]], reasons: dict[Key, list[str]]) -> None:
    """Join full names with one given name whose surnames differ by a slip ("Albert Melknikov" and the
    more often named "Albert Melnikov"), when the whole name is long enough for `names.misspelt`."""

    def slipped(key: Key, other: Key) -> str:
        slips = keys.misspelt("".join(other), "".join(key)) if other[:-1] == key[:-1] else 0
        return (
            f"the surnames differ by {slips} letter{'s' if slips > 1 else ''}, a misspelling" if slips else ""
        )

    _join_by(full, reasons, 0, slipped)


def _join_by(
    full: dict[Key, list[Mention]],
    reasons: dict[Key, list[str]],
    position: int,
    why: Callable[[Key, Key], str],
) -> None:
    """Join into the more often named full name each other one with the same word at `position` and
    as many words for which `why` gives a reason."""
    for group in _index(full, position).values():
        for key in sorted(group, key=lambda k: (-len(full[k]), k)):
            for other in group:
                if other == key or key not in full or other not in full or len(other) != len(key):
                    continue
                because = why(key, other)
                if because:
                    reasons[key].append(
                        f"{display_name(full[key])} and {display_name(full[other])}: {because}"
                    )
                    reasons[key].extend(reasons.pop(other, []))
                    full[key].extend(full.pop(other))


def _titled(mention: Mention) -> bool:
    """True when the mention carries a title or role: "Mr Assad", "Senator McCain"."""
    return bool(mention.role) or len(mention.span.text.split()) > len(mention.name.split())


def surnames_as_people(mentions: Sequence[Mention]) -> list[Mention]:
    """Read "Jobs" tagged as an organisation as the person, when the corpus says so.

    Only for a one-word name that is the surname of exactly one full name in the corpus, and
    that the tagger reads as a person at least as often or whose full name stands in the same
    article ("Mark Papermaster ... Papermaster").
    """
    surnames: dict[str, set[Key]] = defaultdict(set)
    articles_of: dict[Key, set[str]] = defaultdict(set)
    for m in mentions:
        key = keys.person_key(m.name)
        if m.kind == "person":
            articles_of[key].add(m.span.article)
            if len(key) > 1:
                surnames[key[-1]].add(key)
    votes: Counter[tuple[str, str]] = Counter((m.span.text, m.kind) for m in mentions)
    result = []
    for m in mentions:
        key = keys.person_key(m.name)
        owners = surnames.get(key[0], set()) if len(key) == 1 else set()
        if (
            m.kind == "organisation"
            and len(owners) == 1
            and (
                votes[(m.span.text, "person")] >= votes[(m.span.text, "organisation")]
                or m.span.article in articles_of[next(iter(owners))]
            )
        ):
            m = replace(m, kind="person", label=f"{m.label}→person")
        result.append(m)
    return result
