"""The temporal tagger: TIMEX3 values anchored to the article's date.

`tag_timexes` runs the rules of `registry` (one per kind, defined in `kinds`) over a parse
(`tag` also returns the candidates whose rule failed, as faults);
`timex3_layer` gives the expressions as TIMEX3 annotates them.
"""

from generator.extract.timex.ranges import timex3_layer
from generator.extract.timex.tagger import Tagged, tag, tag_timexes

__all__ = ["Tagged", "tag", "tag_timexes", "timex3_layer"]
