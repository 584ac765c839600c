"""Join mentions across the corpus into actors and places (stage 4: resolve).

Merging is conservative and every join says why (`merged_because`, shown by
`build --explain`; a curator undoes one with `split:`). A bare surname ("Assad")
joins a full name only when exactly one full name in the same article, or else
in the whole corpus, ends with it; a first name ("Steve") joins the one full
name in its article that starts with it; given names match through nicknames
("Tim Cook", "Timothy D. Cook"). Two people who share a surname stay apart and
both carry a note for the curator. Organisations join when their names agree
but for case, spacing, punctuation and legal forms, when an acronym is defined
in the text ("American Motors Corp <AMO>") or spells the name, when a short
form begins or ends the one longer name that fits, when a long name is
misspelt by a letter or two, and "X government" is the state X. Candidates
come from blocking keys (see `names`), never from all pairs.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from generator.extract import gazetteer, lexicon
from generator.extract.mentions import ROLE_NOUNS
from generator.model import ACTOR_KINDS, Actor, Analysis, Mention, Place
from generator.resolve import names as keys
from generator.resolve.unionfind import Joins

_PARTICLES = re.compile(r"^(al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|van|von|de|da|di|le|la)[-‘’']", re.I)
_CORPORATE = re.compile(
    r"[,\s]+(inc|incorporated|corp|corporation|co|ltd|limited|plc|llc|ag|sa|s\.a|n\.v|nv|gmbh|group)\.?$",
    re.I,
)
_GENERIC_TAIL = re.compile(
    r"\s+(airlines|airways|holdings|company|systems|technologies|international)$", re.I
)
_STOP = {"of", "the", "and", "for", "de", "la", "&"}
T = TypeVar("T", Actor, Place)
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
    why: dict[Mention, str] = {}
    mentions = [m for a in analyses for m in a.mentions if m.kind in ACTOR_KINDS]
    mentions = _places_named_like_companies(mentions, analyses, why)
    mentions = _governments_as_states(mentions, why)
    mentions = _organisations_typed_as_people(mentions, why)
    mentions = _surnames_as_people(mentions)
    persons = [m for m in mentions if m.kind == "person"]
    others = [m for m in mentions if m.kind != "person"]
    bodies = {a.article.id: a.article.body for a in analyses}
    actors = _resolve_persons(persons, why) + _resolve_others(others, bodies, why)
    orgs = {a.name for a in actors if a.kind == "organisation"}
    return sorted(_plurals_unlisted(actors, orgs), key=lambda a: (a.kind, a.name.lower()))


def _places_named_like_companies(
    mentions: list[Mention], analyses: Sequence[Analysis], why: dict[Mention, str]
) -> list[Mention]:
    """Read a small town's name as the company the corpus names in full ("Cisco", "Cisco System").

    Only for a name not after a locative preposition, not a country or a curated place, when an
    organisation's name in the corpus is this name and an organisation word or legal form.
    """
    companies: dict[str, str] = {}
    for m in mentions:
        words = m.name.split()
        if (
            m.kind == "organisation"
            and len(words) > 1
            and (lexicon.has_organisation_word(m.name) or keys.without_legal_form(m.name) != m.name)
        ):
            companies.setdefault(words[0], m.name)
    result = list(mentions)
    for analysis in analyses:
        body = analysis.article.body
        for m in analysis.mentions:
            if m.kind != "place" or m.name not in companies or m.unlisted:
                continue
            entry = gazetteer.lookup_place(m.name)
            before = body[max(0, m.span.start - 12) : m.span.start].split()
            if entry is not None and (entry.kind == "country" or entry.source == "curated"):
                continue
            if before and before[-1].lower() in {"in", "at", "near", "from", "to", "outside", "across"}:
                continue
            org = replace(m, kind="organisation", label=f"{m.label}→organisation")
            why[org] = f"'{m.name}' is read as the company '{companies[m.name]}' named in the corpus"
            result.append(org)
    return result


def _governments_as_states(mentions: list[Mention], why: dict[Mention, str]) -> list[Mention]:
    """Read "Belgium government", "Iran's government", "Syrian authorities" as the state itself."""
    result = []
    for m in mentions:
        head = keys.government_of(m.name) if m.kind in {"organisation", "group"} else ""
        country = (gazetteer.country_name(head) or gazetteer.country_for_demonym(head)) if head else None
        if country:
            m2 = replace(m, name=country, kind="state", label=f"{m.label}→state")
            why[m2] = f"'{m.name}' is the government of the state {country}"
            m = m2
        result.append(m)
    return result


def _organisations_typed_as_people(mentions: list[Mention], why: dict[Mention, str]) -> list[Mention]:
    """A "person" whose name the corpus types as an organisation at least as often, without a given name."""
    votes: Counter[tuple[str, str]] = Counter((m.name, m.kind) for m in mentions)
    companies = {m.name for m in mentions if m.kind == "organisation"}
    result = []
    for m in mentions:
        words = m.name.split()
        if m.kind == "person" and len(words) > 1 and not keys.is_given_name(words[0]):
            because = ""
            if votes[(m.name, "organisation")]:
                because = "is an organisation elsewhere in the corpus"
            elif words[0] in companies:
                because = f"begins with the organisation '{words[0]}'"
            if because:
                m2 = replace(m, kind="organisation", label=f"{m.label}→organisation")
                why[m2] = f"'{m.name}' {because} and has no given name"
                m = m2
        result.append(m)
    return result


def _plurals_unlisted(actors: list[T], orgs: set[str]) -> list[T]:
    """Unlist the plural of an organisation's name ("Airbuses", "Boeings"): it names its products."""
    result = []
    for actor in actors:
        stem = next((n for n in (actor.name[:-2], actor.name[:-1]) if n in orgs), "")
        if actor.name.endswith("s") and stem and not actor.unlisted:
            actor = replace(actor, unlisted=f"the plural of '{stem}': its products")
        result.append(actor)
    return result


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


def _resolve_persons(mentions: list[Mention], why: dict[Mention, str]) -> list[Actor]:
    """Group person mentions by full name, join nicknames, then attach bare surnames and first names."""
    full: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    single: list[Mention] = []
    for m in mentions:
        key = person_key(m.name)
        (full[key] if len(key) > 1 else single).append(m)
    reasons: dict[tuple[str, ...], list[str]] = defaultdict(list)
    _join_nicknames(full, reasons)
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
            reasons[here[0]].append(
                f"'{m.name}' is the surname of {_display(full[here[0]])} in the same article"
            )
        elif not here and len(candidates) == 1:
            full[candidates[0]].append(m)
            reasons[candidates[0]].append(
                f"'{m.name}' is the surname of {_display(full[candidates[0]])}, the only one in the corpus"
            )
        elif not candidates and (best := _most_named(first_here, full, m.span.article)):
            full[best].append(m)
            reasons[best].append(
                f"'{m.name}' is the first name of {_display(full[best])}, the one most named in its article"
            )
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
        same = _same_key((m for m in ms if len(person_key(m.name)) > 1), person_key)
        actors.append(_actor(_display(ms), "person", ms, notes, (*same, *reasons[key]), why))
    for surname, ms in sorted(loose.items()):
        namesakes = by_surname.get(surname, [])
        notes = tuple(f"Could be {_display(full[k])}; not merged." for k in namesakes)
        actors.append(_actor(_display(ms), "person", ms, notes, (), why))
    return actors


def _most_named(
    keys_here: list[tuple[str, ...]], full: dict[tuple[str, ...], list[Mention]], article: str
) -> tuple[str, ...] | None:
    """Of full names in an article, the one named more often there than all the others together."""
    counts = sorted(((sum(m.span.article == article for m in full[k]), k) for k in keys_here), reverse=True)
    if counts and counts[0][0] > sum(c for c, _k in counts[1:]):
        return counts[0][1]
    return None


def _join_nicknames(
    full: dict[tuple[str, ...], list[Mention]], reasons: dict[tuple[str, ...], list[str]]
) -> None:
    """Join full names with one surname whose given names are nicknames of each other (Tim, Timothy)."""
    by_surname: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in sorted(full):
        by_surname[key[-1]].append(key)
    for group in by_surname.values():
        for key in sorted(group, key=lambda k: (-len(full[k]), k)):
            if key not in full:
                continue
            for other in group:
                if (
                    other != key
                    and other in full
                    and len(other) == len(key)
                    and other[1:-1] == key[1:-1]
                    and other[0] != key[0]
                    and keys.same_given_name(other[0], key[0])
                ):
                    first, second = _display(full[key]), _display(full[other])
                    reasons[key].append(
                        f"{first} and {second}: "
                        f"'{key[0].title()}' and '{other[0].title()}' are one given name"
                    )
                    reasons[key].extend(reasons.pop(other, []))
                    full[key].extend(full.pop(other))


def _same_key(mentions: Iterable[Mention], key: Callable[[str], object]) -> list[str]:
    """Why differently written names with one key were joined: they differ only in form."""
    forms: dict[object, set[str]] = defaultdict(set)
    for m in mentions:
        forms[key(m.name)].add(m.name)
    return [
        f"{', '.join(repr(f) for f in sorted(names))}: "
        "one name but for case, punctuation, initials or legal form"
        for _key, names in sorted(forms.items(), key=lambda kv: sorted(kv[1]))
        if len(names) > 1
    ]


def _titled(mention: Mention) -> bool:
    """True when the mention carries a title or role: "Mr Assad", "Senator McCain"."""
    return bool(mention.role) or len(mention.span.text.split()) > len(mention.name.split())


def _canonical_names(mentions: list[Mention]) -> tuple[dict[Mention, str], dict[Mention, str]]:
    """The name each organisation mention is grouped under, and why it is not its own.

    Curated aliases first ("Apple Computer" → "Apple Inc."). Then a shorter name
    that ends another organisation's name in the same article joins it ("the Air
    Force" after "the United States Air Force", "the Commission" after "the European
    Commission"); in articles with no longer form, it joins the name it joined
    everywhere else, when that is always the same one. Last, a division named by its
    parent and a region or line of business ("EADS North America", "Boeing Commercial
    Airplanes") joins the parent.
    """
    names = {m: lexicon.organisation_alias(m.name) or m.name for m in mentions}
    why = {
        m: f"'{m.name}' is a curated name of '{name}'"
        for m, name in names.items()
        if name != m.name and name != m.name.rstrip(".")
    }
    by_article: dict[str, set[str]] = defaultdict(set)
    for m, name in names.items():
        by_article[m.span.article].add(name)
    joined: dict[str, set[str]] = defaultdict(set)
    pending = []
    for m, name in names.items():
        words = name.split()
        if m.kind == "state" or (len(words) < 2 and not lexicon.is_institution(name)):
            continue
        longer = [n for n in by_article[m.span.article] if n != name and n.endswith(" " + name)]
        if len(longer) == 1:
            names[m] = longer[0]
            joined[name].add(longer[0])
            why[m] = f"'{name}' is how the article shortens '{longer[0]}'"
        elif not longer:
            pending.append(m)
    for m in pending:
        if len(joined.get(names[m], ())) == 1:
            target = next(iter(joined[names[m]]))
            why[m] = f"'{names[m]}' shortens '{target}' wherever the article gives the long form"
            names[m] = target
    known = set(names.values())
    for m, name in names.items():
        words = name.split()
        for i in range(len(words) - 1, 0, -1):
            parent = " ".join(words[:i])
            parent = lexicon.organisation_alias(parent) or parent
            if parent in known and lexicon.is_division(" ".join(words[i:])):
                names[m] = parent
                why[m] = f"'{name}' is a division of '{parent}'"
                break
    return names, why


def _resolve_others(mentions: list[Mention], bodies: dict[str, str], why: dict[Mention, str]) -> list[Actor]:
    """Group organisations, states and groups by name key, then join what the evidence says is one."""
    canonical, joined_why = _canonical_names(mentions)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[keys.compact_key(canonical[m])].append(m)
    shown = {k: _display(ms, canonical) for k, ms in groups.items()}
    states = {k for k, ms in groups.items() if any(m.kind == "state" for m in ms)}
    joins = Joins(groups)
    _join_defined_acronyms(groups, bodies, shown, states, joins)
    _join_short_forms(groups, shown, states, joins)
    _join_misspellings(groups, shown, states, joins)
    _join_owner_prefixes(groups, shown, states, joins)
    actors = []
    for root, members in sorted(joins.groups().items()):
        ms = [m for k in members for m in groups[k]]
        kinds = Counter(m.kind for m in ms)
        kind = min(kinds, key=lambda k: (-kinds[k], _KIND_PRIORITY[k]))
        name = _display(ms, canonical)
        reasons = [
            *_same_key(ms, lambda n: keys.compact_key(n)),
            *sorted({joined_why[m] for m in ms if m in joined_why}),
            *joins.reasons(root),
        ]
        actors.append(_actor(name, kind, ms, (), tuple(reasons), why))
    return actors


def _join_defined_acronyms(
    groups: dict[str, list[Mention]],
    bodies: dict[str, str],
    shown: dict[str, str],
    states: set[str],
    joins: Joins,
) -> None:
    """Join an acronym or ticker to the name the text gives it to ("American Motors Corp <AMO>")."""
    defined: dict[str, set[str]] = defaultdict(set)
    where: dict[tuple[str, str], str] = {}
    for key, ms in groups.items():
        for m in ms:
            short = keys.acronym_after(bodies.get(m.span.article, ""), m.span.end)
            if short and keys.fold(short) != key:
                defined[keys.fold(short)].add(key)
                where.setdefault((keys.fold(short), key), f"{short} ({m.span.article})")
    for short, longs in sorted(defined.items()):
        if short in groups and len(longs) == 1:
            (long,) = longs
            if (short in states) == (long in states):
                joins.join(
                    short,
                    long,
                    f"'{shown[short]}' is given as the short name of '{shown[long]}' in the text: "
                    f"{where[(short, long)]}",
                )


def _join_short_forms(
    groups: dict[str, list[Mention]], shown: dict[str, str], states: set[str], joins: Joins
) -> None:
    """An acronym joins the one name it spells (UN); a first word the one name it begins (Lockheed)."""
    by_first: dict[str, list[str]] = defaultdict(list)
    by_letters: dict[str, list[str]] = defaultdict(list)
    for key, name in shown.items():
        words = name.split()
        if len(words) > 1:
            by_first[keys.fold(words[0])].append(key)
            spelled = "".join(w[0] for w in words if w[:1].isupper()).lower()
            by_letters[spelled[:1]].append(key)
    for key in sorted(groups, key=lambda k: (len(k), k)):
        name = shown[key]
        if " " in name:
            continue
        short = groups[key]
        if all(m.name.isupper() or "." in m.name for m in short):
            targets = [
                k
                for k in by_letters.get(key[:1], [])
                if k != key
                and (expands(key, shown[k]) or expands(key, keys.without_legal_form(shown[k]) + " X"))
                and (k in states) == (key in states)
            ]
            why = "'{short}' spells '{long}'"
        else:
            # "Singapore" the state never joins "Singapore Airlines"; "Apple" is curated.
            targets = [
                k
                for k in by_first.get(key, [])
                if k not in states and key not in states and not unlisted_reason(groups[k])
            ]
            if any(lexicon.organisation_alias(m.name) for m in short):
                targets = []
            why = "'{short}' begins '{long}', the only name that does"
        roots = {joins.find(k) for k in targets}
        if len(roots) == 1:
            long = targets[0]
            joins.join(key, long, why.format(short=name, long=shown[long]))


def _join_misspellings(
    groups: dict[str, list[Mention]], shown: dict[str, str], states: set[str], joins: Joins
) -> None:
    """Join long names that differ by a letter or two ("Reagan Adminstration"), blocked by their start."""
    for block in keys.blocks(k for k in groups if k not in states).values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                distance = keys.misspelt(a, b)
                if distance and joins.find(a) != joins.find(b):
                    small, big = sorted((a, b), key=lambda k: (len(groups[k]), k))
                    joins.join(
                        small,
                        big,
                        f"'{shown[small]}' and '{shown[big]}' differ by {distance} letter"
                        f"{'s' if distance > 1 else ''}: a misspelling",
                    )


def _join_owner_prefixes(
    groups: dict[str, list[Mention]], shown: dict[str, str], states: set[str], joins: Joins
) -> None:
    """Join a name made of its owner and another name ("Apple Worldwide Developers Conference")."""
    by_key = {keys.compact_key(name): key for key, name in shown.items()}
    for key, name in sorted(shown.items()):
        words = name.split()
        if len(words) < 3 or key in states:
            continue
        owner, rest = words[0], " ".join(words[1:])
        other = by_key.get(keys.compact_key(rest))
        if other and other != key and other not in states and keys.fold(owner) in groups:
            joins.join(key, other, f"'{name}' is '{shown[other]}' named with its owner '{owner}'")


def _display(mentions: Iterable[Mention], canonical: dict[Mention, str] | None = None) -> str:
    """The page name: a curated name, else the most frequent full proper name.

    A person's full name beats a bare surname; an organisation's spelled-out name beats an
    acronym, and a name ending with a role ("Boeing Executive") is never chosen when another
    fits. Ties go to the longer name.
    """
    mentions = list(mentions)
    if canonical is not None:
        curated = sorted({canonical[m] for m in mentions if lexicon.organisation_alias(canonical[m])})
        if curated:
            return curated[0]
    # An organisation's names count as the name each was grouped under ("Boeing" for its divisions).
    counts = Counter(canonical[m] if canonical is not None else m.name for m in mentions)

    person = any(m.kind == "person" for m in mentions)

    def shortens(name: str) -> bool:
        """True for "Lockheed" beside "Lockheed Martin": a name another one continues, not as a division."""
        return any(
            n.startswith(name + " ")
            and not lexicon.is_division(n[len(name) + 1 :])
            and not ROLE_NOUNS.match(n.split()[-1])
            for n in counts
        )

    def rank(name: str) -> tuple[bool, bool, bool, int, int, str]:
        words = name.split()
        return (
            (person and len(words) < 2 and any(len(n.split()) > 1 for n in counts))
            or (not person and shortens(name)),
            bool(ROLE_NOUNS.match(words[-1])) and len(counts) > 1,
            name.isupper() and len(counts) > 1,
            -counts[name],
            -len(words),
            name,
        )

    return min(counts, key=rank)


def _actor(
    name: str,
    kind: str,
    mentions: list[Mention],
    notes: tuple[str, ...],
    reasons: tuple[str, ...] = (),
    why: dict[Mention, str] | None = None,
) -> Actor:
    """Build an actor record from its mentions, with why its names were joined."""
    ordered = tuple(sorted(mentions, key=lambda m: (m.span.article, m.span.start)))
    aliases = sorted({m.name for m in ordered} - {name})
    roles = sorted({m.role for m in ordered if m.role})
    retyped = sorted({(why or {})[m] for m in ordered if m in (why or {})})
    return Actor(
        id="",
        name=name,
        kind=kind,
        aliases=tuple(aliases),
        roles=tuple(roles),
        mentions=ordered,
        notes=notes,
        merged_because=tuple(dict.fromkeys((*retyped, *reasons))),
        unlisted=unlisted_reason(ordered),
    )


def unlisted_reason(mentions: Sequence[Mention]) -> str:
    """Why a page is left off the site: the commonest reason, when most of its mentions are junk."""
    reasons = Counter(m.unlisted for m in mentions if m.unlisted)
    if not reasons or 2 * sum(reasons.values()) <= len(mentions):
        return ""
    return min(reasons, key=lambda r: (-reasons[r], r))


def resolve_places(analyses: Sequence[Analysis], actors: Sequence[Actor]) -> list[Place]:
    """Cluster place mentions by name; every state actor also gets a country place."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for analysis in analyses:
        for m in analysis.mentions:
            if m.kind == "place":
                groups[m.name.lower()].append(m)
    for actor in actors:
        if actor.kind == "state":
            groups[actor.name.lower()].extend(actor.mentions)
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
                merged_because=tuple(_same_key(ordered, str.lower)),
                unlisted=unlisted_reason(ordered),
            )
        )
    orgs = {a.name for a in actors if a.kind == "organisation"}
    return _plurals_unlisted(places, orgs)
