"""The curator's overrides: declared schema, loading and validation.

Overrides live in `seeds/overrides.yml` and, optionally, in the files of
`seeds/overrides/*.yml` (read in name order after the main file). Problems
are collected, never raised one at a time: every error and warning starts
with `file:line:` so the curator can jump to it. Cross-references (an
override naming an actor that does not exist) are checked later, by the
curate stage, once the corpus is resolved.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.model import ACTOR_KINDS, PLACE_KINDS
from generator.read import yamlio

# The declared schema: section -> field -> (accepted Python types, help).
_STR = (str,)
_LIST = (list,)
_BOOL = (bool,)
_NUM = (int, float)
_REASON = (_STR, "why the curator made this change; shown with the curated mark")
_MENTIONS = (
    _LIST,
    "pin mentions to this entry: [{article: ID, text: NAME, occurrence: N}] or "
    "[{article: ID, start: OFFSET}]",
)
_SPLIT = (_LIST, "aliases whose mentions become a separate entry (undo a wrong merge)")
SCHEMA: dict[str, dict[str, tuple[tuple[type, ...], str]]] = {
    "articles": {
        "title": (_STR, "headline shown on the site"),
        "date": ((dt.date,), "publication date, YYYY-MM-DD: the anchor for relative dates"),
        "source": (_STR, "publisher, e.g. Reuters"),
        "url": (_STR, "address of the original"),
        "exclude": (_BOOL, "leave the article out of the briefing"),
        "reason": _REASON,
    },
    "actors": {
        "name": (_STR, "canonical name (rename)"),
        "kind": (_STR, "person, organisation, state or group"),
        "aliases": (_LIST, "other names to merge into this actor"),
        "split": _SPLIT,
        "roles": (_LIST, "roles and titles to add"),
        "description": (_STR, "a line shown at the top of the actor page"),
        "hide": (_BOOL, "drop a false positive"),
        "mentions": _MENTIONS,
        "reason": _REASON,
    },
    "places": {
        "name": (_STR, "canonical name (rename)"),
        "kind": (_STR, "country, region, city, site, route or place"),
        "lat": (_NUM, "latitude in degrees"),
        "lon": (_NUM, "longitude in degrees"),
        "aliases": (_LIST, "other names to merge into this place"),
        "split": _SPLIT,
        "description": (_STR, "a line shown at the top of the place page"),
        "hide": (_BOOL, "drop a false positive"),
        "mentions": _MENTIONS,
        "reason": _REASON,
    },
    "events": {
        "date": ((dt.date, str, int), "the right date: YYYY-MM-DD, YYYY-MM or YYYY"),
        "hide": (_BOOL, "drop an event that is not one"),
        "article": (_STR, "for a new event: the id of the article that reports it"),
        "sentence": (_STR, "for a new event: words of the sentence that reports it"),
        "reason": _REASON,
    },
    "figures": {
        "hide": (_BOOL, "drop a number that is not a figure"),
        "value": (_NUM, "the right value"),
        "low": (_NUM, "the right lower bound"),
        "high": (_NUM, "the right upper bound"),
        "unit": (_STR, "the right unit, e.g. km, USD, %"),
        "counts": (_STR, "what the number counts"),
        "qualifier": (_STR, "more than, about, at least, nearly, up to, or empty"),
        "reason": _REASON,
    },
}

MENTION_KEYS = {"article": str, "text": str, "occurrence": int, "start": int}
"""Keys of one pinned mention under `mentions:`."""

_TIMEX_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One override: the thing it names and the fields it sets."""

    section: str
    """"articles", "actors", "places", "events" or "figures"."""
    key: str
    """The file name, actor or place name, or event or figure id the override is written under."""
    fields: dict[str, Any]
    """The validated fields."""
    line: int
    """Line of the key in its overrides file."""
    path: str = ""
    """The overrides file the entry is written in, as shown in messages."""

    @property
    def where(self) -> str:
        """`file:line` of the entry, for messages."""
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class Overrides:
    """Every override in the files, with the problems found while reading them."""

    path: str
    """The main file, as shown in messages."""
    entries: tuple[Entry, ...] = ()
    """Valid entries in file order, the main file first."""
    errors: tuple[str, ...] = ()
    """Fatal problems, each `file:line: message`."""
    warnings: tuple[str, ...] = field(default=())
    """Problems that --strict makes fatal."""
    files: tuple[str, ...] = ()
    """Every overrides file read, as shown in messages."""

    def section(self, name: str) -> tuple[Entry, ...]:
        """Return the entries of one section."""
        return tuple(e for e in self.entries if e.section == name)


def suggest(word: str, choices: list[str]) -> str:
    """Return ` (did you mean 'x'?)` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in choices}
        close = [lowered[c] for c in difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)]
    return f" (did you mean '{close[0]}'?)" if close else ""


def override_files(path: Path) -> list[Path]:
    """The main overrides file, then `<stem>/*.yml` beside it, in name order."""
    folder = path.parent / path.stem
    extra = (
        sorted(p for p in folder.glob("*.y*ml") if p.suffix in (".yml", ".yaml") and p.is_file())
        if folder.is_dir()
        else []
    )
    return ([path] if path.is_file() else []) + extra


def load_overrides(path: Path, shown: str | None = None) -> Overrides:
    """Read and validate the overrides file and its folder; missing files mean no overrides."""
    shown = shown or str(path)
    shown_folder = Path(shown).parent / path.stem
    entries: list[Entry] = []
    errors: list[str] = []
    warnings: list[str] = []
    files: list[str] = []
    for file in override_files(path):
        name = shown if file == path else str(shown_folder / file.name)
        files.append(name)
        part = _load_one(file, name)
        entries.extend(part.entries)
        errors.extend(part.errors)
        warnings.extend(part.warnings)
    seen: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        key = (entry.section, entry.key.lower())
        if key in seen:
            errors.append(
                f"{entry.where}: '{entry.key}' in {entry.section} is already curated at "
                f"{seen[key].where}; keep one entry"
            )
        else:
            seen[key] = entry
    return Overrides(shown, tuple(entries), tuple(errors), tuple(warnings), tuple(files))


def _load_one(path: Path, shown: str) -> Overrides:
    """Read and validate one overrides file."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return Overrides(shown, errors=(f"{shown}: not valid UTF-8 (byte {exc.start})",))
    try:
        data = yamlio.load(text, shown)
    except ValueError as exc:
        return Overrides(shown, errors=(str(exc),))
    return validate(data, shown)


def validate(data: Any, shown: str) -> Overrides:
    """Check parsed YAML against SCHEMA and collect entries, errors and warnings."""
    errors: list[str] = []
    warnings: list[str] = []
    entries: list[Entry] = []
    if data is None:
        return Overrides(shown)
    if not isinstance(data, yamlio.LineDict):
        return Overrides(shown, errors=(f"{shown}:1: the file must be a mapping of sections",))
    for section, body in data.items():
        line = data.line_of(section)
        if section not in SCHEMA:
            warnings.append(
                f"{shown}:{line}: unknown section '{section}'{suggest(str(section), list(SCHEMA))}"
            )
            continue
        if body is None:
            continue
        if not isinstance(body, yamlio.LineDict):
            errors.append(f"{shown}:{line}: '{section}' must be a mapping of names to settings")
            continue
        for key, settings in body.items():
            entry_line = body.line_of(key)
            entry = _entry(section, key, settings, entry_line, shown, errors, warnings)
            if entry is not None:
                entries.append(entry)
    return Overrides(shown, tuple(entries), tuple(errors), tuple(warnings), (shown,))


def _entry(
    section: str,
    key: Any,
    settings: Any,
    line: int,
    shown: str,
    errors: list[str],
    warnings: list[str],
) -> Entry | None:
    """Validate one named override."""
    where = f"{shown}:{line}"
    if isinstance(key, (int, float)) and not isinstance(key, bool):
        key = str(key)  # a file called 2020.txt, an actor called 1984
    if not isinstance(key, str) or not key.strip():
        errors.append(f"{where}: names in '{section}' must be non-empty text")
        return None
    if not isinstance(settings, yamlio.LineDict):
        errors.append(f"{where}: '{key}' must be a mapping of settings")
        return None
    schema = SCHEMA[section]
    fields: dict[str, Any] = {}
    for name, value in settings.items():
        at = f"{shown}:{settings.line_of(name)}"
        if name not in schema:
            warnings.append(f"{at}: unknown key '{name}' in {section}{suggest(str(name), list(schema))}")
            continue
        types, _help = schema[name]
        if isinstance(value, bool) and bool not in types:
            ok = False
        else:
            ok = isinstance(value, types)
        if not ok:
            errors.append(f"{at}: '{name}' must be {_describe(types)}, not {type(value).__name__}")
            continue
        problem = _check_value(section, name, value, shown, settings.line_of(name), warnings)
        if problem:
            errors.append(problem if problem.startswith(shown + ":") else f"{at}: {problem}")
            continue
        fields[name] = value
    if section == "events" and ("article" in fields) != ("sentence" in fields):
        errors.append(f"{where}: a new event needs both 'article' and 'sentence'")
    return Entry(section, key.strip(), fields, line, shown)


def _describe(types: tuple[type, ...]) -> str:
    """Name accepted types for a message."""
    names = {str: "text", list: "a list", bool: "true or false", int: "a number", float: "a number"}
    if dt.date in types:
        return "a date (YYYY-MM-DD)"
    return " or ".join(dict.fromkeys(names[t] for t in types))


def _check_value(section: str, name: str, value: Any, shown: str, line: int, warnings: list[str]) -> str:
    """Return a problem with a well-typed value, or an empty string."""
    if name == "kind":
        kinds = ACTOR_KINDS if section == "actors" else PLACE_KINDS
        if value not in kinds:
            return f"kind '{value}' is not one of {', '.join(kinds)}{suggest(value, list(kinds))}"
    if name in ("aliases", "roles", "split") and not all(isinstance(v, str) and v.strip() for v in value):
        return f"'{name}' must be a list of non-empty text"
    if name == "mentions":
        return _check_mentions(value, shown, line, warnings)
    if name == "lat" and not -90 <= value <= 90:
        return f"lat {value} is outside -90..90"
    if name == "lon" and not -180 <= value <= 180:
        return f"lon {value} is outside -180..180"
    if name == "url" and value and not value.startswith(("http://", "https://")):
        return f"url must start with http:// or https://, not '{value[:30]}'"
    if (
        section == "events"
        and name == "date"
        and not isinstance(value, dt.date)
        and not _TIMEX_DATE.match(str(value))
    ):
        return f"date '{value}' must be YYYY-MM-DD, YYYY-MM or YYYY"
    if name in ("value", "low", "high") and isinstance(value, bool):
        return f"'{name}' must be a number"
    return ""


def _check_mentions(value: list[Any], shown: str, line: int, warnings: list[str]) -> str:
    """Check a list of pinned mentions; return the first problem, each with its own line."""
    for item in value:
        at = f"{shown}:{item.line if isinstance(item, yamlio.LineDict) else line}"
        if not isinstance(item, yamlio.LineDict):
            return f"{at}: each pinned mention must be a mapping with 'article' and 'text' or 'start'"
        for key in item:
            if key not in MENTION_KEYS:
                warnings.append(
                    f"{shown}:{item.line_of(key)}: unknown key '{key}' in a pinned mention"
                    f"{suggest(str(key), list(MENTION_KEYS))}"
                )
        for key, kind in MENTION_KEYS.items():
            if key in item and (not isinstance(item[key], kind) or isinstance(item[key], bool)):
                return (
                    f"{shown}:{item.line_of(key)}: '{key}' of a pinned mention must be "
                    f"{'text' if kind is str else 'a whole number'}"
                )
        if "article" not in item or ("text" not in item and "start" not in item):
            return f"{at}: a pinned mention needs 'article' and either 'text' or 'start'"
        if item.get("occurrence", 1) < 1:
            return f"{shown}:{item.line_of('occurrence')}: 'occurrence' counts from 1"
    return ""
