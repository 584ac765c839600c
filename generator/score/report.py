"""The printed tables of `python -m generator eval`: ours beside raw spaCy, one row per score."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from generator.score.entities import TYPES, IdentityScores, PrecisionScores
from generator.score.events import TUNED_ON, EventScores
from generator.score.match import Ratio

if TYPE_CHECKING:
    from generator.score.evaluate import SystemScores

WIDTH = 22
"""Width of the label column."""

COLUMN = 28
"""Width of the "ours" column."""


def title(model: str) -> str:
    """The report's first line."""
    return f"Evaluation with spaCy pipeline {model}; matching by overlap; ours vs raw spaCy (same parse)."


def rows(ours: SystemScores, raw: SystemScores) -> list[tuple[str, str, str]]:
    """(label, ours, raw spaCy) for every recall and accuracy score."""
    found = [
        (f"NAM recall {kind}", str(ours.typed_recall[kind]), str(raw.typed_recall[kind]))
        for kind in (*TYPES, "all")
    ]
    found.append(("VALUE recall", str(ours.values.recall), str(raw.values.recall)))
    found.append(("figures found", _found(ours), _found(raw)))
    o, r = ours.timexes, raw.timexes
    found += [
        ("TIMEX strict recall", str(o.strict_recall), str(r.strict_recall)),
        ("TIMEX relaxed recall", str(o.relaxed_recall), str(r.relaxed_recall)),
        ("TIMEX value accuracy", str(o.value_accuracy), "n/a (spaCy gives no value)"),
        ("TIMEX type accuracy", str(o.type_accuracy), "n/a"),
        ("TIMEX found", str(o.system), str(r.system)),
    ]
    return found


def _found(scores: SystemScores) -> str:
    return f"{scores.values.emitted} ({scores.values.unmatched} outside gold)"


def _table(heading: str, ours: SystemScores, raw: SystemScores) -> Iterator[str]:
    yield f"\n{heading}"
    yield f"  {'':{WIDTH}} {'ours':{COLUMN}} raw spaCy"
    for label, mine, theirs in rows(ours, raw):
        yield f"  {label:{WIDTH}} {mine:{COLUMN}} {theirs}"


def corpus_table(heading: str, ours: SystemScores, raw: SystemScores, verbose: bool) -> Iterator[str]:
    """One corpus: the score rows, then identity; `verbose` lists what went wrong."""
    yield from _table(heading, ours, raw)
    for name, scores in (("ours", ours.identity), ("raw", raw.identity)):
        yield (
            f"  identity ({name}): {scores.recurring} recurring gold PER/ORG entities, "
            f"one page {Ratio(scores.single_page, scores.recurring)}, "
            f"split {Ratio(scores.split, scores.recurring)}, "
            f"mixed pages {Ratio(scores.mixed_pages, scores.pages)}"
        )
        if verbose:
            yield from (f"      split: {s}" for s in scores.split_names)
            yield from (f"      mixed: {s}" for s in scores.mixed_names)
    if verbose:
        yield from (f"      timex: {s}" for s in ours.timexes.misses)
        yield from (f"      value missed: {s}" for s in ours.values.misses)
        yield from (f"      figure outside gold: {s}" for s in ours.values.unmatched_examples)


def totals_table(ours: SystemScores, raw: SystemScores) -> Iterator[str]:
    """Every corpus added up."""
    yield from _table("all corpora", ours, raw)
    for name, scores in (("ours", ours.identity), ("raw", raw.identity)):
        yield f"  identity ({name}): {_identity_total(scores)}"


def _identity_total(scores: IdentityScores) -> str:
    return (
        f"{scores.recurring} recurring, one page {Ratio(scores.single_page, scores.recurring)}, "
        f"split {Ratio(scores.split, scores.recurring)}, "
        f"mixed pages {Ratio(scores.mixed_pages, scores.pages)}"
    )


def precision_table(
    heading: str, ours: PrecisionScores, raw: PrecisionScores, verbose: bool
) -> Iterator[str]:
    """Precision and recall on the fully annotated set; `verbose` lists every wrong mention."""
    yield f"\n{heading}"
    yield f"  {'':{WIDTH}} {'ours':{COLUMN}} raw spaCy"
    yield f"  {'precision (PER/ORG/LOC)':{WIDTH}} {ours.typed!s:{COLUMN}} {raw.typed}"
    yield f"  {'precision (our kinds)':{WIDTH}} {ours.kind!s:{COLUMN}} n/a"
    yield f"  {'recall':{WIDTH}} {ours.recall!s:{COLUMN}} {raw.recall}"
    yield f"  {'junk pages':{WIDTH}} {ours.junk!s:{COLUMN}} {raw.junk}"
    if ours.identity is not None and raw.identity is not None:
        for name, scores in (("ours", ours.identity), ("raw", raw.identity)):
            yield f"  identity ({name}): {_identity_total(scores)}"
            if verbose:
                yield from (f"      split: {s}" for s in scores.split_names)
                yield from (f"      mixed: {s}" for s in scores.mixed_names)
    if verbose:
        yield from (f"      ours junk page: {p}" for p in ours.junk_pages)
        yield from (f"      ours wrong: {e}" for e in ours.errors)
        yield from (f"      raw wrong: {e}" for e in raw.errors)


def events_table(heading: str, scores: EventScores, verbose: bool) -> Iterator[str]:
    """Our events against the gold event mentions; the status beside calling everything "happened"."""
    yield f"  events ({heading}):"
    yield f"    {'gold triggers in an event':{WIDTH + 6}} {scores.covered}"
    status = f"{scores.status!s:{COLUMN}} all happened: {scores.baseline}"
    yield f"    {'status vs FUTURE/NON_FUTURE':{WIDTH + 6}} {status}"
    yield f"    {'FUTURE called to come':{WIDTH + 6}} {scores.future}"
    yield f"    {'happenings in 2+ sentences, one event':{WIDTH + 6}} {scores.merged}"
    yield f"    {'merged sources, one gold happening':{WIDTH + 6}} {scores.merge_precision}"
    if verbose:
        yield from (f"      status: {m}" for m in scores.misses)


def tuning(corpus: str) -> str:
    """Whether the event rules were tuned on a story or it is held out."""
    return "tuned on" if corpus in TUNED_ON else "held out: the rules were not tuned on it"


def together_table(heading: str, ours: IdentityScores, raw: IdentityScores, verbose: bool) -> Iterator[str]:
    """Identity when every story is one site, as a reader of a mixed briefing meets it."""
    yield f"\n{heading}"
    for name, scores in (("ours", ours), ("raw", raw)):
        yield f"  identity ({name}): {_identity_total(scores)}"
        if verbose and name == "ours":
            yield from (f"      split: {s}" for s in scores.split_names)
            yield from (f"      mixed: {s}" for s in scores.mixed_names)


def skipped(heading: str, reason: str) -> Iterator[str]:
    """A set that could not be scored here, and why."""
    yield f"\n{heading}: skipped ({reason})"
