"""The eval report's tables, line by line, from hand-made scores."""

from __future__ import annotations

from generator.score import report
from generator.score.entities import IdentityScores, PrecisionScores
from generator.score.evaluate import SystemScores
from generator.score.figures import ValueScores
from generator.score.match import Ratio
from generator.score.timex import TimexScores


def _scores(hits: int, value_ok: int, misses: tuple[str, ...] = ()) -> SystemScores:
    return SystemScores(
        typed_recall={
            "PER": Ratio(hits, 4),
            "ORG": Ratio(1, 2),
            "LOC": Ratio(0, 0),
            "all": Ratio(hits + 1, 6),
        },
        values=ValueScores(Ratio(2, 3), 5, 3, ("a: '12' in 'x 12 y'",), ("a: 'two' (-, counts 'jets')",)),
        identity=IdentityScores(2, 2, 1, 1, 3, 0, ("Jobs → jobs, steve-jobs",)),
        timexes=TimexScores(4, 6, 3, 4, value_ok, 4, misses),
    )


OURS = _scores(3, 3, ("a 2020-02-17 MISS 'Friday' DATE 2020-02-21",))
RAW = _scores(2, 0)


def test_a_corpus_table() -> None:
    assert list(report.corpus_table("apple: 30 articles", OURS, RAW, verbose=False)) == [
        "\napple: 30 articles",
        "                         ours                         raw spaCy",
        "  NAM recall PER         0.750 (3/4)                  0.500 (2/4)",
        "  NAM recall ORG         0.500 (1/2)                  0.500 (1/2)",
        "  NAM recall LOC         n/a (0/0)                    n/a (0/0)",
        "  NAM recall all         0.667 (4/6)                  0.500 (3/6)",
        "  VALUE recall           0.667 (2/3)                  0.667 (2/3)",
        "  figures found          5 (3 outside gold)           5 (3 outside gold)",
        "  TIMEX strict recall    0.750 (3/4)                  0.750 (3/4)",
        "  TIMEX relaxed recall   1.000 (4/4)                  1.000 (4/4)",
        "  TIMEX value accuracy   0.750 (3/4)                  n/a (spaCy gives no value)",
        "  TIMEX type accuracy    1.000 (4/4)                  n/a",
        "  TIMEX found            6                            6",
        "  identity (ours): 2 recurring gold PER/ORG entities, one page 0.500 (1/2), split 0.500 (1/2), "
        "mixed pages 0.000 (0/3)",
        "  identity (raw): 2 recurring gold PER/ORG entities, one page 0.500 (1/2), split 0.500 (1/2), "
        "mixed pages 0.000 (0/3)",
    ]


def test_verbose_lists_what_went_wrong_for_us() -> None:
    lines = list(report.corpus_table("apple", OURS, RAW, verbose=True))
    assert lines[-6:] == [
        "      split: Jobs → jobs, steve-jobs",
        "  identity (raw): 2 recurring gold PER/ORG entities, one page 0.500 (1/2), split 0.500 (1/2), "
        "mixed pages 0.000 (0/3)",
        "      split: Jobs → jobs, steve-jobs",
        "      timex: a 2020-02-17 MISS 'Friday' DATE 2020-02-21",
        "      value missed: a: '12' in 'x 12 y'",
        "      figure outside gold: a: 'two' (-, counts 'jets')",
    ]


def test_the_totals_table_adds_up_the_corpora() -> None:
    both = OURS + OURS
    lines = list(report.totals_table(both, RAW + RAW))
    assert lines[:3] == [
        "\nall corpora",
        "                         ours                         raw spaCy",
        "  NAM recall PER         0.750 (6/8)                  0.500 (4/8)",
    ]
    assert lines[-2:] == [
        "  identity (ours): 4 recurring, one page 0.500 (2/4), split 0.500 (2/4), mixed pages 0.000 (0/6)",
        "  identity (raw): 4 recurring, one page 0.500 (2/4), split 0.500 (2/4), mixed pages 0.000 (0/6)",
    ]


def test_the_precision_table() -> None:
    ours = PrecisionScores(
        Ratio(9, 10),
        Ratio(8, 10),
        Ratio(9, 12),
        ("a: 'iPod' as organisation, annotated nothing",),
        Ratio(1, 5),
        ("ipod",),
        None,
    )
    raw = PrecisionScores(Ratio(7, 10), Ratio(0, 0), Ratio(7, 12), (), Ratio(2, 6), (), None)
    assert list(report.precision_table("annotated: 6 articles", ours, raw, verbose=True)) == [
        "\nannotated: 6 articles",
        "                         ours                         raw spaCy",
        "  precision (PER/ORG/LOC) 0.900 (9/10)                 0.700 (7/10)",
        "  precision (our kinds)  0.800 (8/10)                 n/a",
        "  recall                 0.750 (9/12)                 0.583 (7/12)",
        "  junk pages             0.200 (1/5)                  0.333 (2/6)",
        "      ours junk page: ipod",
        "      ours wrong: a: 'iPod' as organisation, annotated nothing",
    ]
