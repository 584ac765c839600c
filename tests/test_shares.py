"""Work split in shares on forked processes (`generator/shares.py`): same results, errors raised here."""

from __future__ import annotations

import os
import threading

import pytest

from generator import shares

HERE = os.getpid()


def _where(share: int, of: int) -> tuple[int, int, bool]:
    return share, of, os.getpid() == HERE


def test_each_share_but_the_first_runs_in_a_forked_process_and_results_come_in_order() -> None:
    assert shares.can_fork()
    assert shares.in_shares(_where, 3) == [(0, 3, True), (1, 3, False), (2, 3, False)]


def test_one_job_is_one_share_here() -> None:
    assert shares.in_shares(_where, 1) == [(0, 1, True)]


def test_with_another_thread_running_there_is_one_share_here() -> None:
    stop = threading.Event()
    watcher = threading.Thread(target=stop.wait)  # as mkdocs serve runs its file watcher
    watcher.start()
    try:
        assert shares.in_shares(_where, 2) == [(0, 1, True)]
    finally:
        stop.set()
        watcher.join()


def _fails_in_a_fork(share: int, of: int) -> str:
    if os.getpid() != HERE:
        os._exit(3)  # the process dies outright, as when out of memory
    return f"{share}/{of}"


def test_a_share_whose_process_dies_is_done_again_here() -> None:
    assert shares.in_shares(_fails_in_a_fork, 2) == ["0/2", "1/2"]


def _fails_on_share_one(share: int, of: int) -> str:
    if share == 1:
        raise ValueError(f"share 1 failed in {'this' if os.getpid() == HERE else 'a forked'} process")
    return "fine"


def test_an_error_in_a_share_is_raised_here_with_its_traceback() -> None:
    with pytest.raises(ValueError, match=r"^share 1 failed in this process$"):
        shares.in_shares(_fails_on_share_one, 2)
