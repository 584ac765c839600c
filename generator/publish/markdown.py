"""Escaping and linking helpers for generated Markdown.

Article text and override values are untrusted. Every value that reaches a
template is escaped by Jinja's `finalize` hook unless it is a `Safe` string
that this module built from escaped parts.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
import urllib.parse

from markupsafe import Markup

_INLINE = re.compile(r"([\\`*_\[\]{}|#])")
_LIST_START = re.compile(r"^(\d+)\.(\s)")
_SPACE = re.compile(r"\s+")
_BLOCK_START = re.compile(r"^([-+])")
_ATTR_MARKDOWN = re.compile(r"([\\`*_{}\[\]|])")
"""What inline Markdown and attr_list read inside an attribute value: code, emphasis, links, braces, cells."""
_NEEDS_ESCAPE = re.compile(r"[\\`*_\[\]{}|#&<>]|[^\S ]|  |^[-+]|^\d+\.\s")
"""Anything `escape` would change: a special character, whitespace other than single spaces, a list start.
Most names and sentences have none, and one search is much cheaper than five substitutions."""


class Safe(Markup):
    """Markdown that is already escaped; templates print it as it is.

    It derives from Markup so that Jinja's autoescaping (which also covers
    macro output) passes it through untouched.
    """

    __slots__ = ()


def escape(value: object) -> Safe:
    """Escape text so Markdown and HTML show it literally, on one line."""
    if isinstance(value, Safe):
        return value
    return Safe(escape_text(str(value)))


def escape_text(text: str) -> str:
    """`escape` as a plain string, for a part of a `Safe` that is joined before it is marked.

    Joining plain strings once is much cheaper than adding `Safe` parts, each sum of which
    escapes its other side again: article pages and mention rows are built of a million parts
    at 10,000 articles.
    """
    return text if _NEEDS_ESCAPE.search(text) is None else escaped(text)


def escaped(text: str) -> str:
    """`text` with whitespace runs as one space and every Markdown and HTML special escaped."""
    text = _SPACE.sub(" ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    text = _LIST_START.sub(r"\1\\.\2", text)
    return _BLOCK_START.sub(r"\\\1", text)


def finalize(value: object) -> object:
    """Jinja finalize hook: escape everything that is not already Safe."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return escape(value)


def rel(from_page: str, to_page: str) -> str:
    """Relative link from one generated page to another (both relative to docs_dir)."""
    target, _, anchor = to_page.partition("#")
    path = relative(target, posixpath.dirname(from_page) or ".")
    return f"{path}#{anchor}" if anchor else path


@functools.lru_cache(maxsize=1 << 16)
def relative(path: str, start: str) -> str:
    """`posixpath.relpath(path, start)`, without its two `abspath` calls for plain docs_dir paths.

    Pages link each other about a hundred thousand times at a thousand articles, and `relpath`
    asks the operating system for the working directory twice each time. Paths with `.`, `..`,
    an empty or absolute part go to `relpath` itself.
    """
    to, base = _parts(path), _parts(start)
    if to is None or base is None:
        return posixpath.relpath(path, start)
    common = 0
    for a, b in zip(to, base, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + list(to[common:])) or "."


def _parts(path: str) -> tuple[str, ...] | None:
    """The parts of a relative path without `.` or `..` parts ("." is no parts); None for any other path."""
    if path == ".":
        return ()
    parts = tuple(filter(None, path.split("/")))
    if not path or path.startswith("/") or "." in parts or ".." in parts:
        return None
    return parts


def link(text: object, from_page: str, to_page: str, title: str = "", classes: tuple[str, ...] = ()) -> Safe:
    """A Markdown link with escaped text to another page of the site, with an optional tooltip and classes."""
    shown = text if isinstance(text, Safe) else escape_text(str(text))
    target = f"[{shown}]({rel(from_page, to_page)})"
    attrs = [f".{c}" for c in classes]
    if title:
        attrs.append(f'title="{attribute_text(title)}"')
    return Safe(target + ("{: " + " ".join(attrs) + " }" if attrs else ""))


def attribute_text(text: str) -> str:
    """Text for a quoted attr_list value (`{: title="…" }`) that reads back exactly, quotes curled.

    Python-Markdown runs its inline patterns over the whole line before attr_list
    reads it, so a tooltip holding `[r](javascript:…)` became a live link and `<b>`
    or a backtick broke the attribute. Markdown's specials are backslash-escaped
    (attr_list keeps the escaped character) and `&<>` written as entities.
    """
    flat = " ".join(text.split()).replace('"', "”").replace("&", "&amp;")
    return _ATTR_MARKDOWN.sub(r"\\\1", flat).replace("<", "&lt;").replace(">", "&gt;")


def external_link(text: object, url: str) -> Safe:
    """A link to an http(s) address, percent-encoded; anything else is shown as text."""
    if not url.lower().startswith(("http://", "https://")):
        return escape(text)
    quoted = urllib.parse.quote(url, safe=":/?#=&%~+,;@-._")
    quoted = quoted.replace("(", "%28").replace(")", "%29")
    return Safe(f"[{escape(text)}]({quoted})")


def url(from_page: str, to_page: str) -> str:
    """The address of `to_page` relative to `from_page`, both docs_dir paths, for raw HTML.

    MkDocs rewrites `.md` links in Markdown but not in raw HTML (the SVG graphs,
    the map's data), so those links are written as MkDocs publishes pages with
    `use_directory_urls: true` (mkdocs.yml): `actors/x.md` → `actors/x/`.
    """

    def address(page: str) -> tuple[str, str]:
        path, _, anchor = page.partition("#")
        if path == "index.md" or path.endswith("/index.md"):
            path = path[: -len("index.md")]
        elif path.endswith(".md"):
            path = path[:-3] + "/"
        return path, anchor

    target, anchor = address(to_page)
    source, _ = address(from_page)
    base = source if source.endswith("/") or not source else posixpath.dirname(source)
    path = relative(target or ".", base or ".")
    if not target or target.endswith("/"):
        path = "./" if path == "." else path + "/"
    return f"{path}#{anchor}" if anchor else path


_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
_NOT_YAML_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters PyYAML refuses to read even inside quotes; written as \\u escapes instead."""


def titled(page: str, title: str) -> str:
    """The page with its title in its front matter, escaped there: the HTML `<title>` comes from it.

    MkDocs would take the title from the first heading, and Material prints it with
    `striptags`, which turns escaped markup back into markup; `page.meta.title` it
    prints as it is. So the title is HTML-escaped here, in the page itself, then
    written as a YAML string. A page whose front matter sets a title keeps it.
    """
    text = html.escape(" ".join(title.split()))
    quoted = json.dumps(text, ensure_ascii=False)
    quoted = _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)
    found = _FRONT_MATTER.match(page)
    if found is None:
        return f"---\ntitle: {quoted}\n---\n\n{page}"
    if re.search(r"^title:", found.group(1), re.M):
        return page
    return f"---\ntitle: {quoted}\n{page[4:]}"


def json_script(element_id: str, data: object) -> Safe:
    """A `<script type="application/json">` data island that no text inside can close early."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Safe(f'<script type="application/json" id="{element_id}">{text}</script>')
