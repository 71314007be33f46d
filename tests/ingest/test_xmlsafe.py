"""sanctrace.xmlsafe: refuse DOCTYPE/ENTITY before parsing, parse and stream otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctrace import xmlsafe
from sanctrace.errors import HostileInputError, IngestError, ListFormatError


def test_parse_plain_xml() -> None:
    tree = xmlsafe.parse(b'<?xml version="1.0"?><!-- list --><list><e id="1">A</e></list>')
    assert tree.getroot().tag == "list"
    assert tree.getroot()[0].get("id") == "1"


@pytest.mark.parametrize("name", ["bomb.rss", "xxe.rss"])
def test_parse_refuses_declarations(fixtures: Path, name: str) -> None:
    with pytest.raises(HostileInputError, match="ENTITY") as info:
        xmlsafe.parse((fixtures / name).read_bytes(), source=name)
    assert info.value.source == name


def test_external_doctype_is_refused() -> None:
    data = b'<?xml version="1.0"?><!DOCTYPE list SYSTEM "http://example.org/list.dtd"><list/>'
    with pytest.raises(HostileInputError, match="a DOCTYPE"):
        xmlsafe.parse(data)


def test_malformed_xml_raises_the_callers_error() -> None:
    with pytest.raises(ListFormatError, match="not well-formed XML") as info:
        xmlsafe.parse(b"<list><e></list>", source="sdn.xml", error=ListFormatError)
    assert info.value.source == "sdn.xml"
    with pytest.raises(IngestError):
        xmlsafe.parse(b"<list><e></list>")


def test_iterparse_streams_and_refuses(tmp_path: Path, fixtures: Path) -> None:
    path = tmp_path / "list.xml"
    path.write_text("<list>" + "".join(f"<e n='{i}'/>" for i in range(50)) + "</list>")
    seen = [el.get("n") for _, el in xmlsafe.iterparse(path, tag="e")]
    assert seen == [str(i) for i in range(50)]
    with pytest.raises(HostileInputError):
        list(xmlsafe.iterparse(fixtures / "bomb.rss"))
    with open(fixtures / "xxe.rss", "rb") as handle, pytest.raises(HostileInputError):
        list(xmlsafe.iterparse(handle))


def test_iterparse_malformed(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<list><e/><e></list>")
    with pytest.raises(ListFormatError, match="not well-formed XML"):
        list(xmlsafe.iterparse(path, error=ListFormatError))


def test_read_prolog() -> None:
    assert xmlsafe.read_prolog(b"  <?xml version='1.0'?>\n<!-- c --><rss/>") == (None, "rss")
    assert xmlsafe.read_prolog(b"plain text") == (None, None)
    prolog = xmlsafe.read_prolog(b'<!DOCTYPE a [<!ENTITY b "c">]><a/>')
    assert prolog.root == "a" and prolog.doctype is not None and "<!ENTITY" in prolog.doctype
