"""jsontext.dumps: the outer levels indented as json.dumps(indent=1) would, deeper values one per line."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.publish import jsontext


def _stdlib(data: object, indent: int | None = None) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=True, allow_nan=False)


scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=30,
)


@given(values)
def test_laid_out_all_the_way_down_it_is_the_standard_librarys_indented_text(data: object) -> None:
    assert jsontext.dumps(data, depth=100) == _stdlib(data, indent=1)


@given(values)
def test_laid_out_nowhere_it_is_the_standard_librarys_one_line(data: object) -> None:
    assert jsontext.dumps(data, depth=0) == _stdlib(data)


@given(values)
def test_it_parses_back_to_the_same_data(data: object) -> None:
    assert json.loads(jsontext.dumps(data)) == json.loads(_stdlib(data))


def test_records_in_lists_in_an_object_are_one_line_each() -> None:
    data = {"b": [{"x": 1, "a": "é\n"}, {"y": [1, 2]}], "a": 1, "c": {"k": {"z": None}}, "e": [], "f": {}}
    assert jsontext.dumps(data) == (
        '{\n "a": 1,\n "b": [\n  {"a": "é\\n", "x": 1},\n  {"y": [1, 2]}\n ],\n'
        ' "c": {\n  "k": {"z": null}\n },\n "e": [],\n "f": {}\n}'
    )


@pytest.mark.parametrize(
    "data",
    [
        {},
        [],
        {"b": [], "a": {}, "c": [1, 2.5, None, True, False, 'é\n"\\\u2028']},
        {"nested": {"deeper": [{"z": 1, "y": [[]]}]}},
        -0.0,
        10**30,
        1e300,
    ],
)
def test_edge_cases_are_the_standard_librarys(data: object) -> None:
    assert jsontext.dumps(data, depth=100) == _stdlib(data, indent=1)


@pytest.mark.parametrize("data", [float("nan"), {"x": [float("inf")]}, {"when": dt.date(2020, 1, 1)}])
def test_what_json_refuses_it_refuses_the_same_way(data: object) -> None:
    with pytest.raises((ValueError, TypeError)) as ours:
        jsontext.dumps(data)
    with pytest.raises((ValueError, TypeError)) as theirs:
        _stdlib(data)
    assert type(ours.value) is type(theirs.value) and str(ours.value) == str(theirs.value)


def test_an_object_on_one_line_has_its_keys_turned_into_strings_as_json_dumps_does() -> None:
    assert (
        jsontext.dumps([{2: "an int key", 1: "another"}], depth=1)
        == '[\n {"1": "another", "2": "an int key"}\n]'
    )


def test_an_indented_object_needs_string_keys_and_names_the_others() -> None:
    with pytest.raises(TypeError) as raised:
        jsontext.dumps({2: "an int key", "fine": 1, 1.5: "a float key"})
    assert str(raised.value) == "keys of an indented object must be strings, not 1.5, 2"
