"""The site's pages before they are drawn: each page's template, context and links; and "What links here".

Each builder returns a `Page` whose `links` are the actor, place and article
pages its template links to, taken from the same values the context hands the
template. Inverting them gives every page's "What links here" before any page
is rendered. Actor, place and article pages have their own modules
(`entities.py`, `articles.py`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

from generator.dates import format_when
from generator.model import ACTOR_KINDS, PLACE_KINDS, Actor, Event, Figure, FigureMention, Place, Span
from generator.publish import graph, maps
from generator.publish.formats import KIND_TITLES, PLACE_TITLES, legend
from generator.publish.happenings import NEXT_ITEMS, as_of, coming, key_points
from generator.publish.placement import ACTORS, PLACES, index_page, row_anchor
from generator.publish.site import Site, actor_page, article_page, place_page

T = TypeVar("T")
E = TypeVar("E", Actor, Place)


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
    """The actor, place and article pages this page links to, and the index rows (`actors/index.md#actor-x`)
    of actors and places without a page (`placement.py`)."""
    backlinks: bool = False
    """Whether the page ends with "What links here"."""
    assets: Mapping[str, str] = field(default_factory=dict)
    """Files the page embeds (its graph's SVG), keyed by their path inside docs_dir."""


@dataclass(frozen=True, slots=True)
class FigureRow:
    """What a row of the figures table shows of a figure: not its actors and places, so that the page
    is not drawn again when one of them is renamed (its key digests the rows, `drawn.py`)."""

    mention: FigureMention
    date: str
    sentence: Span
    curated: tuple[str, ...]


Maker = Callable[[], Page]
"""What makes one page of a paginated listing, once what all its pages share is known: each page is
built (and drawn) on its own, so that the pages of a long listing spread over the shares (`render.py`)."""


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


HOME_ARTICLES = 50
"""The home page lists this many articles, the most recent first; the articles index lists them all."""


def home(site: Site) -> Page:
    """The story at a glance: key points, what comes next, an infobox, main actors and places."""
    b = site.briefing
    today = as_of(b.articles)
    figures = key_figures(b.figures, site)
    actors = sorted(b.actors, key=lambda a: (-weight(a), a.name))[:10]
    places = sorted(b.places, key=lambda p: (-len(p.mentions), p.name))[:10]
    dates = sorted(a.date for a in b.articles if a.date)
    points = key_points(b.events, today)
    upcoming = coming(b.events, today)[:NEXT_ITEMS]
    articles = sorted(b.articles, key=lambda a: (a.date or dt.date.min, a.id), reverse=True)[:HOME_ARTICLES]
    by_kind = [(kind, [a for a in actors if a.kind == kind]) for kind in ACTOR_KINDS]
    links = {article_page(f.sentence.article) for f, _phrase, _giver in figures}
    links.update(*(event_sources(e) for e in (*points, *upcoming)))
    links.update(site.placement.actor(a.id) for a in actors)
    links.update(site.placement.place(p.id) for p in places)
    links.update(article_page(a.id) for a in articles)
    context = {
        "counted": {
            "articles": len(b.articles),
            "actors": len(b.actors),
            "places": len(b.places),
            "events": len(b.events),
            "figures": len(b.figures),
        },
        "key_figures": figures,
        "top_actors": actors,
        "actor_weight": {a.id: weight(a) for a in actors},
        "actors_by_kind": [(kind, members) for kind, members in by_kind if members],
        "top_places": places,
        "points": points,
        "upcoming": upcoming,
        "as_of": today,
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "sources": sorted({a.source for a in b.articles if a.source}),
        "articles": articles,
        "article_index": index_page("articles", 1),
    }
    return Page("index.md", "index.md.j2", "At a glance", context, frozenset(links))


SPEECH_WORDS = ("said", "says", "according to", "told", "estimated", "reported", "announced", "stated")
"""Words that show a sentence's figure was given by someone named in it."""


def weight(actor: Actor) -> int:
    """How often an actor is named: every mention (all name forms), and each quote pinned on it in a
    sentence that does not name it ("he said", "saying …"), which a pronoun stands for."""
    named = {(m.span.article, *m.sentence) for m in actor.mentions}
    pronoun = sum(
        1 for q in actor.quotes if not any(a == q.span.article and s <= q.span.start < e for a, s, e in named)
    )
    return len(actor.mentions) + pronoun


def key_figures(figures: Iterable[Figure], site: Site, count: int = 6) -> list[tuple[Figure, str, str]]:
    """The largest counts that read as whole phrases ("more than 875,000 Syrians"), with who gave them."""
    found = []
    for f in sorted(figures, key=lambda f: (-(f.mention.low or f.mention.value or 0), f.id)):
        phrase = counted_phrase(f)
        if f.mention.unit or not phrase:
            continue
        found.append((f, phrase, giver(f, site)))
        if len(found) == count:
            break
    return found


def counted_phrase(f: Figure) -> str:
    """The figure with the noun it counts, in the sentence's words ("thousands of troops"); else empty."""
    text = f.sentence.text
    start = f.mention.span.start - f.sentence.start
    end = at = start + len(f.mention.span.text)
    last = ""
    for word in f.mention.counts.split():
        if not word[:1].isalpha() or _verb_like(word):
            break
        found = text.find(word, at)
        gap = text[at:found].split() if found >= 0 else []
        if found < 0 or found - at > 40 or any(_verb_like(w) for w in gap):
            break
        at = end = found + len(word)
        last = word
    phrase = " ".join(text[start:end].split())
    return phrase if last and len(phrase.split()) <= 10 else ""


AUXILIARIES = frozenset(
    {"fled", "rose", "fell", "give", "will", "would", "shall", "should", "can", "could", "may",
     "might", "must", "have", "has", "had", "be", "been", "is", "are", "was", "were"}
)  # fmt: skip
"""Words that end a counted phrase: auxiliaries and common irregular verbs ("iPhones will have been sold")."""


def _verb_like(word: str) -> bool:
    """A word of a figure's "counts" that reads as its verb ("fled", "fleeing", "displaced"), not its noun."""
    lower = word.lower()
    return lower.endswith(("ed", "ing")) or lower in AUXILIARIES


def giver(f: Figure, site: Site) -> str:
    """Who gave a figure: an actor named in a sentence that says so, else the article's source."""
    text = f.sentence.text.lower()
    if any(w in text for w in SPEECH_WORDS):
        for ident in f.actors:
            actor = site.actors[ident]
            if actor.kind in ("person", "organisation"):
                return actor.name
    return site.articles[f.sentence.article].source


@dataclass(frozen=True, slots=True)
class Pager:
    """Where one page of a paginated index stands among the others."""

    number: int
    """This page's number, from 1."""
    pages: tuple[str, ...]
    """Every page of the index, page 1 first."""

    @property
    def previous(self) -> str:
        """The page before, or empty on the first."""
        return self.pages[self.number - 2] if self.number > 1 else ""

    @property
    def next(self) -> str:
        """The page after, or empty on the last."""
        return self.pages[self.number] if self.number < len(self.pages) else ""


def actor_index(site: Site) -> list[Maker]:
    """What makes the actors' index pages: by kind, then by name, as many pages as `rows_per_page` makes."""

    def groups(rows: Sequence[Actor | Place]) -> dict[str, object]:
        kinds = [(kind, [a for a in rows if a.kind == kind]) for kind in ACTOR_KINDS]
        return {"groups": [(kind, members) for kind, members in kinds if members]}

    placed = site.placement
    return _index_pages(ACTORS, "Actors", placed.actor_rows, placed.actor_pages, actor_page, groups, site)


def place_index(site: Site) -> list[Maker]:
    """What makes the places' index pages: by name, as many pages as `rows_per_page` makes."""
    placed = site.placement
    return _index_pages(
        PLACES,
        "Places",
        placed.place_rows,
        placed.place_pages,
        place_page,
        lambda rows: {"places": rows},
        site,
    )


def _index_pages(
    folder: str,
    heading: str,
    rows_by_page: Sequence[Sequence[Actor | Place]],
    paged: frozenset[str],
    page_of: Callable[[str], str],
    shown: Callable[[Sequence[Actor | Place]], dict[str, object]],
    site: Site,
) -> list[Maker]:
    """What makes an index's pages (`{folder}/index.md`, then `index-2.md`...): rows, links and pager.

    `shown` gives what the template shows of one page's rows; `page_of` is the path of a row's own page.
    """
    paths = tuple(index_page(folder, n) for n in range(1, len(rows_by_page) + 1))
    total = sum(len(r) for r in rows_by_page)

    def make(number: int) -> Page:
        rows = rows_by_page[number - 1]
        own = frozenset(item.id for item in rows if item.id in paged)
        links = {page_of(ident) for ident in own}
        links.update(_row_sources(rows, own))
        context = {
            **shown(rows),
            "paged": own,  # only this page's rows: a change to another row's page leaves this one as it is
            "pager": Pager(number, paths),
            "anchor": partial(row_anchor, folder),
            "total": total,
            "min_mentions": site.placement.settings.min_mentions,
        }
        title = heading if number == 1 else f"{heading}, page {number}"
        return Page(paths[number - 1], f"{folder}.md.j2", title, context, frozenset(links))

    return [partial(make, number) for number in range(1, len(rows_by_page) + 1)]


def _row_sources(rows: Iterable[Actor | Place], paged: frozenset[str]) -> set[str]:
    """The article pages the rows without a page of their own link to (their mentions' sentences)."""
    return {article_page(m.span.article) for item in rows if item.id not in paged for m in item.mentions}


def site_map(site: Site) -> Page:
    """The map page: every place with coordinates as a marker (from `maps.MAP_DATA`), and a table.

    The table lists the `rows_per_page` most named places on the map, and as many of those without
    coordinates, so the page stays the same size however many places there are; the places index
    lists every place with its coordinates.
    """
    path = "map.md"
    cap = site.placement.settings.rows_per_page
    places = sorted(site.briefing.places, key=lambda p: p.name.lower())
    located = [p for p in places if p.lat is not None and p.lon is not None]
    unlocated = [p for p in places if p.lat is None or p.lon is None]
    events_at: Counter[str] = Counter(ident for e in site.briefing.events for ident in e.places)
    data = maps.places_data(
        located, site.events_at, maps.MAP_DATA, format_when, site.event_pages, site.placement.place
    )
    shown, shown_unlocated = _most_named(located, cap), _most_named(unlocated, cap)
    context = {
        "places": places,
        "located": located,
        "shown": shown,
        "unlocated": unlocated,
        "shown_unlocated": shown_unlocated,
        "events_at": events_at,
        "map_block": maps.map_block("briefing-map", maps.MAP_DATA, f"Map of {len(located)} places", site.map),
    }
    links = frozenset(site.placement.place(p.id) for p in (*shown, *shown_unlocated))
    return Page(path, "map.md.j2", "Map", context, links, assets={maps.MAP_DATA: maps.map_file(data)})


def _most_named(items: Sequence[E], count: int) -> list[E]:
    """The `count` most mentioned actors or places (ties by name), in name order."""
    ranked = sorted(items, key=lambda i: (-len(i.mentions), i.name.lower(), i.id))[:count]
    return sorted(ranked, key=_by_name)


def _by_name(item: Actor | Place) -> tuple[str, str]:
    """Sort key of an actor or place: its name, case aside, then its id."""
    return item.name.lower(), item.id


def site_graph(site: Site) -> Page:
    """The graph page: the picture of the most connected actors, the strongest links, the CSV of all."""
    path = "graph.md"
    linked = {i for r in site.relations for i in (r.a, r.b)}
    unlinked = [a for a in site.briefing.actors if a.id not in linked]
    alone = _most_named(unlinked, site.placement.settings.rows_per_page)
    top = site.relations[: graph.TOP_LINKS]
    links = {site.placement.actor(i) for r in top for i in (r.a, r.b)}
    drawn = sorted(graph.overview_nodes(site.relations), key=lambda i: (site.actors[i].name.lower(), i))
    links.update(site.placement.actor(i) for i in drawn)
    links.update(article_page(r.article) for r in top)
    links.update(site.placement.actor(a.id) for a in alone)
    picture = graph.site_graph(site.actors, site.relations, path, site.placement.actor)
    context = {
        "relations": top,
        "drawn": drawn,
        "all_links": len(site.relations),
        "picture": picture.embed,
        "legend": legend(ACTOR_KINDS),
        "linked": len(linked),
        "shown": min(len(linked), graph.MAX_NODES),
        "alone": alone,
        "all_alone": len(unlinked),
    }
    assets = {picture.path: picture.svg} if site.relations else {}
    return Page(path, "graph.md.j2", "Relationship graph", context, frozenset(links), assets=assets)


UNLISTED_ARTICLES = 10
"""A row of the unlisted names links to this many of the articles that name it, and counts the rest."""


def unlisted(site: Site) -> list[Page]:
    """Names the junk filter left off the site, with why, `rows_per_page` to a page (`unlisted.md`,
    `unlisted/page-2.md`, …): for curators, linked from the Curating page."""
    rows = [
        (
            item.name,
            item.kind,
            item.unlisted,
            len(item.mentions),
            sorted({m.span.article for m in item.mentions}),
        )
        for item in sorted(site.briefing.unlisted, key=lambda i: (i.name.lower(), i.kind))
    ]
    runs = _runs(rows, site.placement.settings.rows_per_page)
    paths = tuple("unlisted.md" if n == 1 else f"unlisted/page-{n}.md" for n in range(1, len(runs) + 1))
    found = []
    for number, run in enumerate(runs, start=1):
        shown = [(*row[:4], row[4][:UNLISTED_ARTICLES], len(row[4]) - UNLISTED_ARTICLES) for row in run]
        links = {article_page(a) for *_rest, articles, _more in shown for a in articles}
        context = {"rows": shown, "pager": Pager(number, paths), "total": len(rows)}
        title = "Names not listed" if number == 1 else f"Names not listed, page {number}"
        found.append(Page(paths[number - 1], "unlisted.md.j2", title, context, frozenset(links)))
    return found


TAGS = "tags"
"""The folder of the tags listing's later pages (`tags/page-2.md`, …); its first page is `tags.md`."""


def tag_anchor(title: str) -> str:
    """The id of a tag's heading on the listing: `tag-armed-groups`."""
    return "tag-" + "-".join(title.lower().split())


def tags(site: Site) -> list[Page]:
    """The pages of each tag (actors by kind, then places by kind), `rows_per_page` to a listing page.

    Material's own listing (`<!-- material/tags -->`) draws every tagged page on one page, which grows
    with the corpus; this one is paginated like the indexes, and its links go through placement.
    """
    placed = site.placement
    actors = sorted((a for a in site.briefing.actors if a.id in placed.actor_pages), key=_by_name)
    places = sorted((p for p in site.briefing.places if p.id in placed.place_pages), key=_by_name)
    rows: list[tuple[str, str, str]] = []  # (tag, "actor" or "place", id), tag by tag
    for kind in ACTOR_KINDS:
        rows += [(KIND_TITLES[kind], "actor", a.id) for a in actors if a.kind == kind]
    for kind in PLACE_KINDS:
        rows += [(PLACE_TITLES[kind], "place", p.id) for p in places if p.kind == kind]
    runs = _runs(rows, placed.settings.rows_per_page)
    paths = tuple("tags.md" if n == 1 else f"{TAGS}/page-{n}.md" for n in range(1, len(runs) + 1))
    starts: dict[str, tuple[str, int]] = {}  # tag → the listing page it starts on, and its tagged pages
    for number, run in enumerate(runs):
        for title, _kind, _ident in run:
            start, count = starts.get(title, (paths[number], 0))
            starts[title] = (start, count + 1)
    summary = [(title, f"{start}#{tag_anchor(title)}", count) for title, (start, count) in starts.items()]
    found = []
    for number, run in enumerate(runs, start=1):
        groups: dict[str, list[tuple[str, str]]] = {}
        for title, kind, ident in run:
            groups.setdefault(title, []).append((kind, ident))
        links = {placed.actor(i) if kind == "actor" else placed.place(i) for _t, kind, i in run}
        context = {
            "summary": summary,
            "groups": [(title, tag_anchor(title), members) for title, members in groups.items()],
            "pager": Pager(number, paths),
        }
        title = "Tags" if number == 1 else f"Tags, page {number}"
        found.append(Page(paths[number - 1], "tags.md.j2", title, context, frozenset(links)))
    return found


def figures(site: Site) -> list[Maker]:
    """What makes the pages of every number the articles give, `rows_per_page` to a page: figures.md,
    figures/page-2.md, …"""
    rows = _runs(site.briefing.figures, site.placement.settings.rows_per_page)
    paths = tuple("figures.md" if n == 1 else f"figures/page-{n}.md" for n in range(1, len(rows) + 1))

    def make(number: int) -> Page:
        run = rows[number - 1]
        links = frozenset(article_page(f.sentence.article) for f in run)
        shown = [FigureRow(f.mention, f.date, f.sentence, f.curated) for f in run]
        context = {"figures": shown, "pager": Pager(number, paths), "total": len(site.briefing.figures)}
        title = "Figures" if number == 1 else f"Figures, page {number}"
        return Page(paths[number - 1], "figures.md.j2", title, context, links)

    return [partial(make, number) for number in range(1, len(rows) + 1)]


def article_index(site: Site) -> list[Maker]:
    """What makes the pages of every article, in input order, `rows_per_page` to a page: articles/index.md,
    articles/page-2.md, …"""
    rows = _runs(site.briefing.articles, site.placement.settings.rows_per_page)
    paths = tuple(index_page("articles", n) for n in range(1, len(rows) + 1))

    def make(number: int) -> Page:
        run = rows[number - 1]
        links = frozenset(article_page(a.id) for a in run)
        context = {"articles": run, "pager": Pager(number, paths), "total": len(site.briefing.articles)}
        title = "Articles" if number == 1 else f"Articles, page {number}"
        return Page(paths[number - 1], "articles.md.j2", title, context, links)

    return [partial(make, number) for number in range(1, len(rows) + 1)]


def _runs(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """`items` in runs of `size`, in their order; one empty run when there are none."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]
