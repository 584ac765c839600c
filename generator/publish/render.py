"""Render the resolved briefing into Markdown pages (stage 7: render).

First the whole site is built: the site model (`site.py`), then every page's
context and links (`pages.py`, `entities.py`, `articles.py`), then who links
to whom. Only then is each page drawn with its one Jinja2 template. Every
value printed by a template is escaped unless it is `markdown.Safe`.
Rendering is pure: it returns {path: text}; `write.py` is the only module
that touches the disk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import jinja2

from generator.dates import day_text, format_when
from generator.model import Briefing
from generator.publish import articles, entities, pages
from generator.publish import markdown as md
from generator.publish.assets import ASSET_DIR as ASSET_DIR  # re-exported for tests/golden.py
from generator.publish.assets import asset_files
from generator.publish.formats import KIND_TITLES, PLACE_TITLES, format_number, preview
from generator.publish.pages import Page
from generator.publish.site import Site, actor_page, article_page, build_site, place_page, source_anchor

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
    """Render every generated page and copy the assets, keyed by path inside docs_dir."""
    site = build_site(briefing, descriptions)
    # Keyed by path: should two records share a page, the last one drawn is the page.
    built = {page.path: page for page in site_pages(site)}
    incoming = pages.backlinks(list(built.values()))
    env = environment()
    out: dict[str, str] = {}
    for path, page in built.items():
        extra = {"backlinks": incoming[path]} if page.backlinks else {}
        template = env.get_template(page.template)
        text = template.render(**_helpers(site, path), title=page.title, **page.context, **extra)
        out[path] = md.titled(text, page.title or path)
        out.update(page.assets)
    out.update(asset_files())
    return out


def site_pages(site: Site) -> list[Page]:
    """Every generated page, in the order they are written."""
    b = site.briefing
    return [
        pages.home(site),
        pages.actor_index(site),
        *(entities.actor(site, a) for a in b.actors),
        pages.place_index(site),
        *(entities.place(site, p) for p in b.places),
        pages.site_map(site),
        pages.site_graph(site),
        pages.tags(site),
        pages.timeline(site),
        pages.figures(site),
        pages.article_index(site),
        *(articles.article(site, a) for a in b.articles),
    ]


def _helpers(site: Site, page: str) -> dict[str, object]:
    """Functions the templates call, bound to the page being rendered."""

    def actor_link(actor_id: str) -> md.Safe:
        actor = site.actors[actor_id]
        return md.link(
            actor.name, page, actor_page(actor_id), title=preview(actor), classes=(f"briefing-{actor.kind}",)
        )

    def place_link(place_id: str) -> md.Safe:
        place = site.places[place_id]
        return md.link(
            place.name, page, place_page(place_id), title=preview(place), classes=("briefing-place",)
        )

    def source_link(article_id: str, offset: int, label: str = "") -> md.Safe:
        article = site.articles[article_id]
        para = article.paragraph_at(offset)
        text = label or f"{article.title}, ¶{para.index + 1}"
        return md.link(text, page, f"{article_page(article_id)}#{source_anchor(site, article, offset)}")

    def article_link(article_id: str) -> md.Safe:
        return md.link(site.articles[article_id].title, page, article_page(article_id))

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
