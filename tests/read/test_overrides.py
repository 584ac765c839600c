"""The overrides file: schema validation with file:line messages."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from generator.read.overrides import ActorOverride, ArticleOverride, MentionPin, Overrides, load_overrides


def _load(tmp_path: Path, text: str) -> Overrides:
    path = tmp_path / "overrides.yml"
    path.write_text(text, "utf-8")
    return load_overrides(path, "overrides.yml")


def test_valid_file(tmp_path: Path) -> None:
    o = _load(
        tmp_path,
        "articles:\n  a.txt:\n    date: 2020-02-17\n    reason: r\n"
        "actors:\n  Sana:\n    kind: organisation\n",
    )
    assert o.errors == () and o.warnings == ()
    assert [(e.section, e.key, e.line) for e in (*o.articles, *o.actors)] == [
        ("articles", "a.txt", 2),
        ("actors", "Sana", 6),
    ]


def test_missing_file_is_no_overrides(tmp_path: Path) -> None:
    o = load_overrides(tmp_path / "nope.yml")
    assert o == Overrides(str(tmp_path / "nope.yml"))


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
        "overrides.yml:3: kind 'persn' is not one of person, organisation, state, group "
        "(did you mean 'person'?)",
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
    assert [(e.where, e.section, e.key) for e in (*o.actors, *o.events, *o.places)] == [
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


def test_each_section_becomes_its_typed_record(tmp_path: Path) -> None:
    o = _load(
        tmp_path,
        "articles:\n  a.txt:\n    title: T\n    date: 2020-02-17\n    url: https://x\n    exclude: true\n"
        "actors:\n  Sana:\n    name: SANA\n    kind: organisation\n    aliases: [Sana news]\n"
        "    roles: [agency]\n    description: D.\n    reason: R.\n"
        "places:\n  Idlib:\n    lat: 35\n    lon: 36.6\n    split: [Idlib city]\n    hide: false\n"
        "events:\n  e-1:\n    date: 2011-03-15\n  e-2:\n    date: 2011\n  e-3:\n    article: a\n"
        "    sentence: Talks began\n    date: 2011-03\n"
        "figures:\n  f-1:\n    value: 3\n    low: 2.5\n    unit: km\n    counts: towns\n"
        "    qualifier: about\n",
    )
    assert o.errors == () and o.warnings == ()
    (article,) = o.articles
    assert article == ArticleOverride(
        key="a.txt",
        path="overrides.yml",
        line=2,
        lines=(("title", 3), ("date", 4), ("url", 5), ("exclude", 6)),
        title="T",
        date=dt.date(2020, 2, 17),
        url="https://x",
        exclude=True,
    )
    (actor,) = o.actors
    assert (actor.name, actor.kind, actor.aliases, actor.roles, actor.description, actor.reason) == (
        "SANA",
        "organisation",
        ("Sana news",),
        ("agency",),
        "D.",
        "R.",
    )
    assert (actor.split, actor.hide, actor.mentions) == ((), False, None)  # not written
    (place,) = o.places
    assert (place.lat, place.lon, place.split, place.hide, place.name) == (
        35,
        36.6,
        ("Idlib city",),
        False,
        None,
    )
    assert [(e.key, e.date, e.article, e.sentence) for e in o.events] == [
        ("e-1", "2011-03-15", None, None),
        ("e-2", "2011", None, None),
        ("e-3", "2011-03", "a", "Talks began"),
    ]
    (figure,) = o.figures
    assert (figure.value, figure.low, figure.high, figure.unit, figure.counts, figure.qualifier) == (
        3,
        2.5,
        None,
        "km",
        "towns",
        "about",
    )


def test_every_setting_keeps_its_line(tmp_path: Path) -> None:
    o = _load(tmp_path, "events:\n  e-1:\n    hide: false\n\n    date: 2011-03\n")
    (event,) = o.events
    assert event.where == "overrides.yml:2"
    assert event.where_of("date") == "overrides.yml:5"
    assert event.where_of("article") == "overrides.yml:2"  # not written: the override's own line
    with pytest.raises(ValueError, match="EventOverride has no setting 'dat'"):
        event.where_of("dat")


def test_each_pinned_mention_is_a_record_with_its_own_line(tmp_path: Path) -> None:
    (tmp_path / "overrides.yml").write_text("", "utf-8")
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "pins.yml").write_text(
        "places:\n  Aleppo:\n    mentions:\n      - {article: a, text: Halab}\n"
        "      - article: a\n        text: Aleppo\n        occurrence: 2\n      - {article: b, start: 40}\n",
        "utf-8",
    )
    (aleppo,) = load_overrides(tmp_path / "overrides.yml", "overrides.yml").places
    assert aleppo.mentions is not None
    assert [(p.where, p.article, p.text, p.occurrence, p.start) for p in aleppo.mentions] == [
        ("overrides/pins.yml:4", "a", "Halab", 1, None),
        ("overrides/pins.yml:5", "a", "Aleppo", 2, None),
        ("overrides/pins.yml:8", "b", None, 1, 40),
    ]
    assert aleppo.mentions[1].where_of("occurrence") == "overrides/pins.yml:7"
    assert aleppo.mentions[1] == MentionPin(
        path="overrides/pins.yml",
        line=5,
        lines=(("article", 5), ("text", 6), ("occurrence", 7)),
        article="a",
        text="Aleppo",
        occurrence=2,
    )


def test_a_wrong_setting_is_left_out_and_the_rest_of_the_override_kept(tmp_path: Path) -> None:
    o = _load(tmp_path, "actors:\n  Sana:\n    kind: agency\n    nme: SANA\n    hide: true\n")
    assert o.errors and o.warnings
    assert o.actors == (
        ActorOverride(key="Sana", path="overrides.yml", line=2, lines=(("hide", 5),), hide=True),
    )


def test_records_are_frozen(tmp_path: Path) -> None:
    (figure,) = _load(tmp_path, "figures:\n  f-1:\n    value: 3\n").figures
    with pytest.raises(dataclasses.FrozenInstanceError):
        figure.value = 4  # type: ignore[misc]  # the assignment under test is refused
