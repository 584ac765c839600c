"""Tests of generator/publish/."""
