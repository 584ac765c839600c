"""The temporal tagger: TIMEX3 values anchored to the article's date."""
