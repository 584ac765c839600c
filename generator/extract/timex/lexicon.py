"""Word tables shared by the kinds: calendar names, number words, units and tense cues.

Words that only one kind reads (the ages after "N-year-old", the labels before "Route 2008")
live with that kind in `generator.extract.timex.kinds`.
"""

from __future__ import annotations

# fmt: off
_MONTH_NAMES = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]
# fmt: on
MONTHS = {
    **{name: i for i, name in enumerate(_MONTH_NAMES, 1)},
    **{n[:3]: i for i, n in enumerate(_MONTH_NAMES, 1)},
}
MONTHS["sept"] = 9
"""Month names and abbreviations, lower case, to month numbers."""

WEEKDAYS = {
    name: i
    for i, name in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
}
"""Weekday names to Python weekday numbers (Monday is 0)."""

_ONES = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
_ONES += " sixteen seventeen"
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
NUMBERS: dict[str, float] = {
    **{name: i for i, name in enumerate(f"{_ONES} eighteen nineteen".split(), 1)},
    **{name: 10 * i for i, name in enumerate(_TENS.split(), 2)},
    "a": 1,
    "an": 1,
    "hundred": 100,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "half a": 0.5,
    "half an": 0.5,
}
"""Number words to values; vague quantities ("several") are absent and mean X."""

ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
"""Ordinals for quarters and halves."""

UNITS = {
    **{unit: (unit[0].upper(), True) for unit in ("second", "minute", "hour")},
    **{unit: (unit[0].upper(), False) for unit in ("day", "week", "month", "quarter", "year")},
    "fortnight": ("W", False),
    "decade": ("DE", False),
    "century": ("CE", False),
    "weekend": ("WE", False),
}
"""Unit word to (TIMEX3 duration letter, whether it is a time-of-day unit)."""

SEASONS = {
    "spring": ("SP", 3),
    "summer": ("SU", 6),
    "autumn": ("FA", 9),
    "fall": ("FA", 9),
    "winter": ("WI", 12),
}
"""Season to (TIMEX3 code, first month in the northern hemisphere)."""

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
"""Part of day to TIMEX3 code."""

# fmt: off
MODS = {
    "start": "START", "beginning": "START", "early": "START", "dawn": "START", "turn": "START",
    "middle": "MID", "mid": "MID", "end": "END", "close": "END", "late": "END",
}
"""Words of a part-of-period phrase to TIMEX3 mod."""
# fmt: on

APPROX_WORDS = frozenset({"about", "around", "approximately", "roughly", "nearly", "almost", "some"})
"""Quantifiers that make a duration approximate."""

NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "FAC", "GPE", "LOC", "LAW", "NORP"})
"""Entity labels of names that may contain a month, weekday or year ("April Jones", "Windows 2000")."""

# fmt: off
FUTURE = frozenset([
    "will", "'ll", "shall", "wo", "would", "'d", "scheduled", "schedule", "schedules", "due", "expected",
    "expects", "expect", "slated", "planned", "plans", "plan", "planning", "intends", "intend", "intended",
    "aims", "aim", "upcoming", "going", "hopes", "hope", "hoped", "wants", "want", "wanted", "agreed",
    "agree", "promised", "promise", "vowed", "pledged", "threatened", "threatens", "decided", "seeks",
    "sought", "likely", "ready", "set",
])
"""Words on the path from a date to its verb that point forward ("scheduled for Wednesday")."""
# fmt: on

MODALS = frozenset({"may", "might", "should", "must"})
"""Modal auxiliaries read as future; "can" and "could" are left undecided."""

PERFECT = frozenset({"has", "have", "'ve", "'s"})
"""Auxiliaries of the present perfect."""
