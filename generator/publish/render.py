"""Render the resolved briefing into Markdown pages (stage 7: render).

First the whole site is built: the site model (`site.py`), then every page's
context and links (`pages.py`, `entities.py`, `articles.py`), then who links
to whom. Only then is each page drawn with its one Jinja2 template. Every
value printed by a template is escaped unless it is `markdown.Safe`.
Rendering is pure: it returns {path: text}; `write.py` is the only module
that touches the disk.
"""

from __future__ import annotations

import html
import pickle
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

import jinja2

from generator.config import DEFAULT_PAGES, NO_TILES, MapSettings, PageSettings
from generator.dates import day_text, format_when, value_text
from generator.model import Article, Briefing, Event, Figure, Mention, Span
from generator.publish import articles, entities, graph, pages, timeline
from generator.publish import markdown as md
from generator.publish.assets import ASSET_DIR as ASSET_DIR  # re-exported for tests/golden.py
from generator.publish.assets import asset_files
from generator.publish.drawn import (
    ACTOR,
    ARTICLE,
    EVENT,
    NOTHING_EARLIER,
    PLACE,
    Drawing,
    Earlier,
    Keys,
    LookUp,
    data_digest,
)
from generator.publish.formats import KIND_TITLES, PLACE_TITLES, format_number, plural, preview, roles_text
from generator.publish.happenings import STATUS_HELP, STATUS_LABELS
from generator.publish.pages import FigureRow, Page
from generator.publish.sheets import INDEX
from generator.publish.site import Site, article_page, build_site, source_anchor
from generator.shares import in_shares
from generator.spans import headline_of

TEMPLATES = Path(__file__).parent / "templates"

T = TypeVar("T")


def environment(compiled: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    """The Jinja environment: strict, whitespace-tidy, escaping by default; `compiled` keeps templates."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        bytecode_cache=compiled,
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


def render_site(
    briefing: Briefing,
    descriptions: Mapping[str, str],
    map_settings: MapSettings = NO_TILES,
    page_settings: PageSettings = DEFAULT_PAGES,
    compiled: jinja2.BytecodeCache | None = None,
    jobs: int = 1,
) -> dict[str, str]:
    """Render every generated page and copy the assets, keyed by path inside docs_dir (`draw_site`)."""
    drawn = draw_site(briefing, descriptions, map_settings, page_settings, compiled, jobs)
    return {path: data.decode("utf-8") for path, data in drawn.files.items()}


@dataclass(frozen=True, slots=True)
class Rendered:
    """The rendered site, and how each of its pages was drawn."""

    files: dict[str, bytes]
    """Every generated page and asset as written (UTF-8), keyed by path inside docs_dir."""
    drawings: dict[str, Drawing]
    """How each page was drawn, by path, for the next build (`drawn.py`); pages always drawn have none."""
    taken: frozenset[str]
    """The pages read back from the output folder, whose files hold their text already."""


def draw_site(
    briefing: Briefing,
    descriptions: Mapping[str, str],
    map_settings: MapSettings = NO_TILES,
    page_settings: PageSettings = DEFAULT_PAGES,
    compiled: jinja2.BytecodeCache | None = None,
    jobs: int = 1,
    earlier: Earlier = NOTHING_EARLIER,
    fingerprint: str = "",
) -> Rendered:
    """Render every generated page and copy the assets; take a page from `earlier` when it would not change.

    `compiled` keeps the compiled templates between builds (`cache.Templates`). With `jobs`
    above one and at least `SHARED_FROM` pages to make, the pages are built and drawn in that
    many shares on forked processes (`shares.py`): each share builds its pages and tells their
    links, from which every page's "What links here" is made, then draws them. The pages are
    the same whatever the number of shares. A page whose key (`drawn.Keys`, under the
    generator's `fingerprint`) is the one `earlier` recorded is not drawn again: its text is
    read from the output folder.
    """
    site = build_site(briefing, descriptions, map_settings, page_settings)
    makers = page_makers(site)
    env = environment(compiled)
    for template in sorted(TEMPLATES.glob("[!_]*.j2")):
        env.get_template(template.name)  # compiled once, before any share is forked

    def build(share: int, shares: int) -> tuple[list[tuple[Order, Page]], list[tuple[Order, Page]]]:
        built = [
            ((m, n), page) for m in range(share, len(makers), shares) for n, page in enumerate(makers[m]())
        ]
        return built, [(order, replace(page, context={}, assets={})) for order, page in built]

    def draw(built: list[tuple[Order, Page]], linked: Linked) -> list[Drawn]:
        drawn, incoming = linked
        links: dict[tuple[str, ...], md.Safe] = {}
        keys = Keys(fingerprint, partial(_answer, site))
        return [  # only what the build keeps of a page: a share's process sends it back
            (order, page.path, *_drawn(env, site, page, incoming.get(page.path, ()), links, keys, earlier))
            for order, page in built
            if order in drawn
        ]

    shares = in_shares(build, _linked, draw, jobs if len(makers) >= SHARED_FROM else 1)
    out: dict[str, bytes] = {}
    drawings: dict[str, Drawing] = {}
    taken: dict[str, bytes] = {}
    for _order, path, data, assets, drawing, was_taken in sorted(
        (row for share in shares for row in share), key=lambda row: row[0]
    ):
        out[path] = data
        out.update(assets)
        if drawing is not None:
            drawings[path] = drawing
        if was_taken and drawing is not None:  # with the files its helpers made, read back with it
            taken[path] = data
            taken.update((asset, assets[asset]) for asset, _digest in drawing.assets)
    out.update((path, text.encode("utf-8")) for path, text in asset_files().items())
    out["data/links.csv"] = graph.links_csv(site.actors, site.relations).encode("utf-8")
    return Rendered(out, drawings, frozenset(path for path, data in taken.items() if out[path] is data))


SHARED_FROM = 400
"""Build and draw the pages in shares on forked processes from this many makers (a small site stays here)."""

Order = tuple[int, int]
"""Where a page comes: its maker's place in `page_makers`, then its place among that maker's pages."""
Linked = tuple[frozenset[Order], Mapping[str, tuple[tuple[str, str], ...]]]
"""The pages to draw (of two with one path, the last), and "What links here" by path (`pages.backlinks`)."""
Drawn = tuple[Order, str, bytes, dict[str, bytes], Drawing | None, bool]
"""A page drawn or taken in a share: its order, path, text and assets as written (UTF-8), its drawing,
and whether it was taken from the last build (`_drawn`). Bytes, not text: a share's process sends them
back, and a taken page's files are read as bytes and written as bytes, never decoded."""


def _linked(told: list[list[tuple[Order, Page]]]) -> Linked:
    """From every share's pages (without their contexts): the pages to draw, and what links to each."""
    last = {page.path: order for order, page in sorted((r for s in told for r in s), key=lambda r: r[0])}
    kept = [page for share in told for order, page in share if last[page.path] == order]
    return frozenset(last.values()), pages.backlinks(kept)


def _drawn(
    env: jinja2.Environment,
    site: Site,
    page: Page,
    backlinks: tuple[tuple[str, str], ...],
    links: dict[tuple[str, ...], md.Safe],
    keys: Keys,
    earlier: Earlier,
) -> tuple[bytes, dict[str, bytes], Drawing | None, bool]:
    """One page's text and assets in UTF-8, from `earlier` when its key is the one recorded there, else
    drawn; its drawing; and whether it was taken from `earlier` (so its files hold them already).

    The assets are the page's own (`Page.assets`) and those its helpers made as it was drawn.
    """
    own = {path: text.encode("utf-8") for path, text in page.assets.items()}
    start = keys.start((page.path, page.template, page.title, backlinks), page.context)
    before = earlier.drawings.get(page.path)
    if start is not None and before is not None and keys.key(start, before.looked_up) == before.key:
        found = earlier.taken(page.path, before)
        if found is not None:
            return found[0], {**own, **found[1]}, before, True
    looked: dict[LookUp, None] = {}
    made: dict[str, str] = {}
    data = _draw(env, site, page, backlinks, links, looked, made).encode("utf-8")
    drawn = {path: text.encode("utf-8") for path, text in sorted(made.items())}
    if start is None:
        return data, {**own, **drawn}, None, False
    assets = tuple((path, data_digest(file)) for path, file in drawn.items())
    drawing = Drawing(keys.key(start, tuple(looked)), tuple(looked), data_digest(data), assets)
    return data, {**own, **drawn}, drawing, False


def _draw(
    env: jinja2.Environment,
    site: Site,
    page: Page,
    backlinks: object,
    links: dict[tuple[str, ...], md.Safe],
    looked: dict[LookUp, None] | None = None,
    made: dict[str, str] | None = None,
) -> str:
    """One page's text, drawn with its template; `links` keeps the links drawn so far (see `_helpers`),
    `looked` gathers what the helpers looked up (`drawn.py`), `made` the files they made, by path."""
    extra = {"backlinks": backlinks} if page.backlinks else {}
    helpers = _helpers(site, page.path, site.event_pages, links, looked, made)
    text = env.get_template(page.template).render(**helpers, title=page.title, **page.context, **extra)
    return md.titled(text, page.title or page.path)


def _answer(site: Site, look: LookUp) -> bytes:
    """Everything the helpers read from the site for one look-up, as bytes (`drawn.Keys`)."""
    kind, ident = look
    answer: object
    if kind in (ACTOR, PLACE):
        answer = (
            _entity(site, kind, ident) if ident in (site.actors if kind == ACTOR else site.places) else None
        )
    elif kind == ARTICLE:
        answer = (site.articles.get(ident), site.sentences.get(ident, ()))
    else:
        answer = site.event_pages.get(ident, INDEX)
    return pickle.dumps((kind, answer), protocol=pickle.HIGHEST_PROTOCOL)


def _entity(site: Site, kind: str, ident: str) -> tuple[str, str, str, str]:
    """What a link to an actor or place shows: its name, its page (or index row), tooltip and style."""
    if kind == ACTOR:
        actor = site.actors[ident]
        return actor.name, site.placement.actor(ident), preview(actor), f"briefing-{actor.kind}"
    place = site.places[ident]
    return place.name, site.placement.place(ident), preview(place), "briefing-place"


def page_makers(site: Site) -> list[Callable[[], list[Page]]]:
    """What makes every generated page, in the order they are written; each makes one page or a few.

    A paginated listing (an index, the timeline, the figures) has one maker per page, so that its
    pages spread over the shares: the timeline of 10,000 articles is a thousand pages.
    """
    b = site.briefing
    placed = site.placement
    return [
        lambda: [pages.home(site)],
        *map(_listed, pages.actor_index(site)),
        *(partial(_one, entities.actor, site, a) for a in b.actors if a.id in placed.actor_pages),
        *map(_listed, pages.place_index(site)),
        *(partial(_one, entities.place, site, p) for p in b.places if p.id in placed.place_pages),
        lambda: [pages.site_map(site), pages.site_graph(site)],
        lambda: pages.tags(site),
        lambda: pages.unlisted(site),
        *map(_listed, timeline.timeline_pages(site)),
        *map(_listed, pages.figures(site)),
        *map(_listed, pages.article_index(site)),
        *(partial(_one, articles.article, site, a) for a in b.articles),
    ]


def _one(make: Callable[[Site, T], Page], site: Site, item: T) -> list[Page]:
    """One record's page, as a list."""
    return [make(site, item)]


def _listed(make: pages.Maker) -> Callable[[], list[Page]]:
    """A listing page's maker, making a list."""
    return lambda: [make()]


def site_pages(site: Site) -> list[Page]:
    """Every generated page, in the order they are written."""
    return [page for make in page_makers(site) for page in make()]


def _helpers(
    site: Site,
    page: str,
    event_pages: Mapping[str, str],
    links: dict[tuple[str, ...], md.Safe] | None = None,
    looked: dict[LookUp, None] | None = None,
    made: dict[str, str] | None = None,
) -> dict[str, object]:
    """Functions the templates call, bound to the page being rendered; `event_pages` places each event.

    `links` keeps the links drawn so far, by folder: a link's text only depends on the folder of
    the page it is on, and the same actors and pages are linked from thousands of pages.
    Whatever they read from the site goes through `article_of`, `entity_link`, `mention_link`,
    `actor_graph` or `event_link`, which note it in `looked`: a page's drawing is keyed by what
    `_answer` gives for each (`drawn.py`), so a helper must read nothing else from the site.
    A file a helper makes for the page (its graph's SVG) goes into `made`.
    """
    folder = posixpath.dirname(page)
    drawn = {} if links is None else links
    noted = {} if looked is None else looked
    files = {} if made is None else made

    def article_of(article_id: str) -> Article:
        noted[ARTICLE, article_id] = None
        return site.articles[article_id]

    def entity_link(kind: str, ident: str) -> md.Safe:
        noted[kind, ident] = None
        key = (kind, folder, ident)
        found = drawn.get(key)
        if found is None:
            name, target, tooltip, style = _entity(site, kind, ident)
            found = drawn[key] = md.link(name, page, target, title=tooltip, classes=(style,))
        return found

    def mention_link(kind: str, ident: str, text: str) -> md.Safe:
        noted[kind, ident] = None
        _name, target, tooltip, style = _entity(site, kind, ident)
        return md.link(text, page, target, title=tooltip, classes=(style,))

    def article_paragraphs(article: Article, layout: articles.Layout) -> articles.Paragraphs:
        return articles.paragraphs(article, layout, mention_link)

    def actor_graph(actor_id: str, near: Sequence[tuple[str, graph.Relation]]) -> md.Safe:
        """The picture of an actor's strongest links (`near`, strongest first), made as an SVG file."""
        if not near:
            return md.Safe("")
        for ident in (actor_id, *(other for other, _ in near[: graph.MAX_NEIGHBOURS])):
            noted[ACTOR, ident] = None  # each node shows its actor's name and kind, and links to its page
        picture = graph.actor_graph(site.actors, near, actor_id, page, site.placement.actor)
        files[picture.path] = picture.svg
        return picture.embed

    def actor_link(actor_id: str) -> md.Safe:
        return entity_link(ACTOR, actor_id)

    def place_link(place_id: str) -> md.Safe:
        return entity_link(PLACE, place_id)

    def source_link(article_id: str, offset: int, label: str = "") -> md.Safe:
        article = article_of(article_id)
        para = article.paragraph_at(offset)
        text = label or f"{article.title}, ¶{para.index + 1}"
        return md.link(text, page, f"{article_page(article_id)}#{source_anchor(site, article, offset)}")

    def mention_in_sentence(mention: Mention) -> md.Safe:
        body = article_of(mention.span.article).body
        start, end = mention.sentence
        before, after = body[start : mention.span.start], body[mention.span.end : end]
        name = md.escape_text(mention.span.text)
        return md.Safe(f"{md.escape_text(before)}**{name}**{md.escape_text(after)}")

    def article_link(article_id: str) -> md.Safe:
        return md.link(article_of(article_id).title, page, article_page(article_id))

    def to(target: str, text: str) -> md.Safe:
        key = ("to", folder, target, text)
        found = drawn.get(key)
        if found is None:
            found = drawn[key] = md.link(text, page, target)
        return found

    def external(url: str, text: str) -> md.Safe:
        return md.external_link(text, url)

    def join(items: Sequence[object]) -> md.Safe:
        return md.Safe(", ".join(md.escape(i) for i in items))

    def event_link(event: Event) -> md.Safe:
        noted[EVENT, event.id] = None
        target = event_pages.get(event.id, INDEX)
        return md.link(headline_of(event), page, f"{target}#{event.id}")

    def status_badge(status: str) -> md.Safe:
        help_text, label = html.escape(STATUS_HELP[status]), html.escape(STATUS_LABELS[status])
        return md.Safe(f'<span class="tl-status tl-status-{status}" title="{help_text}">{label}</span>')

    def sources_line(spans: Sequence[Span]) -> md.Safe:
        parts: list[str] = []
        seen: set[str] = set()
        for s in spans:
            article = article_of(s.article)
            para = f"¶{article.paragraph_at(s.start).index + 1}"
            first = s.article not in seen
            seen.add(s.article)
            title = article.title if len(article.title) <= 40 else article.title[:38].rstrip() + "…"
            label = f"{title}, {para}" if first else para
            target = f"{article_page(s.article)}#{source_anchor(site, article, s.start)}"
            parts.append(str(md.link(label, page, target, title=article.title)))
        return md.Safe(", ".join(parts))

    def article_date(article_id: str) -> str:
        return day_text(article_of(article_id).date) or "an undated article"

    def figure_as_of(figure: Figure | FigureRow) -> str:
        return value_text(figure.date) or article_date(figure.sentence.article)

    def source_with_sentence(sentence: Span) -> md.Safe:
        article = article_of(sentence.article)
        para = f"¶{article.paragraph_at(sentence.start).index + 1}"
        target = f"{article_page(sentence.article)}#{source_anchor(site, article, sentence.start)}"
        link = md.link(para, page, target, title=article.title)
        text = html.escape(" ".join(sentence.text.split()))
        for char, entity in (("|", "&#124;"), ("*", "&#42;"), ("_", "&#95;"), ("`", "&#96;"), ("[", "&#91;")):
            text = text.replace(char, entity)  # raw HTML inside a Markdown table cell
        return md.Safe(
            f'{link} <details class="briefing-sentence"><summary>sentence</summary>{text}</details>'
        )

    def to_url(target: str) -> md.Safe:
        return md.Safe(html.escape(md.url(page, target)))

    def roles(items: Sequence[str]) -> md.Safe:
        return md.escape(roles_text(items))

    return {
        "actor_link": actor_link,
        "actor_graph": actor_graph,
        "place_link": place_link,
        "source_link": source_link,
        "article_link": article_link,
        "article_paragraphs": article_paragraphs,
        "mention_in_sentence": mention_in_sentence,
        "to": to,
        "join": join,
        "roles": roles,
        "kind_titles": KIND_TITLES,
        "place_titles": PLACE_TITLES,
        "number": format_number,
        "esc": md.escape,
        "external": external,
        "event_link": event_link,
        "status_badge": status_badge,
        "headline": headline_of,
        "to_url": to_url,
        "sources_line": sources_line,
        "figure_as_of": figure_as_of,
        "source_with_sentence": source_with_sentence,
        "site_article_date": article_date,
        "plural": plural,
        "relation_verb": graph.relation_verb,
    }
