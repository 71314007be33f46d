"""Turning model records into storable JSON and back, shared by every backend."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sanctrace.model import Designation


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def from_iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def dump_list(values: list[Any]) -> str:
    return json.dumps(values, ensure_ascii=False)


def load_list(raw: str | None) -> list[Any]:
    return json.loads(raw) if raw else []


def designation_to_json(d: Designation) -> str:
    """Everything but the key columns, compact; sorted keys so equal records compare equal."""
    payload = {
        "authority": d.authority,
        "programs": d.programs,
        "aliases": d.aliases,
        "countries": d.countries,
        "addresses": d.addresses,
        "identifiers": d.identifiers,
        "listed_on": iso(d.listed_on),
        "reasons": d.reasons,
        "links": d.links,
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True)


def designation_from_row(
    list_key: str, list_id: str, name: str, schema: str, data: str
) -> Designation:
    payload = json.loads(data)
    return Designation(
        list=list_key,
        list_id=list_id,
        name=name,
        schema=schema,
        authority=payload.get("authority", ""),
        programs=payload.get("programs", []),
        aliases=payload.get("aliases", []),
        countries=payload.get("countries", []),
        addresses=payload.get("addresses", []),
        identifiers=payload.get("identifiers", {}),
        listed_on=from_iso(payload.get("listed_on")),
        reasons=payload.get("reasons"),
        links=payload.get("links", []),
    )
