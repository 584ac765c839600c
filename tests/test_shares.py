"""Work split in shares on forked processes (`generator/shares.py`): same results, errors raised here."""

from __future__ import annotations

import os
import threading

import pytest

from generator import shares

HERE = os.getpid()


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork even though this test process may run other threads (an earlier test's local web server).

    `can_fork` says no wherever another thread runs, which in the whole suite is most of the time;
    these shares run only this module's functions, which take no lock another thread could hold.
    """
    monkeypatch.setattr(shares, "can_fork", lambda: True)


def _first(share: int, of: int) -> tuple[tuple[int, bool], int]:
    """Keeps where it ran; tells its share's number squared."""
    return (share, os.getpid() == HERE), share * share


def _second(kept: tuple[int, bool], total: int) -> tuple[int, int, bool, bool]:
    share, first_here = kept
    return share, total, first_here, os.getpid() == HERE


def _run(jobs: int) -> list[tuple[int, int, bool, bool]]:
    return shares.in_shares(_first, sum, _second, jobs)


@pytest.mark.usefixtures("forking")
def test_each_share_but_the_first_runs_in_a_forked_process_and_hears_what_all_told() -> None:
    assert _run(3) == [(0, 5, True, True), (1, 5, False, False), (2, 5, False, False)]


def test_one_job_is_one_share_here() -> None:
    assert _run(1) == [(0, 0, True, True)]


def test_forking_is_safe_only_without_other_threads() -> None:
    stop = threading.Event()
    watcher = threading.Thread(target=stop.wait)
    watcher.start()
    try:
        assert not shares.can_fork()
    finally:
        stop.set()
        watcher.join()


def test_with_another_thread_running_there_is_one_share_here() -> None:
    stop = threading.Event()
    watcher = threading.Thread(target=stop.wait)  # as mkdocs serve runs its file watcher
    watcher.start()
    try:
        assert _run(2) == [(0, 0, True, True)]
    finally:
        stop.set()
        watcher.join()


def _dies_in_a_fork(phase: str) -> None:
    if os.getpid() != HERE:
        os._exit(3)  # the process dies outright, as when out of memory


@pytest.mark.usefixtures("forking")
@pytest.mark.parametrize("phase", ["first", "second"])
def test_a_share_whose_process_dies_is_done_again_here(phase: str) -> None:
    def first(share: int, of: int) -> tuple[int, int]:
        if phase == "first":
            _dies_in_a_fork(phase)
        return share, 1

    def second(kept: int, total: int) -> tuple[int, int, bool]:
        if phase == "second":
            _dies_in_a_fork(phase)
        return kept, total, os.getpid() == HERE

    assert shares.in_shares(first, sum, second, 2) == [(0, 2, True), (1, 2, True)]


def _fails_on_share_one(kept: int, total: int) -> str:
    if kept == 1:
        raise ValueError(f"share 1 failed in {'this' if os.getpid() == HERE else 'a forked'} process")
    return "fine"


@pytest.mark.usefixtures("forking")
def test_an_error_in_a_share_is_raised_here_with_its_traceback() -> None:
    with pytest.raises(ValueError, match=r"^share 1 failed in this process$"):
        shares.in_shares(lambda share, of: (share, 0), sum, _fails_on_share_one, 2)


def _where() -> tuple[int, bool]:
    return 42, os.getpid() == HERE


def _dies_unless_here() -> str:
    if os.getpid() != HERE:
        os._exit(3)
    return "done here"


def _fails() -> None:
    raise ValueError("no export")


@pytest.mark.usefixtures("forking")
def test_forked_work_runs_on_its_own_process_and_its_result_comes_back() -> None:
    assert shares.Forked(_where).result() == (42, False)


def test_forked_work_runs_here_where_forking_is_unsafe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shares, "can_fork", lambda: False)
    assert shares.Forked(_where).result() == (42, True)


@pytest.mark.usefixtures("forking")
def test_forked_work_whose_process_dies_is_done_here() -> None:
    assert shares.Forked(_dies_unless_here).result() == "done here"


@pytest.mark.usefixtures("forking")
def test_an_error_in_forked_work_is_raised_here() -> None:
    with pytest.raises(ValueError, match="no export"):
        shares.Forked(_fails).result()


@pytest.mark.usefixtures("forking")
def test_forked_work_no_longer_wanted_is_stopped() -> None:
    forked = shares.Forked(threading.Event().wait)  # waits for ever
    child = forked._child
    forked.close()
    assert child is not None and not child.is_alive() and child.exitcode is not None
