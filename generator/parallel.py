"""Where the per-article analysis runs: here, in worker processes (`--jobs N`), or on Dask.

`executor` turns a build's settings into an `extract.run.Executor`. With more
than one job and more than one batch to analyse, `processes` starts a pool of
worker processes. Each is a fresh interpreter (the spawn start method: no fork
of a process that may be running threads, as `mkdocs serve` does) that loads
the spaCy pipeline once, as it starts, then analyses whole batches, one
`nlp.pipe` call each. The build process only hands out batches and keeps what
comes back, so N workers keep N cores busy. With one job, or a single batch
(an edited article under `mkdocs serve`), the batches are analysed in this
process, where the pipeline stays loaded between rebuilds.

Workers ignore Ctrl-C: the build process cancels the batches not yet started
and waits for the ones in flight, so an interrupted build stops within a batch.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from generator.errors import GeneratorError
from generator.extract import parse
from generator.extract.run import Batch, Executor, analyse_batch
from generator.model import Analysis

if TYPE_CHECKING:
    from generator.config import BuildConfig

log = logging.getLogger(__name__)

Work = Callable[[Batch, str], list[Analysis]]
"""What a worker does with one batch; `extract.run.analyse_batch` except in tests."""

Start = Callable[[str], object]
"""What a worker does once, as it starts, with the pipeline's name: load it."""


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def executor(config: BuildConfig) -> Executor:
    """The executor a build asks for: Dask with `--executor dask`, else `--jobs` local processes."""
    jobs = config.jobs or default_jobs()
    if config.executor == "dask":
        try:
            from generator import cluster
        except ImportError as exc:
            raise GeneratorError(
                f"--executor dask needs Dask ({exc}); install the pins in requirements-dask.txt"
            ) from exc
        return cluster.dask_executor(config.scheduler, jobs)
    return processes(jobs)


def _start_worker(start: Start | None, model: str) -> None:
    """Leave Ctrl-C to the build process, and load the pipeline once for every batch to come."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if start is None:
        return
    try:
        start(model)
    except GeneratorError:
        pass  # the first batch raises it again, and its message reaches the build through the batch


def processes(jobs: int, work: Work = analyse_batch, start: Start | None = parse.load_pipeline) -> Executor:
    """Analyse batches in up to `jobs` worker processes, each loading the pipeline once (`start`)."""

    def run(batches: Sequence[Batch], model: str) -> Iterator[tuple[int, list[Analysis]]]:
        workers = min(jobs, len(batches))
        if workers <= 1:
            yield from ((number, work(batch, model)) for number, batch in enumerate(batches))
            return
        log.debug("analysing %d batches in %d worker processes", len(batches), workers)
        pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(start, model),
        )
        try:
            futures: dict[Future[list[Analysis]], int] = {
                pool.submit(work, batch, model): number for number, batch in enumerate(batches)
            }
            for future in as_completed(futures):
                yield futures[future], future.result()
        except BrokenProcessPool as exc:
            raise GeneratorError(
                "an analysis worker process stopped unexpectedly (out of memory?); "
                "try fewer jobs (--jobs 1 analyses in the build process)"
            ) from exc
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    return run
