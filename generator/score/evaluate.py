"""Score the pipeline, and raw spaCy beside it, against gold annotations (`python -m generator eval`).

Each MEANTIME story (`gold/<doc>.json` beside the articles) is run through the pipeline
once, without overrides and without the cache, and both systems are read from that one
parse: ours from the briefing and its analyses, raw spaCy from the stock pipeline's
`doc.ents`. All stories are then run again as one site, for identity as a reader of a
mixed briefing meets it. Then the fully annotated sets are run the same way for precision,
junk pages and (where the set gives instances) identity: `tests/annotated/entities/`, and
the unseen Reuters set `tests/annotated/reuters/`, whose text is unpacked from the archive
beside the repository into a temporary folder (skipped, with the reason, when it is absent).
`generator.score.report` lays the scores out as text.

Sections are independent: a new score (participants: gold actors among each gold event's
actors) is a field of `SystemScores`, computed in `score_run` from the same `CorpusRun`, and
a row or line in `report`.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.extract import parse
from generator.extract.run import Batch
from generator.extract.run import _analysed as analysed_with_last_guard
from generator.model import Analysis, Briefing
from generator.score import participants, report
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
from generator.score.events import TUNED_ON, EventScores, score_events
from generator.score.figures import ValueScores, our_figures, raw_figures, score_values
from generator.score.gold import (
    ANNOTATED,
    REUTERS_ARCHIVE,
    UNSEEN,
    Gold,
    MissingText,
    load_annotated,
    load_gold,
    unpack_unseen,
)
from generator.score.match import Ratio
from generator.score.participants import ParticipantScores, load_participants, score_participants
from generator.score.timex import TimexScores, our_timexes, raw_timexes, score_timexes

__all__ = [
    "ANNOTATED",
    "UNSEEN",
    "CorpusRun",
    "SystemScores",
    "evaluate",
    "run_corpus",
    "run_together",
    "run_unseen",
    "score_precision",
    "score_run",
]

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
                analysed.append(analysed_with_last_guard(doc, part))  # as a build: a crash is plain text
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


def run_together(corpora: Sequence[Path], model: str, scratch: Path) -> tuple[CorpusRun, dict[str, Gold]]:
    """Run every story's articles as one corpus (copied into `scratch`), with their gold merged.

    Copies, not links: a build reads only regular files, never a symlink, from its seeds.
    """
    gold: dict[str, Gold] = {}
    for corpus in corpora:
        gold.update(load_gold(corpus))
        for path in sorted(corpus.glob("*.md")):
            if path.name != "README.md":
                shutil.copyfile(path, scratch / path.name)
    return run_corpus(scratch, model), gold


def run_unseen(
    model: str, scratch: Path, folder: Path = UNSEEN, archive: Path = REUTERS_ARCHIVE
) -> CorpusRun:
    """Run the unseen set; its text is unpacked from `archive` into `scratch`. Raises MissingText."""
    return run_corpus(unpack_unseen(folder, archive, scratch / folder.name), model)


def evaluate(
    corpora: Sequence[Path],
    model: str,
    annotated: Path = ANNOTATED,
    verbose: bool = False,
    unseen: Path = UNSEEN,
    archive: Path = REUTERS_ARCHIVE,
) -> str:
    """Run every corpus, all of them together, and the annotated sets; return the report as text."""
    with tempfile.TemporaryDirectory(prefix="briefing-eval-") as scratch:
        return "\n".join(_report(corpora, model, annotated, verbose, unseen, archive, Path(scratch)))


def _report(
    corpora: Sequence[Path],
    model: str,
    annotated: Path,
    verbose: bool,
    unseen: Path,
    archive: Path,
    scratch: Path,
) -> Iterator[str]:
    yield report.title(model)
    scored = []
    held_out: EventScores | None = None
    taking: list[dict[str, ParticipantScores]] = []
    for corpus in corpora:
        run = run_corpus(corpus, model)
        gold = load_gold(corpus)
        ours, spacy = score_run(run, gold)
        scored.append((ours, spacy))
        yield from report.corpus_table(
            f"{corpus}: {len(run.briefing.articles)} articles", ours, spacy, verbose
        )
        events = score_events(run.briefing, gold)
        yield from report.events_table(report.tuning(corpus.name), events, verbose)
        if corpus.name not in TUNED_ON:
            held_out = events if held_out is None else held_out + events
        taking.append(score_participants(run.briefing, gold, load_participants(corpus.name)))
        yield from participants.lines(taking[-1], verbose)
    if len(corpora) > 1:
        ours, spacy = scored[0]
        for more_ours, more_spacy in scored[1:]:
            ours, spacy = ours + more_ours, spacy + more_spacy
        yield from report.totals_table(ours, spacy)
        if held_out is not None:
            yield from report.events_table("all held-out stories", held_out, verbose=False)
        together = scratch / "together"
        together.mkdir()
        combined, merged = run_together(corpora, model, together)
        ours_all, spacy_all = score_run(combined, merged)
        yield from report.together_table(
            f"all corpora as one site: {len(combined.briefing.articles)} articles",
            ours_all.identity,
            spacy_all.identity,
            verbose,
        )
        added = {name: sum((t[name] for t in taking[1:]), taking[0][name]) for name in taking[0]}
        yield from participants.lines(added, verbose=False)
    if annotated.is_dir() and any(annotated.glob("*.json")):
        marked = load_annotated(annotated)
        ours_p, spacy_p = score_precision(run_corpus(annotated, model), annotated)
        mentions = sum(len(g) for g in marked.values())
        yield from report.precision_table(
            f"{annotated}: {len(marked)} fully annotated articles, {mentions} actor and place mentions",
            ours_p,
            spacy_p,
            verbose,
        )
    if unseen.is_dir() and any(unseen.glob("*.json")):
        heading = f"{unseen}: unseen set"
        try:
            unseen_run = run_unseen(model, scratch, unseen, archive)
        except MissingText as exc:
            yield from report.skipped(heading, str(exc))
            return
        marked = load_annotated(unseen)
        ours_p, spacy_p = score_precision(unseen_run, unseen)
        mentions = sum(len(g) for g in marked.values())
        yield from report.precision_table(
            f"{heading}, {len(marked)} fully annotated articles, {mentions} actor and place mentions",
            ours_p,
            spacy_p,
            verbose,
        )
