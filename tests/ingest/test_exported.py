"""The public surface of sanctrace.ingest is what __all__ says, and nothing is missing."""

from __future__ import annotations

import sanctrace.ingest as ingest


def test_exported_members() -> None:
    assert sorted(ingest.__all__) == [
        "expand_sources",
        "is_url",
        "parse_date",
        "read_bytes",
        "read_source",
    ]
    for name in ingest.__all__:
        assert callable(getattr(ingest, name))


def test_every_format_has_a_reader() -> None:
    from sanctrace.ingest.document import FORMATS

    assert sorted(ingest.READERS) == sorted(FORMATS)
    for kind in FORMATS:
        assert callable(ingest._reader(kind))
