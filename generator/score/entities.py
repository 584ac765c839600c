"""Score actor and place mentions: typed recall, cross-document identity and precision.

Both systems are typed onto MEANTIME's entity types:
- ours: the mentions on actor and place pages after propagation, resolution and
  kind votes, typed person → PER, organisation and group → ORG, state and place → LOC;
- raw spaCy: the stock pipeline's `doc.ents`, typed PERSON → PER, ORG → ORG,
  GPE, LOC, FAC and NORP → LOC (NORP because MEANTIME types "German" and "Irish"
  as LOC). Its "actor pages" are its distinct (label, text) pairs, as a reader of
  raw output sees them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.model import ACTOR_KINDS, Briefing
from generator.score.gold import Gold
from generator.score.match import Ratio, Tagged, by_article, overlapping

TYPES = ("PER", "ORG", "LOC")
"""Gold entity types scored: persons, organisations, locations."""

OUR_TYPES = {"person": "PER", "organisation": "ORG", "group": "ORG", "state": "LOC", "place": "LOC"}
"""Our kinds as MEANTIME types."""

RAW_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "LOC"}
"""spaCy entity labels as MEANTIME types."""

SAME_TYPES = {t: t for t in TYPES}
"""The typing of a system whose mentions already carry MEANTIME types (raw spaCy, once mapped)."""

KINDS = (*ACTOR_KINDS, "place")
"""Kinds in the fully annotated set."""


@dataclass(frozen=True, slots=True)
class IdentityScores:
    """How gold entities that recur across articles map onto actor pages."""

    recurring: int
    """Gold PER/ORG entities named (NAM) in two or more articles."""
    found: int
    """Of those, how many have at least one mention on an actor page."""
    single_page: int
    """Of the recurring ones, how many land on exactly one actor page."""
    split: int
    """Of the recurring ones, how many are spread over two or more actor pages."""
    pages: int
    """Actor pages that hold at least one gold PER/ORG name."""
    mixed_pages: int
    """Actor pages whose gold names belong to two or more gold entities."""
    split_names: tuple[str, ...] = ()
    """The gold entities spread over several pages, for reading."""
    mixed_names: tuple[str, ...] = ()
    """The pages that mix gold entities, for reading."""

    def __add__(self, other: IdentityScores) -> IdentityScores:
        return IdentityScores(
            self.recurring + other.recurring,
            self.found + other.found,
            self.single_page + other.single_page,
            self.split + other.split,
            self.pages + other.pages,
            self.mixed_pages + other.mixed_pages,
            self.split_names + other.split_names,
            self.mixed_names + other.mixed_names,
        )


@dataclass(frozen=True, slots=True)
class PrecisionScores:
    """One system's precision (and recall) on the fully annotated set."""

    typed: Ratio
    """Mentions that overlap an annotated mention of the same PER/ORG/LOC type."""
    kind: Ratio
    """Ours only: mentions whose kind (person, organisation, state, group, place) matches exactly."""
    recall: Ratio
    """Annotated mentions overlapped by a mention of the same type."""
    errors: tuple[str, ...]
    """The wrong mentions, "article: text (type)", for reading."""
    junk: Ratio
    """Pages (of those with a mention in the set) none of whose mentions is an annotated one."""
    junk_pages: tuple[str, ...]
    """The junk pages, for reading."""
    identity: IdentityScores | None
    """Recurring annotated instances vs pages, when the set gives instances; else None."""


def our_mentions(briefing: Briefing) -> list[Tagged]:
    """Every mention on an actor or place page, typed by its page's kind."""
    found = [
        Tagged(m.span.article, m.span.start, m.span.end, a.kind, a.id)
        for a in briefing.actors
        for m in a.mentions
    ]
    taken = {(t.article, t.start, t.end) for t in found}
    # A state's mentions also sit on its country's place page: count them once.
    found += [
        Tagged(m.span.article, m.span.start, m.span.end, "place", "place:" + p.id)
        for p in briefing.places
        for m in p.mentions
        if (m.span.article, m.span.start, m.span.end) not in taken
    ]
    return sorted(found, key=lambda t: (t.article, t.start, t.end))


def raw_mentions(ents: dict[str, list[tuple[int, int, str, str]]]) -> list[Tagged]:
    """Raw spaCy entities with a mapped type; the page is the label and text."""
    return [
        Tagged(article, start, end, RAW_TYPES[label], f"{label}:{text}")
        for article, items in sorted(ents.items())
        for start, end, label, text in items
        if label in RAW_TYPES
    ]


def typed_recall(system: Iterable[Tagged], gold: dict[str, Gold], typed: dict[str, str]) -> dict[str, Ratio]:
    """Share of gold NAM mentions of each type overlapped by a system mention of that type."""
    spans = by_article(system)
    hits: dict[str, int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    for article, data in gold.items():
        for ent in data.get("entities", []):
            if ent["syntactic_type"] != "NAM" or ent["type"] not in TYPES:
                continue
            totals[ent["type"]] += 1
            if any(
                typed[t.type] == ent["type"]
                for t in overlapping(spans.get(article, []), ent["start"], ent["end"])
            ):
                hits[ent["type"]] += 1
    result = {kind: Ratio(hits[kind], totals[kind]) for kind in TYPES}
    result["all"] = Ratio(sum(hits.values()), sum(totals.values()))
    return result


def identity_scores(briefing: Briefing, gold: dict[str, Gold]) -> IdentityScores:
    """Cross-document identity of our actor pages."""
    return identity_from_pages(
        [t for t in our_mentions(briefing) if not t.page.startswith("place:")], gold, OUR_TYPES
    )


def identity_from_pages(
    system: Iterable[Tagged], gold: dict[str, Gold], typed: dict[str, str] | None = None
) -> IdentityScores:
    """Cross-document identity: recurring gold PER/ORG entities vs the pages their names land on."""
    names = [
        (
            Tagged(article, ent["start"], ent["end"], ent["type"], ent["instance_id"]),
            ent["entity"].strip() or ent["text"],
        )
        for article, data in gold.items()
        for ent in data.get("entities", [])
        if ent["syntactic_type"] == "NAM" and ent["type"] in ("PER", "ORG") and ent["instance_id"]
    ]
    return identity(system, names, typed)


def identity(
    system: Iterable[Tagged], names: Iterable[tuple[Tagged, str]], typed: dict[str, str] | None = None
) -> IdentityScores:
    """Recurring gold entities vs the pages their names land on.

    `names` are gold names typed PER/ORG/LOC, each with its instance as the page and a label
    to show; `typed` maps the system's types onto those (None when they already match).

    A system mention stands for one gold name: the one it fits best (same type, most overlap,
    same end). A gold name whose best mention stands for another ("U.S." nested in "U.S. Navy",
    both annotated; "China Eastern" inside "China Eastern's board of directors") is not put on
    that mention's page: the system did not name it there, which is a miss, not a page mixing
    two entities.
    """
    names = list(names)
    spans = by_article(system)
    golds = by_article(name for name, _label in names)

    def fit(t: Tagged, name: Tagged) -> tuple[bool, int, bool]:
        return (
            (typed or {}).get(t.type, t.type) == name.type,
            min(t.end, name.end) - max(t.start, name.start),
            t.end == name.end,
        )

    stands_for = {
        t: max(overlapping(golds[t.article], t.start, t.end), key=lambda g: (*fit(t, g), -g.start, g.end))
        for t in spans_of(spans, golds)
    }
    docs_of: dict[str, set[str]] = defaultdict(set)
    pages_of: dict[str, set[str]] = defaultdict(set)
    entities_on: dict[str, set[str]] = defaultdict(set)
    label_of: dict[str, str] = {}
    for name, label in names:
        docs_of[name.page].add(name.article)
        label_of.setdefault(name.page, label)
        candidates = [
            (*fit(t, name), t.page, t) for t in overlapping(spans.get(name.article, []), name.start, name.end)
        ]
        if candidates:
            # The mention of the gold type that covers most of the gold name, then the one ending with
            # it (its head): "Joe Leonard, Chairman ... of AirTran Airways" is Joe Leonard.
            *_fit, page, best = max(candidates, key=lambda c: c[:4])
            if stands_for[best] != name:
                continue  # the mention names a gold name it fits better ("U.S. Navy", not "U.S.")
            pages_of[name.page].add(page)
            entities_on[page].add(name.page)
    recurring = sorted(i for i, docs in docs_of.items() if len(docs) >= 2)
    split = [i for i in recurring if len(pages_of[i]) >= 2]
    mixed = sorted(p for p, ents in entities_on.items() if len(ents) >= 2)
    return IdentityScores(
        recurring=len(recurring),
        found=sum(1 for i in recurring if pages_of[i]),
        single_page=sum(1 for i in recurring if len(pages_of[i]) == 1),
        split=len(split),
        pages=len(entities_on),
        mixed_pages=len(mixed),
        split_names=tuple(f"{label_of[i]} → {', '.join(sorted(pages_of[i]))}" for i in split),
        mixed_names=tuple(f"{p} ← {', '.join(sorted(label_of[i] for i in entities_on[p]))}" for p in mixed),
    )


def spans_of(spans: dict[str, list[Tagged]], golds: dict[str, list[Tagged]]) -> Iterator[Tagged]:
    """The system's spans that overlap a gold name."""
    for article, items in spans.items():
        for t in items:
            if any(True for _ in overlapping(golds.get(article, []), t.start, t.end)):
                yield t


def annotated_identity(
    system: Iterable[Tagged], annotated: dict[str, list[Tagged]], typed: dict[str, str]
) -> IdentityScores:
    """Identity on a fully annotated set whose mentions carry instances: every kind, places too."""
    names = [
        (Tagged(g.article, g.start, g.end, OUR_TYPES[g.type], g.page), g.page)
        for golds in annotated.values()
        for g in golds
        if g.page
    ]
    return identity(system, names, typed)


def junk_pages(system: Iterable[Tagged], annotated: dict[str, list[Tagged]]) -> tuple[Ratio, tuple[str, ...]]:
    """Pages with mentions in the annotated articles none of which overlaps an annotated mention."""
    hits: dict[str, bool] = {}
    for t in system:
        if t.article in annotated:
            hit = any(True for _ in overlapping(annotated[t.article], t.start, t.end))
            hits[t.page] = hits.get(t.page, False) or hit
    junk = tuple(sorted(page for page, hit in hits.items() if not hit))
    return Ratio(len(junk), len(hits)), junk


def precision(
    system: Iterable[Tagged],
    annotated: dict[str, list[Tagged]],
    typed: dict[str, str],
    bodies: dict[str, str],
) -> PrecisionScores:
    """Precision and recall of a system's mentions against the fully annotated set."""
    spans = by_article(t for t in system if t.article in annotated)
    typed_hits = kind_hits = count = 0
    errors = []
    for article, items in sorted(spans.items()):
        for t in items:
            count += 1
            gold = list(overlapping(annotated[article], t.start, t.end))
            if any(OUR_TYPES[g.type] == typed[t.type] for g in gold):
                typed_hits += 1
            else:
                found = "/".join(sorted({g.type for g in gold})) or "nothing"
                errors.append(
                    f"{article}: {bodies[article][t.start : t.end]!r} as {t.type}, annotated {found}"
                )
            kind_hits += any(g.type == t.type for g in gold)
    recalled = sum(
        any(typed[t.type] == OUR_TYPES[g.type] for t in overlapping(spans.get(article, []), g.start, g.end))
        for article, golds in annotated.items()
        for g in golds
    )
    system = [t for items in spans.values() for t in items]
    junk, junk_names = junk_pages(system, annotated)
    has_instances = any(g.page for golds in annotated.values() for g in golds)
    return PrecisionScores(
        typed=Ratio(typed_hits, count),
        kind=Ratio(kind_hits, count) if set(typed) == set(OUR_TYPES) else Ratio(0, 0),
        recall=Ratio(recalled, sum(len(g) for g in annotated.values())),
        errors=tuple(errors),
        junk=junk,
        junk_pages=junk_names,
        identity=annotated_identity(system, annotated, typed) if has_instances else None,
    )
