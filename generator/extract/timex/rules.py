"""Lexicon, patterns, calendar arithmetic and context checks for the temporal tagger.

`generator.timex` matches PATTERNS (widened by PREFIXES), asks `Context.valid` whether
the words around a match make it a time, and resolves it with the calendar helpers
and `tense`. Everything here is data, a pure function, or a read-only view of a Doc.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.dates import day_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
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

_ONES = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
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

CALENDAR_WORDS = frozenset(
    [*MONTHS, *WEEKDAYS, *SEASONS, "christmas", "easter", "new", "year", "fiscal", "fy"]
)
"""Capitalised words that may stand right before a year without making it a product name."""

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
"""Part of day to TIMEX3 code."""

# fmt: off
SETS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P1Q", "hourly": "PT1H",
    "annually": "P1Y", "yearly": "P1Y", "annual": "P1Y", "biannual": "P6M", "semiannual": "P6M", "biennial": "P2Y",
}
"""Frequency adjectives and adverbs to TIMEX3 SET values."""

REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "present": "PRESENT_REF", "recently": "PAST_REF", "more recently": "PAST_REF",
    "lately": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF", "the future": "FUTURE_REF",
    "future": "FUTURE_REF",
    "soon": "FUTURE_REF",
}
"""Vague references to the article's time."""

HOLIDAYS = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25), "new year's day": (1, 1),
    "new year's eve": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14), "independence day": (7, 4),
}
"""Fixed-date holidays to (month, day)."""

MODS = {
    "start": "START", "beginning": "START", "early": "START", "dawn": "START", "turn": "START",
    "middle": "MID", "mid": "MID", "end": "END", "close": "END", "late": "END",
}
"""Words of a part-of-period phrase to TIMEX3 mod."""
# fmt: on

APPROX_WORDS = frozenset({"about", "around", "approximately", "roughly", "nearly", "almost", "some"})
"""Quantifiers that make a duration approximate."""

PERSON_NOUNS = frozenset(
    [
        "boy",
        "girl",
        "man",
        "woman",
        "son",
        "daughter",
        "child",
        "children",
        "kid",
        "kids",
        "baby",
        "infant",
        "student",
        "students",
        "teen",
        "teenager",
        "youth",
        "brother",
        "sister",
        "mother",
        "father",
        "wife",
        "husband",
        "male",
        "female",
        "person",
        "people",
        "player",
        "victim",
        "suspect",
        "patient",
        "driver",
        "worker",
        "soldier",
        "resident",
        "veteran",
    ]
)
"""Heads after "N-year-old" that make it an age, not a period."""

ONGOING_NOUNS = frozenset(
    [
        "war",
        "insurgency",
        "conflict",
        "crisis",
        "uprising",
        "revolt",
        "rebellion",
        "siege",
        "occupation",
        "blockade",
        "rule",
        "reign",
        "regime",
        "dispute",
        "feud",
        "struggle",
        "fight",
        "battle",
        "campaign",
        "civil",
        "revolution",
        "history",
        "partnership",
        "relationship",
        "alliance",
        "standoff",
        "stalemate",
        "drought",
        "boom",
        "slump",
        "recession",
        "career",
        "presidency",
    ]
)
"""Heads after "the N-year" that denote a period still running at the article date."""

DIGITS = re.compile(r"\d+")
WORD = re.compile(r"[A-Za-z']+")
PREV_WORD = re.compile(r"[\w'$%.]*\w")

NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "FAC", "GPE", "LOC", "LAW", "NORP"})
"""Entity labels of names that may contain a month, weekday or year ("April Jones", "Windows 2000")."""

NOT_YEAR = frozenset({"MONEY", "PERCENT", "QUANTITY"})
"""Entity labels of numbers that are never years."""

NOT_YEAR_BEFORE = frozenset(
    ["no", "no.", "number", "flight", "route", "page", "room", "model", "version", "#", "nos"]
)
"""Words before a four-digit number that make it a label, not a year ("Route 2008")."""

YEAR_BEFORE = frozenset(
    [
        "in",
        "since",
        "of",
        "by",
        "from",
        "until",
        "till",
        "to",
        "between",
        "and",
        "before",
        "after",
        "during",
        "around",
        "c.",
        "circa",
    ]
)
"""Words that make an early four-digit number ("in 1776") a year even when the tagger does not say so."""

NOT_YEAR_AFTER = frozenset(["percent", "per", "km", "miles", "people", "units"])
"""Words after a four-digit number that make it a quantity."""

FUTURE = frozenset(
    [
        "will",
        "'ll",
        "shall",
        "wo",
        "would",
        "'d",
        "scheduled",
        "schedule",
        "schedules",
        "due",
        "expected",
        "expects",
        "expect",
        "slated",
        "planned",
        "plans",
        "plan",
        "planning",
        "intends",
        "intend",
        "intended",
        "aims",
        "aim",
        "upcoming",
        "going",
        "hopes",
        "hope",
        "hoped",
        "wants",
        "want",
        "wanted",
        "agreed",
        "agree",
        "promised",
        "promise",
        "vowed",
        "pledged",
        "threatened",
        "threatens",
        "decided",
        "seeks",
        "sought",
        "likely",
        "ready",
        "set",
    ]
)
"""Words on the path from a date to its verb that point forward ("scheduled for Wednesday")."""

MODALS = frozenset({"may", "might", "should", "must"})
"""Modal auxiliaries read as future; "can" and "could" are left undecided."""

PERFECT = frozenset({"has", "have", "'ve", "'s"})
"""Auxiliaries of the present perfect."""

FIRST_WORDS = frozenset(
    [
        "in",
        "for",
        "within",
        "over",
        "after",
        "just",
        "only",
        "last",
        "lasts",
        "lasted",
        "take",
        "takes",
        "took",
        "spend",
        "spent",
        "wait",
        "waited",
    ]
)
"""Words before a bare plural unit that make it a vague duration ("for years", "within days")."""

NOT_RATE = frozenset(
    [
        "for",
        "in",
        "within",
        "about",
        "than",
        "over",
        "after",
        "nearly",
        "almost",
        "only",
        "just",
        "least",
        "take",
        "took",
        "takes",
        "taking",
        "last",
        "lasted",
        "spend",
        "spent",
        "of",
        "to",
        "by",
        "under",
        "some",
    ]
)
"""Words before "a year" that make it a duration, not a rate ("for a year")."""

BOUND_BEFORE = re.compile(
    r"\b(more\s+than|less\s+than|fewer\s+than|over|under|at\s+least|up\s+to)\s+\Z", re.I
)
"""A bound before a duration, kept out of the extent as MEANTIME does and told in the explanation."""

NUMBER_BEFORE = re.compile(
    r"(?:\d|%|million|billion|trillion|thousand|hundred|dollars|euros|pounds|times|twice|once)[^.,;:!?()]{0,25}$",
    re.I,
)
"""A number shortly before "a year", making it a rate ("$300 million in fuel a year")."""

NAMEABLE = frozenset({"month", "weekday", "holiday", "season", "set", "year"})
"""Kinds that are rejected inside a name entity ("April Jones", "Daily Telegraph")."""

NAMED_DAYS = frozenset(["black", "cyber", "super", "bloody", "good", "holy", "ash", "palm"])
"""Words before a weekday that make a named day rather than a date."""

CLOCK_BEFORE = frozenset(["at", "by", "until", "till", "from", "before", "after", "around", "about", "to"])
"""Words before a bare "10:30" that make it a clock time."""

WEEKEND_BEFORE = frozenset(["over", "during", "at", "on", "by", "through", "until"])
"""Words before "the weekend" that make it a date."""

SEASON_BEFORE = frozenset(["in", "during", "by", "until", "since", "over", "through"])
"""Words before a bare season that make it a date."""

BEFORE_MAY = frozenset(
    [
        "in",
        "of",
        "since",
        "until",
        "till",
        "by",
        "from",
        "to",
        "through",
        "during",
        "before",
        "after",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "as",
    ]
)
"""Words before "May" that make it the month rather than the verb."""

_NUM_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six"
    r"|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
)
NUM = (
    rf"(?:\d+(?:\.\d+)?|{_NUM_WORD}|a\s+couple\s+of|a\s+few|several|many|a|an|half\s+an?)"
    r"(?:\s+and\s+a\s+half)?"
)
_UNIT_P = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries)"
_UNIT_1 = r"(?:second|minute|hour|day|week|month|quarter|year|decade|century)"
_QUANT = r"(?:(?:about|around|approximately|roughly|nearly|almost|some)\s+)"
_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?!\d|,\d|\.\d|%|-(?:odd|year)\b)"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?![\d:%.,]\d|\s*(?:%|percent|per\s+cent))"
_MOD = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:start|beginning|end|middle|close|turn|dawn)\s+of\s+(?:the\s+)?"
    r"|(?:the\s+)?(?:early|late|mid)(?:\s*-\s*|\s+)|mid-?)"
)
_FISCAL = r"(?:(?:fiscal|financial|calendar)\s+(?:year\s+)?|FY\s?)"
_ZONE_NAME = r"(?:UTC|GMT|[ECMP][SD]T|CET|BST)(?:\s*[+-]\s*\d{1,2})?"
_ZONE = rf"(?:\s*\({_ZONE_NAME}\)|\s+{_ZONE_NAME})"
_LEFT = r"(?<![\w$£€#.,'])(?:(?<=mid-)|(?<=\d{4}-)|(?<!\w-))"

PATTERNS: dict[str, str] = {
    "date_mdy": rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+(?P<y>{_YEAR}))?",
    "date_dmy": rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<y>{_YEAR}))?",
    "date_iso": r"(?<![\d-])\b(?:1[6-9]|20)\d\d-[01]\d-[0-3]\d(?![\d-])",
    "date_num": r"(?<![\d/.])\b[0-3]?\d/[0-3]?\d/(?:\d\d){1,2}(?![\d/])",
    "month_year": rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}",
    "month": rf"\b{_MONTH}",
    "year": rf"\b{_LEFT}{_YEAR}",
    "fy_short": r"\bFY\s?'?\d\d\b",
    "decade": r"(?:\b(?:1[6-9]|20)\d0'?s|'\d0s)\b",
    "weekday": rf"\b(?:(?:last|next|this|coming|past)\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?",
    "deictic": (
        r"\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|(?:this|yesterday|tomorrow)\s+"
        r"(?:morning|afternoon|evening|night)|last\s+night|today|tonight|yesterday|tomorrow)\b"
    ),
    "relative": (
        r"\b(?:(?:earlier|later)\s+(?:this|in\s+the)|this|last|next|the\s+coming|the\s+current|"
        r"the\s+previous|the\s+following|the\s+same|that|the)\s+(?:week|weekend|month|year|quarter|decade"
        r"|spring|summer|autumn|fall|winter|day)\b"
    ),
    "ago": (
        rf"\b(?:{NUM}\s+{_UNIT_P}|(?:minutes|hours|days|weeks|months|years|decades))"
        r"\s+(?:ago|earlier|later|before|after|from\s+now)\b"
    ),
    "span": rf"\bthe\s+(?:past|last|next|coming|previous|following|first|final)\s+(?:{NUM}\s+|few\s+)?{_UNIT_P}\b",
    "set": (
        rf"\b(?:(?:every|each)\s+(?:other\s+)?(?:(?:{NUM}\s+)?{_UNIT_P}|{_WEEKDAY})|(?:once|twice|{NUM}\s+times)"
        rf"\s+(?:a|an|per|every|each)\s+{_UNIT_1}|(?:daily|weekly|monthly|annually|yearly|annual|quarterly"
        r"|hourly|biannual|semiannual|biennial|nightly)|(?:per|a|an)\s+(?:year|month|week|day|hour))\b"
    ),
    "duration": rf"\b{NUM}(?:\s+|-){_UNIT_P}(?:(?:\s+|-)(?:old|long))?\b",
    "vague": r"\b(?:(?:several|many|a\s+few|recent|the\s+past\s+few|the\s+last\s+few|the\s+coming|the)\s+)?"
    r"(?:seconds|minutes|hours|days|weeks|months|years|decades)(?:-long)?\b",
    "ref": (
        r"\b(?:now|currently|presently|nowadays|these\s+days|at\s+present|(?:more\s+)?recently|recent|lately"
        r"|the\s+past|the\s+future|in\s+future|soon)\b"
    ),
    "time": (
        rf"\b(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:[ap]\.\s?m\.?|[ap]m\b){_ZONE}?"
        rf"|\b(?:[01]?\d|2[0-3]):[0-5]\d{_ZONE}?|\b(?:noon|midnight)\b"
    ),
    "season": (
        r"\b(?:(?:this|last|next|the\s+coming|the)\s+)?(?:spring|summer|autumn|fall|winter)"
        rf"(?:\s+(?:of\s+)?{_YEAR})?\b"
    ),
    "quarter": (
        r"\b(?:(?:the|this|last|next|current|the\s+current)\s+)?(?:(?:fiscal|financial)\s+)?"
        r"(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+)?(?:fiscal\s+|calendar\s+|financial\s+)?"
        rf"(?:quarter|half)(?:\s+of\s+(?:fiscal\s+)?(?:{_YEAR}|(?:the|this|last|next)\s+(?:fiscal\s+|financial\s+)?year)"
        rf"|,?\s+{_YEAR})?\b|\bQ[1-4](?:\s+{_YEAR})?\b"
    ),
    "fiscal_year": r"\b(?:the|this|last|next)\s+(?:fiscal|financial)\s+year\b",
    "holiday": (
        r"\b(?-i:Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Halloween|Valentine's\s+Day"
        r"|Independence\s+Day)"
    ),
}
"""One pattern per kind of expression; `generator.timex` resolves each kind."""

COMPILED = tuple((kind, re.compile(pattern, re.I)) for kind, pattern in PATTERNS.items())
"""The patterns, compiled once at import."""

_PREFIX = {
    **dict.fromkeys(("month_year", "relative", "season", "quarter", "fiscal_year"), _MOD),
    **dict.fromkeys(("ago", "duration"), _QUANT),
    "month": rf"(?:{_MOD}|(?:last|next|this)\s+)",
    "year": rf"(?:{_MOD}?{_FISCAL}|{_MOD})",
    "decade": rf"(?:{_MOD}|the\s+)",
}
PREFIXES = {kind: re.compile(rf"{pattern}\Z", re.I) for kind, pattern in _PREFIX.items()}
"""Words that may stand before a kind's match and belong to it ("the end of", "about")."""

RANGE_GAP = re.compile(r"\s*(?:and|to|until|till|through|-|\u2013)\s*$", re.I)
"""The joint between the two ends of a range ("2012 and 2016")."""

CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d\d))?\s*([ap])?", re.I)
"""Hour, minute and a.m./p.m. at the start of a clock time."""

RANGE_OPEN = re.compile(r"\b(?:between|from)\s+\Z", re.I)
"""The word that opens a range."""

SINCE = re.compile(r"\b(?:ever\s+)?since\s+\Z", re.I)
"""The word before a date that makes it the start of a period running up to the article date."""

CLAUSE_CUT = frozenset({"conj", "parataxis"})
"""Dependencies of a verb whose subtree is a clause of its own, cut from the clause a date governs."""


@dataclass(frozen=True, slots=True)
class Period:
    """A stretch of the calendar with its TIMEX3 value."""

    value: str
    """TIMEX3 value: "2020-02-17", "2020-W08", "2020-Q3", "199"."""
    begin: dt.date | None
    """First day of the period."""
    end: dt.date | None
    """Last day of the period."""
    precision: str
    """day, week, month, quarter, year or decade."""


def number(text: str) -> float | None:
    """Return the value of a number word or numeral, None when it is vague."""
    text = re.sub(r"\s+", " ", text.lower().strip())
    half = 0.5 if text.endswith(" and a half") else 0.0
    text = text.removesuffix(" and a half")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text) + half
    if text in NUMBERS:
        return NUMBERS[text] + half
    tens, _, ones = text.partition("-")
    if tens in NUMBERS and ones in NUMBERS:
        return NUMBERS[tens] + NUMBERS[ones] + half
    return None


def full_year(digits: str) -> int:
    """Expand a two-digit year: "07" → 2007, "98" → 1998; four digits stay as they are."""
    year = int(digits)
    return year if len(digits) > 2 else year + (2000 if year < 50 else 1900)


def fmt_amount(amount: float | None) -> str:
    """Format a duration amount: 4 → "4", 2.5 → "2.5", None → "X"."""
    if amount is None:
        return "X"
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


def duration_value(amount: float | None, unit: str) -> str:
    """Build a TIMEX3 duration value such as "P4D", "PT12H" or "PXY"."""
    letter, clock = UNITS[unit]
    if unit == "fortnight" and amount is not None:
        amount *= 2
    if unit in ("decade", "century"):  # "decades" is PXY, as MEANTIME annotates it
        amount, letter = (amount * (10 if unit == "decade" else 100) if amount is not None else None), "Y"
    return ("PT" if clock else "P") + fmt_amount(amount) + letter


def unit_of(word: str) -> str | None:
    """Return the unit a word names ("years" → "year", "centuries" → "century"), None when none."""
    word = word.lower()
    if word.startswith("centur"):
        return "century"
    if word.endswith("s") and word[:-1] in UNITS:
        return word[:-1]
    return word if word in UNITS else None


def grain(unit: str) -> str:
    """Return the calendar precision a unit is counted in ("hour" → "day", "fortnight" → "week")."""
    if UNITS[unit][1]:
        return "day"
    return {"fortnight": "week", "weekend": "week", "century": "decade"}.get(unit, unit)


def parse_clock(text: str) -> tuple[int, int, str] | None:
    """Read hour, minute and "Z" (UTC or GMT) from "10:00 a.m.", "18:00 UTC" or "noon"."""
    low = text.lower()
    if low in ("noon", "midnight"):
        return (12 if low == "noon" else 0), 0, ""
    found = CLOCK.match(low)
    if found is None:
        return None
    hour, minute = int(found.group(1)), int(found.group(2) or 0)
    if found.group(3) == "p" and hour < 12:
        hour += 12
    elif found.group(3) == "a" and hour == 12:
        hour = 0
    zone = "Z" if re.search(r"\b(utc|gmt)\b(?!\s*[+-])", low) else ""
    return (hour, minute, zone) if hour < 24 else None


def range_value(first: dt.date, last: dt.date, precision: str) -> str:
    """Return the TIMEX3 length of a range as the gap between the starts of its ends ("2012 and 2016" → P4Y)."""
    if precision in ("year", "decade"):
        return f"P{last.year - first.year}Y"
    if precision in ("month", "quarter"):
        return f"P{(last.year - first.year) * 12 + last.month - first.month}M"
    return f"P{(last - first).days}D"


def add_months(day: dt.date, months: int) -> dt.date:
    """Shift a date by whole months, clamping the day to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: dt.date, amount: float, unit: str) -> dt.date:
    """Move a date by an amount of a unit (negative to go back); clock units round to days."""
    if unit in ("second", "minute", "hour"):
        return day + dt.timedelta(hours=amount) if unit == "hour" and abs(amount) >= 24 else day
    if unit in ("day", "week", "fortnight", "weekend"):
        days = {"day": 1, "week": 7, "fortnight": 14, "weekend": 7}[unit]
        return day + dt.timedelta(days=round(amount * days))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(day, round(amount * months))


def month_end(year: int, month: int) -> dt.date:
    """Return the last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def period(unit: str, day: dt.date) -> Period:
    """Return the calendar unit ("week", "month"...) that contains `day`."""
    if unit == "day":
        return Period(day.isoformat(), day, day, "day")
    if unit in ("week", "weekend"):
        year, week, _ = day.isocalendar()
        monday = day - dt.timedelta(days=day.weekday())
        if unit == "weekend":
            return Period(
                f"{year}-W{week:02d}-WE", monday + dt.timedelta(5), monday + dt.timedelta(6), "week"
            )
        return Period(f"{year}-W{week:02d}", monday, monday + dt.timedelta(6), "week")
    if unit == "month":
        return Period(
            f"{day.year}-{day.month:02d}", day.replace(day=1), month_end(day.year, day.month), "month"
        )
    if unit == "quarter":
        q = (day.month - 1) // 3 + 1
        return Period(
            f"{day.year}-Q{q}", dt.date(day.year, 3 * q - 2, 1), month_end(day.year, 3 * q), "quarter"
        )
    if unit == "decade":
        start = day.year // 10 * 10
        return Period(str(start // 10), dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "decade")
    return Period(str(day.year), dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year")


def season(code: str, year: int) -> Period:
    """Return a season of a year; winter runs from December into the next year."""
    first = next(month for c, month in SEASONS.values() if c == code)
    begin = dt.date(year, first, 1)
    last = add_months(begin, 2)
    return Period(f"{year}-{code}", begin, month_end(last.year, last.month), "quarter")


def half(number_: int, year: int) -> Period:
    """Return the first or second half of a year."""
    begin = dt.date(year, 1 if number_ == 1 else 7, 1)
    return Period(f"{year}-H{number_}", begin, month_end(year, 6 if number_ == 1 else 12), "quarter")


def narrow(mod: str, begin: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """Narrow a period's bounds to its START, MID or END third (END of a week: Fri to Sun)."""
    days = (end - begin).days + 1
    if days == 7:
        cut = {"START": (0, 2), "MID": (2, 4), "END": (4, 6)}[mod]
        return begin + dt.timedelta(cut[0]), begin + dt.timedelta(cut[1])
    if 28 <= days <= 31:
        cut = {"START": (1, 10), "MID": (11, 20), "END": (21, days)}[mod]
        return begin.replace(day=cut[0]), begin.replace(day=cut[1])
    if days > 31:
        months = (end.year - begin.year) * 12 + end.month - begin.month + 1
        third = {12: 3, 120: 36}.get(months, max(1, months // 3))
        if mod == "START":
            last = add_months(begin, third - 1)
            return begin, month_end(last.year, last.month)
        if mod == "END":
            return add_months(begin, months - third), end
        first = add_months(begin, third)
        last = add_months(begin, months - third - 1)
        return first, month_end(last.year, last.month)
    return begin, end


def show(p: Period) -> str:
    """Render a calendar period for readers."""
    if p.begin is None or p.end is None:
        return p.value
    if p.precision == "day":
        return day_text(p.begin)
    if p.precision == "week":
        return f"{p.value} ({p.begin.day} {p.begin:%b} to {p.end.day} {p.end:%b %Y})"
    if p.precision == "month":
        return f"{p.begin:%b %Y}"
    if p.precision == "decade":
        return f"the {p.begin.year}s"
    return p.value


def verb_tense(verb: Token) -> tuple[str, str]:
    """Read a verb's tense from its tag and auxiliaries; "nonfinite" means look further up."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for aux in auxes:
        if aux.lower_ in FUTURE or aux.lower_ in MODALS:
            return "future", aux.text
    if any(a.tag_ == "TO" for a in auxes):
        return "nonfinite", ""
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past", verb.text
    if verb.tag_ == "VBN" and (not auxes or any(a.lower_ in PERFECT for a in auxes)):
        return "past", verb.text
    if verb.tag_ in ("VBZ", "VBP", "VBN") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present", verb.text
    return "nonfinite", ""


def tense(tok: Token, before: Token | None) -> tuple[str, str]:
    """Return the tense ("past", "future", "present" or "") governing a token, with the cue word.

    The walk climbs the dependency tree to the first finite verb; a forward-looking word
    on the way ("scheduled", "due", "plans") makes it future, and "since" makes it past.
    """
    if before is not None and before.lower_ == "since":
        return "past", "since"
    node = tok
    for _ in range(10):
        if node is not tok and node.lower_ in FUTURE:
            return "future", node.text
        if node.tag_.startswith("VB") or node.tag_ == "MD":
            found = verb_tense(node)
            if found[0] != "nonfinite":
                return found
        if node.head is node:
            break
        node = node.head
    return "", ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A candidate expression: its stretch of the body and the pattern match inside it."""

    s: int
    """Offset of the first character, prefix included."""
    e: int
    """Offset one past the last character."""
    text: str
    """The body text between the offsets."""
    m: re.Match[str]
    """The pattern's own match, for its named groups."""


class Context:
    """Reads one parsed article: tokens, entities and words around a candidate."""

    def __init__(self, doc: Doc) -> None:
        self.doc, self.text = doc, doc.text
        self.ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]

    def tokens(self, start: int, end: int) -> tuple[Token, Token | None, Token | None]:
        """Return the root token of a stretch and the tokens just before and after it."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        assert span is not None, "candidates start and end on word characters"
        before = self.doc[span.start - 1] if span.start > 0 else None
        after = self.doc[span.end] if span.end < len(self.doc) else None
        return span.root, before, after

    def prev_word(self, start: int) -> str:
        """Return the word before an offset, lower case."""
        words = PREV_WORD.findall(self.text[max(0, start - 30) : start])
        return words[-1].lower() if words else ""

    def in_ents(self, start: int, end: int, labels: frozenset[str]) -> bool:
        """Tell whether an entity with one of the labels overlaps the stretch."""
        return any(s < end and start < e and label in labels for s, e, label in self.ents)

    def tense_at(self, start: int, end: int) -> tuple[str, str]:
        """Return the tense ("past", "future", "present" or "") governing a stretch, with its cue."""
        tok, before, _ = self.tokens(start, end)
        return tense(tok, before)

    def clause_of(self, start: int, end: int) -> tuple[int, int]:
        """Return the span of the clause a stretch dates: its governing verb's subtree, without coordinated clauses.

        A verb that modifies a noun ("the first flight ... scheduled for Wednesday") dates the
        noun phrase; a clause of fewer than four words falls back to the sentence.
        """
        tok = self.tokens(start, end)[0]
        sent = tok.sent
        node = tok
        for _ in range(12):
            if node.pos_ in ("VERB", "AUX") or node.head is node:
                break
            node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            return sent.start_char, sent.end_char
        if node.dep_ in ("acl", "relcl") and node.head is not node:
            node = node.head
        left, right = node.left_edge.i, node.right_edge.i
        words = self.doc.char_span(start, end, alignment_mode="expand")
        assert words is not None, "timexes start and end on word characters"
        first, last = words[0].i, words[-1].i
        for child in node.children:
            if child.dep_ in CLAUSE_CUT and child.i > node.i and child.left_edge.i > last:
                right = min(right, child.left_edge.i - 1)
        while right > left and (self.doc[right].is_punct or self.doc[right].dep_ == "cc") and right > last:
            right -= 1
        while left < right and self.doc[left].is_punct and left < first:
            left += 1
        if right - left < 3:
            left, right = sent.start, sent.end - 1
            while right > left and self.doc[right].is_space:
                right -= 1
        return self.doc[left].idx, self.doc[right].idx + len(self.doc[right])

    def past_perfect(self, start: int, end: int) -> bool:
        """Tell whether the verb governing a stretch is in the past perfect ("had been ... since 2003")."""
        node = self.tokens(start, end)[0]
        for _ in range(12):
            if node.pos_ in ("VERB", "AUX"):
                return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in node.children)
            if node.head is node:
                break
            node = node.head
        return False

    @staticmethod
    def mod_of(text: str) -> str:
        """Return the TIMEX3 mod of a "the end of" / "early" / "mid-" prefix, or ""."""
        words = re.findall(r"[a-z]+", text.lower())
        while words[:1] in (["the"], ["very"]):
            words = words[1:]
        return MODS.get(words[0], "") if words else ""

    def valid(self, kind: str, m: Candidate) -> bool:
        """Tell whether a candidate is a time, by the words around it; kinds without a check pass."""
        if kind in NAMEABLE and self.in_ents(m.s, m.e, NAME_LABELS):
            return False
        check = getattr(self, f"_valid_{kind}", None)
        return check is None or check(m, m.text.lower(), self.text[m.e : m.e + 12])

    def _valid_month(self, m: Candidate, low: str, after: str) -> bool:
        """Take "May" as the month only after a dating word; abbreviations need a day or year."""
        word = WORD.findall(low)[-1]
        if word == "may":
            return self.mod_of(low) != "" or self.prev_word(m.s) in BEFORE_MAY
        return len(word) > 3

    def _valid_weekday(self, m: Candidate, low: str, after: str) -> bool:
        """Reject named days such as "Black Friday" and "Super Tuesday"."""
        return self.prev_word(m.s) not in NAMED_DAYS

    def _valid_duration(self, m: Candidate, low: str, after: str) -> bool:
        """Reject ages ("45 years old", "a 12-year-old boy"), "a second" and fractions ("a quarter of")."""
        if re.search(r"years?\s+old$", low) or after.startswith(("-old", " old")):
            return False
        if re.fullmatch(r"(a|an)\s+(second|minute)", low) or (
            low.endswith(("quarter", "quarters"))
            and (after.startswith(" of") or low.startswith(("a ", "an ")))
        ):
            return False
        if low.endswith("-old"):
            nxt = self.tokens(m.s, m.e)[2]
            return nxt is not None and nxt.tag_.startswith("NN") and nxt.lower_ not in PERSON_NOUNS
        return True

    def _valid_ago(self, m: Candidate, low: str, after: str) -> bool:
        """Take "two days before/after" only at the end of a clause, not before an event."""
        if low.endswith(("before", "after")) and not re.match(r"\s*[.,;:)]", after):
            return False
        return self._valid_duration(m, low, after)

    def _valid_vague(self, m: Candidate, low: str, after: str) -> bool:
        """Take a bare plural unit only after a quantifier or a word like "for", "within", "over the"."""
        head = low.split()[0]
        if head in ("several", "many", "a", "recent") or low.endswith("-long"):
            return True
        if low.startswith(("the past", "the last", "the coming")):
            return True
        prev = self.prev_word(m.s)
        if head == "the":
            return prev in ("over", "through")
        after_hours = (
            prev == "after" and low == "hours" and not after.startswith(" of")
        )  # "after hours trading"
        return prev in FIRST_WORDS and not after_hours

    def _valid_set(self, m: Candidate, low: str, after: str) -> bool:
        """Take "a year" as a rate only after an amount; reject "Daily" inside a name."""
        if low.startswith(("a ", "an ")):
            before = self.text[max(0, m.s - 40) : m.s]
            return self.prev_word(m.s) not in NOT_RATE and NUMBER_BEFORE.search(before) is not None
        return not (m.text[0].isupper() and low in SETS and self.prev_word(m.s) != "")

    def _valid_ref(self, m: Candidate, low: str, after: str) -> bool:
        """Reject "as soon as", "soon after" and "now-defunct"; take "recent" only before a noun ("recent gains")."""
        if after.startswith("-"):
            return False
        if low == "recent":
            nxt = self.tokens(m.s, m.e)[2]
            return (
                self.prev_word(m.s) not in ("most", "more")
                and nxt is not None
                and nxt.pos_ in ("NOUN", "ADJ")
            )
        return low != "soon" or (
            self.prev_word(m.s) not in ("as", "how", "too") and not re.match(r"\s+(after|as)\b", after)
        )

    def _valid_span(self, m: Candidate, low: str, after: str) -> bool:
        """Leave "the last quarter" and "the first half" to the quarter kind."""
        return not low.endswith(("quarter", "half"))

    def _valid_time(self, m: Candidate, low: str, after: str) -> bool:
        """Take a bare "10:30" only after a word like "at" or "until"."""
        return not re.fullmatch(r"\d{1,2}:\d\d", low) or self.prev_word(m.s) in CLOCK_BEFORE

    def _valid_relative(self, m: Candidate, low: str, after: str) -> bool:
        """Take "the month" only in "the end of the month" or "later in the month"; "the weekend" after "over"."""
        words = low.split()
        unit, det = words[-1], words[-2]
        if det == "the" and unit == "weekend" and self.prev_word(m.s) in WEEKEND_BEFORE:
            return True
        if det == "the" and unit == "day" and "end of" in low:  # "at the end of the day" is an idiom
            return False
        return det != "the" or "in the" in low or (self.mod_of(low) != "" and unit not in SEASONS)

    def _valid_quarter(self, m: Candidate, low: str, after: str) -> bool:
        """Take a quarter or half only with an ordinal or determiner, and not "the first half of the match"."""
        words = low.split()
        if re.match(r"\s+of\b", after) or (len(words) == 1 and not low.startswith("q")):
            return False
        return not (len(words) == 2 and words[0] == "the")

    def _valid_season(self, m: Candidate, low: str, after: str) -> bool:
        """Take "spring" or "the fall" only after a dating word ("in", "during"), and not "the fall of Rome"."""
        words = low.split()
        if re.match(r"\s+of\b", after):
            return False
        if len(words) == 1 or words[0] == "the":
            return self.prev_word(m.s) in SEASON_BEFORE
        return True

    def _valid_year(self, m: Candidate, low: str, after: str) -> bool:
        """Reject a four-digit number that counts something or names a product or a route."""
        digits = DIGITS.findall(low)[-1]
        start = m.e - len(digits)
        if self.in_ents(start, m.e, NOT_YEAR):
            return False
        _, before, nxt = self.tokens(start, m.e)
        if before is not None and before.lower_ in NOT_YEAR_BEFORE:
            return False
        product = before is not None and before.tag_ == "NNP" and before.lower_ not in CALENDAR_WORDS
        if start == m.s and product and not re.match(r"\s*[-\u2013]\s*\d", after):  # "Windows 2000"
            return False
        if self.in_ents(start, m.e, frozenset({"DATE"})):
            return True
        if int(digits) < 1900 and (before is None or before.lower_ not in YEAR_BEFORE):
            return False
        return nxt is None or not ((nxt.tag_ == "NNS" and nxt.text.islower()) or nxt.lower_ in NOT_YEAR_AFTER)
