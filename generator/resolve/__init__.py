"""Across the corpus: names into actors and places, events, links, and the curator's overrides applied."""
