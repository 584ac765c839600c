"""Render the resolved briefing into Markdown pages (stage 7: render).

One Jinja2 template per kind of page. Every value printed by a template is
escaped unless it is `markdown.Safe`, which only this module and
`markdown.py` build. Rendering is pure: it returns {path: text}; `write.py`
is the only module that touches the disk.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import markdown as md
from .model import ACTOR_KINDS, Actor, Article, Briefing, Mention, Place, Timex

KIND_TITLES = {"person": "People", "organisation": "Organisations", "state": "States",
               "group": "Armed groups"}
TEMPLATES = Path(__file__).parent / "templates"
ASSETS = Path(__file__).parent / "assets"
ASSET_DIR = "assets/briefing"
"""Where static files from generator/assets/ are published inside docs_dir (see mkdocs.yml extra_css/extra_javascript)."""


@dataclass(frozen=True, slots=True)
class Site:
    """Look-ups the templates need, built once per render."""

    briefing: Briefing
    actors: dict[str, Actor]
    places: dict[str, Place]
    articles: dict[str, Article]
    descriptions: dict[str, str]
    related_actors: dict[str, Counter[str]]
    related_places: dict[str, Counter[str]]
    links_in: dict[str, list[tuple[int, int, str]]]
    """Article id → (start, end, page) of every linked mention, sorted."""
    state_of_place: dict[str, Actor]
    """Place id → the state actor that is the same country."""


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
    env.filters["date"] = _format_date
    env.filters["when"] = format_when
    return env


def render_site(briefing: Briefing, descriptions: dict[str, str]) -> dict[str, str]:
    """Render every generated page, keyed by its path inside docs_dir."""
    site = _site(briefing, descriptions)
    env = environment()
    pages: dict[str, str] = {}

    def render(path: str, template: str, **context: object) -> None:
        helpers = _helpers(site, path)
        pages[path] = env.get_template(template).render(**helpers, **context)

    render("index.md", "index.md.j2", **_home(site))
    render("actors/index.md", "actors.md.j2", groups=_actor_groups(site))
    for actor in briefing.actors:
        render(f"actors/{actor.id}.md", "actor.md.j2", actor=actor, **_entity_context(site, actor))
    render("places/index.md", "places.md.j2", places=sorted(briefing.places, key=lambda p: p.name.lower()))
    for place in briefing.places:
        render(f"places/{place.id}.md", "place.md.j2", place=place, **_entity_context(site, place))
    render("timeline.md", "timeline.md.j2", events=briefing.events, undated=_undated(briefing))
    render("figures.md", "figures.md.j2", figures=briefing.figures)
    render("articles/index.md", "articles.md.j2", articles=briefing.articles)
    for article in briefing.articles:
        render(f"articles/{article.id}.md", "article.md.j2", article=article,
               paragraphs=_linked_paragraphs(site, article, f"articles/{article.id}.md"))
    for asset in sorted(ASSETS.rglob("*")):
        if asset.is_file():
            pages[f"{ASSET_DIR}/{asset.relative_to(ASSETS).as_posix()}"] = asset.read_text("utf-8")
    return pages


def _site(briefing: Briefing, descriptions: dict[str, str]) -> Site:
    """Index the briefing and count which actors and places share sentences."""
    related_actors: dict[str, Counter[str]] = defaultdict(Counter)
    related_places: dict[str, Counter[str]] = defaultdict(Counter)
    by_sentence: dict[tuple[str, tuple[int, int]], set[tuple[str, str]]] = defaultdict(set)
    for actor in briefing.actors:
        for m in actor.mentions:
            by_sentence[(m.span.article, m.sentence)].add(("actor", actor.id))
    for place in briefing.places:
        for m in place.mentions:
            by_sentence[(m.span.article, m.sentence)].add(("place", place.id))
    for members in by_sentence.values():
        for what, ident in members:
            for other_what, other in members:
                if other == ident:
                    continue
                target = related_actors if other_what == "actor" else related_places
                target[ident][other] += 1
    links_in: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for actor in briefing.actors:
        for m in actor.mentions:
            links_in[m.span.article].append((m.span.start, m.span.end, f"actors/{actor.id}.md"))
    for place in briefing.places:
        for m in place.mentions:
            if m.kind == "place":
                links_in[m.span.article].append((m.span.start, m.span.end, f"places/{place.id}.md"))
    for targets in links_in.values():
        targets.sort()
    return Site(
        briefing=briefing,
        actors={a.id: a for a in briefing.actors},
        places={p.id: p for p in briefing.places},
        articles={a.id: a for a in briefing.articles},
        descriptions=descriptions,
        related_actors=dict(related_actors),
        related_places=dict(related_places),
        links_in=dict(links_in),
        state_of_place={a.place: a for a in briefing.actors if a.place},
    )


def _helpers(site: Site, page: str) -> dict[str, object]:
    """Functions the templates call, bound to the page being rendered."""

    def actor_link(actor_id: str) -> md.Safe:
        return md.link(site.actors[actor_id].name, page, f"actors/{actor_id}.md")

    def place_link(place_id: str) -> md.Safe:
        return md.link(site.places[place_id].name, page, f"places/{place_id}.md")

    def source_link(article_id: str, offset: int, label: str = "") -> md.Safe:
        article = site.articles[article_id]
        para = article.paragraph_at(offset)
        text = label or f"{article.title}, ¶{para.index + 1}"
        return md.link(text, page, f"articles/{article_id}.md#p{para.index}")

    def article_link(article_id: str) -> md.Safe:
        return md.link(site.articles[article_id].title, page, f"articles/{article_id}.md")

    def to(target: str, text: str) -> md.Safe:
        return md.link(text, page, target)

    def external(url: str, text: str) -> md.Safe:
        return md.external_link(text, url)

    def join(items: Sequence[object]) -> md.Safe:
        return md.Safe(", ".join(md.escape(i) for i in items))

    return {
        "actor_link": actor_link, "place_link": place_link, "source_link": source_link,
        "article_link": article_link, "to": to, "join": join, "kind_titles": KIND_TITLES,
        "number": _format_number, "esc": md.escape, "external": external,
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
        "briefing": b, "key_figures": key_figures, "top_actors": actors, "top_places": places,
        "latest": latest, "first_date": dates[0] if dates else None,
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
    events = [e for e in site.briefing.events if ident in e.actors or ident in e.places]
    figures = [f for f in site.briefing.figures if ident in f.actors or ident in f.places]

    def top(counter: Counter[str] | None, exclude: str) -> list[tuple[str, int]]:
        if not counter:
            return []
        return sorted(((k, n) for k, n in counter.items() if k != exclude), key=lambda kv: (-kv[1], kv[0]))

    state_place = item.place if isinstance(item, Actor) else ""
    return {
        "description": site.descriptions.get(ident, ""),
        "events": events,
        "figures": figures,
        "related_actors": top(site.related_actors.get(ident), ident),
        "related_places": [kv for kv in top(site.related_places.get(ident), ident) if kv[0] != state_place],
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
            md.escape(body[start:m.span.start]) + "**" + md.escape(m.span.text) + "**"
            + md.escape(body[m.span.end:end])
        )
        rows.append((m, snippet))
    return rows


def _undated(briefing: Briefing) -> list:
    """Temporal expressions that do not sit on the calendar (durations, "now")."""
    return [t for t in briefing.timexes if t.begin is None]


def _linked_paragraphs(site: Site, article: Article, page: str) -> list[tuple[int, bool, md.Safe]]:
    """Article paragraphs with every actor and place mention linked to its page."""
    targets = site.links_in.get(article.id, [])
    result = []
    for para in article.paragraphs:
        parts, cursor = [], para.start
        for start, end, target in targets:
            if start < cursor or end > para.end or start < para.start:
                continue
            parts.append(md.escape(article.body[cursor:start]) if start > cursor else "")
            parts.append(md.link(article.body[start:end], page, target))
            cursor = end
        parts.append(md.escape(article.body[cursor:para.end]))
        text = "".join(parts)
        result.append((para.index, para.heading, md.Safe(text)))
    return result


_MODS = {"START": "start of ", "MID": "middle of ", "END": "end of ", "APPROX": "about "}


def format_when(t: Timex) -> str:
    """A reader's form of a dated expression, as precise as the text allows."""
    if t.begin is None or t.end is None:
        return t.value
    mod = _MODS.get(t.mod, "")
    b, e = t.begin, t.end
    if t.precision == "day" and b == e:
        return f"{mod}{_format_date(b)}" if t.mod == "APPROX" else _format_date(b)
    if t.precision == "week":
        monday = b - dt.timedelta(days=b.weekday())
        return f"{mod}the week of {monday.day} {monday:%b %Y}"
    if t.precision == "month":
        month = f"{b:%b %Y}"
        return f"{mod}{month}"
    if t.precision == "year" and b.year == e.year:
        return f"{mod}{b.year}"
    if t.precision == "decade":
        return f"{mod}the {b.year // 10 * 10}s"
    return f"{mod}{b.day} {b:%b %Y} – {e.day} {e:%b %Y}"


def _format_date(value: dt.date | None) -> str:
    """'Mon 17 Feb 2020' for a date."""
    return f"{value:%a} {value.day} {value:%b %Y}" if value else ""


def _format_number(value: float | None) -> str:
    """875000.0 → '875,000'; 1.5 → '1.5'."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
