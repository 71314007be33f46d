"""FollowTheMoney export: every entity valid for followthemoney, links carry evidence."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from followthemoney import model

from api.sample import IMG_NAME, SCRIPT_NAME
from sanctrace.export import write_ftm
from sanctrace.export.ftm import country_code
from sanctrace.store import Store


def _export(store: Store) -> list[dict]:
    buffer = io.StringIO()
    count = write_ftm(store, buffer)
    lines = buffer.getvalue().splitlines()
    assert len(lines) == count
    return [json.loads(line) for line in lines]


def test_every_entity_is_valid_followthemoney(store: Store) -> None:
    data = _export(store)
    ids = {d["id"] for d in data}
    assert len(ids) == len(data), "ids are unique"
    for item in data:
        proxy = model.get_proxy(item, cleaned=False)
        assert not proxy.schema.abstract, item
        for prop in proxy.schema.required:
            assert proxy.get(prop), f"{item['schema']} {item['id']} lacks required {prop}"
        for prop in proxy.iterprops():
            assert prop.name in item["properties"]
            if prop.type.name == "entity":  # every reference points inside the export
                for ref in proxy.get(prop):
                    assert ref in ids, f"{item['id']}.{prop.name} -> {ref} is dangling"
        # cleaning changes nothing: every value was already valid for its type
        assert model.get_proxy(item, cleaned=False).to_dict() == model.get_proxy(item).to_dict()


def test_ftm_cli_validates_the_file(store: Store, out: Path) -> None:
    path = out / "export.ftm.json"
    with path.open("w") as f:
        write_ftm(store, f)
    ftm = Path(sys.executable).with_name("ftm")
    result = subprocess.run(
        [str(ftm), "validate", "-i", str(path), "-o", str(out / "checked.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len((out / "checked.json").read_text().splitlines()) == len(
        path.read_text().splitlines()
    )


def test_schemata_sanctions_links_and_documents(store: Store) -> None:
    data = _export(store)
    by_schema: dict[str, list[dict]] = {}
    for d in data:
        by_schema.setdefault(d["schema"], []).append(d)
    names = {d["properties"]["name"][0]: d for d in data if "name" in d["properties"]}
    assert names["Ivan Petrov"]["schema"] == "Person"
    assert names["thermal lenses"]["schema"] == "Asset"
    assert names[SCRIPT_NAME]["schema"] == "Organization"  # literal, as data
    tula = names["Tula Armour"]
    assert tula["properties"]["topics"] == ["sanction"]

    (sanction,) = by_schema["Sanction"]
    props = sanction["properties"]
    assert props["entity"] == [tula["id"]]
    assert props["authority"] == ["OFAC"] and props["program"] == ["RUSSIA-EO14024"]
    assert props["listingDate"] == ["2023-05-19"]
    assert props["sourceUrl"] == ["https://example.org/ofac/90001"]

    (directorship,) = by_schema["Directorship"]
    assert directorship["properties"]["director"] == [names["Ivan Petrov"]["id"]]
    assert directorship["properties"]["organization"] == [names["Minsk Trade LLC"]["id"]]
    assert directorship["properties"]["summary"] == [
        "Ivan Petrov is the director of Minsk Trade LLC."
    ]

    links = by_schema["UnknownLink"]
    roles = sorted(link["properties"]["role"][0] for link in links)
    assert roles == [
        "not supplied",
        "supplied",
        "supplied",
        "supplied",
        "supplied (from intermediary)",
        "supplied (to intermediary)",
    ]
    denied = next(link for link in links if link["properties"]["role"] == ["not supplied"])
    assert denied["properties"]["subject"] == [names[IMG_NAME]["id"]]
    assert "negated" in denied["properties"]["description"][0]
    via = next(link for link in links if "via Minsk" in link["properties"]["description"][0])
    assert via["properties"]["startDate"] == ["2024-01-01"]
    assert "according to customs records" in via["properties"]["description"][0]

    articles = {a["properties"]["title"][0]: a for a in by_schema["Article"]}
    assert set(articles) == {"Optics for the front", "Lenses keep flowing"}
    assert via["properties"]["proof"] == [articles["Optics for the front"]["id"]]
    documented = {
        (d["properties"]["document"][0], d["properties"]["entity"][0])
        for d in by_schema["Documentation"]
    }
    assert (articles["Lenses keep flowing"]["id"], names[IMG_NAME]["id"]) in documented
    assert len(documented) == 10  # each report documents every entity it mentions: 6 + 4


def test_export_is_deterministic(store: Store) -> None:
    assert _export(store) == _export(store)


def test_country_code_only_for_country_names() -> None:
    assert country_code("Russia") == "ru"
    assert country_code("the United States") == "us"
    assert country_code("Russian Federation") == "ru"
    assert country_code("Hong Kong SAR") == "hk"
    assert country_code("Minsk") is None  # a city: rigour knows its country, but it is a place
    assert country_code("Moscow") is None
    assert country_code("Volga Optics") is None
