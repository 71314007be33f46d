"""Time expressions resolved to date ranges, relative ones against the publication date.

"in 2025", "mid-2024", "in July", "last year", "September last year", "the second quarter
of last year", "earlier this month", "since ..." each become (start, end) dates. Without
a publication date a relative expression keeps its words and no dates.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from sanctrace.model import TimeRef

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_MONTH = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?")
_QUARTER = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th|q1|q2|q3|q4)\b(?: quarter)?")
_QNUM = {
    "first": 1,
    "1st": 1,
    "q1": 1,
    "second": 2,
    "2nd": 2,
    "q2": 2,
    "third": 3,
    "3rd": 3,
    "q3": 3,
    "fourth": 4,
    "4th": 4,
    "q4": 4,
}
_HALF = re.compile(r"\b(first|second) half\b")
_DAY = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year_of(text: str, published: date | None) -> int | None:
    m = _YEAR.search(text)
    if m:
        return int(m.group(1))
    if published is None:
        return None
    if "last year" in text or "previous year" in text or "a year ago" in text:
        return published.year - 1
    if "next year" in text:
        return published.year + 1
    if "this year" in text or "earlier this" in text or "this month" in text:
        return published.year
    return None


def _range(text: str, published: date | None) -> tuple[date | None, date | None]:
    low = text.lower()
    if published is not None:
        if "last month" in low or "previous month" in low:
            first = published.replace(day=1) - timedelta(days=1)
            return first.replace(day=1), first
        if "this month" in low:
            return published.replace(day=1), published
        if "last week" in low:
            return published - timedelta(days=14), published - timedelta(days=7)
        if low.strip() in ("recently", "recent months", "in recent months"):
            return None, published
    if published is not None:
        for n, day in enumerate(calendar.day_name):
            if re.search(rf"\b{day.lower()}\b", low):
                back = (published.weekday() - n) % 7
                when = published - timedelta(days=back)
                return when, when  # the most recent such weekday, as news reports use it
    year = _year_of(low, published)
    month_m = _MONTH.search(low)
    month = (
        _MONTHS[month_m.group(1)]
        if month_m
        and month_m.group(1) != "may"
        or (month_m and re.search(r"\bmay\b\s*(\d|$)", low))
        else None
    )
    if month is not None and year is None and published is not None:
        year = published.year if month <= published.month else published.year - 1
    if year is None:
        return None, None
    if month is not None:
        rest = low[month_m.end() :] if month_m else ""
        day_m = _DAY.match(rest.strip()) if rest else None
        if day_m and 1 <= int(day_m.group(1)) <= 31 and not _YEAR.match(rest.strip()):
            try:
                d = date(year, month, int(day_m.group(1)))
                return d, d
            except ValueError:
                pass
        return date(year, month, 1), _month_end(year, month)
    q = _QUARTER.search(low)
    if q and "quarter" in low or (q and q.group(1).startswith("q")):
        n = _QNUM[q.group(1)]
        return date(year, 3 * n - 2, 1), _month_end(year, 3 * n)
    h = _HALF.search(low)
    if h:
        return (
            (date(year, 1, 1), date(year, 6, 30))
            if h.group(1) == "first"
            else (date(year, 7, 1), date(year, 12, 31))
        )
    if re.search(r"\b(mid|middle)\b", low):
        return date(year, 5, 1), date(year, 8, 31)
    if re.search(r"\bearly\b", low):
        return date(year, 1, 1), date(year, 4, 30)
    if re.search(r"\blate\b", low) or "end of" in low:
        return date(year, 9, 1), date(year, 12, 31)
    return date(year, 1, 1), date(year, 12, 31)


def resolve(text: str, published: date | None) -> TimeRef:
    """A TimeRef for ``text``; "since X" runs from X's start to publication (or open)."""
    start, end = _range(text, published)
    low = text.lower()
    if start is not None and re.search(r"\b(since|from)\b", low) and " to " not in low:
        end = published
    return TimeRef(text=text, start=start, end=end)
