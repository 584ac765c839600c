"""Stable, safe slugs for page names and ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(text: str, fallback: str = "item") -> str:
    """Return a lowercase ASCII slug that cannot leave its folder ("..", "/" are removed).

    Names in non-Latin scripts keep a readable, stable form: when nothing ASCII
    survives, the slug is the fallback plus a short hash of the name.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_WORD.sub("-", folded.lower()).strip("-")[:80].strip("-")
    if not slug:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        slug = f"{fallback}-{digest}"
    return slug


def unique_slugs(keys: list[tuple[str, str]]) -> dict[str, str]:
    """Map each (key, name) to a unique slug; collisions get -2, -3 in key order."""
    used: set[str] = set()
    result: dict[str, str] = {}
    for key, name in sorted(keys):
        base = slugify(name)
        slug, count = base, 1
        while slug in used:
            count += 1
            slug = f"{base}-{count}"
        used.add(slug)
        result[key] = slug
    return result
