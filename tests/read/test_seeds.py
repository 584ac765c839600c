"""Reading seeds: front matter, overrides metadata, headings and bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.read.overrides import Overrides, load_overrides
from generator.read.seeds import is_heading, read_seeds, split_paragraphs


def _read(folder: Path, overrides: Overrides | None = None):  # type: ignore[no-untyped-def]
    return read_seeds(folder, overrides or Overrides("overrides.yml"))


def test_front_matter_and_body_offsets(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        '---\ntitle: "T"\ndate: 2008-03-06\nsource: Wikinews\nurl: http://x\n---\nBody one.\nBody two.\n',
        "utf-8",
    )
    result = _read(tmp_path)
    (article,) = result.articles
    assert (article.id, article.title, article.date, article.source) == (
        "a",
        "T",
        dt.date(2008, 3, 6),
        "Wikinews",
    )
    assert article.body == "Body one.\nBody two.\n"
    assert [(p.start, p.end) for p in article.paragraphs] == [(0, 9), (10, 19)]
    assert result.errors == () and result.warnings == ()


def test_overrides_give_metadata_to_plain_text(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Text.\n", "utf-8")
    (tmp_path / "overrides.yml").write_text(
        "articles:\n  x.txt:\n    title: Given\n    date: 2020-02-17\n    source: Reuters\n", "utf-8"
    )
    (article,) = _read(tmp_path, load_overrides(tmp_path / "overrides.yml")).articles
    assert (article.title, article.date, article.source) == ("Given", dt.date(2020, 2, 17), "Reuters")


def test_exclude(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Text.\n", "utf-8")
    (tmp_path / "overrides.yml").write_text("articles:\n  x.txt:\n    exclude: true\n", "utf-8")
    assert _read(tmp_path, load_overrides(tmp_path / "overrides.yml")).articles == ()


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Displaced", True),
        ("Insurgent forces", True),
        ("## Background", True),
        ("The Syrian army said on Monday it had taken control.", False),
        ("VoIP applications would be allowed over Wi-Fi only.", False),
        ("Apple shares rose 5% to $120", False),
        ("“This is a prelude to their final defeat”", False),
    ],
)
def test_headings(line: str, heading: bool) -> None:
    assert is_heading(line) is heading


def test_paragraph_split_skips_blank_lines() -> None:
    paras = split_paragraphs("One.\n\nDisplaced\nTwo.")
    assert [(p.index, p.start, p.end, p.heading) for p in paras] == [
        (0, 0, 4, False),
        (1, 6, 15, True),
        (2, 16, 20, False),
    ]


def test_non_utf8_names_file_line_and_byte(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"Line one.\nCaf\xe9 au lait.\n")
    result = _read(tmp_path)
    assert result.articles == ()
    assert result.errors == (
        f"{tmp_path}/bad.txt:2: not valid UTF-8 (byte 0xe9 at offset 13); save the file as UTF-8",
    )


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("---\ntitle: x\n---\n\n", 4),
        ("", 1),
        # only zero-width spaces, joiners, a BOM, direction marks and blanks: nothing a reader can see
        ("\u200b\u200c\u200d\n\u2060\ufeff \u200e\t\n", 1),
    ],
    ids=["front matter only", "empty file", "zero-width"],
)
def test_an_empty_article_is_left_out_with_a_warning(tmp_path: Path, body: str, line: int) -> None:
    (tmp_path / "empty.md").write_text(body, "utf-8")
    (tmp_path / "kept.md").write_text("Aleppo fell.\n", "utf-8")
    read = _read(tmp_path)
    assert read.errors == ()
    assert [a.path for a in read.articles] == ["kept.md"]
    assert f"{tmp_path}/empty.md:{line}: the article body is empty; it is left out" in read.warnings


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert _read(tmp_path).errors == (f"{tmp_path}/img.txt: looks like a binary file, not an article",)


def test_broken_front_matter_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("---\ntitle: ok\ndate: [unclosed\n---\nBody.\n", "utf-8")
    (error,) = _read(tmp_path).errors
    assert error.startswith(f"{tmp_path}/b.md:4: invalid YAML")


def test_unterminated_front_matter(tmp_path: Path) -> None:
    (tmp_path / "c.md").write_text("---\ntitle: ok\nBody.\n", "utf-8")
    assert _read(tmp_path).errors == (f"{tmp_path}/c.md:1: front matter starts with '---' but never ends",)


def test_unknown_and_mistyped_front_matter_are_warnings(tmp_path: Path) -> None:
    (tmp_path / "d.md").write_text("---\ntitel: x\ndate: tomorrow\n---\nBody.\n", "utf-8")
    result = _read(tmp_path)
    assert result.articles[0].date is None
    assert (
        f"{tmp_path}/d.md:2: unknown front matter key 'titel' is ignored (did you mean 'title'?)"
        in result.warnings
    )
    assert f"{tmp_path}/d.md:3: front matter 'date' should be date, not str; it is ignored" in result.warnings


def test_duplicate_ids_are_made_unique_and_reported(tmp_path: Path) -> None:
    (tmp_path / "story.md").write_text("One.\n", "utf-8")
    (tmp_path / "story.txt").write_text("Two.\n", "utf-8")
    result = _read(tmp_path)
    assert [a.id for a in result.articles] == ["story", "story-2"]
    assert any("files share the id 'story'" in w for w in result.warnings)


def test_override_for_missing_article_warns(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Text.\n", "utf-8")
    (tmp_path / "overrides.yml").write_text("articles:\n  y.txt:\n    title: T\n", "utf-8")
    result = _read(tmp_path, load_overrides(tmp_path / "overrides.yml"))
    assert result.warnings[-1] == (
        f"{tmp_path}/overrides.yml:2: no article 'y.txt' in {tmp_path} (did you mean 'x.txt'?)"
    )


def test_each_override_setting_wins_over_front_matter_and_the_rest_is_kept(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: Meta title\ndate: 2019-01-01\nsource: Meta source\nurl: http://meta\n---\nBody.\n",
        "utf-8",
    )
    (tmp_path / "overrides.yml").write_text("articles:\n  a:\n    title: ''\n    date: 2020-02-17\n", "utf-8")
    (article,) = _read(tmp_path, load_overrides(tmp_path / "overrides.yml")).articles
    # An empty title is written, so it wins: the page falls back to the file name, not the front matter.
    assert (article.title, article.date, article.source, article.url) == (
        "a",
        dt.date(2020, 2, 17),
        "Meta source",
        "http://meta",
    )


# Issue 9: symbolic links are never followed; other encodings are named


def test_symbolic_links_are_never_read(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", "utf-8")
    (seeds / "story.md").write_text("---\ndate: 2020-02-17\n---\nAleppo fell.\n", "utf-8")
    (seeds / "passwd.md").symlink_to(secret)  # outside the folder: would publish the machine's file
    (seeds / "again.md").symlink_to(seeds / "story.md")  # inside: still a link, still skipped
    (seeds / "gone.md").symlink_to(tmp_path / "missing.md")
    (seeds / "loop.md").symlink_to(seeds / "loop.md")
    read = _read(seeds)
    assert [a.path for a in read.articles] == ["story.md"]
    assert read.errors == ()
    assert read.warnings == (
        f"{seeds}/again.md: a symbolic link is not read (it points to {seeds}/story.md); "
        "copy the article in instead",
        f"{seeds}/gone.md: a symbolic link is not read (it points to {tmp_path}/missing.md, which does "
        "not exist); copy the article in instead",
        f"{seeds}/loop.md: a symbolic link is not read (it points to {seeds}/loop.md, which loops back on "
        "itself); copy the article in instead",
        f"{seeds}/passwd.md: a symbolic link is not read (it points to {secret}); copy the article in instead",
    )


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Aleppo fell on Monday.\n".encode("utf-16"), "UTF-16 (little-endian)"),  # with its BOM
        (b"\xfe\xff" + "Aleppo fell on Monday.\n".encode("utf-16-be"), "UTF-16 (big-endian)"),
        ("Aleppo fell on Monday.\n".encode("utf-16-le"), "UTF-16 (little-endian)"),  # no BOM
        ("Aleppo fell on Monday.\n".encode("utf-16-be"), "UTF-16 (big-endian)"),
    ],
    ids=["le-bom", "be-bom", "le", "be"],
)
def test_a_utf16_file_is_named_as_such(tmp_path: Path, data: bytes, encoding: str) -> None:
    (tmp_path / "wide.txt").write_bytes(data)
    assert _read(tmp_path).errors == (
        f"{tmp_path}/wide.txt: the file is encoded as {encoding}, not UTF-8; save it as UTF-8",
    )


def test_an_article_records_the_line_its_body_starts_on(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: T\ndate: 2020-02-17\n---\nBody.\n", "utf-8")
    (tmp_path / "b.md").write_text("Body.\n", "utf-8")
    assert [a.line for a in _read(tmp_path).articles] == [5, 1]


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("2020-02-30", "day is out of range for month"),
        ("0000-01-01", "year 0 is out of range"),
        ("2020-13-01", "month must be in 1..12"),
    ],
)
def test_a_front_matter_date_off_the_calendar_names_file_and_line(
    tmp_path: Path, written: str, reason: str
) -> None:
    # PyYAML raised a bare ValueError: "error: day is out of range for month", with no file at all
    (tmp_path / "a.md").write_text(f"---\ntitle: T\ndate: {written}\n---\nAleppo fell.\n", "utf-8")
    assert _read(tmp_path).errors == (
        f"{tmp_path}/a.md:3: '{written}' is not a date on the calendar ({reason}); write a real date as YYYY-MM-DD",
    )
