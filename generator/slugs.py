"""Stable, safe slugs for page names and ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""What `slugify` leaves as it is: an event's id is a slug of an article's id and an offset."""
MAX_SLUG = 80

# Arabic script to Latin, letter by letter (short vowels are not written, so "bshar-al-asd"
# for بشار الأسد): readable and deterministic, unlike a hash. Persian letters included.
_ARABIC = str.maketrans(
    {
        "ا": "a",
        "أ": "a",
        "إ": "i",
        "آ": "a",
        "ٱ": "a",
        "ب": "b",
        "ت": "t",
        "ث": "th",
        "ج": "j",
        "ح": "h",
        "خ": "kh",
        "د": "d",
        "ذ": "dh",
        "ر": "r",
        "ز": "z",
        "س": "s",
        "ش": "sh",
        "ص": "s",
        "ض": "d",
        "ط": "t",
        "ظ": "z",
        "ع": "",
        "غ": "gh",
        "ف": "f",
        "ق": "q",
        "ك": "k",
        "ل": "l",
        "م": "m",
        "ن": "n",
        "ه": "h",
        "و": "w",
        "ي": "y",
        "ى": "a",
        "ة": "a",
        "ء": "",
        "ئ": "y",
        "ؤ": "w",
        "پ": "p",
        "چ": "ch",
        "ژ": "zh",
        "گ": "g",
        "ک": "k",
        "ی": "y",
        "ـ": "",
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(c): "" for c in range(0x064B, 0x0653)},
        "\u0670": "a",
    }
)
_ARABIC_ARTICLE = re.compile(r"(?<![\u0621-\u064A])ال(?=[\u0621-\u064A])")
_ARABIC_AIN = re.compile(r"(?<![\u0621-\u064A])ع")


def transliterate(text: str) -> str:
    """Arabic-script letters in Latin ("al-" for the article); other text is unchanged."""
    if not any("\u0600" <= ch <= "\u06ff" for ch in text):
        return text
    text = text.replace("الله", "allah")  # the name of God is always written so
    text = _ARABIC_ARTICLE.sub("al-", text)
    text = _ARABIC_AIN.sub("a", text)  # a word-initial ʿayn reads as "a": عبد → abd
    return text.translate(_ARABIC)


def slugify(text: str, fallback: str = "item") -> str:
    """Return a lowercase ASCII slug that cannot leave its folder ("..", "/" are removed).

    Arabic-script names are transliterated ("bshar-al-asd"). Names in other
    non-Latin scripts keep a stable form: when nothing ASCII survives, the slug
    is the fallback plus a short hash of the name.
    """
    if len(text) <= MAX_SLUG and _SLUG.fullmatch(text):
        return text  # a slug already, as `_slugged` would leave it (87,000 ids at 10,000 articles)
    return _slugged(text, fallback)


def _slugged(text: str, fallback: str) -> str:
    """`slugify`, the long way."""
    folded = unicodedata.normalize("NFKD", transliterate(text)).encode("ascii", "ignore").decode("ascii")
    slug = _NON_WORD.sub("-", folded.lower()).strip("-")[:MAX_SLUG].strip("-")
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
