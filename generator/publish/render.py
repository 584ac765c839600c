"""Render the resolved briefing into Markdown pages (stage 7: render).

One Jinja2 template per kind of page. Every value printed by a template is
escaped unless it is `markdown.Safe`, which only this module and
`markdown.py` build. Rendering is pure: it returns {path: text}; `write.py`
is the only module that touches the disk.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

import jinja2

from generator.dates import day_text, format_when
from generator.model import ACTOR_KINDS, Actor, Article, Briefing, Mention, Place
from generator.publish import graph, maps
from generator.publish import markdown as md
from generator.publish.assets import ASSET_DIR as ASSET_DIR  # re-exported for tests/golden.py
from generator.publish.assets import asset_files
from generator.publish.formats import KIND_TITLES, PLACE_TITLES, format_number, legend, preview
from generator.publish.site import Site, build_site, source_anchor

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> jinja2.Environment:
    """The Jinja environment: strict, whitespace-tidy, escaping by default."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=True,  # `finalize` escapes for Markdown first; its Safe output passes through
        finalize=md.finalize,
    )
    env.filters["date"] = day_text
    env.filters["when"] = format_when
    return env


def render_site(briefing: Briefing, descriptions: Mapping[str, str]) -> dict[str, str]:
    """Render every generated page, keyed by its path inside docs_dir."""
    site = build_site(briefing, descriptions)
    env = environment()
    pages: dict[str, str] = {}

    def render(path: str, template: str, **context: object) -> None:
        helpers = _helpers(site, path)
        pages[path] = env.get_template(template).render(**helpers, **context)

    render("index.md", "index.md.j2", **_home(site))
    render("actors/index.md", "actors.md.j2", groups=_actor_groups(site))
    for actor in briefing.actors:
        render(
            f"actors/{actor.id}.md",
            "actor.md.j2",
            actor=actor,
            **_entity_context(site, actor),
            **_actor_graph(site, actor, f"actors/{actor.id}.md"),
        )
    render("places/index.md", "places.md.j2", places=sorted(briefing.places, key=lambda p: p.name.lower()))
    for place in briefing.places:
        render(
            f"places/{place.id}.md",
            "place.md.j2",
            place=place,
            **_entity_context(site, place),
            place_map=_place_map(site, place, f"places/{place.id}.md"),
        )
    render("map.md", "map.md.j2", **_map(site, "map.md"))
    render("graph.md", "graph.md.j2", **_graph(site, "graph.md"))
    render("tags.md", "tags.md.j2")
    render(
        "timeline.md", "timeline.md.j2", events=briefing.events, undated=_undated(briefing), **_timeline(site)
    )
    render("figures.md", "figures.md.j2", figures=briefing.figures)
    render("articles/index.md", "articles.md.j2", articles=briefing.articles)
    for article in briefing.articles:
        render(
            f"articles/{article.id}.md",
            "article.md.j2",
            article=article,
            paragraphs=_linked_paragraphs(site, article, f"articles/{article.id}.md"),
            legend=legend((*ACTOR_KINDS, "place")),
        )
    _add_backlinks(pages)
    pages.update(asset_files())
    return pages


def _map(site: Site, page: str) -> dict[str, object]:
    """The map page: every place with coordinates as a marker, and the same places as a table."""
    places = sorted(site.briefing.places, key=lambda p: p.name.lower())
    located = [p for p in places if p.lat is not None and p.lon is not None]
    events_at: Counter[str] = Counter(ident for e in site.briefing.events for ident in e.places)
    data = maps.places_data(located, site.events_at, page, format_when)
    return {
        "places": places,
        "located": located,
        "unlocated": [p for p in places if p not in located],
        "events_at": events_at,
        "map_block": maps.map_block("briefing-map", data, f"Map of {len(located)} places"),
    }


def _place_map(site: Site, place: Place, page: str) -> md.Safe:
    """A small map of one place, or nothing when it has no coordinates."""
    data = maps.places_data([place], site.events_at, page, format_when)
    return maps.map_block("briefing-map", data, f"Map of {place.name}", small=True) if data else md.Safe("")


def _graph(site: Site, page: str) -> dict[str, object]:
    """The graph page: the picture of the most connected actors and the table of every link."""
    linked = {i for r in site.relations for i in (r.a, r.b)}
    return {
        "relations": site.relations,
        "picture": graph.site_graph(site.actors, site.relations, page),
        "legend": legend(ACTOR_KINDS),
        "linked": len(linked),
        "shown": min(len(linked), graph.MAX_NODES),
        "alone": sorted(
            (a for a in site.briefing.actors if a.id not in linked), key=lambda a: a.name.lower()
        ),
    }


def _actor_graph(site: Site, actor: Actor, page: str) -> dict[str, object]:
    """An actor's direct links: a picture and a table."""
    links = site.neighbours.get(actor.id, ())
    picture = graph.actor_graph(site.actors, links, actor.id, page) if links else md.Safe("")
    return {"links": links, "graph_svg": picture}


_LINK = re.compile(r"\]\(([^)\s]+)\)")
_HEADING = re.compile(r"^# (.+)$", re.MULTILINE)


def _add_backlinks(pages: dict[str, str]) -> None:
    """Append "What links here" to every actor, place and article page, from the rendered links."""
    titles = {
        path: (m.group(1) if (m := _HEADING.search(text)) else md.escape(path))
        for path, text in pages.items()
    }
    incoming: dict[str, set[str]] = defaultdict(set)
    for path, text in pages.items():
        for target in _LINK.findall(text):
            if "://" in target:
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target.partition("#")[0]))
            if resolved != path and resolved in pages:
                incoming[resolved].add(path)
    for path in sorted(pages):
        if not path.startswith(("actors/", "places/", "articles/")) or path.endswith("/index.md"):
            continue
        sources = sorted(incoming.get(path, ()))
        lines = [f"- [{titles[src]}]({md.rel(path, src)})" for src in sources]
        pages[path] = (
            pages[path].rstrip("\n")
            + "\n\n## What links here\n\n"
            + ("\n".join(lines) or "Nothing yet.")
            + "\n"
        )


def _helpers(site: Site, page: str) -> dict[str, object]:
    """Functions the templates call, bound to the page being rendered."""

    def actor_link(actor_id: str) -> md.Safe:
        actor = site.actors[actor_id]
        return md.link(
            actor.name,
            page,
            f"actors/{actor_id}.md",
            title=preview(actor),
            classes=(f"briefing-{actor.kind}",),
        )

    def place_link(place_id: str) -> md.Safe:
        place = site.places[place_id]
        return md.link(
            place.name, page, f"places/{place_id}.md", title=preview(place), classes=("briefing-place",)
        )

    def source_link(article_id: str, offset: int, label: str = "") -> md.Safe:
        article = site.articles[article_id]
        para = article.paragraph_at(offset)
        text = label or f"{article.title}, ¶{para.index + 1}"
        return md.link(text, page, f"articles/{article_id}.md#{source_anchor(site, article, offset)}")

    def article_link(article_id: str) -> md.Safe:
        return md.link(site.articles[article_id].title, page, f"articles/{article_id}.md")

    def to(target: str, text: str) -> md.Safe:
        return md.link(text, page, target)

    def external(url: str, text: str) -> md.Safe:
        return md.external_link(text, url)

    def join(items: Sequence[object]) -> md.Safe:
        return md.Safe(", ".join(md.escape(i) for i in items))

    return {
        "actor_link": actor_link,
        "place_link": place_link,
        "source_link": source_link,
        "article_link": article_link,
        "to": to,
        "join": join,
        "kind_titles": KIND_TITLES,
        "place_titles": PLACE_TITLES,
        "number": format_number,
        "esc": md.escape,
        "external": external,
    }


def _home(site: Site) -> dict[str, object]:
    """The story at a glance."""
    b = site.briefing
    counts = sorted(b.figures, key=lambda f: (-(f.mention.low or f.mention.value or 0), f.id))
    key_figures = [f for f in counts if not f.mention.unit][:6]
    actors = sorted(b.actors, key=lambda a: (-len(a.mentions), a.name))[:10]
    places = sorted(b.places, key=lambda p: (-len(p.mentions), p.name))[:10]
    dates = sorted(a.date for a in b.articles if a.date)
    latest = sorted(b.events, key=lambda e: (e.timex.begin or dt.date.min, e.id), reverse=True)[:8]
    return {
        "briefing": b,
        "key_figures": key_figures,
        "top_actors": actors,
        "top_places": places,
        "latest": latest,
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "articles": sorted(b.articles, key=lambda a: (a.date or dt.date.min, a.id), reverse=True),
    }


def _actor_groups(site: Site) -> list[tuple[str, list[Actor]]]:
    """Actors grouped by kind, each group sorted by name."""
    groups = []
    for kind in ACTOR_KINDS:
        members = sorted((a for a in site.briefing.actors if a.kind == kind), key=lambda a: a.name.lower())
        if members:
            groups.append((kind, members))
    return groups


def _entity_context(site: Site, item: Actor | Place) -> dict[str, object]:
    """What an actor or place page shows besides its own record."""
    ident = item.id
    events = site.events_naming.get(ident, ())
    figures = site.figures_naming.get(ident, ())

    state_place = item.place if isinstance(item, Actor) else ""
    return {
        "description": site.descriptions.get(ident, ""),
        "events": events,
        "figures": figures,
        "related_actors": site.related_actors.get(ident, ()),
        "related_places": [kv for kv in site.related_places.get(ident, ()) if kv[0] != state_place],
        "mentions": _mention_rows(site, item.mentions),
        "state_actor": site.state_of_place.get(ident),
    }


def _mention_rows(site: Site, mentions: Sequence[Mention]) -> list[tuple[Mention, md.Safe]]:
    """Each mention with its sentence, the name in bold."""
    rows = []
    for m in mentions:
        body = site.articles[m.span.article].body
        start, end = m.sentence
        snippet = md.Safe(
            md.escape(body[start : m.span.start])
            + "**"
            + md.escape(m.span.text)
            + "**"
            + md.escape(body[m.span.end : end])
        )
        rows.append((m, snippet))
    return rows


def _timeline(site: Site) -> dict[str, object]:
    """Timeline extras: each event's bar on one axis over all dated events, and the filter choices."""
    events = [e for e in site.briefing.events if e.timex.begin is not None and e.timex.end is not None]
    bars: dict[str, tuple[str, str]] = {}
    if events:
        first = min(e.timex.begin for e in events if e.timex.begin)
        last = max(e.timex.end for e in events if e.timex.end)
        total = max((last - first).days + 1, 1)
        for e in events:
            assert e.timex.begin is not None and e.timex.end is not None
            left = 100 * (e.timex.begin - first).days / total
            width = max(100 * ((e.timex.end - e.timex.begin).days + 1) / total, 0.5)
            bars[e.id] = (f"{min(left, 99.5):.2f}", f"{min(width, 100 - min(left, 99.5)):.2f}")
    used_actors = sorted(
        {a for e in site.briefing.events for a in e.actors}, key=lambda i: (site.actors[i].name.lower(), i)
    )
    used_places = sorted(
        {p for e in site.briefing.events for p in e.places}, key=lambda i: (site.places[i].name.lower(), i)
    )
    return {
        "bars": bars,
        "filter_actors": [(i, md.Safe(html.escape(site.actors[i].name))) for i in used_actors],
        "filter_places": [(i, md.Safe(html.escape(site.places[i].name))) for i in used_places],
    }


def _undated(briefing: Briefing) -> list:
    """Temporal expressions that do not sit on the calendar (durations, "now")."""
    return [t for t in briefing.timexes if t.begin is None]


def _linked_paragraphs(site: Site, article: Article, page: str) -> list[tuple[int, bool, md.Safe]]:
    """Article paragraphs, each sentence an anchor `s-{start}`, each mention a link coloured by kind."""
    targets = site.mention_links.get(article.id, ())
    sentences = site.sentences.get(article.id, ())

    def linked(start: int, end: int) -> str:
        parts, cursor = [], start
        for m_start, m_end, target in targets:
            if m_start < cursor or m_end > end or m_start < start:
                continue
            parts.append(md.escape(article.body[cursor:m_start]) if m_start > cursor else "")
            parts.append(_mention_link(site, article.body[m_start:m_end], page, target))
            cursor = m_end
        parts.append(md.escape(article.body[cursor:end]))
        return "".join(parts)

    result = []
    for para in article.paragraphs:
        parts, cursor = [], para.start
        for s_start, s_end in sentences:
            # spaCy's sentence may run on over the newline that ends the paragraph.
            s_end = min(s_end, para.end)
            if para.heading or s_start < cursor or s_start >= s_end:
                continue
            parts.append(linked(cursor, s_start))
            # Raw inline HTML: MkDocs registers the id as an anchor; the text inside is still Markdown.
            parts.append(f'<span class="briefing-sentence" id="s-{s_start}">{linked(s_start, s_end)}</span>')
            cursor = s_end
        parts.append(linked(cursor, para.end))
        result.append((para.index, para.heading, md.Safe("".join(parts))))
    return result


def _mention_link(site: Site, text: str, page: str, target: str) -> md.Safe:
    """A mention in an article linked to its page, coloured by kind, with the hover preview."""
    folder, _, name = target.partition("/")
    item: Actor | Place = site.actors[name[:-3]] if folder == "actors" else site.places[name[:-3]]
    kind = item.kind if isinstance(item, Actor) else "place"
    return md.link(text, page, target, title=preview(item), classes=(f"briefing-{kind}",))
