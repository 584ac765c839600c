"""The declared schema of the overrides: one frozen record per section.

Each setting is a dataclass field made by `_setting`: its docstring says what it
does, and its `Setting` says which YAML values it accepts, how a well-typed
value is checked and how it becomes the field's value. `overrides.py` reads the
YAML against these declarations; curation reads the records' attributes.
Every record keeps the file and line of itself and of each of its settings.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from generator.dates import curated_period
from generator.model import ACTOR_KINDS, PLACE_KINDS, STATUSES
from generator.read import yamlio

T = TypeVar("T")


def suggest(word: str, choices: list[str]) -> str:
    """Return ` (did you mean 'x'?)` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in choices}
        close = [lowered[c] for c in difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)]
    return f" (did you mean '{close[0]}'?)" if close else ""


@dataclass(frozen=True, slots=True)
class Reading:
    """One setting being read, as its check sees it: its name, file and line."""

    name: str
    """The key, e.g. "lat"."""
    path: str
    """The overrides file, as shown in messages."""
    line: int
    """Line of the key."""
    warnings: list[str]
    """Where a check puts the problems that are not errors."""

    def here(self, message: str) -> str:
        """The message located at the key: `file:line: message`."""
        return self.on(self.line, message)

    def on(self, line: int, message: str) -> str:
        """The message located at another line of the same file."""
        return f"{self.path}:{line}: {message}"


Check = Callable[[Any, Reading], str]
"""A check of a well-typed value: a located error message, or an empty string."""
Convert = Callable[[Any, Reading], object]
"""Turns a checked YAML value into the field's value."""


def _as_read(value: object, _at: Reading) -> object:
    """Keep the value as YAML gave it, a list as a tuple."""
    return tuple(value) if isinstance(value, list) else value


@dataclass(frozen=True, slots=True)
class Setting:
    """How one key of an overrides file is read into a record's field."""

    accepts: tuple[type, ...]
    """The YAML value types it takes; true/false only when `bool` is listed."""
    check: Check | None = None
    """What a well-typed value must also satisfy."""
    convert: Convert = _as_read
    """How the checked value becomes the field's value."""


def _setting(
    default: T, accepts: tuple[type, ...], check: Check | None = None, convert: Convert = _as_read
) -> T:
    """Declare an optional setting: its default, then how it is read (see `Setting`)."""
    return field(default=default, metadata={"setting": Setting(accepts, check, convert)})


def _required(accepts: tuple[type, ...]) -> Any:  # Any: what dataclasses.field gives without a default
    """Declare a setting that must be written."""
    return field(metadata={"setting": Setting(accepts)})


def settings_of(record: type) -> Mapping[str, Setting]:
    """The declared settings of a record type, by key, in declaration order."""
    return {f.name: f.metadata["setting"] for f in dataclasses.fields(record) if "setting" in f.metadata}


@dataclass(frozen=True, slots=True, kw_only=True)
class Written:
    """Something written in an overrides file, with the line of each of its settings."""

    path: str
    """The overrides file, as shown in messages."""
    line: int
    """Line of its name (an override) or of its first key (a pinned mention)."""
    lines: tuple[tuple[str, int], ...] = ()
    """(setting, line) for every setting that was read, in file order."""

    @property
    def where(self) -> str:
        """`file:line` of the record, for messages."""
        return f"{self.path}:{self.line}"

    def where_of(self, name: str) -> str:
        """`file:line` of one setting, or of the record when the setting is not written."""
        if name not in settings_of(type(self)):
            raise ValueError(f"{type(self).__name__} has no setting '{name}'")
        return f"{self.path}:{dict(self.lines).get(name, self.line)}"


# Checks of well-typed values. Each returns a located message, or "" when the value is fine.


def _kind(kinds: tuple[str, ...]) -> Check:
    """A check that the value is one of `kinds`."""

    def check(value: str, at: Reading) -> str:
        if value in kinds:
            return ""
        return at.here(f"kind '{value}' is not one of {', '.join(kinds)}{suggest(value, list(kinds))}")

    return check


def _status(value: str, at: Reading) -> str:
    """A check that the value is one of the event statuses."""
    if value in STATUSES:
        return ""
    return at.here(f"status '{value}' is not one of {', '.join(STATUSES)}{suggest(value, list(STATUSES))}")


def _names(value: list[object], at: Reading) -> str:
    """Aliases, roles and split names are non-empty text."""
    if all(isinstance(v, str) and v.strip() for v in value):
        return ""
    return at.here(f"'{at.name}' must be a list of non-empty text")


def _name(value: str, at: Reading) -> str:
    """A new name is visible text."""
    if value.strip():
        return ""
    return at.here(f"'{at.name}' must be non-empty text; to drop an entry write 'hide: true'")


def _latitude(value: float, at: Reading) -> str:
    return "" if -90 <= value <= 90 else at.here(f"lat {value} is outside -90..90")


def _longitude(value: float, at: Reading) -> str:
    return "" if -180 <= value <= 180 else at.here(f"lon {value} is outside -180..180")


def _amount(value: float, at: Reading) -> str:
    """A figure's value or bound: a finite number a float can hold."""
    try:
        number = float(value)
    except OverflowError:
        return at.here(f"{at.name} has {len(str(abs(int(value))))} digits; it is too large to be a figure")
    if not math.isfinite(number):
        return at.here(f"{at.name} must be a number, not {value}")
    return ""


def _as_float(value: float, _at: Reading) -> float:
    return float(value)


def _url(value: str, at: Reading) -> str:
    if value and not value.startswith(("http://", "https://")):
        return at.here(f"url must start with http:// or https://, not '{value[:30]}'")
    return ""


def _timex_date(value: dt.date | str | int, at: Reading) -> str:
    """A day, month or year on the calendar, without a time of day."""
    try:
        curated_period(value)
    except ValueError as exc:
        return at.here(f"date {exc}")
    return ""


def _date_text(value: dt.date | str | int, _at: Reading) -> str:
    """A date as the curator means it: YYYY-MM-DD, YYYY-MM or YYYY."""
    return curated_period(value)[0]


_STR = (str,)
_LIST = (list,)
_BOOL = (bool,)
_NUM = (int, float)
_DATE = (dt.date,)
_INT = (int,)


@dataclass(frozen=True, slots=True, kw_only=True)
class MentionPin(Written):
    """One mention pinned to an actor or place: a whole-word text in an article, or an offset."""

    article: str = _required(_STR)
    """The id of the article the mention is in."""
    text: str | None = _setting(None, _STR)
    """The words of the mention; None when it is given by `start` alone."""
    occurrence: int = _setting(1, _INT)
    """Which whole-word occurrence of `text` in the article, counting from 1."""
    start: int | None = _setting(None, _INT)
    """Character offset of the mention in the article body."""


def _check_pins(value: list[object], at: Reading) -> str:
    """Check a list of pinned mentions; return the first problem, each at its own line."""
    keys = settings_of(MentionPin)
    for item in value:
        if not isinstance(item, yamlio.LineDict):
            return at.here("each pinned mention must be a mapping with 'article' and 'text' or 'start'")
        for key in item:
            if key not in keys:
                at.warnings.append(
                    at.on(
                        item.line_of(key),
                        f"unknown key '{key}' in a pinned mention{suggest(str(key), list(keys))}",
                    )
                )
        for key, setting in keys.items():
            kind = setting.accepts
            if key in item and (not isinstance(item[key], kind) or isinstance(item[key], bool)):
                expected = "text" if kind == _STR else "a whole number"
                return at.on(item.line_of(key), f"'{key}' of a pinned mention must be {expected}")
        if "article" not in item or ("text" not in item and "start" not in item):
            return at.on(item.line, "a pinned mention needs 'article' and either 'text' or 'start'")
        if item.get("occurrence", 1) < 1:
            return at.on(item.line_of("occurrence"), "'occurrence' counts from 1")
        if "text" in item and not item["text"].strip():
            return at.on(item.line_of("text"), "'text' of a pinned mention must be the words of the name")
        if item.get("start", 0) < 0:
            return at.on(item.line_of("start"), "'start' is an offset into the article body, from 0")
    return ""


def _pins(value: list[yamlio.LineDict], at: Reading) -> tuple[MentionPin, ...]:
    """The checked pinned mentions as records."""
    keys = settings_of(MentionPin)
    return tuple(
        MentionPin(
            path=at.path,
            line=item.line,
            lines=tuple((k, item.line_of(k)) for k in item if k in keys),
            article=item["article"],
            text=item.get("text"),
            occurrence=item.get("occurrence", 1),
            start=item.get("start"),
        )
        for item in value
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Override(Written):
    """What every override has: the name it is written under, and the curator's reason.

    A setting that is not written keeps its default: None, or False, () or "" where not
    writing it and writing an empty value mean the same.
    """

    section: ClassVar[str]
    """The section of the overrides file, e.g. "actors"."""
    key: str
    """The file name, actor or place name, or event or figure id the override is written under."""
    reason: str = _setting("", _STR)
    """Why the curator made this change; shown with the curated mark."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleOverride(Override):
    """Metadata for one seed article, written under its file name or id."""

    section: ClassVar[str] = "articles"
    title: str | None = _setting(None, _STR)
    """Headline shown on the site."""
    date: dt.date | None = _setting(None, _DATE)  # noqa: RUF009 (a field declaration; the default is None)
    """Publication date, YYYY-MM-DD: the anchor for relative dates."""
    source: str | None = _setting(None, _STR)
    """Publisher, e.g. Reuters."""
    url: str | None = _setting(None, _STR, _url)
    """Address of the original."""
    exclude: bool = _setting(False, _BOOL)
    """Leave the article out of the briefing."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorOverride(Override):
    """Corrections to one actor, written under any of its names."""

    section: ClassVar[str] = "actors"
    name: str | None = _setting(None, _STR, _name)
    """Canonical name (rename)."""
    kind: str | None = _setting(None, _STR, _kind(ACTOR_KINDS))
    """Person, organisation, state or group."""
    aliases: tuple[str, ...] = _setting((), _LIST, _names)
    """Other names to merge into this actor."""
    split: tuple[str, ...] = _setting((), _LIST, _names)
    """Aliases whose mentions become a separate entry (undo a wrong merge)."""
    roles: tuple[str, ...] | None = _setting(None, _LIST, _names)
    """Roles and titles to add."""
    description: str | None = _setting(None, _STR)
    """A line shown at the top of the actor page."""
    hide: bool = _setting(False, _BOOL)
    """Drop a false positive."""
    listed: bool = _setting(False, _BOOL)
    """List a name the junk filter left out (the site's "Names not listed" page says why it did)."""
    mentions: tuple[MentionPin, ...] | None = _setting(None, _LIST, _check_pins, _pins)
    """Pin mentions to this actor, each a MentionPin.

    Written [{article: ID, text: NAME, occurrence: N}] or [{article: ID, start: OFFSET}].
    An actor the machine missed is created for its pinned mentions; None when not written.
    """


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceOverride(Override):
    """Corrections to one place, written under any of its names."""

    section: ClassVar[str] = "places"
    name: str | None = _setting(None, _STR, _name)
    """Canonical name (rename)."""
    kind: str | None = _setting(None, _STR, _kind(PLACE_KINDS))
    """Country, region, city, site, route or place."""
    lat: float | None = _setting(None, _NUM, _latitude)
    """Latitude in degrees."""
    lon: float | None = _setting(None, _NUM, _longitude)
    """Longitude in degrees."""
    aliases: tuple[str, ...] = _setting((), _LIST, _names)
    """Other names to merge into this place."""
    split: tuple[str, ...] = _setting((), _LIST, _names)
    """Aliases whose mentions become a separate entry (undo a wrong merge)."""
    description: str | None = _setting(None, _STR)
    """A line shown at the top of the place page."""
    hide: bool = _setting(False, _BOOL)
    """Drop a false positive."""
    listed: bool = _setting(False, _BOOL)
    """List a name the junk filter left out (the site's "Names not listed" page says why it did)."""
    mentions: tuple[MentionPin, ...] | None = _setting(None, _LIST, _check_pins, _pins)
    """Pin mentions to this place, each a MentionPin.

    Written [{article: ID, text: NAME, occurrence: N}] or [{article: ID, start: OFFSET}].
    A place the machine missed is created for its pinned mentions; None when not written.
    """


@dataclass(frozen=True, slots=True, kw_only=True)
class EventOverride(Override):
    """A correction to one event, written under its id, or a new event under a new id."""

    section: ClassVar[str] = "events"
    date: str | None = _setting(None, (dt.date, str, int), _timex_date, _date_text)
    """The right date: YYYY-MM-DD, YYYY-MM or YYYY."""
    hide: bool = _setting(False, _BOOL)
    """Drop an event that is not one."""
    article: str | None = _setting(None, _STR)
    """For a new event: the id of the article that reports it."""
    sentence: str | None = _setting(None, _STR)
    """For a new event: words of the sentence that reports it."""
    headline: str | None = _setting(None, _STR)
    """The right headline: who did what (where), in a few words."""
    status: str | None = _setting(None, _STR, _status)
    """What the text says of it: one of STATUSES (happened, scheduled, deadline, forecast …)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureOverride(Override):
    """A correction to one figure, written under its id."""

    section: ClassVar[str] = "figures"
    hide: bool = _setting(False, _BOOL)
    """Drop a number that is not a figure."""
    value: float | None = _setting(None, _NUM, _amount, _as_float)
    """The right value."""
    low: float | None = _setting(None, _NUM, _amount, _as_float)
    """The right lower bound (no more than the value and the upper bound)."""
    high: float | None = _setting(None, _NUM, _amount, _as_float)
    """The right upper bound."""
    unit: str | None = _setting(None, _STR)
    """The right unit, e.g. km, USD, %."""
    counts: str | None = _setting(None, _STR)
    """What the number counts."""
    qualifier: str | None = _setting(None, _STR)
    """More than, about, at least, nearly, up to, or empty."""


AnyOverride = ArticleOverride | ActorOverride | PlaceOverride | EventOverride | FigureOverride
"""An override of any section."""

SECTIONS: dict[str, type[AnyOverride]] = {
    cls.section: cls for cls in (ArticleOverride, ActorOverride, PlaceOverride, EventOverride, FigureOverride)
}
"""Each section of an overrides file and the record its entries become."""


def describe(types: tuple[type, ...]) -> str:
    """Name accepted types for a message."""
    names = {str: "text", list: "a list", bool: "true or false", int: "a number", float: "a number"}
    if dt.date in types:
        return "a date (YYYY-MM-DD)"
    return " or ".join(dict.fromkeys(names[t] for t in types))
