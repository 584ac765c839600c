"""Turn one parsed article into an Analysis (stage 3: extract).

Each extractor is a pure function of the Doc and the article; this module
only runs them in order and hands each what the earlier ones found.
"""

from __future__ import annotations

from .figures import extract_figures
from .mentions import find_mentions
from .model import Analysis, Article
from .quotes import find_quotes
from .timex import tag_timexes


def analyse_article(doc, article: Article) -> Analysis:  # type: ignore[no-untyped-def]
    """Run every extractor over one article."""
    headings = [(p.start, p.end) for p in article.paragraphs if p.heading]
    sentences = tuple(
        (s.start_char, s.end_char)
        for s in doc.sents
        if s.text.strip() and not any(h0 <= s.start_char < h1 for h0, h1 in headings)
    )
    mentions = find_mentions(doc, article)
    timexes = tuple(
        t for t in tag_timexes(doc, article.id, article.date)
        if not any(h0 <= t.span.start < h1 for h0, h1 in headings)
    )
    figures = extract_figures(doc, article.id, [(t.span.start, t.span.end) for t in timexes])
    quotes = find_quotes(doc, article, mentions)
    return Analysis(article, sentences, mentions, quotes, timexes, figures)
