"""`build --explain`: why names were joined on each page, and which names were not listed, as text."""

from __future__ import annotations

from generator.model import Actor, Briefing, Place


def explain(b: Briefing) -> str:
    """Why names were joined on each actor and place page, and the names not listed, one line each.

    A curator reads it to find a wrong join and undo it with `split:` under the page's name, or a
    name the junk filter left out and bring it back with `listed: true`.
    """
    lines = []
    pages: list[tuple[str, Actor | Place]] = [("actors", a) for a in b.actors]
    pages += [("places", p) for p in b.places]
    for what, item in pages:
        if item.merged_because:
            lines.append(f"{what}/{item.id}.md: {item.name} ({item.kind})")
            lines += [f"  merged because {reason}" for reason in item.merged_because]
    for item in sorted(b.unlisted, key=lambda i: (i.name.lower(), i.kind)):
        articles = ", ".join(sorted({m.span.article for m in item.mentions}))
        lines.append(f"not listed: {item.name} ({item.kind}): {item.unlisted} [{articles}]")
    return "\n".join(lines) if lines else "nothing merged, nothing left out"
