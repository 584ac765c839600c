"""The site's pages before they are drawn: each page's template, context and links; and "What links here".

Each builder returns a `Page` whose `links` are the actor, place and article
pages its template links to, taken from the same values the context hands the
template. Inverting them gives every page's "What links here" before any page
is rendered. Actor, place and article pages have their own modules
(`entities.py`, `articles.py`).
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from generator.dates import format_when
from generator.model import ACTOR_KINDS, Actor, Event, Timex
from generator.publish import graph, maps
from generator.publish import markdown as md
from generator.publish.formats import legend
from generator.publish.site import Site, actor_page, article_page, place_page


@dataclass(frozen=True, slots=True)
class Page:
    """One generated page: where it goes, how it is drawn, and the pages it links to."""

    path: str
    """Where the page goes inside docs_dir, e.g. `actors/x.md`."""
    template: str
    """The Jinja template that draws it."""
    title: str
    """The page's heading, as plain text."""
    context: Mapping[str, object] = field(default_factory=dict)
    """What the template shows besides the shared helpers."""
    links: frozenset[str] = frozenset()
    """The actor, place and article pages this page links to."""
    backlinks: bool = False
    """Whether the page ends with "What links here"."""
    assets: Mapping[str, str] = field(default_factory=dict)
    """Files the page embeds (its graph's SVG), keyed by their path inside docs_dir."""


def backlinks(pages: Sequence[Page]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Path of each page with `backlinks` → (title, path) of every other page linking to it, by path."""
    shown = {p.path for p in pages if p.backlinks}
    incoming: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for page in sorted(pages, key=lambda p: p.path):
        for target in page.links & shown:
            if target != page.path:
                # A page without a title is listed by its path, so the link is never empty.
                incoming[target].append((page.title or page.path, page.path))
    return {path: tuple(incoming.get(path, ())) for path in sorted(shown)}


def event_sources(e: Event) -> set[str]:
    """The article page an event line links to (`_macros.event_line`)."""
    return {article_page(e.sentence.article)}


def home(site: Site) -> Page:
    """The story at a glance."""
    b = site.briefing
    counts = sorted(b.figures, key=lambda f: (-(f.mention.low or f.mention.value or 0), f.id))
    key_figures = [f for f in counts if not f.mention.unit][:6]
    actors = sorted(b.actors, key=lambda a: (-len(a.mentions), a.name))[:10]
    places = sorted(b.places, key=lambda p: (-len(p.mentions), p.name))[:10]
    dates = sorted(a.date for a in b.articles if a.date)
    latest = sorted(b.events, key=lambda e: (e.timex.begin or dt.date.min, e.id), reverse=True)[:8]
    articles = sorted(b.articles, key=lambda a: (a.date or dt.date.min, a.id), reverse=True)
    links = {article_page(f.sentence.article) for f in key_figures}
    links.update(*(event_sources(e) for e in latest))
    links.update(actor_page(a.id) for a in actors)
    links.update(place_page(p.id) for p in places)
    links.update(article_page(a.id) for a in articles)
    context = {
        "briefing": b,
        "key_figures": key_figures,
        "top_actors": actors,
        "top_places": places,
        "latest": latest,
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "articles": articles,
    }
    return Page("index.md", "index.md.j2", "At a glance", context, frozenset(links))


def actor_index(site: Site) -> Page:
    """Actors grouped by kind, each group sorted by name."""
    groups: list[tuple[str, list[Actor]]] = []
    for kind in ACTOR_KINDS:
        members = sorted((a for a in site.briefing.actors if a.kind == kind), key=lambda a: a.name.lower())
        if members:
            groups.append((kind, members))
    links = frozenset(actor_page(a.id) for _, members in groups for a in members)
    return Page("actors/index.md", "actors.md.j2", "Actors", {"groups": groups}, links)


def place_index(site: Site) -> Page:
    """Every place, by name."""
    places = sorted(site.briefing.places, key=lambda p: p.name.lower())
    links = frozenset(place_page(p.id) for p in places)
    return Page("places/index.md", "places.md.j2", "Places", {"places": places}, links)


def site_map(site: Site) -> Page:
    """The map page: every place with coordinates as a marker, and the same places as a table."""
    path = "map.md"
    places = sorted(site.briefing.places, key=lambda p: p.name.lower())
    located = [p for p in places if p.lat is not None and p.lon is not None]
    events_at: Counter[str] = Counter(ident for e in site.briefing.events for ident in e.places)
    data = maps.places_data(located, site.events_at, path, format_when)
    context = {
        "places": places,
        "located": located,
        "unlocated": [p for p in places if p.lat is None or p.lon is None],
        "events_at": events_at,
        "map_block": maps.map_block("briefing-map", data, f"Map of {len(located)} places"),
    }
    return Page(path, "map.md.j2", "Map", context, frozenset(place_page(p.id) for p in places))


def site_graph(site: Site) -> Page:
    """The graph page: the picture of the most connected actors and the table of every link."""
    path = "graph.md"
    linked = {i for r in site.relations for i in (r.a, r.b)}
    alone = sorted((a for a in site.briefing.actors if a.id not in linked), key=lambda a: a.name.lower())
    links = {actor_page(i) for r in site.relations for i in (r.a, r.b)}
    links.update(article_page(r.article) for r in site.relations)
    links.update(actor_page(a.id) for a in alone)
    picture = graph.site_graph(site.actors, site.relations, path)
    context = {
        "relations": site.relations,
        "picture": picture.embed,
        "legend": legend(ACTOR_KINDS),
        "linked": len(linked),
        "shown": min(len(linked), graph.MAX_NODES),
        "alone": alone,
    }
    assets = {picture.path: picture.svg} if site.relations else {}
    return Page(path, "graph.md.j2", "Relationship graph", context, frozenset(links), assets=assets)


def tags(site: Site) -> Page:
    """The tags page; Material's tags plugin fills it."""
    return Page("tags.md", "tags.md.j2", "Tags")


def timeline(site: Site) -> Page:
    """Every dated event on one axis, with filters by actor and place, then the undated expressions."""
    b = site.briefing
    undated = [t for t in b.timexes if t.begin is None]
    links = {article_page(t.span.article) for t in undated}
    for e in b.events:
        links.update(actor_page(i) for i in e.actors)
        links.update(place_page(i) for i in e.places)
        links.update(article_page(s.article) for s in e.sources or (e.sentence,))
    used_actors = sorted(
        {a for e in b.events for a in e.actors}, key=lambda i: (site.actors[i].name.lower(), i)
    )
    used_places = sorted(
        {p for e in b.events for p in e.places}, key=lambda i: (site.places[i].name.lower(), i)
    )
    context = {
        "events": b.events,
        "undated": undated,
        "bars": _bars(b.events),
        "filter_actors": _options((i, site.actors[i].name) for i in used_actors),
        "filter_places": _options((i, site.places[i].name) for i in used_places),
    }
    return Page("timeline.md", "timeline.md.j2", "Timeline", context, frozenset(links))


def _bars(events: Iterable[Event]) -> dict[str, tuple[str, str]]:
    """Event id → (left, width) in percent of one axis over all dated events."""
    dated = [(e.id, e.timex) for e in events if e.timex.begin is not None and e.timex.end is not None]
    if not dated:
        return {}
    first = min(_days(t)[0] for _, t in dated)
    last = max(_days(t)[1] for _, t in dated)
    total = max((last - first).days + 1, 1)
    bars: dict[str, tuple[str, str]] = {}
    for ident, t in dated:
        begin, end = _days(t)
        left = 100 * (begin - first).days / total
        width = max(100 * ((end - begin).days + 1) / total, 0.5)
        bars[ident] = (f"{min(left, 99.5):.2f}", f"{min(width, 100 - min(left, 99.5)):.2f}")
    return bars


def _days(t: Timex) -> tuple[dt.date, dt.date]:
    """First and last day of a dated expression."""
    assert t.begin is not None and t.end is not None
    return t.begin, t.end


def _options(choices: Iterable[tuple[str, str]]) -> list[tuple[str, md.Safe]]:
    """Filter choices as (id, name) with the name escaped for raw HTML."""
    return [(ident, md.Safe(html.escape(name))) for ident, name in choices]


def figures(site: Site) -> Page:
    """Every number the articles give."""
    b = site.briefing
    links = {place_page(i) for f in b.figures for i in f.places}
    links.update(article_page(f.sentence.article) for f in b.figures)
    return Page("figures.md", "figures.md.j2", "Figures", {"figures": b.figures}, frozenset(links))


def article_index(site: Site) -> Page:
    """Every article, in input order."""
    articles = site.briefing.articles
    links = frozenset(article_page(a.id) for a in articles)
    return Page("articles/index.md", "articles.md.j2", "Articles", {"articles": articles}, links)
