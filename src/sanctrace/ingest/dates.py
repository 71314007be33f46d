"""Dates as reports and users write them, turned into ``datetime.date``.

Two entry points: :func:`parse_date` for a date the user typed (``--published``), which
raises :class:`DateError` with a message saying what is accepted; and :func:`stated_date`
for a date a document states in its metadata, which returns None instead of failing,
because a bad date in a feed must not stop the feed from being read.
"""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from sanctrace.errors import DateError

# English month names and their usual abbreviations; the C locale of strptime is not
# something we rely on.
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:[A-Za-z]{3,9},?\s+)?"
_NAMED = (
    re.compile(rf"^{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}$"),  # 4 March 2025
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}$"),  # March 4, 2025
)
_NUMERIC = (
    re.compile(r"^(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})$"),  # 2025/03/04
    re.compile(r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})$"),  # 04.03.2025
    re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})$"),  # 20250304
)
ACCEPTED = '"2025-03-04", "4 March 2025" or "March 4, 2025"'


def _build(year: str, month: str, day: str, text: str) -> date:
    month_number = int(month) if month.isdigit() else MONTHS.get(month.lower())
    if month_number is None:
        raise DateError(f"{text!r} is not a date: unknown month {month!r}")
    try:
        return date(int(year), month_number, int(day))
    except ValueError as exc:
        raise DateError(f"{text!r} is not a date: {exc}") from exc


def parse_date(text: str) -> date:
    """Parse a calendar date written the ways reports and users write it.

    Accepts ISO 8601 dates and timestamps, "4 March 2025", "March 4, 2025", RFC 2822
    ("Tue, 04 Mar 2025 10:00:00 GMT"), 2025/03/04 and 04.03.2025. Slashed day/month
    orders such as 03/04/2025 are refused: they mean different days in different
    countries, and guessing would silently misdate evidence.
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        raise DateError(f"empty date; write it as {ACCEPTED}")
    for pattern in _NUMERIC:
        match = pattern.match(cleaned)
        if match:
            return _build(match["year"], match["month"], match["day"], text)
    for pattern in _NAMED:
        match = pattern.match(cleaned)
        if match:
            return _build(match["year"], match["month"], match["day"], text)
    try:
        return datetime.fromisoformat(cleaned.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(cleaned).date()
    except (TypeError, ValueError, IndexError):
        pass
    if re.match(r"^\d{1,2}/\d{1,2}/\d{4}$", cleaned):
        raise DateError(f"{text!r} is ambiguous (day/month order); write it as {ACCEPTED}")
    raise DateError(f"{text!r} is not a date we can read; write it as {ACCEPTED}")


# A dateline: at the start of one of a report's first lines, optionally after a city in
# capitals ("LONDON, ") or a label ("Published:"), a full date followed by the end of
# the line or a dash, bar or parenthesis ("September 28, 2025 — Engineers ...").
_DATE_TEXT = (
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
)
_DATELINE = re.compile(
    r"^\s*(?:(?i:published|posted|updated|dated?|first published)(?:\s+on)?\s*:?\s*"
    r"|[A-Z][A-Z.' -]{1,40},\s+)?"
    rf"(?P<date>{_DATE_TEXT})"
    r"\s*(?:$|[-\u2013\u2014|(]|\d{1,2}:\d{2})"
)
DATELINE_LINES = 6


def dateline(text: str) -> date | None:
    """The date a report states in a dateline among its first lines, if any.

    Only whole dates at the start of a line count: "In March 2023, ..." names the time of
    an event, not of the report, and is left alone.
    """
    checked = 0
    for line in text.split("\n"):
        if not line.strip():
            continue
        match = _DATELINE.match(line)
        if match:
            found = stated_date(match.group("date"))
            if found is not None:
                return found
        checked += 1
        if checked >= DATELINE_LINES:
            break
    return None


def stated_date(value: object) -> date | None:
    """The date a document states, or None when it states none or one we cannot read."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time.struct_time):
        try:
            return date(value.tm_year, value.tm_mon, value.tm_mday)
        except ValueError:
            return None
    if isinstance(value, str):
        try:
            return parse_date(value)
        except DateError:
            return None
    return None
