"""Worker processes for the analysis (`generator.parallel`): where batches run, order, errors, settings."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from generator import parallel
from generator.config import BuildConfig
from generator.errors import GeneratorError
from generator.model import Analysis, Article
from tests.conftest import ROOT, build_snapshot
from tests.records import article

MODEL = "no_such_pipeline"  # never loaded: the workers below start without spaCy


def where(batch: Sequence[Article], model: str) -> list[Analysis]:
    """Record, in each analysis's source field, the process that made it."""
    from dataclasses import replace

    return [Analysis(replace(p, source=str(os.getpid())), (), (), (), (), ()) for p in batch]


def fail(batch: Sequence[Article], model: str) -> list[Analysis]:
    if batch[0].id == "a1":
        raise ValueError(f"cannot analyse {batch[0].id}")
    return where(batch, model)


def die(batch: Sequence[Article], model: str) -> list[Analysis]:
    os._exit(3)


def _batches(count: int) -> list[tuple[Article, ...]]:
    return [(article(f"Text {i}.\n", id=f"a{i}"),) for i in range(count)]


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_batches_run_in_worker_processes_and_each_comes_back_once(
    method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "start_method", lambda: method)
    batches = _batches(6)
    done = dict(parallel.processes(2, where, None)(batches, MODEL))
    assert sorted(done) == list(range(6))
    assert [done[n][0].article.id for n in range(6)] == [f"a{i}" for i in range(6)]
    pids = {done[n][0].article.source for n in range(6)}
    assert str(os.getpid()) not in pids
    assert 1 <= len(pids) <= 2


def test_one_job_or_one_batch_runs_here_in_order() -> None:
    here = str(os.getpid())
    one_job = list(parallel.processes(1, where)(_batches(3), MODEL))
    assert [n for n, _a in one_job] == [0, 1, 2]
    assert {a[0].article.source for _n, a in one_job} == {here}
    one_batch = list(parallel.processes(4, where)(_batches(1), MODEL))
    assert one_batch[0][1][0].article.source == here


def test_an_error_in_a_worker_reaches_the_build_as_it_is() -> None:
    with pytest.raises(ValueError, match="cannot analyse a1"):
        list(parallel.processes(2, fail, None)(_batches(3), MODEL))


def test_a_worker_that_dies_stops_the_build_with_a_message() -> None:
    with pytest.raises(GeneratorError) as caught:
        list(parallel.processes(2, die, None)(_batches(2), MODEL))
    assert str(caught.value) == (
        "an analysis worker process stopped unexpectedly (out of memory?); "
        "try fewer jobs (--jobs 1 analyses in the build process)"
    )


def test_workers_are_forked_only_from_a_process_without_other_threads() -> None:
    # In a fresh interpreter: other tests of this session may leave threads running (browsers, Dask).
    script = """
import threading
from generator import parallel
print(parallel.start_method())
stop = threading.Event()
watcher = threading.Thread(target=stop.wait)  # as mkdocs serve runs its file watcher
watcher.start()
print(parallel.start_method())
stop.set()
watcher.join()
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.split() == ["fork", "spawn"]


def test_jobs_default_to_the_cores_this_process_may_use() -> None:
    assert parallel.default_jobs() == len(os.sched_getaffinity(0))
    assert BuildConfig().jobs is None
    assert BuildConfig.from_env(jobs=3, environ={}).jobs == 3


@pytest.mark.slow
def test_any_number_of_jobs_gives_byte_identical_output(
    tmp_path: Path, apple_one_job: dict[str, bytes]
) -> None:
    two = build_snapshot(tmp_path / "two", jobs=2)  # forked from this process
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parallel, "start_method", lambda: "spawn")  # as under mkdocs serve
        three = build_snapshot(tmp_path / "three", jobs=3)
    assert len(apple_one_job) > 100
    assert two == apple_one_job
    assert three == apple_one_job
