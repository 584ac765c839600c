"""yamlio.load: libyaml parses when PyYAML has it, with PyYAML's own results and messages."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from generator.read import yamlio

DOCUMENTS = [
    'title: "BAHIA COCOA REVIEW"\ndate: 1987-02-26\nsource: Reuters\n',
    "title: 'It''s 5: a colon'\nurl: https://example.org/a?b=c#d\nlicense: CC BY 4.0\n",
    "actors:\n  Tim Cook:\n    aliases: [Cook, 'Timothy D. Cook']\n    reason: >\n      folded\n      text\n",
    "date: 2020-02-17T10:00:00Z\nlist:\n  - 1\n  - 2.5\n  - ~\n  - yes\n",
    "",
]


def _pure(text: str) -> object:
    return yaml.load(text, Loader=yamlio._Loader)


@pytest.mark.parametrize("text", DOCUMENTS)
def test_the_result_and_its_lines_are_pyyamls(text: str) -> None:
    ours, pure = yamlio.load(text, "x.yml"), _pure(text)
    assert ours == pure
    if isinstance(pure, yamlio.LineDict):
        assert isinstance(ours, yamlio.LineDict)
        assert (ours.line, ours.key_lines) == (pure.line, pure.key_lines)


def test_libyaml_parses_when_pyyaml_has_it() -> None:
    assert (yamlio._FastLoader is not None) == bool(yaml.__with_libyaml__)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\na: 2\n", "x.yml:2: invalid YAML: duplicate key 'a' (first on line 1)"),
        ("date: 2020-02-30\n", "x.yml:1: '2020-02-30' is not a date on the calendar"),
        ("a: [1, 2\n", "x.yml:2: invalid YAML: expected ',' or ']', but got '<stream end>'"),
    ],
)
def test_a_broken_document_gets_pyyamls_message(
    text: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ValueError) as caught:
        yamlio.load(text, "x.yml")
    assert str(caught.value).startswith(message)
    monkeypatch.setattr(yamlio, "_FastLoader", None)
    with pytest.raises(ValueError) as pure:
        yamlio.load(text, "x.yml")
    assert str(caught.value) == str(pure.value)


def test_dates_are_dates() -> None:
    assert yamlio.load("date: 1987-02-26\n", "x.yml") == {"date": dt.date(1987, 2, 26)}
