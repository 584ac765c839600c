"""Joins between groups of names, each with the reason it was made (stage 4: resolve)."""

from __future__ import annotations

from collections.abc import Iterable


class Joins:
    """A union-find over group keys that remembers why each join was made."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._parent = {key: key for key in keys}
        self._reasons: dict[str, list[str]] = {key: [] for key in self._parent}

    def find(self, key: str) -> str:
        """The key that stands for `key`'s group."""
        root = key
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[key] != root:
            self._parent[key], key = root, self._parent[key]
        return root

    def join(self, key: str, into: str, reason: str) -> bool:
        """Put `key`'s group into `into`'s; False when they are one group already."""
        a, b = self.find(key), self.find(into)
        if a == b:
            return False
        self._parent[a] = b
        self._reasons[b] += [*self._reasons.pop(a), reason]
        return True

    def groups(self) -> dict[str, list[str]]:
        """Root key → every key of its group, sorted."""
        result: dict[str, list[str]] = {}
        for key in sorted(self._parent):
            result.setdefault(self.find(key), []).append(key)
        return result

    def reasons(self, root: str) -> list[str]:
        """Why the group of `root` was joined, in the order the joins were made."""
        return list(self._reasons.get(root, []))
