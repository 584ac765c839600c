"""The exceptions the generator raises; the CLI turns them into messages."""

from __future__ import annotations


class GeneratorError(Exception):
    """Base of every error the user can fix; the message is shown as it is."""


class SeedError(GeneratorError):
    """An article in the seeds folder cannot be read."""


class OverrideError(GeneratorError):
    """The overrides file is broken or names something that does not exist."""


class RenderError(GeneratorError):
    """Pages could not be rendered: a template failed, or a template or asset could not be read."""


class WriteError(RenderError):
    """The output folder could not be written, or a write was refused.

    A kind of RenderError because write refusals were RenderErrors before it
    existed, so code that catches RenderError still catches them.
    """


def located(path: str, line: int | None, message: str) -> str:
    """Format a message as `file:line: message` (line omitted when unknown)."""
    return f"{path}:{line}: {message}" if line else f"{path}: {message}"
