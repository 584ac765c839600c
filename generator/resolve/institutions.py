"""Widely used short forms of institutions and indices, from a curated data file (stage 4: resolve).

"The Fed" is the Federal Reserve, "the Dow" the Dow Jones Industrial Average:
world knowledge no rule derives from the text. `data/institutions.yml` holds
it; a state's name before a national institution's name is allowed ("U.S.
Federal Reserve", "United States Federal Reserve"). Acronyms match only as
written in capitals ("WHO", not "the Who").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.errors import GeneratorError, located
from generator.extract import gazetteer
from generator.resolve.names import fold

DATA_FILE = Path(__file__).with_name("data") / "institutions.yml"
"""The curated institutions."""

_THE = re.compile(r"^the\s+", re.I)


@dataclass(frozen=True, slots=True)
class Institution:
    """One curated institution."""

    name: str
    """The name its page takes."""
    country: str
    """The state whose name may stand before its names; "" for international bodies."""


@dataclass(frozen=True, slots=True)
class _Table:
    folded: dict[str, Institution]
    """Folded name (not an acronym) → institution."""
    acronyms: dict[str, Institution]
    """Acronym as written → institution."""


def _problem(message: str) -> GeneratorError:
    return GeneratorError(located(str(DATA_FILE), None, message))


@functools.cache
def _table() -> _Table:
    """Load and check the data file."""
    data = yaml.safe_load(DATA_FILE.read_text("utf-8"))
    if not isinstance(data, dict):
        raise _problem("expected a mapping of institution names at the top level")
    folded: dict[str, Institution] = {}
    acronyms: dict[str, Institution] = {}
    for name, entry in data.items():
        entry = entry or {}
        if not isinstance(entry, dict) or not isinstance(entry.get("names", []), list):
            raise _problem(f"{name!r}: expected 'names:' (a list) and an optional 'country:'")
        country = str(entry.get("country") or "")
        if country and gazetteer.country_name(country) != country:
            raise _problem(f"{name!r}: {country!r} is not a country's name in the gazetteer")
        institution = Institution(str(name), country)
        for alias in (name, *entry.get("names", [])):
            alias = str(alias)
            table, key = (acronyms, alias) if _is_acronym(alias) else (folded, fold(alias))
            if table.get(key, institution) != institution:
                raise _problem(f"{alias!r} names both {table[key].name!r} and {name!r}")
            table[key] = institution
    return _Table(folded, acronyms)


def _is_acronym(name: str) -> bool:
    """True for a name written in capitals with at most a digit or two ("IMF", "S&P", "DAX")."""
    return " " not in name and name.upper() == name and sum(ch.isalpha() for ch in name) >= 2


def lookup(name: str) -> Institution | None:
    """The curated institution `name` names, with or without its state before it, or None."""
    name = _THE.sub("", name.strip())
    found = _exact(name)
    if found:
        return found
    words = name.split()
    for k in range(1, min(3, len(words) - 1) + 1):
        country = gazetteer.country_name(" ".join(words[:k]))
        rest = _exact(" ".join(words[k:]))
        if country and rest and rest.country == country:
            return rest
    return None


def _exact(name: str) -> Institution | None:
    table = _table()
    if _is_acronym(name):
        return table.acronyms.get(name)
    return table.folded.get(fold(name))
