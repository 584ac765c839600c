"""Page names and actor records for groups of joined mentions (stage 4: resolve)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence

from generator.extract import lexicon
from generator.extract.mentions import ROLE_NOUNS
from generator.model import Actor, Mention
from generator.resolve.roles import roles_of


def display_name(
    mentions: Iterable[Mention], grouped: dict[Mention, str] | None = None, curated: Collection[str] = ()
) -> str:
    """The page name: a curated name, else the most frequent full proper name.

    `grouped` gives the name each mention was grouped under, `curated` the names a data file
    gives. A person's full name beats a bare surname; an organisation's spelled-out name beats an
    acronym, and a name ending with a role or a common noun ("Boeing Executive", "Force Ouvrière
    union") is never chosen when another fits. Ties go to the longer name.
    """
    mentions = list(mentions)
    if grouped is not None:
        chosen = sorted({grouped[m] for m in mentions if grouped[m] in curated})
        if chosen:
            return chosen[0]
    # An organisation's names count as the name each was grouped under ("Boeing" for its divisions).
    counts = Counter(grouped[m] if grouped is not None else m.name for m in mentions)
    person = any(m.kind == "person" for m in mentions)

    def shortens(name: str) -> bool:
        """True for "Lockheed" beside "Lockheed Martin": a name another one continues, not as a division."""
        return any(
            n.startswith(name + " ")
            and not lexicon.is_division(n[len(name) + 1 :])
            and not ROLE_NOUNS.match(n.split()[-1])
            and not n.split()[-1].islower()
            for n in counts
        )

    def rank(name: str) -> tuple[bool, bool, bool, int, int, str]:
        words = name.split()
        return (
            (person and len(words) < 2 and any(len(n.split()) > 1 for n in counts))
            or (not person and shortens(name)),
            (bool(ROLE_NOUNS.match(words[-1])) or words[-1].islower()) and len(counts) > 1,
            name.isupper() and len(counts) > 1,
            -counts[name],
            -len(words),
            name,
        )

    return min(counts, key=rank)


def actor_record(
    name: str,
    kind: str,
    mentions: Sequence[Mention],
    notes: tuple[str, ...] = (),
    reasons: Iterable[str] = (),
    retyped: dict[Mention, str] | None = None,
) -> Actor:
    """An actor from its mentions, with why its names were joined (`retyped`: why a mention changed kind)."""
    ordered = tuple(sorted(mentions, key=lambda m: (m.span.article, m.span.start)))
    why = retyped or {}
    return Actor(
        id="",
        name=name,
        kind=kind,
        aliases=tuple(sorted({m.name for m in ordered} - {name})),
        roles=roles_of(ordered),
        mentions=ordered,
        notes=notes,
        merged_because=tuple(dict.fromkeys((*sorted({why[m] for m in ordered if m in why}), *reasons))),
        unlisted=unlisted_reason(ordered),
    )


def unlisted_reason(mentions: Sequence[Mention]) -> str:
    """Why a page is left off the site: the commonest reason, when most of its mentions are junk."""
    reasons = Counter(m.unlisted for m in mentions if m.unlisted)
    if not reasons or 2 * sum(reasons.values()) <= len(mentions):
        return ""
    return min(reasons, key=lambda r: (-reasons[r], r))


def same_key_reasons(mentions: Iterable[Mention], key: Callable[[str], object]) -> list[str]:
    """Why differently written names with one key were joined: they differ only in form."""
    forms: dict[object, set[str]] = defaultdict(set)
    for m in mentions:
        forms[key(m.name)].add(m.name)
    return [
        f"{', '.join(repr(f) for f in sorted(names))}: "
        "one name but for case, punctuation, initials or legal form"
        for _key, names in sorted(forms.items(), key=lambda kv: sorted(kv[1]))
        if len(names) > 1
    ]
