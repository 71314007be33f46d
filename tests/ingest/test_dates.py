"""parse_date for --published, stated_date for metadata that may be junk."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from sanctrace.errors import DateError
from sanctrace.ingest import parse_date
from sanctrace.ingest.dates import dateline, stated_date


@pytest.mark.parametrize(
    "text",
    [
        "2025-03-04",
        "2025-03-04T10:15:00Z",
        "2025-03-04T23:59:00+01:00",
        "4 March 2025",
        "4th March, 2025",
        "March 4, 2025",
        "Mar. 4 2025",
        "Tue, 04 Mar 2025 10:00:00 GMT",
        "2025/03/04",
        "04.03.2025",
        "20250304",
        "  4   march 2025 ",
    ],
)
def test_accepted_forms(text: str) -> None:
    assert parse_date(text) == date(2025, 3, 4)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("03/04/2025", "ambiguous"),
        ("31 February 2025", "day is out of range"),
        ("4 Brumaire 2025", "unknown month 'Brumaire'"),
        ("last Tuesday", "not a date we can read"),
        ("", "empty date"),
    ],
)
def test_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_date(text)


def test_stated_date_never_raises() -> None:
    assert stated_date("not a real date") is None
    assert stated_date(None) is None
    assert stated_date(datetime(2024, 2, 3, 4, 5)) == date(2024, 2, 3)
    assert stated_date(time.strptime("2024-02-03", "%Y-%m-%d")) == date(2024, 2, 3)
    assert stated_date("2024-02-03") == date(2024, 2, 3)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Title\nSeptember 28, 2025 — Engineers worked", date(2025, 9, 28)),
        ("Title\nLONDON, Sept. 26, 2025 — Specialists", date(2025, 9, 26)),
        ("Title\nPublished: 4 March 2025 10:30 GMT\nBody", date(2025, 3, 4)),
        ("Title\nBy Jo Bloggs\nupdated on 2024-01-05", date(2024, 1, 5)),
        ("Title\nMonday, 3 March 2025 | Moscow", date(2025, 3, 3)),
        ("Title\nIn March 2023, the firm shipped", None),  # an event, not the report
        ("Title\nMarch 4, 2025 was the day it began", None),
        ("Title\nAlso, March 4, 2025 — x", None),
        ("T\n" + "line\n" * 10 + "4 March 2025\n", None),  # too far down to be a dateline
    ],
)
def test_dateline(text: str, found: date | None) -> None:
    assert dateline(text) == found
