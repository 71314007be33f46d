"""Real list files from ../shared (skipped where absent) and one index built from them."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


@pytest.fixture(scope="session")
def sanctions() -> Path:
    folder = SHARED / "sanctions"
    if not (folder / "ofac" / "sdn_2024-05-03.csv").is_file():
        pytest.skip("../shared/data/sanctions is not available")
    return folder.resolve()


@pytest.fixture(scope="session")
def real_lists(sanctions: Path) -> dict:
    """Every real list we have, parsed once: {list key: LoadedList}."""
    from sanctrace.screen.lists import read_lists

    files = [
        sanctions / "ofac" / "sdn_2024-05-03.csv",
        *sorted((sanctions / "eu").glob("*.csv")),
        sanctions / "uk" / "ofsi_conlist_2025-04-10.csv",
        sanctions / "un" / "un_consolidated_2026-02-27.xml",
        sanctions / "opensanctions" / "zala_entities.ftm.json",
    ]
    return {item.meta.key: item for item in read_lists(files)}


@pytest.fixture(scope="session")
def real_index(real_lists: dict):
    from sanctrace.screen.index import build_index

    return build_index(d for item in real_lists.values() for d in item.designations)
