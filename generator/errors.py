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


class InternalError(GeneratorError):
    """A bug: an unexpected exception escaped a step of the build. The message says how to see it."""

    def __init__(self, step: str, error: BaseException) -> None:
        self.step = step
        """The build step it escaped from."""
        self.error = error
        """The exception itself (also the `__cause__`)."""
        detail = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        super().__init__(
            f"internal error in the build step '{step}' ({detail}); this is a bug in the generator, "
            "not in your files: run the build again with --debug to see the traceback, and report it"
        )


_UNPRINTABLE = {
    code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    for code in (*range(0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029)
}
"""Control characters, newlines and line separators, as the escapes a message shows instead."""


def printable(message: str) -> str:
    """One problem on one line, whatever its quoted values hold: controls and newlines shown as escapes."""
    return message.translate(_UNPRINTABLE)


def located(path: str, line: int | None, message: str) -> str:
    """Format a message as `file:line: message` (line omitted when unknown)."""
    return f"{path}:{line}: {message}" if line else f"{path}: {message}"
