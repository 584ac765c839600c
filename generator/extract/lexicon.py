"""Curated names: products that are not actors, and organisations known by several names.

Loaded once from `data/lexicon.yml`. Products ("iPod", "Snow Leopard", "the Safari
browser") are things, not people, organisations, states or groups; the tagger often
reads them as one of those, so the mention finder drops them. Organisation aliases
join a company's old and new names ("Apple Computer", "Apple Inc.") and spellings
("EADS", "European Aeronautic Defence & Space NV") that no rule can safely join.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.errors import GeneratorError, located

DATA_FILE = Path(__file__).with_name("data") / "lexicon.yml"
"""The curated lexicon."""

_I_PRODUCT = re.compile(r"^i[A-Z][a-z]")
"""Apple-style product names: "iPod", "iTunes", "iMac"; not "IBM"."""
_MODEL_NUMBER = re.compile(r"\s\d[\w.-]*$")
"""A trailing model or version number: "iPhone 4", "Mac OS X 10.4", "A380"."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The loaded lexicon."""

    products: frozenset[str]
    product_words: frozenset[str]
    product_nouns: frozenset[str]
    aliases: dict[str, str]
    """Alias or canonical name → canonical organisation name."""
    divisions: frozenset[str]
    """What follows a parent's name in a division's name ("North America", "Commercial Airplanes")."""
    organisation_nouns: frozenset[str]
    """Common nouns that say the name beside them is an organisation ("airline", "union")."""
    work_nouns: frozenset[str]
    """Common nouns that say the name beside them is a thing, not an actor ("song", "aircraft carrier")."""
    organisation_words: frozenset[str]
    """Words that make a name of two or more words an organisation ("Air", "Airlines")."""
    time_zones: frozenset[str]
    """Time zone abbreviations ("UTC", "EDT")."""
    units: frozenset[str]
    """Unit abbreviations ("km", "GB")."""
    institution_nouns: frozenset[str]
    """Nouns that stand for an institution's full name in the same article ("Commission", "Senate")."""
    place_nouns: frozenset[str]
    """Geographical nouns that stand for a place's full name in the same article ("the Straits")."""


@functools.cache
def lexicon() -> Lexicon:
    """Load and check `data/lexicon.yml`."""
    data = yaml.safe_load(DATA_FILE.read_text("utf-8"))
    if not isinstance(data, dict):
        raise GeneratorError(located(str(DATA_FILE), None, "expected a mapping at the top level"))
    aliases: dict[str, str] = {}
    for canonical, others in (data.get("organisations") or {}).items():
        for name in (canonical, *others):
            if aliases.get(name, canonical) != canonical:
                raise GeneratorError(
                    located(
                        str(DATA_FILE),
                        None,
                        f"{name!r} is an alias of both {aliases[name]!r} and {canonical!r}",
                    )
                )
            aliases[name] = canonical
    return Lexicon(
        products=frozenset(data.get("products") or ()),
        product_words=frozenset(data.get("product_words") or ()),
        product_nouns=frozenset(data.get("product_nouns") or ()),
        aliases=aliases,
        divisions=frozenset(data.get("divisions") or ()),
        organisation_nouns=frozenset(data.get("organisation_nouns") or ()),
        work_nouns=frozenset(data.get("work_nouns") or ()),
        organisation_words=frozenset(data.get("organisation_words") or ()),
        time_zones=frozenset(data.get("time_zones") or ()),
        units=frozenset(data.get("units") or ()),
        institution_nouns=frozenset(data.get("institution_nouns") or ()),
        place_nouns=frozenset(data.get("place_nouns") or ()),
    )


def is_product(name: str) -> bool:
    """True for a product name: curated, Apple-style ("iPod"), or ending in a product word or name."""
    lex = lexicon()
    name = _MODEL_NUMBER.sub("", name.strip())
    if name in lex.products or _I_PRODUCT.match(name):
        return True
    words = name.split()
    # "Mac App Store", "OS X Lion", "Microsoft Longhorn"; not "Mac News" (a publication).
    return len(words) > 1 and (words[-1] in lex.product_words or words[-1] in lex.products)


def is_product_noun(word: str) -> bool:
    """True for a noun that makes the name before it a product ("the Safari browser")."""
    return word.lower() in lexicon().product_nouns


def organisation_alias(name: str) -> str | None:
    """The canonical name of a curated organisation, or None."""
    return lexicon().aliases.get(name)


def is_division(rest: str) -> bool:
    """True when `rest`, after a parent organisation's name, names one of its divisions."""
    return rest in lexicon().divisions


def singular(word: str) -> str:
    """'airlines' → 'airline', 'companies' → 'company', 'series' stays."""
    if word.endswith(("ss", "series")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s"):
        return word[:-1]
    return word


def noun_class(noun: str, before: str = "") -> str:
    """The class ("organisation", "work" or "") a common noun gives the name beside it.

    `before` is the word in front of the noun, for two-word nouns ("aircraft carrier").
    """
    lex = lexicon()
    noun = singular(noun.lower())
    if before and f"{before.lower()} {noun}" in lex.work_nouns:
        return "work"
    if noun in lex.work_nouns:
        return "work"
    if noun in lex.organisation_nouns:
        return "organisation"
    return ""


def has_organisation_word(name: str) -> bool:
    """True for a name of two or more words with a word that makes it an organisation ("Air Berlin")."""
    words = name.replace(",", " ").split()
    return len(words) > 1 and any(w.strip(".") in lexicon().organisation_words for w in words)


def is_time_zone(name: str) -> bool:
    """True for a time zone abbreviation."""
    return name in lexicon().time_zones


def is_unit(name: str) -> bool:
    """True for a unit abbreviation."""
    return name in lexicon().units


def is_institution(word: str) -> bool:
    """True for a capitalised common noun that shortens an institution's name ("the Commission")."""
    return word.lower() in lexicon().institution_nouns


def is_place_noun(word: str) -> bool:
    """True for a geographical noun, singular or plural, that shortens a place's name ("the Straits")."""
    return singular(word.lower()) in lexicon().place_nouns
