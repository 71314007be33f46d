"""OpenSanctions FollowTheMoney entity files (JSON lines).

A designation is a *target* entity (``"target": true``, or referenced by a ``Sanction``)
with the programmes, authorities, dates and reasons of the Sanction entities that point
at it. Other entities (addresses, ownerships) only lend addresses. Kept lean while
streaming: Sanction facts and target properties, not whole entities.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sanctrace.errors import ListFormatError
from sanctrace.model import Designation
from sanctrace.screen.lists.common import add_identifier, country_code, parse_date, unique

NAME_PROPS = ("name", "alias", "previousName", "weakAlias", "abbreviation")
COUNTRY_PROPS = ("country", "nationality", "jurisdiction", "citizenship", "mainCountry", "flag")
IDENTIFIER_PROPS = {
    "innCode": "inn", "ogrnCode": "ogrn", "kppCode": "kpp", "okpoCode": "okpo",
    "leiCode": "lei", "swiftBic": "swift", "registrationNumber": "registration",
    "taxNumber": "tax_id", "idNumber": "id_number", "imoNumber": "imo",
    "passportNumber": "passport", "website": "website", "email": "email",
}
TARGET_SCHEMAS = {"Person", "Organization", "Company", "LegalEntity", "PublicBody",
                  "Vessel", "Airplane"}


def _entities(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        handle = open(path, encoding="utf-8")
    except OSError as exc:
        raise ListFormatError(f"cannot read: {exc}", source=str(path)) from exc
    with handle:
        line = 0
        try:
            for line, text in enumerate(handle, start=1):
                if not text.strip():
                    continue
                try:
                    entity = json.loads(text)
                except json.JSONDecodeError as exc:
                    raise ListFormatError(
                        f"line {line}: not a JSON object ({exc.msg}); is the file truncated?",
                        source=str(path),
                    ) from exc
                if not isinstance(entity, dict) or "schema" not in entity or "id" not in entity:
                    raise ListFormatError(f"line {line}: not a FollowTheMoney entity",
                                          source=str(path))
                yield line, entity
        except UnicodeDecodeError as exc:
            raise ListFormatError(f"line {line + 1}: not UTF-8 ({exc.reason})",
                                  source=str(path)) from exc


def read_ftm(path: Path) -> Iterator[Designation]:
    sanctions: dict[str, list[dict[str, list[str]]]] = {}
    targets: dict[str, tuple[str, dict[str, list[str]]]] = {}
    addresses: dict[str, str] = {}
    for _line, entity in _entities(path):
        schema = entity["schema"]
        props: dict[str, list[str]] = entity.get("properties") or {}
        if schema == "Sanction":
            for target in props.get("entity", []):
                sanctions.setdefault(target, []).append(props)
        elif schema == "Address":
            full = props.get("full") or [entity.get("caption") or ""]
            addresses[entity["id"]] = full[0]
        elif schema in TARGET_SCHEMAS:
            keep = {k: v for k, v in props.items()
                    if k in NAME_PROPS or k in COUNTRY_PROPS or k in IDENTIFIER_PROPS
                    or k in ("addressEntity", "address", "sourceUrl", "topics", "notes")}
            keep["_target"] = ["1"] if entity.get("target") else []
            keep["_caption"] = [entity.get("caption") or ""]
            targets[entity["id"]] = (schema, keep)
    for entity_id, (schema, props) in targets.items():
        facts = sanctions.get(entity_id, [])
        if not facts and not props["_target"]:
            continue
        names = unique(v for p in NAME_PROPS for v in props.get(p, []))
        caption = props["_caption"][0] or (names[0] if names else "")
        if not caption:
            continue
        programs = unique(v for f in facts for v in f.get("programId", []) or f.get("program", []))
        listed = sorted(d for f in facts for d in f.get("listingDate", []) + f.get("startDate", []))
        designation = Designation(
            list="opensanctions",
            list_id=entity_id,
            name=caption,
            schema=schema,
            authority="; ".join(unique(v for f in facts for v in f.get("authority", []))),
            programs=programs,
            aliases=[n for n in names if n != caption],
            countries=unique(c for p in COUNTRY_PROPS for v in props.get(p, [])
                             if (c := country_code(v))),
            addresses=unique([*props.get("address", []),
                              *(addresses.get(a, "") for a in props.get("addressEntity", []))]),
            listed_on=parse_date(listed[0][:10]) if listed else None,
            reasons="\n".join(unique(v for f in facts for v in f.get("reason", []))) or None,
        )
        for url in unique(v for f in facts for v in f.get("sourceUrl", [])):
            add_identifier(designation.identifiers, "source_url", url)
        for prop, key in IDENTIFIER_PROPS.items():
            for value in props.get(prop, []):
                add_identifier(designation.identifiers, key, value)
        yield designation
