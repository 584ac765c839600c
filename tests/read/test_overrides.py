"""The overrides file: schema validation with file:line messages."""

from __future__ import annotations

from pathlib import Path

from generator.read.overrides import load_overrides


def _load(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "overrides.yml"
    path.write_text(text, "utf-8")
    return load_overrides(path, "overrides.yml")


def test_valid_file(tmp_path: Path) -> None:
    o = _load(
        tmp_path,
        "articles:\n  a.txt:\n    date: 2020-02-17\n    reason: r\nactors:\n  Sana:\n    kind: organisation\n",
    )
    assert o.errors == () and o.warnings == ()
    assert [(e.section, e.key, e.line) for e in o.entries] == [
        ("articles", "a.txt", 2),
        ("actors", "Sana", 6),
    ]


def test_missing_file_is_no_overrides(tmp_path: Path) -> None:
    o = load_overrides(tmp_path / "nope.yml")
    assert o.entries == () and o.errors == ()


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    o = _load(tmp_path, "articles:\n  a.txt:\n    title: [unclosed\n")
    (error,) = o.errors
    assert error.startswith("overrides.yml:4: invalid YAML")


def test_unknown_key_did_you_mean(tmp_path: Path) -> None:
    o = _load(tmp_path, "articles:\n  a.txt:\n    dat: 2020-02-17\n")
    assert o.warnings == ("overrides.yml:3: unknown key 'dat' in articles (did you mean 'date'?)",)


def test_unknown_section(tmp_path: Path) -> None:
    o = _load(tmp_path, "actor:\n  X:\n    hide: true\n")
    assert o.warnings == ("overrides.yml:1: unknown section 'actor' (did you mean 'actors'?)",)


def test_wrong_types(tmp_path: Path) -> None:
    o = _load(
        tmp_path, "articles:\n  a.txt:\n    date: 17 Feb\nplaces:\n  X:\n    lat: north\n    lon: 200\n"
    )
    assert o.errors == (
        "overrides.yml:3: 'date' must be a date (YYYY-MM-DD), not str",
        "overrides.yml:6: 'lat' must be a number, not str",
        "overrides.yml:7: lon 200 is outside -180..180",
    )


def test_bad_kind(tmp_path: Path) -> None:
    o = _load(tmp_path, "actors:\n  X:\n    kind: persn\n")
    assert o.errors == (
        "overrides.yml:3: kind 'persn' is not one of person, organisation, state, group (did you mean 'person'?)",
    )


def test_not_a_mapping(tmp_path: Path) -> None:
    assert _load(tmp_path, "- a\n- b\n").errors == (
        "overrides.yml:1: the file must be a mapping of sections",
    )


def test_yaml_tags_are_refused(tmp_path: Path) -> None:
    o = _load(tmp_path, "articles: !!python/object/apply:os.system ['echo hi']\n")
    assert o.errors and o.errors[0].startswith("overrides.yml:1: invalid YAML")


def test_split_files_are_read_after_the_main_one_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "overrides.yml").write_text("actors:\n  Sana:\n    kind: organisation\n", "utf-8")
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "b.yml").write_text("places:\n  Idlib:\n    kind: region\n", "utf-8")
    (tmp_path / "overrides" / "a.yml").write_text("events:\n  x-1:\n    hide: true\n", "utf-8")
    (tmp_path / "overrides" / "notes.txt").write_text("not read", "utf-8")
    o = load_overrides(tmp_path / "overrides.yml", "overrides.yml")
    assert o.files == ("overrides.yml", "overrides/a.yml", "overrides/b.yml")
    assert [(e.where, e.section, e.key) for e in o.entries] == [
        ("overrides.yml:2", "actors", "Sana"),
        ("overrides/a.yml:2", "events", "x-1"),
        ("overrides/b.yml:2", "places", "Idlib"),
    ]


def test_the_same_name_twice_is_an_error_naming_both_places(tmp_path: Path) -> None:
    (tmp_path / "overrides.yml").write_text("actors:\n  Sana:\n    kind: organisation\n", "utf-8")
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "more.yml").write_text("actors:\n  sana:\n    hide: true\n", "utf-8")
    o = load_overrides(tmp_path / "overrides.yml", "overrides.yml")
    assert o.errors == (
        "overrides/more.yml:2: 'sana' in actors is already curated at overrides.yml:2; keep one entry",
    )


def test_duplicate_keys_in_one_file_are_not_silently_dropped(tmp_path: Path) -> None:
    o = _load(tmp_path, "actors:\n  Sana:\n    kind: person\n  Sana:\n    hide: true\n")
    assert o.errors == ("overrides.yml:4: invalid YAML: duplicate key 'Sana' (first on line 2)",)


def test_event_and_figure_sections(tmp_path: Path) -> None:
    o = _load(
        tmp_path,
        "events:\n  e-1:\n    date: 2011-03\n  e-2:\n    date: March\n  e-3:\n    article: a\n"
        "figures:\n  f-1:\n    value: many\n    countz: x\n",
    )
    assert o.errors == (
        "overrides.yml:5: date 'March' must be YYYY-MM-DD, YYYY-MM or YYYY",
        "overrides.yml:6: a new event needs both 'article' and 'sentence'",
        "overrides.yml:10: 'value' must be a number, not str",
    )
    assert o.warnings == ("overrides.yml:11: unknown key 'countz' in figures (did you mean 'counts'?)",)


def test_pinned_mentions_are_checked_with_their_own_lines(tmp_path: Path) -> None:
    o = _load(
        tmp_path,
        "actors:\n  Hizbullah:\n    mentions:\n      - article: a\n        text: Hizbullah\n"
        "        ocurrence: 2\n  X:\n    mentions:\n      - {article: a, occurrence: 2}\n"
        "  Y:\n    mentions:\n      - {article: a, start: ten}\n  Z:\n    mentions: [Hizbullah]\n",
    )
    assert o.warnings == (
        "overrides.yml:6: unknown key 'ocurrence' in a pinned mention (did you mean 'occurrence'?)",
    )
    assert o.errors == (
        "overrides.yml:9: a pinned mention needs 'article' and either 'text' or 'start'",
        "overrides.yml:12: 'start' of a pinned mention must be a whole number",
        "overrides.yml:14: each pinned mention must be a mapping with 'article' and 'text' or 'start'",
    )


def test_split_and_aliases_must_be_lists_of_names(tmp_path: Path) -> None:
    o = _load(tmp_path, "actors:\n  A:\n    split: Hafez\n  B:\n    split: ['', x]\n")
    assert o.errors == (
        "overrides.yml:3: 'split' must be a list, not str",
        "overrides.yml:5: 'split' must be a list of non-empty text",
    )
