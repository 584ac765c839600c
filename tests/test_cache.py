"""The analysis cache only caches; the runner in extract/run.py analyses, reusing what is kept."""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from generator import cache
from generator.errors import GeneratorError
from generator.extract import run
from generator.model import Analysis, Article, Paragraph

MODEL = "no_such_pipeline"  # never loaded: these tests do not run spaCy


def _article(ident: str, body: str = "Some words.\n") -> Article:
    return Article(ident, f"{ident}.md", ident, None, "", "", body, (Paragraph(0, 0, len(body) - 1, False),))


def _analysis(article: Article) -> Analysis:
    return Analysis(article, ((0, len(article.body)),), (), (), (), ())


def test_key_depends_on_the_article_and_the_pipeline() -> None:
    a = _article("a")
    assert cache.key(a, MODEL) == cache.key(_article("a"), MODEL)
    assert cache.key(a, MODEL) != cache.key(_article("a", "Other words.\n"), MODEL)
    assert cache.key(a, MODEL) != cache.key(a, "another_pipeline")


def test_folder_keeps_an_analysis_for_its_article_only(tmp_path: Path) -> None:
    kept = cache.Folder(tmp_path, MODEL)
    a = _article("a")
    assert kept.load(a) is None
    kept.save(a, _analysis(a))
    assert kept.load(a) == _analysis(a)
    assert kept.load(_article("a", "Edited.\n")) is None
    assert cache.Folder(tmp_path, "another_pipeline").load(a) is None


def test_a_corrupt_entry_is_a_miss(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    kept = cache.Folder(tmp_path, MODEL)
    a = _article("a")
    kept.save(a, _analysis(a))
    (entry,) = tmp_path.rglob("*.pickle")
    entry.write_bytes(b"not a pickle")
    with caplog.at_level(logging.WARNING):
        assert kept.load(a) is None
    assert "unreadable cache entry ignored and rebuilt" in caplog.text


def test_a_resolved_corpus_is_kept_for_exactly_its_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = cache.Folder(tmp_path, MODEL)
    a, b = _article("a"), _article("b")
    resolved = cache.Resolved((_analysis(a), _analysis(b)), (), (), ("a warning",), (("a warning", "trace"),))
    assert kept.recall([a, b]) is None
    kept.remember([a, b], resolved)
    assert kept.recall([a, b]) == resolved
    assert kept.recall([a]) is None
    assert kept.recall([b, a]) is None
    assert kept.recall([a, _article("b", "Edited.\n")]) is None
    assert cache.Folder(tmp_path, "another_pipeline").recall([a, b]) is None
    monkeypatch.setattr(cache, "package_fingerprint", lambda: "edited generator")
    assert kept.recall([a, b]) is None


def test_the_resolved_corpus_last_used_is_held_in_memory_for_the_next_build(tmp_path: Path) -> None:
    """`briefing serve` rebuilds in one process: the corpus it resolved is not loaded again."""
    kept = cache.Folder(tmp_path, MODEL)
    a, b = _article("a"), _article("b")
    resolved = cache.Resolved((_analysis(a), _analysis(b)), (), (), (), ())
    kept.remember([a, b], resolved)
    for entry in tmp_path.rglob("*.pickle"):
        entry.unlink()
    assert kept.recall([a, b]) is resolved
    assert cache.Folder(tmp_path / "elsewhere", MODEL).recall([a, b]) is None
    kept.remember([a], cache.Resolved((_analysis(a),), (), (), (), ()))  # held instead: one at most
    assert kept.recall([a, b]) is None


def _resolved_entries(folder: Path) -> int:
    return sum(1 for entry in folder.rglob("*.pickle") if isinstance(_entry_of(entry), cache.Resolved))


def _entry_of(path: Path) -> object:
    return pickle.loads(path.read_bytes())[1]


def test_each_output_folder_keeps_only_the_resolved_corpus_its_last_build_used(tmp_path: Path) -> None:
    """A new article used to leave the old corpus behind (48 MB at 10,000 articles), each time."""
    folder, site, other = tmp_path / "cache", tmp_path / "site", tmp_path / "other"
    kept = cache.Folder(folder, MODEL)
    a, b, c = _article("a"), _article("b"), _article("c")
    kept.remember([a], cache.Resolved((_analysis(a),), (), (), (), ()), site)
    kept.remember([a, b], cache.Resolved((_analysis(a), _analysis(b)), (), (), (), ()), site)
    assert _resolved_entries(folder) == 1
    assert kept.recall([a]) is None
    kept.recall([a, b], other)  # another folder built from the same articles uses it too
    kept.remember([a, b, c], cache.Resolved((_analysis(a), _analysis(b), _analysis(c)), (), (), (), ()), site)
    assert _resolved_entries(folder) == 2
    cache._HELD.clear()  # as in a new process
    assert kept.recall([a, b], other) is not None
    kept.remember([c], cache.Resolved((_analysis(c),), (), (), (), ()), other)
    assert _resolved_entries(folder) == 2  # [a, b] went with the last folder using it
    cache._HELD.clear()
    assert kept.recall([a, b]) is None
    assert kept.recall([a, b, c]) is not None


def test_a_resolved_entry_is_never_taken_for_an_analysis(tmp_path: Path) -> None:
    a = _article("a")
    cache.store(tmp_path, cache.key(a, MODEL), cache.Resolved((_analysis(a),), (), (), (), ()))
    assert cache.Folder(tmp_path, MODEL).load(a) is None


def test_the_cache_module_runs_no_analysis() -> None:
    assert not hasattr(cache, "analyse_articles")
    assert not hasattr(cache, "parse")


def test_the_fingerprint_covers_the_analysis_code_only() -> None:
    files = {p.relative_to(cache.PACKAGE).as_posix() for p in cache.fingerprinted_files()}
    assert {"extract/run.py", "extract/parse.py", "extract/chunks.py", "model.py"} <= files
    # The runner is handed the cache, so neither the cache nor the writer it uses is analysis code.
    assert not files & {"cache.py", "publish/write.py", "pipeline.py", "config.py"}
    assert not any(f.startswith(("resolve/", "publish/", "read/")) for f in files)


class Recorder:
    """A `run.Kept` in memory that remembers what was saved."""

    def __init__(self, known: dict[str, Analysis]) -> None:
        self.known = known
        self.saved: list[str] = []

    def load(self, article: Article) -> Analysis | None:
        return self.known.get(article.id)

    def save(self, article: Article, analysis: Analysis) -> None:
        self.saved.append(article.id)


@pytest.fixture()
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace spaCy and the extractors: record which articles are parsed."""
    seen: list[str] = []

    def fake_parse(
        articles: Iterable[Article], model: str, batch_size: int = 16
    ) -> Iterator[tuple[Article, object]]:
        for article in articles:
            seen.append(article.id)
            yield article, object()

    monkeypatch.setattr(run.parse, "parse", fake_parse)
    monkeypatch.setattr(run, "analyse_article", lambda _doc, article: _analysis(article))
    return seen


def test_kept_analyses_are_not_parsed_again(parsed: list[str]) -> None:
    articles = [_article("a"), _article("b"), _article("c")]
    kept = Recorder({"b": _analysis(articles[1])})
    totals: list[int] = []

    def progress(items: Iterable[tuple[Article, object]], total: int) -> Iterable[tuple[Article, object]]:
        totals.append(total)
        return items

    analyses, misses = run.analyse_articles(articles, MODEL, kept, progress)
    assert [a.article.id for a in analyses] == ["a", "b", "c"]
    assert misses == 2
    assert parsed == ["a", "c"]
    assert kept.saved == ["a", "c"]
    assert totals == [2]


def test_without_a_cache_every_article_is_parsed(parsed: list[str]) -> None:
    articles = [_article("a"), _article("b")]
    analyses, misses = run.analyse_articles(articles, MODEL)
    assert misses == 2 and parsed == ["a", "b"]
    assert analyses == [_analysis(a) for a in articles]


def test_a_folder_cache_spares_the_second_run(parsed: list[str], tmp_path: Path) -> None:
    articles = [_article("a")]
    kept = cache.Folder(tmp_path, MODEL)
    assert run.analyse_articles(articles, MODEL, kept)[1] == 1
    assert run.analyse_articles(articles, MODEL, kept)[1] == 0
    assert parsed == ["a"]


def test_a_location_is_a_url_or_a_folder_inside_the_project(tmp_path: Path) -> None:
    assert cache.location("memory://briefing") == "memory://briefing"
    assert cache.location("s3://bucket/briefing", tmp_path) == "s3://bucket/briefing"
    assert cache.location(".cache/briefing", tmp_path) == tmp_path / ".cache" / "briefing"


def test_a_cache_at_a_memory_url_keeps_analyses_for_its_article_only(tmp_path: Path) -> None:
    url = f"memory://{tmp_path.name}/briefing"
    kept = cache.Folder(url, MODEL)
    a = _article("a")
    assert kept.load(a) is None
    kept.save(a, _analysis(a))
    assert cache.Folder(url, MODEL).load(a) == _analysis(a)
    assert kept.load(_article("a", "Edited.\n")) is None
    assert cache.Folder(url + "-elsewhere", MODEL).load(a) is None


def test_a_file_url_and_its_folder_are_the_same_cache(tmp_path: Path) -> None:
    a = _article("a")
    cache.Folder(f"file://{tmp_path}", MODEL).save(a, _analysis(a))
    (entry,) = tmp_path.rglob("*.pickle")
    assert entry.name == f"{cache.key(a, MODEL)}.pickle"
    assert not list(tmp_path.rglob("*.tmp"))  # written whole, through a temporary file
    assert cache.Folder(tmp_path, MODEL).load(a) == _analysis(a)


def test_a_corrupt_entry_at_a_url_is_a_miss(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import fsspec

    url = f"memory://{tmp_path.name}/corrupt"
    a = _article("a")
    digest = cache.key(a, MODEL)
    fsspec.filesystem("memory").pipe_file(f"/{tmp_path.name}/corrupt/{digest[:2]}/{digest}.pickle", b"junk")
    with caplog.at_level(logging.WARNING):
        assert cache.Folder(url, MODEL).load(a) is None
    assert "unreadable cache entry ignored and rebuilt" in caplog.text


def test_an_unknown_kind_of_url_is_an_error() -> None:
    with pytest.raises(GeneratorError) as caught:
        cache.Folder("nosuchprotocol://briefing", MODEL).load(_article("a"))
    assert str(caught.value) == (
        "nosuchprotocol://briefing: cannot use this cache location (Protocol not known: nosuchprotocol)"
    )


def test_compiled_templates_are_kept_and_draw_the_same(tmp_path: Path) -> None:
    import jinja2

    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.md.j2").write_text("{% for x in xs %}{{ x }}.{% endfor %}\n", "utf-8")
    kept = cache.Templates(tmp_path / "cache")

    def env() -> jinja2.Environment:
        return jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path / "t")), bytecode_cache=kept)

    first = env().get_template("page.md.j2").render(xs=[1, 2])
    assert list((tmp_path / "cache").rglob("*.pickle"))
    compiled: list[str] = []
    fresh = env()
    real = fresh.compile
    fresh.compile = lambda *a, **k: compiled.append("compiled") or real(*a, **k)  # type: ignore[method-assign]
    assert fresh.get_template("page.md.j2").render(xs=[1, 2]) == first == "1.2."
    assert not compiled  # loaded, not compiled again
    (tmp_path / "t" / "page.md.j2").write_text("{{ xs | length }}\n", "utf-8")
    assert env().get_template("page.md.j2").render(xs=[1, 2]) == "2"  # an edited template is compiled


def test_every_record_pickles_as_its_class_and_field_values_and_comes_back_equal() -> None:
    """Unpickling calls the class (fast); a record class left out would fall back to slow __setstate__."""
    import dataclasses
    import pickle

    from generator import model

    records = [c for c in vars(model).values() if isinstance(c, type) and dataclasses.is_dataclass(c)]
    assert records and all("__reduce__" in vars(c) for c in records)
    a = _article("a")
    analysis = _analysis(a)
    assert pickle.loads(pickle.dumps(analysis)) == analysis
    span = model.Span("a", 0, 3, "One")
    assert pickle.loads(pickle.dumps(span)) == span
