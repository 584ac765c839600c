"""Find and normalise temporal expressions (TIMEX3) in an article body.

Candidates come from the patterns in `generator.extract.timex.rules`, one kind at a time;
overlaps go to the longest. Each kind has a resolver here that turns the words into
a TIMEX3 value and calendar bounds. The spaCy parse supplies the tense that places a
bare "Monday" or "December 1st" before or after the article date (dct); "a day
later" counts from the last date the text mentioned.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.dates import day_text
from generator.extract.timex import rules as R
from generator.extract.timex.rules import Candidate, Period
from generator.model import Span, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

_RANK = {kind: rank for rank, (kind, _) in enumerate(R.COMPILED)}
_SHIFT = re.compile(rf"\b(?:({R.NUM})\s+)?([a-z]+)\s+(ago|earlier|later|before|after|from now)$")
_AMOUNT = re.compile(rf"\b({R.NUM})(?:\s+|-)([a-z]+)")
_EVERY = re.compile(rf"(?:every|each)\s+({R.NUM})\s")
_STEPS = {"last": -1, "past": -1, "previous": -1, "next": 1, "following": 1, "coming": 1}
SINCE_RX = R.SINCE
_SINCE_START = re.compile(r"(?:ever\s+)?since\s", re.I)
_REF_WHY = {
    "PRESENT_REF": "the time of writing",
    "PAST_REF": "some time before the article",
    "FUTURE_REF": "some time after the article",
}


@dataclass(slots=True)
class _Res:
    """A resolved expression before it becomes a Timex."""

    type: str
    value: str
    begin: dt.date | None = None
    end: dt.date | None = None
    precision: str = ""
    mod: str = ""
    why: str = ""
    shown: str = ""
    """The value as readers see it ("Mon 17 Feb 2020"); the TIMEX3 value when empty."""


def tag_timexes(doc: Doc, article_id: str, dct: dt.date | None) -> tuple[Timex, ...]:
    """Find and normalise every temporal expression in an article body."""
    return _Tagger(doc, article_id, dct).run()


def timex3_layer(timexes: tuple[Timex, ...] | list[Timex]) -> list[Timex]:
    """The expressions as TIMEX3 annotates them: without our "since X" ranges, which keep only X.

    The tagger reports "since December 1st" as a range up to the article date so that the
    timeline can draw it; TIMEX3, and the gold corpora scored against, mark the date and leave
    "since" as a signal. A range's ends ("2012" in "between 2012 and 2016") stay, as MEANTIME marks them.
    """
    return [t for t in timexes if not _SINCE_START.match(t.span.text)]


def _words(m: Candidate) -> list[str]:
    """Return a candidate's words in lower case."""
    return m.text.lower().split()


def _unanchored(type_: str, value: str, why: str) -> _Res:
    """Return a result that cannot be placed on the calendar."""
    return _Res(type_, value, why=why)


def _no_dct(type_: str, value: str, what: str) -> _Res:
    """Return the unanchored result of a relative expression in an undated article."""
    return _Res(type_, value, why=f"{what}; the article has no date, so it is left unanchored")


def _dated(p: Period, why: str, mod: str = "", type_: str = "DATE") -> _Res:
    """Turn a calendar period into a result, narrowing its bounds to the part the mod names."""
    begin, end = p.begin, p.end
    if mod and begin is not None and end is not None:
        begin, end = R.narrow(mod, begin, end)
        why += f"; {mod.lower()} taken as {day_text(begin)} to {day_text(end)}"
    return _Res(type_, p.value, begin, end, p.precision, mod, why, R.show(p))


def _span(value: str, begin: dt.date, end: dt.date, why: str, mod: str = "") -> _Res:
    """Return a duration anchored on the calendar from `begin` to `end`."""
    return _Res("DURATION", value, begin, end, "range", mod, f"{why}: {day_text(begin)} to {day_text(end)}")


def _part_of_day(d: dt.date, part: str, word: str, why: str) -> _Res:
    """Return a TIME for a part of a day ("Friday morning" → 2010-07-16TMO)."""
    return _Res("TIME", f"{d.isoformat()}T{part}", d, d, "day", why=why, shown=f"{day_text(d)}, {word}")


class _Tagger(R.Context):
    """One article: its parse, its date and the last date its text mentioned."""

    def __init__(self, doc: Doc, article_id: str, dct: dt.date | None) -> None:
        super().__init__(doc)
        self.article, self.dct = article_id, dct
        self.ref: Period | None = None

    def run(self) -> tuple[Timex, ...]:
        """Collect candidates, keep the longest, resolve them in body order and add ranges."""
        out: list[Timex] = []
        clocks: list[tuple[Candidate, tuple[int, int, str]]] = []
        last_end = -1
        for kind, m in self._candidates():
            if m.s < last_end:
                continue
            if kind == "time":
                clock = R.parse_clock(m.text)
                if clock is not None:
                    clocks.append((m, clock))
                    last_end = m.e
                continue
            try:
                res = getattr(self, "_r_" + kind)(m)
            except (ValueError, OverflowError):  # off the calendar, e.g. "5000 years ago"
                log.debug("%s: cannot place %r on the calendar", self.article, m.text)
                continue
            if res is None:
                continue
            last_end = m.e
            out.append(self._timex(m.s, m.e, res))
            if res.begin is not None and res.end is not None and res.type != "DURATION":
                self.ref = Period(res.value, res.begin, res.end, res.precision)
        out += [self._timex(m.s, m.e, self._r_time(m, clock, out)) for m, clock in clocks]
        out.sort(key=lambda t: t.span.start)
        result = sorted(out + self._ranges(out), key=lambda t: (t.span.start, -t.span.end))
        log.debug("%s: %d temporal expressions", self.article, len(result))
        return tuple(result)

    def _candidates(self) -> list[tuple[str, Candidate]]:
        """Match every pattern, widen matches by their prefixes, and order them longest first."""
        found = []
        for kind, rx in R.COMPILED:
            prefix = R.PREFIXES.get(kind)
            for m in rx.finditer(self.text):
                start = m.start()
                if prefix is not None:
                    before = prefix.search(self.text, max(0, start - 40), start)
                    start = before.start() if before is not None else start
                cand = Candidate(start, m.end(), self.text[start : m.end()], m)
                if cand.e > cand.s and self.valid(kind, cand):
                    found.append((cand.s, cand.s - cand.e, _RANK[kind], kind, cand))
        found.sort(key=lambda f: f[:3])
        return [(kind, cand) for *_, kind, cand in found]

    def _timex(self, start: int, end: int, res: _Res) -> Timex:
        """Build the record; "at present" and "in future" keep only their last word."""
        text = self.text[start:end]
        if res.value.endswith("_REF") and text.lower().startswith(("at ", "in ")):
            start, text = start + 3, text[3:]
        why = f"'{text}' → {res.shown or res.value}" + (f" ({res.mod})" if res.mod else "") + f": {res.why}"
        precision = res.precision if res.begin is not None else ""
        span = Span(self.article, start, end, text)
        clause = self.clause_of(start, end)
        return Timex(span, res.type, res.value, res.mod, res.begin, res.end, precision, why, clause)

    # ---- anchoring -----------------------------------------------------------------------------

    def _anchor(self, unit: str) -> tuple[dt.date | None, str]:
        """Return the date "a day later" counts from (the last date mentioned, else dct) and why."""
        order = ["day", "week", "month", "quarter", "year", "decade"]
        if self.ref is not None and self.ref.begin is not None:
            if self.ref.precision in order and order.index(self.ref.precision) <= order.index(R.grain(unit)):
                return self.ref.begin, f"counted from the last date mentioned ({R.show(self.ref)})"
            return None, f"the last date mentioned ({R.show(self.ref)}) is too coarse to count {unit}s from"
        if self.dct is not None:
            return self.dct, f"no earlier date in the text, so counted from the article date ({self.dct})"
        return None, "no earlier date in the text and the article has no date; left unanchored"

    def _place_year(self, index: int, dct_index: int, m: Candidate, name: str) -> tuple[int, str]:
        """Choose the year of a month, day or quarter given without one, from the tense around it.

        Past context and a month after dct's month means last year; future context and a month
        before dct's month means next year; anything else is dct's year.
        """
        assert self.dct is not None
        tense, cue = self.tense_at(m.s, m.e)
        if tense == "past" and index > dct_index:
            return (
                self.dct.year - 1,
                f"no year given; past context ('{cue}') and {name} comes later in the year than the article date, "
                "so the year before",
            )
        if tense == "future" and index < dct_index:
            return (
                self.dct.year + 1,
                f"no year given; future context ('{cue}') and {name} comes earlier in the year than the article date, "
                "so the year after",
            )
        return self.dct.year, "no year given, so the article's year" + (
            f", {tense} context ('{cue}')" if tense else ""
        )

    # ---- calendar dates ------------------------------------------------------------------------

    def _calendar_date(self, m: Candidate, month: int, day: int, year: int | None) -> _Res | None:
        """Resolve a month and day, with or without a year."""
        why = "a full date"
        if year is None:
            if self.dct is None:
                return _no_dct("DATE", f"XXXX-{month:02d}-{day:02d}", "no year given")
            year, why = self._place_year(month, self.dct.month, m, calendar.month_name[month])
        try:
            return _dated(R.period("day", dt.date(year, month, day)), why)
        except ValueError:  # "February 30"
            return None

    def _r_date_mdy(self, m: Candidate) -> _Res | None:
        """Resolve "March 6, 2008", "6 March 2008" and "December 1st"."""
        month = next(R.MONTHS[w.lower()] for w in R.WORD.findall(m.text) if w.lower() in R.MONTHS)
        year = m.m.group("y")
        return self._calendar_date(m, month, int(R.DIGITS.findall(m.text)[0]), int(year) if year else None)

    _r_date_dmy = _r_date_mdy

    def _r_date_iso(self, m: Candidate) -> _Res | None:
        """Resolve "2008-03-06"."""
        year, month, day = (int(n) for n in m.text.split("-"))
        return self._calendar_date(m, month, day, year)

    def _r_date_num(self, m: Candidate) -> _Res | None:
        """Resolve "7/8/07" as month/day/year, or day/month/year when the first number exceeds 12."""
        a, b, year = m.text.split("/")
        month, day = (int(a), int(b)) if int(a) <= 12 else (int(b), int(a))
        return self._calendar_date(m, month, day, R.full_year(year))

    def _r_holiday(self, m: Candidate) -> _Res | None:
        """Resolve "Christmas" and other fixed-date holidays like a date without a year."""
        month, day = R.HOLIDAYS[" ".join(_words(m))]
        return self._calendar_date(m, month, day, None)

    def _r_month_year(self, m: Candidate) -> _Res | None:
        """Resolve "March 2008" and "early March 2008"."""
        month = next(R.MONTHS[w.lower()] for w in R.WORD.findall(m.text) if w.lower() in R.MONTHS)
        year = int(R.DIGITS.findall(m.text)[-1])
        return _dated(R.period("month", dt.date(year, month, 1)), "month and year given", self.mod_of(m.text))

    def _r_month(self, m: Candidate) -> _Res | None:
        """Resolve "in March", "last March" and "mid-March" from the determiner or the tense."""
        word = R.WORD.findall(m.text)[-1]
        month, det = R.MONTHS[word.lower()], _words(m)[0]
        if self.dct is None:
            return _no_dct("DATE", f"XXXX-{month:02d}", "no year given")
        if det in ("last", "next", "this"):
            step = {"last": -(month >= self.dct.month), "next": int(month <= self.dct.month), "this": 0}[det]
            where = {"last": "before", "next": "after", "this": "in the year of"}[det]
            return _dated(
                R.period("month", dt.date(self.dct.year + step, month, 1)),
                f"the {word} {where} the article date",
            )
        year, why = self._place_year(month, self.dct.month, m, word)
        mod = self.mod_of(m.text) if len(m.text) > len(word) else ""
        return _dated(R.period("month", dt.date(year, month, 1)), why, mod)

    def _r_year(self, m: Candidate) -> _Res | None:
        """Resolve "2018", "fiscal 2008" and "mid-2011"."""
        low = m.text.lower()
        p = R.period("year", dt.date(int(R.DIGITS.findall(low)[-1]), 1, 1))
        if "fiscal" in low or "financial" in low or low.startswith("fy"):
            fiscal = Period(f"FY{p.value}", p.begin, p.end, "year")
            return _dated(fiscal, "a fiscal year, shown as the calendar year since fiscal calendars vary")
        return _dated(p, "a year", self.mod_of(low) if not low[0].isdigit() else "")

    def _r_fy_short(self, m: Candidate) -> _Res | None:
        """Resolve "FY08"."""
        year = R.full_year(R.DIGITS.findall(m.text)[-1])
        p = Period(f"FY{year}", dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
        return _dated(p, "a fiscal year, shown as the calendar year since fiscal calendars vary")

    def _r_decade(self, m: Candidate) -> _Res | None:
        """Resolve "the 1990s" and "the early '90s"; "the 1800s" is a century."""
        low = m.text.lower()
        digits = R.DIGITS.findall(low)[-1]
        year = int(digits) if len(digits) == 4 else (1900 if int(digits) > 20 else 2000) + int(digits)
        mod = self.mod_of(low.removeprefix("the "))
        if len(digits) == 4 and year % 100 == 0 and year < 2000:
            p = Period(str(year // 100), dt.date(year, 1, 1), dt.date(year + 99, 12, 31), "decade")
            return _dated(p, "a century (precision 'decade' is the coarsest there is)", mod)
        return _dated(R.period("decade", dt.date(year, 1, 1)), "a decade", mod)

    # ---- days and periods relative to the article date -----------------------------------------

    def _r_weekday(self, m: Candidate) -> _Res | None:
        """Resolve "Monday", "last Friday" and "Friday morning" from the determiner or the tense."""
        words = _words(m)
        wd = next(R.WEEKDAYS[w] for w in words if w in R.WEEKDAYS)
        part = R.PARTS_OF_DAY.get(words[-1], "")
        name = m.text.split()[-2 if part else -1]
        if self.dct is None:
            return _no_dct(
                "TIME" if part else "DATE", f"XXXX-WXX-{wd + 1}" + (f"T{part}" if part else ""), f"a {name}"
            )
        d, why = self._weekday(m, wd, words[0], name)
        return _part_of_day(d, part, words[-1], why) if part else _dated(R.period("day", d), why)

    def _weekday(self, m: Candidate, wd: int, det: str, name: str) -> tuple[dt.date, str]:
        """Place a weekday: past or undecided context gives the latest one on or before dct, future the next."""
        assert self.dct is not None
        back, ahead = (self.dct.weekday() - wd) % 7, (wd - self.dct.weekday()) % 7
        dct = self.dct.isoformat()
        if det in ("last", "past"):
            return self.dct - dt.timedelta(back or 7), f"the {name} before the article date ({dct})"
        if det in ("next", "coming"):
            return self.dct + dt.timedelta(ahead or 7), f"the {name} after the article date ({dct})"
        if det == "this":
            return self.dct + dt.timedelta(
                wd - self.dct.weekday()
            ), f"the {name} in the week of the article date ({dct})"
        tense, cue = self.tense_at(m.s, m.e)
        if tense == "future" and ahead:
            return self.dct + dt.timedelta(
                ahead
            ), f"the next {name} after the article date, future context ('{cue}')"
        if tense == "present" and 0 < ahead < back:
            return self.dct + dt.timedelta(
                ahead
            ), f"the nearest {name} to the article date, present tense ('{cue}')"
        if back == 0:
            return self.dct, f"the article's date ({dct}) falls on a {name}" + (
                f", {tense} tense ('{cue}')" if tense else ""
            )
        ctx = f"{tense} context ('{cue}')" if tense else "taken as past by default"
        return self.dct - dt.timedelta(back), f"the most recent {name} before the article date ({dct}), {ctx}"

    def _r_deictic(self, m: Candidate) -> _Res | None:
        """Resolve "today", "yesterday morning", "tonight" and "last night"."""
        low = " ".join(_words(m))
        if "before yesterday" in low or "after tomorrow" in low:
            offset = -2 if "before" in low else 2
        else:
            offset = -1 if low.startswith(("yesterday", "last")) else 1 if low.startswith("tomorrow") else 0
        part = R.PARTS_OF_DAY.get(low.split()[-1], "")
        if self.dct is None:
            return _no_dct(
                "TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""), "the article date"
            )
        d = self.dct + dt.timedelta(offset)
        why = {
            0: "the article date",
            -1: "the day before the article date",
            1: "the day after the article date",
        }.get(offset, f"{abs(offset)} days {'before' if offset < 0 else 'after'} the article date")
        return _part_of_day(d, part, low.split()[-1], why) if part else _dated(R.period("day", d), why)

    def _r_relative(self, m: Candidate) -> _Res | None:
        """Resolve "last week", "the end of the month", "earlier this year" and "the following day"."""
        low = " ".join(_words(m))
        unit, det = low.split()[-1], low.split()[-2]
        mod = "" if low.startswith(("earlier", "later")) else self.mod_of(low)
        if unit in R.SEASONS:
            return self._season(m, R.SEASONS[unit][0], det, None, mod)
        if unit == "weekend" and det == "the" and not mod and self.dct is not None:
            return self._weekend(m)
        step = _STEPS.get(det, 0)
        if det in ("same", "that", "previous", "following"):
            base, how = self._anchor(unit)
            if base is None:
                return _unanchored("DATE", "XXXX-XX-XX", how)
        elif self.dct is None:
            return _no_dct(
                "DATE", "XXXX" if unit == "year" else "XXXX-XX", f"a {unit} relative to the article date"
            )
        else:
            base, how = (
                self.dct,
                f"the {unit} of the article date" if step == 0 else f"from the article date ({self.dct})",
            )
        p = R.period(unit, R.shift(base, step, unit))
        res = _dated(
            p, how if step == 0 else f"one {unit} {'back' if step < 0 else 'on'}, counted {how}", mod
        )
        if low.startswith(("earlier", "later")) and self.dct is not None and p.begin and p.end:
            res.begin, res.end = (p.begin, self.dct) if low.startswith("earlier") else (self.dct, p.end)
            res.why += f", {low.split()[0]} than the article date"
        return res

    def _weekend(self, m: Candidate) -> _Res:
        """Resolve "over the weekend": the last one in past context on a weekday, else the nearest."""
        assert self.dct is not None
        tense, cue = self.tense_at(m.s, m.e)
        back = self.dct.weekday() < 5 and tense not in ("future", "present")
        p = R.period("weekend", self.dct - dt.timedelta(7 if back else 0))
        where = "the last weekend before" if back else "the weekend nearest"
        return _dated(
            p, f"{where} the article date, " + (f"{tense} context ('{cue}')" if tense else "no tense cue")
        )

    def _season(self, m: Candidate, code: str, det: str, year: int | None, mod: str) -> _Res | None:
        """Resolve a season from its year, its determiner or the tense."""
        if year is not None:
            return _dated(R.season(code, year), "season and year given", mod)
        if self.dct is None:
            return _no_dct("DATE", f"XXXX-{code}", "a season")
        first = next(month for c, month in R.SEASONS.values() if c == code)
        if det == "last":
            year = self.dct.year - (0 if self.dct.month > first + 2 else 1)
            why = "the last such season that ended before the article date"
        elif det == "next":
            year, why = (
                self.dct.year + (self.dct.month >= first),
                "the next such season after the article date",
            )
        elif det == "this":
            year, why = self.dct.year, "the article's year"
        else:
            year, why = self._place_year(first, self.dct.month, m, f"the season ({code})")
        return _dated(R.season(code, year), why, mod)

    def _r_season(self, m: Candidate) -> _Res | None:
        """Resolve "summer 2008", "this spring" and "in the fall"."""
        words = _words(m)
        code = next(R.SEASONS[w][0] for w in words if w in R.SEASONS)
        det = next((w for w in words if w in ("this", "last", "next", "coming")), "")
        digits = R.DIGITS.findall(m.text)
        mod = self.mod_of(m.text) if words[0] not in ("this", "last", "next", "the", *R.SEASONS) else ""
        return self._season(
            m, code, "next" if det == "coming" else det, int(digits[-1]) if digits else None, mod
        )

    def _r_quarter(self, m: Candidate) -> _Res | None:
        """Resolve "the third quarter", "Q3 2008", "the first half of 2009" and "last quarter"."""
        low, words = " ".join(_words(m)), _words(m)
        name = "half" if "half" in words else "quarter"
        size = 6 if name == "half" else 3
        q = int(low[1]) if low.startswith("q") else next((R.ORDINALS[w] for w in words if w in R.ORDINALS), 0)
        q = 4 if "final" in words else q
        mod = self.mod_of(low) if "of" in words[: words.index(name) if name in words else 0] else ""
        fiscal = "FY" if re.search(r"(fiscal|financial) year|fiscal \d", low) else ""
        years = [int(n) for n in R.DIGITS.findall(low) if len(n) == 4]
        if not years and self.dct is None:
            return _no_dct("DATE", f"XXXX-{name[0].upper()}{q or 'X'}", "no year given")
        if not years and q == 0:  # "this quarter", "last quarter", "the current financial quarter"
            assert self.dct is not None
            step = -1 if "last" in words else 1 if "next" in words else 0
            day = R.shift(self.dct, step * size, "month")
            p = R.half(1 + (day.month > 6), day.year) if name == "half" else R.period("quarter", day)
            where = {-1: "before", 0: "of", 1: "after"}[step]
            return _dated(
                Period(fiscal + p.value, p.begin, p.end, p.precision),
                f"the {name} {where} the article date",
                mod,
            )
        if years:
            year, why = years[-1], f"{name} and year given"
        elif re.search(r"\byear\b", low):
            assert self.dct is not None
            year, why = (
                self.dct.year + (-1 if "last year" in low else 1 if "next year" in low else 0),
                "the year named",
            )
        else:
            assert self.dct is not None
            year, why = self._place_year(q, (self.dct.month - 1) // size + 1, m, f"{name[0].upper()}{q}")
        p = R.half(q, year) if name == "half" else R.period("quarter", dt.date(year, 3 * q - 2, 1))
        why += "; a fiscal period shown on the calendar, as fiscal calendars vary" if fiscal else ""
        return _dated(Period(fiscal + p.value, p.begin, p.end, p.precision), why, mod)

    def _r_fiscal_year(self, m: Candidate) -> _Res | None:
        """Resolve "the fiscal year" and "last fiscal year" (shown as the calendar year)."""
        words = _words(m)
        if self.dct is None:
            return _no_dct("DATE", "FYXXXX", "a fiscal year")
        year = self.dct.year + (-1 if "last" in words else 1 if "next" in words else 0)
        p = Period(f"FY{year}", dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
        return _dated(
            p, "the fiscal year of the article date, shown as the calendar year", self.mod_of(m.text)
        )

    def _r_ago(self, m: Candidate) -> _Res | None:
        """Resolve "two weeks ago" (from dct) and "a day later" (from the last date mentioned)."""
        found = _SHIFT.search(" ".join(_words(m)))
        unit = R.unit_of(found.group(2)) if found else None
        if found is None or unit is None:
            return None
        amount = R.number(found.group(1)) if found.group(1) else None
        direction = found.group(3)
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        mod = "APPROX" if _words(m)[0] in R.APPROX_WORDS else ""
        if amount is None:
            value = "PAST_REF" if sign < 0 else "FUTURE_REF"
            return _Res("DATE", value, mod=mod, why=f"an unspecified number of {unit}s {direction}")
        base: dt.date | None
        if direction in ("ago", "from now"):
            base, how = self.dct, f"counted from the article date ({self.dct})"
            if base is None:
                return _no_dct("DATE", "XXXX-XX-XX", f"{direction} the article date")
        else:
            base, how = self._anchor(unit)
            if base is None:
                return _unanchored("DATE", "XXXX-XX-XX", how)
        p = R.period(R.grain(unit), R.shift(base, sign * amount, unit))
        return _dated(p, f"{R.fmt_amount(amount)} {unit}(s) {'back' if sign < 0 else 'on'}, {how}", mod)

    # ---- durations, vague references and sets --------------------------------------------------

    def _r_span(self, m: Candidate) -> _Res | None:
        """Resolve "the last four days" and "the next six months" as ranges ending or starting at dct."""
        words = _words(m)
        which, unit, amount_text = words[1], R.unit_of(words[-1]), " ".join(words[2:-1])
        if unit is None:
            return None
        if not amount_text and unit == "day" and which in ("next", "following", "previous"):
            base, how = self._anchor("day")
            if base is None:
                return _unanchored("DATE", "XXXX-XX-XX", how)
            step = -1 if which == "previous" else 1
            return _dated(
                R.period("day", base + dt.timedelta(step)), f"one day {'back' if step < 0 else 'on'}, {how}"
            )
        amount = 1.0 if not amount_text else R.number(amount_text)  # "few" gives None
        value = R.duration_value(amount, unit)
        if which in ("first", "final", "previous", "following") or self.dct is None or amount is None:
            return _Res("DURATION", value, why="a length of time")
        if which in ("past", "last"):
            return _span(
                value, R.shift(self.dct, -amount, unit), self.dct, "counted back from the article date"
            )
        return _span(
            value, self.dct, R.shift(self.dct, amount, unit), "counted forward from the article date"
        )

    def _r_duration(self, m: Candidate) -> _Res | None:
        """Resolve "three years", "almost two and a half years" and "the nine-year insurgency"."""
        low = " ".join(_words(m))
        found = _AMOUNT.search(low)
        unit = R.unit_of(found.group(2)) if found else None
        if found is None or unit is None or unit == "weekend":
            return None
        amount = R.number(found.group(1))
        value = R.duration_value(amount, unit)
        mod = "APPROX" if low.split()[0] in R.APPROX_WORDS else ""
        bound = R.BOUND_BEFORE.search(self.text, max(0, m.s - 15), m.s)
        _, before, after = self.tokens(bound.start() if bound else m.s, m.e)
        if self.dct is not None and amount is not None and before is not None:
            verb = before.head
            if (
                "-" in low
                and after is not None
                and after.lower_ in R.ONGOING_NOUNS
                and (before.lower_ == "the" or before.tag_ == "PRP$")
            ):
                why, mod = f"the {after.text} is taken to run up to the article date", "APPROX"
            elif (
                before.lower_ == "for"
                and verb.tag_ in ("VBN", "VBG")
                and any(c.dep_ == "aux" and c.lower_ in R.PERFECT for c in verb.children)
            ):
                why = f"present perfect ('{verb.text}'), so it runs up to the article date"
            else:
                why = ""
            if why:
                return _span(value, R.shift(self.dct, -amount, unit), self.dct, why, mod)
        said = f" (the text says '{' '.join(bound.group(1).split())}')" if bound else ""
        return _Res("DURATION", value, mod=mod, why="a length of time" + said)

    def _r_vague(self, m: Candidate) -> _Res | None:
        """Resolve "years", "several months" and "decades-long"."""
        word = next(w for w in re.split(r"[\s-]+", m.text.lower()) if R.unit_of(w))
        return _Res(
            "DURATION", R.duration_value(None, R.unit_of(word) or ""), why=f"an unspecified number of {word}"
        )

    def _r_ref(self, m: Candidate) -> _Res | None:
        """Resolve "now", "currently", "recently", "the past" and "the future"."""
        value = R.REFS[" ".join(_words(m)).removeprefix("at ").removeprefix("in ")]
        return _Res("DATE", value, why=_REF_WHY[value])

    def _r_time(self, m: Candidate, clock: tuple[int, int, str], found: list[Timex]) -> _Res:
        """Resolve a clock time on the nearest day named in its sentence, else the article date."""
        hour, minute, zone = clock
        sent = self.tokens(m.s, m.e)[0].sent
        days = [
            t
            for t in found
            if t.type == "DATE" and t.precision == "day" and sent.start_char <= t.span.start < sent.end_char
        ]
        near = min(days, key=lambda t: abs(t.span.start - m.s), default=None)
        clock_text = f"T{hour:02d}:{minute:02d}{zone}"
        if near is not None and near.begin is not None:
            d, why = near.begin, f"on the day named in the sentence ('{near.span.text}')"
        elif self.dct is not None:
            d, why = self.dct, "on the article date"
        else:
            return _no_dct("TIME", f"XXXX-XX-XX{clock_text}", "a clock time")
        return _Res(
            "TIME", d.isoformat() + clock_text, d, d, "day", why=why, shown=f"{day_text(d)}, {clock_text[1:]}"
        )

    def _r_set(self, m: Candidate) -> _Res | None:
        """Resolve "every week", "annually", "twice a year", "$99 a year" and "every Monday"."""
        low, words = " ".join(_words(m)), _words(m)
        if low in R.SETS:
            return _Res("SET", R.SETS[low], why="a regular repetition")
        wd = next((R.WEEKDAYS[w] for w in words if w in R.WEEKDAYS), None)
        if wd is not None:
            return _Res("SET", f"XXXX-WXX-{wd + 1}", why="every such weekday")
        unit = R.unit_of(words[-1])
        if unit is None:
            return None
        every = _EVERY.match(low)
        amount = (R.number(every.group(1)) if every else None) or (2.0 if "other" in words else 1.0)
        return _Res("SET", R.duration_value(amount, unit), why="a regular repetition")

    # ---- ranges --------------------------------------------------------------------------------

    def _since(self, found: list[Timex]) -> list[Timex]:
        """Add "since December 1st" as a range from that date up to the article date."""
        out = []
        for t in found:
            opener = SINCE_RX.search(self.text, max(0, t.span.start - 12), t.span.start)
            if (
                opener is None
                or t.type != "DATE"
                or t.begin is None
                or self.dct is None
                or t.begin > self.dct
            ):
                continue
            if self.past_perfect(t.span.start, t.span.end):  # "had been closed since 2003" ends in the past
                continue
            days = (self.dct - t.begin).days
            why = f"'since' counts from the first day of '{t.span.text}' up to the article date ({self.dct})"
            out.append(self._timex(opener.start(), t.span.end, _span(f"P{days}D", t.begin, self.dct, why)))
        return out

    def _ranges(self, found: list[Timex]) -> list[Timex]:
        """Add "between 2012 and 2016" or "from March to May" as one range over both dates, and "since X"."""
        out = self._since(found)
        for a, b in itertools.pairwise(found):
            if a.type != "DATE" or b.type != "DATE" or a.precision != b.precision or not a.precision:
                continue
            assert a.begin is not None and b.begin is not None and b.end is not None
            opener = R.RANGE_OPEN.search(self.text, max(0, a.span.start - 10), a.span.start)
            gap = self.text[a.span.end : b.span.start]
            dash = gap.strip() in ("-", "\u2013")
            if not R.RANGE_GAP.fullmatch(gap) or not (opener or dash) or b.end < a.begin:
                continue
            why = f"from the start of {a.span.text} to the end of {b.span.text}, the value being the gap between them"
            value = R.range_value(a.begin, b.begin, a.precision)
            out.append(
                self._timex(
                    opener.start() if opener else a.span.start, b.span.end, _span(value, a.begin, b.end, why)
                )
            )
        return out
