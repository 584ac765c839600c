"""Words of speech and quotation marks, shared by the quotation and participant finders (stage 3: extract)."""

from __future__ import annotations

import re

SPEECH_VERBS = {
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "add",
    "adds",
    "added",
    "announce",
    "announces",
    "announced",
    "state",
    "states",
    "stated",
    "warn",
    "warns",
    "warned",
    "insist",
    "insists",
    "insisted",
    "caution",
    "cautioned",
    "call",
    "called",
    "calls",
    "write",
    "wrote",
    "writes",
    "declare",
    "declared",
    "claim",
    "claimed",
    "argue",
    "argued",
    "ask",
    "asked",
    "explain",
    "explained",
    "describe",
    "described",
    "report",
    "reported",
    "vow",
    "vowed",
}
"""Verbs that report speech, as written (the lemmatizer is not run)."""

_QUOTE = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"")
"""A pair of quotation marks on one line, curly or straight."""


def quotation_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside every pair of quotation marks, in body order."""
    return [
        (m.start(1) if m.group(1) else m.start(2), m.end(1) if m.group(1) else m.end(2))
        for m in _QUOTE.finditer(body)
    ]
