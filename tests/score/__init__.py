"""Tests of generator/score/."""
