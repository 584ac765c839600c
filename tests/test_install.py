"""`pip install .` into a fresh virtual environment outside the repository, then what a new user runs.

The package is built from this checkout by pip, offline: the build backend
comes from .cache/wheels (`make wheels`), and the runtime dependencies are
the ones already installed for this Python, made visible to the new
environment through a .pth file rather than downloaded again. The generator
itself must come from the built wheel: the test checks where it is imported
from, and runs everything from a folder outside the repository, without
node_modules/.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

WHEELS = ROOT / ".cache" / "wheels"


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout}\n{result.stderr}"
    return result


def test_pip_install_then_new_build_and_a_strict_mkdocs_build(tmp_path: Path) -> None:
    if not any(WHEELS.glob("hatchling-*.whl")):
        pytest.fail(f"no build backend in {WHEELS}: run `make wheels` (make venv does)")
    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / "bin"
    purelib = Path(
        subprocess.run(
            [str(bin_dir / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # The dependencies this Python has (spaCy, MkDocs, the spaCy pipeline ...), not the repository.
    (purelib / "_briefing_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFING_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(NO_MKDOCS_2_WARNING="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    _run(
        [
            str(bin_dir / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-index",
            "--find-links",
            str(WHEELS),
            str(ROOT),
        ],
        outside,
        env,
    )
    where = _run([str(bin_dir / "python"), "-c", "import generator; print(generator.__file__)"], outside, env)
    assert Path(where.stdout.strip()).is_relative_to(env_dir), where.stdout

    helped = _run([str(bin_dir / "briefing"), "--help"], outside, env)
    assert "{build,serve,eval,new}" in helped.stdout
    assert (
        "{build,serve,eval,new}"
        in _run([str(bin_dir / "python"), "-m", "generator", "--help"], outside, env).stdout
    )

    made = _run([str(bin_dir / "briefing"), "new", "my-briefing"], outside, env)
    project = outside / "my-briefing"
    assert "briefing build" in made.stdout
    assert (project / ".github" / "workflows" / "site.yml").is_file()
    assert (project / "seeds" / "overrides.yml").is_file() and (project / "mkdocs.yml").is_file()

    _run([str(bin_dir / "briefing"), "build", "--quiet", "--strict"], project, env)
    assert (project / "site_src" / "curating.md").is_file()  # from the package's starter
    assert (project / "site_src" / "assets" / "vendor" / "world-atlas" / "countries-50m.json").is_file()
    built = _run([str(bin_dir / "python"), "-m", "mkdocs", "build", "--strict"], project, env)
    assert "WARNING" not in built.stderr
    assert (project / "site" / "index.html").is_file()
    assert (project / "site" / "map" / "index.html").is_file()
    assert not (project / "node_modules").exists() and sys.prefix != str(env_dir)
