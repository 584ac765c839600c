"""Reading the words of an expression: amounts, two-digit years, units, clock times and mods."""

from __future__ import annotations

import re

from generator.extract.timex.lexicon import MODS, NUMBERS, UNITS

CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d\d))?\s*([ap])?", re.I)
"""Hour, minute and a.m./p.m. at the start of a clock time."""


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


def unit_of(word: str) -> str | None:
    """Return the unit a word names ("years" → "year", "centuries" → "century"), None when none."""
    word = word.lower()
    if word.startswith("centur"):
        return "century"
    if word.endswith("s") and word[:-1] in UNITS:
        return word[:-1]
    return word if word in UNITS else None


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


def mod_of(text: str) -> str:
    """Return the TIMEX3 mod of a "the end of" / "early" / "mid-" prefix, or ""."""
    words = re.findall(r"[a-z]+", text.lower())
    while words[:1] in (["the"], ["very"]):
        words = words[1:]
    return MODS.get(words[0], "") if words else ""
