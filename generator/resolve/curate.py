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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from generator.model import Actor, Analysis, Event, Figure, FigureMention, Mention, Place, Span, Timex
from generator.read.overrides import (
    ActorOverride,
    EventOverride,
    FigureOverride,
    MentionPin,
    Override,
    Overrides,
    PlaceOverride,
    suggest,
)
from generator.slugs import slugify, unique_slugs
from generator.spans import sentence_or_paragraph

T = TypeVar("T", Actor, Place)
V = TypeVar("V")
EntityOverride = ActorOverride | PlaceOverride


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

    def missing(self, entry: Override, what: str, name: str, choices: Sequence[str], verb: str = "") -> None:
        """Report a name that matches nothing: an error when it looks like a typo, else stale."""
        hint = suggest(name, sorted(set(choices)))
        lead = f"{entry.where}: {verb}no {what} named '{name}'"
        if hint:
            self.errors.append(lead + hint)
        else:
            self.warnings.append(f"{lead}; the override matches nothing and is ignored (stale?)")


def trail(change: str, entry: Override) -> str:
    """One line of a curation trail: what changed and, when given, why."""
    reason = entry.reason.strip()
    return f"{change}: {reason}" if reason else change


def _line(changes: list[str], entry: Override) -> str:
    """The trail line of one override: its changes ("checked" when it changed nothing) and reason."""
    return trail(", ".join(changes) or "checked", entry)


def curate(
    actors: Sequence[Actor], places: Sequence[Place], overrides: Overrides, analyses: Sequence[Analysis] = ()
) -> Curated:
    """Apply actor and place overrides, then give every actor and place a unique, stable id."""
    problems = _Problems()
    descriptions: dict[tuple[str, str], str] = {}
    sentences = {a.article.id: a for a in analyses}
    new_actors = _apply(
        list(actors), overrides.actors, "actor", _new_actor, problems, descriptions, sentences
    )
    new_places = _apply(
        list(places), overrides.places, "place", _new_place, problems, descriptions, sentences
    )
    new_actors = _with_ids(new_actors, lambda a: f"{a.kind}:{a.name}")
    new_places = _with_ids(new_places, lambda p: p.name.lower())
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


def _with_ids(items: list[T], key: Any) -> list[T]:
    """Give items unique slugs; two items with the same name get -2, -3 in a stable order."""
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
    return [replace(i, id=ids[k]) for k, i in keys]


def _names(items: Sequence[Actor | Place | None]) -> list[str]:
    """Every name and alias, for "did you mean"."""
    return [n for i in items if i is not None for n in (i.name, *i.aliases)]


def _apply(
    items: list[T],
    entries: Sequence[EntityOverride],
    what: str,
    new: Callable[[EntityOverride], T],
    problems: _Problems,
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
        notes: list[str] = []
        if entry.split:
            item = _split(pool, index, item, entry, what, problems, notes)
        item = _merge(pool, index, item, entry, what, problems, notes)
        if entry.name is not None and entry.name != item.name:
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
            item = replace(item, roles=tuple(sorted(set(item.roles) | set(entry.roles))))
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
        pool[index] = replace(item, curated=(*item.curated, _line(notes, entry)))
    return [i for i in pool if i is not None and i.mentions]


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
    pool: list[T | None],
    index: int,
    item: T,
    entry: EntityOverride,
    what: str,
    problems: _Problems,
    notes: list[str],
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
        item, id="", name=names[0], aliases=tuple(sorted(set(names[1:]))), mentions=moved, curated=(note,)
    )
    if isinstance(other, Actor):
        other = replace(other, roles=tuple(sorted({m.role for m in moved if m.role})), quotes=(), notes=())
    pool.append(other)
    notes.append("split off “" + names[0] + "”")
    return replace(item, mentions=kept, aliases=aliases)


def _merge(
    pool: list[T | None],
    index: int,
    item: T,
    entry: EntityOverride,
    what: str,
    problems: _Problems,
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
    pins: Sequence[MentionPin],
    problems: _Problems,
    notes: list[str],
    analyses: dict[str, Analysis],
) -> T:
    """Attach the pinned mentions to this item, taking them from whichever item had them."""
    pinned = 0
    for pin in pins:
        article = analyses.get(pin.article)
        if article is None:
            problems.errors.append(
                f"{pin.where}: no article with the id '{pin.article}'{suggest(pin.article, sorted(analyses))}"
            )
            continue
        span = _locate(article, pin)
        if span is None:
            if pin.text is not None:
                what_pin = f"'{pin.text}' (occurrence {pin.occurrence})"
            else:
                what_pin = f"a name at offset {pin.start}"
            problems.errors.append(f"{pin.where}: {what_pin} is not in article '{pin.article}'")
            continue
        if any(_same(m.span, span) for m in item.mentions):
            problems.warnings.append(
                f"{pin.where}: '{span.text}' in '{span.article}' is already a mention of "
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


def _locate(analysis: Analysis, pin: MentionPin) -> Span | None:
    """The span a pinned mention names: the n-th whole-word occurrence of `text`, or at `start`."""
    body = analysis.article.body
    text = pin.text
    if pin.start is not None:
        start = pin.start
        if text is None:
            match = re.compile(r"\w[\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*").match(body, start)
            if not 0 <= start < len(body) or match is None:
                return None
            text = match.group(0).rstrip(".")
        if body[start : start + len(text)] != text:
            return None
        return Span(analysis.article.id, start, start + len(text), text)
    assert text is not None  # the loader refuses a pin with neither 'text' nor 'start'
    matches = list(re.finditer(r"(?<!\w)" + re.escape(text) + r"(?!\w)", body))
    n = pin.occurrence
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
    for entry in overrides.events:
        if entry.article is not None:
            event = _manual_event(entry, entry.article, by_id, by_article, problems, within)
            if event is not None:
                added.append(event)
            continue
        event = by_id.get(entry.key)
        if event is None:
            problems.missing(entry, "event", entry.key, list(by_id))
            continue
        if entry.hide:
            hidden.add(event.id)
            continue
        notes = []
        if entry.date is not None:
            timex = dated(event.timex, entry.date)
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
    entry: EventOverride,
    article: str,
    by_id: dict[str, Event],
    analyses: dict[str, Analysis],
    problems: _Problems,
    within: Any,
) -> Event | None:
    """An event the machine missed, from the curator's article, sentence and date."""
    ident = slugify(entry.key)
    if ident in by_id:
        problems.errors.append(
            f"{entry.where}: the event '{ident}' already exists; write a new id to add an event"
        )
        return None
    if entry.date is None:
        problems.errors.append(f"{entry.where}: a new event needs a 'date'")
        return None
    analysis = analyses.get(article)
    if analysis is None:
        problems.errors.append(
            f"{entry.where}: no article with the id '{article}'{suggest(article, sorted(analyses))}"
        )
        return None
    if entry.sentence is None:
        return None  # the loader has reported the missing 'sentence'
    words = entry.sentence.strip()
    at = analysis.article.body.find(words)
    if not words or at < 0:
        problems.errors.append(
            f"{entry.where}: the words '{words[:40]}' are not in article '{analysis.article.id}'"
        )
        return None
    start, end = sentence_or_paragraph(analysis, at)
    span = Span(analysis.article.id, at, at + len(words), words)
    sentence = Span(analysis.article.id, start, end, analysis.article.body[start:end])
    timex = dated(Timex(span, "DATE", ""), entry.date)
    actors, places = within(analysis.article.id, start, end)
    return Event(ident, timex, sentence, actors, places, curated=(trail("added by the curator", entry),))


def curate_figures(
    figures: Sequence[Figure], overrides: Overrides
) -> tuple[list[Figure], list[str], list[str]]:
    """Hide figures and correct their value, bounds, unit or what they count."""
    problems = _Problems()
    by_id = {f.id: f for f in figures}
    hidden: set[str] = set()
    for entry in overrides.figures:
        figure = by_id.get(entry.key)
        if figure is None:
            problems.missing(entry, "figure", entry.key, list(by_id))
            continue
        if entry.hide:
            hidden.add(figure.id)
            continue
        mention, notes = _corrected(figure.mention, entry)
        by_id[figure.id] = replace(figure, mention=mention, curated=(*figure.curated, _line(notes, entry)))
    result = [f for f in by_id.values() if f.id not in hidden]
    return result, problems.errors, problems.warnings


def _corrected(old: FigureMention, entry: FigureOverride) -> tuple[FigureMention, list[str]]:
    """The mention with the curator's corrections, and a note for each setting that changed it."""
    value = None if entry.value is None else float(entry.value)
    low = None if entry.low is None else float(entry.low)
    high = None if entry.high is None else float(entry.high)
    new = replace(
        old,
        value=_given(value, old.value),
        low=_given(low, _given(value, old.low)),  # a new value is also the bounds not written
        high=_given(high, _given(value, old.high)),
        unit=_given(entry.unit, old.unit),
        counts=_given(entry.counts, old.counts),
        qualifier=_given(entry.qualifier, old.qualifier),
    )
    written = (
        ("value", value),
        ("low", low),
        ("high", high),
        ("unit", entry.unit),
        ("counts", entry.counts),
        ("qualifier", entry.qualifier),
    )
    notes = [
        f"{name} corrected"
        for name, setting in written
        if setting is not None and getattr(new, name) != getattr(old, name)
    ]
    return new, notes


def _given(setting: V | None, otherwise: V) -> V:
    """The curator's setting when it is written, else the machine's value."""
    return otherwise if setting is None else setting
