"""What every curation step shares: the problems it collects and the trail it leaves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.read.overrides import Override, suggest


@dataclass(slots=True)
class Problems:
    """Errors and warnings collected while curating."""

    errors: list[str] = field(default_factory=list)
    """Overrides that are wrong: each `file:line: message`."""
    warnings: list[str] = field(default_factory=list)
    """Overrides that are stale or do nothing; --strict makes them fatal."""

    def missing(self, entry: Override, what: str, name: str, choices: Sequence[str], verb: str = "") -> None:
        """Report a name that matches nothing: an error when it looks like a typo, else stale."""
        hint = suggest(name, sorted(set(choices)))
        lead = f"{entry.where}: {verb}no {what} named '{name}'"
        if hint:
            self.errors.append(lead + hint)
        else:
            self.warnings.append(f"{lead}; the override matches nothing and is ignored (stale?)")


def trail(change: str, entry: Override) -> str:
    """One line of a curation trail: what changed and, when given, why."""
    reason = entry.reason.strip()
    return f"{change}: {reason}" if reason else change


def trail_line(changes: list[str], entry: Override) -> str:
    """The trail line of one override: its changes ("checked" when it changed nothing) and reason."""
    return trail(", ".join(changes) or "checked", entry)
