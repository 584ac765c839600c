"""Figures: numbers that count something, with their unit, qualifier and what they count.

A figure is an optional qualifier ("more than"), currency sign, the number (digits, words or a
vague word such as "dozens"), multiplier ("billion") and unit ("km", "percent"), and an optional
second number making a range ("between 210 and 250"). Years, dates, times, durations, ages,
ordinals and numbers in names ("Boeing 787", "iPhone 4", "version 10.4") are not figures, nor
are a bare "one" ("one of the founders") or a number-hyphen-noun adjective ("three-class").

Bounds record what the text states:
- one number, exact or approximate ("875,000", "about 30km"): low = high = value;
- "more than", "at least": low = value, high None; "up to", "less than", "nearly", "almost":
  low None, high = value; a range ("200-250"): value None;
- vague words, value None: "several" 3-9, "dozens" 24-99, "scores" 40-99, "hundreds" 200-999,
  "thousands" 2,000-9,999, "tens of thousands" 20,000-99,999, "hundreds of thousands"
  200,000-999,999, "several hundred" 300-999, "a few hundred" 200-500 ("a few", "many": none);
- "a dozen" is 12, "a score of" 20; fractions are percentages ("about half of": about 50 "%").
"pounds" is money (GBP), not weight. Counts that refer back are figures ("the two companies",
"Syria's two biggest cities" counting "biggest cities").

`counts` is the counted noun with its adjectives and of-phrase ("convoys of military equipment"),
plus the verb when the noun is its subject ("Syrians fled"); with no noun, that verb
("displaced") or the phrase that governs the figure ("north of Aleppo city").
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from generator.model import FigureMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_DIGITS = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+)([a-zA-Z%²]+\d?|[”″\"])?")
_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_DIMENSIONS = re.compile(r"\d+(?:\.\d+)?[x×]\d+(?:\.\d+)?")
_CONVERSION = re.compile(r"\s*[(/]\s*")


def _table(spec: str) -> dict[str, str]:
    """Parse "a, b=X; c=Y" into {"a": "X", "b": "X", "c": "Y"}."""
    return {
        key.strip(): value.strip()
        for group in spec.split(";")
        for keys, value in [group.rsplit("=", 1)]
        for key in keys.split(",")
    }


def _words(spec: str) -> frozenset[str]:
    """The set of space-separated words in `spec`."""
    return frozenset(spec.split())


_SMALL = {
    word: float(i)
    for i, word in enumerate(
        [
            "zero",
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
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
    if i
} | {
    word: 10.0 * i
    for i, word in enumerate(["thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], 3)
}
_DIGIT_WORDS = {"zero": "0", "oh": "0", **{w: str(int(v)) for w, v in _SMALL.items() if v < 10}}
"""Words for the digits after "point" ("seventy-seven point five")."""
_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MULTIPLIERS = {**_SCALES, "bn": 1e9, "m": 1e6, "mn": 1e6, "mln": 1e6, "bln": 1e9, "tn": 1e12, "k": 1e3}
_VAGUE = {  # plural word: (base, lowest multiple, highest value when not 10 * base - 1)
    "dozens": (12.0, 2, 99.0),
    "scores": (20.0, 2, 99.0),
    "tens": (10.0, 2, None),
    "hundreds": (100.0, 2, None),
    "thousands": (1e3, 2, None),
    "millions": (1e6, 2, None),
    "billions": (1e9, 2, None),
}
_FRACTIONS = {"half": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0, "quarters": 25.0}
_AFTER_A = frozenset(_SCALES) | frozenset(_FRACTIONS) | {"dozen", "score", "few"}
_TRIGGERS = frozenset(_SMALL) | frozenset(_VAGUE) | _AFTER_A | {"several"}

_QUALIFIERS: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # last word -> (phrase, name), longest first
for _phrase, _name in sorted(
    _table(
        "more than, over, above, just over, well over, in excess of, upwards of=more than; "
        "about, around, some, approximately, roughly, an estimated=about; "
        "at least, no fewer than, no less than=at least; nearly, close to, just under=nearly; almost=almost; "
        "up to, as many as, as much as, at most, no more than=up to; "
        "less than, fewer than, under, below=less than"
    ).items(),
    key=lambda pair: -len(pair[0].split()),
):
    _QUALIFIERS.setdefault(_phrase.split()[-1], []).append((tuple(_phrase.split()), _name))
_LOWER_BOUND = frozenset({"more than", "at least"})
_UPPER_BOUND = frozenset({"up to", "less than", "nearly", "almost"})

_CURRENCY_SIGNS = _table(
    "$, us$, usd$, u.s.$, usd=USD; €, eur=EUR; £, #, gbp=GBP; ¥, jpy=JPY; c$, ca$=CAD; a$, au$=AUD; hk$=HKD; "
    "s$=SGD; nz$=NZD; r$=BRL; ₹, rs, rs.=INR; ₽=RUB; ₺=TRY; cny, rmb=CNY; chf=CHF"
)
_COUNTRY_BEFORE_SIGN = _words("us u.s. gb uk hk nz")
_CURRENCY_WORDS = _table(
    "dollar, dollars, usd, cent, cents=USD; euro, euros, eur=EUR; pound, pounds, sterling, gbp=GBP; "
    "yuan, renminbi, cny=CNY; yen=JPY; rupee, rupees=INR; rouble, roubles, ruble, rubles=RUB; lira=TRY; "
    "franc, francs=CHF"
)
_CURRENCY_ADJECTIVES = _table(
    "canadian=CAD; australian=AUD; syrian=SYP; lebanese=LBP; egyptian=EGP; turkish=TRY; swiss=CHF"
)
_CURRENCY_CODES = (
    frozenset(_CURRENCY_SIGNS.values())
    | frozenset(_CURRENCY_WORDS.values())
    | frozenset(_CURRENCY_ADJECTIVES.values())
)
_UNITS = _table(
    "km, kilometre, kilometres, kilometer, kilometers=km; metre, metres, meter, meters=m; cm, centimetres, "
    "centimeters=cm; mm, millimetres, millimeters=mm; mile, miles=mi; ft, foot, feet=ft; inch, inches, ”, ″, "
    '"=in; yards=yd; km2, km²=km²; hectares=ha; acres=acre; kg, kilograms, kilogrammes=kg; grams=g; '
    "tonnes, tonne, tons, ton=t; lb, lbs=lb; litres, liters=L; barrels=bbl; gallons=gal; gb, gigabytes=GB; "
    "mb, megabytes=MB; tb, terabytes=TB; ghz=GHz; mhz=MHz; khz=kHz; kw=kW; mw=MW; gw=GW; kwh=kWh; "
    "watts=W; db, decibels=dB; megapixels=MP; mph=mph; km/h, kph=km/h; knots=kn; degrees=°; %, percent, "
    "pc=%"
)
_MULTIWORD_UNITS = sorted(
    (
        (tuple(key.split()), unit)
        for key, unit in _table(
            "nautical miles, nautical mile=nmi; per cent=%; percentage points=pp; "
            "square kilometres, square kilometers, sq km=km²; square miles=sq mi; "
            "square feet, square foot=sq ft; square metres, square meters=m²; cubic metres=m³; "
            "degrees celsius=°C; degrees fahrenheit=°F; metric tons=t; us dollars, u.s. dollars=USD"
        ).items()
    ),
    key=lambda pair: -len(pair[0]),
)
_ATTACHED_ONLY = {"m": "m", "g": "g", "t": "t", "l": "L"}  # case-sensitive: "3G" is not grams
_METRE_CONTEXT = _words("tall high long wide deep away north south east west above below from wingspan of")
_DIMENSION_WORDS = _words("thick tall wide long high deep")

_TIME_UNITS = _words(
    "second seconds minute minutes hour hours day days night nights week weeks weekend weekends fortnight "
    "month months year years decade decades century centuries yr yrs hrs mins a.m. p.m. am pm o'clock gmt "
    "utc semester"
)
_MONTHS = _words(
    "january february march april may june july august september october november december jan jan. feb "
    "feb. mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec."
)
_ID_WORDS = _words(
    "version model number no no. nos flight generation series type phase article chapter page section "
    "route highway road room gate platform channel level category grade track episode season stage vol "
    "vol. issue resolution paragraph clause tier class mark mk release build ios windows # age aged ages "
    "gen v rank ranked"
)
_BE = _words("be been being is are was were am")
_LIST_LINKS = _words(", or and to - -- –")
_NAME_ENTS = _words("PRODUCT WORK_OF_ART LAW FAC EVENT ORG PERSON")
_PLACE_ENTS = _words("GPE NORP LOC DATE")
_DETERMINERS = _words("the its their his her our this that 's ’s")
_PLURAL = _words("NNS NNPS")
_NOUNISH = _words("NOUN PROPN")
_SUBJECT = _words("nsubj nsubjpass")
_MODIFIER_DEPS = _words("amod compound nmod")
_NUMBER_DEPS = _words("nummod quantmod amod compound nmod det advmod")


class _Number(NamedTuple):
    """A number read from the tokens: where it ends and what it says."""

    end: int  # token index one past the number and its unit
    low: float | None
    high: float | None
    exact: bool  # the text gives one number (low == high)
    unit: str
    scale: float = 1.0  # the multiplier applied ("million"), shared with a range's first half


def extract_figures(
    doc: Doc, article_id: str, exclude: Sequence[tuple[int, int]] = ()
) -> tuple[FigureMention, ...]:
    """Find every number that counts something, with its unit, qualifier and what it counts."""
    candidates, names = _scan(doc)
    text = doc.text  # built on each access: read it once
    figures: list[FigureMention] = []
    done = 0
    for i in candidates:
        if i < done:
            continue
        figure, done = _read_figure(doc, text, i, article_id, names)
        if figure is None or any(s < figure.span.end and figure.span.start < e for s, e in exclude):
            continue
        if figures and _CONVERSION.fullmatch(text[figures[-1].span.end : figure.span.start]):
            figure = replace(figure, counts=figures[-1].counts)  # "8,000 nautical miles (14,800 km)"
        figures.append(figure)
    return tuple(figures)


def _scan(doc: Doc) -> tuple[list[int], frozenset[str]]:
    """Return the tokens that may start a number, and numerals this doc uses as names."""
    candidates: list[int] = []
    names: set[str] = set()
    prev: Token | None = None
    for tok in doc:
        text = tok.text
        if text[0].isdigit():
            candidates.append(tok.i)
            if prev is not None and _PLAIN.fullmatch(text) and _names_before(prev):
                names.add(text)
        elif tok.lower_ in _TRIGGERS:
            candidates.append(tok.i)
        prev = tok
    return candidates, frozenset(names)


def _names_before(prev: Token) -> bool:
    """Whether a number right after `prev` is part of a name ("Boeing 787", "version 5", "No. 1")."""
    if prev.lower_ in _ID_WORDS or (prev.text == "." and prev.i > 0 and prev.doc[prev.i - 1].lower_ == "no"):
        return True
    return (
        (prev.tag_ == "NNP" or (prev.is_upper and prev.is_alpha and len(prev) > 1))
        and prev.lower_ not in _MONTHS
        and prev.lower_ not in _CURRENCY_SIGNS
        and prev.ent_type_ not in _PLACE_ENTS
    )  # "Boeing 787", "iPhone 4", "USB 1.1"


def _read_figure(
    doc: Doc, text: str, i: int, article_id: str, names: frozenset[str]
) -> tuple[FigureMention | None, int]:
    """Read the figure whose number starts at token i; return it (or None) and where to go on."""
    first, sign = _currency_before(doc, i)
    if first == i and i > 0 and doc[i].lower_ in _AFTER_A and doc[i - 1].lower_ in ("a", "an"):
        first = i - 1  # "a million", "a dozen", "a third of"
    number = _read_number(doc, i, sign)
    if number is None:
        return None, i + 1
    if first == i - 1 and first > 0 and doc[first - 1].lower_ == "half" and number.exact:
        first -= 1  # "half a million", "half a dozen"
        number = number._replace(low=_times(number.low, 0.5), high=_times(number.high, 0.5))
    qualifier, start = _qualifier_before(doc, first)
    ranged, start, skip = _read_range(doc, number, start, first)
    if ranged is None or _is_not_a_count(doc, i, first, ranged, qualifier, names):
        return None, max(number.end, skip)
    if not all(math.isfinite(v) for v in (ranged.low, ranged.high) if v is not None):
        return None, ranged.end  # a number too large for a float ("1" and 400 zeros)
    low = None if qualifier in _UPPER_BOUND else ranged.low
    high = None if qualifier in _LOWER_BOUND else ranged.high
    last = doc[ranged.end - 1]
    begin, end = doc[start].idx, last.idx + len(last) - (last.text[-1] == "." and last.text[0].isalpha())
    value = ranged.low if ranged.exact else None
    counts = _counts(doc, start, ranged.end)
    return FigureMention(
        Span(article_id, begin, end, text[begin:end]), value, low, high, ranged.unit, qualifier, counts
    ), ranged.end


def _currency_before(doc: Doc, i: int) -> tuple[int, str]:
    """Return the first token of a currency sign right before token i, and its code."""
    if i == 0 or doc[i - 1].lower_ not in _CURRENCY_SIGNS:
        return i, ""
    sign, text = doc[i - 1].lower_, doc[i].text
    if sign == "#" and not ("." in text or text[-2:].lower() == "bn" or _next_lower(doc, i) in _MULTIPLIERS):
        return i, ""  # "#1" is a rank; "#13 billion", "#0.79" are pounds
    start = i - 1
    if start > 0 and doc[start - 1].lower_ in _COUNTRY_BEFORE_SIGN and not sign[0].isalpha():
        start -= 1
    return start, _CURRENCY_SIGNS[sign]


def _read_number(doc: Doc, i: int, currency: str) -> _Number | None:
    """Read a number (digits, words, vague word or fraction) with multiplier and unit."""
    if i >= len(doc):
        return None
    lower = doc[i].lower_
    if lower[0].isdigit():
        return _read_digits(doc, i, currency)
    if lower in _VAGUE or lower in ("several", "few"):
        return _read_vague(doc, i, currency)
    if lower in _FRACTIONS:
        return _read_fraction(doc, i)
    number = _read_words(doc, i, currency)
    if (
        number is not None
        and number.end + 1 < len(doc)
        and doc[number.end].text == "-"
        and doc[number.end + 1].lower_ in _FRACTIONS
    ):
        return _read_fraction(doc, number.end + 1)  # "two-thirds"
    return None if number is None else _with_unit(doc, number)


def _read_digits(doc: Doc, i: int, currency: str) -> _Number | None:
    """Read "875,000", "1.78bn", "30km", "3.5 million" and what follows."""
    text = doc[i].text
    if _DIMENSIONS.fullmatch(text):
        return _Number(i + 1, None, None, False, "")
    match = _DIGITS.fullmatch(text)
    if match is None:
        return None  # "3GS", "9:45", "A380"
    value, scale = float(match.group(1).replace(",", "")), 1.0
    suffix, unit = match.group(2) or "", currency
    if (suffix.lower() in _MULTIPLIERS and suffix != "m") or (
        suffix == "m" and (currency or _next_lower(doc, i) not in _METRE_CONTEXT)
    ):
        scale = _MULTIPLIERS[suffix.lower()]
    elif suffix.lower() in _UNITS or suffix in _ATTACHED_ONLY:
        unit = unit or _UNITS.get(suffix.lower()) or _ATTACHED_ONLY[suffix]
    elif suffix:
        return None  # "4s", "1st": a plural name or an ordinal
    end = i + 1
    if scale == 1 and _next_lower(doc, i) in _SCALES:
        scale, end = _SCALES[_next_lower(doc, i)], end + 1
    return _with_unit(doc, _Number(end, value * scale, value * scale, True, unit, scale))


def _read_words(doc: Doc, i: int, currency: str) -> _Number | None:
    """Read a number in words ("forty-five", "two and a half", "a million")."""
    if doc[i].lower_ not in _SMALL and (i == 0 or doc[i - 1].lower_ not in ("a", "an")):
        return None  # a lone "million" or "dozen" belongs to something else
    total, current, scale, end, largest = 0.0, 0.0, 1.0, i, 0.0
    while end < len(doc):
        lower = doc[end].lower_
        if lower in _SMALL:
            current += _SMALL[lower]
        elif lower in _SCALES or lower == "dozen":
            scale = 12 if lower == "dozen" else _SCALES[lower]
            if scale >= 1000 and scale > largest and total:
                total, current = (total + current) * scale, 0.0  # "a hundred thousand million"
            else:
                current = (current or 1) * scale
                if scale >= 1000:
                    total, current = total + current, 0.0
            largest = max(largest, scale) if scale >= 1000 else largest
        elif lower == "score" and end == i and _next_lower(doc, end) == "of":
            current = 20
        elif end > i and lower == "-" and not doc[end - 1].whitespace_ and _next_lower(doc, end) in _SMALL:
            pass  # "forty-five"
        elif (
            end > i
            and lower == "and"
            and _next_lower(doc, end) == "a"
            and _next_lower(doc, end + 1) == "half"
        ):
            current, end = current + 0.5, end + 2  # "two and a half"
        elif end > i and lower == "point" and _next_lower(doc, end) in _DIGIT_WORDS:
            digits = ""
            while end + 1 < len(doc) and doc[end + 1].lower_ in _DIGIT_WORDS:
                digits, end = digits + _DIGIT_WORDS[doc[end + 1].lower_], end + 1
            current += float("0." + digits)  # "seventy-seven point five"
        else:
            break
        end += 1
    return _Number(end, total + current, total + current, True, currency, scale) if end > i else None


def _read_vague(doc: Doc, i: int, currency: str) -> _Number | None:
    """Read "dozens", "hundreds of thousands", "several hundred", "a few million"."""
    lower, end, n = doc[i].lower_, i + 1, len(doc)
    if lower in ("several", "few"):
        if lower == "few" and (_next_lower(doc, i) not in _SCALES or i == 0 or doc[i - 1].lower_ != "a"):
            return None
        low, top = (3.0, 10.0) if lower == "several" else (2.0, 5.0)
        while end < n and doc[end].lower_ in _SCALES:
            scale = _SCALES[doc[end].lower_]
            low, top, end = low * scale, top * scale, end + 1
        top = top - 1 if lower == "several" else top
    else:
        base, times, cap = _VAGUE[lower]
        low, top = base * times, cap if cap is not None else base * 10 - 1
        while end + 1 < n and doc[end].lower_ == "of" and doc[end + 1].lower_ in _VAGUE:
            scale = _VAGUE[doc[end + 1].lower_][0]
            low, top, end = low * scale, (top + 1) * scale - 1, end + 2
    if not currency and end + 1 < n and doc[end].lower_ == "of" and doc[end + 1].lower_ in _CURRENCY_WORDS:
        currency, end = _CURRENCY_WORDS[doc[end + 1].lower_], end + 2  # "millions of dollars"
    return _with_unit(doc, _Number(end, low, top, False, currency))


def _read_fraction(doc: Doc, i: int) -> _Number | None:
    """Read "half of", "a third of", "two-thirds" as a percentage."""
    lower = doc[i].lower_
    prev = doc[i - 1].lower_ if i > 0 else ""
    joined = prev == "-" and i > 1 and doc[i - 2].lower_ in _SMALL
    before = doc[i - 2].lower_ if joined else prev
    times = _SMALL.get(before, 1 if before in ("a", "an") else 0)
    if lower == "half" and not times:
        if before in ("the", "first", "second") or _next_lower(doc, i) != "of":
            return None
        times = 1
    elif not times or not (joined or _next_lower(doc, i) == "of"):
        return None
    return _Number(i + 1, _FRACTIONS[lower] * times, _FRACTIONS[lower] * times, True, "%")


def _with_unit(doc: Doc, number: _Number) -> _Number:
    """Extend a number over a following money multiplier ("$269m"), unit or currency word."""
    n, end = len(doc), number.end
    word = doc[end].lower_.rstrip(".") if end < n else ""
    if number.scale == 1 and word in _MULTIPLIERS and word not in _SCALES:
        metres = word == "m" and (doc[end - 1].whitespace_ or _next_lower(doc, end) in _METRE_CONTEXT)
        if not metres or number.unit in _CURRENCY_CODES:
            scale = _MULTIPLIERS[word]
            return _with_unit(
                doc,
                number._replace(
                    end=end + 1, low=_times(number.low, scale), high=_times(number.high, scale), scale=scale
                ),
            )
    at = end + 1 if end + 1 < n and doc[end].text == "-" and not doc[end - 1].whitespace_ else end
    words = tuple(t.lower_ for t in doc[at : at + 3])
    for phrase, code in _MULTIWORD_UNITS:
        if words[: len(phrase)] == phrase and (not number.unit or number.unit == code):
            return number._replace(end=at + len(phrase), unit=code)
    if not words:
        return number
    word, attached = words[0].rstrip("."), not doc[at - 1].whitespace_
    if word in _CURRENCY_ADJECTIVES and len(words) > 1 and words[1] in _CURRENCY_WORDS:
        return number._replace(end=at + 2, unit=_CURRENCY_ADJECTIVES[word])
    if word in _CURRENCY_WORDS and (not number.unit or _CURRENCY_WORDS[word] == number.unit):
        cents = 0.01 if word.startswith("cent") and not number.unit else 1.0
        return number._replace(
            end=at + 1,
            low=_times(number.low, cents),
            high=_times(number.high, cents),
            unit=_CURRENCY_WORDS[word],
        )
    if number.unit:
        return number
    if word == "in" and (_next_lower(doc, at) in _DIMENSION_WORDS or _next_lower(doc, at) == "("):
        return number._replace(end=at + 1, unit="in")  # "0.68 in (1.73 cm) thick"
    if word in _UNITS and (word[0].isalpha() or attached):
        return number._replace(end=at + 1, unit=_UNITS[word])
    if doc[at].text in _ATTACHED_ONLY and attached:
        return number._replace(end=at + 1, unit=_ATTACHED_ONLY[doc[at].text])
    return number


def _times(value: float | None, scale: float) -> float | None:
    """Multiply a bound, keeping None."""
    return None if value is None else value * scale


def _qualifier_before(doc: Doc, start: int) -> tuple[str, int]:
    """Return the normalised qualifier that ends right before token `start`, and its first token."""
    for phrase, name in _QUALIFIERS.get(doc[start - 1].lower_ if start else "", ()):
        first = start - len(phrase)
        if first >= 0 and tuple(t.lower_ for t in doc[first:start]) == phrase:
            return name, first
    return "", start


def _read_range(doc: Doc, number: _Number, start: int, first: int) -> tuple[_Number | None, int, int]:
    """Extend a number into a range ("200-250", "between 210 and 250"); None for "787-8", "3-1".

    Also returns where the range starts, and where reading goes on when it is dropped whole.
    """
    n, end = len(doc), number.end
    if end + 1 >= n or not number.exact:
        return number, start, 0
    link = doc[end].lower_
    between = first > 0 and doc[first - 1].lower_ == "between"
    hyphen = link in ("-", "–") and not doc[end - 1].whitespace_ and not doc[end].whitespace_
    if not (link in ("to", "or") or hyphen or (link == "and" and between)):
        return number, start, 0
    if first > 0 and doc[first - 1].lower_ == "by":  # "cut by $200 to $399" is a change
        return number, start, 0
    j, sign = end + 1, ""
    if j + 1 < n and doc[j].lower_ in _COUNTRY_BEFORE_SIGN and doc[j + 1].lower_ in _CURRENCY_SIGNS:
        j += 1
    if j + 1 < n and doc[j].lower_ in _CURRENCY_SIGNS and not doc[j].is_alpha:
        sign, j = _CURRENCY_SIGNS[doc[j].lower_], j + 1
    second = _read_number(doc, j, sign)
    if second is None or not second.exact or (number.unit and second.unit and number.unit != second.unit):
        return (None if hyphen else number), start, 0
    low, high = number.low, second.low
    if number.scale == 1 and second.scale > 1 and low is not None and high is not None:
        if low * second.scale <= high:  # "between 5 and 10 million"
            low *= second.scale
        elif low >= high / second.scale:
            # "between 3 and 2 million": 3 million is more than 2 million, and 3 to 2,000,000
            # is not what anyone writes; a wrong range is worse than none, and so is half of it.
            return None, start, second.end
    if low is None or high is None or high <= low:
        return (None if hyphen else number), start, 0
    range_start = first - 1 if between and link == "and" else start
    return _Number(second.end, low, high, False, number.unit or second.unit), range_start, 0


def _next_lower(doc: Doc, i: int) -> str:
    """Lowercased text of the token after i, or ""."""
    return doc[i + 1].lower_ if i + 1 < len(doc) else ""


def _is_not_a_count(
    doc: Doc, i: int, first: int, number: _Number, qualifier: str, names: frozenset[str]
) -> bool:
    """Whether the number at token i is a year, date, time, duration, age, code or name."""
    tok, text, n = doc[i], doc[i].text, len(doc)
    plain = not number.unit
    bare = plain and not qualifier and number.exact and number.end == i + 1
    prev = doc[first - 1] if first > 0 else None
    after = doc[number.end] if number.end < n else None
    if (
        plain
        and len(text) == 4
        and text.isdigit()
        and 1800 <= int(text) <= 2099
        and not (after is not None and after.tag_ in _PLURAL and tok.head == after)
    ):
        return True  # a year, or a range of years
    if plain and not qualifier and text in names:
        return True  # "the 787" or "737-800" after "Boeing 787", "Boeing 737-800"
    if bare and (tok.lower_ == "one" or (text[0] == "0" and text.isdigit() and len(text) > 1)):
        return True  # "one of the founders", serial "001"
    if (
        bare
        and after is not None
        and not tok.whitespace_
        and (
            after.is_alpha
            or (after.text == "-" and (number.end + 1 < n and doc[number.end + 1].tag_ in ("NN", "NNP")))
        )
    ):
        return True  # "3G", "a three-class layout", "a 10-point plan"
    if prev is not None:
        if not prev.whitespace_ and (
            prev.text in ("'", "’")
            or (prev.text in ("-", "–", "/") and first > 1 and not doc[first - 2].whitespace_)
        ):
            return True  # "iLife '11", "737-800", "2010-11", "24/7"
        if prev.lower_ in _MONTHS and prev.text[0].isupper():
            return True
        if (
            not qualifier
            and plain
            and _names_before(prev)
            and not (after is not None and after.tag_ in _PLURAL and prev.ent_type_ in _PLACE_ENTS)
        ):
            return True  # "Boeing 787", not "Germany 500 jobs"
        if bare and prev.lower_ == "of" and first > 1 and doc[first - 2].lower_ == "age":
            return True
        if (
            bare
            and prev.text in (",", "(")
            and first > 1
            and doc[first - 2].tag_ == "NNP"
            and after is not None
            and after.text in (",", ")", ".")
        ):
            return True  # "Papermaster, 49, had left"
        if bare and len(text) >= 3 and text.isdigit() and _is_model(doc, first, after):
            return True
    if after is not None and after.lower_ in _MONTHS and after.text[0].isupper():
        return True
    if tok.ent_iob_ == "I" and tok.ent_type_ in _NAME_ENTS and not number.unit:
        return True
    return number.unit not in _CURRENCY_CODES and number.unit != "%" and _is_time(doc, number.end)


def _is_model(doc: Doc, first: int, after: Token | None) -> bool:
    """Whether a bare number after a determiner names a model ("the 787 will", "its 777 airliner")."""
    tok, at = doc[first], first - 1
    while at > 0 and at > first - 4 and (doc[at].pos_ in ("ADJ", "ADV") or doc[at].tag_ in ("HYPH", "VBN")):
        at -= 1  # "the mid-sized 787", "its new 777"
    before = doc[at]
    if before.lower_ not in _DETERMINERS or (after is not None and after.text == "+"):
        return False
    if tok.head.i > tok.i and tok.dep_ in ("nummod", "compound", "amod", "nmod"):
        return tok.head.tag_ in ("NN", "NNP")  # "the 787 Dreamliner", not "the 500 new jobs"
    return after is None or after.tag_ in (".", ",", "CC", "MD", "VBZ", "VBD", ":", "TO", "''", "``")


def _is_time(doc: Doc, end: int) -> bool:
    """Whether the number measures time ("four days", "nine-year-old", "five, six, seven years")."""
    n, at = len(doc), end
    while at < n and at < end + 6 and (doc[at].lower_ in _LIST_LINKS or doc[at].like_num):
        at += 1
    if at < n and doc[at].lower_.split("-")[0] in _TIME_UNITS:
        return True
    tok = doc[end - 1]
    for _ in range(3):
        if (tok.dep_ not in _NUMBER_DEPS and tok.dep_ != "conj") or tok.head is tok:
            return False
        tok = tok.head
        if tok.lower_ in _TIME_UNITS:
            return True
    return False


def _counts(doc: Doc, start: int, end: int) -> str:
    """Say what the figure counts: its noun with modifiers, and the verb it is subject of."""
    anchor = _anchor(doc, start, end)
    figure = set(range(start, end))
    head = anchor.head
    if (
        anchor.dep_ in _NUMBER_DEPS
        and head.pos_ in _NOUNISH
        and head.i not in figure
        and not _is_measure(head)
    ):
        noun: Token | None = head
    else:
        noun = _of_object(anchor, end)
    if noun is None and anchor.dep_ not in _SUBJECT:
        return _fallback(anchor, figure)
    words = _noun_phrase(noun, figure) if noun is not None else set()
    subject = noun if noun is not None and noun.dep_ in _SUBJECT else anchor
    if subject.dep_ in _SUBJECT and subject.head.pos_ == "VERB" and subject.head.lower_ not in _BE:
        words.add(subject.head.i)
    elif noun is not None:
        words.update(c.i for c in noun.rights if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG"))
    return _text(doc, words)


def _anchor(doc: Doc, start: int, end: int) -> Token:
    """The token of the figure whose head lies outside it (the number's link to the sentence)."""
    outside = [t for t in doc[start:end] if not start <= t.head.i < end or t.head is t]
    for tok in outside:
        if tok.dep_ not in ("punct", "cc", "prep", "det", "advmod", "quantmod"):
            return tok
    return outside[0] if outside else doc[end - 1]


def _of_object(tok: Token, end: int) -> Token | None:
    """The object of an "of" after the figure ("dozens of towns" → towns)."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i >= end:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _noun_phrase(noun: Token, avoid: set[int]) -> set[int]:
    """Token indices of a noun with its adjectives, compounds, conjuncts and of-phrase."""
    words = {noun.i}
    for child in noun.lefts:
        if child.dep_ in _MODIFIER_DEPS and not _has_number(child, avoid):
            words.update(t.i for t in child.subtree)
    conjuncts = [
        c for c in noun.rights if c.dep_ == "conj" and c.pos_ in _NOUNISH and not _has_number(c, avoid)
    ]
    for conj in conjuncts:
        words |= _noun_phrase(conj, avoid) | {c.i for c in noun.rights if c.dep_ == "cc"}
    obj = _of_object(noun, noun.i + 1)
    if obj is not None and not _has_number(obj, avoid):
        words |= _noun_phrase(obj, avoid) | {obj.head.i}
    return words


def _has_number(tok: Token, avoid: set[int]) -> bool:
    """Whether a modifier holds a number or part of the figure (it is not what is counted)."""
    return any(t.i in avoid or t.tag_ in ("CD", "$") or t.text == "%" for t in tok.subtree)


def _is_measure(tok: Token) -> bool:
    """Whether a token is part of some figure (a number, sign, multiplier or unit), not a thing."""
    lower = tok.lower_
    return (
        tok.tag_ in ("CD", "$")
        or (lower[0] in "%0123456789" and lower[-1] != "s")
        or lower in _MULTIPLIERS
        or lower in _UNITS
        or lower in _CURRENCY_WORDS
    )


def _fallback(anchor: Token, figure: set[int]) -> str:
    """What a figure without a counted noun is about: the noun phrase or adverb phrase that governs it."""
    head = anchor.head.head if anchor.dep_ == "pobj" else anchor.head
    if head is anchor or head.i in figure or _is_measure(head):
        return ""
    avoid = figure | {t.i for t in anchor.subtree}
    if head.pos_ in _NOUNISH:
        return _text(head.doc, _noun_phrase(head, avoid))
    if head.pos_ == "ADV":
        return _text(head.doc, {t.i for t in head.subtree if t.i not in avoid})
    return ""  # a verb or adjective ("defeated", "rate") is no counted noun: better none than a wrong one


def _text(doc: Doc, words: set[int]) -> str:
    """Join the chosen tokens in order, keeping the text's own spacing inside runs."""
    parts: list[str] = []
    for i in sorted(words):
        if parts and i - 1 in words:
            parts[-1] += doc[i - 1].whitespace_ + doc[i].text
        else:
            parts.append(doc[i].text)
    return " ".join(parts)
