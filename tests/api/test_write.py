"""Writes need the bearer token: 403 with none configured, 401 with a wrong or missing one."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sanctrace.api import create_app

from .conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
WRITES = [
    ("/api/merge", {"json": {"a": "Volga Optics", "b": "Minsk Trade LLC"}}),
    ("/api/split", {"json": {"entity": "Volga Optics"}}),
    ("/api/ingest", {"data": {"urls": ["https://example.org/x"]}}),
]


@pytest.mark.parametrize(("path", "kwargs"), WRITES)
def test_writes_are_refused_without_a_configured_token(
    client: TestClient, path: str, kwargs: dict
) -> None:
    response = client.post(path, headers=AUTH, **kwargs)
    assert response.status_code == 403
    assert "SANCTRACE_TOKEN" in response.json()["detail"]


@pytest.mark.parametrize(("path", "kwargs"), WRITES)
@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", "Bearer "])
def test_writes_need_the_right_bearer_token(
    writable: TestClient, path: str, kwargs: dict, header: str | None
) -> None:
    headers = {} if header is None else {"Authorization": header}
    response = writable.post(path, headers=headers, **kwargs)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_token_comes_from_the_environment(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from sanctrace.settings import get_settings

    monkeypatch.setenv("SANCTRACE_TOKEN", "from-env")
    get_settings.cache_clear()
    try:
        app = create_app(store_url)
    finally:
        monkeypatch.delenv("SANCTRACE_TOKEN")
        get_settings.cache_clear()
    with TestClient(app) as c:
        bad = c.post("/api/split", json={"entity": "x"}, headers=AUTH)
        good = c.post(
            "/api/split", json={"entity": "x"}, headers={"Authorization": "Bearer from-env"}
        )
    assert bad.status_code == 401 and good.status_code == 404  # authorised; no such entity


def test_reads_can_be_closed_for_non_loopback_serving(store_url: str) -> None:
    with TestClient(create_app(store_url, token=TOKEN, open_reads=False)) as c:
        assert c.get("/api/entities").status_code == 401
        assert c.get("/api/entities", headers=AUTH).status_code == 200


def test_merge_then_split_changes_the_resolution(writable: TestClient) -> None:
    merged = writable.post(
        "/api/merge",
        headers=AUTH,
        json={"a": "Minsk Trade LLC", "b": "Volga Optics", "note": "same INN"},
    )
    assert merged.status_code == 200, merged.text
    body = merged.json()
    assert body["judgement"]["kind"] == "merge" and body["judgement"]["note"] == "same INN"
    names = {body["entity"]["name"], *body["entity"]["aliases"]}
    assert {"Minsk Trade LLC", "Volga Optics", "Volga Optics JSC"} <= names
    minsk = writable.get("/api/entities/Minsk Trade LLC").json()
    assert minsk["id"] == writable.get("/api/entities/Volga Optics").json()["id"]
    again = writable.post(
        "/api/merge", headers=AUTH, json={"a": "Minsk Trade LLC", "b": "Volga Optics"}
    )
    assert again.status_code == 400 and "already one entity" in again.json()["detail"]


def test_split_of_an_auto_merged_entity_separates_its_mentions(writable: TestClient) -> None:
    volga = writable.get("/api/entities/Volga Optics").json()
    assert volga["documents"] == 2
    split = writable.post("/api/split", headers=AUTH, json={"entity": volga["id"]})
    assert split.status_code == 200, split.text
    assert split.json()["judgement"]["kind"] == "split"
    rows = [
        e
        for e in writable.get("/api/entities").json()["entities"]
        if e["name"] in ("Volga Optics", "Volga Optics JSC")
    ]
    assert len(rows) == 2 and all(e["documents"] == 1 for e in rows)


def test_ingest_upload_stores_a_report(writable: TestClient) -> None:
    text = b"Kestrel Avionics supplied gyroscopes to Orel Dynamics in May 2024.\n"
    response = writable.post(
        "/api/ingest",
        headers=AUTH,
        files=[("files", ("kestrel.txt", text, "text/plain"))],
        data={"published": "2025-01-15"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["failed"] == [] and len(body["ingested"]) == 1
    assert body["ingested"][0]["published"] == "2025-01-15"
    again = writable.post(
        "/api/ingest", headers=AUTH, files=[("files", ("copy.txt", text, "text/plain"))]
    ).json()
    assert again["ingested"] == [] and len(again["duplicates"]) == 1
    sources = [d["source"] for d in writable.get("/api/documents").json()["documents"]]
    assert "upload:kestrel.txt" in sources, "uploads are named as the user named them"
    bad = writable.post(
        "/api/ingest", headers=AUTH, files=[("files", ("blank.txt", b"  \n", "text/plain"))]
    ).json()
    assert bad["failed"][0]["source"] == "upload:blank.txt"
    assert "sanctrace-upload" not in bad["failed"][0]["error"]


def test_ingest_rejects_bad_requests(writable: TestClient) -> None:
    empty = writable.post("/api/ingest", headers=AUTH, data={})
    assert empty.status_code == 400 and empty.json()["error"] == "InputError"
    local = writable.post("/api/ingest", headers=AUTH, data={"urls": ["/etc/passwd"]})
    assert local.status_code == 400 and local.json()["source"] == "/etc/passwd"


def test_upload_larger_than_the_limit_is_413(
    writable: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sanctrace.settings import get_settings

    monkeypatch.setenv("SANCTRACE_MAX_BYTES", "1000")
    get_settings.cache_clear()
    try:
        response = writable.post(
            "/api/ingest", headers=AUTH, files=[("files", ("big.txt", b"x" * 5000, "text/plain"))]
        )
    finally:
        monkeypatch.delenv("SANCTRACE_MAX_BYTES")
        get_settings.cache_clear()
    assert response.status_code == 413
    assert response.json() == {
        "error": "TooLargeError",
        "detail": "upload is larger than SANCTRACE_MAX_BYTES (1000 bytes)",
        "source": "big.txt",
    }


LISTS = Path(__file__).resolve().parents[2] / "examples" / "lists"


def test_list_upload_loads_the_list_and_screens_again(writable: TestClient) -> None:
    conlist = (LISTS / "ofsi_conlist_extract.csv").read_bytes()
    files = [("files", ("conlist.csv", conlist, "text/csv"))]
    assert writable.post("/api/lists", files=files).status_code == 401
    response = writable.post("/api/lists", headers=AUTH, files=files)
    assert response.status_code == 200, response.text
    body = response.json()
    (loaded,) = body["lists"]
    assert loaded["key"] == "uk" and loaded["count"] > 0 and loaded["reload"] is False
    assert loaded["source"] == "conlist.csv"
    # screening ran again over both lists: the hand-made OFAC listing still matches
    assert body["screened"] >= 5 and body["flagged"] >= 1
    assert writable.get("/api/entities/Tula Armour").json()["sanctioned"] is True
    hits = writable.get("/api/screen", params={"name": "Kalashnikov Concern"}).json()
    assert hits["query"] == "Kalashnikov Concern"
    assert hits["matches"] and hits["matches"][0]["list"] == "uk"
    assert hits["matches"][0]["score"] >= 0.8 and hits["matches"][0]["matched_alias"]
    again = writable.post("/api/lists", headers=AUTH, files=files).json()
    assert again["lists"][0]["reload"] is True and again["lists"][0]["added"] == 0


def test_a_file_that_is_no_list_is_refused_and_changes_nothing(writable: TestClient) -> None:
    before = writable.get("/api/entities").json()
    response = writable.post(
        "/api/lists", headers=AUTH, files=[("files", ("notes.csv", b"a,b\n1,2\n", "text/csv"))]
    )
    assert response.status_code == 422
    assert response.json()["error"] == "ListFormatError"
    assert writable.get("/api/entities").json() == before


def test_screen_a_name(client: TestClient) -> None:
    body = client.get("/api/screen", params={"name": "Tula Armor Plant"}).json()
    assert [(m["list"], m["list_id"]) for m in body["matches"]] == [("ofac", "90001")]
    assert client.get("/api/screen", params={"name": "x", "type": "Ship"}).status_code == 400
