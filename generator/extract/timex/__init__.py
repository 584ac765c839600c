"""The temporal tagger: TIMEX3 values anchored to the article's date."""

from generator.extract.timex.tagger import tag_timexes, timex3_layer

__all__ = ["tag_timexes", "timex3_layer"]
