"""Routes, candidates, corroboration and timeline on the fictional optics network."""

from __future__ import annotations

from sanctrace.graph import find_candidates, find_routes, load_network, route_views, timeline
from sanctrace.graph.candidates import candidate_views
from sanctrace.graph.corroboration import corroborate
from sanctrace.store import Store


def _names(store: Store, routes) -> list[list[str]]:
    net = load_network(store)
    return [[net.names[n] for n in r.nodes(net)] for r in routes]


def test_route_chains_hops_from_different_reports(store: Store) -> None:
    net = load_network(store)
    routes, truncated = find_routes(net)
    assert not truncated
    assert _names(store, routes) == [
        [
            "Kestrel Electronics Ltd",
            "Nordvik Components GmbH",
            "Altai Trading LLC",
            "Uralsk Optical Plant",
        ]
    ]
    (view,) = route_views(store, net, routes)
    first, second, third = view["hops"]
    assert {c["document"]["source"] for c in first["claims"]} == {
        "steppe_monitor_boards.txt",
        "harbour_wire_training.txt",
    }
    assert second["via_hop"] and third["via_hop"]
    assert {c["hop"] for c in second["claims"]} == {"to intermediary"}
    assert view["end"]["status"] == "designated"
    statuses = {d["status"] for d in view["end"]["designations"]}
    assert statuses == {"designated", "reported"}  # the list, and the report that says so


def test_route_options_narrow_the_search(store: Store) -> None:
    net = load_network(store)
    uralsk, nordvik = (
        net.index[store.entity("Uralsk").id],
        net.index[store.entity("Nordvik Components").id],
    )
    short, _ = find_routes(net, to=uralsk, max_hops=2)
    assert _names(store, short) == [
        ["Nordvik Components GmbH", "Altai Trading LLC", "Uralsk Optical Plant"]
    ]
    from_nordvik, _ = find_routes(net, origin=nordvik)
    assert _names(store, from_nordvik) == [
        ["Nordvik Components GmbH", "Altai Trading LLC", "Uralsk Optical Plant"]
    ]
    assert find_routes(net, to=nordvik, origin=uralsk)[0] == []  # goods do not flow back


def test_negated_claims_make_no_route_and_no_candidate(store: Store) -> None:
    net = load_network(store)
    names = {net.names[c.node] for c in find_candidates(net, limit=None)}
    assert "Zephyr Logistics" not in names
    assert all("Zephyr Logistics" not in path for path in _names(store, find_routes(net)[0]))


def test_candidates_rank_direct_suppliers_over_distant_and_hedged_links(store: Store) -> None:
    net = load_network(store)
    views = candidate_views(store, net, find_candidates(net, limit=None))
    ranked = [v["name"] for v in views]
    assert ranked[0] == "Nordvik Components GmbH"
    assert set(ranked[1:3]) == {"Altai Trading LLC", "Orion Holding"}
    assert ranked.index("Delta Sensorik") < ranked.index("Volta Machines")  # trainer is hedged
    kinds = {v["name"]: {r["kind"] for r in v["reasons"]} for v in views}
    assert kinds["Kestrel Electronics Ltd"] == {"upstream supplier"}
    assert kinds["Delta Sensorik"] == {"maker"}
    assert kinds["Altai Trading LLC"] == {"intermediary"}
    assert "Uralsk Optical Plant" not in ranked and "United States" not in ranked
    for v in views:  # every reason carries its evidence
        assert all(r["claims"] and r["claims"][0]["evidence"]["text"] for r in v["reasons"])


def test_rewrite_counts_as_one_lineage_and_independent_reports_as_two(store: Store) -> None:
    records = store.claims(predicate="supplied")
    extra = corroborate(store, records)
    by_source = {(r.document_source, r.roles["subject"].name): extra[r.id] for r in records}
    gyros = by_source[("corridor_daily_rewrite.txt", "Nordvik Components GmbH")]
    assert (gyros["documents"], gyros["lineages"]) == (2, 1)
    boards = by_source[("steppe_monitor_boards.txt", "Kestrel Electronics Ltd")]
    assert (boards["documents"], boards["lineages"]) == (2, 2)
    assert [c["kind"] for c in boards["contradictions"]] == ["date"]
    assert [c["kind"] for c in gyros["contradictions"]] == ["denial"]
    zephyr = by_source[("steppe_monitor_boards.txt", "Zephyr Logistics")]
    assert zephyr["documents"] == 1 and zephyr["contradictions"] == []


def test_timeline_orders_by_event_then_report_date(store: Store) -> None:
    net = load_network(store)
    entries = timeline(store, net, net.index[store.entity("Nordvik Components").id])
    dates = [e["date"] for e in entries]
    assert dates == sorted(dates)
    assert [e["dated_by"] for e in entries][:2] == ["event", "event"]
    assert entries[0]["claim"]["evidence"]["text"].startswith("Kestrel Electronics supplied")


def test_network_is_cached_until_the_store_changes(store: Store) -> None:
    first = load_network(store)
    assert load_network(store) is first
    store.save_screening({})
    second = load_network(store)
    assert second is not first and not second.designations
