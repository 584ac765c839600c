"""Patterns, cue words and context checks for the temporal tagger.

`generator.timex` matches PATTERNS (widened by PREFIXES), asks `Context.valid` whether
the words around a match make it a time, and resolves it with the calendar helpers
(`periods`, `words`) and `tense`. The shared word tables live in `lexicon`, the pattern
pieces in `patterns`; their names are imported here for `tagger.py`, which reads them as `R.*`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.extract.timex.lexicon import (
    APPROX_WORDS,
    FUTURE,
    MODALS,
    MODS,
    MONTHS,
    NAME_LABELS,
    NUMBERS,
    ORDINALS,
    PARTS_OF_DAY,
    PERFECT,
    SEASONS,
    UNITS,
    WEEKDAYS,
)
from generator.extract.timex.patterns import (
    DAY,
    DIGITS,
    FISCAL,
    LEFT,
    MOD,
    MONTH,
    NUM,
    NUM_WORD,
    PREV_WORD,
    QUANT,
    UNIT,
    UNIT_ONE,
    WEEKDAY,
    WORD,
    YEAR,
    ZONE,
)
from generator.extract.timex.periods import (
    Period,
    add_months,
    duration_value,
    fmt_amount,
    grain,
    half,
    month_end,
    narrow,
    period,
    range_value,
    season,
    shift,
    show,
)
from generator.extract.timex.words import (
    CLOCK,
    full_year,
    mod_of,
    number,
    parse_clock,
    unit_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# tagger.py reads these imported names as `R.*` until it moves to the rule registry.
__all__ = [
    "APPROX_WORDS",
    "CLOCK",
    "DAY",
    "DIGITS",
    "FISCAL",
    "FUTURE",
    "LEFT",
    "MOD",
    "MODALS",
    "MODS",
    "MONTH",
    "MONTHS",
    "NAME_LABELS",
    "NUM",
    "NUMBERS",
    "NUM_WORD",
    "ORDINALS",
    "PARTS_OF_DAY",
    "PERFECT",
    "PREV_WORD",
    "QUANT",
    "SEASONS",
    "UNIT",
    "UNITS",
    "UNIT_ONE",
    "WEEKDAY",
    "WEEKDAYS",
    "WORD",
    "YEAR",
    "ZONE",
    "Period",
    "add_months",
    "duration_value",
    "fmt_amount",
    "full_year",
    "grain",
    "half",
    "mod_of",
    "month_end",
    "narrow",
    "number",
    "parse_clock",
    "period",
    "range_value",
    "season",
    "shift",
    "show",
    "unit_of",
]

CALENDAR_WORDS = frozenset(
    [*MONTHS, *WEEKDAYS, *SEASONS, "christmas", "easter", "new", "year", "fiscal", "fy"]
)
"""Capitalised words that may stand right before a year without making it a product name."""


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
# fmt: on

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

PATTERNS: dict[str, str] = {
    "date_mdy": rf"\b(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?:,?\s+(?P<y>{YEAR}))?",
    "date_dmy": rf"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+(?P<y>{YEAR}))?",
    "date_iso": r"(?<![\d-])\b(?:1[6-9]|20)\d\d-[01]\d-[0-3]\d(?![\d-])",
    "date_num": r"(?<![\d/.])\b[0-3]?\d/[0-3]?\d/(?:\d\d){1,2}(?![\d/])",
    "month_year": rf"\b{MONTH},?\s+(?:of\s+)?{YEAR}",
    "month": rf"\b{MONTH}",
    "year": rf"\b{LEFT}{YEAR}",
    "fy_short": r"\bFY\s?'?\d\d\b",
    "decade": r"(?:\b(?:1[6-9]|20)\d0'?s|'\d0s)\b",
    "weekday": rf"\b(?:(?:last|next|this|coming|past)\s+)?{WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?",
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
        rf"\b(?:{NUM}\s+{UNIT}|(?:minutes|hours|days|weeks|months|years|decades))"
        r"\s+(?:ago|earlier|later|before|after|from\s+now)\b"
    ),
    "span": rf"\bthe\s+(?:past|last|next|coming|previous|following|first|final)\s+(?:{NUM}\s+|few\s+)?{UNIT}\b",
    "set": (
        rf"\b(?:(?:every|each)\s+(?:other\s+)?(?:(?:{NUM}\s+)?{UNIT}|{WEEKDAY})|(?:once|twice|{NUM}\s+times)"
        rf"\s+(?:a|an|per|every|each)\s+{UNIT_ONE}|(?:daily|weekly|monthly|annually|yearly|annual|quarterly"
        r"|hourly|biannual|semiannual|biennial|nightly)|(?:per|a|an)\s+(?:year|month|week|day|hour))\b"
    ),
    "duration": rf"\b{NUM}(?:\s+|-){UNIT}(?:(?:\s+|-)(?:old|long))?\b",
    "vague": r"\b(?:(?:several|many|a\s+few|recent|the\s+past\s+few|the\s+last\s+few|the\s+coming|the)\s+)?"
    r"(?:seconds|minutes|hours|days|weeks|months|years|decades)(?:-long)?\b",
    "ref": (
        r"\b(?:now|currently|presently|nowadays|these\s+days|at\s+present|(?:more\s+)?recently|recent|lately"
        r"|the\s+past|the\s+future|in\s+future|soon)\b"
    ),
    "time": (
        rf"\b(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:[ap]\.\s?m\.?|[ap]m\b){ZONE}?"
        rf"|\b(?:[01]?\d|2[0-3]):[0-5]\d{ZONE}?|\b(?:noon|midnight)\b"
    ),
    "season": (
        r"\b(?:(?:this|last|next|the\s+coming|the)\s+)?(?:spring|summer|autumn|fall|winter)"
        rf"(?:\s+(?:of\s+)?{YEAR})?\b"
    ),
    "quarter": (
        r"\b(?:(?:the|this|last|next|current|the\s+current)\s+)?(?:(?:fiscal|financial)\s+)?"
        r"(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+)?(?:fiscal\s+|calendar\s+|financial\s+)?"
        rf"(?:quarter|half)(?:\s+of\s+(?:fiscal\s+)?(?:{YEAR}|(?:the|this|last|next)\s+(?:fiscal\s+|financial\s+)?year)"
        rf"|,?\s+{YEAR})?\b|\bQ[1-4](?:\s+{YEAR})?\b"
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
    **dict.fromkeys(("month_year", "relative", "season", "quarter", "fiscal_year"), MOD),
    **dict.fromkeys(("ago", "duration"), QUANT),
    "month": rf"(?:{MOD}|(?:last|next|this)\s+)",
    "year": rf"(?:{MOD}?{FISCAL}|{MOD})",
    "decade": rf"(?:{MOD}|the\s+)",
}
PREFIXES = {kind: re.compile(rf"{pattern}\Z", re.I) for kind, pattern in _PREFIX.items()}
"""Words that may stand before a kind's match and belong to it ("the end of", "about")."""

RANGE_GAP = re.compile(r"\s*(?:and|to|until|till|through|-|\u2013)\s*$", re.I)
"""The joint between the two ends of a range ("2012 and 2016")."""

RANGE_OPEN = re.compile(r"\b(?:between|from)\s+\Z", re.I)
"""The word that opens a range."""

SINCE = re.compile(r"\b(?:ever\s+)?since\s+\Z", re.I)
"""The word before a date that makes it the start of a period running up to the article date."""

CLAUSE_CUT = frozenset({"conj", "parataxis"})
"""Dependencies of a verb whose subtree is a clause of its own, cut from the clause a date governs."""


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

    mod_of = staticmethod(mod_of)

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
