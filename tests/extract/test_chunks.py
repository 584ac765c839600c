"""Long articles in chunks (`generator.extract.chunks`): cutting, blanking non-words, joining offsets back."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.chunks import blank_non_words, join, split
from generator.model import Analysis, Article, Span
from tests.records import analysis, article, figure, mention, quote, timex

URL = "https://example.org/" + "a1b2" * 20


@pytest.mark.parametrize(
    ("text", "blanked"),
    [
        ("", ""),
        ("x" * 63, "x" * 63),  # a long word, but a word
        ("x" * 64, " " * 64),
        (f"see {URL} now", f"see {' ' * len(URL)} now"),
        (f"{URL}\n{URL}", f"{' ' * len(URL)}\n{' ' * len(URL)}"),
        ("x" * 40 + "\n" + "x" * 40, "x" * 40 + "\n" + "x" * 40),  # a newline ends a run
        ("data:image/png;base64," + "A" * 100 + " caption", " " * 122 + " caption"),
    ],
)
def test_blank_non_words(text: str, blanked: str) -> None:
    assert blank_non_words(text) == blanked
    assert len(blank_non_words(text)) == len(text)


def test_a_short_article_is_one_piece_and_kept_as_it_is() -> None:
    art = article("Assad spoke.\nErdogan answered.")
    assert split(art) == [(0, art)]
    assert split(art)[0][1] is art


def test_a_short_article_with_a_non_word_is_one_blanked_piece() -> None:
    art = article(f"Assad posted {URL} today.")
    ((offset, piece),) = split(art)
    assert offset == 0 and piece.body == blank_non_words(art.body) and piece.paragraphs == art.paragraphs


def _check_pieces(art: Article, limit: int) -> list[tuple[int, Article]]:
    """Split, and check what every split must hold; return the pieces."""
    pieces = split(art, limit)
    body = blank_non_words(art.body)
    assert "".join(p.body for _o, p in pieces) == body
    assert [o for o, _p in pieces] == [sum(len(p.body) for _o, p in pieces[:i]) for i in range(len(pieces))]
    for offset, piece in pieces:
        assert 0 < len(piece.body) <= limit
        assert [p.index for p in piece.paragraphs] == list(range(len(piece.paragraphs)))
        for para in piece.paragraphs:
            assert 0 <= para.start <= para.end <= len(piece.body)
            assert piece.body[para.start : para.end] == body[offset + para.start : offset + para.end]
    return pieces


@pytest.mark.parametrize(
    ("body", "limit", "bodies"),
    [
        ("one two\nthree four\nfive", 10, ["one two\n", "three ", "four\nfive"]),  # the newline lies past 10
        ("one two\nthree four\nfive", 11, ["one two\n", "three four\n", "five"]),
        ("one two three four five", 10, ["one two ", "three ", "four five"]),  # no newline: cut at a space
        ("abcdefghijklmnopqrstuvwxyz", 10, ["abcdefghij", "klmnopqrst", "uvwxyz"]),  # no space: cut hard
        ("a\nb\nc\nd", 4, ["a\nb\n", "c\nd"]),
        ("one two\nthree four\nfive", 100, ["one two\nthree four\nfive"]),
    ],
)
def test_pieces_are_cut_at_the_last_newline_else_a_space(body: str, limit: int, bodies: list[str]) -> None:
    assert [p.body for _o, p in _check_pieces(article(body), limit)] == bodies


def test_a_paragraph_across_a_cut_is_clipped_into_both_pieces() -> None:
    art = article("A first paragraph that runs long.\nShort one.")
    pieces = _check_pieces(art, 20)
    assert [(o, p.body) for o, p in pieces] == [
        (0, "A first paragraph "),
        (18, "that runs long.\n"),
        (34, "Short one."),
    ]
    assert [[(q.index, q.start, q.end) for q in p.paragraphs] for _o, p in pieces] == [
        [(0, 0, 18)],
        [(0, 0, 15)],
        [(0, 0, 10)],
    ]


@settings(max_examples=200, deadline=None)
@given(
    body=st.text(alphabet=st.sampled_from("ab .\n"), min_size=1, max_size=300).filter(str.strip),
    limit=st.integers(min_value=1, max_value=80),
)
def test_any_split_covers_the_body_in_order(body: str, limit: int) -> None:
    _check_pieces(article(body), limit)


def _part(body: str, word: str, when: str, number: str) -> Analysis:
    """What extraction finds in a chunk: a mention, a quote by it, a timex and a figure dated by it."""
    art = article(body)
    speaker = mention(art, word)
    return analysis(
        art,
        (speaker,),
        (quote(art, "Yes", speaker),),
        (timex(art, when, "2020-02-17", "2020-02-17"),),
        (figure(art, number),),
        (0,),
    )


def test_join_shifts_every_offset_into_the_full_body() -> None:
    full = article("“Yes” Assad said on Monday, 12 died.\n“Yes” Lavrov said on Friday, 30 fled.\n")
    cut = full.body.index("“Yes” Lavrov")
    parts = [
        (0, _part(full.body[:cut], "Assad", "Monday", "12")),
        (cut, _part(full.body[cut:], "Lavrov", "Friday", "30")),
    ]
    joined = join(full, parts)
    assert joined.article is full
    spans: list[Span] = [
        *(m.span for m in joined.mentions),
        *(q.span for q in joined.quotes),
        *(t.span for t in joined.timexes),
        *(f.span for f in joined.figures),
    ]
    assert all(full.body[s.start : s.end] == s.text for s in spans)
    assert [m.span.text for m in joined.mentions] == ["Assad", "Lavrov"]
    assert [q.speaker_start for q in joined.quotes] == [m.span.start for m in joined.mentions]
    assert [full.body[s:e] for s, e in joined.sentences] == [
        "“Yes” Assad said on Monday, 12 died.",
        "“Yes” Lavrov said on Friday, 30 fled.",
    ]
    assert [full.body[s:e] for s, e in (m.sentence for m in joined.mentions)] == [
        full.body[s:e] for s, e in joined.sentences
    ]
    assert joined.figure_dates == (0, 1)  # the second chunk's timex is the second of the whole


def test_join_keeps_undated_figures_undated() -> None:
    body = "Then 12 died. Later 30 fled."
    first, second = article(body[:14]), article(body[14:])
    parts = [
        (0, analysis(first, timexes=(timex(first, "Then", "PRESENT_REF"),), figures=(figure(first, "12"),))),
        (14, analysis(second, figures=(figure(second, "30"),), figure_dates=(-1,))),
    ]
    assert join(article(body), parts).figure_dates == (-1, -1)


def test_join_of_a_single_unshifted_part_is_that_part() -> None:
    part = _part("“Yes” Assad said on Monday, 12 died.", "Assad", "Monday", "12")
    assert join(part.article, [(0, part)]) == part


def test_a_split_and_joined_long_article_keeps_names_at_their_offsets() -> None:
    paragraphs = [f"Paragraph {i} names Assad and {URL if i % 3 == 0 else 'Aleppo'}." for i in range(40)]
    art = article("\n".join(paragraphs))
    parts = []
    for offset, piece in _check_pieces(art, 500):
        found = tuple(
            mention(piece, "Assad", occurrence=i) for i in range(len(re.findall("Assad", piece.body)))
        )
        parts.append((offset, analysis(piece, found)))
    joined = join(art, parts)
    assert len(joined.mentions) == 40
    assert all(art.body[m.span.start : m.span.end] == "Assad" for m in joined.mentions)
