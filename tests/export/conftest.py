from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from api.sample import build_store
from sanctrace.store import Store, open_store


@pytest.fixture(scope="session")
def sample_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("export") / "sample.db")


@pytest.fixture()
def store(sample_url: str) -> Iterator[Store]:
    with open_store(sample_url) as s:
        yield s


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    return tmp_path
