"""Escaping untrusted text into Markdown, and relative links."""

from __future__ import annotations

import re

import markdown as python_markdown
import pytest

from generator.publish.markdown import escape, external_link, link, rel


def _html(text: str) -> str:
    return python_markdown.markdown(text, extensions=["attr_list", "tables"])


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "![x](http://evil/x.png)",
        "**bold** _em_ `code`",
        "# heading",
        "- list item",
        "1. numbered",
        "a | b | c",
        "text {: onclick=alert(1) }",
        "&lt;script&gt; entity",
        "<http://evil.example>",
    ],
)
def test_escaped_text_renders_literally(hostile: str) -> None:
    html = _html(escape(hostile))
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<strong>" not in html and "<em>" not in html and "<code>" not in html
    assert "<h1" not in html and "<li>" not in html and not re.search(r"<[^>]*onclick", html)
    visible = html.replace("<p>", "").replace("</p>", "")
    import html as html_lib

    assert html_lib.unescape(visible) == hostile


def test_rel_links() -> None:
    assert rel("actors/x.md", "articles/a.md#p3") == "../articles/a.md#p3"
    assert rel("index.md", "actors/x.md") == "actors/x.md"
    assert rel("actors/index.md", "actors/x.md") == "x.md"


def test_link_escapes_its_text() -> None:
    assert link("A*B", "index.md", "actors/a-b.md") == r"[A\*B](actors/a-b.md)"


def test_external_link_only_http() -> None:
    assert external_link("x", "javascript:alert(1)") == "x"
    assert external_link("x", "https://e.org/a (b)") == "[x](https://e.org/a%20%28b%29)"
