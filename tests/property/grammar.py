"""Hypothesis strategies: news-like sentences built from date, duration, quantity and name phrases.

The phrases follow the shapes real wire copy uses (and the shapes that broke the
build: "about a week ago", "New Year's", "mid-summer", "10,000 years ago",
"31 February", "half a million"), filled with generated numbers and names, and
mixed with random Unicode, so that every rule of the tagger and the figure
parser meets both what it was written for and what it was not.
"""

from __future__ import annotations

from hypothesis import strategies as st

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
UNITS = [
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "fortnight",
    "month",
    "quarter",
    "year",
    "decade",
    "century",
    "weekend",
]
SEASONS = ["spring", "summer", "autumn", "fall", "winter"]
HOLIDAYS = ["Christmas", "Christmas Eve", "New Year's", "New Year’s Day", "Halloween", "Independence Day"]
QUANTIFIERS = ["", "about ", "around ", "roughly ", "nearly ", "almost ", "some ", "approximately "]
MODS = ["", "early ", "late ", "mid-", "mid ", "the end of ", "the start of ", "the middle of ", "late-"]
DETERMINERS = ["", "last ", "next ", "this ", "the coming ", "the following ", "the same ", "that "]
NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty-five",
    "ninety-nine",
    "a",
    "an",
    "half",
    "a",
    "couple",
    "of",
    "a",
    "few",
    "several",
    "hundred",
    "thousand",
    "million",
    "billion",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
]
QUALIFIERS = ["", "more than ", "at least ", "up to ", "nearly ", "about ", "less than ", "an estimated "]
UNIT_WORDS = ["", " percent", "%", " km", " people", " dollars", " tonnes", " per cent", " miles", "bn", "m"]
NAMES = [
    "Sergei Lavrov",
    "the Syrian army",
    "Aleppo",
    "Reuters",
    "Anna Berg",
    "the United Nations",
    "Port Elm",
]
VERBS = ["said", "fled", "rose", "fell", "will meet", "had taken", "is expected", "arrived", "was born"]


def _number() -> st.SearchStrategy[str]:
    """A number as news writes it: digits with separators, decimals, huge ones, or words."""
    return st.one_of(
        st.integers(-5, 10**6).map(str),
        st.integers(0, 10**9).map(lambda n: f"{n:,}"),
        st.floats(0, 1e6, allow_nan=False).map(lambda x: f"{x:.2f}"),
        st.integers(1, 450).map(lambda n: "9" * n),
        st.sampled_from(NUMBER_WORDS),
        st.lists(st.sampled_from(NUMBER_WORDS), min_size=2, max_size=4).map(" ".join),
        st.builds(
            lambda a, b: f"{a} point {b}", st.sampled_from(NUMBER_WORDS), st.sampled_from(NUMBER_WORDS)
        ),
    )


def _year() -> st.SearchStrategy[str]:
    return st.one_of(st.integers(0, 2100).map(str), st.integers(1600, 2099).map(str))


def date_phrase() -> st.SearchStrategy[str]:
    """Calendar dates, relative dates, durations, seasons, holidays, quarters, clock times, sets."""
    q, mod, det = st.sampled_from(QUANTIFIERS), st.sampled_from(MODS), st.sampled_from(DETERMINERS)
    month, weekday, unit = st.sampled_from(MONTHS), st.sampled_from(WEEKDAYS), st.sampled_from(UNITS)
    day = st.integers(0, 40)
    return st.one_of(
        st.builds(lambda m, d, y: f"{m} {d}, {y}", month, day, _year()),
        st.builds(lambda d, m, y: f"{d} {m} {y}", day, month, _year()),
        st.builds(lambda md, m: f"{md}{m}", mod, month),
        st.builds(lambda d, w: f"{d}{w}", det, weekday),
        st.builds(lambda w, x: f"the {w} {x}", weekday, st.sampled_from(["before last", "after next"])),
        st.builds(lambda n, w: f"{n} {w}s ago", _number(), weekday),
        st.builds(
            lambda qq, n, u, d: f"{qq}{n} {u}s {d}",
            q,
            _number(),
            unit,
            st.sampled_from(["ago", "later", "earlier", "before", "after", "from now", "earlier than usual"]),
        ),
        st.builds(lambda qq, u: f"{qq}a {u} ago", q, unit),
        st.builds(lambda d, u: f"{d}{u}", det, unit),
        st.builds(
            lambda md, s, y: f"in {md}{s}{y}",
            mod,
            st.sampled_from(SEASONS),
            st.sampled_from(["", " 2008", " of 2019"]),
        ),
        st.builds(
            lambda d, h: f"{d}{h}",
            st.sampled_from(["", "next ", "last ", "this "]),
            st.sampled_from(HOLIDAYS),
        ),
        st.builds(
            lambda o, n, y: f"the {o} {n} of {y}",
            st.sampled_from(["first", "second", "third", "fourth", "last", "final", "this", "current"]),
            st.sampled_from(["quarter", "half"]),
            _year(),
        ),
        st.builds(lambda y, m, d: f"{y}-{m:02d}-{d:02d}", st.integers(1500, 2100), st.integers(0, 13), day),
        st.builds(
            lambda a, b, y: f"{a}/{b}/{y}", st.integers(0, 40), st.integers(0, 40), st.integers(0, 2100)
        ),
        st.builds(lambda h, m: f"at {h}:{m:02d} a.m. GMT", st.integers(0, 30), st.integers(0, 70)),
        st.builds(lambda a, b: f"between {a} and {b}", _year(), _year()),
        st.builds(lambda y: f"since {y}", st.one_of(_year(), month)),
        st.builds(lambda y: f"the {y}s", st.integers(0, 2100)),
        st.builds(lambda n, u: f"every {n} {u}s", _number(), unit),
        st.sampled_from(
            ["today", "yesterday morning", "tonight", "the day after tomorrow", "over the weekend"]
        ),
    )


def quantity_phrase() -> st.SearchStrategy[str]:
    """Counts, amounts, ranges, fractions and vague quantities, with qualifiers and units."""
    return st.one_of(
        st.builds(
            lambda q, n, u: f"{q}{n}{u}", st.sampled_from(QUALIFIERS), _number(), st.sampled_from(UNIT_WORDS)
        ),
        st.builds(
            lambda a, b, s: f"between {a} and {b}{s}", _number(), _number(), st.sampled_from(["", " million"])
        ),
        st.builds(lambda a, b: f"{a}-{b}", st.integers(0, 10**4), st.integers(0, 10**4)),
        st.builds(
            lambda s, n, m: f"{s}{n}{m}",
            st.sampled_from(["$", "£", "€", "US$", "#"]),
            _number(),
            st.sampled_from(["", "m", "bn", " million"]),
        ),
        st.sampled_from(
            [
                "half a million",
                "half a dozen",
                "dozens of",
                "hundreds of thousands of",
                "two-thirds of",
                "a third of",
            ]
        ),
    )


def name_phrase() -> st.SearchStrategy[str]:
    """Names of people, organisations and places, known and made up."""
    made_up = st.text(st.characters(categories=("Lu", "Ll")), min_size=1, max_size=8).map(str.capitalize)
    return st.one_of(st.sampled_from(NAMES), st.builds(lambda a, b: f"{a} {b}", made_up, made_up))


def noise() -> st.SearchStrategy[str]:
    """Random Unicode, including controls, marks, right-to-left text and lone punctuation."""
    return st.text(max_size=12)


def sentence() -> st.SearchStrategy[str]:
    """One to eight phrases of every kind joined into something like a sentence, or not quite."""
    part = st.one_of(
        date_phrase(),
        quantity_phrase(),
        name_phrase(),
        st.sampled_from(VERBS),
        noise(),
        st.sampled_from([",", ".", "\n", '"', "“", "”"]),
    )
    return st.lists(part, min_size=1, max_size=8).map(" ".join)
