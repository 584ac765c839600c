"""jsontext.dumps writes exactly what json.dumps(indent=1, sort_keys=True, ensure_ascii=False) writes."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.publish import jsontext


def _stdlib(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False)


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
def test_the_text_is_the_standard_librarys(data: object) -> None:
    assert jsontext.dumps(data) == _stdlib(data)


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
        {2: "an int key", 1: "another"},  # left to json.dumps, which turns the keys into strings
    ],
)
def test_edge_cases_are_the_standard_librarys(data: object) -> None:
    assert jsontext.dumps(data) == _stdlib(data)


@pytest.mark.parametrize("data", [float("nan"), {"x": [float("inf")]}, {"when": dt.date(2020, 1, 1)}])
def test_what_json_refuses_it_refuses_the_same_way(data: object) -> None:
    with pytest.raises((ValueError, TypeError)) as ours:
        jsontext.dumps(data)
    with pytest.raises((ValueError, TypeError)) as theirs:
        _stdlib(data)
    assert type(ours.value) is type(theirs.value) and str(ours.value) == str(theirs.value)
