from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sanctrace.api import create_app

from .sample import build_store

TOKEN = "test-token-0123456789"


@pytest.fixture(scope="session")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("api") / "sample.db")


@pytest.fixture()
def client(store_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(store_url, token=None)) as c:
        yield c


@pytest.fixture()
def writable(tmp_path: Path) -> Iterator[TestClient]:
    """A client over a private copy of the sample store, with writes enabled."""
    url = build_store(tmp_path / "rw.db")
    with TestClient(create_app(url, token=TOKEN)) as c:
        yield c
