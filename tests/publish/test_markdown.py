"""Escaping untrusted text into Markdown, and relative links."""

from __future__ import annotations

import html
import posixpath
import re

import markdown as python_markdown
import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.publish import markdown as md
from generator.publish.markdown import escape, escaped, external_link, link, rel, relative


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


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab1. \n\t\u00a0-+#*_`[]{}|\\&<>x"), max_size=12))
@example("12. x")
@example(" - x")
@example("a\u2003b")
def test_plain_text_skips_escaping_only_when_it_would_not_change(text: str) -> None:
    """The quick test for text with nothing to escape never lets through text that needs escaping."""
    assert escape(text) == escaped(text)
    assert md.escape_text(text) == escaped(text)


PATH = st.lists(st.sampled_from(["a", "b", "x.md", ".", "..", ""]), max_size=4).map("/".join)


@settings(max_examples=500, deadline=None)
@given(PATH, PATH)
@example("actors/x.md", "actors")
@example("actors/", ".")
@example("/abs/x.md", "actors")
def test_relative_is_relpath(path: str, start: str) -> None:
    """The quick relative path is `posixpath.relpath`, whatever the paths (it raises as relpath does)."""
    try:
        expected = posixpath.relpath(path, start)
    except ValueError:
        with pytest.raises(ValueError):
            relative(path, start)
        return
    assert relative(path, start) == expected


def test_link_escapes_its_text() -> None:
    assert link("A*B", "index.md", "actors/a-b.md") == r"[A\*B](actors/a-b.md)"


def test_external_link_only_http() -> None:
    assert external_link("x", "javascript:alert(1)") == "x"
    assert external_link("x", "https://e.org/a (b)") == "[x](https://e.org/a%20%28b%29)"


# Issue 9: tooltips and page titles stay text whatever the names hold

TOOLTIPS = [
    "x [r](javascript:alert(5)) y",
    "*em* _u_ `code` <b>bold</b> &amp; &lt; x<y a&b (ok) ![i](j)",
    "<http://e.com> <script>alert(1)</script>",
    'a {: onclick="x" .pwned } b | c',
    "back\\slash \\[ #h -x +y 1. z",
]


@pytest.mark.parametrize("tooltip", TOOLTIPS)
def test_a_tooltip_reads_back_as_written(tooltip: str) -> None:
    source = f"| {md.link('A', 'x.md', 'y.md', title=tooltip, classes=('k',))} | b |\n|---|---|\n| c | d |\n"
    out = _html(source)
    found = re.search(r'<a class="k" href="y.md" title="([^"]*)">A</a>', out)
    assert found is not None, out
    assert html.unescape(found.group(1)) == tooltip.replace('"', "”")
    assert "javascript" not in out.replace(found.group(1), "")


def test_every_page_carries_its_title_escaped_in_its_front_matter() -> None:
    name = '</title><script>alert(1)</script> [x](javascript:y) & "q"\x9b'
    page = md.titled("# heading\n", name)
    meta = yaml.safe_load(page.split("---\n")[1])
    assert meta == {
        "title": "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:y) &amp; &quot;q&quot;\x9b"
    }
    assert page.endswith("---\n\n# heading\n")
    tagged = md.titled("---\ntags:\n  - People\n---\n\n# x\n", "A")
    assert tagged == '---\ntitle: "A"\ntags:\n  - People\n---\n\n# x\n'
    assert md.titled("---\ntitle: At a glance\n---\n# x\n", "other") == "---\ntitle: At a glance\n---\n# x\n"
