"""Per-article analysis: the spaCy parse and the extractors (mentions, timex, figures, quotes).

Everything here is a pure function of one article; the analysis cache fingerprints this package."""
