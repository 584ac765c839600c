"""Tests of generator/resolve/."""
