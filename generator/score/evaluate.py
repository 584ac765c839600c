"""Score the pipeline, and raw spaCy beside it, against gold annotations (`python -m generator eval`).

Each MEANTIME story (`gold/<doc>.json` beside the articles) is run through the pipeline
once, without overrides and without the cache, and both systems are read from that one
parse: ours from the briefing and its analyses, raw spaCy from the stock pipeline's
`doc.ents`. Then the fully annotated set (`tests/annotated/entities/`) is run the same
way for precision. `generator.score.report` lays the scores out as text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.extract import parse
from generator.extract.article import analyse_article
from generator.extract.run import Batch
from generator.model import Analysis, Briefing
from generator.score import report
from generator.score.entities import (
    OUR_TYPES,
    SAME_TYPES,
    IdentityScores,
    PrecisionScores,
    identity_from_pages,
    identity_scores,
    our_mentions,
    precision,
    raw_mentions,
    typed_recall,
)
from generator.score.figures import ValueScores, our_figures, raw_figures, score_values
from generator.score.gold import ANNOTATED, Gold, load_annotated, load_gold
from generator.score.match import Ratio
from generator.score.timex import TimexScores, our_timexes, raw_timexes, score_timexes

if TYPE_CHECKING:
    pass

__all__ = ["ANNOTATED", "CorpusRun", "SystemScores", "evaluate", "run_corpus", "score_precision", "score_run"]

RawEnts = list[tuple[int, int, str, str]]
"""(start, end, label, text) of every `doc.ents` entity of one article, offsets into its body."""


@dataclass(frozen=True, slots=True)
class CorpusRun:
    """One corpus through our pipeline, with raw spaCy's entities from the same parse."""

    name: str
    """The corpus folder's name."""
    briefing: Briefing
    """What our pipeline made of it."""
    raw: dict[str, RawEnts]
    """Article id → every `doc.ents` entity of the article."""


@dataclass(frozen=True, slots=True)
class SystemScores:
    """One system's scores on one corpus (or, added up, on several)."""

    typed_recall: dict[str, Ratio]
    """Per gold type and "all": gold NAM mentions overlapped by a mention of the same type."""
    values: ValueScores
    """Gold VALUE markables against the system's figures."""
    identity: IdentityScores
    """Recurring gold PER/ORG entities against the system's actor pages."""
    timexes: TimexScores
    """Gold TIMEX3 expressions against the system's temporal expressions."""

    @property
    def value_recall(self) -> Ratio:
        """Gold VALUE markables overlapped by a figure."""
        return self.values.recall

    def __add__(self, other: SystemScores) -> SystemScores:
        return SystemScores(
            {k: v + other.typed_recall[k] for k, v in self.typed_recall.items()},
            self.values + other.values,
            self.identity + other.identity,
            self.timexes + other.timexes,
        )


def run_corpus(seeds: Path, model: str) -> CorpusRun:
    """Run the pipeline over a folder without overrides, keeping spaCy's own entities."""
    from generator.pipeline import BuildConfig, assemble

    parts: dict[str, list[tuple[str, RawEnts]]] = defaultdict(list)

    def capture(batches: Sequence[Batch], model: str) -> Iterator[tuple[int, list[Analysis]]]:
        """Analyse in this process, in order, keeping spaCy's own entities of every Doc."""
        for number, batch in enumerate(batches):
            analysed = []
            for part, doc in parse.parse(batch, model):  # an article, or a chunk of a very long one
                parts[part.id].append(
                    (part.body, [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents])
                )
                analysed.append(analyse_article(doc, part))
            yield number, analysed

    # No cache, so every article is parsed and spaCy's entities seen; a name no folder holds for
    # the overrides, so the machine's output is scored, not a curator's.
    config = BuildConfig(seeds=seeds, overrides=seeds / ".eval-no-overrides.yml", model=model, cache=None)
    briefing, _descriptions, _warnings = assemble(config, executor=capture)
    raw: dict[str, RawEnts] = {}
    for article in briefing.articles:
        offset, found = 0, []
        for text, ents in parts[article.id]:
            offset = article.body.index(text, offset)
            found += [(s + offset, e + offset, label, t) for s, e, label, t in ents]
        raw[article.id] = found
    return CorpusRun(seeds.name, briefing, raw)


def score_run(run: CorpusRun, gold: dict[str, Gold]) -> tuple[SystemScores, SystemScores]:
    """Our scores and raw spaCy's on one MEANTIME corpus."""
    bodies = {a.id: a.body for a in run.briefing.articles}
    analyses = {a.article.id: a for a in run.briefing.analyses}
    raw = raw_mentions(run.raw)
    ours = SystemScores(
        typed_recall(our_mentions(run.briefing), gold, OUR_TYPES),
        score_values({k: our_figures(a.figures) for k, a in analyses.items()}, gold, bodies),
        identity_scores(run.briefing, gold),
        score_timexes({k: our_timexes(a.timexes) for k, a in analyses.items()}, gold),
    )
    spacy = SystemScores(
        typed_recall(raw, gold, SAME_TYPES),
        score_values({k: raw_figures(ents) for k, ents in run.raw.items()}, gold, bodies),
        identity_from_pages([t for t in raw if t.type in ("PER", "ORG")], gold),
        score_timexes({k: raw_timexes(ents) for k, ents in run.raw.items()}, gold),
    )
    return ours, spacy


def score_precision(run: CorpusRun, annotated: Path = ANNOTATED) -> tuple[PrecisionScores, PrecisionScores]:
    """Our precision and raw spaCy's on the fully annotated set, from a run over it."""
    gold = load_annotated(annotated)
    bodies = {a.id: a.body for a in run.briefing.articles}
    return (
        precision(our_mentions(run.briefing), gold, OUR_TYPES, bodies),
        precision(raw_mentions(run.raw), gold, SAME_TYPES, bodies),
    )


def evaluate(corpora: Sequence[Path], model: str, annotated: Path = ANNOTATED, verbose: bool = False) -> str:
    """Run every corpus and the annotated set; return the report as text."""
    return "\n".join(_report(corpora, model, annotated, verbose))


def _report(corpora: Sequence[Path], model: str, annotated: Path, verbose: bool) -> Iterator[str]:
    yield report.title(model)
    scored = []
    for corpus in corpora:
        run = run_corpus(corpus, model)
        ours, spacy = score_run(run, load_gold(corpus))
        scored.append((ours, spacy))
        yield from report.corpus_table(
            f"{corpus}: {len(run.briefing.articles)} articles", ours, spacy, verbose
        )
    if len(corpora) > 1:
        ours, spacy = scored[0]
        for more_ours, more_spacy in scored[1:]:
            ours, spacy = ours + more_ours, spacy + more_spacy
        yield from report.totals_table(ours, spacy)
    if annotated.is_dir() and any(annotated.glob("*.json")):
        gold = load_annotated(annotated)
        ours_p, spacy_p = score_precision(run_corpus(annotated, model), annotated)
        mentions = sum(len(g) for g in gold.values())
        yield from report.precision_table(
            f"{annotated}: {len(gold)} fully annotated articles, {mentions} actor and place mentions",
            ours_p,
            spacy_p,
            verbose,
        )
