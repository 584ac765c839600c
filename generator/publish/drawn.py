"""Draw a page again only when something it shows has changed (stage 7: render).

A page's text is a function of its template, title, context and "What links here", and of
what the template's helpers look up in the site while it is drawn (`render._helpers`): the
name, kind, tooltip and page of each actor and place it links to or draws in its graph, each
article it cites (title, date, paragraphs and sentence anchors), and the page of each event.
So a page is drawn while recording those look-ups (a `Drawing`), and its key digests all of
them. A file a helper makes as the page is drawn (an actor's graph as SVG) is made from the
same, so it is taken with the page.

The next build computes the key again, from the page's new context and the same look-ups
in the new site. When it matches, the template would make the same look-ups with the same
answers and print the same text, so the text is taken from the output folder instead,
provided its file, and those its helpers made, still hold the bytes that build wrote
(`Earlier`). An override edit that renames one actor draws only the pages that show that actor.

A page whose context does not pickle is always drawn. A context should hold what its page
shows, not the whole briefing (the home page gets the counts): all of it is digested.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.errors import WriteError
from generator.publish.write import safe_path

LookUp = tuple[str, str]
"""What a helper looked up: ("actor", id), ("place", id), ("article", id) or ("event", id)."""

ACTOR, PLACE, ARTICLE, EVENT = "actor", "place", "article", "event"

_RECORDS = "\0records"
"""Marks a list of records counted by their digests (`Keys._shallow`)."""


@dataclass(frozen=True, slots=True)
class Drawing:
    """How one page was drawn: the key of everything its text came from, and what it looked up."""

    key: str
    """Digest of the generator, the page's template, title, context, backlinks and each look-up's answer."""
    looked_up: tuple[LookUp, ...]
    """Each thing the helpers looked up, in the order first looked up."""
    text: str
    """SHA-256 of the page's text, as written in UTF-8."""
    assets: tuple[tuple[str, str], ...] = ()
    """(path, SHA-256) of each file the helpers made while drawing the page (an actor's graph), by path."""


def data_digest(data: bytes) -> str:
    """`Drawing.text` of a page's text as written (UTF-8)."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class Earlier:
    """The drawings of the last build into an output folder, and that folder."""

    drawings: Mapping[str, Drawing]
    """By page path."""
    out: Path
    """The output folder."""

    def data(self, path: str, digest: str) -> bytes | None:
        """The file at `path` as the last build wrote it (its `data_digest`), or None when it is gone or
        holds other bytes."""
        try:
            data = safe_path(self.out, path).read_bytes()
        except (OSError, WriteError):
            return None
        return data if data_digest(data) == digest else None

    def taken(self, path: str, drawing: Drawing) -> tuple[bytes, dict[str, bytes]] | None:
        """The page as `drawing` drew it and the files its helpers made, or None when any is gone or
        holds other bytes."""
        files = {asset: self.data(asset, digest) for asset, digest in drawing.assets}
        data = self.data(path, drawing.text)
        if data is None or None in files.values():
            return None
        return data, {asset: found for asset, found in files.items() if found is not None}


NOTHING_EARLIER = Earlier({}, Path())


class Keys:
    """Keys of drawings in one site: each look-up's answer is digested once per build.

    `answer` gives what the helpers read for a look-up (see `render._answer`), as bytes.
    """

    def __init__(self, fingerprint: str, answer: Callable[[LookUp], bytes]) -> None:
        self._fingerprint = fingerprint.encode()
        self._answer = answer
        self._answers: dict[LookUp, bytes] = {}
        self._records: dict[int, tuple[object, bytes]] = {}

    def start(self, parts: Sequence[object], context: Mapping[str, object]) -> hashlib.blake2b | None:
        """The digest of the generator, a page's own parts and its context, or None when they do not pickle.

        A context value that is a list or tuple of records (frozen dataclasses: the events of an
        actor's page) counts as the digests of its records, each digested once per build: the same
        events are on the pages of each of their actors and places.
        """
        shown = {name: self._shallow(value) for name, value in context.items()}
        try:
            data = pickle.dumps((tuple(parts), shown), protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):
            return None
        digest = hashlib.blake2b(self._fingerprint + b"\0")
        digest.update(data)
        return digest

    def _shallow(self, value: object) -> object:
        """`value`, or for a list or tuple of records, a marked tuple of their digests."""
        if not isinstance(value, (list, tuple)) or not value:
            return value
        if not all(_frozen_record(item) for item in value):
            return value
        return (_RECORDS, *(self._record(item) for item in value))

    def _record(self, record: object) -> bytes:
        """A record's digest; the record is kept, so that its id is not reused while it is cached."""
        found = self._records.get(id(record))
        if found is None:
            data = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
            found = self._records[id(record)] = (record, hashlib.blake2b(data).digest())
        return found[1]

    def key(self, start: hashlib.blake2b, looked_up: Sequence[LookUp]) -> str:
        """The key of a drawing that began with `start` and made these look-ups."""
        digest = start.copy()
        digest.update(b"".join(self._told(look) for look in looked_up))
        return digest.hexdigest()

    def _told(self, look: LookUp) -> bytes:
        """A look-up and its answer, each part prefixed with its length, so that no two run together."""
        told = self._answers.get(look)
        if told is None:
            parts = (look[0].encode(), look[1].encode(), self._answer(look))
            told = self._answers[look] = b"".join(b"%d:%s" % (len(part), part) for part in parts)
        return told


def _frozen_record(value: object) -> bool:
    """Whether `value` is an instance of a frozen dataclass: it cannot change while the build runs."""
    params = getattr(type(value), "__dataclass_params__", None)
    return params is not None and bool(params.frozen)
