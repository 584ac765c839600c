"""Run the per-article analysis on a Dask distributed cluster (`--executor dask`).

The build process is the Dask client. It connects to the scheduler at
`--scheduler ADDRESS`, or starts a `LocalCluster` of `--jobs` single-threaded
worker processes, registers a worker plugin that loads the spaCy pipeline once
on every worker (workers that join later included), and submits one task per
batch (`extract.run.analyse_batch`). The analyses come back to the client as
the same records, and the client keeps them in the same content-addressed
cache as a local build; resolution, curation and pages stay on the client.

Workers must run the same analysis code and spaCy pipeline as the client, or
the pages would mix two versions' analyses under one cache key, and the
scheduler must import the generator to read the tasks: both are checked
before the first task (`check`), each task returns its worker's fingerprint
for workers that join later, and a mismatch stops the build with a message.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from generator import cache
from generator.errors import GeneratorError
from generator.extract.run import Batch, Executor, analyse_batch, warm_up
from generator.model import Analysis

if TYPE_CHECKING:
    from distributed import Worker

log = logging.getLogger(__name__)


class LoadPipeline(WorkerPlugin):
    """Loads the spaCy pipeline (and the extractors' tables) once on each worker, as it starts or joins."""

    name = "briefing-load-pipeline"

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Worker) -> None:
        """Load the pipeline; a missing one is reported by the first batch, with its message."""
        try:
            warm_up(self.model)
        except GeneratorError:
            pass


def fingerprint(model: str) -> str:
    """What a worker's analyses depend on besides the article: the analysis code and the pipeline."""
    return f"{cache.extraction_fingerprint()};{cache.pipeline_fingerprint(model)}"


def analyse_on_worker(batch: Batch, model: str) -> tuple[str, list[Analysis]]:
    """A batch's analyses, with the fingerprint of the worker that made them."""
    return fingerprint(model), analyse_batch(batch, model)


def worker_fingerprint(model: str) -> str:
    """The fingerprint of the machine this runs on (imported there by name, never the client's copy)."""
    return fingerprint(model)


def importable() -> bool:
    """Nothing; run on the scheduler, it fails there when the scheduler cannot import the generator."""
    return True


def _mismatch(where: str, found: str, expected: str) -> GeneratorError:
    return GeneratorError(
        f"{where}: a Dask worker runs other analysis code or another spaCy pipeline ({found}; "
        f"this build: {expected}); install the same version of the generator and the pipeline "
        "on every worker"
    )


def check(client: Client, model: str, where: str) -> None:
    """Stop early, with a message, when the scheduler or a worker cannot run this build's analysis.

    The scheduler unpickles the tasks, so it must import the generator too; each worker must
    run the same analysis code and pipeline. Workers that join later are checked by their tasks.
    """
    try:
        client.run_on_scheduler(importable)
        found = client.run(worker_fingerprint, model)
    except ImportError as exc:
        raise GeneratorError(
            f"{where}: the Dask scheduler or a worker cannot import the generator ({exc}); install "
            "the same version of the generator (and, on the workers, the spaCy pipeline) on every "
            "machine of the cluster"
        ) from exc
    expected = fingerprint(model)
    for seen in found.values():
        if seen != expected:
            raise _mismatch(where, seen, expected)


@contextlib.contextmanager
def _quiet_dask() -> Iterator[None]:
    """Keep Dask's own INFO logs (workers starting and closing) out of the build's log, unless debugging."""
    logger = logging.getLogger("distributed")
    level = logger.level
    if not log.isEnabledFor(logging.DEBUG):
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


@contextlib.contextmanager
def connect(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of the cluster at `scheduler`, or of a LocalCluster of `workers` processes started here."""
    with contextlib.ExitStack() as stack:
        stack.enter_context(_quiet_dask())
        try:
            if scheduler:
                client = stack.enter_context(Client(scheduler))
            else:
                local = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
                )
                stack.enter_context(local)
                client = stack.enter_context(Client(local))
        except OSError as exc:
            where = scheduler or "a local Dask cluster"
            raise GeneratorError(f"{where}: cannot start the analysis there ({exc})") from exc
        yield client


def dask_executor(scheduler: str | None, workers: int) -> Executor:
    """Analyse batches on the Dask cluster at `scheduler`, or on a LocalCluster of `workers` processes."""

    def run(batches: Sequence[Batch], model: str) -> Iterator[tuple[int, list[Analysis]]]:
        expected = fingerprint(model)
        where = scheduler or "a local Dask cluster"
        with connect(scheduler, workers) as client:
            check(client, model, where)
            client.register_plugin(LoadPipeline(model))
            futures = client.map(analyse_on_worker, batches, model=model, pure=False)
            numbers = {future.key: number for number, future in enumerate(futures)}
            log.debug("analysing %d batches on %s", len(batches), where)
            try:
                for future, (found, analysed) in as_completed(futures, with_results=True):
                    if found != expected:
                        raise _mismatch(where, found, expected)
                    yield numbers[future.key], analysed
            finally:
                client.cancel(futures)

    return run
