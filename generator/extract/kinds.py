"""What the text says a name is, and names that are never actors or places (stage 3: extract).

The tagger's label is a guess. The words around a name are evidence: a common
noun in front of it ("German airline Air Berlin", "the song Le Freak"), an
apposition ("Force Ouvrière, the main Airbus union"), a class it is an instance
of ("retailers, including Best Buy", "programs such as Lost"), or a copula
("the song ... was Le Freak"). Some names are junk whatever their context:
currency codes, time zones, units, model and serial numbers, fragments.
A junk name is kept as a mention with its reason, so curators see it.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import pycountry

from generator.extract import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

_NOUN_TAGS = {"NN", "NNS"}
_ROMAN = re.compile(r"^(I{1,3}|IV|VI{0,3}|IX|XI{0,3})$")
_MODEL_CODE = re.compile(r"^[A-Z]{1,3}-?\d{2,4}[A-Za-z]{0,3}$")
_NUMBERISH = re.compile(r"^[\d.,x×/:-]+[A-Za-z]{0,2}$")
_FUNCTION_WORDS = {"of", "and", "the", "for", "de", "at", "in", "on", "to", "a", "an", "with", "by"}


def class_of(ent: SpacySpan) -> tuple[str, str]:
    """("organisation" or "work", the noun that says so) for a name, or ("", "") without evidence."""
    for noun in _class_nouns(ent):
        before = noun.doc[noun.i - 1].text if noun.i > 0 else ""
        found = lexicon.noun_class(noun.text, before)
        if found:
            shown = lexicon.singular(noun.text.lower())
            if lexicon.noun_class(noun.text) != found:
                shown = f"{before.lower()} {shown}"
            return found, shown
    return "", ""


def _class_nouns(ent: SpacySpan) -> list[Token]:
    """Common nouns that may say what the name is, nearest evidence first."""
    doc = ent.doc
    nouns = []
    # "electronics retailer Best Buy", "the song Le Freak"; not "in the new version Apple has"
    before = doc[ent.start - 1] if ent.start > 0 else None
    if (
        before is not None
        and (before.tag_ in _NOUN_TAGS or before.dep_ == "compound")  # "missile frigate Ford", mistagged
        and before.text.islower()
        and (ent.start <= before.head.i < ent.end or (ent.root.head == before and ent.root.dep_ == "appos"))
    ):
        nouns.append(before)
    # "Force Ouvrière, the main Airbus union"
    nouns += [c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end and c.tag_ in _NOUN_TAGS]
    # "retailers, including Best Buy and Radio Shack", "programs such as Lost", "carriers, such as Verizon"
    root = ent.root
    for _step in range(3):  # "such as Lost and Desperate Housewives": Lost modifies the next name
        if root.dep_ not in {"conj", "nmod", "compound"} or root.head == root:
            break
        root = root.head
    prep = root.head
    such_as = prep.lower_ == "as" and prep.i > 0 and doc[prep.i - 1].lower_ == "such"
    if root.dep_ == "pobj" and (prep.lower_ in {"including", "like"} or such_as):
        head = prep.head.head if prep.head.lower_ == "such" else prep.head
        if head.tag_ == "NNS":
            nouns.append(head)
    # "The song purchased during the demonstration was Le Freak"
    if ent.root.dep_ == "attr" and ent.root.head.lemma_ == "be":
        nouns += [c for c in ent.root.head.children if c.dep_ == "nsubj" and c.tag_ in _NOUN_TAGS]
    return nouns


def junk_reason(name: str, label: str) -> str:
    """Why a name is never an actor or a place, from the name alone; "" when it may be one."""
    words = name.split()
    if not words:
        return "no name"
    if name.isupper() and len(name) == 3 and _is_currency(name):
        return "a currency code"
    if lexicon.is_time_zone(name):
        return "a time zone"
    if lexicon.is_unit(name):
        return "a unit"
    if all(_NUMBERISH.match(w) for w in words):
        return "a number"
    if len(words) == 1 and _MODEL_CODE.match(name.rstrip("s")) and any(c.isdigit() for c in name):
        return "a model number"
    if words[-1].lower() in _FUNCTION_WORDS:
        return "a fragment of a longer name"
    last = words[-1]
    if label != "PERSON" and len(words) > 1 and (last.isdigit() or _ROMAN.match(last)):
        return f"a model or serial number ('{last}')"
    return ""


@functools.cache
def _is_currency(code: str) -> bool:
    """True for an ISO 4217 currency code ("USD")."""
    return pycountry.currencies.get(alpha_3=code) is not None


def alias_of_a_product(ent: SpacySpan) -> str:
    """The product a parenthesised name abbreviates ("a video iPod (vPod)"), or ""."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].text != "(" or ent.end >= len(doc) or doc[ent.end].text != ")":
        return ""
    before = doc[ent.start - 2].text
    return before if lexicon.is_product(before) else ""


_CREDIT_BEFORE = re.compile(r"^(?:[A-Z][A-Za-z .,'-]*\()?\s*$|[–—-]\s*$")
"""Before a credit on its line: nothing, a dateline's opening "WASHINGTON (", or a dash."""
_CREDIT_AFTER = re.compile(r"^\)?[\s.–—-]*$|^\)\s*[–—-]")
"""After a credit on its line: nothing but punctuation, or a dateline's closing ") -"."""


def is_credit(body: str, start: int, end: int, source: str) -> bool:
    """True when the name at [start, end) is the article's byline agency credited, not acting.

    "... with Russia. – Reuters", "WASHINGTON (Reuters) - ...", a closing "REUTER" line.
    """
    name = body[start:end].lower()
    if not source or len(name) < 4 or not source.lower().startswith(name.rstrip("s")):
        return False
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    line_end = len(body) if line_end < 0 else line_end
    return bool(_CREDIT_BEFORE.search(body[line_start:start]) and _CREDIT_AFTER.match(body[end:line_end]))


_TRAILING_TAGS = ("VB", "RB", "MD")
"""Tags of words a name never ends with: "the Gulf began", "Apple also"."""


def parts(ent: SpacySpan) -> list[SpacySpan]:
    """The names inside one tagged span: cut at an unbalanced bracket, without trailing verbs.

    "MITI) Americas and Oceanic Division" is two names; "the Gulf began" is "the Gulf".
    Balanced brackets stay ("Digital Rights Management (DRM)" is for the acronym rules).
    """
    from spacy.tokens import Span

    tokens = list(ent)
    opened = sum(t.text == "(" for t in tokens)
    closed = sum(t.text == ")" for t in tokens)
    runs: list[tuple[int, int]] = []
    start = ent.start
    if opened != closed:
        for t in tokens:
            if t.text in "()":
                runs.append((start, t.i))
                start = t.i + 1
    runs.append((start, ent.end))
    found = []
    for s, e in runs:
        while e > s and ent.doc[e - 1].is_lower and ent.doc[e - 1].tag_.startswith(_TRAILING_TAGS):
            e -= 1
        if e > s and any(ch.isalpha() for t in ent.doc[s:e] for ch in t.text):
            found.append(Span(ent.doc, s, e, label=ent.label))
    return found


_OFFICE_HOLDERS = {"secretary", "undersecretary", "under-secretary", "minister", "commissioner"}


def office_title(ent: SpacySpan) -> str:
    """The office a name is part of ("Secretary of Defense", "Undersecretary of State for ..."), or "".

    The tagger reads the department in an office's title as an organisation; the title names a
    person's post, not an actor of its own. A department in a title takes no article: "Secretary of
    the Air Force" names the Air Force, and "Prime Minister of Singapore" a state.
    """
    doc = ent.doc
    if ent.label_ != "ORG" or ent[0].lower_ == "the" or ent.start < 2:
        return ""
    if doc[ent.start - 1].lower_ not in {"of", "for"}:
        return ""
    holder = doc[ent.start - 2]
    return f"{holder.text} {doc[ent.start - 1].text} {ent.text}" if holder.lower_ in _OFFICE_HOLDERS else ""
