"""Fixtures shared across the test tree: the spaCy-backed Extractor is loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.fixture(scope="session")
def extractor():
    """One Extractor for the whole session: loading spaCy takes about a second."""
    from sanctrace.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout (seeds and the scorer); tests skip where it is absent."""
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared (seeds and scorer) is not available")
    return SHARED.resolve()
