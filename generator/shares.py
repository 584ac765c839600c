"""Run a pure computation in shares on forked processes: drawing the pages of a large site.

`in_shares(first, combine, second, jobs)` splits the work in two phases with
one exchange between them. Each share runs `first(share, shares)`, which
returns what it keeps and what it tells; `combine` turns what every share told
into one value, handed to each share's `second(kept, combined)`; the results
come back in share order. (Pages: each share builds its pages and tells their
links; the links of all the pages make every page's "What links here"; each
share draws its pages.)

Share 0 runs here; the others run in processes forked from this one, which see
everything this process has built (the site model, the compiled templates)
without copying it, and send back only what they tell and their result.
Forking is safe only where no other thread runs (`can_fork`); elsewhere
(`mkdocs serve`, off Linux) there is one share, here. A share whose process
fails is done again here, so that an error is raised where its traceback
shows the template line: the result never depends on how many shares there were.

`Forked(work)` runs one more computation beside all that, on a forked process of
its own, and gives its result when asked (`briefing.json` and the downloads are
made while the pages are drawn); where it cannot fork, or the process fails, the
work is done here when the result is asked for.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

log = logging.getLogger(__name__)

K = TypeVar("K")
"""What a share keeps from its first phase for its second."""
M = TypeVar("M")
"""What a share tells after its first phase."""
S = TypeVar("S")
"""What every share is told before its second phase."""
R = TypeVar("R")
"""A share's result."""


class Phases(Generic[K, M, S, R]):
    """The two phases of the work being shared; set before forking, so every forked process has them."""

    def __init__(self, first: Callable[[int, int], tuple[K, M]], second: Callable[[K, S], R]) -> None:
        self.first = first
        self.second = second


_PHASES: Phases[Any, Any, Any, Any] | None = None


def can_fork() -> bool:
    """True on Linux in a process running no other thread, where a forked child cannot deadlock."""
    return sys.platform == "linux" and threading.active_count() == 1


def in_shares(
    first: Callable[[int, int], tuple[K, M]],
    combine: Callable[[list[M]], S],
    second: Callable[[K, S], R],
    jobs: int,
) -> list[R]:
    """[second(kept_i, combine([told_0, ...])) for each share i], where (kept_i, told_i) = first(i, n).

    n = jobs where forking is safe, else 1.
    """
    global _PHASES
    shares = max(1, jobs) if can_fork() else 1
    if shares == 1:
        kept, alone = first(0, 1)
        return [second(kept, combine([alone]))]
    _PHASES = Phases(first, second)
    context = multiprocessing.get_context("fork")
    children: list[tuple[Connection, Any]] = []
    try:
        for share in range(1, shares):
            here, there = context.Pipe()
            child = context.Process(target=_share, args=(there, share, shares), daemon=True)
            child.start()
            there.close()
            children.append((here, child))
        kept_here: dict[int, K] = {}
        kept_here[0], told_here = first(0, shares)
        told: list[M] = [told_here]
        for share, (conn, _child) in enumerate(children, start=1):
            try:
                told.append(conn.recv())
            except (EOFError, OSError):
                log.debug("share %d of %d failed in its process; doing it here", share, shares)
                kept_here[share], told_share = first(share, shares)
                told.append(told_share)
        combined = combine(told)
        for share, (conn, _child) in enumerate(children, start=1):
            if share not in kept_here and not _told(conn, combined):
                kept_here[share], _again = first(share, shares)
        results = [second(kept_here.pop(0), combined)]
        for share, (conn, _child) in enumerate(children, start=1):
            if share in kept_here:
                results.append(second(kept_here.pop(share), combined))
                continue
            try:
                results.append(conn.recv())
            except (EOFError, OSError):
                log.debug("share %d of %d failed in its process; doing it here", share, shares)
                kept, _again = first(share, shares)
                results.append(second(kept, combined))
        return results
    finally:
        _PHASES = None
        for conn, child in children:
            conn.close()
            child.join(timeout=5)
            if child.is_alive():
                child.kill()
                child.join()


class Forked(Generic[R]):
    """`work()` started on a forked process (where forking is safe), its result given by `result()`.

    The process is started at once and sends back its result when it is done. `result` waits for it,
    or calls `work()` here when the process could not be started or failed, so an error in `work` is
    raised here, with its traceback. `close` stops a process whose result is no longer wanted.
    """

    def __init__(self, work: Callable[[], R]) -> None:
        self._work = work
        self._conn: Connection | None = None
        self._child: Any = None
        if not can_fork():
            return
        context = multiprocessing.get_context("fork")
        here, there = context.Pipe(duplex=False)
        child = context.Process(target=_alone, args=(there, work), daemon=True)
        child.start()
        there.close()
        self._conn, self._child = here, child

    def result(self) -> R:
        """What `work()` returned, from its process or, failing that, from calling it here."""
        conn = self._conn
        try:
            if conn is not None:
                try:
                    found: R = conn.recv()
                    return found
                except (EOFError, OSError):
                    log.debug("a forked process failed; its work is done here")
            return self._work()
        finally:
            self.close()

    def close(self) -> None:
        """Stop the process (when it is still running) and free the pipe."""
        conn, child, self._conn, self._child = self._conn, self._child, None, None
        if conn is not None:
            conn.close()
        if child is not None:
            if child.is_alive():  # still at work, or leaving after it has sent its result
                child.kill()
            child.join()


def _alone(conn: Connection, work: Callable[[], object]) -> None:
    """`Forked`'s process: send what `work()` returns; on any error send nothing, and the build does it."""
    try:
        conn.send(work())
    except Exception:
        pass  # the build process calls `work` itself, and raises the error there
    finally:
        conn.close()


def _told(conn: Connection, value: object) -> bool:
    """Send a value to a share's process; False when the process is gone."""
    try:
        conn.send(value)
    except OSError:  # BrokenPipeError among them
        return False
    return True


def _share(conn: Connection, share: int, shares: int) -> None:
    """One share, in a forked process: its first phase, what it is told, its second phase.

    On any error the process closes its end and exits, and the build process does the share itself.
    """
    phases = _PHASES
    if phases is None:
        raise RuntimeError("no work to share: the process was not forked by in_shares")
    try:
        kept, told = phases.first(share, shares)
        conn.send(told)
        conn.send(phases.second(kept, conn.recv()))
    except Exception:
        pass  # the build process does the share again, and raises the error there
    finally:
        conn.close()
