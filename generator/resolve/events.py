"""Events: what each dated expression dates, merged into happenings (stage 6: link).

Each calendar-anchored expression anchors one report: the clause it governs, with the
happening the parse found there (trigger word, headline, status; `extract/happenings.py`)
and the actors taking part in that clause and the places where it happens
(`event_participants`, read from the parse at extraction). Reports of one happening become one event listing
every source:
- in one article, two dates of the same clause; a dated clause inside what a dated speech
  verb reports ("the UN said on Monday that 875,000 have fled since December 1st"); and
  two reports of things still to come with the very same date (a threat and its restatement);
- in any articles, reports whose triggers name the same kind of happening (`frames.yml`),
  with dates that overlap and a shared actor or place id; across articles, objects too when
  both name one ("released the iPhone" is not "released the iPod").
Reports that match but give dates a few days apart, or numbers that cannot both hold, are
flagged for the reader rather than silently merged or dropped.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.dates import day_text
from generator.model import UPCOMING, Analysis, Article, Event, FigureMention, Happening, Span, Timex
from generator.resolve.frames import kinds, measures, same_kind, telling
from generator.resolve.links import Index, Taking, taking_part
from generator.slugs import slugify
from generator.spans import heading_spans, in_heading, sentence_of, short_headline

log = logging.getLogger(__name__)

COMMON_SHARE = 0.1
"""A name in more than this share of the reports (at least COMMON_FROM) ties no two articles alone."""

COMMON_FROM = 50
"""Fewer reports than this and every shared name counts."""

CONFLICT_DAYS = 31
"""Dates further apart than this are taken as different events, not a disagreement."""

PRECISION_RANK = ("day", "week", "month", "quarter", "year", "range", "decade")
"""Finer dates first: a merged event takes the finest date its reports give."""


@dataclass(frozen=True, slots=True)
class _Report:
    """One dated clause's report of a happening, with what merging compares."""

    event: Event
    happening: Happening | None
    """What the parse says happened, None when it found no verb or noun."""
    names: frozenset[str]
    """Actor and place ids in the whole sentence (wider than the clause: the speaker counts when matching)."""
    figures: tuple[FigureMention, ...]
    """Numbers in the clause."""
    telling: frozenset[str] = frozenset()
    """`names` less those the corpus names everywhere (`COMMON_SHARE`), which alone tie no two articles."""


def build_events(analyses: Sequence[Analysis], index: Index) -> list[Event]:
    """One event per happening, its reports merged, in date order."""
    reports: list[_Report] = []
    for analysis in analyses:
        reports.extend(_reports(analysis, index))
    reports = _telling(reports)
    titles = {a.article.id: a.article for a in analyses}
    events = _merge(reports, titles)
    log.debug(
        "events: %d dated clauses are %d events (%d merged)",
        len(reports),
        len(events),
        len(reports) - len(events),
    )
    return sorted(events, key=lambda e: (e.timex.begin, e.timex.end, e.sentence.article, e.sentence.start))


def _reports(analysis: Analysis, index: Index) -> list[_Report]:
    """The dated clauses of one article, before merging."""
    article = analysis.article.id
    headings = heading_spans(analysis.article)
    anchored = [t for t in analysis.timexes if t.begin is not None]
    happenings = analysis.happenings or (None,) * len(analysis.timexes)
    out = []
    for timex, happening in zip(analysis.timexes, happenings, strict=True):
        if timex.begin is None or in_heading(headings, timex.span.start) or nested(timex, anchored):
            continue
        sentence = sentence_of(analysis, timex.span.start)
        clause = _clause(analysis, timex, sentence)
        where = clause or sentence
        taking = event_participants(analysis, where, index)
        wide_actors, wide_places = index.within(article, sentence.start, sentence.end)
        body = analysis.article.body
        trigger = None
        if happening is not None:
            start, end = happening.trigger
            trigger = Span(article, start, end, body[start:end])
        event = Event(
            id=slugify(f"{article}-{timex.span.start}"),
            timex=timex,
            sentence=sentence,
            actors=taking.actors,
            places=taking.places,
            clause=clause,
            headline=happening.headline if happening and happening.headline else short_headline(where.text),
            status=happening.status if happening else "happened",
            trigger=trigger,
            roles=taking.roles,
        )
        figures = tuple(f for f in analysis.figures if where.start <= f.span.start < where.end)
        out.append(_Report(event, happening, frozenset(wide_actors + wide_places), figures))
    return out


def event_participants(analysis: Analysis, where: Span, index: Index) -> Taking:
    """An event's actors and places: who takes part in the clause's predicates, and where (see `links`)."""
    return taking_part(analysis, where, index)


def _clause(analysis: Analysis, timex: Timex, sentence: Span) -> Span | None:
    """The clause the tagger found for the expression, clipped to its sentence; None if it is the sentence."""
    if timex.clause is None:
        return None
    start, end = max(timex.clause[0], sentence.start), min(timex.clause[1], sentence.end)
    body = analysis.article.body
    if body[start:end].strip() == sentence.text.strip() or end <= start:
        return None
    return Span(sentence.article, start, end, body[start:end])


def nested(timex: Timex, others: Sequence[Timex]) -> bool:
    """True for "2012" inside "between 2012 and 2016": the range is the event's date."""
    return any(
        o is not timex
        and o.span.start <= timex.span.start
        and timex.span.end <= o.span.end
        and (o.span.end - o.span.start) > (timex.span.end - timex.span.start)
        for o in others
    )


def _same_date(a: Timex, b: Timex) -> bool:
    """The very same date: value and calendar span."""
    return (a.value, a.begin, a.end) == (b.value, b.begin, b.end)


def _overlapping(a: Timex, b: Timex) -> bool:
    """Dates that can name the same moment: their calendar spans overlap (two days must be the same day)."""
    assert a.begin and a.end and b.begin and b.end
    return a.begin <= b.end and b.begin <= a.end


def _kind(a: _Report, b: _Report, across: bool) -> bool:
    """Two reports whose triggers name the same kind of happening; across articles, on the same object
    (or, when neither has one, by the same subject)."""
    ha, hb = a.happening, b.happening
    if ha is None or hb is None or not same_kind(ha.lemma, hb.lemma, ha.objects, hb.objects):
        return False
    if not across:
        return True
    objects_a, objects_b = telling(ha.objects), telling(hb.objects)
    if objects_a and objects_b:
        return bool(set(objects_a) & set(objects_b))
    if ha.noun or hb.noun:  # "the 1986 loss" is no other company's loss: the very same noun at least
        return ha.lemma == hb.lemma
    # "Car sales fell" is not "exports fell": short of two objects, some argument must agree;
    # a report with no argument at all ("he fought it") cannot tell, so it does not object.
    # Measures count as arguments here, but never as agreeing ones: "growth was 3 pct" is not "exports
    # were 3 pct".
    if not ({*ha.objects, ha.subject} - {""}) or not ({*hb.objects, hb.subject} - {""}):
        return True
    return bool(_arguments(ha) & _arguments(hb))


def _same_happening(a: _Report, b: _Report) -> bool:
    """Two reports of one happening: same kind, overlapping dates, a shared actor or place."""
    ea, eb = a.event, b.event
    same_article = ea.sentence.article == eb.sentence.article
    if same_article and a.happening and b.happening and a.happening.trigger == b.happening.trigger:
        return True  # one clause, dated twice
    if same_article and (_inside_report(a, b) or _inside_report(b, a)):
        return True
    plans = {ea.status, eb.status} <= UPCOMING and bool(a.names & b.names)
    restated = plans or _kind(a, b, across=False)
    if same_article and _same_date(ea.timex, eb.timex) and restated and not _numbers_differ(a, b):
        return True  # a plan and its restatement; "the nine-year insurgency", "the nine-year-old war"
    across = not same_article
    return _overlapping(ea.timex, eb.timex) and _parties(a, b, across) and _kind(a, b, across)


def _numbers_differ(a: _Report, b: _Report) -> bool:
    """Both clauses give numbers and none of them can be the other's: in one article, two happenings
    ("cocoa exports will rise to 35,000 tonnes in 1987", "tea exports to 95,000 tonnes in 1987")."""
    return bool(a.figures and b.figures) and not any(_overlap(fa, fb) for fa in a.figures for fb in b.figures)


def _telling(reports: list[_Report]) -> list[_Report]:
    """The reports with their telling names: all but those in more than COMMON_SHARE of the reports."""
    if len(reports) < COMMON_FROM:
        return [replace(r, telling=r.names) for r in reports]
    counts: dict[str, int] = {}
    for r in reports:
        for name in r.names:
            counts[name] = counts.get(name, 0) + 1
    common = {name for name, n in counts.items() if n > COMMON_SHARE * len(reports)}
    return [replace(r, telling=r.names - common) for r in reports]


def _parties(a: _Report, b: _Report, across: bool = False) -> bool:
    """A shared actor or place id (across articles, one the corpus does not name everywhere); when one
    report names none ("he fought cancer"), a shared object."""
    ha, hb = a.happening, b.happening
    if a.names and b.names:
        shared = a.names & b.names
        if not across or a.telling & b.telling:
            return bool(shared)
        # Only names the corpus shares everywhere ("Apple" in the Apple story): the arguments must agree
        # too, or both reports name the happening by the very same noun ("the 1991 agreement").
        if not shared or ha is None or hb is None:
            return False
        return bool(_arguments(ha) & _arguments(hb)) or (ha.noun and hb.noun and ha.lemma == hb.lemma)
    return ha is not None and hb is not None and bool(set(telling(ha.objects)) & set(telling(hb.objects)))


def _arguments(h: Happening) -> set[str]:
    """The lemmas of a happening's subject and objects, measures left out ("pct", "dlrs")."""
    return {*telling(h.objects), h.subject} - {"", *measures()}


def _inside_report(speech: _Report, content: _Report) -> bool:
    """The content's verbal clause lies inside what the speech report's verb says (not a dated noun in it)."""
    hs, hc = speech.happening, content.happening
    if hs is None or hs.reported is None or hc is None or hc.trigger == hs.trigger:
        return False
    start, end = hs.reported
    at = content.event.timex.span.start
    return start <= at < end and content.event.sentence == speech.event.sentence and not _nominal(content)


def _nominal(report: _Report) -> bool:
    """A happening named by a noun the date modifies ("the nine-year war"): background, dated on its own."""
    return report.happening is not None and report.happening.noun


def _dated_apart(a: _Report, b: _Report) -> bool:
    """Two reports in different articles of one happening, with nearby dates that cannot both hold."""
    ta, tb = a.event.timex, b.event.timex
    assert ta.begin and ta.end and tb.begin and tb.end
    gap = max((tb.begin - ta.end).days, (ta.begin - tb.end).days)
    return (
        a.event.sentence.article != b.event.sentence.article
        and ta.type == tb.type == "DATE"
        and ta.precision == tb.precision
        and 0 < gap <= CONFLICT_DAYS
        and _parties(a, b, across=True)
        and _kind(a, b, across=True)
    )


def _merge(reports: list[_Report], articles: dict[str, Article]) -> list[Event]:
    """Merge reports of one happening (union-find over candidate pairs); flag dates and numbers at odds.

    Across articles two groups that each name someone join only when they share a name, and two that
    each say who or what (subjects, objects) only when they share one: a report that names no one
    may join either, but never chains two happenings of different actors or things into one.
    """
    parent = list(range(len(reports)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    conflicts: dict[int, list[str]] = {}
    # By root, for each article of its group: the names and the arguments (subjects, objects) its
    # reports give there.
    named = {i: {r.event.sentence.article: set(r.telling)} for i, r in enumerate(reports)}
    argued = {
        i: {r.event.sentence.article: _arguments(r.happening) if r.happening else set()}
        for i, r in enumerate(reports)
    }
    for i, j in sorted(_candidates(reports)):
        a, b = reports[i], reports[j]
        if _same_happening(a, b):
            ri, rj = root(i), root(j)
            if ri == rj or (
                a.event.sentence.article != b.event.sentence.article and _apart(ri, rj, named, argued)
            ):
                continue  # "GM's car sales rose", "sales rose", "Ford's car sales rose": no chain
            parent[rj] = ri
            _absorb(named[ri], named.pop(rj))
            _absorb(argued[ri], argued.pop(rj))
        elif _dated_apart(a, b):
            conflicts.setdefault(i, []).append(_date_note(b, articles))
            conflicts.setdefault(j, []).append(_date_note(a, articles))
    groups: dict[int, list[int]] = {}
    for i in range(len(reports)):
        groups.setdefault(root(i), []).append(i)
    events = []
    for members in groups.values():
        notes = sorted({note for i in members for note in conflicts.get(i, [])})
        group = [reports[i] for i in members]
        events.append(_event(group, notes + _number_notes(group, articles)))
    return events


Given = dict[str, set[str]]
"""What a group of reports gives (names, or arguments), by article."""


def _absorb(into: Given, other: Given) -> None:
    """Add what another group gives, article by article."""
    for article, found in other.items():
        into.setdefault(article, set()).update(found)


def _core(given: Given) -> set[str] | None:
    """What every article of a group that gives anything gives (maybe nothing), or None when none does.

    Not the union of all: through reports naming two actors ("GM and Ford cut prices") the union
    grows with each report taken in, until it shares a name with nearly any other; at 10,000 Reuters
    stories a month's rises and falls of everyone's output, sales and prices became one event of 182
    articles.
    """
    core: set[str] | None = None
    for found in given.values():
        if found:
            core = set(found) if core is None else core & found
    return core


def _apart(ri: int, rj: int, named: dict[int, Given], argued: dict[int, Given]) -> bool:
    """Two groups of reports that both name someone, or both say who or what, with nothing in common to
    every article of both."""
    for given in (named, argued):
        core_i, core_j = _core(given[ri]), _core(given[rj])
        if core_i is not None and core_j is not None and not core_i & core_j:
            return True
    return False


def _candidates(reports: list[_Report]) -> set[tuple[int, int]]:
    """Pairs worth comparing: any two of one article, and across articles two sharing a kind and an id."""
    pairs: set[tuple[int, int]] = set()
    by_article: dict[str, list[int]] = {}
    buckets: dict[tuple[str, str], list[int]] = {}
    for i, r in enumerate(reports):
        by_article.setdefault(r.event.sentence.article, []).append(i)
        if r.happening is None:
            continue
        for kind in kinds(r.happening.lemma, r.happening.objects):
            for name in (*r.names, *(f"object:{o}" for o in telling(r.happening.objects))):
                buckets.setdefault((kind, name), []).append(i)
    for members in by_article.values():
        pairs.update(itertools.combinations(members, 2))
    for members in buckets.values():
        members.sort(key=lambda k: (reports[k].event.timex.begin, k))
        for at, i in enumerate(members):
            end = reports[i].event.timex.end
            assert end is not None
            for j in members[at + 1 :]:
                begin = reports[j].event.timex.begin
                assert begin is not None
                if (begin - end).days > CONFLICT_DAYS:
                    break  # by start date: later ones cannot overlap or be a few days apart any more
                pairs.add((min(i, j), max(i, j)))
    return pairs


def _event(group: list[_Report], notes: list[str]) -> Event:
    """One event from one happening's reports: the lead report's date, headline and status; every source."""
    lead = min(group, key=lambda r: (_wraps_any(r, group), _rank(r.event.timex), _at(r.event.sentence)))
    event = lead.event
    wrapper = next((r for r in group if _inside_report(r, lead)), None)
    if wrapper is not None and lead.event.status not in UPCOMING:
        # "The UN said on Monday that 875,000 have fled … since December 1st": what was said is the headline.
        event = replace(event, headline=wrapper.event.headline, status="reported")
    if len(group) > 1:
        sentences = sorted(
            {(r.event.sentence.article, r.event.sentence.start): r.event.sentence for r in group}.items()
        )
        ordered = [event.sentence] + [s for _k, s in sentences if s != event.sentence]
        event = replace(
            event,
            actors=tuple(sorted({a for r in group for a in r.event.actors})),
            places=tuple(sorted({p for r in group for p in r.event.places})),
            roles=tuple(dict.fromkeys(role for r in group for role in r.event.roles)),
            sources=tuple(ordered) if len(ordered) > 1 else (),
        )
    return replace(event, disagreement="; ".join(notes)) if notes else event


def _at(span: Span) -> tuple[str, int]:
    """Where a span is, for ordering."""
    return span.article, span.start


def _wraps_any(report: _Report, group: list[_Report]) -> bool:
    """Tell whether a report is a speech verb whose content is another report of the group."""
    return any(_inside_report(report, other) for other in group if other is not report)


def _rank(t: Timex) -> int:
    """How coarse a date is; unknown precisions last."""
    return PRECISION_RANK.index(t.precision) if t.precision in PRECISION_RANK else len(PRECISION_RANK)


def _where(span: Span, articles: dict[str, Article]) -> str:
    """Name a report for readers: the article's title and the paragraph number."""
    article = articles[span.article]
    return f"“{article.title}”, ¶{article.paragraph_at(span.start).index + 1}"


def _date_note(other: _Report, articles: dict[str, Article]) -> str:
    """Say which other source dates the event differently, and how."""
    t = other.event.timex
    shown = day_text(t.begin) if t.precision == "day" and t.begin else t.value
    where = _where(other.event.sentence, articles)
    return f"{where} dates what reads as the same event to {shown} (“{t.span.text}”)"


def _number_notes(group: list[_Report], articles: dict[str, Article]) -> list[str]:
    """Flag merged reports in different articles counting the same thing (same unit and noun) with numbers
    that cannot both hold; as for dates (`_dated_apart`), one article is one source, and "2.2 billion in
    1987, against 2.0 billion in 1986" does not disagree with itself.

    One note per thing counted, naming each figure that clashes with a figure of another article once,
    in report order (a sentence dated twice is two reports with the same figures: named once). A note
    per clashing pair grew with the square of the reports: an event merged from 286 reports at 10,000
    articles had 10,666 of them, 1.9 MB in briefing.json.
    """
    counted: dict[tuple[str, str], list[tuple[int, FigureMention]]] = {}
    for at, report in enumerate(group):
        for figure in report.figures:
            noun = _noun(figure)
            if noun:
                counted.setdefault((figure.unit, noun), []).append((at, figure))
    notes = []
    for (_unit, noun), figures in counted.items():
        clashing = [
            (at, f)
            for at, f in figures
            if any(
                _article(group, other) != _article(group, at) and not _overlap(f, g) for other, g in figures
            )
        ]
        if clashing:
            shown = dict.fromkeys(
                f"“{f.span.text}” in {_where(group[at].event.sentence, articles)}" for at, f in clashing
            )
            notes.append(f"the sources give different numbers for {noun}: " + ", ".join(shown))
    return sorted(set(notes))


def _article(group: list[_Report], at: int) -> str:
    """The article of one report of a group."""
    return group[at].event.sentence.article


def _noun(f: FigureMention) -> str:
    """The noun a figure counts ("Syrians fled" → "syrians"), lower case."""
    words = f.counts.lower().split()
    return words[0] if words else ""


def _overlap(a: FigureMention, b: FigureMention) -> bool:
    """Tell whether two figures' ranges can both hold ("more than 800" and "850" can)."""
    low_a, low_b = a.low if a.low is not None else a.value, b.low if b.low is not None else b.value
    high_a = a.high if a.high is not None else (a.value if a.low is None else None)
    high_b = b.high if b.high is not None else (b.value if b.low is None else None)
    if low_a is None or low_b is None:
        return True
    return (high_a is None or low_b <= high_a) and (high_b is None or low_a <= high_b)
