"""End to end on the seed article: extraction facts, golden pages, JSON schema, MkDocs --strict."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from generator.publish.assets import STARTERS
from generator.publish.write import read_manifest
from tests import site_tools
from tests.golden import GOLDEN, build_seed, generated_files

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "generator" / "publish" / "schema" / "briefing.schema.json").read_text("utf-8"))
SEED_ID = "000-b1945a7aff149b57"


@pytest.fixture(scope="module")
def data(seed_site) -> dict:  # type: ignore[no-untyped-def]
    root, _result = seed_site
    return json.loads((root / "site_src" / "data" / "briefing.json").read_text("utf-8"))


def _actor(data: dict, name: str) -> dict:
    matches = [a for a in data["actors"] if a["name"] == name or name in a["aliases"]]
    assert len(matches) == 1, (name, [a["name"] for a in matches])
    return matches[0]


def test_export_follows_the_schema(data: dict) -> None:
    jsonschema.validate(data, SCHEMA)


def test_offsets_point_into_the_body(data: dict) -> None:
    body = (ROOT / "seeds" / "000_b1945a7aff149b57.txt").read_text("utf-8")
    spans = [m for a in data["actors"] for m in a["mentions"] + a["quotes"]]
    spans += [m for p in data["places"] for m in p["mentions"]] + data["timexes"] + data["figures"]
    assert spans
    for span in spans:
        assert body[span["start"] : span["end"]] == span["text"]
    for event in data["events"]:
        assert body[event["start_char"] : event["end_char"]] == event["text"]


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Bashar al-Assad", "President"),
        ("David Swanson", "UN spokesman"),
        ("Sergei Lavrov", "Russian foreign minister"),
        ("Ali Hammoud", "Syrian transport minister"),
        ("Tayyip Erdogan", "Turkish president"),
    ],
)
def test_each_named_person_has_one_page_with_their_role(data: dict, name: str, role: str) -> None:
    actor = _actor(data, name)
    assert actor["kind"] == "person" and role in actor["roles"]


def test_the_people_are_exactly_the_five_named(data: dict) -> None:
    people = sorted(a["name"] for a in data["actors"] if a["kind"] == "person")
    assert people == ["Ali Hammoud", "Bashar al-Assad", "David Swanson", "Sergei Lavrov", "Tayyip Erdogan"]
    assert "Assad" in _actor(data, "Bashar al-Assad")["aliases"]
    assert "Lavrov" in _actor(data, "Sergei Lavrov")["aliases"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Sana", "organisation"),
        ("Al-Watan", "organisation"),
        ("United Nations", "organisation"),
        ("Syrian army", "organisation"),
        ("Hizbullah", "group"),
        ("Russia", "state"),
        ("Turkey", "state"),
        ("Syria", "state"),
        ("Iran", "state"),
    ],
)
def test_organisations_and_states(data: dict, name: str, kind: str) -> None:
    assert _actor(data, name)["kind"] == kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("government forces", "organisation"),
        ("opposition", "group"),
        ("anti-Assad insurgents", "group"),
        ("Western-backed rebels", "group"),
        ("jihadist militants", "group"),
        ("pro-Iranian militias", "group"),
    ],
)
def test_collective_actors(data: dict, name: str, kind: str) -> None:
    assert _actor(data, name)["kind"] == kind


def test_acronym_joins_its_expansion(data: dict) -> None:
    un = _actor(data, "United Nations")
    assert "UN" in un["aliases"] or any(m["text"] == "UN" for m in un["mentions"])


def test_places_are_not_actors_and_have_coordinates(data: dict) -> None:
    places = {p["name"]: p for p in data["places"]}
    for name in ("Aleppo", "Damascus", "Idlib", "Darat Izza", "Zahraa", "Nubl", "Moscow", "Ankara", "Cairo"):
        assert places[name]["lat"] is not None and places[name]["lon"] is not None, name
    actor_names = {a["name"] for a in data["actors"]}
    assert not actor_names & {"Aleppo", "Darat Izza", "Zahraa and Nubl", "Idlib"}


@pytest.mark.parametrize(
    ("when", "date"),
    [
        ("Monday", "2020-02-17"),
        ("Wednesday", "2020-02-19"),
        ("Saturday", "2020-02-15"),
        ("the end of the month", "2020-02"),
    ],
)
def test_dates_sit_at_real_dates(data: dict, when: str, date: str) -> None:
    """Every dated expression, whether or not its report leads a merged event."""
    found = [t for t in data["timexes"] if t["text"] == when]
    assert found and all(t["value"] == date for t in found), [(t["text"], t["value"]) for t in found]


def test_seed_timeline_is_one_entry_per_happening(data: dict) -> None:
    """At most 12 events, each with a headline and a status; the threat and the Wednesday flight are to come."""
    events = data["events"]
    assert len(events) <= 12
    assert all(e["headline"] and e["status"] for e in events)
    upcoming = {e["when_text"]: e["status"] for e in events if e["status"] in ("deadline", "scheduled")}
    assert upcoming.get("the end of the month") == "deadline"
    assert upcoming.get("Wednesday") == "scheduled"


def test_since_makes_a_range_up_to_the_article_date(data: dict) -> None:
    """'have now fled ... since December 1st' is drawn from 1 Dec 2019 to the article's date."""
    (event,) = [e for e in data["events"] if e["when_text"] == "since December 1st"]
    assert (event["start"], event["end"], event["precision"]) == ("2019-12-01", "2020-02-17", "range")


def test_timeline_is_in_date_order(data: dict) -> None:
    starts = [e["start"] for e in data["events"]]
    assert starts == sorted(starts)


def test_displacement_figures(data: dict) -> None:
    figures = {f["text"]: f for f in data["figures"]}
    big = figures["more than 875,000"]
    assert (big["value"], big["qualifier"]) == (875000, "more than") and "Syrians" in big["counts"]
    assert figures["More than 40,000"]["qualifier"] == "more than"
    assert "displaced" in figures["More than 40,000"]["counts"]
    assert figures["More than 40,000"]["date"] == "2020-02-13/2020-02-17"  # "in the last four days", not P4D
    assert "civilians" in figures["hundreds of thousands"]["counts"]
    assert not {"2018", "2012", "2016", "M5", "first"} & set(figures)


def test_quotes_go_to_the_right_speaker(data: dict) -> None:
    said = {q["text"][:20]: a["name"] for a in data["actors"] for q in a["quotes"]}
    assert said["We know this liberat"] == "Bashar al-Assad"
    assert said["This is a prelude to"] == "Bashar al-Assad"
    assert said["Troops from Russia a"] == "Sergei Lavrov"
    assert said["it is not possible t"] == "Sergei Lavrov"
    assert said["wherever they are fo"] == "Syrian army"
    # words in quotation marks that are no clause are no quotation: "handle it", "scorched earth policy"
    assert not {"handle it", "scorched earth polic"} & said.keys()


def test_golden_pages() -> None:
    assert GOLDEN.is_dir(), "no golden files: run `python -m tests.golden --update`"
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        files = build_seed(Path(tmp))
    expected = {
        p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in sorted(GOLDEN.rglob("*")) if p.is_file()
    }
    assert sorted(files) == sorted(expected)
    for rel, data in files.items():
        assert data.decode() == expected[rel].decode(), f"{rel} differs from tests/golden/seed/{rel}"


def test_output_is_byte_identical_across_runs(seed_site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root, _result = seed_site
    again = build_seed(tmp_path / "again")
    assert again == generated_files(root / "site_src")


def test_a_fresh_output_folder_gets_the_starter_pages(seed_site) -> None:  # type: ignore[no-untyped-def]
    """The seed build starts from an empty site_src/: curating.md comes from the package's starter."""
    root, _result = seed_site
    assert (root / "site_src" / "curating.md").read_bytes() == (STARTERS / "curating.md").read_bytes()
    assert "curating.md" not in read_manifest(root / "site_src")  # the curator's from now on


def test_a_starter_page_once_edited_is_never_overwritten(tmp_path: Path) -> None:
    build_seed(tmp_path)
    (tmp_path / "curating.md").write_text("# Our own curation notes\n", "utf-8")
    build_seed(tmp_path)
    assert (tmp_path / "curating.md").read_text("utf-8") == "# Our own curation notes\n"
    (tmp_path / "curating.md").unlink()
    build_seed(tmp_path)
    assert (tmp_path / "curating.md").read_bytes() == (STARTERS / "curating.md").read_bytes()


def mkdocs_build(root: Path) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` in a project folder."""
    return site_tools.build("mkdocs", root)


@pytest.mark.slow
@pytest.mark.parametrize("tool", site_tools.TOOLS)
def test_each_site_tool_builds_the_seed_strict(seed_site, tool: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The generated files alone make the site: no hook, no generator/ beside mkdocs.yml."""
    root, _result = seed_site
    shutil.copy(root / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(root / "site_src", tmp_path / "site_src")
    result = site_tools.build(tool, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    html = (tmp_path / "site" / "articles" / SEED_ID / "index.html").read_text("utf-8")
    assert 'id="p0"' in html and 'href="../../actors/syrian-army/"' in html
    assert (tmp_path / "site" / "data" / "briefing.json").exists()
    assert (tmp_path / "site" / site_tools.SEARCH_INDEX[tool]).exists()
