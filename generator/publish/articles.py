"""Article pages: the body with an anchor on every sentence and a link on every mention.

The page's context is its layout, not its text: each paragraph cut into the stretches between
sentences and the sentences themselves, each with the mentions linked in it (`Layout`). The
template's `article_paragraphs` helper writes the text from it when the page is drawn, looking
up each linked actor and place as it goes (`render._helpers`), so an article page taken from the
last build (`drawn.py`) costs no more than its layout.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from generator.model import ACTOR_KINDS, Article
from generator.publish import markdown as md
from generator.publish.drawn import ACTOR, PLACE
from generator.publish.formats import legend
from generator.publish.pages import Page
from generator.publish.placement import ACTORS
from generator.publish.site import MentionLink, Site, article_page

Mark = tuple[int, int, str, str]
"""A mention linked in the text: (start, end, "actor" or "place", id)."""
Piece = tuple[int, int, bool, tuple[Mark, ...]]
"""(start, end, whether it is a sentence, the mentions linked inside it) of a stretch of a paragraph."""
Layout = tuple[tuple[int, bool, tuple[Piece, ...]], ...]
"""(index, is a heading, pieces) for each paragraph."""
Paragraphs = list[tuple[int, bool, md.Safe]]
"""(index, is a heading, Markdown) for each paragraph."""
LinkMention = Callable[[str, str, str], md.Safe]
"""A mention's text linked to the page of its actor or place: (kind, id, text) → Markdown."""


def article(site: Site, item: Article) -> Page:
    """An article's page; it links to the page of each mention it shows linked."""
    path = article_page(item.id)
    targets = site.mention_links.get(item.id, ())
    layout, links = _layout(item, site.sentences.get(item.id, ()), targets)
    context = {"article": item, "layout": layout, "legend": legend((*ACTOR_KINDS, "place"))}
    return Page(path, "article.md.j2", item.title, context, frozenset(links), backlinks=True)


def _layout(
    article: Article, sentences: Sequence[tuple[int, int]], targets: Sequence[MentionLink]
) -> tuple[Layout, set[str]]:
    """Each paragraph's pieces: the stretches between sentences, and each sentence (`s-{start}`); and the
    pages their linked mentions link to.

    A mention is linked only when it lies inside one piece and does not overlap a mention linked
    before it.
    """
    linked_pages: set[str] = set()

    def piece(start: int, end: int, sentence: bool) -> Piece:
        marks, cursor = [], start
        # Mentions are sorted by start: those from `start` on, up to the one starting at `end`.
        for i in range(bisect.bisect_left(targets, (start,)), len(targets)):
            m_start, m_end, target, ident = targets[i]
            if m_start > end:
                break
            if m_start < cursor or m_end > end:
                continue
            marks.append((m_start, m_end, ACTOR if target.startswith(f"{ACTORS}/") else PLACE, ident))
            linked_pages.add(target)
            cursor = m_end
        return start, end, sentence, tuple(marks)

    layout = []
    for para in article.paragraphs:
        pieces, cursor = [], para.start
        for s_start, s_end in sentences:
            # spaCy's sentence may run on over the newline that ends the paragraph.
            s_end = min(s_end, para.end)
            if para.heading or s_start < cursor or s_start >= s_end:
                continue
            pieces.append(piece(cursor, s_start, False))
            pieces.append(piece(s_start, s_end, True))
            cursor = s_end
        pieces.append(piece(cursor, para.end, False))
        layout.append((para.index, para.heading, tuple(pieces)))
    return tuple(layout), linked_pages


def paragraphs(article: Article, layout: Layout, link: LinkMention) -> Paragraphs:
    """The paragraphs of an article page, written from their layout; `link` links each mention."""
    body = article.body
    result = []
    for index, heading, pieces in layout:
        parts = []
        for start, end, sentence, marks in pieces:
            texts, cursor = [], start
            for m_start, m_end, kind, ident in marks:
                texts.append(md.escape_text(body[cursor:m_start]))
                texts.append(link(kind, ident, body[m_start:m_end]))
                cursor = m_end
            texts.append(md.escape_text(body[cursor:end]))
            text = "".join(texts)
            # Raw inline HTML: MkDocs registers the id as an anchor; the text inside is still Markdown.
            parts.append(
                f'<span class="briefing-sentence" id="s-{start}">{text}</span>' if sentence else text
            )
        result.append((index, heading, md.Safe("".join(parts))))
    return result
