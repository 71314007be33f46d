"""Resolution rules on hand-made document entities: names, legal forms, short forms,
designations and analyst judgements."""

from __future__ import annotations

from sanctrace.resolve import build_resolution, cluster
from sanctrace.resolve.keys import core_key, short_forms
from sanctrace.store.base import DocEntityRow, Judgement


def row(
    doc: str, local: str, name: str, type_: str = "Organization", *aliases: str
) -> DocEntityRow:
    return DocEntityRow(doc, local, name, type_, list(aliases), 1)


def groups(rows: list[DocEntityRow], judgements=(), designations=None) -> list[set[str]]:
    res = build_resolution(rows, list(judgements), designations)
    by_entity: dict[str, set[str]] = {}
    for (doc, local), eid in res.members.items():
        by_entity.setdefault(eid, set()).add(f"{doc}/{local}")
    return sorted(by_entity.values(), key=sorted)


def judgement(kind: str, a: str, b: str | None = None) -> Judgement:
    return Judgement(f"j-{kind}-{a}-{b}", kind, a, b, "", "2025-01-01T00:00:00")


def test_core_key_strips_legal_forms_at_either_end() -> None:
    assert core_key("TSK Vektor, OOO") == "tsk vektor"
    assert core_key("OOO TSK Vektor") == "tsk vektor"
    assert core_key("Xiamen Limbach Aircraft Engine Co., Ltd.") == "xiamen limbach aircraft engine"
    assert core_key("Joint Stock Company Izhevsk Plant") == "izhevsk plant"
    assert core_key("LLC") == "llc"  # never stripped down to nothing


def test_short_forms_leave_out_generic_words() -> None:
    forms = short_forms("redlepus vector industry shenzhen")
    assert "redlepus" in forms and "redlepus vector" in forms
    assert "shenzhen" not in forms and "industry shenzhen" not in forms


def test_names_and_legal_forms_join_across_documents() -> None:
    rows = [
        row("d1", "e1", "TSK Vektor, OOO"),
        row("d2", "e1", "OOO TSK Vektor"),
        row("d3", "e4", "TSK Vektor LLC"),
        row("d3", "e5", "Sichuan", "Location"),
        row("d2", "e2", "Sichuan AEE"),
    ]
    assert groups(rows) == [{"d1/e1", "d2/e1", "d3/e4"}, {"d2/e2"}, {"d3/e5"}]


def test_short_form_joins_only_when_unambiguous() -> None:
    rows = [
        row("d1", "e1", "IEMZ Kupol"),
        row("d2", "e1", "Kupol"),
        row("d1", "e2", "TSK Vektor"),
        row("d2", "e2", "AO NII Vektor"),
        row("d3", "e1", "Vektor"),
    ]
    found = groups(rows)
    assert {"d1/e1", "d2/e1"} in found
    assert {"d3/e1"} in found  # "Vektor" could be either company: left alone


def test_a_long_name_never_collapses_into_a_shorter_company() -> None:
    rows = [
        row("d1", "e1", "Hunan Haotianyi Aviation Technology"),
        row("d2", "e1", "Haotianyi Trading House Group"),
    ]
    assert len(groups(rows)) == 2


def test_mistyped_actor_joins_on_its_full_name_only() -> None:
    rows = [
        row("d1", "e1", "Hunan Haotianyi", "Person"),
        row("d2", "e1", "Hunan Haotianyi"),
        row("d3", "e1", "Hong Kong", "Location"),
        row("d4", "e1", "Hong Kong"),
    ]
    res = build_resolution(rows, [])
    assert len({res.members[("d1", "e1")], res.members[("d2", "e1")]}) == 1
    assert len({res.members[("d3", "e1")], res.members[("d4", "e1")]}) == 2
    types = {e.name: e.type for e in res.entities}
    assert types["Hunan Haotianyi"] == "Organization"  # an even split prefers Organization


def test_same_designation_joins_and_different_designations_never_merge() -> None:
    rows = [
        row("d1", "e1", "Izhevsk Electromechanical Plant"),
        row("d2", "e1", "IEMZ Kupol"),
        row("d3", "e1", "Vektor"),
        row("d4", "e1", "Vektor"),
    ]
    designations = {
        ("d1", "e1"): {"ofac:46431"},
        ("d2", "e1"): {"ofac:46431"},
        ("d3", "e1"): {"ofac:46441"},
        ("d4", "e1"): {"ofac:35156"},
    }
    found = groups(rows, designations=designations)
    assert {"d1/e1", "d2/e1"} in found
    assert {"d3/e1"} in found and {"d4/e1"} in found
    res = build_resolution(rows, [], designations)
    assert len({res.members[("d3", "e1")], res.members[("d4", "e1")]}) == 2  # distinct ids


def test_merge_and_split_by_reference_survive_new_documents() -> None:
    rows = [row("d1", "e1", "Izhevsk Electromechanical Plant"), row("d2", "e1", "IEMZ Kupol")]
    merge = judgement(
        "merge", "Organization:izhevsk electromechanical plant", "Organization:iemz kupol"
    )
    assert len(groups(rows, [merge])) == 1
    # a later report names the plant again: the merge still holds, and takes it in
    rows.append(row("d3", "e7", "Izhevsk Electromechanical Plant", "Organization", "the plant"))
    assert groups(rows, [merge]) == [{"d1/e1", "d2/e1", "d3/e7"}]

    joined = [row("d1", "e1", "IEMZ Kupol", "Organization", "Kupol"), row("d2", "e3", "Kupol")]
    assert len(groups(joined)) == 1
    split = judgement("split", "Organization:iemz kupol")
    assert groups(joined, [split]) == [{"d1/e1"}, {"d2/e3"}]
    joined.append(row("d4", "e1", "Kupol"))  # same name as one part: joins that part only
    assert groups(joined, [split]) == [{"d1/e1"}, {"d2/e3", "d4/e1"}]
    # a merge made after the split brings the parts back together
    again = judgement("merge", "Organization:kupol", "Organization:iemz kupol")
    assert len(groups(joined, [split, again])) == 1


def test_judgement_by_entity_id_still_applies() -> None:
    rows = [row("d1", "e1", "Alpha Trade"), row("d2", "e1", "Beta Trade")]
    res = build_resolution(rows, [])
    a, b = res.members[("d1", "e1")], res.members[("d2", "e1")]
    assert len(groups(rows, [judgement("merge", a, b)])) == 1


def test_resolution_is_deterministic_and_names_the_cluster_by_its_proper_name() -> None:
    rows = [row("d2", "e1", "Kupol"), row("d1", "e1", "IEMZ Kupol", "Organization", "Kupol")]
    one = build_resolution(rows, [])
    two = build_resolution(list(reversed(rows)), [])
    assert one == two
    (entity,) = one.entities
    assert entity.name == "IEMZ Kupol" and entity.documents == 2 and "Kupol" in entity.aliases


def _mixed_rows(n: int) -> list[DocEntityRow]:
    """n document entities that exercise every rule: full names with legal forms, proper
    aliases, short forms that join one firm, short forms shared by two firms (ambiguous),
    mistyped actors and unnamed groups."""
    out = []
    for i in range(n):
        firm, doc = i // 4, f"d{i % 500}"
        kind = i % 4
        if kind == 0:
            out.append(row(doc, f"e{i}", f"Vostok {firm} Trading LLC", "Organization"))
        elif kind == 1:
            out.append(row(doc, f"e{i}", f"OOO Vostok {firm} Trading", "Person", f"VT{firm}"))
        elif kind == 2:  # a short form: joins its one firm, or is shared by two
            out.append(row(doc, f"e{i}", f"Vostok {firm // 2 * 2}", "Organization"))
        else:
            out.append(row(doc, f"e{i}", f"{firm % 7} Vostok {firm} engineers", "Group"))
    return out


def test_resolution_does_a_bounded_number_of_cluster_lookups_per_row(monkeypatch) -> None:
    """Blocking by key: every rule is a dictionary lookup, so the union-find is asked a
    bounded number of times per document entity; four times the rows means four times the
    lookups, where any pairwise comparison would mean sixteen. (Timings are printed by
    ``benchmarks/network.py``, not asserted here.)"""
    calls = {"find": 0}

    class Counting(cluster._Clusters):
        def find(self, x: int) -> int:
            calls["find"] += 1
            return super().find(x)

    monkeypatch.setattr(cluster, "_Clusters", Counting)

    def lookups(n: int) -> int:
        calls["find"] = 0
        res = build_resolution(_mixed_rows(n), [])
        assert n // 4 < len(res.entities) < n  # rules did join rows, and not everything
        return calls["find"]

    small, large = lookups(1_000), lookups(4_000)
    assert large <= 4.2 * small, (small, large)
    assert large <= 12 * 4_000, large  # a handful per row


def test_unnamed_groups_join_on_any_description_but_never_by_short_form() -> None:
    rows = [
        row("d1", "e1", "Chinese drone experts", "Group", "Chinese experts", "Chinese specialists"),
        row("d2", "e4", "Chinese experts", "Group"),
        row("d1", "e2", "two European security officials", "Group"),
        row("d2", "e5", "European security officials", "Group"),
        row("d3", "e1", "experts", "Group"),
    ]
    assert groups(rows) == [{"d1/e1", "d2/e4"}, {"d1/e2", "d2/e5"}, {"d3/e1"}]
