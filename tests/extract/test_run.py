"""The analysis runner (`generator.extract.run`): batches, executors, chunks joined, order kept."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.extract import chunks, run
from generator.model import Analysis, Article
from tests.records import article

MODEL = "no_such_pipeline"  # never loaded: the executors below do not run spaCy


def _pieces(*sizes: int) -> list[Article]:
    return [article("x" * size, id=f"p{i}") for i, size in enumerate(sizes)]


def test_batches_hold_at_most_so_many_pieces_in_order() -> None:
    pieces = _pieces(*[10] * 7)
    grouped = run.batches(pieces, most=3, chars=1000)
    assert [[p.id for p in batch] for batch in grouped] == [["p0", "p1", "p2"], ["p3", "p4", "p5"], ["p6"]]


def test_batches_close_before_too_many_characters_and_a_long_piece_goes_alone() -> None:
    grouped = run.batches(_pieces(40, 50, 20, 500, 30), most=10, chars=100)
    assert [[p.id for p in batch] for batch in grouped] == [["p0", "p1"], ["p2"], ["p3"], ["p4"]]


@given(st.lists(st.integers(1, 300), max_size=60), st.integers(1, 8), st.integers(1, 400))
def test_batches_keep_every_piece_once_in_order_within_both_limits(
    sizes: list[int], most: int, chars: int
) -> None:
    pieces = _pieces(*sizes)
    grouped = run.batches(pieces, most=most, chars=chars)
    assert [p for batch in grouped for p in batch] == pieces
    for batch in grouped:
        assert 1 <= len(batch) <= most
        assert len(batch) == 1 or sum(len(p.body) for p in batch) <= chars


def test_batches_do_not_depend_on_anything_but_the_pieces() -> None:
    pieces = _pieces(*range(1, 50))
    assert run.batches(pieces) == run.batches(list(pieces))
    assert all(len(batch) <= run.BATCH_PIECES for batch in run.batches(pieces))


def _fake_batch(pieces: Sequence[Article], model: str) -> list[Analysis]:
    """One sentence per piece, spanning its body: enough to see offsets joined back."""
    return [Analysis(p, ((0, len(p.body)),), (), (), (), ()) for p in pieces]


def _backwards(batches: Sequence[run.Batch], model: str) -> Iterator[tuple[int, list[Analysis]]]:
    """An executor that hands the batches back last first, as a pool may."""
    for number in reversed(range(len(batches))):
        yield number, _fake_batch(batches[number], model)


class Recorder:
    """A `run.Kept` in memory that remembers what was saved."""

    def __init__(self, known: dict[str, Analysis]) -> None:
        self.known = known
        self.saved: list[str] = []

    def load(self, art: Article) -> Analysis | None:
        return self.known.get(art.id)

    def save(self, art: Article, analysis: Analysis) -> None:
        self.saved.append(art.id)


def test_analyses_come_back_in_corpus_order_whatever_order_batches_finish_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(run, "BATCH_PIECES", 2)
    articles = [article(f"Text number {i}.\n", id=f"a{i}") for i in range(7)]
    kept = Recorder({})
    forwards, misses = run.analyse_articles(articles, MODEL, executor=_in_order)
    backwards, misses_back = run.analyse_articles(articles, MODEL, kept, executor=_backwards)
    assert [a.article.id for a in backwards] == [f"a{i}" for i in range(7)]
    assert backwards == forwards
    assert misses == misses_back == 7
    assert kept.saved == ["a6", "a4", "a5", "a2", "a3", "a0", "a1"]  # each kept as soon as it is back


def _in_order(batches: Sequence[run.Batch], model: str) -> Iterator[tuple[int, list[Analysis]]]:
    for number, batch in enumerate(batches):
        yield number, _fake_batch(batch, model)


def test_a_long_article_is_joined_from_chunks_analysed_in_different_batches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(run, "BATCH_CHARS", chunks.CHUNK_CHARS)
    paragraph = "word " * 9_999 + "word\n"  # 50,000 characters
    long = article(paragraph * 3, id="long")
    assert len(chunks.split(long)) == 2
    articles = [article("Short.\n", id="short"), long]
    assert len(run.batches([part for a in articles for _o, part in chunks.split(a)])) == 3
    (short, joined), misses = run.analyse_articles(articles, MODEL, executor=_backwards)
    assert misses == 2
    assert short.article.id == "short"
    assert joined.article is long
    cut = chunks.split(long)[1][0]
    assert joined.sentences == ((0, cut), (cut, len(long.body)))


def test_progress_counts_the_articles_analysed_afresh() -> None:
    articles = [article(f"Text {i}.\n", id=f"a{i}") for i in range(5)]
    kept = Recorder({"a1": _fake_batch([articles[1]], MODEL)[0]})
    seen: list[tuple[int, int]] = []

    def progress(items: Iterable[tuple[int, Analysis]], total: int, /) -> Iterator[tuple[int, Analysis]]:
        for done, item in enumerate(items, 1):
            seen.append((done, total))
            yield item

    analyses, misses = run.analyse_articles(articles, MODEL, kept, progress, executor=_in_order)
    assert misses == 4
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert [a.article.id for a in analyses] == [f"a{i}" for i in range(5)]


def test_nothing_is_handed_to_the_executor_when_everything_is_kept() -> None:
    articles = [article("Text.\n", id="a")]
    kept = Recorder({"a": _fake_batch(articles, MODEL)[0]})

    def refuse(batches: Sequence[run.Batch], model: str) -> Iterator[tuple[int, list[Analysis]]]:
        raise AssertionError("nothing to analyse")

    assert run.analyse_articles(articles, MODEL, kept, executor=refuse)[1] == 0
