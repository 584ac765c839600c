"""Tests for `generator.events`: clauses, cross-article merging, disagreement flags, the timeline page."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.pipeline import BuildConfig, assemble

ROOT = Path(__file__).resolve().parents[2]
FILTER_JS = ROOT / "generator" / "publish" / "assets" / "timeline-filter.js"


def _corpus(tmp: Path, articles: dict[str, tuple[str, str]]) -> BuildConfig:
    """A throwaway seeds folder: file stem → (date, body)."""
    seeds = tmp / "seeds"
    seeds.mkdir()
    for stem, (date, body) in articles.items():
        (seeds / f"{stem}.md").write_text(
            f'---\ntitle: "{stem}"\ndate: {date}\nsource: Test\n---\n{body}\n', "utf-8"
        )
    return BuildConfig(seeds=seeds, overrides=seeds / "none.yml", out=tmp / "out", cache=None)


def _merged(tmp: Path, articles: dict[str, tuple[str, str]]) -> list[tuple[list[str], tuple[str, ...]]]:
    """Each event's other sources (by article) and its actors."""
    briefing, _, _ = assemble(_corpus(tmp, articles))
    return [([s.article for s in e.sources], e.actors) for e in briefing.events]


def test_same_event_in_two_articles_is_merged_with_both_sources(tmp_path: Path) -> None:
    """Same date, shared actors and places, similar words: one event listing both reports."""
    briefing, _, _ = assemble(
        _corpus(
            tmp_path,
            {
                "a": (
                    "2020-02-17",
                    "Turkey and Russia began a new round of talks in Moscow on Monday about Idlib.",
                ),
                "b": (
                    "2020-02-18",
                    "Russia and Turkey opened a new round of talks in Moscow on Monday "
                    "over the Idlib offensive.",
                ),
            },
        )
    )
    merged = [e for e in briefing.events if e.sources]
    assert len(merged) == 1
    event = merged[0]
    assert event.timex.value == "2020-02-17"
    assert [s.article for s in event.sources] == ["a", "b"]
    assert event.id == "a-58"  # the first report's id: "a", then the offset of its "Monday"
    assert {"russia", "turkey"} <= set(event.actors) and "moscow" in event.places
    assert event.disagreement == ""


def test_unrelated_events_on_one_date_stay_apart(tmp_path: Path) -> None:
    """A shared date alone does not merge: the wording must match too."""
    briefing, _, _ = assemble(
        _corpus(
            tmp_path,
            {
                "a": ("2020-02-17", "Turkey and Russia began a new round of talks in Moscow on Monday."),
                "b": (
                    "2020-02-17",
                    "Turkey reported heavy snowfall across Anatolia on Monday, closing schools.",
                ),
            },
        )
    )
    assert [e.sources for e in briefing.events] == [(), ()]


def test_two_figures_in_the_same_unit_are_not_one_happening(tmp_path: Path) -> None:
    """ "Growth was 15.9 pct" and "inflation was 3.8 pct" share a copula and a unit, nothing else.

    Found at 2,000 Reuters stories, where such rates chained into one "event" with 75 sources.
    """
    briefing, _, _ = assemble(
        _corpus(
            tmp_path,
            {
                "a": ("1987-03-02", "In Japan, money supply growth was 15.9 pct in November."),
                "b": ("1987-03-03", "In Japan, consumer price inflation was 3.8 pct in November."),
                "c": ("1987-03-04", "Japan said its car exports rose 3 pct in November."),
                "d": ("1987-03-05", "Japan said its steel output rose 3 pct in November."),
            },
        )
    )
    assert len(briefing.events) == 4
    assert [e.sources for e in briefing.events] == [(), (), (), ()]


def test_a_report_naming_no_one_never_chains_two_actors_happenings(tmp_path: Path) -> None:
    """ "Car makers cut prices" may join GM's price cut or Ford's, never both into one event.

    Found at 1,000 Reuters stories, where car sales of every maker chained into one "event".
    """
    merged = _merged(
        tmp_path,
        {
            "a": ("1987-03-02", "General Motors cut car prices in February."),
            "b": ("1987-03-03", "Car makers cut prices in February."),
            "c": ("1987-03-04", "Ford Motor Co cut truck prices in February."),
        },
    )
    assert merged == [(["a", "b"], ("general-motors",)), ([], ("ford-motor-co",))]


def test_a_report_naming_two_actors_never_chains_their_happenings(tmp_path: Path) -> None:
    """ "GM and Ford cut prices" may join GM's price cut, but then Ford's is not GM's.

    Found at 10,000 Reuters stories, where a month's rises and falls of everyone's output, sales and
    prices chained through such reports into one "event" of 182 articles.
    """
    merged = _merged(
        tmp_path,
        {
            "a": ("1987-03-02", "General Motors cut car prices in February."),
            "b": ("1987-03-03", "General Motors and Ford Motor Co cut car prices in February."),
            "c": ("1987-03-04", "Ford Motor Co cut car prices in February."),
        },
    )
    assert merged == [(["a", "b"], ("ford-motor-co", "general-motors")), ([], ("ford-motor-co",))]


def test_two_numbers_for_one_date_in_one_article_are_two_happenings(tmp_path: Path) -> None:
    """An agricultural report's forecasts for 1987: cocoa to 35,000 tonnes, tea to 95,000 tonnes."""
    briefing, _, _ = assemble(
        _corpus(
            tmp_path,
            {
                "a": (
                    "1987-03-02",
                    "The embassy report forecasts that cocoa exports will rise to 35,000 tonnes in 1987.\n\n"
                    "It forecasts that tea exports will rise to 95,000 tonnes in 1987.",
                )
            },
        )
    )
    assert [(e.timex.value, e.sources) for e in briefing.events] == [("1987", ()), ("1987", ())]


def test_different_dates_for_one_event_are_flagged(tmp_path: Path) -> None:
    """Two articles that tell the same story with dates a day apart: both events carry the flag."""
    briefing, _, _ = assemble(
        _corpus(
            tmp_path,
            {
                "a": (
                    "2020-02-17",
                    "Turkey and Russia began a new round of talks in Moscow on Monday about Idlib.",
                ),
                "b": (
                    "2020-02-19",
                    "Turkey and Russia began a new round of talks in Moscow on Tuesday about Idlib.",
                ),
            },
        )
    )
    flags = {e.sentence.article: e.disagreement for e in briefing.events}
    assert flags == {
        "a": "“b”, ¶1 dates what reads as the same event to Tue 18 Feb 2020 (“Tuesday”)",
        "b": "“a”, ¶1 dates what reads as the same event to Mon 17 Feb 2020 (“Monday”)",
    }


def test_different_numbers_for_one_event_are_flagged(tmp_path: Path) -> None:
    """A merged event whose sources count the same thing differently says so."""
    briefing, _, _ = assemble(
        _corpus(
            tmp_path,
            {
                "a": (
                    "2020-02-17",
                    "The United Nations said 875,000 Syrians have fled Idlib since December 1st.",
                ),
                "b": (
                    "2020-02-17",
                    "The United Nations said 700,000 Syrians have fled Idlib since December 1st.",
                ),
            },
        )
    )
    merged = [e for e in briefing.events if e.sources]
    assert len(merged) == 1
    assert merged[0].disagreement == (
        "the sources give different numbers for syrians: “875,000” in “a”, ¶1, “700,000” in “b”, ¶1"
    )


def test_numbers_at_odds_make_one_note_per_thing_counted(tmp_path: Path) -> None:
    """Each clashing figure is named once, in report order, even from a sentence dated twice (two
    reports with the same figures); one that fits every other is left out.

    A note per clashing pair grew with the square of an event's reports (10,666 notes in one event).
    """
    said = "The United Nations said {} Syrians have fled Idlib since December 1st."
    counts = {"a": "875,000", "b": "700,000", "c": "more than 500,000", "d": "on Monday that 600,000"}
    briefing, _, _ = assemble(
        _corpus(tmp_path, {name: ("2020-02-17", said.format(count)) for name, count in counts.items()})
    )
    merged = [e for e in briefing.events if e.sources]
    assert len(merged) == 1
    assert merged[0].disagreement == (
        "the sources give different numbers for syrians: "
        "“875,000” in “a”, ¶1, “700,000” in “b”, ¶1, “600,000” in “d”, ¶1"
    )


def test_numbers_at_odds_in_one_article_are_not_sources_disagreeing(tmp_path: Path) -> None:
    """One article is one source: its own two numbers make no "sources give different numbers" note."""
    said = "The United Nations said {} Syrians have fled Idlib since December 1st."
    body = said.format("875,000") + "\n\n" + said.format("700,000")
    briefing, _, _ = assemble(_corpus(tmp_path, {"a": ("2020-02-17", body)}))
    merged = [e for e in briefing.events if e.sources]
    assert len(merged) == 1
    assert merged[0].disagreement == ""


def test_an_event_is_the_clause_its_date_governs(tmp_path: Path) -> None:
    """The date's own clause is the event; the rest of the sentence is context."""
    text = (
        "Turkish president Tayyip Erdogan has said his military will drive back Syrian forces "
        "if they do not withdraw from Idlib by the end of the month."
    )
    briefing, _, _ = assemble(_corpus(tmp_path, {"a": ("2020-02-17", text)}))
    (event,) = briefing.events
    assert event.clause is not None
    assert event.clause.text == "if they do not withdraw from Idlib by the end of the month"
    assert event.places == ("idlib",)


@pytest.fixture(scope="module")
def apple(apple_site):  # type: ignore[no-untyped-def]
    """The MEANTIME Apple build: (timeline page, briefing.json data, briefing)."""
    root, result = apple_site
    out = root / "site_src"
    return (
        (out / "timeline.md").read_text("utf-8"),
        json.loads((out / "data" / "briefing.json").read_text("utf-8")),
        result.briefing,
    )


@pytest.mark.slow
def test_apple_timeline_merges_reports_from_several_articles(apple) -> None:  # type: ignore[no-untyped-def]
    """The 1991 Apple Corps agreement and the 2003 iTunes launch are each one event with every source.

    ("All iPhone 4 buyers would be eligible" and "Apple will offer a free case" are one happening to
    MEANTIME, but "be eligible" and "offer" are no kind of the same happening here: they stay apart.)"""
    page, data, _briefing = apple
    merged = {e["date"]: e for e in data["events"] if "sources" in e}
    assert len(merged) >= 2
    assert len(merged["1991"]["sources"]) >= 3
    assert len({s["article"] for s in merged["1991"]["sources"]}) >= 3
    assert {s["article"] for s in merged["2003-04-28"]["sources"]} == {"37313", "89284"}
    for event in merged.values():
        block = page.split(f'<div class="tl-event" id="{event["id"]}"', 1)[1].split(
            '<div class="tl-event"', 1
        )[0]
        for source in event["sources"]:
            assert f"articles/{source['article']}.md#" in block


@pytest.mark.slow
def test_apple_timeline_shows_precision_explanation_and_ranges(apple) -> None:  # type: ignore[no-untyped-def]
    """Every event has its line and its folded details (precision, explanation); a range reads as one."""
    page, data, _ = apple
    assert page.count('<div class="tl-event" id=') == len(data["events"])
    assert page.count('??? note "How it was dated, and the full sentence"') == len(data["events"])
    for event in data["events"]:
        assert event["explanation"] and event["explanation"][:20] in page.replace("\\", "")
    ranges = [e for e in data["events"] if e["start"] != e["end"]]
    assert ranges
    lines = re.findall(r'<span class="tl-when">([^<]*)</span>', page)
    assert len(lines) == len(data["events"])
    assert sum(1 for when in lines if "–" in when or when[-4:].isdigit()) >= len(ranges)
    assert page.count('<span class="tl-axis"') == len(data["events"])
    assert '<div class="tl-filters" hidden>' in page


@pytest.mark.slow
def test_events_are_in_date_order(apple) -> None:  # type: ignore[no-untyped-def]
    """The timeline lists events by their first day."""
    _, data, _ = apple
    starts = [e["start"] for e in data["events"]]
    assert starts == sorted(starts)


def _run_filter(dom_setup: str) -> str:
    """Run the filter script under Node against a tiny stand-in DOM; return what it printed."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    script = dom_setup + "\n" + FILTER_JS.read_text("utf-8") + "\nreport();\n"
    done = subprocess.run([node, "-e", script], capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


_STUB = """
function el(tag, attrs, cls) {
  const e = {tagName: tag, attrs: attrs || {}, hidden: false, value: "", listeners: {}, next: null,
    classes: new Set(cls || []),
    getAttribute(k) { return k in this.attrs ? this.attrs[k] : null; },
    setAttribute(k, v) { this.attrs[k] = v; },
    addEventListener(k, f) { this.listeners[k] = f; },
    querySelector() { return {}; },
    get nextElementSibling() { return this.next; },
  };
  e.classList = {toggle(c, on) { on ? e.classes.add(c) : e.classes.delete(c); }};
  return e;
}
"""


def test_filter_script_does_nothing_on_pages_without_a_timeline() -> None:
    """No `.tl-filters` on the page: no error, nothing touched."""
    out = _run_filter(
        _STUB
        + """
globalThis.window = {location: {hash: "", pathname: "/"}};
globalThis.document = {readyState: "complete", querySelector() { return null; }};
function report() { console.log("ok"); }
"""
    )
    assert out == "ok"


def test_filter_script_hides_events_without_the_chosen_actor() -> None:
    """Choosing an actor hides the other events (each a block holding its line and details) and counts the rest."""
    out = _run_filter(
        _STUB
        + """
const h1 = el("DIV", {"data-actors": "apple-inc steve-jobs", "data-places": ""}, ["tl-event"]);
const h2 = el("DIV", {"data-actors": "cisco", "data-places": "san-jose"}, ["tl-event"]);
h1.next = h2;
const actors = el("SELECT", {"data-tl-filter": "actors"});
const places = el("SELECT", {"data-tl-filter": "places"});
const count = {textContent: ""};
const box = el("DIV");
box.hidden = true;
box.querySelectorAll = () => [actors, places];
box.querySelector = () => count;
box.parentNode = {querySelectorAll: () => [h1, h2]};
globalThis.window = {location: {hash: "", pathname: "/timeline/"}};
globalThis.history = {replaceState(a, b, url) { globalThis.lastUrl = url; }};
globalThis.CSS = {escape: (s) => s};
globalThis.document = {readyState: "complete", querySelector: () => box};
function report() {
  actors.value = "steve-jobs";
  actors.listeners.change();
  console.log([box.hidden, h1.classes.has("tl-hidden"), h2.classes.has("tl-hidden"), count.textContent,
               lastUrl].join("|"));
}
"""
    )
    assert out == "false|false|true|1 of 2 events|#actor=steve-jobs"


def test_filter_script_is_published_and_registered() -> None:
    """mkdocs.yml loads the script from where the generator copies its assets."""
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert re.search(r"^\s+- assets/briefing/timeline-filter\.js$", config, re.M)
