"""The overrides file: schema validation with file:line messages."""

from __future__ import annotations

from pathlib import Path

from generator.overrides import load_overrides


def _load(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "overrides.yml"
    path.write_text(text, "utf-8")
    return load_overrides(path, "overrides.yml")


def test_valid_file(tmp_path: Path) -> None:
    o = _load(tmp_path, "articles:\n  a.txt:\n    date: 2020-02-17\n    reason: r\nactors:\n  Sana:\n    kind: organisation\n")
    assert o.errors == () and o.warnings == ()
    assert [(e.section, e.key, e.line) for e in o.entries] == [("articles", "a.txt", 2), ("actors", "Sana", 6)]


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
    o = _load(tmp_path, "articles:\n  a.txt:\n    date: 17 Feb\nplaces:\n  X:\n    lat: north\n    lon: 200\n")
    assert o.errors == (
        "overrides.yml:3: 'date' must be a date (YYYY-MM-DD), not str",
        "overrides.yml:6: 'lat' must be a number, not str",
        "overrides.yml:7: lon 200 is outside -180..180",
    )


def test_bad_kind(tmp_path: Path) -> None:
    o = _load(tmp_path, "actors:\n  X:\n    kind: persn\n")
    assert o.errors == (
        "overrides.yml:3: kind 'persn' is not one of person, organisation, state, group (did you mean 'person'?)",)


def test_not_a_mapping(tmp_path: Path) -> None:
    assert _load(tmp_path, "- a\n- b\n").errors == ("overrides.yml:1: the file must be a mapping of sections",)


def test_yaml_tags_are_refused(tmp_path: Path) -> None:
    o = _load(tmp_path, "articles: !!python/object/apply:os.system ['echo hi']\n")
    assert o.errors and o.errors[0].startswith("overrides.yml:1: invalid YAML")
