"""Fault isolation for the analysis: an unexpected error in one step loses that step's words, not the build.

Pelican and MkDocs record a file that fails and go on; here the unit is
smaller. Each extractor runs inside a guard (`generator.extract.article`),
the temporal tagger guards each rule and candidate, and a failure becomes a
`Fault` kept in the article's Analysis: a warning naming the file, the line,
the words and the error class, which `--strict` makes fatal and `--debug`
shows with its traceback.
"""

from __future__ import annotations

import traceback

from generator.model import Fault, Span

UNDATED = "the sentence is published undated"
"""What a reader gets when a temporal expression could not be read."""


def fault(span: Span, action: str, lost: str, exc: BaseException) -> Fault:
    """Record an unexpected exception raised while `action`-ing the words of `span`."""
    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return Fault(span, action, lost, type(exc).__name__, trace)


def words(text: str, limit: int = 60) -> str:
    """The words of a fault as a warning quotes them: on one line, shortened with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def message(path: str, line: int, action: str, text: str, error: str, lost: str) -> str:
    """`file:line: could not date "…" (internal error KeyError; the sentence is published undated)`."""
    return f'{path}:{line}: could not {action} "{words(text)}" (internal error {error}; {lost})'


def fault_message(fault_: Fault, path: str, body_line: int, body: str) -> str:
    """The warning for a fault in an article whose body starts on `body_line` of `path`."""
    line = body_line + body.count("\n", 0, fault_.span.start)
    return message(path, line, fault_.action, fault_.span.text, fault_.error, fault_.lost)
