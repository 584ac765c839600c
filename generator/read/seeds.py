"""Read the seeds folder into Article records (stage 1: ingest)."""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import located
from generator.model import Article, Paragraph
from generator.read import yamlio
from generator.read.overrides import ArticleOverride, Overrides, suggest
from generator.slugs import slugify, unique_slugs

log = logging.getLogger(__name__)

SUFFIXES = (".md", ".txt")
FRONT_MATTER_KEYS = {"title": str, "date": dt.date, "source": str, "url": str, "license": str}
_HEADING_MAX_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")
_INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u034f\u180e\u202a-\u202e\u2066-\u2069]")
"""Characters that show nothing (zero-width spaces and joiners, direction marks, soft hyphens)."""
_NOT_CURATED = ArticleOverride(key="", path="", line=0)
"""The override of an article the curator left alone: it sets nothing."""


@dataclass(frozen=True, slots=True)
class Ingested:
    """The articles that could be read, and the problems with the rest."""

    articles: tuple[Article, ...]
    errors: tuple[str, ...]
    warnings: tuple[str, ...]


def read_seeds(seeds: Path, overrides: Overrides) -> Ingested:
    """Read every `.md`/`.txt` file in `seeds`, sorted by name, applying article overrides."""
    errors: list[str] = []
    warnings: list[str] = []
    if not seeds.is_dir():
        return Ingested((), (f"{seeds}: the seeds folder does not exist",), ())
    files, skipped = seed_files(seeds)
    warnings.extend(skipped)
    by_name = {e.key: e for e in overrides.articles}
    slugs = unique_slugs([(p.name, p.stem) for p in files])
    by_base: dict[str, list[str]] = {}
    for path in files:
        by_base.setdefault(slugify(path.stem), []).append(path.name)
    for base, names in sorted(by_base.items()):
        if len(names) > 1:
            ids = ", ".join(f"{n} → {slugs[n]}" for n in names)
            warnings.append(f"{seeds}: files share the id '{base}'; published as {ids}")
    articles: list[Article] = []
    for path in files:
        shown = str(path)
        try:
            text = _decode(path)
            meta, body, body_line = split_front_matter(text, shown)
        except ValueError as exc:
            errors.append(str(exc))
            continue
        except OSError as exc:
            errors.append(f"{shown}: cannot read ({exc.strerror or exc})")
            continue
        article_id = slugs[path.name]
        entry = by_name.get(path.name) or by_name.get(article_id) or _NOT_CURATED
        if entry.exclude:
            log.info("%s: excluded by overrides", shown)
            continue
        problems = _check_meta(meta, shown)
        warnings.extend(problems)
        if not _INVISIBLE.sub("", body).strip():
            warnings.append(located(shown, body_line, "the article body is empty; it is left out"))
            continue
        valid = {k: v for k, v in meta.items() if isinstance(v, FRONT_MATTER_KEYS.get(k, type(None)))}
        date = _given(entry.date, valid.get("date"))
        if isinstance(date, dt.datetime):
            date = date.date()
        if not isinstance(date, dt.date):
            date = None
            warnings.append(
                f"{shown}: no publication date; relative dates stay unresolved "
                f"(set one under 'articles: {path.name}: date:' in the overrides)"
            )
        articles.append(
            Article(
                id=article_id,
                path=path.name,
                title=_text(_given(entry.title, valid.get("title"))) or path.stem,
                date=date,
                source=_text(_given(entry.source, valid.get("source"))),
                url=_text(_given(entry.url, valid.get("url"))),
                body=body,
                paragraphs=split_paragraphs(body),
                line=body_line,
            )
        )
    known = {p.name for p in files} | set(slugs.values())
    for name, entry in sorted(by_name.items()):
        if name not in known:
            warnings.append(f"{entry.where}: no article '{name}' in {seeds}{suggest(name, sorted(known))}")
    return Ingested(tuple(articles), tuple(errors), tuple(warnings))


def seed_files(seeds: Path) -> tuple[list[Path], list[str]]:
    """The regular `.md`/`.txt` files of the seeds folder, by name, and a warning for each link skipped.

    A symbolic link is never followed: a link to /etc/passwd (or to anything
    outside the folder) would otherwise be published, and a pull request can add one.
    """
    files: list[Path] = []
    skipped: list[str] = []
    for path in sorted(seeds.iterdir()):
        if path.suffix.lower() not in SUFFIXES:
            continue
        if path.is_symlink():
            target = f"it points to {os.readlink(path)}"
            try:
                path.stat()
            except FileNotFoundError:
                target += ", which does not exist"
            except OSError as exc:
                loops = exc.errno == errno.ELOOP
                target += ", which loops back on itself" if loops else f" ({exc.strerror or exc})"
            skipped.append(f"{path}: a symbolic link is not read ({target}); copy the article in instead")
        elif path.is_file():
            files.append(path)
    return files, skipped


def _decode(path: Path) -> str:
    """Read a file as UTF-8 text with `\\n` newlines, rejecting binary data and other encodings."""
    data = path.read_bytes()
    utf16 = _utf16(data)
    if utf16:
        raise ValueError(f"{path}: the file is encoded as {utf16}, not UTF-8; save it as UTF-8")
    if b"\x00" in data[:8192]:
        raise ValueError(f"{path}: looks like a binary file, not an article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ValueError(
            f"{path}:{line}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the file as UTF-8"
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utf16(data: bytes) -> str:
    """ "UTF-16" (with its byte order) when the bytes look like UTF-16 text, else ""."""
    if data.startswith(codecs.BOM_UTF16_LE):
        return "UTF-16 (little-endian)"
    if data.startswith(codecs.BOM_UTF16_BE):
        return "UTF-16 (big-endian)"
    head = data[:4096]
    pairs = len(head) // 2
    if pairs < 4:
        return ""
    # Text without a BOM: in ASCII-heavy UTF-16 one byte of nearly every pair is zero.
    even = head[0 : 2 * pairs : 2].count(0)
    odd = head[1 : 2 * pairs : 2].count(0)
    if odd > 0.9 * pairs and even < 0.1 * pairs:
        return "UTF-16 (little-endian)"
    if even > 0.9 * pairs and odd < 0.1 * pairs:
        return "UTF-16 (big-endian)"
    return ""


def split_front_matter(text: str, shown: str) -> tuple[dict[str, Any], str, int]:
    """Split `---` YAML front matter from the body; return (meta, body, first body line)."""
    if not text.startswith("---\n"):
        return {}, text, 1
    closing = re.search(r"^---[ \t]*$", text[4:], flags=re.M)
    if closing is None:
        raise ValueError(f"{shown}:1: front matter starts with '---' but never ends")
    raw = text[4 : 4 + closing.start()]
    rest = text[4 + closing.end() :]
    body = rest[1:] if rest.startswith("\n") else rest
    body_line = raw.count("\n") + 3
    try:
        meta = yamlio.load(raw, shown) if raw.strip() else {}
    except ValueError as exc:
        # yamlio counts lines from the start of the front matter, which is line 2.
        msg = str(exc)
        head, _, tail = msg.partition(": ")
        parts = head.rsplit(":", 1)
        if len(parts) == 2 and parts[1].isdigit():
            msg = f"{parts[0]}:{int(parts[1]) + 1}: {tail}"
        raise ValueError(msg) from exc
    if not isinstance(meta, dict):
        raise ValueError(f"{shown}:2: front matter must be a mapping of keys to values")
    return meta, body, body_line


def _check_meta(meta: dict[str, Any], shown: str) -> list[str]:
    """Warn about unknown keys and wrong types in front matter."""
    problems = []
    for key, value in meta.items():
        line = meta.line_of(key) + 1 if isinstance(meta, yamlio.LineDict) else 0
        where = f"{shown}:{line}" if line else shown
        if key not in FRONT_MATTER_KEYS:
            hint = suggest(str(key), list(FRONT_MATTER_KEYS))
            problems.append(f"{where}: unknown front matter key '{key}' is ignored{hint}")
        elif value is not None and not isinstance(value, FRONT_MATTER_KEYS[key]):
            expected = FRONT_MATTER_KEYS[key].__name__
            problems.append(
                f"{where}: front matter '{key}' should be {expected}, "
                f"not {type(value).__name__}; it is ignored"
            )
    return problems


def _given(override: object, front_matter: object) -> object:
    """The curator's value when the override sets one, else the front matter's."""
    return front_matter if override is None else override


def _text(value: object) -> str:
    """Return a metadata value as stripped text."""
    return str(value).strip() if isinstance(value, str) else ""


def split_paragraphs(body: str) -> tuple[Paragraph, ...]:
    """Split a body into non-empty lines; short lines without a full stop are headings."""
    paragraphs: list[Paragraph] = []
    offset = 0
    for line in body.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + (len(line) - len(line.lstrip()))
            end = start + len(stripped)
            paragraphs.append(Paragraph(len(paragraphs), start, end, is_heading(stripped)))
        offset += len(line) + 1
    return tuple(paragraphs)


def is_heading(line: str) -> bool:
    """Tell a section subheading ("Displaced", "## Background") from a sentence."""
    if line.startswith("#"):
        return True
    words = line.split()
    return (
        len(words) <= _HEADING_MAX_WORDS
        and line[0].isupper()
        and not _SENTENCE_END.search(line)
        and not any(ch.isdigit() for ch in line)
    )
