"""Property-based tests (Hypothesis) over generated text, files and overrides (issue 9)."""

from __future__ import annotations

import os

from hypothesis import settings

SLOW = os.environ.get("HYPOTHESIS_PROFILE") == "slow"
"""Whether the slow lane is running (10,000 examples per property)."""


def examples(slow: int) -> settings:
    """The profile's settings, with `slow` examples in the slow lane for a property too costly for 10,000."""
    return settings(max_examples=slow) if SLOW else settings()
