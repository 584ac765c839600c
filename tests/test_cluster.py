"""The analysis on a Dask cluster (`generator.cluster`): same pages, same cache, the pipeline loaded once."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from generator import cluster
from generator.config import BuildConfig
from generator.errors import GeneratorError
from generator.extract import parse, run
from generator.model import Analysis
from tests.conftest import MEANTIME, build_snapshot

distributed = pytest.importorskip("distributed")


def refuse(batches: Sequence[run.Batch], model: str) -> Iterator[tuple[int, list[Analysis]]]:
    raise AssertionError("every analysis should have come from the cache")


def loads() -> tuple[int, int]:
    """(pipelines loaded, times a loaded one was reused) in this worker."""
    info = parse.load_pipeline.cache_info()
    return info.misses, info.hits


@pytest.mark.slow
def test_a_local_cluster_gives_byte_identical_output_into_the_same_cache(
    tmp_path: Path, apple_one_job: dict[str, bytes]
) -> None:
    url = f"memory://{tmp_path.name}/analyses"
    on_dask = build_snapshot(tmp_path / "dask", executor="dask", jobs=2, cache=url)
    assert on_dask == apple_one_job
    # A build on this machine finds every analysis the cluster made, under the same keys.
    from_cache = build_snapshot(tmp_path / "warm", cache=url, jobs=1)
    assert from_cache == apple_one_job
    from generator.pipeline import build

    config = BuildConfig(
        seeds=MEANTIME / "apple", overrides=tmp_path / "none.yml", out=tmp_path / "out", cache=url
    )
    build(config, executor=refuse)


@pytest.mark.slow
def test_an_existing_cluster_loads_the_pipeline_once_per_worker_and_checks_its_code(
    tmp_path: Path, apple_one_job: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as local,
        distributed.Client(local) as client,
    ):
        address = local.scheduler_address
        snapshot = build_snapshot(tmp_path / "existing", executor="dask", scheduler=address)
        assert snapshot == apple_one_job
        per_worker = client.run(loads)
        assert len(per_worker) == 2
        assert all(loaded == 1 for loaded, _reused in per_worker.values())
        assert sum(reused for _loaded, reused in per_worker.values()) >= 8  # one per batch, at least

        # A worker with other analysis code would mix two versions' analyses under one key.
        monkeypatch.setattr(cluster, "fingerprint", lambda model: "this-build")
        with pytest.raises(GeneratorError) as caught:
            build_snapshot(tmp_path / "mismatch", executor="dask", scheduler=address)
    assert str(caught.value).startswith(f"{address}: a Dask worker runs other analysis code or another spaCy")
    assert str(caught.value).endswith(
        "this build: this-build); install the same version of the generator and the pipeline on every worker"
    )
