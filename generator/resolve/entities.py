"""Join mentions across the corpus into actors and places (stage 4: resolve).

Merging is conservative. A bare surname ("Assad") joins a full name only
when exactly one full name in the same article, or else in the whole corpus,
ends with it. Two people who share a surname stay apart and both carry a
note for the curator. Acronyms join their expansion (UN, United Nations).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from generator.extract import gazetteer, lexicon
from generator.model import ACTOR_KINDS, Actor, Analysis, Mention, Place
from generator.resolve.links import located_mentions
from generator.resolve.roles import roles_of

_PARTICLES = re.compile(r"^(al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|van|von|de|da|di|le|la)[-‘’']", re.I)
_CORPORATE = re.compile(
    r"[,\s]+(inc|incorporated|corp|corporation|co|ltd|limited|plc|llc|ag|sa|s\.a|n\.v|nv|gmbh|group)\.?$",
    re.I,
)
_GENERIC_TAIL = re.compile(
    r"\s+(airlines|airways|holdings|company|systems|technologies|international)$", re.I
)
_STOP = {"of", "the", "and", "for", "de", "la", "&"}
_KIND_PRIORITY = {kind: i for i, kind in enumerate(("state", "group", "organisation", "person"))}


def person_key(name: str) -> tuple[str, ...]:
    """Tokens of a person's name, lowercased, without particles or middle initials."""
    words = [_PARTICLES.sub("", w).lower().strip(".") for w in name.split()]
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return tuple(w for w in words if w)


def org_key(name: str) -> str:
    """Lowercased organisation name without corporate suffixes or dots."""
    stripped = _CORPORATE.sub("", name.strip())
    shorter = _GENERIC_TAIL.sub("", stripped)
    if (
        len(shorter.split()) >= 2
    ):  # "China Eastern Airlines" = "China Eastern", not "Singapore Airlines" = "Singapore"
        stripped = shorter
    return re.sub(r"[.\s]+", " ", stripped.replace(".", "")).strip().lower()


def _words(name: str) -> list[str]:
    """Capitalised content words of a name, or [] when any content word is lowercase."""
    words = [w for w in re.split(r"[\s-]+", _CORPORATE.sub("", name)) if w and w.lower() not in _STOP]
    return words if len(words) >= 2 and all(w[0].isupper() for w in words) else []


def expands(short: str, name: str) -> bool:
    """True when `short` spells `name` by word prefixes: UN/United Nations, SIA/Singapore Airlines."""
    words = [w.lower() for w in _words(name)]
    letters = short.replace(".", "").lower()
    if not words or not letters.isalpha() or len(letters) < 2:
        return False

    def spell(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        word = words[j]
        return any(
            letters[i : i + k] == word[:k] and spell(i + k, j + 1)
            for k in range(1, min(len(word), len(letters) - i) + 1)
        )

    return spell(0, 0)


def resolve_actors(analyses: Sequence[Analysis]) -> list[Actor]:
    """Cluster actor mentions from every article into actors (ids assigned later)."""
    mentions = _surnames_as_people([m for a in analyses for m in a.mentions if m.kind in ACTOR_KINDS])
    persons = [m for m in mentions if m.kind == "person"]
    others = [m for m in mentions if m.kind != "person"]
    actors = _resolve_persons(persons) + _resolve_others(others)
    return sorted(actors, key=lambda a: (a.kind, a.name.lower()))


def _surnames_as_people(mentions: list[Mention]) -> list[Mention]:
    """Read "Jobs" tagged as an organisation as the person, when the corpus says so.

    Only for a one-word name that is the surname of exactly one full name in
    the corpus, and that the tagger reads as a person at least as often or
    whose full name stands in the same article.
    """
    surnames: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for m in mentions:
        key = person_key(m.name)
        if m.kind == "person" and len(key) > 1:
            surnames[key[-1]].add(key)
    votes: Counter[tuple[str, str]] = Counter((m.span.text, m.kind) for m in mentions)
    # Or when the full name stands in the same article ("Mark Papermaster ... Papermaster").
    articles_of: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for m in mentions:
        if m.kind == "person":
            articles_of[person_key(m.name)].add(m.span.article)
    result = []
    for m in mentions:
        key = person_key(m.name)
        if (
            m.kind == "organisation"
            and len(key) == 1
            and len(surnames.get(key[0], ())) == 1
            and (
                votes[(m.span.text, "person")] >= votes[(m.span.text, "organisation")]
                or m.span.article in articles_of.get(next(iter(surnames[key[0]])), ())
            )
        ):
            m = replace(m, kind="person", label=f"{m.label}→person")
        result.append(m)
    return result


def _resolve_persons(mentions: list[Mention]) -> list[Actor]:
    """Group person mentions by full name, then attach bare surnames."""
    full: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    single: list[Mention] = []
    for m in mentions:
        key = person_key(m.name)
        (full[key] if len(key) > 1 else single).append(m)
    by_surname: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in sorted(full):
        by_surname[key[-1]].append(key)
    articles_of = {key: {m.span.article for m in ms} for key, ms in full.items()}
    loose: dict[str, list[Mention]] = defaultdict(list)
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in sorted(full):
        by_first[key[0]].append(key)
    for m in single:
        word = person_key(m.name)[0]
        candidates = by_surname.get(word, [])
        here = [k for k in candidates if m.span.article in articles_of[k]]
        # "Steve" alone: the one full name in this article that starts with it, if no surname matches.
        first_here = [k for k in by_first.get(word, []) if m.span.article in articles_of[k]]
        if len(here) == 1:
            full[here[0]].append(m)
        elif not here and len(candidates) == 1:
            full[candidates[0]].append(m)
        elif not candidates and len(first_here) == 1:
            full[first_here[0]].append(m)
        elif candidates or by_first.get(word) or _titled(m):
            loose[word].append(m)
        # else: a lone word that names no one in the corpus and has no title ("Tiger", "Reader")
        # is more often a product or a common word the tagger capitalised than a person.
    actors = []
    for key, ms in sorted(full.items()):
        namesakes = [k for k in by_surname[key[-1]] if k != key]
        notes = tuple(
            f"Shares the surname '{ms[0].name.split()[-1]}' with {_display(full[k])}; not merged."
            for k in namesakes
        )
        actors.append(_actor(_display(ms), "person", ms, notes))
    for surname, ms in sorted(loose.items()):
        namesakes = by_surname.get(surname, [])
        notes = tuple(f"Could be {_display(full[k])}; not merged." for k in namesakes)
        actors.append(_actor(_display(ms), "person", ms, notes))
    return actors


def _titled(mention: Mention) -> bool:
    """True when the mention carries a title or role: "Mr Assad", "Senator McCain"."""
    return bool(mention.role) or len(mention.span.text.split()) > len(mention.name.split())


def _canonical_names(mentions: list[Mention]) -> dict[Mention, str]:
    """The name each organisation mention is grouped under.

    Curated aliases first ("Apple Computer" → "Apple Inc."). Then a shorter name
    that ends another organisation's name in the same article joins it ("the Air
    Force" after "the United States Air Force"); in articles with no longer form,
    it joins the name it joined everywhere else, when that is always the same one.
    Last, a division named by its parent and a region or line of business ("EADS
    North America", "Boeing Commercial Airplanes") joins the parent.
    """
    names = {m: lexicon.organisation_alias(m.name) or m.name for m in mentions}
    by_article: dict[str, set[str]] = defaultdict(set)
    for m, name in names.items():
        by_article[m.span.article].add(name)
    joined: dict[str, set[str]] = defaultdict(set)
    pending = []
    for m, name in names.items():
        words = name.split()
        if len(words) < 2 or m.kind == "state":
            continue
        longer = [n for n in by_article[m.span.article] if n != name and n.endswith(" " + name)]
        if len(longer) == 1:
            names[m] = longer[0]
            joined[name].add(longer[0])
        elif not longer:
            pending.append(m)
    for m in pending:
        if len(joined.get(names[m], ())) == 1:
            names[m] = next(iter(joined[names[m]]))
    known = set(names.values())
    for m, name in names.items():
        words = name.split()
        for i in range(len(words) - 1, 0, -1):
            parent = " ".join(words[:i])
            parent = lexicon.organisation_alias(parent) or parent
            if parent in known and lexicon.is_division(" ".join(words[i:])):
                names[m] = parent
                break
    return names


def _resolve_others(mentions: list[Mention]) -> list[Actor]:
    """Group organisations, states and groups by name, joining acronyms to expansions."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    canonical = _canonical_names(mentions)
    for m in mentions:
        groups[org_key(canonical[m])].append(m)
    for key in sorted(groups, key=lambda k: (len(k), k)):
        if " " in key or key not in groups:
            continue
        short = groups[key]
        if all(m.name.isupper() or "." in m.name for m in short):
            # An acronym joins the one expansion it spells (UN, United Nations).
            targets = [k for k in groups if k != key and expands(key, _display(groups[k]))]
        else:
            # "Lockheed" joins "Lockheed Martin" when no other name starts with it; "Singapore" the
            # state never joins "Singapore Airlines".
            targets = [
                k
                for k in groups
                if k.split()[0] == key and k != key
                if all(m.kind != "state" for m in (*short, *groups[k]))
            ]
            if any(lexicon.organisation_alias(m.name) for m in short):
                targets = []  # curated: "Apple" is Apple Inc., never "Apple Corps"
        if len(targets) == 1:
            groups[targets[0]].extend(groups.pop(key))
    actors = []
    for _key, ms in sorted(groups.items()):
        kinds = Counter(m.kind for m in ms)
        kind = min(kinds, key=lambda k: (-kinds[k], _KIND_PRIORITY[k]))
        # The name the group was formed under: "Boeing" for "Boeing Commercial Airplanes" too.
        names = Counter(canonical.get(m, m.name) for m in ms)
        name = min(names, key=lambda n: (-len(n.split()), -names[n], n))
        actors.append(_actor(name, kind, ms, ()))
    return actors


def _display(mentions: Iterable[Mention]) -> str:
    """Pick the canonical name: the most common of the longest forms."""
    counts = Counter(m.name for m in mentions)
    return min(counts, key=lambda n: (-len(n.split()), -counts[n], n))


def _actor(name: str, kind: str, mentions: list[Mention], notes: tuple[str, ...]) -> Actor:
    """Build an actor record from its mentions."""
    ordered = tuple(sorted(mentions, key=lambda m: (m.span.article, m.span.start)))
    aliases = sorted({m.name for m in ordered} - {name})
    return Actor(
        id="",
        name=name,
        kind=kind,
        aliases=tuple(aliases),
        roles=roles_of(ordered),
        mentions=ordered,
        notes=notes,
    )


def resolve_places(analyses: Sequence[Analysis], actors: Sequence[Actor]) -> list[Place]:
    """Cluster place mentions by name; a state's mentions that locate something there make its country."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for analysis in analyses:
        for m in analysis.mentions:
            if m.kind == "place":
                groups[m.name.lower()].append(m)
    located = located_mentions(analyses)  # "in Syria", not "Russian air strikes" nor "Turkey said"
    for actor in actors:
        if actor.kind == "state":
            here = [m for m in actor.mentions if (m.span.article, m.span.start) in located]
            if here:
                groups[actor.name.lower()].extend(here)
    places = []
    for _key, ms in sorted(groups.items()):
        name = _display(ms)
        entry = gazetteer.lookup_place(name)
        kind = entry.kind if entry else next((m.place_kind for m in ms if m.place_kind), "place")
        ordered = tuple(sorted(ms, key=lambda m: (m.span.article, m.span.start)))
        aliases = tuple(sorted({m.name for m in ordered} - {name}))
        places.append(
            Place(
                id="",
                name=name,
                kind=kind,
                lat=entry.lat if entry else None,
                lon=entry.lon if entry else None,
                aliases=aliases,
                mentions=ordered,
            )
        )
    return places
