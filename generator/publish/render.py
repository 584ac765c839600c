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
import posixpath
from collections.abc import Mapping, Sequence
from pathlib import Path

import jinja2

from generator.config import DEFAULT_PAGES, NO_TILES, MapSettings, PageSettings
from generator.dates import day_text, format_when, value_text
from generator.model import Actor, Briefing, Event, Figure, Place, Span
from generator.publish import articles, entities, graph, pages, timeline
from generator.publish import markdown as md
from generator.publish.assets import ASSET_DIR as ASSET_DIR  # re-exported for tests/golden.py
from generator.publish.assets import asset_files
from generator.publish.formats import KIND_TITLES, PLACE_TITLES, format_number, plural, preview, roles_text
from generator.publish.happenings import STATUS_HELP, STATUS_LABELS
from generator.publish.pages import Page
from generator.publish.sheets import INDEX
from generator.publish.site import Site, article_page, build_site, source_anchor
from generator.shares import in_shares
from generator.spans import headline_of

TEMPLATES = Path(__file__).parent / "templates"


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
    """Render every generated page and copy the assets, keyed by path inside docs_dir.

    `compiled` keeps the compiled templates between builds (`cache.Templates`). With `jobs`
    above one and at least `SHARED_FROM` pages, the pages are drawn in that many shares on
    forked processes (`shares.py`); the pages are the same whatever the number of shares.
    """
    site = build_site(briefing, descriptions, map_settings, page_settings)
    # Keyed by path: should two records share a page, the last one drawn is the page.
    built = {page.path: page for page in site_pages(site)}
    incoming = pages.backlinks(list(built.values()))
    env = environment(compiled)
    for name in sorted({page.template for page in built.values()}):
        env.get_template(name)  # compiled once, before any share is forked
    paths = list(built)

    def draw(share: int, shares: int) -> list[str]:
        links: dict[tuple[str, ...], md.Safe] = {}
        return [_draw(env, site, built[path], incoming.get(path, ()), links) for path in paths[share::shares]]

    drawn = in_shares(draw, jobs if len(paths) >= SHARED_FROM else 1)
    texts = {
        path: text
        for share, part in enumerate(drawn)
        for path, text in zip(paths[share :: len(drawn)], part, strict=True)
    }
    out: dict[str, str] = {}
    for path, page in built.items():
        out[path] = texts[path]
        out.update(page.assets)
    out.update(asset_files())
    out["data/links.csv"] = graph.links_csv(site.actors, site.relations)
    return out


SHARED_FROM = 400
"""Draw the pages in shares on forked processes from this many pages (a fork costs about 0.1 s)."""


def _draw(
    env: jinja2.Environment, site: Site, page: Page, backlinks: object, links: dict[tuple[str, ...], md.Safe]
) -> str:
    """One page's text, drawn with its template; `links` keeps the links drawn so far (see `_helpers`)."""
    extra = {"backlinks": backlinks} if page.backlinks else {}
    helpers = _helpers(site, page.path, site.event_pages, links)
    text = env.get_template(page.template).render(**helpers, title=page.title, **page.context, **extra)
    return md.titled(text, page.title or page.path)


def site_pages(site: Site) -> list[Page]:
    """Every generated page, in the order they are written."""
    b = site.briefing
    placed = site.placement
    return [
        pages.home(site),
        *pages.actor_index(site),
        *(entities.actor(site, a) for a in b.actors if a.id in placed.actor_pages),
        *pages.place_index(site),
        *(entities.place(site, p) for p in b.places if p.id in placed.place_pages),
        pages.site_map(site),
        pages.site_graph(site),
        *pages.tags(site),
        *pages.unlisted(site),
        *timeline.timeline_pages(site),
        *pages.figures(site),
        *pages.article_index(site),
        *(articles.article(site, a) for a in b.articles),
    ]


def _helpers(
    site: Site,
    page: str,
    event_pages: Mapping[str, str],
    links: dict[tuple[str, ...], md.Safe] | None = None,
) -> dict[str, object]:
    """Functions the templates call, bound to the page being rendered; `event_pages` places each event.

    `links` keeps the links drawn so far, by folder: a link's text only depends on the folder of
    the page it is on, and the same actors and pages are linked from thousands of pages.
    """
    folder = posixpath.dirname(page)
    drawn = {} if links is None else links

    def entity_link(kind: str, ident: str) -> md.Safe:
        key = (kind, folder, ident)
        found = drawn.get(key)
        if found is None:
            item: Actor | Place = site.actors[ident] if kind == "actor" else site.places[ident]
            target = site.placement.actor(ident) if kind == "actor" else site.placement.place(ident)
            style = f"briefing-{item.kind}" if kind == "actor" else "briefing-place"
            found = drawn[key] = md.link(item.name, page, target, title=preview(item), classes=(style,))
        return found

    def actor_link(actor_id: str) -> md.Safe:
        return entity_link("actor", actor_id)

    def place_link(place_id: str) -> md.Safe:
        return entity_link("place", place_id)

    def source_link(article_id: str, offset: int, label: str = "") -> md.Safe:
        article = site.articles[article_id]
        para = article.paragraph_at(offset)
        text = label or f"{article.title}, ¶{para.index + 1}"
        return md.link(text, page, f"{article_page(article_id)}#{source_anchor(site, article, offset)}")

    def article_link(article_id: str) -> md.Safe:
        return md.link(site.articles[article_id].title, page, article_page(article_id))

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
        target = event_pages.get(event.id, INDEX)
        return md.link(headline_of(event), page, f"{target}#{event.id}")

    def status_badge(status: str) -> md.Safe:
        help_text, label = html.escape(STATUS_HELP[status]), html.escape(STATUS_LABELS[status])
        return md.Safe(f'<span class="tl-status tl-status-{status}" title="{help_text}">{label}</span>')

    def sources_line(spans: Sequence[Span]) -> md.Safe:
        parts: list[str] = []
        seen: set[str] = set()
        for s in spans:
            article = site.articles[s.article]
            para = f"¶{article.paragraph_at(s.start).index + 1}"
            first = s.article not in seen
            seen.add(s.article)
            title = article.title if len(article.title) <= 40 else article.title[:38].rstrip() + "…"
            label = f"{title}, {para}" if first else para
            target = f"{article_page(s.article)}#{source_anchor(site, article, s.start)}"
            parts.append(str(md.link(label, page, target, title=article.title)))
        return md.Safe(", ".join(parts))

    def article_date(article_id: str) -> str:
        return day_text(site.articles[article_id].date) or "an undated article"

    def figure_as_of(figure: Figure) -> str:
        return value_text(figure.date) or article_date(figure.sentence.article)

    def source_with_sentence(sentence: Span) -> md.Safe:
        article = site.articles[sentence.article]
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
        "place_link": place_link,
        "source_link": source_link,
        "article_link": article_link,
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
