"""Short forms of long company names: a later opening of the name is the company, a city
inside the name is still the city, and a city used as the firm's short name joins it."""

from __future__ import annotations


def _entity(out: dict, name: str) -> dict | None:
    return out["by_name"].get(name)


def test_city_in_a_company_name_is_not_its_alias(extract_text):
    out = extract_text(
        "Customs data show a gearbox maker in Ningbo shipped parts to Russia. "
        "Ningbo Torvald Precision Machinery Co., Ltd. sold the gearboxes to Orlen Tekh LLC."
    )
    firm = _entity(out, "Ningbo Torvald Precision Machinery Co., Ltd.")
    assert firm is not None and firm["type"] == "Organization"
    assert "Ningbo" not in firm["aliases"]
    place = _entity(out, "Ningbo")
    assert place is not None and place["type"] == "Location"


def test_prefix_short_form_joins_the_company(extract_text):
    out = extract_text(
        "Ningbo Torvald Precision Machinery Co., Ltd. sold gearboxes to Orlen Tekh LLC in 2023. "
        "Both Ningbo Torvald and Orlen Tekh were designated in May."
    )
    firm = _entity(out, "Ningbo Torvald Precision Machinery Co., Ltd.")
    assert firm is not None and "Ningbo Torvald" in firm["aliases"]
    assert _entity(out, "Ningbo Torvald") is None


def test_place_pair_is_not_a_short_form(extract_text):
    # near miss: a later "Ningbo, China" is the city even though the firm's name opens with it
    out = extract_text(
        "Ningbo Torvald Precision Machinery Co., Ltd. sold gearboxes to Orlen Tekh LLC. "
        "The gearboxes left a warehouse in Ningbo, China, in March."
    )
    firm = _entity(out, "Ningbo Torvald Precision Machinery Co., Ltd.")
    assert firm is not None and "Ningbo" not in firm["aliases"]
    assert _entity(out, "Ningbo") is not None


def test_city_used_as_the_firms_short_name_joins_it(extract_text):
    # near miss the other way: "Xingtai built ..." names the firm, not the city
    out = extract_text(
        "Hanmor Optics is a subsidiary of Xingtai Aerospace Group, a satellite maker. "
        "Xingtai built the HS-9 satellites and launched the first two in 2021."
    )
    firm = _entity(out, "Xingtai Aerospace Group")
    assert firm is not None and "Xingtai" in firm["aliases"]
