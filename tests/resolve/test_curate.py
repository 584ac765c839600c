"""Curation: every kind of override, its curation trail, and the problems it reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.model import (
    Actor,
    Analysis,
    Article,
    Event,
    Figure,
    FigureMention,
    Mention,
    Place,
    Span,
    Timex,
)
from generator.read.overrides import ActorOverride, MentionPin, Overrides, load_overrides
from generator.read.seeds import split_paragraphs
from generator.resolve.curate import curate, curate_events, curate_figures, dated

BODY = (
    "President Bashar al-Assad spoke in Damascus. Assad said the army would press on.\n"
    "Hafez Assad ruled before him. Sana reported it from Damscus.\n"
)
ART = "a1"
SENTENCES = ((0, 44), (45, 80), (81, 110), (111, 141))


def _span(text: str, occurrence: int = 1) -> Span:
    start = -1
    for _ in range(occurrence):
        start = BODY.index(text, start + 1)
    return Span(ART, start, start + len(text), text)


def _mention(text: str, kind: str, occurrence: int = 1, name: str | None = None) -> Mention:
    span = _span(text, occurrence)
    sentence = next(s for s in SENTENCES if s[0] <= span.start < s[1])
    return Mention(span, name or text, kind, "PERSON" if kind == "person" else "GPE", sentence)


def _analysis() -> Analysis:
    article = Article(ART, "a1.md", "T", dt.date(2020, 2, 17), "", "", BODY, split_paragraphs(BODY))
    return Analysis(article, SENTENCES, (), (), (), ())


def _actors() -> list[Actor]:
    # The machine merged "Hafez Assad" into Bashar by the shared surname: a wrong merge.
    assad = Actor(
        "",
        "Bashar al-Assad",
        "person",
        ("Assad", "Hafez Assad"),
        ("President",),
        (
            _mention("Bashar al-Assad", "person"),
            _mention("Assad", "person", 2),
            _mention("Hafez Assad", "person"),
        ),
    )
    sana = Actor("", "Sana", "person", (), (), (_mention("Sana", "person"),))
    return [assad, sana]


def _places() -> list[Place]:
    return [
        Place("", "Damascus", "city", 33.5, 36.3, (), (_mention("Damascus", "place"),)),
        Place("", "Damscus", "place", None, None, (), (_mention("Damscus", "place"),)),
    ]


def _overrides(tmp_path: Path, text: str) -> Overrides:
    path = tmp_path / "overrides.yml"
    path.write_text(text, "utf-8")
    result = load_overrides(path, "overrides.yml")
    assert result.errors == (), result.errors
    return result


def _curate(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    return curate(_actors(), _places(), _overrides(tmp_path, text), [_analysis()])


def test_rename_kind_description_and_trail(tmp_path: Path) -> None:
    c = _curate(
        tmp_path,
        "actors:\n  Sana:\n    name: SANA\n    kind: organisation\n"
        "    description: State news agency.\n    reason: It is an acronym.\n",
    )
    sana = next(a for a in c.actors if a.name == "SANA")
    assert (sana.id, sana.kind, sana.aliases) == ("sana", "organisation", ("Sana",))
    assert sana.curated == (
        "renamed from “Sana”, kind set to organisation, description written: It is an acronym.",
    )
    assert c.descriptions == {"sana": "State news agency."}
    assert c.errors == () and c.warnings == ()


def test_split_a_wrong_merge(tmp_path: Path) -> None:
    c = _curate(
        tmp_path, "actors:\n  Bashar al-Assad:\n    split: [Hafez Assad]\n    reason: Father and son.\n"
    )
    by_name = {a.name: a for a in c.actors}
    assert [m.span.text for m in by_name["Bashar al-Assad"].mentions] == ["Bashar al-Assad", "Assad"]
    assert by_name["Bashar al-Assad"].aliases == ("Assad",)
    hafez = by_name["Hafez Assad"]
    assert (hafez.id, hafez.kind, [m.span.text for m in hafez.mentions]) == (
        "hafez-assad",
        "person",
        ["Hafez Assad"],
    )
    assert hafez.curated == ("split from “Bashar al-Assad”: Father and son.",)
    assert by_name["Bashar al-Assad"].curated == ("split off “Hafez Assad”: Father and son.",)


def test_split_of_an_unknown_alias_suggests(tmp_path: Path) -> None:
    c = _curate(tmp_path, "actors:\n  Bashar al-Assad:\n    split: [Hafez Asad]\n")
    assert c.errors == (
        "overrides.yml:2: cannot split: no mention of 'Bashar al-Assad' named 'Hafez Asad' "
        "(did you mean 'Hafez Assad'?)",
    )


def test_merge_places_and_set_coordinates(tmp_path: Path) -> None:
    c = _curate(
        tmp_path,
        "places:\n  Damascus:\n    aliases: [Damscus]\n    lat: 33.51\n    lon: 36.29\n"
        "    reason: A typo in the article.\n",
    )
    (damascus,) = c.places
    assert (damascus.name, damascus.aliases, damascus.lat, damascus.lon) == (
        "Damascus",
        ("Damscus",),
        33.51,
        36.29,
    )
    assert [m.span.text for m in damascus.mentions] == ["Damascus", "Damscus"]
    assert damascus.curated == ("merged “Damscus”, coordinates set: A typo in the article.",)


def test_hide_and_roles(tmp_path: Path) -> None:
    c = _curate(tmp_path, "actors:\n  Sana:\n    hide: true\n  Assad:\n    roles: [President of Syria]\n")
    (assad,) = c.actors
    assert assad.roles == ("President of Syria",)  # one role: the curator's spelling of it
    assert assad.curated == ("roles added: President of Syria",)


def test_pin_mention_by_text_and_occurrence_moves_it(tmp_path: Path) -> None:
    text = (
        "actors:\n  Hafez al-Assad:\n    mentions:\n      - {article: a1, text: Assad, occurrence: 2}\n"
        "    kind: person\n"
    )
    c = _curate(tmp_path, text)
    by_name = {a.name: a for a in c.actors}
    # "Hafez al-Assad" was no actor of its own: pinning a mention creates it.
    assert [m.span.start for m in by_name["Hafez al-Assad"].mentions] == [_span("Assad", 2).start]
    assert by_name["Hafez al-Assad"].curated == ("added by the curator", "1 mention pinned")
    assert _span("Assad", 2).start not in [m.span.start for m in by_name["Bashar al-Assad"].mentions]


def test_pin_by_offset_and_problems(tmp_path: Path) -> None:
    start = _span("Sana").start
    text = (
        f"actors:\n  Bashar al-Assad:\n    mentions:\n      - {{article: a1, start: {start}}}\n"
        "      - {article: a11, text: Assad}\n      - {article: a1, text: Assad, occurrence: 9}\n"
        "      - {article: a1, text: Bashar al-Assad}\n"
    )
    c = _curate(tmp_path, text)
    assert "Sana" not in {a.name for a in c.actors}  # its only mention moved
    assert c.errors == (
        "overrides.yml:5: no article with the id 'a11' (did you mean 'a1'?)",
        "overrides.yml:6: 'Assad' (occurrence 9) is not in article 'a1'",
    )
    assert c.warnings == (
        "overrides.yml:7: 'Bashar al-Assad' in 'a1' is already a mention of "
        "'Bashar al-Assad'; nothing to pin",
    )


def test_unknown_name_is_an_error_with_did_you_mean_or_a_stale_warning(tmp_path: Path) -> None:
    c = _curate(
        tmp_path,
        "actors:\n  Bashar al-Asad:\n    kind: person\n  Xyzzy Corp:\n    hide: true\n"
        "places:\n  Damascus:\n    aliases: [Damascus, Alepo]\n",
    )
    assert c.errors == ("overrides.yml:2: no actor named 'Bashar al-Asad' (did you mean 'Bashar al-Assad'?)",)
    assert c.warnings == (
        "overrides.yml:4: no actor named 'Xyzzy Corp'; the override matches nothing and is ignored (stale?)",
        "overrides.yml:7: 'Damascus' is already a name of 'Damascus'; nothing to merge",
        "overrides.yml:7: cannot merge 'Alepo' into 'Damascus': no place named 'Alepo'; "
        "the override matches nothing and is ignored (stale?)",
    )


def test_names_colliding_on_one_slug_get_distinct_stable_ids(tmp_path: Path) -> None:
    c = _curate(
        tmp_path,
        "actors:\n  Sana:\n    name: Al-Qaeda\n    kind: person\n  Bashar al-Assad:\n    name: Al Qaeda\n",
    )
    assert sorted(a.id for a in c.actors) == ["al-qaeda", "al-qaeda-2"]
    assert (
        curate(
            _actors(),
            _places(),
            _overrides(tmp_path, (tmp_path / "overrides.yml").read_text()),
            [_analysis()],
        ).actors
        == c.actors
    )


def test_names_with_slashes_and_dots_stay_in_their_folder(tmp_path: Path) -> None:
    c = _curate(tmp_path, "actors:\n  Sana:\n    name: ../../etc/passwd\n  Assad:\n    name: ..\n")
    ids = sorted(a.id for a in c.actors)
    assert all("/" not in i and ".." not in i and i for i in ids)
    assert ids[0] == "etc-passwd"


def _event(ident: str, start: int, value: str, day: dt.date) -> Event:
    timex = Timex(Span(ART, start, start + 6, "Monday"), "DATE", value, begin=day, end=day, precision="day")
    return Event(ident, timex, Span(ART, 0, 44, BODY[:44]), (), ())


def test_events_redate_hide_add(tmp_path: Path) -> None:
    events = [
        _event("a1-10", 10, "2020-02-17", dt.date(2020, 2, 17)),
        _event("a1-50", 50, "2020-02-17", dt.date(2020, 2, 17)),
    ]
    o = _overrides(
        tmp_path,
        "events:\n  a1-10:\n    date: 2011-03\n    reason: The uprising.\n"
        "  a1-50:\n    hide: true\n"
        "  hafez-rule:\n    article: a1\n    sentence: Hafez Assad ruled\n    date: 1971\n"
        "  a1-11:\n    hide: true\n  zz-99:\n    hide: true\n",
    )
    result, errors, warnings = curate_events(events, o, [_analysis()], lambda a, s, e: (("x",), ()))
    assert errors == ["overrides.yml:11: no event named 'a1-11' (did you mean 'a1-10'?)"]
    assert warnings == [
        "overrides.yml:13: no event named 'zz-99'; the override matches nothing and is ignored (stale?)"
    ]
    assert [(e.id, e.timex.value, e.timex.begin, e.timex.end, e.timex.precision) for e in result] == [
        ("hafez-rule", "1971", dt.date(1971, 1, 1), dt.date(1971, 12, 31), "year"),
        ("a1-10", "2011-03", dt.date(2011, 3, 1), dt.date(2011, 3, 31), "month"),
    ]
    assert result[0].sentence.text == "Hafez Assad ruled before him." and result[0].actors == ("x",)
    assert result[0].curated == ("added by the curator",)
    assert result[1].curated == ("re-dated from 2020-02-17: The uprising.",)


def test_new_event_problems(tmp_path: Path) -> None:
    o = _overrides(
        tmp_path,
        "events:\n  e1:\n    article: a11\n    sentence: x\n    date: 2020\n"
        "  e2:\n    article: a1\n    sentence: not in the text\n    date: 2020\n"
        "  e3:\n    article: a1\n    sentence: Assad\n",
    )
    _result, errors, _warnings = curate_events([], o, [_analysis()], lambda a, s, e: ((), ()))
    assert errors == [
        "overrides.yml:2: no article with the id 'a11' (did you mean 'a1'?)",
        "overrides.yml:6: the words 'not in the text' are not in article 'a1'",
        "overrides.yml:10: a new event needs a 'date'",
    ]


def test_figures_hide_and_correct(tmp_path: Path) -> None:
    def fig(ident: str, start: int) -> Figure:
        mention = FigureMention(Span(ART, start, start + 3, "two"), 2.0, 2.0, 2.0, "", "", "cities")
        return Figure(ident, mention, "", Span(ART, 0, 44, BODY[:44]), (), ())

    o = _overrides(
        tmp_path,
        "figures:\n  a1-5:\n    hide: true\n  a1-9:\n    value: 3\n    counts: largest cities\n"
        "    reason: Three are named.\n",
    )
    result, errors, warnings = curate_figures([fig("a1-5", 5), fig("a1-9", 9)], o)
    (figure,) = result
    assert (figure.mention.value, figure.mention.low, figure.mention.high, figure.mention.counts) == (
        3.0,
        3.0,
        3.0,
        "largest cities",
    )
    assert figure.curated == ("value corrected, counts corrected: Three are named.",)
    assert errors == [] and warnings == []


def test_a_new_event_without_sentence_is_reported_once_by_the_loader(tmp_path: Path) -> None:
    path = tmp_path / "overrides.yml"
    path.write_text("events:\n  e1:\n    article: a1\n    date: 2020\n", "utf-8")
    o = load_overrides(path, "overrides.yml")
    assert o.errors == ("overrides.yml:2: a new event needs both 'article' and 'sentence'",)
    # curate_events used to raise KeyError('sentence') here.
    assert curate_events([], o, [_analysis()], lambda a, s, e: ((), ())) == ([], [], [])


def test_events_headline_and_status_are_corrected_with_a_trail(tmp_path: Path) -> None:
    events = [_event("a1-10", 10, "2020-02-17", dt.date(2020, 2, 17))]
    o = _overrides(
        tmp_path,
        "events:\n  a1-10:\n    headline: Assad vows to press on\n    status: threatened\n"
        "  new-one:\n    article: a1\n    sentence: Hafez Assad ruled\n    date: 1971\n    status: ongoing\n",
    )
    result, errors, _warnings = curate_events(events, o, [_analysis()], lambda a, s, e: ((), ()))
    assert errors == []
    assert [(e.id, e.headline, e.status) for e in result] == [
        ("new-one", "", "ongoing"),
        ("a1-10", "Assad vows to press on", "threatened"),
    ]
    assert result[1].curated == ("headline rewritten, status changed from happened",)


def test_an_unknown_event_status_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "overrides.yml"
    path.write_text("events:\n  a1-10:\n    status: schedule\n", "utf-8")
    (error,) = load_overrides(path, "overrides.yml").errors
    assert error.startswith("overrides.yml:3: status 'schedule' is not one of happened, reported"), error
    assert "did you mean 'scheduled'?" in error


def _with_unlisted() -> list[Actor]:
    """The actors, and "Assad" once more as a candidate the junk filter left out."""
    junk = Actor(
        "", "Assad", "organisation", (), (), (_mention("Assad", "organisation", 2),), unlisted="a product"
    )
    return [junk, *_actors()]  # first, as resolution sorts "assad" before "bashar al-assad"


def test_an_unlisted_candidate_is_kept_apart_for_the_curators(tmp_path: Path) -> None:
    c = curate(_with_unlisted(), _places(), _overrides(tmp_path, ""), [_analysis()])
    assert [(a.name, a.kind, a.unlisted) for a in c.unlisted] == [("Assad", "organisation", "a product")]
    assert "Assad" not in {a.name for a in c.actors}
    assert all(a.id for a in c.actors) and not c.unlisted[0].id


def test_listed_true_brings_a_filtered_name_back(tmp_path: Path) -> None:
    c = curate(
        [a for a in _with_unlisted() if a.unlisted],
        _places(),
        _overrides(tmp_path, "actors:\n  Assad:\n    listed: true\n    reason: The tagger was right.\n"),
        [_analysis()],
    )
    assert c.unlisted == ()
    (assad,) = c.actors
    assert (assad.id, assad.name, assad.unlisted) == ("assad", "Assad", "")
    assert assad.curated == ("listed although the junk filter said: a product: The tagger was right.",)


def test_an_override_names_the_listed_page_before_an_unlisted_namesake(tmp_path: Path) -> None:
    """ "Assad" is an alias of Bashar al-Assad and the name of an unlisted candidate."""
    c = curate(
        _with_unlisted(),
        _places(),
        _overrides(tmp_path, "actors:\n  Assad:\n    description: Syria's president.\n"),
        [_analysis()],
    )
    assert c.descriptions == {"bashar-al-assad": "Syria's president."}
    assert [a.name for a in c.unlisted] == ["Assad"]


# Issue 9: curation problems that used to crash or pass silently


def test_renaming_an_actor_to_another_actors_name_points_to_aliases(tmp_path: Path) -> None:
    c = _curate(tmp_path, "actors:\n  Sana:\n    name: bashar al-assad\n")
    assert c.errors == (
        "overrides.yml:3: cannot rename 'Sana' to 'bashar al-assad': another actor is called "
        "'Bashar al-Assad'; to make them one, list 'Sana' under 'aliases:' of 'Bashar al-Assad' instead",
    )
    assert sorted(a.name for a in c.actors) == ["Bashar al-Assad", "Sana"]  # not two pages of one name
    c = _curate(tmp_path, "actors:\n  Sana:\n    name: Hafez Assad\n")  # an alias is a name too
    assert "another actor is called 'Bashar al-Assad'" in c.errors[0]


def test_a_pin_at_a_negative_offset_matches_nothing(tmp_path: Path) -> None:
    # the loader refuses it; curation, handed one anyway, must not count from the end of the body
    assert BODY.endswith("Damscus.\n")
    pin = MentionPin(path="overrides.yml", line=4, article=ART, text="Damscus.", start=-len("Damscus.\n"))
    entry = ActorOverride(path="overrides.yml", line=2, key="Sana", mentions=(pin,))
    overrides = Overrides("overrides.yml", actors=(entry,))
    c = curate(_actors(), _places(), overrides, [_analysis()])
    assert c.errors == ("overrides.yml:4: 'Damscus.' (occurrence 1) is not in article 'a1'",)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2020-02-30", "'2020-02-30' is not a date on the calendar (day is out of range for month)"),
        ("2020-13", "'2020-13' is not a date on the calendar (month must be in 1..12)"),
        ("0000", "'0000' is not a date on the calendar (year 0 is out of range)"),
    ],
)
def test_dated_refuses_a_date_off_the_calendar_with_a_message(value: str, message: str) -> None:
    timex = Timex(_span("Assad"), "DATE", "2020-02-17")
    with pytest.raises(ValueError) as raised:
        dated(timex, value)
    assert str(raised.value) == message


def test_dated_takes_the_day_of_a_datetime() -> None:
    timex = dated(Timex(_span("Assad"), "DATE", "2020-02-17"), dt.datetime(2020, 2, 3, 10, 0))
    assert (timex.value, timex.begin, timex.end, timex.precision) == (
        "2020-02-03",
        dt.date(2020, 2, 3),
        dt.date(2020, 2, 3),
        "day",
    )


def test_a_figure_correction_that_leaves_low_above_high_is_an_error(tmp_path: Path) -> None:
    mention = FigureMention(_span("Assad"), None, 200.0, 250.0, "", "", "cities")
    figure = Figure("a1-9", mention, "", Span(ART, 0, 44, BODY[:44]), (), ())
    o = _overrides(tmp_path, "figures:\n  a1-9:\n    low: 300\n")
    result, errors, _warnings = curate_figures([figure], o)
    assert errors == [
        "overrides.yml:2: with this correction, low 300 is more than high 250; "
        "a figure needs low <= value <= high"
    ]
    assert result == [figure]
