"""What the text says a name is: class nouns, junk names, spans cut back, office titles, byline credits."""

from __future__ import annotations

import pytest

from generator.extract import kinds
from generator.extract.mentions import clean_name, find_mentions
from generator.model import Article, Paragraph


def found(nlp, text: str, source: str = "") -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    """(span text, name, kind, why not listed) of every mention in `text`."""
    article = Article("t", "t.md", "t", None, source, "", text, (Paragraph(0, 0, len(text), False),))
    return [(m.span.text, m.name, m.kind, m.unlisted) for m in find_mentions(nlp(text), article)]


# A sentence, and a mention it must give: (span text, name, kind, why not listed).
CLASS_NOUNS = [
    ("German airline Air Berlin ordered planes.", ("Air Berlin", "Air Berlin", "organisation", "")),
    ("The electronics retailer Best Buy said sales rose.", ("Best Buy", "Best Buy", "organisation", "")),
    ("Other carriers, such as Verizon and Sprint, declined.", ("Verizon", "Verizon", "organisation", "")),
    (
        "Television programs such as Lost and Desperate Housewives will be available.",
        ("Lost", "Lost", "organisation", "the text calls it a program"),
    ),
    (
        "The song purchased during the demonstration was Le Freak.",
        ("Le Freak", "Le Freak", "place", "the text calls it a song"),
    ),
    # A noun the tagger took for a verb, which the parse still attaches to the name.
    (
        "Escort began under the U.S. guided missile frigate Ford. It did not say more.",
        ("Ford", "Ford", "organisation", "the text calls it a frigate"),
    ),
    # The noun before the name belongs to another phrase: no evidence.
    (
        "In the new version Apple has been focusing on enterprise features.",
        ("Apple", "Apple", "organisation", ""),
    ),
    (
        "Force Ouvrière, the main Airbus union, called a strike.",
        ("Force Ouvrière", "Force Ouvrière", "organisation", ""),
    ),
]


@pytest.mark.parametrize(("text", "mention"), CLASS_NOUNS)
def test_the_noun_beside_a_name_says_what_it_is(nlp, text: str, mention: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert mention in found(nlp, text)


@pytest.mark.parametrize(
    ("name", "label", "reason"),
    [
        ("USD", "ORG", "a currency code"),
        ("UTC", "ORG", "a time zone"),
        ("km", "ORG", "a unit"),
        ("320x240", "ORG", "a number"),
        ("A330s", "ORG", "a model number"),
        ("KC-30s", "GPE", "a model number"),
        ("Bay of", "LOC", "a fragment of a longer name"),
        ("Delta IV", "ORG", "a model or serial number ('IV')"),
        ("Terminal 3", "FAC", "a model or serial number ('3')"),
        ("Henry IV", "PERSON", ""),  # a king, not a model
        ("Apple", "ORG", ""),
        ("EADS", "ORG", ""),  # capitals, but no currency
        ("Syria", "GPE", ""),
    ],
)
def test_junk_names_and_their_reasons(name: str, label: str, reason: str) -> None:
    assert kinds.junk_reason(name, label) == reason


SPANS = [
    # An unbalanced bracket ends a name; the acronym before it is a name of its own.
    (
        "Osamu Watanabe, Director of the Ministry of International Trade and Industry's (MITI) Americas and "
        "Oceanic Division, told foreign reporters.",
        [
            ("MITI", "MITI", "organisation", ""),
            ("Americas and Oceanic Division", "Americas and Oceanic Division", "organisation", ""),
        ],
    ),
    # A verb the tagger ran into the name is cut off.
    (
        "Direct escort of the tankers through the Gulf began at 0230 EDT.",
        [("the Gulf", "Persian Gulf", "place", "")],
    ),
    # A capitalised media noun is part of the name; a lowercase one is not; a product is not a medium.
    ("Tehran Radio said the parliament met.", [("Tehran Radio", "Tehran Radio", "organisation", "")]),
    (
        "The report appeared in the pro-Damascus Al-Watan newspaper on Sunday.",
        [("Al-Watan", "Al-Watan", "organisation", "")],
    ),
    (
        "Today Apple also released their Media Center device - Apple TV.",
        [
            ("Apple", "Apple", "organisation", ""),
            ("Media Center", "Media Center", "organisation", "a product"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "mentions"), SPANS)
def test_a_name_is_cut_where_the_tagger_ran_past_it(nlp, text: str, mentions: list[tuple[str, ...]]) -> None:  # type: ignore[no-untyped-def]
    assert [
        m for m in found(nlp, text) if m[0] in {x[0] for x in mentions} or m[1] in {x[1] for x in mentions}
    ] == mentions


@pytest.mark.parametrize(
    ("text", "office"),
    [
        (
            "Undersecretary of State for Economic Affairs Allen Wallis said the talks went well.",
            "part of the office 'Undersecretary of State for Economic Affairs'",
        ),
        (
            "I will be calling upon the Secretary of Defense for a full debriefing.",
            "part of the office 'Secretary of Defense'",
        ),
    ],
)
def test_a_department_in_an_office_title_is_not_listed(nlp, text: str, office: str) -> None:  # type: ignore[no-untyped-def]
    assert [m[3] for m in found(nlp, text) if m[3]] == [office]


@pytest.mark.parametrize(
    "text",
    [
        "Deputy Secretary of the Air Force Marvin Sambur approved it.",  # "the Air Force" is an actor
        "The Prime Minister of Singapore met Obama.",  # a state, not a department
    ],
)
def test_an_institution_or_state_after_an_office_stays_listed(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(not m[3] for m in found(nlp, text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the Syrian army", "Syrian army"),
        ("Mr Assad's", "Assad"),
        ("Spokeswoman Sandy Angers", "Sandy Angers"),
        ("earlier U.S. Disclosures", "U.S. Disclosures"),  # the tagger's span began too early
        ("de Gaulle", "de Gaulle"),  # a particle begins the name
        ("General Motors", "General Motors"),  # a title word that begins a company's name
        ("pro-Iranian Hizbullah", "Hizbullah"),
    ],
)
def test_clean_name(text: str, name: str) -> None:
    assert clean_name(text) == name


@pytest.mark.parametrize(
    ("body", "credit", "source", "expected"),
    [
        ("Russia said it would act. – Reuters", "Reuters", "Reuters", True),
        ("WASHINGTON (Reuters) - Russia said it would act.", "Reuters", "Reuters", True),
        ("The market closed higher.\nREUTER", "REUTER", "Reuters", True),
        ("Reuters reported that Russia would act.", "Reuters", "Reuters", False),  # the agency acting
        ("Thomson Reuters shares rose.", "Reuters", "Reuters", False),
        ("Russia said it would act. – Reuters", "Reuters", "", False),  # no byline to credit
        ("Russia said it would act. – Reuters", "Reuters", "AFP", False),
    ],
)
def test_the_byline_agency_credited_is_not_a_mention(
    body: str, credit: str, source: str, expected: bool
) -> None:
    start = body.index(credit)
    assert kinds.is_credit(body, start, start + len(credit), source) is expected


def test_a_credit_is_dropped_but_the_agency_acting_is_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Reuters reported that Russia would act.\nWASHINGTON (Reuters) - Russia said it would act."
    article = Article("t", "t.md", "t", None, "Reuters", "", text, (Paragraph(0, 0, len(text), False),))
    starts = [m.span.start for m in find_mentions(nlp(text), article) if m.span.text == "Reuters"]
    assert starts == [0]
