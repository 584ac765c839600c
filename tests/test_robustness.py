"""Untrusted input and interrupted builds: each case of issue 5 builds for real (spaCy, MkDocs)."""

from __future__ import annotations

import base64
import html.parser
import json
import os
import pickle
import time
from pathlib import Path

import pytest

from generator import cache
from generator.cli import main
from generator.errors import GeneratorError
from generator.extract import run
from generator.model import Analysis
from generator.pipeline import BuildConfig, build
from generator.publish import write
from generator.slugs import slugify
from tests import site_tools
from tests.conftest import ROOT, copy_project

SEED = ROOT / "seeds" / "000_b1945a7aff149b57.txt"


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One analysis cache for the module, so each test analyses only what it changes."""
    return tmp_path_factory.mktemp("cache")


def _project(tmp_path: Path) -> Path:
    root = copy_project(tmp_path)
    (root / "site_src" / "notes.md").write_text("hand-written\n", "utf-8")
    return root


def _config(root: Path, cache_dir: Path | None, **kwargs: object) -> BuildConfig:
    return BuildConfig(
        seeds=root / "seeds",
        overrides=root / "seeds" / "overrides.yml",
        out=root / "site_src",
        cache=cache_dir,
        **kwargs,
    )  # type: ignore[arg-type]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _cli(root: Path, cache_dir: Path, *extra: str) -> int:
    return main(
        [
            "build",
            "--quiet",
            "--seeds",
            str(root / "seeds"),
            "--out",
            str(root / "site_src"),
            "--cache",
            str(cache_dir),
            *extra,
        ]
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "latin1.txt",
            b"Aleppo.\nCaf\xe9 in Damascus.\n",
            "latin1.txt:2: not valid UTF-8 (byte 0xe9 at offset 11); save the file as UTF-8",
        ),
        (
            "photo.md",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "photo.md: looks like a binary file, not an article",
        ),
    ],
)
def test_bad_files_stop_the_build_and_keep_the_previous_site(
    tmp_path: Path,
    shared_cache: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
    message: str,
) -> None:
    root = _project(tmp_path)
    assert _cli(root, shared_cache) == 0
    before = _snapshot(root / "site_src")
    (root / "seeds" / name).write_bytes(data)
    capsys.readouterr()
    assert _cli(root, shared_cache) == 1
    err = capsys.readouterr().err
    assert f"error: {root / 'seeds' / message}" in err
    assert "build failed; the previous output was left as it was" in err
    assert _snapshot(root / "site_src") == before


def test_front_matter_with_unknown_keys_or_wrong_types(
    tmp_path: Path, shared_cache: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    root = _project(tmp_path)
    text = SEED.read_text("utf-8")
    (root / "seeds" / "fm.md").write_text(
        "---\ntitel: Typo\ndate: yesterday\nsource: [Reuters]\nurl: 12\n---\n" + text, "utf-8"
    )
    assert _cli(root, shared_cache) == 0
    err = caplog.text
    fm = root / "seeds" / "fm.md"
    assert f"{fm}:2: unknown front matter key 'titel' is ignored (did you mean 'title'?)" in err
    assert f"{fm}:3: front matter 'date' should be date, not str; it is ignored" in err
    assert f"{fm}:4: front matter 'source' should be str, not list; it is ignored" in err
    assert f"{fm}:5: front matter 'url' should be str, not int; it is ignored" in err
    page = (root / "site_src" / "articles" / "fm.md").read_text("utf-8")
    assert page.startswith('---\ntitle: "fm"\n---\n\n# fm\n') and "date unknown" in page
    before = _snapshot(root / "site_src")
    assert _cli(root, shared_cache, "--strict") == 1
    assert "warnings are fatal with --strict" in capsys.readouterr().err
    assert _snapshot(root / "site_src") == before


@pytest.mark.slow
def test_five_megabyte_article_builds(tmp_path: Path, shared_cache: Path) -> None:
    """SLOW (about 40 s on 2 cores): 5 MB is five times spaCy's max_length, analysed in chunks."""
    root = _project(tmp_path)
    for old in (root / "seeds").iterdir():
        old.unlink()
    prose = SEED.read_text("utf-8").rstrip("\n") + "\n"
    # A scraped page: the story, an inline image as a data URI, the story's prose repeated
    # as a long archive, and a name at the very end whose offset must survive the chunking.
    image = base64.b64encode(os.urandom(3_600_000)).decode()
    body = (
        prose
        + f'<img src="data:image/png;base64,{image}">\n'
        + prose * 80
        + "Archived by the Aleppo Media Centre.\n"
    )
    assert len(body.encode()) > 5_000_000
    (root / "seeds" / "huge.md").write_text("---\ntitle: Huge\ndate: 2020-02-17\n---\n" + body, "utf-8")
    started = time.perf_counter()
    result = build(_config(root, shared_cache))
    print(f"\n5 MB article: built in {time.perf_counter() - started:.1f} s")
    assert (root / "site_src" / "articles" / "huge.md").stat().st_size > 5_000_000
    assert (root / "site_src" / "actors" / "bashar-al-assad.md").exists()
    # Aleppo, its countryside and province (Aleppo Governorate) and its airport: ten names in each copy
    aleppo = [m for p in result.briefing.places if p.name.startswith("Aleppo") for m in p.mentions]
    assert len(aleppo) > 80 * 9
    # Offsets point into the full body, past every chunk: the last name is found where it stands.
    last = body.rindex("Aleppo")
    everything = [m for e in (*result.briefing.actors, *result.briefing.places) for m in e.mentions]
    assert any(m.span.start <= last < m.span.end for m in everything)
    for m in everything:
        assert body[m.span.start : m.span.end] == m.span.text


INJECTION = """---
title: "<script>alert('title')</script> Breaking"
date: 2020-02-17
source: "<img src=x onerror=alert('source')>"
url: "javascript:alert('url')"
---
The Syrian army said on Monday <script>alert('body')</script> it had taken towns near Aleppo.
An image <img src=x onerror="alert('img')"> and [a link](javascript:alert('md')) and <a href="javascript:alert('a')">y</a>.
Raw <iframe src="https://evil.example"></iframe> and ![pic](javascript:alert('pic')) and <b>bold</b> words.
President Bashar al-Assad met Turkish president Tayyip Erdogan in Damascus on Tuesday, Reuters said.
"""

EVIL_OVERRIDES = """articles:
  evil.md:
    reason: "<script>alert('reason')</script>"
actors:
  Bashar al-Assad:
    name: "<b>Evil</b> Smith <script>alert('name')</script>"
    description: "[click](javascript:alert('description')) <img src=x onerror=alert('d')>"
    reason: "<img src=x onerror=alert('trail')>"
places:
  Damascus:
    name: "[Damascus](javascript:alert('place'))"
  Tayyip Erdogan:
    name: "</title><script>alert('title-break')</script>"
"""


class _Tags(html.parser.HTMLParser):
    """Every start tag with its attributes, and the text inside <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[str, str]] = []
        self._script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._script = (dict(attrs).get("type") or "text/javascript") if tag == "script" else None

    def handle_endtag(self, tag: str) -> None:
        self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self.scripts.append((self._script, data))


@pytest.mark.slow
@pytest.mark.parametrize("tool", site_tools.TOOLS)
def test_html_javascript_and_markdown_in_articles_and_names_are_escaped(
    tmp_path: Path, shared_cache: Path, tool: str
) -> None:
    """Hostile names stay inert with either site tool, from the generated files alone (no hook)."""
    root = _project(tmp_path)
    for old in (root / "seeds").iterdir():
        old.unlink()
    (root / "seeds" / "evil.md").write_text(INJECTION, "utf-8")
    (root / "seeds" / "overrides.yml").write_text(EVIL_OVERRIDES, "utf-8")
    result = build(_config(root, shared_cache))
    evil = next(a for a in result.briefing.actors if a.name.startswith("<b>"))
    assert evil.id == "b-evil-b-smith-script-alert-name-script"
    built = site_tools.build(tool, root, strict=False)
    assert built.returncode == 0, built.stdout + built.stderr
    pages = list((root / "site").rglob("*.html"))
    assert len(pages) > 5
    checked = 0
    for page in pages:
        text = page.read_text("utf-8")
        parser = _Tags()
        parser.feed(text)
        for tag, attrs in parser.tags:
            assert tag not in ("iframe", "b"), (page, tag)
            assert not (tag == "img" and "onerror" in attrs), page
            for name, value in attrs.items():
                assert not name.startswith("on"), (page, tag, name)
                assert not (value or "").strip().lower().startswith("javascript:"), (page, tag, name, value)
        for kind, script in parser.scripts:
            if kind == "application/json":
                json.loads(script)  # data for the page's own code: it parses, so nothing broke out
            else:
                assert "alert(" not in script, page
        checked += "alert(" in text  # the injected text is there, shown as text
    assert checked >= 4
    actor_html = (root / "site" / "actors" / evil.id / "index.html").read_text("utf-8")
    assert "&lt;b&gt;Evil&lt;/b&gt; Smith &lt;script&gt;alert(" in actor_html
    assert "<title>&lt;b&gt;Evil&lt;/b&gt; Smith &lt;script&gt;alert(" in actor_html
    # The title-break name ends no <title> early, whichever tool prints the page's title.
    for page in pages:
        head = page.read_text("utf-8").split("</head>")[0]
        assert head.count("</title>") == 1, page
    assert (
        "✎ curated: renamed from “Bashar al-Assad”, description written: &lt;img src=x onerror=" in actor_html
    )


def test_names_with_slashes_dots_and_arabic_script_get_safe_readable_slugs(
    tmp_path: Path, shared_cache: Path
) -> None:
    root = _project(tmp_path)
    (root / "seeds" / "overrides.yml").write_text(
        (ROOT / "seeds" / "overrides.yml")
        .read_text("utf-8")
        .replace(
            "actors:\n",
            (
                "actors:\n  Bashar al-Assad:\n    name: بشار الأسد\n  Sergei Lavrov:\n    name: ../../../evil\n"
                "  David Swanson:\n    name: /etc/passwd\n  Ali Hammoud:\n    name: ..\n"
            ),
        ),
        "utf-8",
    )
    result = build(_config(root, shared_cache))
    ids = {a.name: a.id for a in result.briefing.actors}
    assert ids["بشار الأسد"] == "bshar-al-asd"
    assert ids["../../../evil"] == "evil"
    assert ids["/etc/passwd"] == "etc-passwd"
    assert ids[".."].startswith("item-")
    outside = [p for p in tmp_path.rglob("*") if p.name in ("evil.md", "passwd.md", "etc-passwd.md")]
    assert sorted(outside) == [
        root / "site_src" / "actors" / "etc-passwd.md",
        root / "site_src" / "actors" / "evil.md",
    ]
    assert "\n# بشار الأسد\n" in (root / "site_src" / "actors" / "bshar-al-asd.md").read_text("utf-8")


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("بشار الأسد", "bshar-al-asd"),
        ("حزب الله", "hzb-allah"),
        ("عبد الله", "abd-allah"),
        ("حلب", "hlb"),
        ("إدلب", "idlb"),
        ("Bashar al-Assad", "bashar-al-assad"),
        ("Café Zürich", "cafe-zurich"),
    ],
)
def test_arabic_script_is_transliterated(name: str, slug: str) -> None:
    assert slugify(name) == slug


@pytest.mark.slow
def test_duplicate_article_ids_are_all_published(tmp_path: Path, shared_cache: Path) -> None:
    root = _project(tmp_path)
    text = SEED.read_text("utf-8")
    (root / "seeds" / "story.md").write_text("---\ntitle: One\ndate: 2020-02-17\n---\n" + text, "utf-8")
    (root / "seeds" / "story.txt").write_text(text, "utf-8")
    (root / "seeds" / "Story!.md").write_text("---\ntitle: Three\ndate: 2020-02-18\n---\n" + text, "utf-8")
    result = build(_config(root, shared_cache))
    assert sorted(a.id for a in result.briefing.articles) == [
        "000-b1945a7aff149b57",
        "story",
        "story-2",
        "story-3",
    ]
    assert any("files share the id 'story'" in w for w in result.warnings)
    for ident in ("story", "story-2", "story-3"):
        assert (root / "site_src" / "articles" / f"{ident}.md").exists()


@pytest.mark.slow
def test_output_is_byte_identical_across_runs_with_and_without_the_cache(tmp_path: Path) -> None:
    roots = [_project(tmp_path / f"run{i}") for i in range(3) if not (tmp_path / f"run{i}").mkdir()]
    cache_dir = tmp_path / "cache"
    build(_config(roots[0], None))
    first = build(_config(roots[1], cache_dir))  # cold cache: analyses stored
    second = build(_config(roots[2], cache_dir))  # warm cache: analyses loaded
    entries = [pickle.loads(p.read_bytes())[1] for p in cache_dir.rglob("*.pickle")]
    assert sum(isinstance(e, Analysis) for e in entries) == 1  # the one article's, stored once
    assert sum(isinstance(e, cache.Resolved) for e in entries) == 1
    snapshots = [_snapshot(r / "site_src") for r in roots]
    assert snapshots[0] == snapshots[1] == snapshots[2]
    assert first.report.written and second.report.written


@pytest.mark.slow
def test_cache_hits_misses_and_corrupt_entries(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = _project(tmp_path)
    cache_dir = tmp_path / "cache"
    from generator.read.overrides import load_overrides
    from generator.read.seeds import read_seeds

    articles = read_seeds(root / "seeds", load_overrides(root / "seeds" / "overrides.yml")).articles
    model = BuildConfig().model
    kept = cache.Folder(cache_dir, model)
    cold, misses = run.analyse_articles(articles, model, kept)
    assert misses == 1
    warm, misses = run.analyse_articles(articles, model, kept)
    assert misses == 0 and warm == cold
    (entry,) = cache_dir.rglob("*.pickle")
    entry.write_bytes(b"\x80\x05garbage")
    rebuilt, misses = run.analyse_articles(articles, model, kept)
    assert misses == 1 and rebuilt == cold
    assert "unreadable cache entry ignored and rebuilt" in caplog.text
    # Another article's entry under this key (a copied cache, a hash collision) is not trusted.
    entry.write_bytes(__import__("pickle").dumps(("0" * 64, cold[0])))
    assert run.analyse_articles(articles, model, kept)[1] == 1
    edited = [__import__("dataclasses").replace(articles[0], body=articles[0].body + "More text.\n")]
    assert cache.key(edited[0], model) != cache.key(articles[0], model)


@pytest.mark.slow
def test_override_edit_reuses_every_analysis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _project(tmp_path)
    cache_dir = tmp_path / "cache"
    build(_config(root, cache_dir))

    def no_spacy(*args: object, **kwargs: object) -> None:
        raise AssertionError("an override edit must not run spaCy")

    monkeypatch.setattr(run.parse, "parse", no_spacy)
    overrides = root / "seeds" / "overrides.yml"
    overrides.write_text(
        overrides.read_text("utf-8").replace("    name: SANA\n", "    name: S.A.N.A.\n"), "utf-8"
    )
    result = build(_config(root, cache_dir))
    assert "actors/s-a-n-a.md" in result.report.written and "actors/sana.md" in result.report.removed


@pytest.mark.slow
def test_a_build_interrupted_while_writing_leaves_the_previous_site_complete(
    tmp_path: Path,
    shared_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = _project(tmp_path)
    build(_config(root, shared_cache))
    before = _snapshot(root / "site_src")
    overrides = root / "seeds" / "overrides.yml"
    overrides.write_text(
        overrides.read_text("utf-8").replace("name: SANA", "name: Syrian Arab News Agency"), "utf-8"
    )
    real, calls = os.replace, {"n": 0}

    def ctrl_c_midway(src: object, dst: object) -> None:
        calls["n"] += 1
        if calls["n"] == 6:
            raise KeyboardInterrupt
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(write.os, "replace", ctrl_c_midway)
    with pytest.raises(KeyboardInterrupt):
        build(_config(root, shared_cache))
    assert calls["n"] > 6  # it was committing, and rolled back
    assert _snapshot(root / "site_src") == before
    monkeypatch.undo()
    result = build(_config(root, shared_cache))
    assert "actors/syrian-arab-news-agency.md" in result.report.written
    assert (root / "site_src" / "notes.md").read_text("utf-8") == "hand-written\n"


def test_stale_overrides_warn_and_strict_makes_them_fatal(tmp_path: Path, shared_cache: Path) -> None:
    root = _project(tmp_path)
    overrides = root / "seeds" / "overrides.yml"
    overrides.write_text(overrides.read_text("utf-8") + "places:\n  Atlantis:\n    hide: true\n", "utf-8")
    result = build(_config(root, shared_cache))
    line = overrides.read_text("utf-8").splitlines().index("  Atlantis:") + 1
    assert result.warnings == (
        f"{overrides}:{line}: no place named 'Atlantis'; the override matches nothing "
        "and is ignored (stale?)",
    )
    with pytest.raises(GeneratorError, match="warnings are fatal with --strict"):
        build(_config(root, shared_cache, strict=True))


def test_every_problem_is_reported_at_once(tmp_path: Path, shared_cache: Path) -> None:
    root = _project(tmp_path)
    (root / "seeds" / "bad.txt").write_bytes(b"caf\xe9\n")
    (root / "seeds" / "overrides").mkdir()
    (root / "seeds" / "overrides" / "more.yml").write_text(
        "actors:\n  Sergei Lavrof:\n    kind: persn\n  Bashar al-Asad:\n    roles: [President]\n"
        "events:\n  000-b1945a7aff149b57-483x:\n    hide: true\n",
        "utf-8",
    )
    with pytest.raises(GeneratorError) as caught:
        build(_config(root, shared_cache))
    more = root / "seeds" / "overrides" / "more.yml"
    assert str(caught.value).splitlines() == [
        f"{root}/seeds/bad.txt:1: not valid UTF-8 (byte 0xe9 at offset 3); save the file as UTF-8",
        f"{more}:3: kind 'persn' is not one of person, organisation, state, group (did you mean 'person'?)",
        f"{more}:2: no actor named 'Sergei Lavrof' (did you mean 'Sergei Lavrov'?)",
        f"{more}:4: no actor named 'Bashar al-Asad' (did you mean 'Bashar al-Assad'?)",
        f"{more}:7: no event named '000-b1945a7aff149b57-483x' (did you mean '000-b1945a7aff149b57-483'?)",
    ]


def test_json_export_carries_the_curation_trail(seed_site) -> None:  # type: ignore[no-untyped-def]
    root, _result = seed_site
    data = json.loads((root / "site_src" / "data" / "briefing.json").read_text("utf-8"))
    sana = next(a for a in data["actors"] if a["id"] == "sana")
    assert sana["curated"] == [
        "renamed from “Sana”, description written: SANA is an acronym; the article writes it Sana."
    ]
    assert "curated" not in next(a for a in data["actors"] if a["id"] == "russia")
