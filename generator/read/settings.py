"""Read the site settings file (`briefing.yml`): how the published site looks, its map and its pages.

```yaml
map:
  tiles: https://tile.openstreetmap.org/{z}/{x}/{y}.png   # online tiles; omit to stay offline
  attribution: "© OpenStreetMap contributors"
  max_zoom: 18
pages:
  min_mentions: 2      # named fewer times: a row on the index page, not a page of its own
  rows_per_page: 300   # rows on one page of the actors or places index
```

A missing file means the defaults: the bundled basemap, no request to any
other host. Every problem is reported at once as `file:line: message`.
"""

from __future__ import annotations

from pathlib import Path

from generator.config import MIN_MENTIONS, ROWS_PER_PAGE, MapSettings, PageSettings, SiteSettings
from generator.errors import GeneratorError, located
from generator.read import yamlio
from generator.read.override_schema import suggest

SECTIONS = ("map", "pages")
MAP_KEYS = ("attribution", "max_zoom", "tiles")
PAGE_KEYS = ("min_mentions", "rows_per_page")


class SettingsError(GeneratorError):
    """The settings file is broken."""


def read_settings(path: Path) -> SiteSettings:
    """The site settings from `path`; the defaults when it does not exist."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return SiteSettings()
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    try:
        data = yamlio.load(text, str(path))
    except ValueError as exc:
        raise SettingsError(str(exc)) from exc
    if data is None:
        return SiteSettings()
    if not isinstance(data, yamlio.LineDict):
        raise SettingsError(located(str(path), 1, "expected a mapping with a `map:` or `pages:` section"))
    problems = [
        located(str(path), data.line_of(key), f"unknown setting '{key}'{suggest(str(key), list(SECTIONS))}")
        for key in data
        if key not in SECTIONS
    ]
    map_settings = _map(path, data, problems)
    page_settings = _pages(path, data, problems)
    _fail(problems)
    return SiteSettings(map=map_settings, pages=page_settings)


def _section(
    path: Path, data: yamlio.LineDict, name: str, keys: tuple[str, ...], problems: list[str]
) -> yamlio.LineDict | None:
    """The mapping under `name`, its unknown keys reported; None when it is missing or not a mapping."""
    section = data.get(name)
    if section is None:
        return None
    if not isinstance(section, yamlio.LineDict):
        problems.append(located(str(path), data.line_of(name), f"{name}: expected a mapping"))
        return None
    problems += [
        located(
            str(path), section.line_of(key), f"{name}: unknown key '{key}'{suggest(str(key), list(keys))}"
        )
        for key in section
        if key not in keys
    ]
    return section


def _map(path: Path, data: yamlio.LineDict, problems: list[str]) -> MapSettings:
    """The `map:` section."""
    section = _section(path, data, "map", MAP_KEYS, problems)
    if section is None:
        return MapSettings()
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
    if not _whole(max_zoom, 1, 22):
        problems.append(
            located(str(path), section.line_of("max_zoom"), "map.max_zoom: expected a whole number, 1 to 22")
        )
        max_zoom = 18
    return MapSettings(tiles=tiles, attribution=str(attribution), max_zoom=int(max_zoom))


def _pages(path: Path, data: yamlio.LineDict, problems: list[str]) -> PageSettings:
    """The `pages:` section."""
    section = _section(path, data, "pages", PAGE_KEYS, problems)
    if section is None:
        return PageSettings()
    found: dict[str, int] = {}
    for key, default, low in (("min_mentions", MIN_MENTIONS, 1), ("rows_per_page", ROWS_PER_PAGE, 10)):
        value = section.get(key, default)
        if _whole(value, low, 1_000_000):
            found[key] = int(value)
        else:
            message = f"pages.{key}: expected a whole number, at least {low}"
            problems.append(located(str(path), section.line_of(key), message))
    return PageSettings(**found)


def _whole(value: object, low: int, high: int) -> bool:
    """A whole number (not a boolean) from `low` to `high`."""
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


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
