"""Run a pure computation in shares on forked processes: drawing the pages of a large site.

`in_shares(work, jobs)` calls `work(share, shares)` once per share and returns
the results in share order. Share 0 runs here; the others run in processes
forked from this one, which see everything this process has built (the site
model, the compiled templates) without copying it, and send back only their
result. Forking is safe only where no other thread runs (`can_fork`); elsewhere
(`mkdocs serve`, off Linux) there is one share, here. A share whose process
fails is done again here, so that an error is raised where its traceback shows
the template line: the result never depends on how many shares there were.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

_WORK: Callable[[int, int], Any] | None = None
"""The work of the shares being run; set before forking, so every forked process has it."""


def can_fork() -> bool:
    """True on Linux in a process running no other thread, where a forked child cannot deadlock."""
    return sys.platform == "linux" and threading.active_count() == 1


def in_shares(work: Callable[[int, int], T], jobs: int) -> list[T]:
    """[work(0, n), ..., work(n - 1, n)] with n = jobs where forking is safe, else [work(0, 1)]."""
    global _WORK
    shares = max(1, jobs) if can_fork() else 1
    if shares == 1:
        return [work(0, 1)]
    _WORK = work
    pool = ProcessPoolExecutor(shares - 1, mp_context=multiprocessing.get_context("fork"))
    try:
        futures: list[Future[T]] = [pool.submit(_share, share, shares) for share in range(1, shares)]
        results = [work(0, shares)]
        for share, future in enumerate(futures, start=1):
            try:
                results.append(future.result())
            except Exception as exc:
                log.debug("share %d of %d failed in its process (%s); drawing it here", share, shares, exc)
                results.append(work(share, shares))
        return results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _WORK = None


def _share(share: int, shares: int) -> Any:
    """One share, in a forked process."""
    if _WORK is None:
        raise RuntimeError("no work to share: the process was not forked by in_shares")
    return _WORK(share, shares)
