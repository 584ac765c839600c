"""Find actor and place mentions in a parsed article (stage 3: extract).

spaCy's entities are the starting point; rules correct what the small model
gets wrong on news text: a city tagged as a nationality, a news agency tagged
as a person, a newspaper it misses, "the towns of Zahraa and Nubl" as one
organisation, and collective actors such as "the Syrian army".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from generator.extract import gazetteer, kinds, lexicon, locations
from generator.model import Article, Mention, Span
from generator.spans import heading_spans, in_heading

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


ACTOR_LABELS = {"PERSON": "person", "ORG": "organisation", "NORP": "state", "GPE": "state"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}

TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "president",
    "prime",
    "minister",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "general",
    "gen",
    "col",
    "colonel",
    "senator",
    "sen",
    "rep",
    "governor",
    "gov",
    "mayor",
    "chancellor",
    "pope",
    "judge",
    "ceo",
    "chairman",
    "secretary",
    "professor",
    "prof",
    "ambassador",
    "emir",
    "ayatollah",
}
ROLE_NOUNS = re.compile(
    r"(minister|president|spokes(wo)?man|spokesperson|leader|chief|head|secretary|general|"
    r"commander|officer|official|envoy|ambassador|director|chairman|chairwoman|chair|ceo|"
    r"founder|executive|governor|mayor|king|queen|prince|senator|analyst|adviser|advisor|"
    r"correspondent|editor|reporter|manager|professor|judge|lawyer|chancellor|premier|"
    r"emir|sheikh|cleric|monarch|diplomat|negotiator|coordinator|representative|member|"
    r"vice|deputy|presidential|foreign|defence|defense|interior|analyst|mp)$",
    re.I,
)
MEDIA_NOUNS = {
    "newspaper",
    "daily",
    "weekly",
    "agency",
    "broadcaster",
    "channel",
    "television",
    "tv",
    "magazine",
    "website",
    "radio",
    "outlet",
}
FORCE_NOUNS = {
    "army",
    "military",
    "forces",
    "troops",
    "armed",
    "government",
    "regime",
    "navy",
    "police",
    "militia",
    "militias",
    "rebels",
}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord"}
ARMED_GROUPS = re.compile(
    r"\b(hizbullah|hezbollah|hizballah|hamas|taliban|al-qaeda|al qaeda|islamic state|isis|isil|"
    r"daesh|hts|hayat tahrir al-sham|nusra|pkk|ypg|sdf|free syrian army|wagner|houthis?|"
    r"al-shabaab|boko haram|militia|brigades?|rebels?|insurgents?)\b",
    re.I,
)
NAME_PARTICLES = {
    "al",
    "bin",
    "da",
    "de",
    "del",
    "della",
    "der",
    "di",
    "dos",
    "du",
    "el",
    "ibn",
    "la",
    "le",
    "van",
    "von",
}
"""Lowercase words that begin a name: "de Gaulle", "van Rompuy"."""
_DETERMINERS = re.compile(r"^(the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"(['’]s|['’])$")
_PRO_PREFIX = re.compile(r"^(pro|anti)-\S+\s+", re.I)


def clean_name(text: str) -> str:
    """Strip determiners, possessives, "pro-X" prefixes and titles from a name."""
    name = " ".join(text.split())
    name = _DETERMINERS.sub("", name)
    name = _PRO_PREFIX.sub("", name)
    name = _POSSESSIVE.sub("", name).strip(" ,.;:\"“”'‘’()")
    words = name.split()
    while len(words) > 1 and words[0].islower() and words[0] not in NAME_PARTICLES:
        words = words[1:]  # "earlier U.S. Disclosures": the tagger's span began too early
    name = " ".join(words)
    if lexicon.has_organisation_word(name):
        return name  # "General Motors", "Prince Air": a title word that begins a company's name
    while len(words) > 1 and (
        words[0].lower().rstrip(".") in TITLES or (len(words) > 2 and ROLE_NOUNS.match(words[0]))
    ):
        words = words[1:]  # "Mr Assad", "Spokeswoman Sandy Angers"
    return " ".join(words)


def find_mentions(doc: Doc, article: Article) -> tuple[Mention, ...]:
    """Return actor and place mentions in body order, without overlaps."""
    headings = heading_spans(article)
    found: dict[tuple[int, int], Mention] = {}
    for mention in (
        *_rule_mentions(doc, article),
        *locations.road_mentions(doc, article),
        *locations.dateline_mentions(doc, article),
    ):
        found[(mention.span.start, mention.span.end)] = mention
    for ent in doc.ents:
        for mention in _entity_mentions(ent, article):
            key = (mention.span.start, mention.span.end)
            if not any(_overlaps(key, other) for other in found):
                found[key] = mention
    result = sorted(
        (
            m
            for m in found.values()
            if not in_heading(headings, m.span.start)
            and not kinds.is_credit(article.body, m.span.start, m.span.end, article.source)
        ),
        key=lambda m: (m.span.start, m.span.end),
    )
    # "Aleppo’s countryside", "Aleppo international airport": the region or site, not the city.
    for i, m in enumerate(result):
        wide = locations.widen(m, article.body)
        if wide is not m and (i + 1 == len(result) or result[i + 1].span.start >= wide.span.end):
            result[i] = wide
    return tuple(result)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _mention(
    doc: Doc,
    article: Article,
    start: int,
    end: int,
    name: str,
    kind: str,
    label: str,
    role: str = "",
    place_kind: str = "",
    unlisted: str = "",
) -> Mention:
    """Build a mention for tokens [start, end)."""
    span = doc[start:end]
    sent = span.sent
    return Mention(
        span=Span(article.id, span.start_char, span.end_char, span.text),
        name=name,
        kind=kind,
        label=label,
        sentence=(sent.start_char, sent.end_char),
        role=role,
        place_kind=place_kind,
        unlisted=unlisted,
    )


def _rule_mentions(doc: Doc, article: Article) -> Iterator[Mention]:
    """Mentions found by rules that take precedence over the statistical tagger."""
    for tok in doc:
        low = tok.lower_
        # "the Al-Watan newspaper", "state news agency Sana"
        if low in MEDIA_NOUNS:
            left = _proper_run(doc, tok.i - 1, step=-1)
            if left is not None:
                # "Tehran Radio", "Al Jazeera Television": a capitalised media noun is part of the name
                end = tok.i + 1 if tok.text[:1].isupper() and tok.tag_ in {"NNP", "NNPS"} else tok.i
                if not lexicon.is_product(doc[left:end].text):  # "Apple TV" is a product
                    yield _named(doc, article, left, end, "organisation", f"rule:{low}")
            right = _proper_run(doc, tok.i + 1, step=1)
            if right is not None and low == "agency":
                yield _named(doc, article, tok.i + 1, right + 1, "organisation", "rule:agency")
        # "the Syrian army", "Syrian armed forces", "Russian troops"
        if tok.ent_type_ == "NORP" and tok.i + 1 < len(doc):
            country = gazetteer.country_for_demonym(tok.text)
            nxt = doc[tok.i + 1]
            if country and nxt.lower_ in FORCE_NOUNS:
                end = tok.i + 2
                if nxt.lower_ == "armed" and end < len(doc) and doc[end].lower_ == "forces":
                    end += 1
                name = (
                    f"{_adjective(tok.text)} army"
                    if nxt.lower_ in {"army", "military", "forces", "troops", "armed"}
                    else " ".join(t.text for t in doc[tok.i : end])
                )
                if nxt.lower_ == "government":
                    name = f"{country} government"
                if nxt.lower_ in {"rebels", "militia", "militias"}:
                    start = _prefix_start(doc, tok.i)
                    name = doc[start:end].text
                    yield _mention(doc, article, start, end, name, "group", "rule:forces")
                    # "pro-Iranian militias" also names the state behind them.
                    yield _mention(doc, article, tok.i, tok.i + 1, country, "state", "NORP→state")
                else:
                    yield _mention(doc, article, tok.i, end, name, "organisation", "rule:forces")
        collective = _collective(doc, tok)
        if collective is not None:
            start, end, name, kind = collective
            yield _mention(doc, article, start, end, name, kind, "rule:collective")


GROUP_NOUNS = {"insurgents", "rebels", "militants", "jihadists", "guerrillas", "insurgency"}
GROUP_HEADS = {
    "groups": {"militant", "armed", "rebel", "jihadist", "insurgent"},
    "forces": {"insurgent", "rebel", "opposition"},
}
_GROUP_MODIFIERS = {"amod", "compound", "npadvmod", "nmod"}


def _collective(doc: Doc, tok: Token) -> tuple[int, int, str, str] | None:
    """A collective actor that is not a name: "government forces", "the opposition", "jihadist militants".

    Returns (start, end, name, kind) or None. Only plural nouns that name
    fighters or a political camp qualify; the modifiers in front of them
    ("anti-Assad", "Western-backed", "Islamist") are part of the name.
    """
    low = tok.lower_
    if low in {"forces", "troops"} and tok.i > 0 and doc[tok.i - 1].lower_ == "government":
        return tok.i - 1, tok.i + 1, "government forces", "organisation"
    if (
        low == "opposition"
        and tok.pos_ == "NOUN"
        and tok.i > 0
        and doc[tok.i - 1].lower_ == "the"
        and (tok.i + 1 >= len(doc) or doc[tok.i + 1].pos_ not in {"NOUN", "PROPN"})
    ):
        return tok.i, tok.i + 1, "opposition", "group"
    is_group = low in GROUP_NOUNS and tok.pos_ == "NOUN" and low != "insurgency"
    head_of = GROUP_HEADS.get(low)
    if not is_group and not (head_of and tok.i > 0 and doc[tok.i - 1].lower_ in head_of):
        return None
    start = tok.i
    while start > 0:
        prev = doc[start - 1]
        if (
            prev.dep_ in _GROUP_MODIFIERS | {"punct"}
            and prev.head.i >= start - 1
            and prev.head.i <= tok.i
            and prev.tag_ in {"JJ", "NN", "NNP", "HYPH", "VBN"}
            and "\n" not in prev.text
        ) or (prev.text == "-" and start > 1):
            start -= 1
        else:
            break
    while start < tok.i and doc[start].tag_ == "HYPH":
        start += 1
    name = doc[start : tok.i + 1].text
    return (
        start,
        tok.i + 1,
        name[0].lower() + name[1:] if name[:1].isupper() and start == tok.i else name,
        "group",
    )


def _prefix_start(doc: Doc, i: int) -> int:
    """Index of "pro" in "pro-Iranian", or i when the word has no such prefix."""
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in {"pro", "anti"}:
        return i - 2
    return i


def _adjective(word: str) -> str:
    """'Syrians' → 'Syrian' for naming an army."""
    return word[:-1] if word.endswith("ans") else word


def _proper_run(doc: Doc, i: int, step: int) -> int | None:
    """Return the far end of a run of proper-noun tokens next to position i, or None."""
    end = None
    while 0 <= i < len(doc) and doc[i].tag_ in {"NNP", "NNPS", "HYPH"} and "\n" not in doc[i].text:
        if doc[i].tag_ != "HYPH":
            end = i
        i += step
    if end is None or not doc[end].text[:1].isupper():
        return None
    if step < 0:
        # "pro-Damascus Al-Watan": the hyphenated prefix is not part of the name.
        while end + 1 < len(doc) and doc[end - 1].text == "-" and doc[end - 2].lower_ in {"pro", "anti"}:
            end += 1
            while doc[end].tag_ == "HYPH":
                end += 1
    return end


def _named(doc: Doc, article: Article, start: int, end: int, kind: str, label: str) -> Mention:
    """A mention of a named organisation found by a rule."""
    start = min(start, end)
    return _mention(doc, article, start, end, clean_name(doc[start:end].text), kind, label)


def _entity_mentions(ent: SpacySpan, article: Article) -> Iterator[Mention]:
    """Turn one spaCy entity into zero or more mentions, correcting its type."""
    doc = ent.doc
    label = ent.label_
    if label not in ACTOR_LABELS and label not in PLACE_LABELS:
        return
    pieces = kinds.parts(ent)
    if [(p.start, p.end) for p in pieces] != [(ent.start, ent.end)]:
        for piece in pieces:  # "MITI) Americas and Oceanic Division", "the Gulf began"
            yield from _entity_mentions(piece, article)
        return
    text = clean_name(ent.text)
    if not text or not any(ch.isalpha() for ch in text):
        return
    evidence, noun = kinds.class_of(ent) if label != "NORP" else ("", "")
    unlisted = _unlisted(ent, text, label, evidence, noun)
    if unlisted:
        kind = ACTOR_LABELS.get(label, "place")
        yield _mention(doc, article, ent.start, ent.end, text, kind, label, unlisted=unlisted)
        return
    if label == "NORP":
        country = gazetteer.country_for_demonym(text)
        place = gazetteer.lookup_place(text)
        if place is not None and place.kind != "country" and country is None:
            yield _mention(
                doc, article, ent.start, ent.end, place.name, "place", "NORP→place", place_kind=place.kind
            )
        elif country:
            yield _mention(doc, article, ent.start, ent.end, country, "state", "NORP→state")
        return
    parts = _split_compound(ent, article)
    if parts:
        yield from parts
        return
    country = gazetteer.country_name(text)
    if country and label in {"GPE", "LOC", "ORG", "NORP", "PERSON"}:
        yield _mention(doc, article, ent.start, ent.end, country, "state", f"{label}→state")
        return
    place = gazetteer.lookup_place(text)
    if (
        place is not None
        and label in {"ORG", "PERSON"}
        and (place.kind == "site" or (label == "PERSON" and place.source != "curated"))
    ):
        place = None  # "Wall Street" the market, "Darwin" the man: keep the tagger's reading
    if (
        place is not None
        and label == "ORG"
        and place.source != "curated"
        and place.kind == "city"
        and not (ent.start > 0 and doc[ent.start - 1].lower_ in _LOCATIVE)
    ):
        place = None  # "Cisco", "Xinhua", "the GAO": a company that shares a town's name, unless "in Cisco"
    if evidence == "organisation" and label != "PERSON" and not _locative(ent):
        # "other carriers, such as Verizon": the text says what the tagger's place is
        yield _mention(doc, article, ent.start, ent.end, text, "organisation", f"{label}→organisation")
        return
    if label in PLACE_LABELS or (place is not None and label == "ORG" and not ARMED_GROUPS.search(text)):
        name = place.name if place else text
        yield _mention(
            doc, article, ent.start, ent.end, name, "place", label, place_kind=place.kind if place else ""
        )
        return
    if label == "PERSON":
        kind = "person"
        if (
            _preceded_by_media_noun(ent)
            or _plural_name(ent)
            or text.split()[-1].lower() in _COMPANY_WORDS
            or lexicon.has_organisation_word(text)
            or evidence == "organisation"
        ):
            # "news agency Sana", "the Beatles", "Douglas Aircraft", "Air Berlin", "retailer Best Buy"
            kind = "organisation"
        elif place is not None:
            yield _mention(
                doc, article, ent.start, ent.end, place.name, "place", "PERSON→place", place_kind=place.kind
            )
            return
        elif len(text.split()) == 1 and text.isupper():
            kind = "organisation"
        yield _mention(
            doc,
            article,
            ent.start,
            ent.end,
            text,
            kind,
            label,
            role=person_role(ent) if kind == "person" else "",
        )
        return
    kind = "group" if ARMED_GROUPS.search(text) else "organisation"
    yield _mention(doc, article, ent.start, ent.end, text, kind, label)


_LOCATIVE = {"in", "at", "near", "from", "to", "outside", "inside", "across", "around", "into", "towards"}


def _locative(ent: SpacySpan) -> bool:
    """True when a locative preposition stands before the name ("in Cisco")."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in _LOCATIVE


def _unlisted(ent: SpacySpan, text: str, label: str, evidence: str, noun: str) -> str:
    """Why a tagged name is not an actor or a place, or "" (see `kinds`; `evidence`: its `class_of`)."""
    if label == "NORP":
        return ""  # a demonym: its own rules
    reason = kinds.junk_reason(text, label)
    if reason:
        return reason
    known_place = label not in {"PERSON", "ORG", "FAC"} and (
        gazetteer.lookup_place(text) is not None or gazetteer.country_name(text) is not None
    )
    if not known_place and (lexicon.is_product(text) or _names_a_product(ent)):
        return "a product"  # "iPod", "Snow Leopard", "the Safari browser", "Windows"
    product = kinds.alias_of_a_product(ent)
    if product:
        return f"an abbreviation of the product {product}"
    office = kinds.office_title(ent)
    if office:
        return f"part of the office '{office}'"
    if evidence == "work" and not known_place:
        return f"the text calls it {'an' if noun[0] in 'aeiou' else 'a'} {noun}"
    return ""


_COMPANY_WORDS = {
    "aircraft",
    "airlines",
    "airways",
    "systems",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "ltd",
    "ltd.",
    "company",
    "group",
    "holdings",
    "technologies",
    "motors",
    "industries",
    "bank",
    "partners",
}
_DETERMINER_WORDS = {"the", "a", "an", "its", "their", "his", "her", "our", "'s", "’s"}


def _names_a_product(ent: SpacySpan) -> bool:
    """True for "the Safari browser", "Apple's iChat software": a determiner, the name, a product noun."""
    doc = ent.doc
    return (
        ent.start > 0
        and ent.end < len(doc)
        and doc[ent.start - 1].lower_ in _DETERMINER_WORDS
        and lexicon.is_product_noun(doc[ent.end].text)
    )


def _plural_name(ent: SpacySpan) -> bool:
    """True for "the Beatles": one plural proper noun after "the" names a group of people, not a person."""
    doc = ent.doc
    first = ent[0].lower_ == "the"
    words = ent[1:] if first else ent
    before = first or (ent.start > 0 and doc[ent.start - 1].lower_ == "the")
    return before and len(words) == 1 and words[0].tag_ == "NNPS"


def _preceded_by_media_noun(ent: SpacySpan) -> bool:
    """True for "news agency Sana": the word before the name is a media noun."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in MEDIA_NOUNS


def _split_compound(ent: SpacySpan, article: Article) -> list[Mention]:
    """Split "Zahraa and Nubl" into its places when every part is a place."""
    doc = ent.doc
    if " and " not in ent.text:
        return []
    before = doc[max(0, ent.start - 2) : ent.start].text.lower()
    conj = [t for t in ent if t.lower_ == "and"]
    bounds, start = [], ent.start
    for tok in conj:
        bounds.append((start, tok.i))
        start = tok.i + 1
    bounds.append((start, ent.end))
    places = [gazetteer.lookup_place(doc[s:e].text) for s, e in bounds]
    if not (all(places) or re.search(r"\b(towns?|cities|villages?|provinces?) of$", before)):
        return []
    result = []
    for (s, e), place in zip(bounds, places, strict=True):
        name = place.name if place else clean_name(doc[s:e].text)
        result.append(
            _mention(
                doc,
                article,
                s,
                e,
                name,
                "place",
                f"{ent.label_}→place",
                place_kind=place.kind if place else "",
            )
        )
    return result


def person_role(ent: SpacySpan) -> str:
    """Return the title or role beside a person's name, from premodifiers or an apposition."""
    doc = ent.doc
    left = ent.start
    i = ent.start - 1
    while i >= 0:
        tok = doc[i]
        if (tok.tag_ in {"JJ", "NN", "NNP", "NNS", "HYPH"} and ent.start <= tok.head.i < ent.end) or (
            tok.tag_ in {"JJ", "NN", "NNP", "HYPH"} and left <= tok.head.i < ent.end
        ):
            left = i
            i -= 1
        else:
            break
    words = list(doc[left : ent.start])
    while words and words[0].lower_.rstrip(".") in HONORIFICS:
        words = words[1:]
    if words and any(ROLE_NOUNS.match(t.text) or t.lower_ in TITLES for t in words):
        role = " ".join(t.text for t in words)
        return role
    for child in ent.root.children:
        if child.dep_ == "appos" and child.tag_ in {"NN", "NNS"} and child.i >= ent.end:
            if not ROLE_NOUNS.match(child.text):
                continue
            tokens = [t for t in child.subtree if t.dep_ not in {"det", "punct"}]
            stop = next(
                (
                    t.i
                    for t in child.subtree
                    if t.i > child.i
                    and (t.text in {",", ";", "(", '"', "“"} or t.lower_ in {"who", "which", "that"})
                ),
                None,
            )
            tokens = [t for t in tokens if stop is None or t.i < stop]
            if tokens and len(tokens) <= 8:
                return doc[tokens[0].i : tokens[-1].i + 1].text
    for tok in ent:
        title = tok.lower_.rstrip(".")
        if title in TITLES and title not in HONORIFICS and tok.i == ent.start and len(ent) > 1:
            return tok.text
    return ""
