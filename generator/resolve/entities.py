"""Join mentions across the corpus into actors and places (stage 4: resolve).

Merging is conservative and every join says why (`merged_because`, shown by
`build --explain`; a curator undoes one with `split:`). First each mention's
kind is read again with the corpus as evidence: a small town's name that the
corpus uses for a company ("Cisco"), "X government" as the state X, a "person"
the corpus calls an organisation, a surname tagged as an organisation. Names
the junk filter set aside, and one-word names the corpus otherwise writes in
lowercase ("Lost", "Video"), are grouped apart, never joined to a listed name.
People then join by `persons`, organisations, states and groups by
`organisations`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from generator.extract import gazetteer, lexicon
from generator.extract.mentions import ROLE_NOUNS, TITLES
from generator.extract.participants import LOCATIVE, STATE_LOCATIVE
from generator.model import ACTOR_KINDS, Actor, Analysis, Mention, Place
from generator.resolve import institutions
from generator.resolve import names as keys
from generator.resolve.casing import Casing, casing
from generator.resolve.links import ACTING_ROLES, located_mentions
from generator.resolve.naming import actor_record, display_name, same_key_reasons, unlisted_reason
from generator.resolve.organisations import resolve_organisations
from generator.resolve.persons import resolve_persons, surnames_as_people
from generator.resolve.unionfind import Joins

T = TypeVar("T", Actor, Place)
_LOCATIVE = {"in", "at", "near", "from", "to", "outside", "across"}
_WEAK_LOCATIVE = LOCATIVE - STATE_LOCATIVE | {"of"}  # "belongs to X", "on X": too weak for an unknown name


def resolve_actors(analyses: Sequence[Analysis]) -> list[Actor]:
    """Cluster actor mentions from every article into actors (ids assigned later)."""
    retyped: dict[Mention, str] = {}
    bodies = {a.article.id: a.article.body for a in analyses}
    words = casing(bodies.values())
    mentions = [_unmarked(m) for a in analyses for m in a.mentions if m.kind in ACTOR_KINDS]
    mentions = _places_named_like_companies(mentions, analyses, retyped)
    mentions = _governments_as_states(mentions, retyped)
    mentions = _organisations_typed_as_people(mentions, bodies, retyped)
    mentions = _titled_people(mentions, retyped)
    mentions = surnames_as_people(mentions)
    mentions = _common_words_unlisted(mentions, words)
    mentions = [_numbered_person_unlisted(m) for m in mentions]
    mentions = _curated_listed(mentions)
    listed = [m for m in mentions if not m.unlisted]
    actors = [
        *resolve_persons([m for m in listed if m.kind == "person"], retyped),
        *resolve_organisations([m for m in listed if m.kind != "person"], bodies, words, retyped),
        *_unlisted_actors([m for m in mentions if m.unlisted], retyped),
    ]
    organisations = {a.name for a in actors if a.kind == "organisation" and not a.unlisted}
    return sorted(
        _plurals_unlisted(actors, organisations), key=lambda a: (a.kind, a.name.lower(), a.unlisted)
    )


def _unmarked(m: Mention) -> Mention:
    """The mention without a wire service's angle brackets around a company or its ticker
    ("<Qantas Airways Ltd>", "Telegraph Co <T.N>", "BankAmerica <BAC> Bank of America")."""
    name = m.name.strip("<> ")
    name = name.split("<")[0].strip() or name
    if ">" in name:
        before, _mark, after = name.partition(">")
        after = after.strip()
        name = after if after[:1].isupper() else before.strip()
    return replace(m, name=name) if name != m.name and name else m


def _unlisted_actors(mentions: Sequence[Mention], retyped: dict[Mention, str]) -> list[Actor]:
    """Names the junk filter set aside, grouped by kind and key only, for the curators' list."""
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[(m.kind, keys.compact_key(m.name))].append(m)
    return [
        actor_record(display_name(ms), kind, ms, retyped=retyped)
        for (kind, _key), ms in sorted(groups.items())
    ]


def _places_named_like_companies(
    mentions: list[Mention], analyses: Sequence[Analysis], retyped: dict[Mention, str]
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
            if before and before[-1].lower() in _LOCATIVE:
                continue
            org = replace(m, kind="organisation", label=f"{m.label}→organisation")
            retyped[org] = f"'{m.name}' is read as the company '{companies[m.name]}' named in the corpus"
            result.append(org)
    return result


def _governments_as_states(mentions: list[Mention], retyped: dict[Mention, str]) -> list[Mention]:
    """Read "Belgium government", "Iran's government", "Syrian authorities" as the state itself."""
    result = []
    for m in mentions:
        head = keys.government_of(m.name) if m.kind in {"organisation", "group"} else ""
        country = (gazetteer.country_name(head) or gazetteer.country_for_demonym(head)) if head else None
        if country:
            state = replace(m, name=country, kind="state", label=f"{m.label}→state")
            retyped[state] = f"'{m.name}' is the government of the state {country}"
            m = state
        result.append(m)
    return result


def _organisations_typed_as_people(
    mentions: list[Mention], bodies: dict[str, str], retyped: dict[Mention, str]
) -> list[Mention]:
    """A "person" without a given name whose name the corpus also types as an organisation.

    Either the tagger reads that very name as an organisation elsewhere ("Best Buy"), or the
    name begins with an organisation's one-word name ("Lockheed Martin" beside "Lockheed").
    A name written after a person's title ("Defense Secretary Caspar Weinberger") stays a person.
    """
    votes: Counter[tuple[str, str]] = Counter((m.name, m.kind) for m in mentions)
    companies = {m.name for m in mentions if m.kind == "organisation"}
    result = []
    for m in mentions:
        words = m.name.split()
        if (
            m.kind == "person"
            and len(words) > 1
            and not keys.is_given_name(words[0])
            and not _after_title(bodies[m.span.article], m.span.start)
        ):
            because = ""
            if votes[(m.name, "organisation")]:
                because = "is an organisation elsewhere in the corpus"
            elif words[0] in companies:
                because = f"begins with the organisation '{words[0]}'"
            if because:
                org = replace(m, kind="organisation", label=f"{m.label}→organisation")
                retyped[org] = f"'{m.name}' {because} and has no given name"
                m = org
        result.append(m)
    return result


def _after_title(body: str, start: int) -> bool:
    """Whether the word before `start` is a person's title or role ("Secretary", "Mr.", "spokesman")."""
    before = body[max(0, start - 24) : start].split()
    word = before[-1].lower().rstrip(".,") if before and body[start - 1 : start].isspace() else ""
    return bool(word) and (bool(ROLE_NOUNS.match(word)) or word in TITLES)


def _titled_people(mentions: list[Mention], retyped: dict[Mention, str]) -> list[Mention]:
    """An "organisation" written after a person's title and starting with a given name is that person.

    "Spokeswoman Sandy Angers", "Chairman John Smith": the tagger took the title for part of a name.
    """
    result = []
    for m in mentions:
        words, written = m.name.split(), m.span.text.split()
        title = written[0] if len(written) > len(words) else ""
        if (
            m.kind == "organisation"
            and len(words) > 1
            and title
            and (ROLE_NOUNS.match(title) or title.lower().rstrip(".") in TITLES)
            and keys.is_given_name(words[0])
            and not lexicon.has_organisation_word(m.name)
        ):
            person = replace(m, kind="person", label=f"{m.label}→person")
            retyped[person] = f"'{m.name}' follows the title '{title}' and begins with a given name"
            m = person
        result.append(m)
    return result


def _common_words_unlisted(mentions: list[Mention], words: Casing) -> list[Mention]:
    """Set aside a one-word name the corpus writes mostly in lowercase ("Lost", "Video", "Digital"),
    or such a word after initials read as a person ("H.K. Dlrs").

    Only a word written with one capital ("NeXT", "AMC" are not common words), not a place, a
    curated name, nor a word of a person's full name in the corpus ("Jobs", "Cook").
    """
    in_names: set[str] = set()
    for m in mentions:
        parts = m.name.lower().split()
        first = m.name.split()[0] if parts else ""
        if m.kind == "person" and len(parts) > 1 and first[:1].isupper() and not _after_initials(m.name):
            in_names.update((parts[0], parts[-1]))
    result = []
    for m in mentions:
        name = _after_initials(m.name) if m.kind == "person" else ""
        name = name or m.name
        if (
            not m.unlisted
            and m.kind in {"organisation", "person"}
            and " " not in name
            and name[1:].islower()
            and not m.label.startswith("rule:")
            and name.lower() not in in_names
            and words.common(name)
            and gazetteer.lookup_place(name) is None
            and lexicon.organisation_alias(name) is None
            and institutions.lookup(name) is None
        ):
            m = replace(
                m, unlisted=f"a common word capitalised: the articles write '{name.lower()}' in lowercase"
            )
        result.append(m)
    return result


def _numbered_person_unlisted(m: Mention) -> Mention:
    """Set aside a "person" whose name holds a digit: a table's row ("Revs 34.2") or an amount."""
    if m.kind == "person" and not m.unlisted and any(c.isdigit() for c in m.name):
        return replace(m, unlisted="a person's name has no digits: a table row or an amount")
    return m


def _after_initials(name: str) -> str:
    """The last word of a name made of initials and that word ("H.K. Dlrs" → "Dlrs"), else ""."""
    *initials, last = name.split() or [""]
    return last if initials and all(_INITIALS.fullmatch(w) for w in initials) else ""


_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def _curated_listed(mentions: list[Mention]) -> list[Mention]:
    """List a curated institution the junk filter set aside: "S&P 500" is an index, not a model number."""
    return [
        replace(m, unlisted="") if m.unlisted and m.kind != "person" and institutions.lookup(m.name) else m
        for m in mentions
    ]


def _plurals_unlisted(records: list[T], organisations: set[str]) -> list[T]:
    """Unlist the plural of an organisation's name ("Airbuses", "Boeings"): it names its products."""
    result = []
    for record in records:
        stem = next((n for n in (record.name[:-2], record.name[:-1]) if n in organisations), "")
        if record.name.endswith("s") and stem and not record.unlisted:
            record = replace(record, unlisted=f"the plural of '{stem}': its products")
        result.append(record)
    return result


def resolve_places(analyses: Sequence[Analysis], actors: Sequence[Actor]) -> list[Place]:
    """Cluster place mentions by name; a state's mentions that locate something there make its country.

    A place mention that resolution read as an organisation ("Cisco", the company) is not a place.
    """
    companies = {(m.span.article, m.span.start) for a in actors if a.kind != "state" for m in a.mentions}
    groups: dict[str, list[Mention]] = defaultdict(list)
    for analysis in analyses:
        for m in analysis.mentions:
            if m.kind == "place" and (m.span.article, m.span.start) not in companies:
                groups[m.name.lower()].append(m)
    located = located_mentions(analyses)  # "in Syria", not "Russian air strikes" nor "Turkey said"
    for actor in actors:
        if actor.kind == "state":
            here = [m for m in actor.mentions if (m.span.article, m.span.start) in located]
            if here:
                groups[actor.name.lower()].extend(here)
    groups, reasons = _join_places(groups)
    bodies = {a.article.id: a.article.body for a in analyses}
    places = []
    for key, ms in sorted(groups.items()):
        name = display_name(ms)
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
                merged_because=(*same_key_reasons(ordered, str.lower), *reasons.get(key, ())),
                unlisted=unlisted_reason(ordered),
            )
        )
    organisations = {a.name for a in actors if a.kind == "organisation"}
    acting = {
        (a.article.id, p.span.start) for a in analyses for p in a.participants if p.role in ACTING_ROLES
    }
    located |= _addresses(analyses)
    return [
        replace(p, unlisted=_no_place_reason(p.mentions, located, acting, bodies))
        if not p.unlisted
        and p.kind == "place"
        and gazetteer.lookup_place(p.name) is None
        and not (" " in p.name and lexicon.is_place_noun(p.name.split()[-1]))  # "Mississippi River"
        else p
        for p in _plurals_unlisted(places, organisations)
    ]


def _addresses(analyses: Sequence[Analysis]) -> set[tuple[str, int]]:
    """(article, start) of a name written after a place and a comma: "Danville, Calif.", "Toledo, Ohio"."""
    found = set()
    for analysis in analyses:
        body = analysis.article.body
        ends = {m.span.end for m in analysis.mentions if m.kind in ("place", "state")}
        for m in analysis.mentions:
            if (
                m.span.start >= 2
                and body[m.span.start - 2 : m.span.start] == ", "
                and m.span.start - 2 in ends
            ):
                found.add((analysis.article.id, m.span.start))
    return found


def _no_place_reason(
    mentions: Sequence[Mention],
    located: set[tuple[str, int]],
    acting: set[tuple[str, int]],
    bodies: dict[str, str],
) -> str:
    """Why a name the gazetteer does not know, and that does not end in a geographical noun
    ("Mississippi River"), is no place, or "" when the text makes it one.

    "in Darat Izza", "into the northern Arabian Sea", a dateline or an address ("Danville, Calif.")
    make an unknown name a place; "belongs to Cisco", "a contract to Halliburton", "cities on Earth",
    "the Arabs of the North" or "Microsoft's Windows Mobile" do not, as for a state. A name that acts
    in two clauses or more ("Cisco states", "developed by Cisco") and is never the object of "in",
    "at", "near" or the like names an actor, not a place.
    """
    here = after_preposition = 0
    for m in mentions:
        before = bodies[m.span.article][max(0, m.span.start - 16) : m.span.start].split()
        while before and before[-1].lower() in {"the", "a", "an"}:
            before.pop()
        word = before[-1].lower() if before else ""
        if (m.span.article, m.span.start) in located and word not in _WEAK_LOCATIVE:
            here += 1
            after_preposition += word in STATE_LOCATIVE
    if not here:
        return "not in the gazetteer, and no sentence locates anything there"
    if not after_preposition and sum((m.span.article, m.span.start) in acting for m in mentions) >= 2:
        return "not in the gazetteer, and it acts in clauses but no preposition places anything there"
    return ""


def _join_places(groups: dict[str, list[Mention]]) -> tuple[dict[str, list[Mention]], dict[str, list[str]]]:
    """Join place names that are one place: a misspelling or plural of a long name ("Straits of Hormuz"),
    and a geographical noun that begins or ends the one longer place name of its article ("the Straits").

    Two names the gazetteer puts at different points stay apart. Returns the groups and why each was
    joined, by group key.
    """
    joins = Joins(groups)
    shown = {key: display_name(ms) for key, ms in groups.items()}
    where = {key: _point(shown[key]) for key in groups}
    blocks: dict[str, list[str]] = defaultdict(list)
    for key in sorted(groups):
        blocks[keys.fold(key)[:4]].append(key)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                distance = keys.misspelt(keys.fold(a), keys.fold(b))
                if distance and not (where[a] and where[b] and where[a] != where[b]):
                    small, big = sorted((a, b), key=lambda k: (len(groups[k]), k))
                    joins.join(
                        small,
                        big,
                        f"'{shown[small]}' and '{shown[big]}' differ by {distance} letter"
                        f"{'s' if distance > 1 else ''}: a variant spelling",
                    )
    in_article: dict[str, set[str]] = defaultdict(set)
    for key, ms in groups.items():
        if " " in key:
            for m in ms:
                in_article[m.span.article].add(key)
    for key, ms in sorted(groups.items()):
        if " " in key or where[key] or not lexicon.is_place_noun(key):
            continue
        word = lexicon.singular(key)
        for article in sorted({m.span.article for m in ms}):
            longer = [
                k
                for k in in_article[article]
                if {lexicon.singular(k.split()[0]), lexicon.singular(k.split()[-1])} & {word}
            ]
            if len({joins.find(k) for k in longer}) == 1:
                joins.join(key, longer[0], f"'{shown[key]}' is how its article shortens '{shown[longer[0]]}'")
                break
    joined: dict[str, list[Mention]] = {}
    reasons: dict[str, list[str]] = {}
    for root, members in joins.groups().items():
        joined[root] = [m for k in members for m in groups[k]]
        reasons[root] = joins.reasons(root)
    return joined, reasons


def _point(name: str) -> tuple[float, float] | None:
    """Where the gazetteer puts a place name, or None."""
    entry = gazetteer.lookup_place(name)
    return (entry.lat, entry.lon) if entry and entry.lat is not None and entry.lon is not None else None
