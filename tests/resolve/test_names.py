"""Name keys: folding, legal forms, descriptors, office order, people's keys, acronyms, nicknames, misspellings."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.resolve import names


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Wal - Mart", "Walmart"),
        ("Chrysler Corp", "Chrysler"),
        ("Chrysler Corp.", "Chrysler Corporation"),
        ("American Motors Co", "American Motors Corp"),
        ("Aer Lingus Group PLC", "Aer Lingus"),
        ("EADS N.V.", "EADS"),
        ("Société Générale", "Societe Generale"),
        ("Standard & Poor's", "Standard and Poor's"),
        ("China Eastern Airlines", "China Eastern"),  # a generic tail after two words
        ("Ministry of International Trade and Industry", "International Trade and Industry Ministry"),
        ("Department of Defense", "Defense Department"),
        ("the Ministry of Finance", "Finance Ministry"),
        ("Force Ouvrière union", "Force Ouvrière"),  # a lowercase descriptor after the name
    ],
)
def test_one_compact_key(a: str, b: str) -> None:
    assert names.compact_key(a) == names.compact_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Singapore Airlines", "Singapore"),  # one word left: the tail is the name
        ("Apple Inc.", "Apple Corps"),
        ("European Union", "European"),  # "Union" capitalised is part of the name
        ("Bank of America", "America Bank"),  # only offices change their order
        ("Air France", "Air China"),
    ],
)
def test_different_compact_keys(a: str, b: str) -> None:
    assert names.compact_key(a) != names.compact_key(b)


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Chrysler Corp", "Chrysler"),
        ("Boeing Co.", "Boeing"),
        ("Ford Motor Co", "Ford Motor"),
        ("Dow Jones & Co", "Dow Jones"),
        ("Aer Lingus Group PLC", "Aer Lingus"),
        ("NPD Group", "NPD"),
        ("Corp", "Corp"),  # nothing left: the name stays
    ],
)
def test_without_legal_form(name: str, bare: str) -> None:
    assert names.without_legal_form(name) == bare


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Timothy D. Cook", ("timothy", "cook")),
        ("Bashar al-Assad", ("bashar", "assad")),
        ("Tom Enders", ("tom", "enders")),
        ("Jusman Syafii Djamal", ("jusman", "syafii", "djamal")),
        ("Assad", ("assad",)),
        ("al-", ("al-",)),  # never empty
    ],
)
def test_person_key(name: str, key: tuple[str, ...]) -> None:
    assert names.person_key(name) == key


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Tim", "Timothy", True),
        ("Tom", "Thomas", True),
        ("Steve", "Stephen", True),
        ("Bob", "Robert", True),
        ("Timothy", "Timothy", True),
        ("Tim", "Thomas", False),
        ("Mark", "Martin", False),
    ],
)
def test_same_given_name(a: str, b: str, same: bool) -> None:
    assert names.same_given_name(a, b) is same


@pytest.mark.parametrize(
    ("word", "given"),
    [
        ("Timothy", True),
        ("Sandy", True),
        ("Lockheed", False),
        ("Best", False),
        ("Sergei", True),  # from data/given_names.yml: the nickname list knows English names only
        ("Recep", True),
        ("Said", False),  # also "said": never in the curated list
        ("Abu", False),  # "Abu Dhabi"
    ],
)
def test_is_given_name(word: str, given: bool) -> None:
    assert names.is_given_name(word) is given


@pytest.mark.parametrize(
    ("short", "name", "spells"),
    [
        ("UN", "United Nations", True),
        ("SIA", "Singapore Airlines", True),
        ("AMC", "American Motors Corp", True),  # with its legal form
        ("MITI", "Ministry of International Trade and Industry", True),
        ("U.N.", "United Nations", True),
        ("ANA", "All Nippon Airways", True),
        ("EA", "EVA Airways", True),  # it spells: whether it is one is for the evidence
        ("NATO", "North Atlantic Treaty Organization", True),
        ("NU", "United Nations", False),  # letters out of order
        ("IBM", "Apple Inc.", False),
        ("UN", "United nations", False),  # a lowercase word: not a proper name
        ("A", "Apple", False),
        ("S&P", "Standard & Poor's", False),  # not letters only: curated, not spelled
    ],
)
def test_spells(short: str, name: str, spells: bool) -> None:
    assert names.spells(short, name) is spells
    if spells:  # blocking by initials finds the name for the acronym
        assert names.initials(name) & (names.spellable(short) or set())


WORDS = ["United", "Nations", "of", "the", "Airlines", "Air", "American", "Motors", "Corp", "Inc.", "Ministry",
         "Nippon", "All", "Trade", "and", "Émile", "Uni", "nations", "North", "Atlantic", "Co", "Group"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join), min_size=1, max_size=12),
    st.text(alphabet="UNAMCIOTGE.n&", min_size=1, max_size=7),
)
@example(["United Nations", "Uni Nations"], "UN")
@example(["American Motors Corp", "All Nippon Airways"], "AMC")
def test_blocking_by_initials_finds_every_name_spelled(many: list[str], short: str) -> None:
    """The names an acronym's blocking keys find are a superset of those it spells: all-pairs on a sample."""
    keys = names.spellable(short)
    spelled = {n for n in many if names.spells(short, n)}
    if keys is None:
        return  # too long to block: compared with every name
    blocked = {n for n in many if names.initials(n) & keys}
    assert spelled <= blocked


def test_long_acronyms_are_not_blocked() -> None:
    assert names.spellable("ABCDEFGHIJKLM") is None
    assert names.spellable("A.B.") == {"ab"}
    assert names.spellable("S&P") == set()  # spells nothing
    assert names.spellable("NATO") == {"na", "nt", "no", "nat", "nao", "nto", "nato"}


@pytest.mark.parametrize(
    ("body", "name", "acronym"),
    [
        ("the Syrian Arab News Agency (SANA) said", "Syrian Arab News Agency", "SANA"),
        ("American Motors Corp <AMO> said", "American Motors Corp", "AMO"),
        ("the Ministry of International Trade and Industry's (MITI) Americas", "Industry", "MITI"),
        ("Apple said", "Apple", ""),
        ("the Agency (which was founded) said", "Agency", ""),
    ],
)
def test_acronym_after(body: str, name: str, acronym: str) -> None:
    assert names.acronym_after(body, body.index(name) + len(name)) == acronym


@pytest.mark.parametrize(
    ("name", "state"),
    [
        ("Belgium government", "Belgium"),
        ("Iran's government", "Iran"),
        ("Syrian authorities", "Syrian"),
        ("Reagan administration", "Reagan"),  # the caller checks it is a state
        ("Government Accountability Office", ""),
    ],
)
def test_government_of(name: str, state: str) -> None:
    assert names.government_of(name) == state


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("reaganadministration", "reaganadminstration", 1),
        ("worldwidedeveloperconference", "worldwidedevelopersconference", 1),
        ("straitsofhormuz", "straitofhormuz", 1),
        ("australia", "austria", 0),  # too short to call a misspelling
        ("northkorea", "southkorea", 0),  # too far apart
        ("defencedepartment", "defensedepartment", 1),
        ("abcdefghijklmnopqrstu", "abcdefghijklmnopqrsxy", 2),  # two letters from 20
        ("abcdefghijklmno", "abcdefghijklmxy", 0),  # two letters under 20: too many
        ("piedmontavaition", "piedmontaviation", 1),  # two letters swapped: one slip
        ("usagriculturedepartment", "agriculturedepartment", 0),  # a longer name, not a slip
        ("senateagriculturecommitteeus", "senateagriculturecommittee", 0),
    ],
)
def test_misspelt(a: str, b: str, distance: int) -> None:
    assert names.misspelt(a, b) == distance


def test_blocks_group_keys_by_their_start_and_their_end() -> None:
    assert names.blocks(["reaganadmin", "reagan", "rea", "apple", "reaganadmin", "salmonbros"]) == {
        "<appl": ["apple"],
        "<rea": ["rea"],
        "<reag": ["reagan", "reaganadmin"],
        "<salm": ["salmonbros"],
        ">agan": ["reagan"],
        ">dmin": ["reaganadmin"],
        ">pple": ["apple"],
        ">rea": ["rea"],
        ">bros": ["salmonbros"],
    }
