"""Every kind of temporal expression the tagger knows, in priority order.

When two candidates start at the same offset and are as long, the kind listed first wins,
so the order is part of the behaviour: full dates before months, months before years.
"""

from __future__ import annotations

from generator.extract.timex.kinds import dates, days, durations, refs, relative, sets, times, years
from generator.extract.timex.rule import Rule

RULES: tuple[Rule, ...] = (
    dates.DATE_MDY,
    dates.DATE_DMY,
    dates.DATE_ISO,
    dates.DATE_NUM,
    dates.MONTH_YEAR,
    dates.MONTH,
    years.YEAR,
    years.FY_SHORT,
    years.DECADE,
    days.WEEKDAY,
    days.DEICTIC,
    relative.RELATIVE,
    relative.AGO,
    durations.SPAN,
    sets.SET,
    durations.DURATION,
    durations.VAGUE,
    refs.REF,
    times.TIME,
    relative.SEASON,
    years.QUARTER,
    years.FISCAL_YEAR,
    dates.HOLIDAY,
)
"""The rules, highest priority first."""
