"""The JSON read endpoints over the sample network."""

from __future__ import annotations

from fastapi.testclient import TestClient

from .sample import IMG_NAME, REPORT_1, SCRIPT_NAME


def _entity(client: TestClient, name: str) -> dict:
    (hit,) = [e for e in client.get("/api/entities").json()["entities"] if e["name"] == name]
    return hit


def test_search_finds_entities_by_alias_and_documents_by_title(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "tula"}).json()
    assert [e["name"] for e in body["entities"]] == ["Tula Armour"]
    assert body["entities"][0]["sanctioned"] is True
    docs = client.get("/api/search", params={"q": "lenses keep"}).json()["documents"]
    assert [d["title"] for d in docs] == ["Lenses keep flowing"]
    assert client.get("/api/search").status_code == 422  # q is required


def test_entities_list_and_filters(client: TestClient) -> None:
    entities = client.get("/api/entities").json()["entities"]
    names = {e["name"] for e in entities}
    assert {"Tula Armour", SCRIPT_NAME, IMG_NAME, "Ivan Petrov"} <= names
    # "Volga Optics" and "Volga Optics JSC" in two reports are resolved into one actor
    (volga,) = [e for e in entities if "Volga Optics" in {e["name"], *e["aliases"]}]
    assert {volga["name"], *volga["aliases"]} == {"Volga Optics", "Volga Optics JSC"}
    assert volga["documents"] == 2
    people = client.get("/api/entities", params={"type": "Person"}).json()["entities"]
    assert [e["name"] for e in people] == ["Ivan Petrov"]
    listed = client.get("/api/entities", params={"sanctioned": True}).json()["entities"]
    assert [e["name"] for e in listed] == ["Tula Armour"]
    bad = client.get("/api/entities", params={"type": "Spaceship"})
    assert bad.status_code == 400 and bad.json()["error"] == "InputError"


def test_entity_detail_has_designations_and_claims_with_evidence(client: TestClient) -> None:
    tula = _entity(client, "Tula Armour")
    body = client.get(f"/api/entities/{tula['id']}").json()
    (designation,) = body["designations"]
    assert (designation["list"], designation["list_id"]) == ("ofac", "90001")
    assert designation["programs"] == ["RUSSIA-EO14024"]
    assert len(body["claims"]) == 4
    shipped = next(c for c in body["claims"] if c["via"] is not None)
    assert shipped["via"]["name"] == "Minsk Trade LLC"
    ev = shipped["evidence"]
    assert REPORT_1[ev["start"] : ev["end"]] == ev["text"]
    assert shipped["time"]["start"] == "2024-01-01"
    # by name works as well as by id
    assert client.get("/api/entities/Tula Armour").json()["id"] == tula["id"]


def test_unknown_entity_is_a_json_404_with_suggestions(client: TestClient) -> None:
    response = client.get("/api/entities/Tula Arm")
    assert response.status_code == 404
    body = response.json()
    assert body["error"] == "NotFoundError"
    assert "Tula Armour" in body["detail"]


def test_claims_filter_by_entity_and_predicate(client: TestClient) -> None:
    all_claims = client.get("/api/claims").json()["claims"]
    assert len(all_claims) == 5
    officer = client.get("/api/claims", params={"predicate": "officer_of"}).json()["claims"]
    assert [(c["subject"]["name"], c["object"]["name"]) for c in officer] == [
        ("Ivan Petrov", "Minsk Trade LLC")
    ]
    volga = client.get("/api/claims", params={"entity": "Volga Optics"}).json()["claims"]
    assert len(volga) == 2 and all(c["predicate"] == "supplied" for c in volga)
    assert client.get("/api/claims", params={"entity": "nobody"}).status_code == 404


def test_documents_and_document_text_with_offsets(client: TestClient) -> None:
    docs = client.get("/api/documents").json()["documents"]
    assert [d["title"] for d in docs] == ["Optics for the front", "Lenses keep flowing"]
    body = client.get(f"/api/documents/{docs[0]['id']}").json()
    assert body["text"] == REPORT_1
    for m in body["mentions"]:
        assert body["text"][m["start"] : m["end"]] == m["name"]
        assert m["entity_id"] is not None
    assert {c["predicate"] for c in body["claims"]} == {"supplied", "officer_of"}
    missing = client.get("/api/documents/doc-0000")
    assert missing.status_code == 404 and missing.json()["error"] == "NotFoundError"


def test_graph_edges_carry_corroboration_and_evidence(client: TestClient) -> None:
    graph = client.get("/api/graph").json()
    nodes = {n["id"]: n for n in graph["nodes"]}
    by_name = {n["name"]: n for n in nodes.values()}
    volga = client.get("/api/entities/Volga Optics").json()["name"]
    assert by_name["Tula Armour"]["status"] == "sanctioned"
    assert by_name[volga]["status"] in ("candidate", "other")

    def edges(a: str, b: str) -> list[dict]:
        return [
            e
            for e in graph["edges"]
            if nodes[e["source"]]["name"] == a and nodes[e["target"]]["name"] == b
        ]

    # the via-claim becomes its two hops; the direct claim of report 2 stands alone
    (hop,) = edges(volga, "Minsk Trade LLC")
    assert hop["via"] is True and hop["weight"] == 1
    (direct,) = edges(volga, "Tula Armour")
    assert direct["weight"] == 1 and "Baltic Ledger" in direct["evidence"][0]["text"]
    (denied,) = edges(IMG_NAME, "Tula Armour")
    assert denied["negated"] is True
    focus = client.get("/api/graph", params={"entity": "Ivan Petrov", "depth": 1}).json()
    assert {n["name"] for n in focus["nodes"]} == {"Ivan Petrov", "Minsk Trade LLC"}


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/search",
        "/api/entities",
        "/api/entities/{key}",
        "/api/entities/{key}/timeline",
        "/api/claims",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/graph",
        "/api/routes",
        "/api/candidates",
        "/api/screen",
        "/api/ingest",
        "/api/merge",
        "/api/split",
        "/api/lists",
    ):
        assert path in paths
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui-bundle.js" in docs.text


def test_routes_end_at_the_sanctioned_actor_with_evidence(client: TestClient) -> None:
    body = client.get("/api/routes").json()
    assert body["truncated"] is False
    paths = [r["path"] for r in body["routes"]]
    assert [SCRIPT_NAME, "Tula Armour"] in paths
    via = next(r for r in body["routes"] if "Minsk Trade LLC" in r["path"])
    assert via["path"][-2:] == ["Minsk Trade LLC", "Tula Armour"]
    assert all(r["end"]["status"] == "designated" for r in body["routes"])
    assert all(hop["claims"] for r in body["routes"] for hop in r["hops"])
    # the denied supply is not evidence of a route
    assert not any(IMG_NAME in r["path"] for r in body["routes"])
    to_unknown = client.get("/api/routes", params={"to": "nobody"})
    assert to_unknown.status_code == 404


def test_candidates_are_unsanctioned_suppliers_with_reasons(client: TestClient) -> None:
    candidates = client.get("/api/candidates").json()["candidates"]
    names = [c["name"] for c in candidates]
    assert SCRIPT_NAME in names and "Tula Armour" not in names and IMG_NAME not in names
    assert all(c["reasons"] and c["reasons"][0]["claims"] for c in candidates)
    graph = client.get("/api/graph").json()
    status = {n["name"]: n["status"] for n in graph["nodes"]}
    assert {n for n, s in status.items() if s == "candidate"} == set(names)


def test_timeline_orders_claims_by_date(client: TestClient) -> None:
    entries = client.get("/api/entities/Tula Armour/timeline").json()["timeline"]
    assert len(entries) == 4
    dates = [e["date"] for e in entries]
    assert dates == sorted(dates) and dates[0] == "2024-01-01"
