"""Malformed and hostile list files are refused quickly, and the loaded version survives."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from sanctrace.cli.app import main
from sanctrace.errors import ListFormatError
from sanctrace.screen.lists import read_lists
from sanctrace.store import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "lists"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lists"

XXE = """<?xml version="1.0"?>
<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID><FIRST_NAME>&x;</FIRST_NAME>
<REFERENCE_NUMBER>X.1</REFERENCE_NUMBER></ENTITY></ENTITIES></CONSOLIDATED_LIST>
"""
LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<sdnList><sdnEntry><uid>1</uid><lastName>&lol4;</lastName></sdnEntry></sdnList>
"""


def refused(path: Path) -> ListFormatError:
    started = time.perf_counter()
    with pytest.raises(ListFormatError) as caught:
        read_lists([path])
    assert time.perf_counter() - started < 15  # seconds, on a busy 2-core CI machine
    assert str(path) in str(caught.value)
    return caught.value


def test_xxe_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "un.xml"
    path.write_text(XXE)
    assert "DOCTYPE" in str(refused(path)) or "ENTITY" in str(refused(path))


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sdn.xml"
    path.write_text(LAUGHS)
    refused(path)


def test_truncated_ofac_csv_names_the_line(tmp_path: Path) -> None:
    data = (EXAMPLES / "sdn_extract.csv").read_bytes()
    path = tmp_path / "SDN.CSV"
    cut = data.index(b"KUPOL") + 3  # inside a quoted field
    path.write_bytes(data[:cut])
    error = refused(path)
    assert "line" in str(error)


def test_truncated_xml_is_refused(tmp_path: Path) -> None:
    source = FIXTURES / "sdn_small.xml"
    path = tmp_path / "sdn.xml"
    path.write_bytes(source.read_bytes()[:1500])
    refused(path)


def test_truncated_xlsx_is_refused(tmp_path: Path) -> None:
    source = FIXTURES / "ofsi_conlist_extract.xlsx"
    path = tmp_path / "conlist.xlsx"
    path.write_bytes(source.read_bytes()[:4000])
    refused(path)


def test_wrong_encoding_names_the_line(tmp_path: Path) -> None:
    text = (EXAMPLES / "ofsi_conlist_extract.csv").read_text("utf-8")
    path = tmp_path / "conlist.csv"
    path.write_bytes(text.replace("ВЕКТОР", "VÉKTOR").encode("latin-1", errors="replace"))
    error = refused(path)
    assert "not UTF-8" in str(error) and "line" in str(error)


def test_bad_file_leaves_loaded_list_intact(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "t.db")
    assert main(["lists", "load", str(EXAMPLES / "sdn_extract.csv"), "--db", db, "--json"]) == 0
    with open_store(db) as store:
        before = store.lists()
        count = sum(1 for _ in store.designations("ofac"))
    bad = tmp_path / "SDN.CSV"
    bad.write_bytes((EXAMPLES / "sdn_extract.csv").read_bytes()[:5000])
    capsys.readouterr()
    assert main(["lists", "load", str(bad), "--db", db]) == 2
    err = capsys.readouterr().err
    assert "SDN.CSV" in err and "Traceback" not in err
    with open_store(db) as store:
        assert [m.sha256 for m in store.lists()] == [m.sha256 for m in before]
        assert sum(1 for _ in store.designations("ofac")) == count == 221
