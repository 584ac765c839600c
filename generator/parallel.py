"""Where the per-article analysis runs: here, in worker processes (`--jobs N`), or on Dask.

`executor` turns a build's settings into an `extract.run.Executor`. With more
than one job and more than one batch to analyse, `processes` starts a pool of
worker processes, each with the spaCy pipeline loaded once, that analyse whole
batches, one `nlp.pipe` call each. The build process only hands out batches and
keeps what comes back, so N workers keep N cores busy. With one job, or a
single batch (an edited article under `mkdocs serve`), the batches are analysed
in this process, where the pipeline stays loaded between rebuilds.

How workers start: on Linux, in a process running no other thread (a build
from the command line), the build process warms up once - loads the pipeline
and the gazetteer, about 4 s of CPU - and forks the workers, which share it.
Forking a process that runs threads (`mkdocs serve`) can deadlock the child,
so there, and off Linux, each worker is a fresh interpreter (spawn) that warms
up on its own as it starts.

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
from generator.extract.run import Batch, Executor, analyse_batch, warm_up
from generator.model import Analysis
from generator.shares import can_fork

if TYPE_CHECKING:
    from generator.config import BuildConfig

log = logging.getLogger(__name__)

Work = Callable[[Batch, str], list[Analysis]]
"""What a worker does with one batch; `extract.run.analyse_batch` except in tests."""

Start = Callable[[str], object]
"""What a worker does once, as it starts, with the pipeline's name: `extract.run.warm_up`."""


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


def start_method() -> str:
    """`fork` where it is safe and shares the warmed-up pipeline (Linux, no other thread), else `spawn`."""
    return "fork" if can_fork() else "spawn"


def processes(jobs: int, work: Work = analyse_batch, start: Start | None = warm_up) -> Executor:
    """Analyse batches in up to `jobs` worker processes, each warming up (`start`) once."""

    def run(batches: Sequence[Batch], model: str) -> Iterator[tuple[int, list[Analysis]]]:
        workers = min(jobs, len(batches))
        if workers <= 1:
            yield from ((number, work(batch, model)) for number, batch in enumerate(batches))
            return
        method = start_method()
        log.debug("analysing %d batches in %d worker processes (%s)", len(batches), workers, method)
        if method == "fork" and start is not None:
            try:
                start(model)  # once, here: every worker is forked with it done
            except GeneratorError:
                pass  # the first batch raises it again
        pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context(method),
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
