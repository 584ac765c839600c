"""Actor and place pages: the record, its events, figures, related actors and places, and every mention."""

from __future__ import annotations

from generator.dates import format_when
from generator.model import Actor, Place
from generator.publish import maps
from generator.publish import markdown as md
from generator.publish.pages import Page, event_sources
from generator.publish.site import Site, actor_page, article_page, place_page

LISTED = 100
"""An actor or place page lists at most this many quotes, events, linked actors and places, figures and
mentions (the first ones, in briefing order): the rest are counted, and data/briefing.json has them all.
Without the cap, the page of a country named in most of 10,000 articles would be megabytes of HTML."""


def actor(site: Site, item: Actor) -> Page:
    """An actor's page, with its links to other actors drawn as a small graph when the page is drawn."""
    path = actor_page(item.id)
    shared, links, counted = _shared(site, item)
    near = site.neighbours.get(item.id, ())
    # Its own country is already named at the top of the page ("Place:").
    all_places = [kv for kv in site.related_places.get(item.id, ()) if kv[0] != item.place]
    places, quotes, listed = all_places[:LISTED], item.quotes[:LISTED], near[:LISTED]
    more = {
        **counted,
        "places": len(all_places) - len(places),
        "quotes": len(item.quotes) - len(quotes),
        "links": len(near) - len(listed),
    }
    links.update(site.placement.place(i) for i, _ in places)
    links.update(article_page(q.span.article) for q in quotes)
    links.update(site.placement.actor(other) for other, _ in listed)
    links.update(article_page(r.article) for _, r in listed)
    if item.place:
        links.add(site.placement.place(item.place))
    context = {
        **shared,
        "actor": item,
        "quotes": quotes,
        "related_places": places,
        "links": listed,
        "more": more,  # the graph of `links` is drawn with the page (`render._helpers`: actor_graph)
    }
    return Page(path, "actor.md.j2", item.name, context, frozenset(links), backlinks=True)


def place(site: Site, item: Place) -> Page:
    """A place's page, with a small map when it has coordinates."""
    path = place_page(item.id)
    shared, links, counted = _shared(site, item)
    all_related = site.related_actors.get(item.id, ())
    related = all_related[:LISTED]
    more = {**counted, "actors": len(all_related) - len(related)}
    state = site.state_of_place.get(item.id)
    links.update(site.placement.actor(i) for i, _ in related)
    if state:
        links.add(site.placement.actor(state.id))
    data = maps.places_data([item], site.events_at, path, format_when, site.event_pages, site.placement.place)
    context = {
        **shared,
        "place": item,
        "related_actors": related,
        "more": more,
        "state_actor": state,
        "place_map": (
            maps.map_block("briefing-map", data, f"Map of {item.name}", site.map, small=True)
            if data
            else md.Safe("")
        ),
    }
    return Page(path, "place.md.j2", item.name, context, frozenset(links), backlinks=True)


def _shared(site: Site, item: Actor | Place) -> tuple[dict[str, object], set[str], dict[str, int]]:
    """What actor and place pages both show (description, events, figures, mentions), its links, and how
    many of each list are left off (past LISTED)."""
    all_events = site.events_naming.get(item.id, ())
    all_figures = site.figures_naming.get(item.id, ())
    events, figures, mentions = all_events[:LISTED], all_figures[:LISTED], item.mentions[:LISTED]
    links = {article_page(m.span.article) for m in mentions}
    links.update(*(event_sources(e) for e in events))
    links.update(article_page(f.sentence.article) for f in figures)
    context: dict[str, object] = {
        "description": site.descriptions.get(item.id, ""),
        "events": events,
        "figures": figures,
        "mentions": mentions,  # each drawn in its sentence by the `mention_in_sentence` helper
    }
    counted = {
        "events": len(all_events) - len(events),
        "figures": len(all_figures) - len(figures),
        "mentions": len(item.mentions) - len(mentions),
    }
    return context, links, counted
