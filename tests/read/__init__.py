"""Tests of generator/read/."""
