"""Regular-expression pieces the kinds build their patterns from, and the word finders they share.

The pieces are uncompiled text, joined into each kind's pattern in `generator.extract.timex.kinds`
and compiled there once, case-insensitively.
"""

from __future__ import annotations

import re

NUM_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six"
    r"|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
)
"""A number word up to ninety-nine, or "hundred"."""

NUM = (
    rf"(?:\d+(?:\.\d+)?|{NUM_WORD}|a\s+couple\s+of|a\s+few|several|many|a|an|half\s+an?)"
    r"(?:\s+and\s+a\s+half)?"
)
"""An amount: a numeral, a number word, a vague quantity or "half a", with an optional "and a half"."""

UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?"
    r"|century|centuries)"
)
"""A unit of time, singular or plural."""

UNIT_ONE = r"(?:second|minute|hour|day|week|month|quarter|year|decade|century)"
"""A unit of time in the singular."""

QUANT = r"(?:(?:about|around|approximately|roughly|nearly|almost|some)\s+)"
"""A quantifier that makes an amount approximate."""

MONTH_NAME = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
"""A capitalised month name or abbreviation."""

WEEKDAY_NAME = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
"""A capitalised weekday name."""

YEAR_DIGITS = r"(?:1[6-9]\d\d|20\d\d)(?!\d|,\d|\.\d|%|-(?:odd|year)\b)"
"""A four-digit year from 1600 to 2099, not part of a longer number, a percentage or "2000-odd"."""

DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?![\d:%.,]\d|\s*(?:%|percent|per\s+cent))"
"""A day of the month, with an optional ordinal suffix, not part of a number or a percentage."""

MOD = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:start|beginning|end|middle|close|turn|dawn)\s+of\s+(?:the\s+)?"
    r"|(?:the\s+)?(?:early|late|mid)(?:\s*-\s*|\s+)|mid-?)"
)
"""A part-of-period phrase before a period: "the end of", "early", "mid-"."""

FISCAL = r"(?:(?:fiscal|financial|calendar)\s+(?:year\s+)?|FY\s?)"
"""The word that makes a year a fiscal one: "fiscal", "financial year", "FY"."""

_ZONE_NAME = r"(?:UTC|GMT|[ECMP][SD]T|CET|BST)(?:\s*[+-]\s*\d{1,2})?"
ZONE = rf"(?:\s*\({_ZONE_NAME}\)|\s+{_ZONE_NAME})"
"""A time zone after a clock time, bare or in brackets: " GMT", " (UTC+2)"."""

LEFT = r"(?<![\w$£€#.,'])(?:(?<=mid-)|(?<=\d{4}-)|(?<!\w-))"
"""The left edge of a bare year: not inside a word, an amount or a hyphenated compound, except "mid-"."""

DIGITS = re.compile(r"\d+")
"""A run of digits."""

WORD = re.compile(r"[A-Za-z']+")
"""A word of letters and apostrophes."""

PREV_WORD = re.compile(r"[\w'$%.]*\w")
"""A word, number or amount, as read backwards from a candidate."""
