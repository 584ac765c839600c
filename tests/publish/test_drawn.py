"""Pages taken from the last build instead of drawn again (`publish/drawn.py`): never a stale page.

The slow test builds six MEANTIME Apple articles (Wikinews, CC BY 2.5; annotations CC BY 4.0,
MEANTIME / NewsReader) from ../shared/corpora/meantime.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from generator.config import BuildConfig
from generator.pipeline import build
from generator.publish import drawn, render
from generator.publish.drawn import Drawing, Earlier, Keys
from tests.conftest import MEANTIME, copy_project


def _answers(look: drawn.LookUp) -> bytes:
    return {("actor", "a"): b"Alice", ("actor", "b"): b"Bob"}.get(look, b"?")


def test_a_key_changes_with_the_page_and_with_each_answer_it_looked_up() -> None:
    keys = Keys("fingerprint", _answers)
    start = keys.start(("actors/x.md", "actor.md.j2", "X", ()), {"n": 1})
    assert start is not None
    key = keys.key(start, [("actor", "a"), ("actor", "b")])
    assert key == Keys("fingerprint", _answers).key(start, [("actor", "a"), ("actor", "b")])
    assert key != keys.key(start, [("actor", "a")])
    assert key != keys.key(start, [("actor", "b"), ("actor", "a")])
    other = keys.start(("actors/x.md", "actor.md.j2", "X", ()), {"n": 2})
    assert other is not None and keys.key(other, [("actor", "a"), ("actor", "b")]) != key
    renamed = Keys("fingerprint", lambda look: b"Alicia" if look == ("actor", "a") else _answers(look))
    assert renamed.key(start, [("actor", "a"), ("actor", "b")]) != key
    moved = Keys("another generator", _answers).start(("actors/x.md", "actor.md.j2", "X", ()), {"n": 1})
    assert moved is not None and Keys("another generator", _answers).key(moved, []) != keys.key(start, [])


@dataclass(frozen=True)
class _Record:
    name: str
    count: int


def test_records_in_a_context_count_by_their_fields_not_by_which_objects_they_are() -> None:
    keys = Keys("fingerprint", _answers)

    def key(*records: object) -> str:
        start = keys.start(("actors/x.md", "actor.md.j2", "X", ()), {"events": list(records)})
        assert start is not None
        return keys.key(start, [])

    first = key(_Record("a", 1), _Record("b", 2))
    assert key(_Record("a", 1), _Record("b", 2)) == first  # equal records, other objects
    assert key(_Record("a", 1), _Record("b", 3)) != first
    assert key(_Record("b", 2), _Record("a", 1)) != first
    assert key(_Record("a", 1)) != first


def test_a_page_whose_context_does_not_pickle_has_no_key() -> None:
    assert Keys("fingerprint", _answers).start(("x.md", "x.md.j2", "X", ()), {"f": lambda: 1}) is None


def test_the_text_of_an_earlier_page_is_taken_only_while_its_files_hold_what_was_drawn(
    tmp_path: Path,
) -> None:
    (tmp_path / "actors").mkdir()
    page, graph = tmp_path / "actors" / "x.md", tmp_path / "actors" / "x.svg"
    page.write_text("# X\n", "utf-8")
    graph.write_text("<svg/>\n", "utf-8")
    drawing = Drawing(
        "key", (), drawn.data_digest(b"# X\n"), (("actors/x.svg", drawn.data_digest(b"<svg/>\n")),)
    )
    earlier = Earlier({"actors/x.md": drawing}, tmp_path)
    assert earlier.taken("actors/x.md", drawing) == (b"# X\n", {"actors/x.svg": b"<svg/>\n"})
    graph.write_text("<svg>edited by hand</svg>\n", "utf-8")
    assert earlier.taken("actors/x.md", drawing) is None  # the page holds its bytes, its graph does not
    graph.unlink()
    assert earlier.taken("actors/x.md", drawing) is None
    graph.write_text("<svg/>\n", "utf-8")
    page.write_text("# X, edited by hand\n", "utf-8")
    assert earlier.taken("actors/x.md", drawing) is None
    page.unlink()
    assert earlier.taken("actors/x.md", drawing) is None
    assert earlier.data("../outside.md", drawing.text) is None


EDITS = (
    "",
    "actors:\n  {actor!r}:\n    name: Renamed By Test\n",
    "actors:\n  {actor!r}:\n    name: Renamed By Test\n"
    "places:\n  {place!r}:\n    lat: 10.5\n    lon: 20.25\n    description: Moved by the test.\n",
    "actors:\n  {actor!r}:\n    name: Renamed By Test\n"
    "articles:\n  {article}:\n    date: 2001-02-03\n    title: Retitled by the test\n",
    "actors:\n  {second!r}:\n    hide: true\n",
    "",
)
"""Override files applied one after the other to one output folder."""


@pytest.mark.slow
def test_pages_taken_from_the_last_build_are_the_pages_a_fresh_build_draws(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not (MEANTIME / "apple").is_dir():
        pytest.skip("../shared/corpora/meantime is not available")
    root = copy_project(tmp_path)
    shutil.rmtree(root / "seeds")
    (root / "seeds").mkdir()
    for story in sorted((MEANTIME / "apple").glob("*.md"))[:6]:
        shutil.copy(story, root / "seeds" / story.name)
    overrides, cache, out = root / "edit.yml", tmp_path / "cache", root / "site_src"
    overrides.write_text("", "utf-8")
    config = replace(BuildConfig.from_env(root, environ={}, cache=cache), overrides=overrides, jobs=1)
    first = build(config)
    actor, second = (
        a.name for a in sorted(first.briefing.actors, key=lambda a: (-len(a.mentions), a.id))[:2]
    )
    place = max(first.briefing.places, key=lambda p: (len(p.mentions), p.id)).name
    article = sorted((root / "seeds").glob("*.md"))[0].name
    drawn_pages: list[str] = []
    real_draw = render._draw

    def counting(env: object, site: object, page: render.Page, *args: object) -> str:
        drawn_pages.append(page.path)
        return real_draw(env, site, page, *args)  # type: ignore[arg-type]  # _draw's own arguments

    monkeypatch.setattr(render, "_draw", counting)
    rendered: list[render.Rendered] = []
    real_draw_site = render.draw_site

    def keeping(*args: object) -> render.Rendered:
        rendered.append(real_draw_site(*args))  # type: ignore[arg-type]  # draw_site's own arguments
        return rendered[-1]

    monkeypatch.setattr(render, "draw_site", keeping)
    counts: list[tuple[int, int]] = []  # (pages drawn again, pages drawn afresh)
    for number, edit in enumerate(EDITS):
        overrides.write_text(edit.format(actor=actor, second=second, place=place, article=article), "utf-8")
        if number == 2:  # a page that would be taken, edited by hand: it is drawn again
            (out / "articles" / f"{article.removesuffix('.md')}.md").write_text("edited\n", "utf-8")
        if number == 3:  # so is a page whose graph was edited by hand
            for picture in (out / "graph" / "actors").glob("*.svg"):
                picture.write_text("<svg/>\n", "utf-8")
        drawn_pages.clear()
        rendered.clear()
        build(config)
        again = len(drawn_pages)
        if number == 1:  # a rename: the figures table shows no actor, so it is not drawn again
            assert "figures.md" not in drawn_pages, drawn_pages
        if rendered:  # the pages read back are the pages with a drawing that were not drawn, and their graphs
            back = set(rendered[0].drawings) - set(drawn_pages)
            graphs = {path for page in back for path, _digest in rendered[0].drawings[page].assets}
            assert rendered[0].taken == back | graphs
        drawn_pages.clear()
        fresh = tmp_path / f"fresh-{number}"
        build(replace(config, out=fresh))
        assert _tree(out) == _tree(fresh), edit
        counts.append((again, len(drawn_pages)))
    assert counts[0][0] == 0  # nothing changed: the output was reused whole
    # A rename and a place's new coordinates redraw the pages that show them, and take the others.
    assert all(0 < again < afresh for again, afresh in counts[1:3]), counts


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
