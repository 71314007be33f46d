"""Fixtures shared by the ingest tests: the fixture folder and the shared seeds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sanctrace.settings import get_settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def seeds() -> Path:
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip("../shared/seeds is not available")
    return folder


@pytest.fixture
def max_bytes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Lower SANCTRACE_MAX_BYTES to 4096 for one test."""
    monkeypatch.setenv("SANCTRACE_MAX_BYTES", "4096")
    get_settings.cache_clear()
    yield
    monkeypatch.delenv("SANCTRACE_MAX_BYTES")
    get_settings.cache_clear()
