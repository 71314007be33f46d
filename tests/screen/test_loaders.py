"""Each loader on real list files (../shared) and on our own small fixtures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sanctrace.screen.lists import detect_format, read_file, read_lists

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lists"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "lists"


def by_id(item) -> dict:
    return {d.list_id: d for d in item.designations}


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("ofac/sdn_2024-05-03.csv", "ofac-sdn-csv"),
        ("ofac/alt_2026-06.csv", "ofac-alt-csv"),
        ("ofac/add_2026-06.csv", "ofac-add-csv"),
        ("ofac/ofac-sdn-names_2026-08-20.csv", "ofac-names-csv"),
        ("eu/eu_reg_269-2014_annexI_consolidated_2026-07-17.csv", "eu-journal-csv"),
        ("uk/ofsi_conlist_2025-04-10.csv", "uk-conlist-csv"),
        ("uk/ofsi_conlist_2025-04-10.xlsx", "uk-conlist-xlsx"),
        ("un/un_consolidated_2026-02-27.xml", "un-xml"),
        ("opensanctions/zala_entities.ftm.json", "ftm-json"),
    ],
)
def test_detect_format_of_real_files(sanctions: Path, relative: str, expected: str) -> None:
    assert detect_format(sanctions / relative) == expected


def test_detect_format_of_fixtures() -> None:
    assert detect_format(FIXTURES / "sdn_small.xml") == "ofac-sdn-xml"
    assert detect_format(FIXTURES / "fsf_small.xml") == "eu-fsf-xml"
    assert detect_format(FIXTURES / "ofsi_conlist_extract.xlsx") == "uk-conlist-xlsx"


def test_ofac_csv_joins_alt_add_and_reads_remarks(real_lists: dict) -> None:
    ofac = by_id(real_lists["ofac"])
    kupol = ofac["46431"]
    assert kupol.name == "JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL"
    assert kupol.programs == ["RUSSIA-EO14024"]
    assert "JSC IEMZ KUPOL" in kupol.aliases  # from ALT.CSV
    assert kupol.identifiers["inn"] == ["1831083343"]
    assert kupol.identifiers["ogrn"] == ["1021801143374"]
    assert any("Izhevsk" in a for a in kupol.addresses)  # from ADD.CSV
    assert kupol.countries == ["ru"]
    vektor = ofac["46441"]
    assert vektor.links == ["JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL"]
    assert ofac["306"].aliases == ["BNC", "NATIONAL BANK OF CUBA"]  # remarks a.k.a. + ALT
    assert real_lists["ofac"].meta.count == 14965


def test_ofac_names_csv(sanctions: Path) -> None:
    parsed = read_file(sanctions / "ofac" / "ofac-sdn-names_2026-08-20.csv")
    kupol = by_id(parsed)["46431"]
    assert kupol.programs == ["UKRAINE-EO13662", "RUSSIA-EO14024"]
    assert "AO IEMZ KUPOL" in kupol.aliases
    assert len(parsed.designations) == 19249


def test_eu_annex_csv(real_lists: dict) -> None:
    eu = by_id(real_lists["eu"])
    kupol = eu["32014R0269:I.ENTITIES:141"]
    assert kupol.listed_on == date(2022, 12, 16)
    assert "ИЖЕВСКИЙ ЭЛЕКТРОМЕХАНИЧЕСКИЙ ЗАВОД ‘КУПОЛ’" in kupol.aliases
    assert kupol.countries == ["ru"]
    aee = eu["32014R0269:I.ENTITIES:758"]
    assert aee.name == "Sichuan AEE"
    assert "Text of image" not in aee.aliases and "AEE" in aee.aliases
    assert "Shenzhen Yidian Aviation Technology Co., Ltd." in aee.aliases
    assert eu["32014R0833:IV:791"].programs == ["EU-RUS"]
    # "Name (Кириллица)" cells give both parts; "(Shenzhen)" stays part of the name
    aksyonov = eu["32014R0269:I.PERSONS:1"]
    assert "Сергей Валерьевич АКСЁНОВ" in aksyonov.aliases
    redlepus = eu["32014R0269:I.ENTITIES:504"]
    assert "Shenzhen" not in redlepus.aliases


def test_uk_conlist_groups_name_rows(real_lists: dict) -> None:
    vektor = by_id(real_lists["uk"])["16667"]
    assert vektor.name == "TSK VEKTOR"
    assert set(vektor.aliases) == {
        "LLC TSK VEKTOR", "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU TSK VEKTOR", "ВЕКТОР"
    }
    assert vektor.identifiers["ogrn"] == ["1153850042246"]
    assert vektor.listed_on == date(2024, 11, 7)
    assert real_lists["uk"].meta.published == date(2025, 4, 10)
    assert real_lists["uk"].meta.count == 4686


def test_uk_xlsx_reads_like_csv() -> None:
    xlsx = by_id(read_file(FIXTURES / "ofsi_conlist_extract.xlsx"))
    csv = by_id(read_file(EXAMPLES / "ofsi_conlist_extract.csv"))
    assert xlsx.keys() == csv.keys() and "16667" in xlsx
    assert xlsx["16667"] == csv["16667"]


def test_un_xml(real_lists: dict) -> None:
    adf = by_id(real_lists["un"])["CDe.001"]
    assert adf.name == "ADF" and "Allied Democratic Forces" in adf.aliases
    assert adf.countries == ["cd"] and adf.programs == ["DRC"]
    assert real_lists["un"].meta.count == 1003


def test_ftm_sanctions_join_targets(real_lists: dict) -> None:
    os_ = real_lists["opensanctions"]
    cst = by_id(os_)["NK-abdzbEBkqyT29GyREbiURZ"]
    assert "EU-UKR" in cst.programs and "AU-RUSSIA" in cst.programs
    assert "Zala Aero" in cst.aliases or any("ZALA" in a.upper() for a in cst.aliases)
    assert all(d.schema != "Sanction" for d in os_.designations)


def test_ofac_sdn_xml_fixture() -> None:
    parsed = read_file(FIXTURES / "sdn_small.xml")
    assert parsed.published == date(2026, 8, 20)
    items = by_id(parsed)
    assert items["46431"].identifiers["inn"] == ["1831083343"]
    assert "AO IEMZ KUPOL" in items["46431"].aliases
    assert items["51211"].schema == "Person" and items["51211"].name == (
        "YAMSHCHIKOV, Artem Mikhailovich"
    )
    assert items["46441"].links == ["JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL"]


def test_eu_fsf_xml_fixture() -> None:
    parsed = read_file(FIXTURES / "fsf_small.xml")
    items = by_id(parsed)
    company = items["EU.9001.01"]
    assert company.aliases == ["ООО Нордветр Авионика"]
    assert company.programs == ["UKR"] and company.listed_on == date(2025, 5, 20)
    assert company.identifiers["ogrn"] == ["7700000000001"]
    assert items["EU.9002.02"].schema == "Person"


def test_example_extract_finds_its_sidecars() -> None:
    [loaded] = read_lists([EXAMPLES / "sdn_extract.csv"])
    kupol = by_id(loaded)["46431"]
    assert "JSC IEMZ KUPOL" in kupol.aliases
    assert kupol.addresses
    assert loaded.meta.key == "ofac"


def test_ofac_enhanced_xml_fixture() -> None:
    assert detect_format(FIXTURES / "sdn_enhanced_small.xml") == "ofac-enhanced-xml"
    parsed = read_file(FIXTURES / "sdn_enhanced_small.xml")
    assert parsed.published == date(2026, 8, 20)
    items = by_id(parsed)
    vektor = items["46441"]
    assert vektor.name == "TSK VEKTOR, OOO"
    assert vektor.aliases == ["OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU TSK VEKTOR",
                              "ООО ТСК ВЕКТОР"]
    assert vektor.identifiers["inn"] == ["3849055365"]
    assert vektor.links == ["JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL"]
    assert vektor.countries == ["ru"] and "Irkutsk" in vektor.addresses[0]
    person = items["51211"]
    assert person.schema == "Person" and person.countries == ["ru"]
