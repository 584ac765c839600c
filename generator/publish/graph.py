"""The relationship graph: actors tied by what they did together or to each other, or by sentences.

Two actors are linked by action when they take part in one predicate, both acting
("Turkey and Russia began talks") or one acting on or with the other ("strikes by
Russia hit ..."); the link is labelled with the verbs and weighs the number of such
predicates. Actors only named in the same sentence, or listed on the same event,
stay linked as a weaker kind ("named together"), shown as such. `relations` is
pure; `layout` places the nodes with a fixed number of Fruchterman–Reingold
steps from a fixed start, and `svg` draws the picture as an SVG file of its
own, which the pages embed (`embed`), so the same briefing always gives the
same bytes and no name in it is ever read as Markdown.
"""

from __future__ import annotations

import csv
import html
import io
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from generator.model import Actor, Interaction
from generator.publish import markdown as md
from generator.publish.cooccurrence import Member, Together

MAX_NODES = 40
"""The site-wide picture shows the most connected actors (few enough to read); the CSV lists every link."""
MAX_NEIGHBOURS = 16
"""An actor's own picture shows its strongest links; its table lists them all."""
TOP_LINKS = 40
"""The graph page's table lists the strongest links; data/links.csv lists every one."""
MAX_VERBS = 3
"""A link's label names at most this many of its verbs, the most frequent first."""


@dataclass(frozen=True, slots=True)
class Relation:
    """Two linked actors: how, how strongly, and where first."""

    a: str
    """Id of the first actor (a < b)."""
    b: str
    """Id of the second actor."""
    weight: int
    """Predicates both take part in ("acted"), else sentences or events naming both ("named")."""
    article: str
    """Article of the first shared predicate or sentence, for a source link."""
    start: int
    """Offset of the first shared predicate or sentence."""
    kind: str = "named"
    """"acted" when they act together or on each other; "named" when only named together (weaker)."""
    verbs: tuple[str, ...] = ()
    """For an "acted" link, its verbs, the most frequent first (at most MAX_VERBS)."""
    named: int = 0
    """Sentences or events naming both, for either kind."""

    @property
    def label(self) -> str:
        """How the two are linked, for readers: "hit, began (3 times)" or "named together in 2 sentences"."""
        if self.kind == "acted":
            times = f" ({self.weight} times)" if self.weight > 1 else ""
            return ", ".join(self.verbs) + times
        return f"named together in {self.weight} sentence{'s' if self.weight != 1 else ''}"


def relations(
    table: dict[tuple[Member, Member], Together], acted: Sequence[Interaction] = ()
) -> tuple[Relation, ...]:
    """Every linked pair of actors: acting ones first, each kind strongest first, then by ids."""
    count: Counter[tuple[str, str]] = Counter()
    verbs: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    first: dict[tuple[str, str], tuple[str, int]] = {}
    for i in acted:
        pair = (i.a, i.b)
        count[pair] += 1
        verbs[pair][i.verb] += 1
        first[pair] = min(first.get(pair, (i.article, i.start)), (i.article, i.start))
    named = {(x[1], y[1]): t for (x, y), t in table.items() if x[0] == y[0] == "actor"}
    found = []
    for pair, n in count.items():
        shown = tuple(v for v, _n in sorted(verbs[pair].items(), key=lambda vn: (-vn[1], vn[0]))[:MAX_VERBS])
        together = named.get(pair)
        found.append(Relation(*pair, n, *first[pair], "acted", shown, together.shared if together else 0))
    for pair, t in named.items():
        if pair not in count:
            found.append(Relation(*pair, t.shared, t.article, t.start, "named", (), t.shared))
    return tuple(sorted(found, key=lambda r: (r.kind != "acted", -r.weight, r.a, r.b)))


def neighbours(rels: Sequence[Relation]) -> dict[str, tuple[tuple[str, Relation], ...]]:
    """Actor id → the actors linked to it, strongest first."""
    out: dict[str, list[tuple[str, Relation]]] = defaultdict(list)
    for r in rels:
        out[r.a].append((r.b, r))
        out[r.b].append((r.a, r))
    return {
        ident: tuple(sorted(near, key=lambda nr: (nr[1].kind != "acted", -nr[1].weight, nr[0])))
        for ident, near in out.items()
    }


def layout(
    nodes: Sequence[str], rels: Sequence[Relation], width: float, height: float, steps: int = 150
) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold from a circle in id order, scaled into the box; deterministic."""
    order = sorted(nodes)
    n = len(order)
    if n == 0:
        return {}
    if n == 1:
        return {order[0]: (width / 2, height / 2)}
    index = {ident: i for i, ident in enumerate(order)}
    xs = [math.cos(2 * math.pi * i / n) for i in range(n)]
    ys = [math.sin(2 * math.pi * i / n) for i in range(n)]
    k = math.sqrt(4.0 / n)
    springs = [
        (index[r.a], index[r.b], 1.0 + math.log(r.weight)) for r in rels if r.a in index and r.b in index
    ]
    for step in range(steps):
        dx, dy = [0.0] * n, [0.0] * n
        for i in range(n):
            for j in range(i + 1, n):
                ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
                dist2 = max(ddx * ddx + ddy * ddy, 1e-6)
                push = k * k / dist2
                dx[i] += ddx * push
                dy[i] += ddy * push
                dx[j] -= ddx * push
                dy[j] -= ddy * push
        for i, j, strength in springs:
            ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
            dist = max(math.hypot(ddx, ddy), 1e-3)
            pull = dist * strength / k
            dx[i] -= ddx * pull
            dy[i] -= ddy * pull
            dx[j] += ddx * pull
            dy[j] += ddy * pull
        for i in range(n):
            # Gravity keeps unlinked actors from drifting off to the edges.
            dx[i] -= xs[i] * 0.5
            dy[i] -= ys[i] * 0.5
        temperature = 0.1 * (1 - step / steps) + 0.002
        for i in range(n):
            length = math.hypot(dx[i], dy[i])
            if length > 0:
                move = min(length, temperature) / length
                xs[i] += dx[i] * move
                ys[i] += dy[i] * move
    return _fit(order, xs, ys, width, height)


def _fit(
    order: Sequence[str], xs: list[float], ys: list[float], width: float, height: float
) -> dict[str, tuple[float, float]]:
    """Scale positions into the box with room for labels, rounded so output is stable."""
    margin_x, margin_y = 90.0, 30.0
    lo_x, hi_x, lo_y, hi_y = min(xs), max(xs), min(ys), max(ys)
    sx = (width - 2 * margin_x) / ((hi_x - lo_x) or 1)
    sy = (height - 2 * margin_y) / ((hi_y - lo_y) or 1)
    return {
        ident: (round(margin_x + (xs[i] - lo_x) * sx, 1), round(margin_y + (ys[i] - lo_y) * sy, 1))
        for i, ident in enumerate(order)
    }


def ego_layout(
    centre: str, others: Sequence[str], width: float, height: float
) -> dict[str, tuple[float, float]]:
    """One actor in the middle, its neighbours on a circle in the given order."""
    pos = {centre: (width / 2, height / 2)}
    radius = min(width / 2 - 90, height / 2 - 30)
    for i, ident in enumerate(others):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(others), 1)
        pos[ident] = (
            round(width / 2 + radius * math.cos(angle), 1),
            round(height / 2 + radius * math.sin(angle), 1),
        )
    return pos


SITE_SVG = "graph/briefing.svg"
"""The site-wide picture, published beside the graph page (`graph/index.html` with directory URLs)."""

STYLE = (
    "text{font:13px system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;fill:#000000de;"
    "paint-order:stroke;stroke:#fff;stroke-width:3px}"
    "line{stroke:#8a8a8a;stroke-opacity:.6}line.briefing-link--named{stroke-dasharray:4 3;stroke-opacity:.35}"
    "a{text-decoration:none}text.briefing-edge{font-size:12px;fill:#0000008a}"
    ".briefing-ego text{font-size:15px}"
    "circle{stroke:#fff;stroke-width:1.5px}"
    "a:focus circle,a:hover circle{stroke:#000;stroke-width:2.5px}"
    ".briefing-person circle{fill:#0072b2}.briefing-organisation circle{fill:#b36b00}"
    ".briefing-state circle{fill:#007a5a}.briefing-group circle{fill:#c2410c}"
)
"""The picture's own styles: an SVG file does not see the site's CSS (colours as in briefing.css)."""


def actor_svg(ident: str) -> str:
    """Where an actor's own picture is published."""
    return f"graph/actors/{ident}.svg"


def svg(
    actors: Mapping[str, Actor],
    rels: Sequence[Relation],
    pos: dict[str, tuple[float, float]],
    path: str,
    label: str,
    width: int,
    height: int,
    centre: str = "",
    target: Callable[[str], str] | None = None,
) -> str:
    """The graph as an SVG file at `path`: weighted lines, nodes coloured by kind, each a link to its page.

    It is a file of its own, embedded with `<object>`, never inline SVG in a Markdown page:
    Markdown would read the names inside it as Markdown (an actor called `[x](javascript:…)`
    became a live link), and Zensical rewrites links in inline SVG. So every name is
    escaped only for XML, and every link is relative to the SVG file and opens in the page
    (`target="_top"`), not inside the picture.
    """
    e = html.escape
    ego = ' class="briefing-ego"' if centre else ""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="group" '
        f'aria-label="{e(label)}"{ego}><style>{STYLE}</style>'
    ]
    for r in rels:
        if r.a in pos and r.b in pos:
            (x1, y1), (x2, y2) = pos[r.a], pos[r.b]
            stroke = round(1 + 2 * math.log(r.weight), 1)
            verb = relation_verb(r)
            weak = ' class="briefing-link--named"' if r.kind == "named" else ""
            parts.append(
                f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke-width="{stroke}"{weak}>'
                f"<title>{e(actors[r.a].name)} – {e(actors[r.b].name)}: {e(r.label)}</title></line>"
            )
            if verb:
                mx, my = round((x1 + x2) / 2, 1), round((y1 + y2) / 2, 1)
                parts.append(
                    f'<text class="briefing-edge" x="{mx}" y="{my}" text-anchor="middle">{e(verb)}</text>'
                )
    for ident in sorted(pos, key=lambda i: (i != centre, i)):
        x, y = pos[ident]
        actor = actors[ident]
        href = md.url(path, target(ident) if target else f"actors/{ident}.md")
        radius = 9 if ident == centre else 6
        parts.append(
            f'<a href="{e(href)}" target="_top" class="briefing-{e(actor.kind)}">'
            f'<circle cx="{x}" cy="{y}" r="{radius}"/>'
            f'<text x="{x}" y="{round(y - radius - 4, 1)}" text-anchor="middle">{e(actor.name)}</text></a>'
        )
    parts.append("</svg>\n")
    return "".join(parts)


def embed(page: str, path: str, label: str, width: int, height: int, small: bool = False) -> md.Safe:
    """The `<object>` that shows the SVG file at `path` on `page` (a raw HTML block Markdown leaves alone)."""
    size = " briefing-graph--actor" if small else ""
    return md.Safe(
        f'<object class="briefing-graph{size}" type="image/svg+xml" data="{html.escape(md.url(page, path))}" '
        f'width="{width}" height="{height}" aria-label="{html.escape(label)}" data-search-exclude>'
        "<p>The picture needs a browser that shows SVG; the table below lists every link.</p></object>"
    )


@dataclass(frozen=True, slots=True)
class Picture:
    """A graph to show on a page: the `<object>` for the page, and the SVG file it embeds."""

    embed: md.Safe
    """The raw HTML the page template prints."""
    path: str
    """Where the SVG file is published, inside docs_dir."""
    svg: str
    """The SVG document."""


def relation_verb(r: Relation) -> str:
    """The verbs that link two acting actors, most frequent first; empty for actors only named together."""
    return ", ".join(r.verbs) if r.kind == "acted" else ""


def links_csv(actors: Mapping[str, Actor], rels: Sequence[Relation]) -> str:
    """Every link as CSV, strongest first: the full list behind the graph page's top links."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("actor_a", "name_a", "actor_b", "name_b", "weight", "verb", "article", "start"))
    for r in rels:
        writer.writerow(
            (r.a, actors[r.a].name, r.b, actors[r.b].name, r.weight, relation_verb(r), r.article, r.start)
        )
    return buffer.getvalue()


def overview_nodes(rels: Sequence[Relation]) -> list[str]:
    """The actors the graph page draws: the MAX_NODES most connected, by summed link weight."""
    degree: dict[str, int] = defaultdict(int)
    for r in rels:
        degree[r.a] += r.weight
        degree[r.b] += r.weight
    return sorted(degree, key=lambda i: (-degree[i], i))[:MAX_NODES]


def site_graph(
    actors: Mapping[str, Actor],
    rels: Sequence[Relation],
    page: str,
    target: Callable[[str], str] | None = None,
) -> Picture:
    """The picture for the graph page: the MAX_NODES most connected actors; `target` places their links."""
    nodes = overview_nodes(rels)
    chosen = set(nodes)
    kept = [r for r in rels if r.a in chosen and r.b in chosen]
    width, height = 900, 560
    pos = layout(nodes, kept, width, height)
    label = "Relationship graph of the actors; the table below lists every link"
    drawn = svg(actors, kept, pos, SITE_SVG, label, width, height, target=target)
    return Picture(embed(page, SITE_SVG, label, width, height), SITE_SVG, drawn)


def actor_graph(
    actors: Mapping[str, Actor],
    near: Sequence[tuple[str, Relation]],
    ident: str,
    page: str,
    target: Callable[[str], str] | None = None,
) -> Picture:
    """The picture for one actor's page: the actor and its strongest direct links (`neighbours`);
    `target` places their links."""
    near = near[:MAX_NEIGHBOURS]
    width, height = 640, 360
    pos = ego_layout(ident, [other for other, _ in near], width, height)
    label = f"Actors linked to {actors[ident].name}; the table below lists them"
    path = actor_svg(ident)
    drawn = svg(actors, [r for _, r in near], pos, path, label, width, height, centre=ident, target=target)
    return Picture(embed(page, path, label, width, height, small=True), path, drawn)
