"""Join organisation, state and group mentions into actors (stage 4: resolve).

Names first group by a compact key (case, spacing, punctuation, legal forms,
"Ministry of X" / "X Ministry"), under the name a curated data file or the
article gives them ("the Fed" is the Federal Reserve; "the Commission" after
"the European Commission"; a division joins its parent). Groups then join
when the evidence says they are one, each join with its reason:

- an acronym or ticker the text gives after a name ("American Motors Corp <AMO>");
- an acronym that spells a name, or a first word that begins one ("Lockheed",
  "Lockheed Martin"), when the two stand in one article, or else when the name
  is the only one that fits and both are named with a third name;
- a long name misspelt by a letter or two ("Reagan Adminstration");
- a name made of its owner and another name ("Apple Worldwide Developers
  Conference", "U.S. Federal Reserve"), when no other owner claims that name.

A state never joins a company named after it (Singapore, Singapore Airlines),
and names the curated data keeps apart stay apart (Apple Inc., Apple Corps).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from generator.extract import gazetteer, lexicon
from generator.model import Actor, Mention
from generator.resolve import institutions
from generator.resolve import names as keys
from generator.resolve.casing import Casing
from generator.resolve.naming import actor_record, display_name, same_key_reasons
from generator.resolve.unionfind import Joins

_POSSESSIVE = re.compile(r"['’]s$")
_KIND_PRIORITY = {kind: i for i, kind in enumerate(("state", "group", "organisation", "person"))}


class Context:
    """Where each group of names is named: the evidence for joining two of them."""

    def __init__(self, groups: dict[str, list[Mention]], states: set[str], shown: dict[str, str]) -> None:
        self._articles = {key: frozenset(m.span.article for m in ms) for key, ms in groups.items()}
        self._named_in: dict[str, set[str]] = defaultdict(set)
        for key, articles in self._articles.items():
            if key not in states:
                for article in articles:
                    self._named_in[article].add(key)
        self._shown = shown
        self._neighbours_of: dict[str, frozenset[str]] = {}

    def same_article(self, a: str, b: str) -> bool:
        """True when the two groups are named in one article."""
        return bool(self._articles[a] & self._articles[b])

    def co_mentioned(self, a: str, b: str) -> str:
        """A third name (not a state) named beside each of the two somewhere, shown; "" when none."""
        shared = (self._neighbours(a) & self._neighbours(b)) - {a, b}
        return self._shown[min(shared, key=lambda k: (-len(self._articles[k]), k))] if shared else ""

    def _neighbours(self, key: str) -> frozenset[str]:
        """Names (not states) named in an article that names `key`."""
        if key not in self._neighbours_of:
            self._neighbours_of[key] = frozenset(k for a in self._articles[key] for k in self._named_in[a])
        return self._neighbours_of[key]


def resolve_organisations(
    mentions: Sequence[Mention], bodies: dict[str, str], casing: Casing, retyped: dict[Mention, str]
) -> list[Actor]:
    """Group organisations, states and groups by name key, then join what the evidence says is one."""
    grouped, why_grouped, curated = _grouped_names(mentions, casing)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[keys.compact_key(grouped[m])].append(m)
    shown = {k: display_name(ms, grouped, curated) for k, ms in groups.items()}
    states = {k for k, ms in groups.items() if any(m.kind == "state" for m in ms)}
    context = Context(groups, states, shown)
    joins = Joins(groups)
    _join_defined_acronyms(groups, bodies, shown, states, joins)
    _join_misspellings(groups, shown, states, joins)  # first: "Piedmont" begins one name, spelt two ways
    _join_short_forms(groups, shown, states, context, casing, joins)
    _join_owner_prefixes(groups, shown, states, joins)
    actors = []
    for root, members in sorted(joins.groups().items()):
        ms = [m for k in members for m in groups[k]]
        kinds = Counter(m.kind for m in ms)
        kind = min(kinds, key=lambda k: (-kinds[k], _KIND_PRIORITY[k]))
        reasons = [
            *same_key_reasons(ms, keys.compact_key),
            *sorted({why_grouped[m] for m in ms if m in why_grouped}),
            *joins.reasons(root),
        ]
        actors.append(actor_record(display_name(ms, grouped, curated), kind, ms, (), reasons, retyped))
    return actors


def _grouped_names(
    mentions: Sequence[Mention], casing: Casing
) -> tuple[dict[Mention, str], dict[Mention, str], set[str]]:
    """The name each mention is grouped under, why when it is not its own, and the curated names.

    Curated names first: the lexicon's aliases ("Apple Computer" → "Apple Inc.") and the
    institutions' short forms ("the Fed"), a one-word short form only where no other name in its
    article begins with it ("Dow" beside "Dow Chemical"). Then a shorter name that ends another
    organisation's name in the same article joins it ("the Air Force" after "the United States Air
    Force", "the Commission" after "the European Commission", "Kodak" after "Eastman Kodak Co" when
    the corpus never writes the word in lowercase); in articles with no longer form, it
    joins the name it joined everywhere else, when that is always the same one. Last, a division
    named by its parent and a region or line of business ("EADS North America", "Boeing Commercial
    Airplanes") joins the parent.
    """
    by_article: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        by_article[m.span.article].add(m.name)
    names: dict[Mention, str] = {}
    why: dict[Mention, str] = {}
    curated: set[str] = set()
    for m in mentions:
        alias = lexicon.organisation_alias(m.name)
        found = institutions.lookup(m.name) if alias is None and m.kind != "state" else None
        if found and " " not in m.name and _begins_another(m.name, found, by_article[m.span.article]):
            found = None  # "Dow" beside "Dow Chemical": ambiguous here
        name = alias or (found.name if found else m.name)
        names[m] = name
        if alias or found:
            curated.add(name)
        if name != m.name and name != m.name.rstrip("."):
            why[m] = f"'{m.name}' is a curated name of '{name}'"
    _common_word_dropped(names, why, casing)
    _shortened_in_article(names, why, casing)
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
    return names, why, curated


def _begins_another(short: str, institution: institutions.Institution, names: set[str]) -> bool:
    """True when a name of the article begins with `short` and is not the institution's ("Dow Chemical")."""
    return any(n.startswith(short + " ") and institutions.lookup(n) != institution for n in names)


def _common_word_dropped(names: dict[Mention, str], why: dict[Mention, str], casing: Casing) -> None:
    """Read "Latest Federal Reserve" as "Federal Reserve" where its article also names that: a headline's
    or a sentence's first word, one the corpus writes in lowercase, taken into the name by the tagger."""
    in_article: dict[str, set[str]] = defaultdict(set)
    for m, name in names.items():
        in_article[m.span.article].add(name)
    for m, name in names.items():
        first, _space, rest = name.partition(" ")
        if (
            rest
            and rest[:1].isupper()
            and rest in in_article[m.span.article]
            and casing.common(first)
            and m.span.start - m.sentence[0] <= 4  # the sentence's first word, maybe after "The" or a quote
        ):
            names[m] = rest
            why[m] = f"'{name}' is '{rest}' after the common word '{first}'"


def _shortened_in_article(names: dict[Mention, str], why: dict[Mention, str], casing: Casing) -> None:
    """Point a short name at the one longer name of its article that ends with it ("the Air Force"),
    legal forms aside ("Kodak", "Eastman Kodak Co")."""
    in_article: dict[str, set[str]] = defaultdict(set)
    for m, name in names.items():
        in_article[m.span.article].add(name)
    joined: dict[str, set[str]] = defaultdict(set)
    pending = []
    for m, name in names.items():
        if m.kind == "state" or (
            " " not in name and not lexicon.is_institution(name) and casing.lower[name.lower()]
        ):
            continue
        longer = [
            n
            for n in in_article[m.span.article]
            if n != name and (n.endswith(" " + name) or keys.without_legal_form(n).endswith(" " + name))
        ]
        if len(longer) == 1:
            names[m] = longer[0]
            joined[name].add(longer[0])
            why[m] = f"'{name}' is how the article shortens '{longer[0]}'"
        elif not longer:
            pending.append(m)
    for m in pending:
        if len(joined.get(names[m], ())) == 1:
            (target,) = joined[names[m]]
            why[m] = f"'{names[m]}' shortens '{target}' wherever the article gives the long form"
            names[m] = target


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
    groups: dict[str, list[Mention]],
    shown: dict[str, str],
    states: set[str],
    context: Context,
    casing: Casing,
    joins: Joins,
) -> None:
    """An acronym joins a name it spells (UN); a first word a name it begins (Lockheed), with evidence."""
    by_first: dict[str, list[str]] = defaultdict(list)
    by_letter: dict[str, list[str]] = defaultdict(list)
    by_initials: dict[str, set[str]] = defaultdict(set)
    for key, name in shown.items():
        words = name.split()
        if len(words) > 1:
            by_first[keys.fold(_POSSESSIVE.sub("", words[0]))].append(key)  # "Moody's Investors Service"
            by_letter[keys.fold(words[0])[:1]].append(key)
            for initials in keys.initials(name):
                by_initials[initials].add(key)
    order = {key: (letter, i) for letter, bucket in by_letter.items() for i, key in enumerate(bucket)}
    for key in sorted(groups, key=lambda k: (len(k), k)):
        name = shown[key]
        if " " in name:
            continue
        if all(m.name.isupper() or "." in m.name for m in groups[key]):
            targets = [
                k
                for k in _may_spell(name, key[:1], by_letter, by_initials, order)
                if k != key and (k in states) == (key in states) and keys.spells(name, shown[k])
            ]
            verb = "spells"
        elif (
            key in states
            or casing.common(name)
            or any(lexicon.organisation_alias(m.name) for m in groups[key])
        ):
            # "Singapore" never joins "Singapore Airlines"; "Digital" is a common word; "Apple" is curated
            continue
        else:
            targets = [k for k in by_first.get(key, []) if k not in states]
            verb = "begins"
        # Across articles only a pure name ("Lockheed"), never a word the corpus also writes in
        # lowercase ("Defense" of "Defense Ministry" and "Secretary of Defense").
        _join_with_evidence(
            key, targets, verb, shown, context, joins, verb == "spells" or not casing.lower[key]
        )


def _may_spell(
    name: str,
    letter: str,
    by_letter: dict[str, list[str]],
    by_initials: dict[str, set[str]],
    order: dict[str, tuple[str, int]],
) -> list[str]:
    """The names beginning with `letter` whose initials `name` could spell, in `by_letter` order.

    Blocking by initials finds the same names as trying `spells` on every name of the letter.
    """
    spellable = keys.spellable(name)
    if spellable is None:
        return by_letter.get(letter, [])  # too long to list what it could spell: try every name
    found = {k for initials in spellable for k in by_initials.get(initials, ()) if order[k][0] == letter}
    return sorted(found, key=order.__getitem__)


def _join_with_evidence(
    key: str,
    targets: list[str],
    verb: str,
    shown: dict[str, str],
    context: Context,
    joins: Joins,
    across: bool,
) -> None:
    """Join `key` to the one target named in its article, or (`across`) the only one a third name links."""
    here = [k for k in targets if context.same_article(key, k)]
    parent = _parent(here, shown) if verb == "begins" else ""
    if len({joins.find(k) for k in here}) == 1:
        joins.join(key, here[0], f"'{shown[key]}' {verb} '{shown[here[0]]}', named in the same article")
    elif parent:
        joins.join(
            key,
            parent,
            f"'{shown[key]}' begins '{shown[parent]}', named in the same article, whose name begins "
            "every other name there that begins with it",
        )
    elif across and not here and len({joins.find(k) for k in targets}) == 1:
        third = context.co_mentioned(key, targets[0])
        if third:
            joins.join(
                key,
                targets[0],
                f"'{shown[key]}' {verb} '{shown[targets[0]]}', the only name that does; "
                f"both are named with '{third}'",
            )


def _parent(candidates: list[str], shown: dict[str, str]) -> str:
    """The one name whose core (legal forms aside) begins all the others: "Ford Motor Co" of "Ford Motor
    Credit Co" and "Ford Motor Co of Canada Ltd"; "" when there is none."""
    for key in sorted(candidates, key=lambda k: (len(keys.without_legal_form(shown[k])), k)):
        core = keys.without_legal_form(shown[key]) + " "
        if all(other == key or shown[other].startswith(core) for other in candidates):
            return key
    return ""


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
    """Join a name made of its owner and another name: "Apple Worldwide Developers Conference", "U.S. Navy".

    The owner is an organisation named in the corpus, or a state when the name ends with an
    institution's word ("Navy", "Committee"); the other name has two words or more, or is an
    institution's word; and no other owner's name ends with it.
    """
    by_key = {keys.compact_key(name): key for key, name in shown.items() if key not in states}
    claims: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, name in sorted(shown.items()):
        if key in states:
            continue
        words = name.split()
        for i in range(1, min(3, len(words) - 1) + 1):
            owner, rest = " ".join(words[:i]), " ".join(words[i:])
            other = by_key.get(keys.compact_key(rest))
            if not other or other == key or not (len(words) - i > 1 or lexicon.is_institution(rest)):
                continue
            by_state = gazetteer.country_name(owner) and lexicon.is_institution(words[-1])
            if keys.fold(owner) in groups or by_state:
                claims[other].append((key, owner))
                break
    for other, owners in sorted(claims.items()):
        if len({joins.find(k) for k, _owner in owners}) == 1:
            key, owner = owners[0]
            joins.join(key, other, f"'{shown[key]}' is '{shown[other]}' named with its owner '{owner}'")
