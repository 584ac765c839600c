"""Properties of reading (issue 9): any bytes in seeds/ and any YAML in the overrides give records or messages.

- ingest: front matter of any shape, any encoding (UTF-8 with or without BOM, UTF-16,
  Latin-1, random bytes) and any line endings never raise; every problem is a message
  starting with the file; every article's body has `\\n` newlines only, and its
  paragraphs lie inside it and are not blank;
- overrides: any YAML never raises; every problem starts with `file:line`; every
  setting that passes is valid (finite figure values with low <= value <= high,
  event dates on the calendar, non-empty names and pinned words).
"""

from __future__ import annotations

import datetime as dt
import math
import string
import tempfile
from pathlib import Path

import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from generator.dates import curated_period
from generator.read.overrides import Overrides, load_overrides
from generator.read.seeds import read_seeds
from tests.property.grammar import sentence

FOLDER = Path(tempfile.mkdtemp(prefix="seeds-"))
"""One folder for every example: emptied and refilled, which is cheaper than a new one each time."""
FRONT_KEYS = ["title", "date", "source", "url", "license", "titel", "tags", ""]
yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.dates(),
    st.datetimes(),
    st.sampled_from(["2020-02-30", "0000", "2020-13-45", "2020-00", ".nan", ".inf", "", " ", "9" * 400]),
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _front_matter(meta: dict[str, object]) -> str:
    try:
        return "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n"
    except yaml.YAMLError:
        return ""


files = st.builds(
    lambda meta, raw, body, encoding, newline, broken: (
        broken
        if broken is not None
        else ((_front_matter(meta) if raw is None else raw) + body.replace("\n", newline)).encode(
            encoding, errors="replace"
        )
    ),
    st.dictionaries(st.sampled_from(FRONT_KEYS), yaml_values, max_size=4),
    st.one_of(
        st.none(),
        st.sampled_from(
            ["---\n", "---\ntitle: [unclosed\n---\n", "---\ndate: 2020-02-30\n---\n", "---\n---\n"]
        ),
    ),
    st.lists(sentence(), min_size=0, max_size=4).map("\n".join),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1", "cp1252"]),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.one_of(st.none(), st.binary(max_size=200)),
)


@given(contents=st.lists(files, min_size=1, max_size=3))
@example(contents=["\u200b\u200d\n\ufeff".encode("utf-8"), "Aleppo fell.".encode("utf-16")])
def test_any_seed_folder_reads_into_articles_or_messages(contents: list[bytes]) -> None:
    folder = FOLDER
    for old in folder.iterdir():
        old.unlink()
    names = [f"a{i}{'.md' if i % 2 else '.txt'}" for i in range(len(contents))]
    for name, data in zip(names, contents, strict=True):
        (folder / name).write_bytes(data)
    read = read_seeds(folder, Overrides("overrides.yml"))
    for message in (*read.errors, *read.warnings):
        assert message.startswith(f"{folder}/"), message
    named = {m.split(":")[0].removeprefix(f"{folder}/") for m in read.errors}
    assert len(read.articles) + len(named) <= len(names)
    for art in read.articles:
        assert "\r" not in art.body and art.line >= 1
        for para in art.paragraphs:
            assert 0 <= para.start < para.end <= len(art.body)
            assert art.body[para.start : para.end].strip()


overrides_documents = st.one_of(
    st.dictionaries(
        st.sampled_from(["articles", "actors", "places", "events", "figures", "actor", "other"]),
        st.one_of(
            yaml_values,
            st.dictionaries(
                st.one_of(st.text(max_size=10), st.integers()),
                st.one_of(
                    yaml_values,
                    st.dictionaries(
                        st.sampled_from(
                            [
                                "name",
                                "kind",
                                "aliases",
                                "split",
                                "roles",
                                "hide",
                                "date",
                                "value",
                                "low",
                                "high",
                                "lat",
                                "lon",
                                "mentions",
                                "article",
                                "sentence",
                                "text",
                                "reason",
                                "exclude",
                                "url",
                                "title",
                            ]
                        ),
                        st.one_of(
                            yaml_values,
                            st.lists(
                                st.fixed_dictionaries(
                                    {"article": st.text(max_size=5)},
                                    optional={
                                        "text": st.text(max_size=5),
                                        "start": st.integers(-5, 10),
                                        "occurrence": st.integers(-1, 3),
                                    },
                                ),
                                max_size=2,
                            ),
                        ),
                        max_size=4,
                    ),
                ),
                max_size=3,
            ),
        ),
        max_size=4,
    ).map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
    st.text(max_size=200),
    st.sampled_from(
        ["events:\n  e:\n    date: 2020-02-30\n", "figures:\n  f:\n    value: " + "9" * 400 + "\n", "[" * 300]
    ),
)


@given(text=overrides_documents)
@example(text="figures:\n  f:\n    value: .nan\n    low: 5\n    high: 2\n")
def test_any_overrides_file_loads_into_valid_records_or_located_messages(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "overrides.yml"
        path.write_text(text, "utf-8", errors="surrogatepass")
        loaded = load_overrides(path, "overrides.yml")
    for message in (*loaded.errors, *loaded.warnings):
        assert message.startswith("overrides.yml:"), message
        head = message.split(":")
        assert head[1].strip() == "" or head[1].isdigit() or head[1].startswith(" "), message
    for figure in loaded.figures:
        given_values = [v for v in (figure.low, figure.value, figure.high) if v is not None]
        assert all(isinstance(v, float) and math.isfinite(v) for v in given_values)
        assert given_values == sorted(given_values)
    for event in loaded.events:
        if event.date is not None:
            curated_period(event.date)  # raises when the loader let a date off the calendar through
    for entity in (*loaded.actors, *loaded.places):
        assert entity.name is None or entity.name.strip()
        for pin in entity.mentions or ():
            assert pin.text is None or pin.text.strip()
            assert pin.start is None or pin.start >= 0


@given(
    value=st.one_of(st.text(string.digits + "-T:Z ", max_size=12), st.integers(), st.dates(), st.datetimes())
)
def test_a_curated_date_is_a_period_or_a_message(value: object) -> None:
    try:
        text, begin, end, precision = curated_period(value)
    except ValueError as exc:
        assert str(exc).startswith("'")
        return
    assert begin <= end and precision in ("day", "month", "year")
    assert not isinstance(value, dt.datetime)
    assert text[:4] == f"{begin.year:04d}"
