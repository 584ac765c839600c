"""The curator's overrides file: declared schema, loading and validation.

Problems are collected, never raised one at a time: every error and warning
starts with `file:line:` so the curator can jump to it. Cross-references
(an override naming an actor that does not exist) are checked later, by the
curate stage, once the corpus is resolved.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import yamlio
from .model import ACTOR_KINDS, PLACE_KINDS

# The declared schema: section -> field -> (accepted Python types, help).
_STR = (str,)
_LIST = (list,)
_BOOL = (bool,)
_NUM = (int, float)
SCHEMA: dict[str, dict[str, tuple[tuple[type, ...], str]]] = {
    "articles": {
        "title": (_STR, "headline shown on the site"),
        "date": ((dt.date,), "publication date, YYYY-MM-DD: the anchor for relative dates"),
        "source": (_STR, "publisher, e.g. Reuters"),
        "url": (_STR, "address of the original"),
        "exclude": (_BOOL, "leave the article out of the briefing"),
        "reason": (_STR, "why the curator made this change"),
    },
    "actors": {
        "name": (_STR, "canonical name (rename)"),
        "kind": (_STR, "person, organisation, state or group"),
        "aliases": (_LIST, "other names to merge into this actor"),
        "roles": (_LIST, "roles and titles to add"),
        "description": (_STR, "a line shown at the top of the actor page"),
        "hide": (_BOOL, "drop a false positive"),
        "reason": (_STR, "why the curator made this change"),
    },
    "places": {
        "name": (_STR, "canonical name (rename)"),
        "kind": (_STR, "country, region, city, site or route"),
        "lat": (_NUM, "latitude in degrees"),
        "lon": (_NUM, "longitude in degrees"),
        "aliases": (_LIST, "other names to merge into this place"),
        "description": (_STR, "a line shown at the top of the place page"),
        "hide": (_BOOL, "drop a false positive"),
        "reason": (_STR, "why the curator made this change"),
    },
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One override: the thing it names and the fields it sets."""

    section: str
    """"articles", "actors" or "places"."""
    key: str
    """The file name, actor name or place name the override is written under."""
    fields: dict[str, Any]
    """The validated fields."""
    line: int
    """Line of the key in the overrides file."""


@dataclass(frozen=True, slots=True)
class Overrides:
    """Every override in the file, with the problems found while reading it."""

    path: str
    """The file, as shown in messages."""
    entries: tuple[Entry, ...] = ()
    """Valid entries in file order."""
    errors: tuple[str, ...] = ()
    """Fatal problems, each `file:line: message`."""
    warnings: tuple[str, ...] = field(default=())
    """Problems that --strict makes fatal."""

    def section(self, name: str) -> tuple[Entry, ...]:
        """Return the entries of one section."""
        return tuple(e for e in self.entries if e.section == name)


def suggest(word: str, choices: list[str]) -> str:
    """Return ` (did you mean 'x'?)` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def load_overrides(path: Path, shown: str | None = None) -> Overrides:
    """Read and validate the overrides file; a missing file means no overrides."""
    shown = shown or str(path)
    if not path.exists():
        return Overrides(shown)
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
    return Overrides(shown, tuple(entries), tuple(errors), tuple(warnings))


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
        problem = _check_value(section, name, value)
        if problem:
            errors.append(f"{at}: {problem}")
            continue
        fields[name] = value
    return Entry(section, key.strip(), fields, line)


def _describe(types: tuple[type, ...]) -> str:
    """Name accepted types for a message."""
    names = {str: "text", list: "a list", bool: "true or false", int: "a number", float: "a number"}
    if dt.date in types:
        return "a date (YYYY-MM-DD)"
    return " or ".join(dict.fromkeys(names[t] for t in types))


def _check_value(section: str, name: str, value: Any) -> str:
    """Return a problem with a well-typed value, or an empty string."""
    if name == "kind":
        kinds = ACTOR_KINDS if section == "actors" else PLACE_KINDS
        if value not in kinds:
            return f"kind '{value}' is not one of {', '.join(kinds)}{suggest(value, list(kinds))}"
    if name in ("aliases", "roles") and not all(isinstance(v, str) and v.strip() for v in value):
        return f"'{name}' must be a list of non-empty text"
    if name == "lat" and not -90 <= value <= 90:
        return f"lat {value} is outside -90..90"
    if name == "lon" and not -180 <= value <= 180:
        return f"lon {value} is outside -180..180"
    if name == "url" and value and not value.startswith(("http://", "https://")):
        return f"url must start with http:// or https://, not '{value[:30]}'"
    return ""
