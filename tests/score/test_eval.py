"""`python -m generator eval`: scores against MEANTIME gold and the fully annotated set, beside raw spaCy."""

from __future__ import annotations

import json

import pytest

from generator.cli import main
from generator.extract.parse import DEFAULT_MODEL
from generator.model import ACTOR_KINDS
from generator.score import evaluate
from tests.conftest import MEANTIME


def test_annotated_set_is_consistent() -> None:
    """Every annotation's offsets give its text, kinds are known, and the set covers six articles."""
    folder = evaluate.ANNOTATED
    files = sorted(folder.glob("*.json"))
    assert len(files) == 6
    for path in files:
        data = json.loads(path.read_text("utf-8"))
        text = (folder / data["article"]).read_text("utf-8")
        body = text.split("\n---\n", 1)[1]
        spans = [(m["start"], m["end"]) for m in data["mentions"]]
        assert len(spans) == len(set(spans)), path.name
        for m in data["mentions"]:
            assert body[m["start"] : m["end"]] == m["text"], (path.name, m)
            assert m["kind"] in (*ACTOR_KINDS, "place"), (path.name, m)
        assert "CC BY" in data["license"]


@pytest.fixture(scope="module")
def meantime_scores():  # type: ignore[no-untyped-def]
    """Ours and raw spaCy's scores on both MEANTIME stories, from one run each."""
    if not MEANTIME.is_dir():
        pytest.skip("../shared/corpora/meantime is not available")
    return {
        corpus.name: evaluate.score_run(
            evaluate.run_corpus(corpus, DEFAULT_MODEL), evaluate.load_gold(corpus)
        )
        for corpus in sorted(p for p in MEANTIME.iterdir() if (p / "gold").is_dir())
    }


def _total(ratios) -> evaluate.Ratio:  # type: ignore[no-untyped-def]
    ratios = list(ratios)
    return evaluate.Ratio(sum(r.hits for r in ratios), sum(r.total for r in ratios))


def test_typed_recall_is_at_least_raw_spacy(meantime_scores) -> None:  # type: ignore[no-untyped-def]
    ours = _total(o.typed_recall["all"] for o, _r in meantime_scores.values())
    raw = _total(r.typed_recall["all"] for _o, r in meantime_scores.values())
    print(f"\ntyped NAM recall: ours {ours}, raw spaCy {raw}")
    assert ours.total == 355
    assert ours.value >= raw.value and ours.value >= 0.93
    for kind in ("PER", "ORG", "LOC"):
        assert (
            _total(o.typed_recall[kind] for o, _r in meantime_scores.values()).value
            >= _total(r.typed_recall[kind] for _o, r in meantime_scores.values()).value
        ), kind


def test_value_recall(meantime_scores) -> None:  # type: ignore[no-untyped-def]
    ours = _total(o.value_recall for o, _r in meantime_scores.values())
    raw = _total(r.value_recall for _o, r in meantime_scores.values())
    print(f"\nVALUE recall: ours {ours}, raw spaCy {raw}")
    assert ours.total == 134 and ours.value >= 0.90 and ours.hits > raw.hits


def test_recurring_entities_land_on_one_page(meantime_scores) -> None:  # type: ignore[no-untyped-def]
    identity = [o.identity for o, _r in meantime_scores.values()]
    recurring = sum(i.recurring for i in identity)
    split = sum(i.split for i in identity)
    mixed = sum(i.mixed_pages for i in identity)
    pages = sum(i.pages for i in identity)
    print(
        f"\nidentity: {recurring} recurring, {split} split, {mixed}/{pages} pages mixed",
        *(n for i in identity for n in (*i.split_names, *i.mixed_names)),
        sep="\n  ",
    )
    assert recurring == 12
    assert split <= 0.05 * recurring
    assert mixed <= 0.05 * pages


def test_precision_on_the_fully_annotated_set() -> None:
    gold = evaluate.load_annotated()
    run = evaluate.run_corpus(evaluate.ANNOTATED, DEFAULT_MODEL)
    bodies = {a.id: a.body for a in run.briefing.articles}
    ours = evaluate.precision(evaluate.our_mentions(run.briefing), gold, evaluate.OUR_TYPES, bodies)
    raw = evaluate.precision(evaluate.raw_mentions(run.raw), gold, {t: t for t in evaluate.TYPES}, bodies)
    print(
        f"\nprecision: ours {ours.typed} (kinds {ours.kind}), raw spaCy {raw.typed}", *ours.errors, sep="\n  "
    )
    assert ours.typed.value >= 0.90 and ours.typed.value > raw.typed.value
    assert ours.kind.value >= 0.90
    assert ours.recall.value > raw.recall.value
    # No product becomes an actor: every wrong mention is a name of a real actor or place.
    assert not [e for e in ours.errors if any(p in e for p in ("iPhone", "iTunes", "VoIP", "Dreamliner"))]


def test_eval_command_reports_both_systems(capsys: pytest.CaptureFixture[str]) -> None:
    if not (MEANTIME / "apple").is_dir():
        pytest.skip("../shared/corpora/meantime is not available")
    assert main(["eval", "--corpora", str(MEANTIME / "apple")]) == 0
    out = capsys.readouterr().out
    assert "ours" in out and "raw spaCy" in out
    for label in (
        "NAM recall PER",
        "NAM recall all",
        "VALUE recall",
        "identity (ours)",
        "identity (raw)",
        "precision (PER/ORG/LOC)",
    ):
        assert label in out, label


def test_eval_command_without_gold(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert main(["eval", "--corpora", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"error: no gold annotations (gold/*.json) in: {tmp_path}\n"
