"""Shared fixtures: the spaCy pipeline, loaded once, and builds of the seed and Apple corpora.

`seed_site` (one article, a few seconds) serves the fast lane; `apple_site` (30 articles)
only tests marked `slow`.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from generator.score import gold

ROOT = Path(__file__).resolve().parent.parent
MEANTIME = gold.MEANTIME


def copy_project(tmp: Path) -> Path:
    """A throwaway copy of the project's site inputs: mkdocs.yml and seeds/, with an empty site_src/.

    No generator/ beside it: the site tools build from the generated files alone.
    """
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(ROOT / "seeds", tmp / "seeds")
    (tmp / "site_src").mkdir()
    return tmp


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The project's pinned spaCy pipeline, in which every paragraph line starts a sentence."""
    from generator.extract.parse import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The seed corpus built into a temporary project: (root, BuildResult)."""
    from generator.pipeline import BuildConfig, build

    root = copy_project(tmp_path_factory.mktemp("seed"))
    result = build(
        BuildConfig(seeds=root / "seeds", overrides=root / "seeds" / "overrides.yml", out=root / "site_src")
    )
    return root, result


@pytest.fixture(scope="session")
def apple_site(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The 30 MEANTIME Apple articles built into a temporary project: (root, BuildResult)."""
    from generator.pipeline import BuildConfig, build

    if not (MEANTIME / "apple").is_dir():
        pytest.skip("../shared/corpora/meantime is not available")
    root = copy_project(tmp_path_factory.mktemp("apple"))
    result = build(BuildConfig(seeds=MEANTIME / "apple", overrides=root / "none.yml", out=root / "site_src"))
    return root, result


SMALL_BATCHES = 4
"""Articles per batch in the identical-output tests, so that 30 articles make 8 batches to share out."""


def build_snapshot(root: Path, **settings: object) -> dict[str, bytes]:
    """Build the MEANTIME Apple articles into a fresh copy of the project in `root`, in small batches;
    return every output file's bytes by path."""
    from generator.extract import run
    from generator.pipeline import BuildConfig, build

    if not (MEANTIME / "apple").is_dir():
        pytest.skip("../shared/corpora/meantime is not available")
    root.mkdir(parents=True, exist_ok=True)
    project = copy_project(root)
    config = BuildConfig(
        seeds=MEANTIME / "apple", overrides=project / "none.yml", out=project / "site_src", cache=None
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(run, "BATCH_PIECES", SMALL_BATCHES)
        build(replace(config, **settings))  # type: ignore[arg-type]
    out = project / "site_src"
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def apple_one_job(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The Apple articles analysed in this process, one batch after another: the reference output."""
    return build_snapshot(tmp_path_factory.mktemp("apple-one-job"), jobs=1)


# Hypothesis: about 300 examples per property in the default run (`make test`), 100 in the edit loop's
# fast lane (`make check` sets HYPOTHESIS_PROFILE=quick), 10,000 in the slow lane
# (`tests/property/test_slow_lane.py`, marked slow, re-runs tests/property with HYPOTHESIS_PROFILE=slow;
# a property that builds a whole site asks for fewer with `tests.property.examples`).
from hypothesis import HealthCheck, settings  # noqa: E402

for _name, _examples in (("default", 300), ("quick", 100), ("slow", 10_000)):
    settings.register_profile(
        _name,
        max_examples=_examples,
        deadline=None,  # spaCy's first call and a loaded CI machine are slow; pytest catches a hang
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=True,
    )
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
