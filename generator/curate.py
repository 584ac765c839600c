"""Apply the curator's actor and place overrides (stage 5: curate).

An override is written under a name the machine produced: the actor's
canonical name or any alias. Names that match nothing are errors, with a
"did you mean" for the closest existing name.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeVar

from .model import Actor, Place
from .overrides import Entry, Overrides, suggest
from .slugs import unique_slugs

T = TypeVar("T", Actor, Place)


@dataclass(frozen=True, slots=True)
class Curated:
    """Actors and places after overrides, with the problems found."""

    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    descriptions: dict[str, str]
    """Page id → curator's description (with its reason, when given)."""
    errors: tuple[str, ...]
    warnings: tuple[str, ...]


def curate(actors: list[Actor], places: list[Place], overrides: Overrides) -> Curated:
    """Apply overrides, then give every actor and place a unique, stable id."""
    errors: list[str] = []
    descriptions: dict[tuple[str, str], str] = {}
    actors = _apply(actors, overrides.section("actors"), overrides.path, "actor", errors, descriptions)
    places = _apply(places, overrides.section("places"), overrides.path, "place", errors, descriptions)
    actor_ids = unique_slugs([(f"{a.kind}:{a.name}", a.name) for a in actors])
    actors = [replace(a, id=actor_ids[f"{a.kind}:{a.name}"]) for a in actors]
    place_ids = unique_slugs([(p.name.lower(), p.name) for p in places])
    places = [replace(p, id=place_ids[p.name.lower()]) for p in places]
    by_name = {p.name.lower(): p.id for p in places}
    actors = [replace(a, place=by_name.get(a.name.lower(), "")) if a.kind == "state" else a
              for a in actors]
    ids = {("actor", a.name): a.id for a in actors} | {("place", p.name): p.id for p in places}
    resolved = {ids[k]: v for k, v in descriptions.items() if k in ids}
    return Curated(
        tuple(sorted(actors, key=lambda a: a.id)),
        tuple(sorted(places, key=lambda p: p.id)),
        resolved,
        tuple(errors),
        (),
    )


def _apply(items: list[T], entries: tuple[Entry, ...], path: str, what: str,
           errors: list[str], descriptions: dict[tuple[str, str], str]) -> list[T]:
    """Apply one section's overrides to actors or places."""
    items = list(items)
    for entry in entries:
        index = _find(items, entry.key)
        if index is None:
            names = sorted({n for i in items for n in (i.name, *i.aliases)})
            errors.append(f"{path}:{entry.line}: no {what} named '{entry.key}'{suggest(entry.key, names)}")
            continue
        item = items[index]
        fields = entry.fields
        if fields.get("hide"):
            items.pop(index)
            continue
        merged_mentions = list(item.mentions)
        aliases = set(item.aliases)
        for alias in fields.get("aliases", []):
            other = _find(items, alias, skip=index)
            if other is None:
                names = sorted({n for i in items for n in (i.name, *i.aliases)})
                errors.append(f"{path}:{entry.line}: cannot merge '{alias}' into '{entry.key}': "
                              f"no {what} has that name{suggest(alias, names)}")
                continue
            merged = items[other]
            merged_mentions.extend(merged.mentions)
            aliases |= {merged.name, *merged.aliases}
            items[other] = None  # type: ignore[call-overload]
        changes: dict[str, object] = {}
        if "name" in fields and fields["name"] != item.name:
            aliases.add(item.name)
            changes["name"] = fields["name"]
        new_name = str(changes.get("name", item.name))
        changes["aliases"] = tuple(sorted(aliases - {new_name}))
        changes["mentions"] = tuple(sorted(merged_mentions, key=lambda m: (m.span.article, m.span.start)))
        if "kind" in fields:
            changes["kind"] = fields["kind"]
        if "roles" in fields and isinstance(item, Actor):
            changes["roles"] = tuple(sorted(set(item.roles) | set(fields["roles"])))
        for axis in ("lat", "lon"):
            if axis in fields and isinstance(item, Place):
                changes[axis] = float(fields[axis])
        items[index] = replace(item, **changes)
        if "description" in fields or "reason" in fields:
            text = fields.get("description", "")
            if fields.get("reason"):
                text = f"{text} (curated: {fields['reason']})".strip()
            descriptions[(what, new_name)] = text
        items = [i for i in items if i is not None]
    return items


def _find(items: list[T], name: str, skip: int | None = None) -> int | None:
    """Index of the item whose name or alias matches, case-insensitively."""
    wanted = name.strip().lower()
    for index, item in enumerate(items):
        if index == skip or item is None:
            continue
        if item.name.lower() == wanted or wanted in (a.lower() for a in item.aliases):
            return index
    return None
