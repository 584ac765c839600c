"""Export the briefing as JSON following the data contract (see README)."""

from __future__ import annotations

from typing import Any

from generator.config import DEFAULT_PAGES, PageSettings
from generator.model import Actor, Briefing, Event, Mention, Place, Role, Span
from generator.publish import jsontext
from generator.publish.placement import place_entities
from generator.spans import headline_of

SCHEMA_VERSION = 1


def _mention(m: Mention) -> dict[str, Any]:
    return {"article": m.span.article, "start": m.span.start, "end": m.span.end, "text": m.span.text}


def _merged(reasons: tuple[str, ...]) -> dict[str, Any]:
    """Why names were joined on a page: present only when some were."""
    return {"merged_because": list(reasons)} if reasons else {}


def _unlisted(item: Actor | Place) -> dict[str, Any]:
    return {
        "name": item.name,
        "kind": item.kind,
        "reason": item.unlisted,
        "mentions": [_mention(m) for m in item.mentions],
    }


def _trail(curated: tuple[str, ...]) -> dict[str, Any]:
    """The optional curation trail: present only when a record was curated."""
    return {"curated": list(curated)} if curated else {}


def _event_extras(e: Event) -> dict[str, Any]:
    """The optional event fields: the clause the date governs, a merged event's sources, a disagreement."""
    extras: dict[str, Any] = {}
    if e.clause is not None:
        extras["clause"] = _span(e.clause)
    if e.trigger is not None:
        extras["trigger"] = _span(e.trigger)
    if e.sources:
        extras["sources"] = [_span(s) for s in e.sources]
    if e.disagreement:
        extras["disagreement"] = e.disagreement
    return {**extras, **_roles(e.roles)}


def _roles(roles: tuple[Role, ...]) -> dict[str, Any]:
    """How each actor and place takes part, by predicate; absent when nothing was read from the parse."""
    if not roles:
        return {}
    return {
        "roles": [{"id": r.id, "role": r.role, "verb": r.verb, "verb_start": r.verb_start} for r in roles]
    }


def _span(s: Span) -> dict[str, Any]:
    return {"article": s.article, "start": s.start, "end": s.end, "text": s.text}


def _actor(a: Actor, page: str) -> dict[str, Any]:
    return {
        "id": a.id,
        "name": a.name,
        "kind": a.kind,
        "aliases": list(a.aliases),
        "roles": list(a.roles),
        "page": page,
        "mentions": [_mention(m) for m in a.mentions],
        "quotes": [
            {"article": q.span.article, "start": q.span.start, "end": q.span.end, "text": q.span.text}
            for q in a.quotes
        ],
        **_merged(a.merged_because),
        **_trail(a.curated),
    }


def _place(p: Place, page: str) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "kind": p.kind,
        "lat": p.lat,
        "lon": p.lon,
        "aliases": list(p.aliases),
        "page": page,
        "mentions": [_mention(m) for m in p.mentions],
        **_merged(p.merged_because),
        **_trail(p.curated),
    }


def to_dict(b: Briefing, pages: PageSettings = DEFAULT_PAGES) -> dict[str, Any]:
    """The briefing as plain data, every list sorted; an entity's `page` is where the site shows it."""
    placement = place_entities(b, pages)
    unlisted = sorted(b.unlisted, key=lambda i: (i.name.lower(), i.kind))
    return {
        "schema_version": SCHEMA_VERSION,
        **({"unlisted": [_unlisted(i) for i in unlisted]} if unlisted else {}),
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "date": a.date.isoformat() if a.date else None,
                "source": a.source,
                "url": a.url,
                "page": f"articles/{a.id}.md",
            }
            for a in sorted(b.articles, key=lambda a: a.id)
        ],
        "actors": [_actor(a, placement.actor(a.id)) for a in sorted(b.actors, key=lambda a: a.id)],
        "places": [_place(p, placement.place(p.id)) for p in sorted(b.places, key=lambda p: p.id)],
        "events": [
            {
                "id": e.id,
                "date": e.timex.value,
                "start": e.timex.begin.isoformat() if e.timex.begin else None,
                "end": e.timex.end.isoformat() if e.timex.end else None,
                "precision": e.timex.precision,
                "when_text": e.timex.span.text,
                "explanation": e.timex.explanation,
                "text": e.sentence.text,
                "article": e.sentence.article,
                "start_char": e.sentence.start,
                "end_char": e.sentence.end,
                "actors": list(e.actors),
                "places": list(e.places),
                "headline": headline_of(e),
                "status": e.status,
                **_trail(e.curated),
                **_event_extras(e),
            }
            for e in b.events
        ],
        "figures": [
            {
                "id": f.id,
                "text": f.mention.span.text,
                "value": f.mention.value,
                "low": f.mention.low,
                "high": f.mention.high,
                "unit": f.mention.unit,
                "counts": f.mention.counts,
                "qualifier": f.mention.qualifier,
                "date": f.date or None,
                "article": f.mention.span.article,
                "start": f.mention.span.start,
                "end": f.mention.span.end,
                "actors": list(f.actors),
                "places": list(f.places),
                **_trail(f.curated),
                **_roles(f.roles),
            }
            for f in b.figures
        ],
        "timexes": [
            {
                "article": t.span.article,
                "start": t.span.start,
                "end": t.span.end,
                "text": t.span.text,
                "type": t.type,
                "value": t.value,
            }
            for t in sorted(b.timexes, key=lambda t: (t.span.article, t.span.start, t.span.end))
        ],
    }


def to_json(b: Briefing, pages: PageSettings = DEFAULT_PAGES) -> bytes:
    """Serialise deterministically: sorted keys, UTF-8, trailing newline."""
    return (jsontext.dumps(to_dict(b, pages)) + "\n").encode("utf-8")
