"""Turn a hand-written annotation list into offsets (`python -m tests.annotated.reuters.annotate`).

Usage: annotate.py SPEC ARTICLE.md > NAME.json. SPEC holds one mention a line in body order,
`surface | kind | instance`; a nested mention follows the one that holds it. Each surface is
looked up from the start of the previous one, at word boundaries, skipping spans already taken.
The output holds offsets, kind, instance and surface only: never the article's text.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

from generator.read.seeds import split_front_matter

KINDS = {"person", "organisation", "state", "group", "place"}


def annotate(spec: str, article: Path) -> dict[str, object]:
    """Offsets of every mention in `spec`, in order."""
    _meta, body, _line = split_front_matter(article.read_text("utf-8"), str(article))
    found: list[tuple[int, int, str, str, str]] = []
    taken: set[tuple[int, int]] = set()
    pos = 0
    for number, line in enumerate(spec.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        surface, kind, instance = (part.strip() for part in line.split("|"))
        if kind not in KINDS:
            raise SystemExit(f"line {number}: unknown kind {kind!r}")
        pattern = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")
        for match in pattern.finditer(body, pos):
            if (match.start(), match.end()) not in taken:
                break
        else:
            raise SystemExit(f"line {number}: {surface!r} not found after offset {pos}")
        taken.add((match.start(), match.end()))
        pos = match.start()
        found.append((match.start(), match.end(), surface, kind, instance))
    mentions = [
        {"start": start, "end": end, "text": surface, "kind": kind, "instance": instance}
        for start, end, surface, kind, instance in sorted(found)
    ]
    return {
        "article": article.name,
        "body_sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(),
        "source": "Reuters-21578 (Distribution 1.0), research use only; text not included",
        "license": "annotations CC BY 4.0; the article text is Reuters Ltd.'s and is not in this repository",
        "guidelines": "README.md",
        "mentions": mentions,
    }


def main() -> None:
    """Print the annotation of one article as JSON."""
    spec, article = sys.argv[1:3]
    print(json.dumps(annotate(Path(spec).read_text("utf-8"), Path(article)), indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
