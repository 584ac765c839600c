"""The slow lane of the property tests: every property in tests/property with 10,000 examples."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.property import SLOW

HERE = Path(__file__).resolve().parent


@pytest.mark.slow
@pytest.mark.skipif(SLOW, reason="this is the slow lane's own run")
def test_every_property_holds_in_the_slow_lane() -> None:
    """SLOW (about 20 minutes on 2 cores): HYPOTHESIS_PROFILE=slow over tests/property."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(HERE)],
        env={**os.environ, "HYPOTHESIS_PROFILE": "slow"},
        cwd=HERE.parent.parent,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-2000:]
