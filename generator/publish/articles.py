"""Article pages: the body with an anchor on every sentence and a link on every mention."""

from __future__ import annotations

import bisect

from generator.model import ACTOR_KINDS, Actor, Article, Place
from generator.publish import markdown as md
from generator.publish.formats import legend, preview
from generator.publish.pages import Page
from generator.publish.placement import ACTORS
from generator.publish.site import Site, article_page

Paragraphs = list[tuple[int, bool, md.Safe]]
"""(index, is a heading, Markdown) for each paragraph."""


def article(site: Site, item: Article) -> Page:
    """An article's page; it links to the page of each mention it shows linked."""
    path = article_page(item.id)
    paragraphs, links = _linked_paragraphs(site, item, path)
    context = {"article": item, "paragraphs": paragraphs, "legend": legend((*ACTOR_KINDS, "place"))}
    return Page(path, "article.md.j2", item.title, context, frozenset(links), backlinks=True)


def _linked_paragraphs(site: Site, article: Article, page: str) -> tuple[Paragraphs, set[str]]:
    """Paragraphs with each sentence an anchor `s-{start}` and each mention a link; and the pages linked.

    A mention is linked only when it lies inside one sentence (or one gap
    between sentences) and does not overlap a mention linked before it.
    """
    targets = site.mention_links.get(article.id, ())
    sentences = site.sentences.get(article.id, ())
    linked_pages: set[str] = set()

    def linked(start: int, end: int) -> str:
        parts, cursor = [], start
        # Mentions are sorted by start: those from `start` on, up to the one starting at `end`.
        for i in range(bisect.bisect_left(targets, (start,)), len(targets)):
            m_start, m_end, target, ident = targets[i]
            if m_start > end:
                break
            if m_start < cursor or m_end > end:
                continue
            parts.append(md.escape_text(article.body[cursor:m_start]))
            parts.append(_mention_link(site, article.body[m_start:m_end], page, target, ident))
            linked_pages.add(target)
            cursor = m_end
        parts.append(md.escape_text(article.body[cursor:end]))
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
    return result, linked_pages


def _mention_link(site: Site, text: str, page: str, target: str, ident: str) -> md.Safe:
    """A mention in an article linked to its page (or index row), coloured by kind, with the hover preview."""
    item: Actor | Place = site.actors[ident] if target.startswith(f"{ACTORS}/") else site.places[ident]
    kind = item.kind if isinstance(item, Actor) else "place"
    return md.link(text, page, target, title=preview(item), classes=(f"briefing-{kind}",))
