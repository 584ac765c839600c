"""Read the site settings file (`briefing.yml`): how the published site looks, today the map.

```yaml
map:
  tiles: https://tile.openstreetmap.org/{z}/{x}/{y}.png   # online tiles; omit to stay offline
  attribution: "© OpenStreetMap contributors"
  max_zoom: 18
```

A missing file means the defaults: the bundled basemap, no request to any
other host. Every problem is reported at once as `file:line: message`.
"""

from __future__ import annotations

from pathlib import Path

from generator.config import MapSettings
from generator.errors import GeneratorError, located
from generator.read import yamlio
from generator.read.override_schema import suggest

SECTIONS = ("map",)
MAP_KEYS = ("attribution", "max_zoom", "tiles")


class SettingsError(GeneratorError):
    """The settings file is broken."""


def read_settings(path: Path) -> MapSettings:
    """The map settings from `path`; the defaults when it does not exist."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return MapSettings()
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    try:
        data = yamlio.load(text, str(path))
    except ValueError as exc:
        raise SettingsError(str(exc)) from exc
    if data is None:
        return MapSettings()
    if not isinstance(data, yamlio.LineDict):
        raise SettingsError(located(str(path), 1, "expected a mapping with a `map:` section"))
    problems = [
        located(str(path), data.line_of(key), f"unknown setting '{key}'{suggest(str(key), list(SECTIONS))}")
        for key in data
        if key not in SECTIONS
    ]
    section = data.get("map")
    if section is None:
        _fail(problems)
        return MapSettings()
    if not isinstance(section, yamlio.LineDict):
        problems.append(located(str(path), data.line_of("map"), "map: expected a mapping"))
        _fail(problems)
    assert isinstance(section, yamlio.LineDict)
    problems += [
        located(
            str(path), section.line_of(key), f"map: unknown key '{key}'{suggest(str(key), list(MAP_KEYS))}"
        )
        for key in section
        if key not in MAP_KEYS
    ]
    tiles = section.get("tiles")
    if tiles is not None and not _is_tile_url(tiles):
        problems.append(
            located(
                str(path),
                section.line_of("tiles"),
                "map.tiles: expected an http(s) URL with {z}, {x} and {y}, such as "
                "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            )
        )
    attribution = section.get("attribution", "")
    if not isinstance(attribution, str):
        problems.append(located(str(path), section.line_of("attribution"), "map.attribution: expected text"))
    max_zoom = section.get("max_zoom", 18)
    if isinstance(max_zoom, bool) or not isinstance(max_zoom, int) or not 1 <= max_zoom <= 22:
        problems.append(
            located(str(path), section.line_of("max_zoom"), "map.max_zoom: expected a whole number, 1 to 22")
        )
    _fail(problems)
    return MapSettings(tiles=tiles, attribution=str(attribution), max_zoom=int(max_zoom))


def _is_tile_url(value: object) -> bool:
    """An http(s) URL template naming the three tile coordinates."""
    return (
        isinstance(value, str)
        and value.startswith(("https://", "http://"))
        and all(part in value for part in ("{z}", "{x}", "{y}"))
    )


def _fail(problems: list[str]) -> None:
    """Raise one error listing every problem, if there are any."""
    if problems:
        raise SettingsError("\n".join(problems))
