"""The curator's overrides: loading and validation against the declared schema.

Overrides live in `seeds/overrides.yml` and, optionally, in the files of
`seeds/overrides/*.yml` (read in name order after the main file). Each entry
becomes the record its section declares in `override_schema` (an
`ActorOverride`, a `FigureOverride`, ...), validated once, here. Problems are
collected, never raised one at a time: every error and warning starts with
`file:line:` so the curator can jump to it. Cross-references (an override
naming an actor that does not exist) are checked later, by the curate stage,
once the corpus is resolved.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from generator.read import yamlio
from generator.read.override_schema import (
    SECTIONS,
    ActorOverride,
    AnyOverride,
    ArticleOverride,
    EventOverride,
    FigureOverride,
    MentionPin,
    Override,
    PlaceOverride,
    Reading,
    describe,
    settings_of,
    suggest,
)

__all__ = [
    "ActorOverride",
    "AnyOverride",
    "ArticleOverride",
    "EventOverride",
    "FigureOverride",
    "MentionPin",
    "Override",
    "Overrides",
    "PlaceOverride",
    "bounds_problem",
    "load_overrides",
    "override_files",
    "suggest",
]

R = TypeVar("R", bound=Override)


@dataclass(frozen=True, slots=True)
class Overrides:
    """Every override in the files, by section, with the problems found while reading them."""

    path: str
    """The main file, as shown in messages."""
    articles: tuple[ArticleOverride, ...] = ()
    """Valid article overrides in file order, the main file first; likewise for each section below."""
    actors: tuple[ActorOverride, ...] = ()
    places: tuple[PlaceOverride, ...] = ()
    events: tuple[EventOverride, ...] = ()
    figures: tuple[FigureOverride, ...] = ()
    errors: tuple[str, ...] = ()
    """Fatal problems, each `file:line: message`."""
    warnings: tuple[str, ...] = field(default=())
    """Problems that --strict makes fatal."""
    files: tuple[str, ...] = ()
    """Every overrides file read, as shown in messages."""


@dataclass(slots=True)
class _Found:
    """What reading some overrides produced so far."""

    overrides: list[AnyOverride] = field(default_factory=list)
    """Valid overrides of every section, in file order."""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


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
    found = _Found()
    files: list[str] = []
    for file in override_files(path):
        name = shown if file == path else str(shown_folder / file.name)
        files.append(name)
        _read_file(file, name, found)
    seen: dict[tuple[str, str], Override] = {}
    for entry in found.overrides:
        key = (entry.section, entry.key.lower())
        if key in seen:
            found.errors.append(
                f"{entry.where}: '{entry.key}' in {entry.section} is already curated at "
                f"{seen[key].where}; keep one entry"
            )
        else:
            seen[key] = entry
    found.errors.extend(_pinned_twice(found.overrides))
    every = found.overrides
    return Overrides(
        shown,
        articles=_only(every, ArticleOverride),
        actors=_only(every, ActorOverride),
        places=_only(every, PlaceOverride),
        events=_only(every, EventOverride),
        figures=_only(every, FigureOverride),
        errors=tuple(found.errors),
        warnings=tuple(found.warnings),
        files=tuple(files),
    )


def _pinned_twice(overrides: Sequence[AnyOverride]) -> list[str]:
    """The same words pinned to two actors or places: each pin after the first is an error."""
    claims: dict[tuple[str, str, int | None], tuple[Override, MentionPin]] = {}
    problems = []
    for entry in overrides:
        if not isinstance(entry, (ActorOverride, PlaceOverride)):
            continue
        for pin in entry.mentions or ():
            key = (
                (pin.article, pin.text, pin.occurrence)
                if pin.text is not None
                else (pin.article, "", pin.start)
            )
            first = claims.setdefault(key, (entry, pin))
            if first[0] is not entry:
                words = f"'{pin.text}' (occurrence {pin.occurrence})" if pin.text else f"offset {pin.start}"
                problems.append(
                    f"{pin.where}: {words} in '{pin.article}' is already pinned to "
                    f"'{first[0].key}' at {first[1].where}; a mention belongs to one actor or place"
                )
    return problems


def bounds_problem(low: float | None, value: float | None, high: float | None) -> str:
    """What is wrong with a figure's bounds (low <= value <= high, where given), or ""."""
    written = [(n, v) for n, v in (("low", low), ("value", value), ("high", high)) if v is not None]
    for (first, a), (second, b) in itertools.pairwise(written):
        if a > b:
            return f"{first} {a:g} is more than {second} {b:g}; a figure needs low <= value <= high"
    return ""


def _only(overrides: Sequence[AnyOverride], kind: type[R]) -> tuple[R, ...]:
    """The overrides of one section, in file order."""
    return tuple(o for o in overrides if isinstance(o, kind))


def _read_file(path: Path, shown: str, found: _Found) -> None:
    """Read and validate one overrides file."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        found.errors.append(f"{shown}: not valid UTF-8 (byte {exc.start})")
        return
    try:
        data = yamlio.load(text, shown)
    except ValueError as exc:
        found.errors.append(str(exc))
        return
    if data is None:
        return
    if not isinstance(data, yamlio.LineDict):
        found.errors.append(f"{shown}:1: the file must be a mapping of sections")
        return
    for section, body in data.items():
        line = data.line_of(section)
        if section not in SECTIONS:
            found.warnings.append(
                f"{shown}:{line}: unknown section '{section}'{suggest(str(section), list(SECTIONS))}"
            )
            continue
        if body is None:
            continue
        if not isinstance(body, yamlio.LineDict):
            found.errors.append(f"{shown}:{line}: '{section}' must be a mapping of names to settings")
            continue
        for key, settings in body.items():
            entry = _override(SECTIONS[section], key, settings, body.line_of(key), shown, found)
            if entry is not None:
                found.overrides.append(entry)


def _override(
    kind: type[AnyOverride], key: object, settings: object, line: int, shown: str, found: _Found
) -> AnyOverride | None:
    """Validate one named override into its section's record."""
    where = f"{shown}:{line}"
    if isinstance(key, (int, float)) and not isinstance(key, bool):
        key = str(key)  # a file called 2020.txt, an actor called 1984
    if not isinstance(key, str) or not key.strip():
        found.errors.append(f"{where}: names in '{kind.section}' must be non-empty text")
        return None
    if not isinstance(settings, yamlio.LineDict):
        found.errors.append(f"{where}: '{key}' must be a mapping of settings")
        return None
    values, lines = _settings(kind, settings, shown, found)
    if kind is EventOverride and ("article" in values) != ("sentence" in values):
        found.errors.append(f"{where}: a new event needs both 'article' and 'sentence'")
    if kind is FigureOverride:
        problem = bounds_problem(values.get("low"), values.get("value"), values.get("high"))
        if problem:
            found.errors.append(f"{where}: {problem}")
            return None
    return kind(key=key.strip(), path=shown, line=line, lines=tuple(lines), **values)


def _settings(
    kind: type[AnyOverride], settings: yamlio.LineDict, shown: str, found: _Found
) -> tuple[dict[str, Any], list[tuple[str, int]]]:
    """The well-typed, checked settings of one override, converted, with their lines."""
    declared = settings_of(kind)
    values: dict[str, Any] = {}  # Any: each value is typed by its field, checked against it here
    lines: list[tuple[str, int]] = []
    for name, value in settings.items():
        at = Reading(str(name), shown, settings.line_of(name), found.warnings)
        if name not in declared:
            found.warnings.append(
                at.here(f"unknown key '{name}' in {kind.section}{suggest(str(name), list(declared))}")
            )
            continue
        setting = declared[name]
        types = setting.accepts
        if (isinstance(value, bool) and bool not in types) or not isinstance(value, types):
            found.errors.append(at.here(f"'{name}' must be {describe(types)}, not {type(value).__name__}"))
            continue
        problem = setting.check(value, at) if setting.check else ""
        if problem:
            found.errors.append(problem)
            continue
        values[name] = setting.convert(value, at)
        lines.append((at.name, at.line))
    return values, lines
