"""Apply the curator's overrides (stage 5: curate).

Actor and place overrides are written under a name the machine produced:
the canonical name or any alias. Event and figure overrides are written
under the id that `briefing.json` gives them, and are applied after events
and figures are built (`curate_events`, `curate_figures`).

A name that matches nothing but is close to an existing one is an error with
a "did you mean"; it is almost certainly a typo. A name that matches nothing
and resembles nothing is a stale override (the article that produced it is
gone): a warning, which `--strict` makes fatal. Every change leaves a line in
the record's curation trail, which the pages show as a "curated" mark.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from generator.model import Actor, Analysis, Event, Figure, Mention, Place, Span, Timex
from generator.read.overrides import Entry, Overrides, suggest
from generator.slugs import slugify, unique_slugs
from generator.spans import sentence_or_paragraph

T = TypeVar("T", Actor, Place)


@dataclass(frozen=True, slots=True)
class Curated:
    """Actors and places after overrides, with the problems found."""

    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    descriptions: dict[str, str]
    """Page id → curator's description."""
    errors: tuple[str, ...]
    warnings: tuple[str, ...]


@dataclass(slots=True)
class _Problems:
    """Errors and warnings collected while curating."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def missing(self, entry: Entry, what: str, name: str, choices: Sequence[str], verb: str = "") -> None:
        """Report a name that matches nothing: an error when it looks like a typo, else stale."""
        hint = suggest(name, sorted(set(choices)))
        lead = f"{entry.where}: {verb}no {what} named '{name}'"
        if hint:
            self.errors.append(lead + hint)
        else:
            self.warnings.append(f"{lead}; the override matches nothing and is ignored (stale?)")


def trail(change: str, entry: Entry) -> str:
    """One line of a curation trail: what changed and, when given, why."""
    reason = str(entry.fields.get("reason", "")).strip()
    return f"{change}: {reason}" if reason else change


def _line(changes: list[str], entry: Entry) -> str:
    """The trail line of one override: its changes ("checked" when it changed nothing) and reason."""
    return trail(", ".join(changes) or "checked", entry)


def curate(
    actors: Sequence[Actor], places: Sequence[Place], overrides: Overrides, analyses: Sequence[Analysis] = ()
) -> Curated:
    """Apply actor and place overrides, then give every actor and place a unique, stable id."""
    problems = _Problems()
    descriptions: dict[tuple[str, str], str] = {}
    sentences = {a.article.id: a for a in analyses}
    new_actors = _apply(list(actors), overrides.section("actors"), "actor", problems, descriptions, sentences)
    new_places = _apply(list(places), overrides.section("places"), "place", problems, descriptions, sentences)
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
    )


def _with_ids(items: list[T], key: Any, what: str, warnings: list[str]) -> list[T]:
    """Give items unique slugs; two items with the same name get -2, -3 in a stable order, and a warning."""
    keys, seen = [], {}  # type: ignore[var-annotated]
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
    entries: tuple[Entry, ...],
    what: str,
    problems: _Problems,
    descriptions: dict[tuple[str, str], str],
    analyses: dict[str, Analysis],
) -> list[T]:
    """Apply one section's overrides to actors or places, in file order."""
    pool: list[T | None] = list(items)
    for entry in entries:
        fields = entry.fields
        index = _find(pool, entry.key)
        if index is None:
            if "mentions" not in fields:
                problems.missing(entry, what, entry.key, _names(pool))
                continue
            pool.append(_new_item(what, entry))  # pinned mentions give the machine's miss a page
            index = len(pool) - 1
        if fields.get("hide"):
            pool[index] = None
            continue
        item = pool[index]
        assert item is not None
        notes: list[str] = []
        if fields.get("split"):
            item = _split(pool, index, item, entry, what, problems, notes)
        item = _merge(pool, index, item, entry, what, problems, notes)
        if "name" in fields and fields["name"] != item.name:
            notes.append(f"renamed from “{item.name}”")
            aliases = (set(item.aliases) | {item.name}) - {fields["name"]}
            item = replace(item, name=fields["name"], aliases=tuple(sorted(aliases)))
        if fields.get("mentions"):
            item = _pin(pool, index, item, entry, what, problems, notes, analyses)
        if "kind" in fields and fields["kind"] != item.kind:
            notes.append(f"kind set to {fields['kind']}")
            item = replace(item, kind=fields["kind"])
        if "roles" in fields and isinstance(item, Actor):
            added = sorted(set(fields["roles"]) - set(item.roles))
            if added:
                notes.append("roles added: " + ", ".join(added))
            item = replace(item, roles=tuple(sorted(set(item.roles) | set(fields["roles"]))))
        if isinstance(item, Place) and ("lat" in fields or "lon" in fields):
            lat, lon = float(fields.get("lat", item.lat or 0.0)), float(fields.get("lon", item.lon or 0.0))
            if (lat, lon) != (item.lat, item.lon):
                notes.append("coordinates set")
            item = replace(item, lat=lat, lon=lon)
        if "description" in fields:
            descriptions[(what, item.name.lower())] = fields["description"]
            notes.append("description written")
        pool[index] = replace(item, curated=(*item.curated, _line(notes, entry)))
    return [i for i in pool if i is not None and i.mentions]


def _new_item(what: str, entry: Entry) -> Actor | Place:
    """An actor or place the machine missed, created for its pinned mentions."""
    kind = entry.fields.get("kind")
    if what == "actor":
        return Actor(
            "", entry.key, kind or "person", (), (), (), curated=(trail("added by the curator", entry),)
        )
    return Place(
        "", entry.key, kind or "place", None, None, (), (), curated=(trail("added by the curator", entry),)
    )


def _split(
    pool: list[T | None], index: int, item: T, entry: Entry, what: str, problems: _Problems, notes: list[str]
) -> T:
    """Move the mentions of the `split` aliases into a new item named after the first of them."""
    names = [n.strip() for n in entry.fields["split"]]
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
        item, id="", name=names[0], aliases=tuple(sorted(set(names[1:]))), mentions=moved, curated=(note,)
    )
    if isinstance(other, Actor):
        other = replace(other, roles=tuple(sorted({m.role for m in moved if m.role})), quotes=(), notes=())
    pool.append(other)
    notes.append("split off “" + names[0] + "”")
    return replace(item, mentions=kept, aliases=aliases)


def _merge(
    pool: list[T | None], index: int, item: T, entry: Entry, what: str, problems: _Problems, notes: list[str]
) -> T:
    """Merge the items named in `aliases` into this one."""
    for alias in entry.fields.get("aliases", []):
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
        mentions = {(m.span.article, m.span.start, m.span.end): m for m in (*item.mentions, *merged.mentions)}
        item = replace(
            item,
            aliases=tuple(sorted({*item.aliases, merged.name, *merged.aliases} - {item.name})),
            mentions=tuple(sorted(mentions.values(), key=_mention_order)),
            curated=(*item.curated, *merged.curated),
        )
        if isinstance(item, Actor) and isinstance(merged, Actor):
            item = replace(item, roles=tuple(sorted({*item.roles, *merged.roles})))
        pool[other] = None
        notes.append(f"merged “{merged.name}”")
    return item


def _mention_order(m: Mention) -> tuple[str, int, int]:
    return (m.span.article, m.span.start, m.span.end)


def _pin(
    pool: list[T | None],
    index: int,
    item: T,
    entry: Entry,
    what: str,
    problems: _Problems,
    notes: list[str],
    analyses: dict[str, Analysis],
) -> T:
    """Attach the pinned mentions to this item, taking them from whichever item had them."""
    pinned = 0
    for pin in entry.fields["mentions"]:
        where = f"{entry.path}:{getattr(pin, 'line', entry.line)}"
        article = analyses.get(pin["article"])
        if article is None:
            problems.errors.append(
                f"{where}: no article with the id '{pin['article']}'"
                f"{suggest(pin['article'], sorted(analyses))}"
            )
            continue
        span = _locate(article, pin)
        if span is None:
            what_pin = f"'{pin['text']}'" if "text" in pin else f"a name at offset {pin['start']}"
            occurrence = f" (occurrence {pin.get('occurrence', 1)})" if "text" in pin else ""
            problems.errors.append(f"{where}: {what_pin}{occurrence} is not in article '{pin['article']}'")
            continue
        if any(_same(m.span, span) for m in item.mentions):
            problems.warnings.append(
                f"{where}: '{span.text}' in '{span.article}' is already a mention of "
                f"'{item.name}'; nothing to pin"
            )
            continue
        existing: Mention | None = None
        for other_index, other in enumerate(pool):
            if other is None or other_index == index:
                continue
            existing = existing or next((m for m in other.mentions if _same(m.span, span)), None)
            keep = tuple(m for m in other.mentions if not _overlap(m.span, span))
            if len(keep) != len(other.mentions):
                pool[other_index] = replace(other, mentions=keep)
        own = tuple(m for m in item.mentions if not _overlap(m.span, span))
        mention = (
            replace(existing, kind=_mention_kind(item))
            if existing
            else Mention(
                span, span.text, _mention_kind(item), "curated", sentence_or_paragraph(article, span.start)
            )
        )
        item = replace(item, mentions=tuple(sorted((*own, mention), key=_mention_order)))
        pinned += 1
    if pinned:
        notes.append(f"{pinned} mention{'s' if pinned > 1 else ''} pinned")
    return item


def _mention_kind(item: Actor | Place) -> str:
    return item.kind if isinstance(item, Actor) else "place"


def _same(a: Span, b: Span) -> bool:
    return (a.article, a.start, a.end) == (b.article, b.start, b.end)


def _overlap(a: Span, b: Span) -> bool:
    return a.article == b.article and a.start < b.end and b.start < a.end


def _locate(analysis: Analysis, pin: dict[str, Any]) -> Span | None:
    """The span a pinned mention names: the n-th whole-word occurrence of `text`, or at `start`."""
    body = analysis.article.body
    text = pin.get("text")
    if "start" in pin:
        start = pin["start"]
        if text is None:
            match = re.compile(r"\w[\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*").match(body, start)
            if not 0 <= start < len(body) or match is None:
                return None
            text = match.group(0).rstrip(".")
        if body[start : start + len(text)] != text:
            return None
        return Span(analysis.article.id, start, start + len(text), text)
    matches = list(re.finditer(r"(?<!\w)" + re.escape(text) + r"(?!\w)", body))
    n = pin.get("occurrence", 1)
    if n > len(matches):
        return None
    m = matches[n - 1]
    return Span(analysis.article.id, m.start(), m.end(), text)


def _find(items: Sequence[T | None], name: str, skip: int | None = None) -> int | None:
    """Index of the item whose name or alias matches, case-insensitively."""
    wanted = name.strip().lower()
    for index, item in enumerate(items):
        if index == skip or item is None:
            continue
        if item.name.lower() == wanted or wanted in (a.lower() for a in item.aliases):
            return index
    return None


def curate_events(
    events: Sequence[Event], overrides: Overrides, analyses: Sequence[Analysis], within: Any
) -> tuple[list[Event], list[str], list[str]]:
    """Re-date, hide and add events; `within(article, start, end)` gives a sentence's (actors, places)."""
    problems = _Problems()
    by_id = {e.id: e for e in events}
    by_article = {a.article.id: a for a in analyses}
    hidden: set[str] = set()
    added: list[Event] = []
    for entry in overrides.section("events"):
        fields = entry.fields
        if "article" in fields:
            event = _manual_event(entry, by_id, by_article, problems, within)
            if event is not None:
                added.append(event)
            continue
        event = by_id.get(entry.key)
        if event is None:
            problems.missing(entry, "event", entry.key, list(by_id))
            continue
        if fields.get("hide"):
            hidden.add(event.id)
            continue
        notes = []
        if "date" in fields:
            timex = dated(event.timex, fields["date"])
            notes.append(f"re-dated from {event.timex.value}")
            event = replace(event, timex=timex)
        by_id[event.id] = replace(event, curated=(*event.curated, _line(notes, entry)))
    result = [e for e in by_id.values() if e.id not in hidden] + added
    result.sort(
        key=lambda e: (
            e.timex.begin or dt.date.min,
            e.timex.end or dt.date.min,
            e.sentence.article,
            e.sentence.start,
            e.id,
        )
    )
    return result, problems.errors, problems.warnings


def dated(timex: Timex, value: dt.date | str | int) -> Timex:
    """A timex moved to the curator's date (YYYY-MM-DD, YYYY-MM or YYYY)."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        begin = end = dt.date(*parts)
        precision = "day"
    elif len(parts) == 2:
        begin = dt.date(parts[0], parts[1], 1)
        end = (begin.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        precision = "month"
    else:
        begin, end, precision = dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31), "year"
    return replace(
        timex,
        type="DATE",
        value=text,
        mod="",
        begin=begin,
        end=end,
        precision=precision,
        explanation="set by the curator",
    )


def _manual_event(
    entry: Entry, by_id: dict[str, Event], analyses: dict[str, Analysis], problems: _Problems, within: Any
) -> Event | None:
    """An event the machine missed, from the curator's article, sentence and date."""
    fields = entry.fields
    ident = slugify(entry.key)
    if ident in by_id:
        problems.errors.append(
            f"{entry.where}: the event '{ident}' already exists; write a new id to add an event"
        )
        return None
    if "date" not in fields:
        problems.errors.append(f"{entry.where}: a new event needs a 'date'")
        return None
    analysis = analyses.get(fields["article"])
    if analysis is None:
        problems.errors.append(
            f"{entry.where}: no article with the id '{fields['article']}'"
            f"{suggest(fields['article'], sorted(analyses))}"
        )
        return None
    words = fields["sentence"].strip()
    at = analysis.article.body.find(words)
    if not words or at < 0:
        problems.errors.append(
            f"{entry.where}: the words '{words[:40]}' are not in article '{analysis.article.id}'"
        )
        return None
    start, end = sentence_or_paragraph(analysis, at)
    span = Span(analysis.article.id, at, at + len(words), words)
    sentence = Span(analysis.article.id, start, end, analysis.article.body[start:end])
    timex = dated(Timex(span, "DATE", ""), fields["date"])
    actors, places = within(analysis.article.id, start, end)
    return Event(ident, timex, sentence, actors, places, curated=(trail("added by the curator", entry),))


_FIGURE_FIELDS = ("value", "low", "high", "unit", "counts", "qualifier")


def curate_figures(
    figures: Sequence[Figure], overrides: Overrides
) -> tuple[list[Figure], list[str], list[str]]:
    """Hide figures and correct their value, bounds, unit or what they count."""
    problems = _Problems()
    by_id = {f.id: f for f in figures}
    hidden: set[str] = set()
    for entry in overrides.section("figures"):
        figure = by_id.get(entry.key)
        if figure is None:
            problems.missing(entry, "figure", entry.key, list(by_id))
            continue
        if entry.fields.get("hide"):
            hidden.add(figure.id)
            continue
        changes = {k: entry.fields[k] for k in _FIGURE_FIELDS if k in entry.fields}
        for key in ("value", "low", "high"):
            if key in changes:
                changes[key] = float(changes[key])
        if "value" in changes:
            changes.setdefault("low", changes["value"])
            changes.setdefault("high", changes["value"])
        notes = [
            f"{name} corrected"
            for name in _FIGURE_FIELDS
            if name in entry.fields and changes[name] != getattr(figure.mention, name)
        ]
        by_id[figure.id] = replace(
            figure, mention=replace(figure.mention, **changes), curated=(*figure.curated, _line(notes, entry))
        )
    result = [f for f in by_id.values() if f.id not in hidden]
    return result, problems.errors, problems.warnings
