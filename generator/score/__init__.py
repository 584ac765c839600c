"""Scoring extraction against gold annotations: the one home for eval, tests and benchmarks."""
