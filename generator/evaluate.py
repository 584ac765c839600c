"""Score a built briefing against MEANTIME gold annotations.

Gold files (`gold/<doc>.json` beside the articles) give entity mentions with
cross-document `instance_id`s as character offsets into the article body.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .model import Briefing
from .slugs import slugify


@dataclass(frozen=True, slots=True)
class IdentityScores:
    """How gold entities that recur across articles map onto actor pages."""

    recurring: int
    """Gold PER/ORG entities named (NAM) in two or more articles."""
    found: int
    """Of those, how many have at least one mention on an actor page."""
    single_page: int
    """Of the recurring ones, how many land on exactly one actor page."""
    split: int
    """Of the recurring ones, how many are spread over two or more actor pages."""
    pages: int
    """Actor pages that hold at least one gold PER/ORG name."""
    mixed_pages: int
    """Actor pages whose gold names belong to two or more gold entities."""


def load_gold(corpus: Path) -> dict[str, dict]:
    """Gold annotations by article id (the slug of the file stem)."""
    gold = {}
    for path in sorted((corpus / "gold").glob("*.json")):
        gold[slugify(path.stem)] = json.loads(path.read_text("utf-8"))
    return gold


def identity_scores(briefing: Briefing, gold: dict[str, dict]) -> IdentityScores:
    """Cross-document identity: recurring gold entities vs actor pages."""
    page_at: dict[tuple[str, int, int], str] = {}
    for actor in briefing.actors:
        for m in actor.mentions:
            page_at[(m.span.article, m.span.start, m.span.end)] = actor.id
    by_article: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for (article, start, end), actor_id in page_at.items():
        by_article[article].append((start, end, actor_id))
    docs_of: dict[str, set[str]] = defaultdict(set)
    pages_of: dict[str, set[str]] = defaultdict(set)
    entities_on: dict[str, set[str]] = defaultdict(set)
    for article, data in gold.items():
        for ent in data.get("entities", []):
            if ent["syntactic_type"] != "NAM" or ent["type"] not in ("PER", "ORG"):
                continue
            docs_of[ent["instance_id"]].add(article)
            overlapping = [(min(end, ent["end"]) - max(start, ent["start"]), end == ent["end"], actor_id)
                           for start, end, actor_id in by_article.get(article, [])
                           if start < ent["end"] and ent["start"] < end]
            if overlapping:
                # The mention that covers most of the gold name, preferring the one ending with it (its head).
                actor_id = max(overlapping)[2]
                pages_of[ent["instance_id"]].add(actor_id)
                entities_on[actor_id].add(ent["instance_id"])
    recurring = [i for i, docs in docs_of.items() if len(docs) >= 2]
    return IdentityScores(
        recurring=len(recurring),
        found=sum(1 for i in recurring if pages_of[i]),
        single_page=sum(1 for i in recurring if len(pages_of[i]) == 1),
        split=sum(1 for i in recurring if len(pages_of[i]) >= 2),
        pages=len(entities_on),
        mixed_pages=sum(1 for ents in entities_on.values() if len(ents) >= 2),
    )
