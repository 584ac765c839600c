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


# Issue 9: every bad value is a file:line error, never a traceback or a silent NaN


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("'2020-02-30'", "date '2020-02-30' is not a date on the calendar (day is out of range for month)"),
        ("'2020-13-45'", "date '2020-13-45' is not a date on the calendar (month must be in 1..12)"),
        ("'0000'", "date '0000' is not a date on the calendar (year 0 is out of range)"),
        ("0000", "date '0000' is not a date on the calendar (year 0 is out of range)"),
        ("'2020-00'", "date '2020-00' is not a date on the calendar (month must be in 1..12)"),
        ("'20-2-3'", "date '20-2-3' must be YYYY-MM-DD, YYYY-MM or YYYY"),
        (
            "2020-02-15T10:00:00Z",
            "date '2020-02-15T10:00:00+00:00' has a time of day; write only the date, YYYY-MM-DD",
        ),
    ],
)
def test_an_event_date_off_the_calendar_is_an_error(tmp_path: Path, written: str, problem: str) -> None:
    o = _load(tmp_path, f"events:\n  a1-10:\n    date: {written}\n")
    assert o.errors == (f"overrides.yml:3: {problem}",)  # an error stops the build


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("2020-02-30", "day is out of range for month"),
        ("0000-01-01", "year 0 is out of range"),
        ("2020-13-01", "month must be in 1..12"),
    ],
)
def test_an_unquoted_date_off_the_calendar_names_its_line(tmp_path: Path, written: str, reason: str) -> None:
    # PyYAML raised a bare ValueError, shown as "error: day is out of range for month" with no file
    o = _load(tmp_path, f"articles:\n  a.txt:\n    title: T\n    date: {written}\n")
    assert o.errors == (
        f"overrides.yml:4: '{written}' is not a date on the calendar ({reason}); write a real date as YYYY-MM-DD",
    )


@pytest.mark.parametrize(
    ("settings", "problem"),
    [
        ("value: " + "9" * 400, "overrides.yml:3: value has 400 digits; it is too large to be a figure"),
        ("value: .nan", "overrides.yml:3: value must be a number, not nan"),
        ("high: .inf", "overrides.yml:3: high must be a number, not inf"),
        ("low: -.inf", "overrides.yml:3: low must be a number, not -inf"),
        (
            "low: 5\n    high: 2",
            "overrides.yml:2: low 5 is more than high 2; a figure needs low <= value <= high",
        ),
        (
            "value: 10\n    high: 2",
            "overrides.yml:2: value 10 is more than high 2; a figure needs low <= value <= high",
        ),
    ],
    ids=["400 digits", "nan", "inf", "-inf", "low > high", "value > high"],
)
def test_a_figure_value_that_is_no_number_is_an_error(tmp_path: Path, settings: str, problem: str) -> None:
    o = _load(tmp_path, f"figures:\n  a1-9:\n    {settings}\n")
    assert o.errors == (problem,)  # an error stops the build


@pytest.mark.parametrize("name", ["''", "'   '"])
def test_renaming_to_nothing_is_an_error(tmp_path: Path, name: str) -> None:
    o = _load(tmp_path, f"actors:\n  Sana:\n    name: {name}\nplaces:\n  Aleppo:\n    name: {name}\n")
    assert o.errors == (
        "overrides.yml:3: 'name' must be non-empty text; to drop an entry write 'hide: true'",
        "overrides.yml:6: 'name' must be non-empty text; to drop an entry write 'hide: true'",
    )


@pytest.mark.parametrize(
    ("pin", "problem"),
    [
        (
            "{article: a1, text: ''}",
            "overrides.yml:4: 'text' of a pinned mention must be the words of the name",
        ),
        (
            "{article: a1, text: '  '}",
            "overrides.yml:4: 'text' of a pinned mention must be the words of the name",
        ),
        ("{article: a1, start: -5}", "overrides.yml:4: 'start' is an offset into the article body, from 0"),
    ],
)
def test_a_pin_that_names_no_words_is_an_error(tmp_path: Path, pin: str, problem: str) -> None:
    o = _load(tmp_path, f"actors:\n  Sana:\n    mentions:\n      - {pin}\n")
    assert o.errors == (problem,)


def test_the_same_words_pinned_to_two_actors_is_an_error(tmp_path: Path) -> None:
    o = _load(
        tmp_path,
        "actors:\n  Sana:\n    mentions:\n      - {article: a1, text: Assad, occurrence: 2}\n"
        "  Hafez Assad:\n    mentions:\n      - {article: a1, text: Assad, occurrence: 2}\n"
        "places:\n  Damascus:\n    mentions:\n      - {article: a1, start: 36}\n"
        "  Syria:\n    mentions:\n      - {article: a1, start: 36}\n",
    )
    assert o.errors == (
        "overrides.yml:7: 'Assad' (occurrence 2) in 'a1' is already pinned to 'Sana' at overrides.yml:4; "
        "a mention belongs to one actor or place",
        "overrides.yml:14: offset 36 in 'a1' is already pinned to 'Damascus' at overrides.yml:11; "
        "a mention belongs to one actor or place",
    )
