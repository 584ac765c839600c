"""Which words name the same kind of happening: the groups in `data/frames.yml`."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

from generator.errors import GeneratorError
from generator.read.yamlio import word_lists

DATA_FILE = Path(__file__).with_name("data") / "frames.yml"
"""The curated groups: name → lemmas."""

MEASURES_FILE = Path(__file__).with_name("data") / "measures.yml"
"""Nouns that measure (units, currencies, shares): never the object two reports share."""

LIGHT = frozenset({"be", "have", "do", "make", "get", "give", "put", "go", "come", "say", "tell", "see"})
"""Verbs that say little on their own: two reports match on them only with the same object too."""


@functools.cache
def groups() -> dict[str, frozenset[str]]:
    """Lemma → names of the groups it belongs to."""
    try:
        data = yaml.safe_load(DATA_FILE.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GeneratorError(f"{DATA_FILE}: cannot read the happening groups: {exc}") from exc
    found: dict[str, set[str]] = {}
    for name, words in sorted(data.items()):
        for word in words:
            found.setdefault(str(word).lower(), set()).add(str(name))
    return {word: frozenset(names) for word, names in found.items()}


@functools.cache
def measures() -> frozenset[str]:
    """The lemmas in MEASURES_FILE."""
    return word_lists(MEASURES_FILE, "the measure nouns")


def telling(objects: tuple[str, ...]) -> tuple[str, ...]:
    """The objects that say what a happening is about: all but the measures ("pct", "dlrs", "year")."""
    found = measures()
    return tuple(o for o in objects if o not in found)


def frames(lemma: str) -> frozenset[str]:
    """The groups a trigger's lemma belongs to, or the lemma itself when it is in none."""
    return groups().get(lemma, frozenset({lemma})) if lemma else frozenset()


def same_kind(a: str, b: str, objects_a: tuple[str, ...], objects_b: tuple[str, ...]) -> bool:
    """Two triggers naming the same kind of happening; a light verb ("be") must also share an object."""
    if not a or not b:
        return False
    if a in LIGHT or b in LIGHT:
        return a == b and bool(set(telling(objects_a)) & set(telling(objects_b)))
    return bool(frames(a) & frames(b))


def kinds(lemma: str, objects: tuple[str, ...]) -> frozenset[str]:
    """Keys two reports of one kind of happening share: the groups, or a light verb with each object."""
    if lemma in LIGHT:
        return frozenset(f"{lemma}:{o}" for o in telling(objects))
    return frames(lemma)
