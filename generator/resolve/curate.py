"""Apply the curator's overrides (stage 5: curate).

Actor and place overrides are written under a name the machine produced:
the canonical name or any alias; this module applies them in file order, so
a later override sees what an earlier one renamed, merged or split. Event and
figure overrides are written under the id that `briefing.json` gives them,
and are applied after events and figures are built (`curate_events` and
`curate_figures`, in the module of that name; importable from here).

A name that matches nothing but is close to an existing one is an error with
a "did you mean"; it is almost certainly a typo. A name that matches nothing
and resembles nothing is a stale override (the article that produced it is
gone): a warning, which `--strict` makes fatal. Every change leaves a line in
the record's curation trail, which the pages show as a "curated" mark.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from generator.model import Actor, Analysis, Mention, Place, Span
from generator.read.overrides import ActorOverride, MentionPin, Overrides, PlaceOverride, suggest
from generator.resolve.curate_events import curate_events, curate_figures, dated
from generator.resolve.curate_shared import Problems, trail, trail_line
from generator.resolve.roles import roles_of, union
from generator.slugs import slugify, unique_slugs
from generator.spans import sentence_or_paragraph

__all__ = ["Curated", "curate", "curate_events", "curate_figures", "dated"]

T = TypeVar("T", Actor, Place)
EntityOverride = ActorOverride | PlaceOverride
"""An override of an actor or a place."""


@dataclass(frozen=True, slots=True)
class Curated:
    """Actors and places after overrides, with the problems found."""

    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    descriptions: dict[str, str]
    """Page id → curator's description."""
    errors: tuple[str, ...]
    warnings: tuple[str, ...]
    unlisted: tuple[Actor | Place, ...] = ()
    """Candidates the junk filter left out and no override brought back, without ids."""


def curate(
    actors: Sequence[Actor], places: Sequence[Place], overrides: Overrides, analyses: Sequence[Analysis] = ()
) -> Curated:
    """Apply actor and place overrides, then give every actor and place a unique, stable id."""
    problems = Problems()
    descriptions: dict[tuple[str, str], str] = {}
    sentences = {a.article.id: a for a in analyses}
    new_actors = _apply(
        list(actors), overrides.actors, "actor", _new_actor, problems, descriptions, sentences
    )
    new_places = _apply(
        list(places), overrides.places, "place", _new_place, problems, descriptions, sentences
    )
    unlisted: list[Actor | Place] = [a for a in new_actors if a.unlisted]
    unlisted += [p for p in new_places if p.unlisted]
    new_actors = [a for a in new_actors if not a.unlisted]
    new_places = [p for p in new_places if not p.unlisted]
    new_actors = _with_ids(new_actors, lambda a: f"{a.kind}:{a.name}", "actor", problems.warnings)
    new_places = _with_ids(new_places, lambda p: p.name.lower(), "place", problems.warnings)
    by_name = {p.name.lower(): p.id for p in new_places}
    new_actors = [
        replace(a, place=by_name.get(a.name.lower(), "")) if a.kind == "state" else a for a in new_actors
    ]
    resolved = {
        a.id: descriptions[("actor", a.name.lower())]
        for a in new_actors
        if ("actor", a.name.lower()) in descriptions
    }
    resolved |= {
        p.id: descriptions[("place", p.name.lower())]
        for p in new_places
        if ("place", p.name.lower()) in descriptions
    }
    return Curated(
        tuple(sorted(new_actors, key=lambda a: a.id)),
        tuple(sorted(new_places, key=lambda p: p.id)),
        resolved,
        tuple(problems.errors),
        tuple(problems.warnings),
        tuple(sorted(unlisted, key=lambda i: (i.name.lower(), i.kind))),
    )


def _with_ids(items: list[T], key: Any, what: str, warnings: list[str]) -> list[T]:
    """Give items unique slugs; two items with the same name get -2, -3 in a stable order, and a warning."""
    keys: list[tuple[str, T]] = []
    seen: dict[str, int] = {}
    for item in sorted(
        items,
        key=lambda i: (
            key(i),
            i.mentions[0].span.article if i.mentions else "",
            i.mentions[0].span.start if i.mentions else 0,
        ),
    ):
        base = key(item)
        seen[base] = seen.get(base, 0) + 1
        keys.append((f"{base}\x00{seen[base]:04d}", item))
    ids = unique_slugs([(k, i.name) for k, i in keys])
    owner = {ids[k]: i for k, i in keys}
    for k, item in sorted(keys, key=lambda pair: pair[0]):  # the order unique_slugs numbers them in
        base = slugify(item.name)
        if ids[k] != base:
            warnings.append(
                f"two {what}s would share the page {what}s/{base}.md: '{owner[base].name}' "
                f"({owner[base].kind}) and '{item.name}' ({item.kind}); the second is {what}s/{ids[k]}.md"
            )
    return [replace(i, id=ids[k]) for k, i in keys]


def _names(items: Sequence[Actor | Place | None]) -> list[str]:
    """Every name and alias, for "did you mean"."""
    return [n for i in items if i is not None for n in (i.name, *i.aliases)]


def _apply(
    items: list[T],
    entries: Sequence[EntityOverride],
    what: str,
    new: Callable[[EntityOverride], T],
    problems: Problems,
    descriptions: dict[tuple[str, str], str],
    analyses: dict[str, Analysis],
) -> list[T]:
    """Apply one section's overrides to actors or places, in file order."""
    pool: list[T | None] = list(items)
    for entry in entries:
        index = _find(pool, entry.key)
        if index is None:
            if entry.mentions is None:
                problems.missing(entry, what, entry.key, _names(pool))
                continue
            pool.append(new(entry))  # pinned mentions give the machine's miss a page
            index = len(pool) - 1
        if entry.hide:
            pool[index] = None
            continue
        item = pool[index]
        assert item is not None
        pool[index] = _apply_one(pool, index, item, entry, what, problems, descriptions, analyses)
    return [i for i in pool if i is not None and i.mentions]


def _apply_one(
    pool: list[T | None],
    index: int,
    item: T,
    entry: EntityOverride,
    what: str,
    problems: Problems,
    descriptions: dict[tuple[str, str], str],
    analyses: dict[str, Analysis],
) -> T:
    """The item at `index` with one override applied and its line added to the trail."""
    notes: list[str] = []
    if entry.split:
        item = _split(pool, item, entry, what, problems, notes)
    item = _merge(pool, index, item, entry, what, problems, notes)
    if entry.listed and item.unlisted:
        notes.append(f"listed although the junk filter said: {item.unlisted}")
        item = replace(item, unlisted="")
    taken = _find(pool, entry.name, skip=index) if entry.name is not None else None
    if entry.name is not None and taken is not None:
        other = pool[taken]
        assert other is not None
        problems.errors.append(
            f"{entry.where_of('name')}: cannot rename '{item.name}' to '{entry.name}': another {what} "
            f"is called '{other.name}'; to make them one, list '{item.name}' under 'aliases:' of "
            f"'{other.name}' instead"
        )
    elif entry.name is not None and entry.name != item.name:
        notes.append(f"renamed from “{item.name}”")
        aliases = (set(item.aliases) | {item.name}) - {entry.name}
        item = replace(item, name=entry.name, aliases=tuple(sorted(aliases)))
    if entry.mentions:
        item = _pin(pool, index, item, entry.mentions, problems, notes, analyses)
    if entry.kind is not None and entry.kind != item.kind:
        notes.append(f"kind set to {entry.kind}")
        item = replace(item, kind=entry.kind)
    if isinstance(entry, ActorOverride) and isinstance(item, Actor) and entry.roles is not None:
        added = sorted(set(entry.roles) - set(item.roles))
        if added:
            notes.append("roles added: " + ", ".join(added))
        item = replace(item, roles=union(entry.roles, item.roles))  # the curator's first
    if (
        isinstance(entry, PlaceOverride)
        and isinstance(item, Place)
        and (entry.lat is not None or entry.lon is not None)
    ):
        lat = float((item.lat or 0.0) if entry.lat is None else entry.lat)
        lon = float((item.lon or 0.0) if entry.lon is None else entry.lon)
        if (lat, lon) != (item.lat, item.lon):
            notes.append("coordinates set")
        item = replace(item, lat=lat, lon=lon)
    if entry.description is not None:
        descriptions[(what, item.name.lower())] = entry.description
        notes.append("description written")
    return replace(item, curated=(*item.curated, trail_line(notes, entry)))


def _new_actor(entry: EntityOverride) -> Actor:
    """An actor the machine missed, created for its pinned mentions."""
    return Actor(
        "", entry.key, entry.kind or "person", (), (), (), curated=(trail("added by the curator", entry),)
    )


def _new_place(entry: EntityOverride) -> Place:
    """A place the machine missed, created for its pinned mentions."""
    return Place(
        "",
        entry.key,
        entry.kind or "place",
        None,
        None,
        (),
        (),
        curated=(trail("added by the curator", entry),),
    )


def _split(
    pool: list[T | None], item: T, entry: EntityOverride, what: str, problems: Problems, notes: list[str]
) -> T:
    """Move the mentions of the `split` aliases into a new item named after the first of them."""
    names = [n.strip() for n in entry.split]
    wanted = {n.lower() for n in names}
    moved = tuple(m for m in item.mentions if m.name.lower() in wanted or m.span.text.lower() in wanted)
    found = {m.name.lower() for m in moved} | {m.span.text.lower() for m in moved}
    for name in names:
        if name.lower() not in found:
            choices = sorted({m.name for m in item.mentions} | {m.span.text for m in item.mentions})
            problems.missing(entry, f"mention of '{item.name}'", name, choices, verb="cannot split: ")
    if not moved:
        return item
    kept = tuple(m for m in item.mentions if m not in moved)
    aliases = tuple(sorted(a for a in item.aliases if a.lower() not in wanted))
    note = trail(f"split from “{item.name}”", entry)
    other = replace(
        item,
        id="",
        name=names[0],
        aliases=tuple(sorted(set(names[1:]))),
        mentions=moved,
        curated=(note,),
        merged_because=(),
    )
    if isinstance(other, Actor):
        other = replace(other, roles=roles_of(moved), quotes=(), notes=())
    pool.append(other)
    notes.append("split off “" + names[0] + "”")
    return replace(item, mentions=kept, aliases=aliases)


def _merge(
    pool: list[T | None],
    index: int,
    item: T,
    entry: EntityOverride,
    what: str,
    problems: Problems,
    notes: list[str],
) -> T:
    """Merge the items named in `aliases` into this one."""
    for alias in entry.aliases:
        if alias.strip().lower() in {n.lower() for n in (item.name, *item.aliases)}:
            problems.warnings.append(
                f"{entry.where}: '{alias}' is already a name of '{item.name}'; nothing to merge"
            )
            continue
        other = _find(pool, alias, skip=index)
        if other is None:
            problems.missing(
                entry, what, alias, _names(pool), verb=f"cannot merge '{alias}' into '{entry.key}': "
            )
            continue
        merged = pool[other]
        assert merged is not None
        item = _absorb(item, merged)
        pool[other] = None
        notes.append(f"merged “{merged.name}”")
    return item


def _absorb(item: T, merged: T) -> T:
    """`item` with the names, mentions, trail and (for actors) roles of `merged` added."""
    mentions = {(m.span.article, m.span.start, m.span.end): m for m in (*item.mentions, *merged.mentions)}
    item = replace(
        item,
        aliases=tuple(sorted({*item.aliases, merged.name, *merged.aliases} - {item.name})),
        mentions=tuple(sorted(mentions.values(), key=_mention_order)),
        curated=(*item.curated, *merged.curated),
    )
    if isinstance(item, Actor) and isinstance(merged, Actor):
        item = replace(item, roles=union(roles_of(item.mentions), item.roles, merged.roles))
    return item


def _mention_order(m: Mention) -> tuple[str, int, int]:
    return (m.span.article, m.span.start, m.span.end)


def _pin(
    pool: list[T | None],
    index: int,
    item: T,
    pins: Sequence[MentionPin],
    problems: Problems,
    notes: list[str],
    analyses: dict[str, Analysis],
) -> T:
    """Attach the pinned mentions to this item, taking them from whichever item had them."""
    pinned = 0
    for pin in pins:
        moved = _pin_one(pool, index, item, pin, problems, analyses)
        if moved is not None:
            item = moved
            pinned += 1
    if pinned:
        notes.append(f"{pinned} mention{'s' if pinned > 1 else ''} pinned")
    return item


def _pin_one(
    pool: list[T | None],
    index: int,
    item: T,
    pin: MentionPin,
    problems: Problems,
    analyses: dict[str, Analysis],
) -> T | None:
    """The item with one more pinned mention, or None (and the problem reported) when it cannot be."""
    article = analyses.get(pin.article)
    if article is None:
        problems.errors.append(
            f"{pin.where}: no article with the id '{pin.article}'{suggest(pin.article, sorted(analyses))}"
        )
        return None
    span = _locate(article, pin)
    if span is None:
        if pin.text is not None:
            what_pin = f"'{pin.text}' (occurrence {pin.occurrence})"
        else:
            what_pin = f"a name at offset {pin.start}"
        problems.errors.append(f"{pin.where}: {what_pin} is not in article '{pin.article}'")
        return None
    if any(_same(m.span, span) for m in item.mentions):
        problems.warnings.append(
            f"{pin.where}: '{span.text}' in '{span.article}' is already a mention of "
            f"'{item.name}'; nothing to pin"
        )
        return None
    existing: Mention | None = None
    for other_index, other in enumerate(pool):
        if other is None or other_index == index:
            continue
        existing = existing or next((m for m in other.mentions if _same(m.span, span)), None)
        keep = tuple(m for m in other.mentions if not _overlap(m.span, span))
        if len(keep) != len(other.mentions):
            pool[other_index] = replace(other, mentions=keep)
    # Annotated because mypy cannot infer a local used inside replace() on a constrained TypeVar.
    own: tuple[Mention, ...] = tuple(m for m in item.mentions if not _overlap(m.span, span))
    mention = (
        replace(existing, kind=_mention_kind(item))
        if existing
        else Mention(
            span, span.text, _mention_kind(item), "curated", sentence_or_paragraph(article, span.start)
        )
    )
    return replace(item, mentions=tuple(sorted((*own, mention), key=_mention_order)))


def _mention_kind(item: Actor | Place) -> str:
    return item.kind if isinstance(item, Actor) else "place"


def _same(a: Span, b: Span) -> bool:
    return (a.article, a.start, a.end) == (b.article, b.start, b.end)


def _overlap(a: Span, b: Span) -> bool:
    return a.article == b.article and a.start < b.end and b.start < a.end


def _locate(analysis: Analysis, pin: MentionPin) -> Span | None:
    """The span a pinned mention names: the n-th whole-word occurrence of `text`, or at `start`."""
    body = analysis.article.body
    text = pin.text
    if pin.start is not None:
        start = pin.start
        if not 0 <= start < len(body):
            return None  # a negative offset would count from the end of the body
        if text is None:
            match = re.compile(r"\w[\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*").match(body, start)
            if match is None:
                return None
            text = match.group(0).rstrip(".")
        if not text or body[start : start + len(text)] != text:
            return None
        return Span(analysis.article.id, start, start + len(text), text)
    assert text is not None  # the loader refuses a pin with neither 'text' nor 'start'
    if not text.strip():
        return None  # every offset would match empty words
    matches = list(re.finditer(r"(?<!\w)" + re.escape(text) + r"(?!\w)", body))
    n = pin.occurrence
    if n > len(matches):
        return None
    m = matches[n - 1]
    return Span(analysis.article.id, m.start(), m.end(), text)


def _find(items: Sequence[T | None], name: str, skip: int | None = None) -> int | None:
    """Index of the item whose name or alias matches, case-insensitively; a listed one first.

    The junk filter's candidates share names with listed pages ("Apple" the product, an alias of
    Apple Inc.): an override names the listed page unless only an unlisted candidate matches.
    """
    wanted = name.strip().lower()
    found = [
        (bool(item.unlisted), index)
        for index, item in enumerate(items)
        if index != skip
        and item is not None
        and (item.name.lower() == wanted or wanted in (a.lower() for a in item.aliases))
    ]
    return min(found)[1] if found else None
