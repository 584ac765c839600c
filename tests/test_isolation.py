"""Fault isolation (issue 9): an unexpected error in one extractor or one article never loses the briefing.

The known crashes are fixed, so these tests put a bug back on purpose: the tagger's
`narrow()` raising KeyError('APPROX'), as it did on "about a week ago", or a
corpus-wide step failing on one article. Each is a warning naming the file, line,
words and error class; `--strict` makes it fatal and `--debug` shows the traceback;
no build prints a traceback without `--debug`.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence
from pathlib import Path

import pytest

from generator import pipeline
from generator.cli import main
from generator.errors import InternalError
from generator.extract import article as article_module
from generator.extract import run
from generator.extract.article import analyse_article
from generator.extract.timex import resolution, tag
from generator.extract.timex.periods import narrow
from generator.isolate import per_article
from generator.model import Analysis
from generator.publish import render
from generator.resolve import events
from tests.records import article

MONDAY = dt.date(2020, 2, 17)

HARBOUR = """---
title: Harbour reopens
date: 2020-02-17
---
The harbour at Port Elm reopened on Monday after the storm of 2 February.
The storm had struck about a week ago, the mayor, Anna Berg, said.
Fishermen returned on Tuesday.
"""
MARKET = """---
title: Market day
date: 2020-02-18
---
The market in Port Elm opened on Tuesday, Anna Berg said.
"""


def _approx_bug(mod: str, begin: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """narrow() as it was before issue 9: only START, MID and END known."""
    if mod == "APPROX":
        raise KeyError("APPROX")
    return narrow(mod, begin, end)


@pytest.fixture
def approx_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resolution, "narrow", _approx_bug)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "harbour.md").write_text(HARBOUR, "utf-8")
    (seeds / "market.md").write_text(MARKET, "utf-8")
    return tmp_path


def _build(root: Path, *extra: str) -> int:
    return main(
        [
            "build",
            "--quiet",
            "--seeds",
            str(root / "seeds"),
            "--out",
            str(root / "site_src"),
            "--cache",
            str(root / "cache"),
            *extra,
        ]
    )


# In the analysis: one candidate, one sentence, one article


def test_a_rule_that_fails_loses_only_its_phrase(nlp, approx_bug: None) -> None:  # type: ignore[no-untyped-def]
    text = "The storm struck about a week ago. Fishermen returned on Tuesday."
    tagged = tag(nlp(text), "t", MONDAY)
    assert [t.span.text for t in tagged.timexes] == ["Tuesday"]
    (fault,) = tagged.faults
    assert (fault.span.text, fault.action, fault.error, fault.lost) == (
        "about a week ago",
        "date",
        "KeyError",
        "the sentence is published undated",
    )
    assert text[fault.span.start : fault.span.end] == "about a week ago"
    assert "KeyError: 'APPROX'" in fault.trace


def test_an_extractor_that_fails_loses_only_that_sentence(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    real = article_module.find_mentions

    def fails_on_zork(doc, art):  # type: ignore[no-untyped-def]
        if "Zork" in doc.text:
            raise IndexError("list index out of range")
        return real(doc, art)

    monkeypatch.setattr(article_module, "find_mentions", fails_on_zork)
    body = "Anna Berg visited Port Elm on Monday.\nThe Zork said 12 boats sank.\nOlaf Lund left Oslo."
    found = analyse_article(nlp(body), article(body, "t", MONDAY))
    names = [m.span.text for m in found.mentions]
    assert "Anna Berg" in names and "Olaf Lund" in names and "Oslo" in names
    assert all(body[m.span.start : m.span.end] == m.span.text for m in found.mentions)
    (fault,) = found.faults
    assert (fault.span.text, fault.action, fault.error) == (
        "The Zork said 12 boats sank.",
        "find the names in",
        "IndexError",
    )
    # the other extractors still ran over the sentence that lost its names
    assert [f.span.text for f in found.figures] == ["12"]
    assert [t.span.text for t in found.timexes] == ["Monday"]


def test_an_article_even_the_guards_cannot_analyse_is_published_as_text(
    nlp, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    def broken(doc, art):  # type: ignore[no-untyped-def]
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(run, "analyse_article", broken)
    body = "Anna Berg visited Port Elm."
    found = run._analysed(nlp(body), article(body, "t", MONDAY))
    assert (found.mentions, found.timexes, found.figures) == ((), (), ())
    (fault,) = found.faults
    assert (fault.action, fault.error, fault.lost) == (
        "analyse",
        "RecursionError",
        "it is published as plain text",
    )


# In the build: warnings with file:line, counted, cached, --strict and --debug


def test_a_fault_is_a_warning_with_file_line_words_and_error(
    corpus: Path, approx_bug: None, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        assert _build(corpus) == 0
    warning = (
        f'{corpus}/seeds/harbour.md:6: could not date "about a week ago" '
        "(internal error KeyError; the sentence is published undated)"
    )
    assert warning in caplog.messages
    assert (
        "1 warning, of which 1 internal error isolated (see above); --strict makes warnings fatal, "
        "--debug shows their tracebacks" in caplog.messages
    )
    assert "Traceback" not in capsys.readouterr().err + caplog.text
    data = json.loads((corpus / "site_src" / "data" / "briefing.json").read_text("utf-8"))
    assert [t["text"] for t in data["timexes"] if t["article"] == "harbour"] == [
        "Monday",
        "2 February",
        "Tuesday",
    ]
    assert (corpus / "site_src" / "articles" / "harbour.md").is_file()


def test_a_warm_build_reports_the_cached_fault_again(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    with monkeypatch.context() as patched:
        patched.setattr(resolution, "narrow", _approx_bug)
        assert _build(corpus) == 0
    caplog.clear()
    with caplog.at_level(logging.INFO):
        assert _build(corpus) == 0  # the bug is gone, but the analysis comes from the cache
    assert any('harbour.md:6: could not date "about a week ago"' in m for m in caplog.messages)


def test_strict_makes_a_fault_fatal_and_keeps_the_previous_output(
    corpus: Path, approx_bug: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _build(corpus, "--strict") == 1
    err = capsys.readouterr().err
    assert "warnings are fatal with --strict" in err
    assert 'harbour.md:6: could not date "about a week ago" (internal error KeyError' in err
    assert "Traceback" not in err
    assert not (corpus / "site_src").exists()


def test_debug_shows_the_traceback_of_a_fault(
    corpus: Path, approx_bug: None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        assert _build(corpus, "--debug") == 0
    (trace,) = [m for m in caplog.messages if m.startswith("traceback of: ")]
    assert 'harbour.md:6: could not date "about a week ago"' in trace
    assert "Traceback (most recent call last)" in trace and "KeyError: 'APPROX'" in trace


# After the analysis: a corpus-wide step that fails on one article runs without it


def test_a_step_that_fails_on_one_article_runs_without_it(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real = events.build_events

    def fails_on_market(analyses: Sequence[Analysis], index):  # type: ignore[no-untyped-def]
        if any(a.article.id == "market" for a in analyses):
            raise ZeroDivisionError("division by zero")
        return real(analyses, index)

    monkeypatch.setattr(events, "build_events", fails_on_market)
    with caplog.at_level(logging.WARNING):
        assert _build(corpus) == 0
    assert (
        f'{corpus}/seeds/market.md:5: could not build the events of "Market day" '
        "(internal error ZeroDivisionError; its dates are left off the timeline)"
    ) in caplog.messages
    data = json.loads((corpus / "site_src" / "data" / "briefing.json").read_text("utf-8"))
    assert {e["article"] for e in data["events"]} == {"harbour"}
    assert "market" in {a["id"] for a in data["articles"]}
    assert {f["article"] for f in data["figures"]} <= {"harbour", "market"}


def test_bisection_finds_each_failing_article() -> None:
    analyses = [Analysis(article("x", f"a{i}"), (), (), (), (), ()) for i in range(9)]
    calls: list[int] = []

    def step(items: Sequence[Analysis]) -> list[str]:
        calls.append(len(items))
        if any(a.article.id in ("a2", "a7") for a in items):
            raise ValueError("bad")
        return [a.article.id for a in items]

    kept, isolated = per_article(step, analyses, "do", "lost")
    assert kept == ["a0", "a1", "a3", "a4", "a5", "a6", "a8"]
    assert [(i.article, i.error) for i in isolated] == [("a2", "ValueError"), ("a7", "ValueError")]
    assert len(calls) < 2 * len(analyses)


def test_a_step_that_fails_only_on_articles_together_is_an_internal_error() -> None:
    analyses = [Analysis(article("x", f"a{i}"), (), (), (), (), ()) for i in range(4)]

    def step(items: Sequence[Analysis]) -> int:
        if len(items) == 4:
            raise ValueError("needs all four")
        return len(items)

    with pytest.raises(ValueError, match="needs all four"):
        per_article(step, analyses, "do", "lost")


# Errors that are no fault of the text: one line, never a traceback


def test_an_internal_error_is_one_line_that_says_how_to_see_more(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object) -> render.Rendered:
        raise KeyError("kind")

    monkeypatch.setattr(render, "draw_site", broken)
    assert _build(corpus) == 1
    err = capsys.readouterr().err
    assert err == (
        "error: internal error in the build step 'render_pages' (KeyError: 'kind'); this is a bug in the "
        "generator, not in your files: run the build again with --debug to see the traceback, and report it\n"
        "build failed; the previous output was left as it was\n"
    )
    with pytest.raises(InternalError) as raised:
        _build(corpus, "--debug")
    assert isinstance(raised.value.__cause__, KeyError)


def test_an_error_outside_the_build_steps_is_one_line_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise AttributeError("'NoneType' object has no attribute 'seeds'")

    monkeypatch.setattr(pipeline.BuildConfig, "from_env", broken)
    assert main(["build", "--quiet"]) == 2
    assert capsys.readouterr().err == (
        "error: internal error (AttributeError: 'NoneType' object has no attribute 'seeds'); this is a bug "
        "in the generator, not in your files: run again with --debug to see the traceback, and report it\n"
    )
