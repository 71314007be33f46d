"""An indefinite description ("a trading firm in Ningbo") becomes an alias of a later-named
firm only when the text ties it there; a firm placed elsewhere, or two firms that fit
equally, leave it unattached."""

from __future__ import annotations


def _aliases(out: dict, name: str) -> list[str]:
    return out["by_name"][name]["aliases"]


def test_description_placed_in_another_city_is_not_an_alias(extract_text):
    out = extract_text(
        "Two companies stood out: an engine manufacturer in Ningbo and a trading firm in "
        "Guangzhou that sat between that manufacturer and the drone industry.\n\n"
        "Officials said Ningbo Torvald Precision Co., Ltd. had supplied engines to Halvex "
        "Import Guangzhou Co., Ltd. Halvex passed them to Orlen Tekh, a Russian procurement "
        "company, for drones built by Kordan Avia in Kazan. Kordan Avia, a weapons "
        "manufacturer, assembles the drones."
    )
    assert not any("engine manufacturer" in a for a in _aliases(out, "Kordan Avia"))
    assert not any("trading firm" in a for a in _aliases(out, "Orlen Tekh"))
    assert "Russian procurement company" in _aliases(out, "Orlen Tekh")


def test_description_named_by_a_later_sentence_is_kept(extract_text):
    out = extract_text(
        "A weapons manufacturer in Kazan has bought German lathes. "
        "Records show arms maker Kordan Dynamics of Kazan paid for them through a broker."
    )
    assert "weapons manufacturer" in _aliases(out, "Kordan Dynamics")


def test_two_fitting_firms_leave_the_description_unattached(extract_text):
    out = extract_text(
        "A weapons manufacturer has bought German lathes. Records show arms maker Kordan "
        "Dynamics and arms maker Velsk Dynamics each paid for lathes through a Dubai broker."
    )
    for name in ("Kordan Dynamics", "Velsk Dynamics"):
        assert "weapons manufacturer" not in _aliases(out, name)
