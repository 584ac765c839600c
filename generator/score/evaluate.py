"""Score the pipeline, and raw spaCy beside it, against gold annotations (`python -m generator eval`).

MEANTIME gold files (`gold/<doc>.json` beside the articles) give entity mentions
with cross-document `instance_id`s and VALUE markables, as character offsets into
the article body. A fully annotated set of our own (`tests/annotated/entities/`,
every actor and place mention with its kind) gives precision, which MEANTIME's
non-exhaustive annotation cannot.

Both systems are read from the same parse, so they are measured in the same run:
- ours: the mentions on actor and place pages after propagation, resolution and
  kind votes, typed person → PER, organisation and group → ORG, state and place → LOC;
- raw spaCy: the stock pipeline's `doc.ents`, typed PERSON → PER, ORG → ORG,
  GPE, LOC, FAC and NORP → LOC (NORP because MEANTIME types "German" and "Irish"
  as LOC); CARDINAL, QUANTITY, MONEY and PERCENT are its figures. Its "actor
  pages" are its distinct (label, text) pairs, as a reader of raw output sees them.

Matching is by overlap, because MEANTIME's extents are extended markables ("the
United States Air Force (USAF"), ours are bare names ("United States Air Force").
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.model import ACTOR_KINDS, Briefing
from generator.slugs import slugify

TYPES = ("PER", "ORG", "LOC")
"""Gold entity types scored: persons, organisations, locations."""

OUR_TYPES = {"person": "PER", "organisation": "ORG", "group": "ORG", "state": "LOC", "place": "LOC"}
"""Our kinds as MEANTIME types."""

RAW_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "LOC"}
"""spaCy entity labels as MEANTIME types."""

RAW_FIGURES = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
"""spaCy entity labels that count as figures."""

KINDS = (*ACTOR_KINDS, "place")
"""Kinds in the fully annotated set."""

ANNOTATED = Path(__file__).resolve().parents[2] / "tests" / "annotated" / "entities"
"""The fully annotated precision set: articles with one `<name>.json` each."""


@dataclass(frozen=True, slots=True)
class Tagged:
    """A typed span that a system or an annotator put on a text."""

    article: str
    start: int
    end: int
    type: str
    """PER, ORG or LOC (or, in the annotated set, one of KINDS)."""
    page: str = ""
    """The page it lands on: an actor id for us, "LABEL:text" for raw spaCy."""


@dataclass(frozen=True, slots=True)
class Ratio:
    """A share: hits out of a total."""

    hits: int
    total: int

    def __str__(self) -> str:
        return f"{self.hits / self.total:.3f} ({self.hits}/{self.total})" if self.total else "n/a (0/0)"

    @property
    def value(self) -> float:
        """The share as a float; 0 when there is nothing to count."""
        return self.hits / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class IdentityScores:
    """How gold entities that recur across articles map onto actor pages."""

    recurring: int
    """Gold PER/ORG entities named (NAM) in two or more articles."""
    found: int
    """Of those, how many have at least one mention on an actor page."""
    single_page: int
    """Of the recurring ones, how many land on exactly one actor page."""
    split: int
    """Of the recurring ones, how many are spread over two or more actor pages."""
    pages: int
    """Actor pages that hold at least one gold PER/ORG name."""
    mixed_pages: int
    """Actor pages whose gold names belong to two or more gold entities."""
    split_names: tuple[str, ...] = ()
    """The gold entities spread over several pages, for reading."""
    mixed_names: tuple[str, ...] = ()
    """The pages that mix gold entities, for reading."""


@dataclass(frozen=True, slots=True)
class SystemScores:
    """One system's scores on one corpus."""

    typed_recall: dict[str, Ratio]
    """Per gold type and "all": gold NAM mentions overlapped by a mention of the same type."""
    value_recall: Ratio
    """Gold VALUE markables overlapped by a figure."""
    identity: IdentityScores


@dataclass(frozen=True, slots=True)
class PrecisionScores:
    """One system's precision (and recall) on the fully annotated set."""

    typed: Ratio
    """Mentions that overlap an annotated mention of the same PER/ORG/LOC type."""
    kind: Ratio
    """Ours only: mentions whose kind (person, organisation, state, group, place) matches exactly."""
    recall: Ratio
    """Annotated mentions overlapped by a mention of the same type."""
    errors: tuple[str, ...]
    """The wrong mentions, "article: text (type)", for reading."""


def load_gold(corpus: Path) -> dict[str, dict]:
    """Gold annotations by article id (the slug of the file stem)."""
    gold = {}
    for path in sorted((corpus / "gold").glob("*.json")):
        gold[slugify(path.stem)] = json.loads(path.read_text("utf-8"))
    return gold


def load_annotated(folder: Path = ANNOTATED) -> dict[str, list[Tagged]]:
    """The fully annotated set: article id → annotated mentions (type is a kind)."""
    result = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        article = slugify(Path(data["article"]).stem)
        result[article] = [Tagged(article, m["start"], m["end"], m["kind"]) for m in data["mentions"]]
    return result


def our_mentions(briefing: Briefing) -> list[Tagged]:
    """Every mention on an actor or place page, typed by its page's kind."""
    found = [
        Tagged(m.span.article, m.span.start, m.span.end, a.kind, a.id)
        for a in briefing.actors
        for m in a.mentions
    ]
    taken = {(t.article, t.start, t.end) for t in found}
    # A state's mentions also sit on its country's place page: count them once.
    found += [
        Tagged(m.span.article, m.span.start, m.span.end, "place", "place:" + p.id)
        for p in briefing.places
        for m in p.mentions
        if (m.span.article, m.span.start, m.span.end) not in taken
    ]
    return sorted(found, key=lambda t: (t.article, t.start, t.end))


def raw_mentions(ents: dict[str, list[tuple[int, int, str, str]]]) -> list[Tagged]:
    """Raw spaCy entities with a mapped type; the page is the label and text."""
    return [
        Tagged(article, start, end, RAW_TYPES[label], f"{label}:{text}")
        for article, items in sorted(ents.items())
        for start, end, label, text in items
        if label in RAW_TYPES
    ]


def _by_article(items: Iterable[Tagged]) -> dict[str, list[Tagged]]:
    grouped: dict[str, list[Tagged]] = defaultdict(list)
    for item in items:
        grouped[item.article].append(item)
    return grouped


def _overlapping(items: Sequence[Tagged], start: int, end: int) -> Iterator[Tagged]:
    return (t for t in items if t.start < end and start < t.end)


def typed_recall(system: Iterable[Tagged], gold: dict[str, dict], typed: dict[str, str]) -> dict[str, Ratio]:
    """Share of gold NAM mentions of each type overlapped by a system mention of that type."""
    spans = _by_article(system)
    hits: dict[str, int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    for article, data in gold.items():
        for ent in data.get("entities", []):
            if ent["syntactic_type"] != "NAM" or ent["type"] not in TYPES:
                continue
            totals[ent["type"]] += 1
            if any(
                typed[t.type] == ent["type"]
                for t in _overlapping(spans.get(article, []), ent["start"], ent["end"])
            ):
                hits[ent["type"]] += 1
    result = {kind: Ratio(hits[kind], totals[kind]) for kind in TYPES}
    result["all"] = Ratio(sum(hits.values()), sum(totals.values()))
    return result


def value_recall(figures: dict[str, list[tuple[int, int]]], gold: dict[str, dict]) -> Ratio:
    """Share of gold VALUE markables overlapped by a figure."""
    hits = total = 0
    for article, data in gold.items():
        for value in data.get("values", []):
            total += 1
            hits += any(s < value["end"] and value["start"] < e for s, e in figures.get(article, []))
    return Ratio(hits, total)


def identity_scores(briefing: Briefing, gold: dict[str, dict]) -> IdentityScores:
    """Cross-document identity of our actor pages."""
    return identity_from_pages(
        [t for t in our_mentions(briefing) if not t.page.startswith("place:")], gold, OUR_TYPES
    )


def identity_from_pages(
    system: Iterable[Tagged], gold: dict[str, dict], typed: dict[str, str] | None = None
) -> IdentityScores:
    """Cross-document identity: recurring gold PER/ORG entities vs the pages their names land on."""
    spans = _by_article(system)
    docs_of: dict[str, set[str]] = defaultdict(set)
    pages_of: dict[str, set[str]] = defaultdict(set)
    entities_on: dict[str, set[str]] = defaultdict(set)
    label_of: dict[str, str] = {}
    for article, data in gold.items():
        for ent in data.get("entities", []):
            if ent["syntactic_type"] != "NAM" or ent["type"] not in ("PER", "ORG") or not ent["instance_id"]:
                continue
            docs_of[ent["instance_id"]].add(article)
            label_of.setdefault(ent["instance_id"], ent["entity"].strip() or ent["text"])
            overlapping = [
                (
                    (typed or {}).get(t.type, t.type) == ent["type"],
                    min(t.end, ent["end"]) - max(t.start, ent["start"]),
                    t.end == ent["end"],
                    t.page,
                )
                for t in _overlapping(spans.get(article, []), ent["start"], ent["end"])
            ]
            if overlapping:
                # The mention of the gold type that covers most of the gold name, then the one ending with
                # it (its head): "Joe Leonard, Chairman ... of AirTran Airways" is Joe Leonard.
                page = max(overlapping)[3]
                pages_of[ent["instance_id"]].add(page)
                entities_on[page].add(ent["instance_id"])
    recurring = sorted(i for i, docs in docs_of.items() if len(docs) >= 2)
    split = [i for i in recurring if len(pages_of[i]) >= 2]
    mixed = sorted(p for p, ents in entities_on.items() if len(ents) >= 2)
    return IdentityScores(
        recurring=len(recurring),
        found=sum(1 for i in recurring if pages_of[i]),
        single_page=sum(1 for i in recurring if len(pages_of[i]) == 1),
        split=len(split),
        pages=len(entities_on),
        mixed_pages=len(mixed),
        split_names=tuple(f"{label_of[i]} → {', '.join(sorted(pages_of[i]))}" for i in split),
        mixed_names=tuple(f"{p} ← {', '.join(sorted(label_of[i] for i in entities_on[p]))}" for p in mixed),
    )


def precision(
    system: Iterable[Tagged],
    annotated: dict[str, list[Tagged]],
    typed: dict[str, str],
    bodies: dict[str, str],
) -> PrecisionScores:
    """Precision and recall of a system's mentions against the fully annotated set."""
    spans = _by_article(t for t in system if t.article in annotated)
    typed_hits = kind_hits = total = 0
    errors = []
    for article, items in sorted(spans.items()):
        for t in items:
            total += 1
            gold = list(_overlapping(annotated[article], t.start, t.end))
            if any(OUR_TYPES[g.type] == typed[t.type] for g in gold):
                typed_hits += 1
            else:
                found = "/".join(sorted({g.type for g in gold})) or "nothing"
                errors.append(
                    f"{article}: {bodies[article][t.start : t.end]!r} as {t.type}, annotated {found}"
                )
            kind_hits += any(g.type == t.type for g in gold)
    recalled = sum(
        any(typed[t.type] == OUR_TYPES[g.type] for t in _overlapping(spans.get(article, []), g.start, g.end))
        for article, golds in annotated.items()
        for g in golds
    )
    return PrecisionScores(
        typed=Ratio(typed_hits, total),
        kind=Ratio(kind_hits, total) if set(typed) == set(OUR_TYPES) else Ratio(0, 0),
        recall=Ratio(recalled, sum(len(g) for g in annotated.values())),
        errors=tuple(errors),
    )


@dataclass(frozen=True, slots=True)
class CorpusRun:
    """One corpus through our pipeline, with raw spaCy's entities from the same parse."""

    name: str
    briefing: Briefing
    raw: dict[str, list[tuple[int, int, str, str]]]
    """Article id → (start, end, label, text) of every `doc.ents` entity."""


def run_corpus(seeds: Path, model: str) -> CorpusRun:
    """Run the pipeline over a folder without overrides, keeping spaCy's own entities."""
    from generator.pipeline import BuildConfig, assemble

    parts: dict[str, list[tuple[str, list[tuple[int, int, str, str]]]]] = defaultdict(list)

    def capture(items, _total):  # type: ignore[no-untyped-def]
        for part, doc in items:  # an article, or a chunk of a very long one
            parts[part.id].append(
                (part.body, [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents])
            )
            yield part, doc

    # No cache, so every article is parsed and spaCy's entities seen; a name no folder holds for
    # the overrides, so the machine's output is scored, not a curator's.
    config = BuildConfig(seeds=seeds, overrides=seeds / ".eval-no-overrides.yml", model=model, cache=None)
    briefing, _descriptions, _warnings = assemble(config, capture)
    raw: dict[str, list[tuple[int, int, str, str]]] = {}
    for article in briefing.articles:
        offset, found = 0, []
        for text, ents in parts[article.id]:
            offset = article.body.index(text, offset)
            found += [(s + offset, e + offset, label, t) for s, e, label, t in ents]
        raw[article.id] = found
    return CorpusRun(seeds.name, briefing, raw)


def score_run(run: CorpusRun, gold: dict[str, dict]) -> tuple[SystemScores, SystemScores]:
    """Our scores and raw spaCy's on one MEANTIME corpus."""
    ours = our_mentions(run.briefing)
    raw = raw_mentions(run.raw)
    our_figures = {
        a.article.id: [(f.span.start, f.span.end) for f in a.figures] for a in run.briefing.analyses
    }
    raw_figures = {
        art: [(s, e) for s, e, label, _t in ents if label in RAW_FIGURES] for art, ents in run.raw.items()
    }
    raw_actors = [t for t in raw if t.type in ("PER", "ORG")]
    return (
        SystemScores(
            typed_recall(ours, gold, OUR_TYPES),
            value_recall(our_figures, gold),
            identity_scores(run.briefing, gold),
        ),
        SystemScores(
            typed_recall(raw, gold, {t: t for t in TYPES}),
            value_recall(raw_figures, gold),
            identity_from_pages(raw_actors, gold),
        ),
    )


def _merge(a: Ratio, b: Ratio) -> Ratio:
    return Ratio(a.hits + b.hits, a.total + b.total)


def _identity_line(scores: IdentityScores) -> str:
    split = Ratio(scores.split, scores.recurring)
    return (
        f"one page {Ratio(scores.single_page, scores.recurring)}, split {split}, "
        f"mixed pages {Ratio(scores.mixed_pages, scores.pages)}"
    )


def evaluate(corpora: Sequence[Path], model: str, annotated: Path = ANNOTATED, verbose: bool = False) -> str:
    """Run every corpus and the annotated set; return the report as text."""
    lines = [f"Evaluation with spaCy pipeline {model}; matching by overlap; ours vs raw spaCy (same parse)."]
    totals: dict[str, list[Ratio]] = {}
    identity: dict[str, list[int]] = {"ours": [0, 0, 0, 0, 0], "raw": [0, 0, 0, 0, 0]}
    width = 22
    for corpus in corpora:
        gold = load_gold(corpus)
        run = run_corpus(corpus, model)
        ours, raw = score_run(run, gold)
        lines.append(f"\n{corpus}: {len(run.briefing.articles)} articles")
        lines.append(f"  {'':{width}} {'ours':28} raw spaCy")
        for kind in (*TYPES, "all"):
            label = f"NAM recall {kind}"
            lines.append(f"  {label:{width}} {ours.typed_recall[kind]!s:28} {raw.typed_recall[kind]}")
            totals.setdefault(label, [Ratio(0, 0), Ratio(0, 0)])
            totals[label] = [
                _merge(totals[label][0], ours.typed_recall[kind]),
                _merge(totals[label][1], raw.typed_recall[kind]),
            ]
        lines.append(f"  {'VALUE recall':{width}} {ours.value_recall!s:28} {raw.value_recall}")
        totals.setdefault("VALUE recall", [Ratio(0, 0), Ratio(0, 0)])
        totals["VALUE recall"] = [
            _merge(totals["VALUE recall"][0], ours.value_recall),
            _merge(totals["VALUE recall"][1], raw.value_recall),
        ]
        for name, scores in (("ours", ours.identity), ("raw", raw.identity)):
            lines.append(
                f"  identity ({name}): {scores.recurring} recurring gold PER/ORG entities, "
                f"{_identity_line(scores)}"
            )
            if verbose:
                lines.extend(f"      split: {s}" for s in scores.split_names)
                lines.extend(f"      mixed: {s}" for s in scores.mixed_names)
            counts = identity[name]
            for i, value in enumerate(
                (scores.recurring, scores.single_page, scores.split, scores.pages, scores.mixed_pages)
            ):
                counts[i] += value
    if len(corpora) > 1:
        lines.append("\nall corpora")
        lines.append(f"  {'':{width}} {'ours':28} raw spaCy")
        for label, (ours_total, raw_total) in totals.items():
            lines.append(f"  {label:{width}} {ours_total!s:28} {raw_total}")
        for name, (recurring, single, split, pages, mixed) in identity.items():
            lines.append(
                f"  identity ({name}): {recurring} recurring, one page {Ratio(single, recurring)}, "
                f"split {Ratio(split, recurring)}, mixed pages {Ratio(mixed, pages)}"
            )
    if annotated.is_dir() and any(annotated.glob("*.json")):
        lines.extend(_precision_lines(annotated, model, verbose))
    return "\n".join(lines)


def _precision_lines(annotated: Path, model: str, verbose: bool) -> list[str]:
    """The precision section of the report."""
    gold = load_annotated(annotated)
    run = run_corpus(annotated, model)
    bodies = {a.id: a.body for a in run.briefing.articles}
    ours = precision(our_mentions(run.briefing), gold, OUR_TYPES, bodies)
    raw = precision(raw_mentions(run.raw), gold, {t: t for t in TYPES}, bodies)
    lines = [
        f"\n{annotated}: {len(gold)} fully annotated articles, "
        f"{sum(len(g) for g in gold.values())} actor and place mentions",
        f"  {'':22} {'ours':28} raw spaCy",
        f"  {'precision (PER/ORG/LOC)':22} {ours.typed!s:28} {raw.typed}",
        f"  {'precision (our kinds)':22} {ours.kind!s:28} n/a",
        f"  {'recall':22} {ours.recall!s:28} {raw.recall}",
    ]
    if verbose:
        lines.extend(f"      ours wrong: {e}" for e in ours.errors)
        lines.extend(f"      raw wrong: {e}" for e in raw.errors)
    return lines
