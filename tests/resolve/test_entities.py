"""Resolution of mentions into actors: aliases, divisions, namesakes, products and lone words."""

from __future__ import annotations

from dataclasses import replace

from generator.model import Analysis, Article, Mention, Paragraph, Span
from generator.resolve.entities import resolve_actors


def _analysis(article: str, *mentions: tuple[str, str, str]) -> Analysis:
    """An article whose body is its mention texts; each mention is (text, name, kind)."""
    body = " ".join(text for text, _name, _kind in mentions)
    found, offset = [], 0
    for text, name, kind in mentions:
        found.append(
            Mention(Span(article, offset, offset + len(text), text), name, kind, "test", (0, len(body)))
        )
        offset += len(text) + 1
    art = Article(article, f"{article}.md", article, None, "", "", body, (Paragraph(0, 0, len(body), False),))
    return Analysis(art, ((0, len(body)),), tuple(found), (), (), ())


def _pages(*analyses: Analysis) -> dict[str, list[str]]:
    return {a.name: sorted({m.span.text for m in a.mentions}) for a in resolve_actors(analyses)}


def test_renamed_company_is_one_actor_but_a_namesake_is_not() -> None:
    pages = _pages(
        _analysis(
            "a", ("Apple Computer", "Apple Computer", "organisation"), ("Apple", "Apple", "organisation")
        ),
        _analysis(
            "b", ("Apple Inc.", "Apple Inc.", "organisation"), ("Apple Corps", "Apple Corps", "organisation")
        ),
    )
    assert pages == {"Apple Inc.": ["Apple", "Apple Computer", "Apple Inc."], "Apple Corps": ["Apple Corps"]}


def test_spellings_and_divisions_join_the_parent() -> None:
    pages = _pages(
        _analysis(
            "a",
            (
                "European Aeronautic Defence & Space NV",
                "European Aeronautic Defence & Space NV",
                "organisation",
            ),
            ("EADS", "EADS", "organisation"),
        ),
        _analysis("b", ("EADS North America", "EADS North America", "organisation")),
        _analysis(
            "c",
            ("Boeing", "Boeing", "organisation"),
            ("Boeing Commercial Airplanes", "Boeing Commercial Airplanes", "organisation"),
        ),
    )
    assert pages == {
        "European Aeronautic Defence and Space Company": [
            "EADS",
            "EADS North America",
            "European Aeronautic Defence & Space NV",
        ],
        "Boeing": ["Boeing", "Boeing Commercial Airplanes"],
    }


def test_a_short_form_joins_the_long_form_of_its_article_and_then_of_the_corpus() -> None:
    pages = _pages(
        _analysis(
            "a",
            ("United States Air Force", "United States Air Force", "organisation"),
            ("Air Force", "Air Force", "organisation"),
        ),
        _analysis(
            "b",
            ("U.S. Air Force", "U.S. Air Force", "organisation"),
            ("Air Force", "Air Force", "organisation"),
        ),
        _analysis("c", ("Air Force", "Air Force", "organisation")),
        _analysis(
            "d", ("Royal Air Force", "Royal Air Force", "organisation"), ("RAF", "RAF", "organisation")
        ),
    )
    assert pages == {
        "United States Air Force": ["Air Force", "U.S. Air Force", "United States Air Force"],
        "Royal Air Force": ["RAF", "Royal Air Force"],
    }


def test_a_state_never_joins_a_company_named_after_it() -> None:
    pages = _pages(
        _analysis(
            "a",
            ("Singapore Airlines", "Singapore Airlines", "organisation"),
            ("Singapore", "Singapore", "state"),
        )
    )
    assert pages == {"Singapore": ["Singapore"], "Singapore Airlines": ["Singapore Airlines"]}


def test_people_sharing_a_surname_are_flagged_not_merged() -> None:
    actors = resolve_actors(
        [
            _analysis(
                "a",
                ("Martin Mann", "Martin Mann", "person"),
                ("Anthony Mann", "Anthony Mann", "person"),
                ("Mann", "Mann", "person"),
            ),
        ]
    )
    names = {a.name: a.notes for a in actors}
    assert sorted(names) == ["Anthony Mann", "Mann", "Martin Mann"]
    assert names["Martin Mann"] == ("Shares the surname 'Mann' with Anthony Mann; not merged.",)
    assert names["Mann"] == ("Could be Anthony Mann; not merged.", "Could be Martin Mann; not merged.")


def test_a_lone_word_that_names_no_one_is_not_a_person() -> None:
    pages = _pages(
        _analysis(
            "a",
            ("Steve Jobs", "Steve Jobs", "person"),
            ("Jobs", "Jobs", "person"),
            ("Reader", "Reader", "person"),
            ("Mr Obama", "Obama", "person"),
        )
    )
    assert pages == {"Steve Jobs": ["Jobs", "Steve Jobs"], "Obama": ["Mr Obama"]}


def test_a_surname_tagged_as_an_organisation_is_the_person_named_in_the_same_article() -> None:
    pages = _pages(
        _analysis(
            "a",
            ("Mark Papermaster", "Mark Papermaster", "person"),
            ("Papermaster", "Papermaster", "organisation"),
            ("Papermaster", "Papermaster", "organisation"),
        ),
    )
    assert pages == {"Mark Papermaster": ["Mark Papermaster", "Papermaster"]}


def _story(id: str, body: str, *names: tuple[str, str]) -> Analysis:
    """An article with `body` and a mention of each (text, kind), found in order of the text."""
    from tests.records import analysis, article, mention

    art = article(body, id)
    seen: dict[str, int] = {}
    found = []
    for text, kind in names:
        found.append(mention(art, text, kind, occurrence=seen.get(text, 0)))
        seen[text] = seen.get(text, 0) + 1
    return analysis(art, tuple(found))


def _joined(*analyses: Analysis) -> dict[str, tuple[str, ...]]:
    """Page name → why its names were joined, for pages that joined any."""
    return {a.name: a.merged_because for a in resolve_actors(analyses) if a.merged_because}


def test_an_acronym_joins_the_name_it_spells_in_its_article() -> None:
    assert _joined(
        _story("a", "EVA Airways flew. EA said so.", ("EVA Airways", "organisation"), ("EA", "organisation"))
    ) == {"EVA Airways": ("'EA' spells 'EVA Airways', named in the same article",)}


def test_an_acronym_elsewhere_needs_a_third_name_beside_both() -> None:
    unrelated = _pages(
        _analysis("a", ("EVA Airways", "EVA Airways", "organisation"), ("Boeing", "Boeing", "organisation")),
        _analysis("b", ("EA", "EA", "organisation"), ("Spore", "Spore", "organisation")),
    )
    assert "EA" in unrelated  # Electronic Arts in a games story, not the airline
    assert _joined(
        _story("a", "ANA bought Boeing jets.", ("ANA", "organisation"), ("Boeing", "organisation")),
        _story(
            "b",
            "All Nippon Airways and Boeing.",
            ("All Nippon Airways", "organisation"),
            ("Boeing", "organisation"),
        ),
    ) == {
        "All Nippon Airways": (
            "'ANA' spells 'All Nippon Airways', the only name that does; both are named with 'Boeing'",
        )
    }


def test_a_first_word_joins_the_name_it_begins_with_evidence() -> None:
    assert _joined(
        _story(
            "a",
            "Lockheed Martin bid. Lockheed lost.",
            ("Lockheed Martin", "organisation"),
            ("Lockheed", "organisation"),
        )
    ) == {"Lockheed Martin": ("'Lockheed' begins 'Lockheed Martin', named in the same article",)}
    # In another article, a word the corpus also writes in lowercase never joins.
    pages = _pages(
        _story(
            "a",
            "The Defense Ministry and Airbus.",
            ("Defense Ministry", "organisation"),
            ("Airbus", "organisation"),
        ),
        _story(
            "b",
            "Airbus and Defense; defense budgets rose.",
            ("Airbus", "organisation"),
            ("Defense", "organisation"),
        ),
    )
    assert pages["Defense"] == ["Defense"] and pages["Defense Ministry"] == ["Defense Ministry"]


def test_names_set_aside_never_join_a_listed_name() -> None:
    art = _story("a", "Mac News said the Mac sold.", ("Mac News", "organisation"), ("Mac", "organisation"))
    mac = art.mentions[1]
    junk = Analysis(
        art.article, art.sentences, (art.mentions[0], replace(mac, unlisted="a product")), (), (), ()
    )
    actors = resolve_actors([junk])
    assert [(a.name, a.unlisted, len(a.mentions)) for a in actors] == [
        ("Mac", "a product", 1),
        ("Mac News", "", 1),
    ]


def test_a_one_word_name_the_corpus_writes_in_lowercase_is_set_aside() -> None:
    actors = resolve_actors(
        [
            _story(
                "a",
                "Programs like Lost aired. We lost money and lost time. Steve Jobs and Jobs spoke of jobs.",
                ("Lost", "organisation"),
                ("Steve Jobs", "person"),
                ("Jobs", "person"),
            )
        ]
    )
    assert {(a.name, a.unlisted) for a in actors} == {
        ("Lost", "a common word capitalised: the articles write 'lost' in lowercase"),
        ("Steve Jobs", ""),  # "jobs" is lowercase once, but Jobs is a person's surname
    }


def test_a_currency_after_initials_or_a_number_is_no_person() -> None:
    actors = resolve_actors(
        [
            _story(
                "a",
                "It cost 5 H.K. Dlrs, or 43,.590 dlrs; 10 dlrs more, 2 dlrs less. Dlrs rose.",
                ("H.K. Dlrs", "person"),
                ("43,.590 dlrs", "person"),
                ("Dlrs", "person"),
            )
        ]
    )
    common = "a common word capitalised: the articles write 'dlrs' in lowercase"
    assert {(a.name, a.unlisted) for a in actors} == {
        ("H.K. Dlrs", common),
        ("Dlrs", common),
        ("43,.590 dlrs", "a person's name has no digits: a table row or an amount"),
    }


def test_curated_short_forms_name_their_institution_unless_ambiguous_in_the_article() -> None:
    pages = _pages(
        _story(
            "a",
            "The Fed and the Federal Reserve met.",
            ("Fed", "organisation"),
            ("Federal Reserve", "organisation"),
        ),
        _story("b", "The U.S. Federal Reserve cut rates.", ("U.S. Federal Reserve", "organisation")),
        _story(
            "c",
            "The Dow rose; Dow Industrials closed.",
            ("Dow", "organisation"),
            ("Dow Industrials", "organisation"),
        ),
        _story(
            "d",
            "Dow Chemical said Dow would grow.",
            ("Dow Chemical", "organisation"),
            ("Dow", "organisation"),
        ),
    )
    assert pages == {
        "Federal Reserve": ["Fed", "Federal Reserve", "U.S. Federal Reserve"],
        "Dow Jones Industrial Average": ["Dow", "Dow Industrials"],
        "Dow Chemical": ["Dow", "Dow Chemical"],  # here "Dow" begins the company's name in its article
    }


def test_a_state_owned_institution_joins_its_short_name_when_only_one_state_claims_it() -> None:
    one = _joined(
        _story("a", "The U.S. Navy sailed.", ("U.S. Navy", "organisation")),
        _story("b", "The Navy sailed.", ("Navy", "organisation")),
    )
    assert one == {"U.S. Navy": ("'U.S. Navy' is 'Navy' named with its owner 'U.S.'",)}
    two = _pages(
        _story("a", "The U.S. Navy sailed.", ("U.S. Navy", "organisation")),
        _story("b", "The Iran Navy sailed.", ("Iran Navy", "organisation")),
        _story("c", "The Navy sailed.", ("Navy", "organisation")),
    )
    assert two["Navy"] == ["Navy"]


def test_word_order_descriptors_and_titles() -> None:
    pages = _pages(
        _story("a", "The Ministry of Finance spoke.", ("Ministry of Finance", "organisation")),
        _story("b", "The Finance Ministry spoke.", ("Finance Ministry", "organisation")),
        _story("c", "The Force Ouvrière union struck.", ("Force Ouvrière union", "organisation")),
        _story("d", "Force Ouvrière struck.", ("Force Ouvrière", "organisation")),
    )
    assert pages["Ministry of Finance"] == ["Finance Ministry", "Ministry of Finance"]
    assert pages["Force Ouvrière"] == ["Force Ouvrière", "Force Ouvrière union"]
    from tests.records import analysis, article, mention

    art = article("Spokeswoman Sandy Angers said so.")
    (angers,) = resolve_actors(
        [analysis(art, (mention(art, "Spokeswoman Sandy Angers", "organisation", "Sandy Angers"),))]
    )
    assert (angers.name, angers.kind, angers.merged_because) == (
        "Sandy Angers",
        "person",
        ("'Sandy Angers' follows the title 'Spokeswoman' and begins with a given name",),
    )


def test_people_join_by_nickname_surname_and_first_name_with_reasons() -> None:
    assert _joined(
        _story(
            "a",
            "Tim Cook spoke. Cook said Tim was ready. Tim Cook left.",
            ("Tim Cook", "person"),
            ("Tim Cook", "person"),
            ("Cook", "person"),
            ("Tim", "person"),
        ),
        _story("b", "Timothy D. Cook spoke.", ("Timothy D. Cook", "person")),
    ) == {
        "Tim Cook": (
            "Tim Cook and Timothy D. Cook: 'Tim' and 'Timothy' are one given name",
            "'Cook' is the surname of Tim Cook in the same article",
            "'Tim' is the first name of Tim Cook, the one most named in its article",
        )
    }


def test_place_variants_and_a_geographical_noun_join_the_place_of_their_article() -> None:
    from generator.resolve.entities import resolve_places

    analyses = [
        _story("a", "Ships in the Strait of Hormuz.", ("Strait of Hormuz", "place")),
        _story(
            "b",
            "Near the Straits of Hormuz the Straits narrow.",
            ("Straits of Hormuz", "place"),
            ("Straits", "place"),
        ),
        _story("c", "Mines near the Straits.", ("Straits", "place")),
        _story("d", "North America and North grew.", ("North America", "place"), ("North", "place")),
    ]
    places = {p.name: p.merged_because for p in resolve_places(analyses, [])}
    assert places == {
        "North": (),  # not a geographical noun
        "North America": (),
        "Strait of Hormuz": (  # each long form is named once: the singular comes first
            "'Strait of Hormuz' and 'Straits of Hormuz' differ by 1 letter: a variant spelling",
            "'Straits' is how its article shortens 'Straits of Hormuz'",
        ),
    }


def test_a_curated_institution_is_listed_whatever_the_junk_filter_said() -> None:
    art = _story(
        "a",
        "The S&P 500 and the Nikkei 225 fell.",
        ("S&P 500", "organisation"),
        ("Nikkei 225", "organisation"),
    )
    junk = [replace(m, unlisted="a model or serial number") for m in art.mentions]
    actors = resolve_actors([Analysis(art.article, art.sentences, tuple(junk), (), (), ())])
    assert [(a.name, a.unlisted) for a in actors] == [("Nikkei 225", ""), ("S&P 500", "")]


def test_a_name_the_gazetteer_does_not_know_is_a_place_only_where_the_text_locates_something() -> None:
    from generator.model import Participant
    from generator.resolve.entities import resolve_places
    from tests.records import analysis, article, mention

    body = (
        "Shelling hit Kafr Halab's outskirts. The mark belongs to Qarmala. Microsoft's Zephyrine Mobile "
        "sold well. Arabs of the Vosgeland cheered. A bank based in Tarvik, Ostr., grew. Barges on the Ulm River. "
        "Based in Tarvik - Pellaro. Pellaro states it. Pellaro sued."
    )
    art = article(body, "a")
    names = ("Kafr Halab", "Qarmala", "Zephyrine Mobile", "Vosgeland", "Tarvik", "Ostr", "Ulm River")
    named = [mention(art, name, "place") for name in names]
    pellaro = [mention(art, "Pellaro", "place", occurrence=i) for i in range(3)]
    art2 = article("Troops massed near Vosgeland.", "b")
    near = mention(art2, "Vosgeland", "place")

    def taking_part(m: Mention, verb: str, role: str = "location") -> Participant:
        return Participant(m.span, role, Span(m.span.article, 0, len(verb), verb))

    analyses = [
        analysis(
            art,
            (*named, *pellaro),
            participants=(
                taking_part(named[0], "hit"),  # its place noun locates the shelling
                taking_part(named[1], "belongs"),  # "to" is too weak for an unknown name
                taking_part(named[4], "based"),
                taking_part(pellaro[0], "Based"),  # in an apposition, after no preposition
                taking_part(pellaro[1], "states", "speaker"),
                taking_part(pellaro[2], "sued", "agent"),
            ),
        ),
        analysis(art2, (near,)),
    ]
    reasons = {p.name: p.unlisted for p in resolve_places(analyses, [])}
    never = "not in the gazetteer, and no sentence locates anything there"
    assert reasons == {
        "Kafr Halab": "",
        "Qarmala": never,
        "Zephyrine Mobile": never,
        "Vosgeland": never,  # "near Vosgeland", but the parse found no location
        "Tarvik": "",
        "Ostr": "",  # an address: a name after a place and a comma
        "Ulm River": "",  # its name ends in a geographical noun
        "Pellaro": "not in the gazetteer, and it acts in clauses but no preposition places anything there",
    }
    analyses[1] = analysis(art2, (near,), participants=(taking_part(near, "massed"),))
    assert {p.name: p.unlisted for p in resolve_places(analyses, [])}["Vosgeland"] == ""


def test_a_name_after_a_title_stays_a_person_where_the_corpus_also_reads_an_organisation() -> None:
    kinds = {
        a.name: a.kind
        for a in resolve_actors(
            [
                _story("a", "Quinlan Okafor of Marvale left.", ("Quinlan Okafor", "organisation")),
                _story("b", "Defense Secretary Quinlan Okafor said so.", ("Quinlan Okafor", "person")),
                _story("c", "Vorta Brandt grew.", ("Vorta Brandt", "organisation")),
                _story("d", "The chief of Vorta Brandt said so.", ("Vorta Brandt", "person")),
            ]
        )
    }
    assert kinds == {"Quinlan Okafor": "person", "Vorta Brandt": "organisation"}


def test_wire_copy_short_forms_join_their_company() -> None:
    org = "organisation"
    pages = {
        a.name: sorted({m.name for m in a.mentions})
        for a in resolve_actors(
            [
                _story(
                    "a",
                    "Ford Motor Co said. Ford Motor Credit Co lent. Ford grew.",
                    ("Ford Motor Co", org),
                    ("Ford Motor Credit Co", org),
                    ("Ford", org),
                ),
                _story("b", "Eastman Kodak Co sued. Kodak won.", ("Eastman Kodak Co", org), ("Kodak", org)),
                _story("c", "Kidder, Peabody and Co Inc rose.", ("Kidder, Peabody and Co Inc", org)),
                _story("d", "Kidder Peabody fell.", ("Kidder Peabody", org)),
                _story(
                    "e",
                    "Moody's Investors Service cut. Moody's said.",
                    ("Moody's Investors Service", org),
                    ("Moody", org),
                ),
                _story(
                    "f",
                    "Piedmont Aviation Inc rose. Piedmont Avaition Inc fell. Piedmont said. Piedmont Aviation Inc.",
                    ("Piedmont Aviation Inc", org),
                    ("Piedmont Avaition Inc", org),
                    ("Piedmont", org),
                    ("Piedmont Aviation Inc", org),
                ),
            ]
        )
    }
    assert pages == {
        "Ford Motor Co": ["Ford", "Ford Motor Co"],  # the parent of the names beginning with "Ford"
        "Ford Motor Credit Co": ["Ford Motor Credit Co"],
        "Eastman Kodak Co": ["Eastman Kodak Co", "Kodak"],  # legal forms aside, it ends with "Kodak"
        "Kidder, Peabody and Co Inc": ["Kidder Peabody", "Kidder, Peabody and Co Inc"],  # "and Co"
        "Moody's Investors Service": ["Moody", "Moody's Investors Service"],
        "Piedmont Aviation Inc": ["Piedmont", "Piedmont Avaition Inc", "Piedmont Aviation Inc"],  # swapped
    }


def test_a_sentences_common_first_word_is_not_part_of_the_name() -> None:
    org = "organisation"
    analyses = [
        _story(
            "a",
            "Latest Federal Reserve data came. The latest data and the latest talks: the Federal Reserve.",
            ("Latest Federal Reserve", org),
            ("Federal Reserve", org),
        ),
        _story(
            "b",
            "The rubber price and rubber output rose, the Rubber Research Institute said. The Research Institute.",
            ("Rubber Research Institute", org),
            ("Research Institute", org),
        ),
    ]
    assert {a.name: a.merged_because for a in resolve_actors(analyses)} == {
        "Federal Reserve": ("'Latest Federal Reserve' is 'Federal Reserve' after the common word 'Latest'",),
        "Rubber Research Institute": (  # inside its sentence: "Rubber" is part of the name
            "'Research Institute' is how the article shortens 'Rubber Research Institute'",
        ),
    }


def test_a_wire_services_angle_brackets_are_no_part_of_a_name() -> None:
    org = "organisation"
    story = _story(
        "a",
        "Shares of <Qantas Airways Ltd> rose. BankAmerica <BAC> Bank of America said. Telegraph Co <T.N> fell.",
        ("Qantas Airways Ltd>", org),
        ("BAC> Bank of America", org),
        ("Telegraph Co <T.N", org),
    )
    assert {a.name for a in resolve_actors([story])} == {
        "Qantas Airways Ltd",
        "Bank of America",
        "Telegraph Co",
    }


def test_a_misspelt_surname_joins_the_person_named_more_often() -> None:
    joined = _joined(
        _story(
            "a",
            "George Shultz met. George Shultz left.",
            ("George Shultz", "person"),
            ("George Shultz", "person"),
        ),
        _story("b", "George Schultz said.", ("George Schultz", "person")),
        _story("c", "Anna Berg and Anna Borg spoke.", ("Anna Berg", "person"), ("Anna Borg", "person")),
    )
    assert joined == {
        "George Shultz": ("George Shultz and George Schultz: the surnames differ by 1 letter, a misspelling",)
    }  # "annaberg" is too short to tell a slip from another person
    assert _joined(
        _story("a", "Salomon Brothers Inc rose.", ("Salomon Brothers Inc", "organisation")),
        _story("b", "Salomon Brothers Inc fell.", ("Salomon Brothers Inc", "organisation")),
        _story("c", "Salmon Brothers Inc said.", ("Salmon Brothers Inc", "organisation")),
    ) == {  # the slip is in the first four letters: the names meet by their last four
        "Salomon Brothers Inc": (
            "'Salmon Brothers Inc' and 'Salomon Brothers Inc' differ by 1 letter: a misspelling",
        )
    }
