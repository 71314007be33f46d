"""Writes, each behind the bearer token: ingest, merge, split, and loading a list.

Uploaded files are streamed to a private temporary folder (refusing anything larger
than SANCTRACE_MAX_BYTES) and read by the same pipeline as ``sanctrace ingest``.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from starlette.concurrency import run_in_threadpool

from sanctrace.api import schemas
from sanctrace.api.deps import request_store
from sanctrace.api.security import require_write
from sanctrace.cli.browse import find_entity
from sanctrace.errors import InputError, TooLargeError
from sanctrace.pipeline import ingest_sources
from sanctrace.resolve import entity_ref, resolve
from sanctrace.settings import get_settings
from sanctrace.store import Store
from sanctrace.views import entity_view, judgement_view

router = APIRouter(prefix="/api", tags=["write"], dependencies=[Depends(require_write)])

_CHUNK = 1 << 16


def _safe_name(name: str | None, index: int) -> str:
    """The upload's base name with anything but word characters, dots and dashes replaced."""
    base = Path(name or "").name
    base = re.sub(r"[^\w.\-]+", "_", base).lstrip(".")
    return base or f"upload-{index}"


async def save_uploads(files: list[UploadFile], folder: Path, flat: bool = False) -> list[str]:
    """Stream each upload into ``folder``; TooLargeError past the size limit.

    Each file gets its own subfolder so equal names cannot collide, unless ``flat``:
    list files keep their names side by side (an SDN.CSV finds its ALT/ADD files).
    """
    limit = get_settings().max_bytes
    paths: list[str] = []
    for index, upload in enumerate(files):
        name = _safe_name(upload.filename, index)
        target = folder / name if flat else folder / f"{index:03d}" / name
        if target.exists():
            raise InputError("two uploaded files have the same name", source=name)
        target.parent.mkdir(exist_ok=True)
        size = 0
        with target.open("wb") as out:
            while chunk := await upload.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise TooLargeError(
                        f"upload is larger than SANCTRACE_MAX_BYTES ({limit} bytes)",
                        source=upload.filename or target.name,
                    )
                out.write(chunk)
        paths.append(str(target))
    return paths


@router.post("/ingest", response_model=schemas.IngestResult)
async def ingest(
    request: Request,
    files: Annotated[list[UploadFile] | None, File(description="report files")] = None,
    urls: Annotated[list[str] | None, Form(description="http(s) URLs of pages or feeds")] = None,
    published: Annotated[str | None, Form(description="date for undated reports")] = None,
) -> dict[str, Any]:
    """Read, extract and store uploaded reports and/or URLs, as `sanctrace ingest` does."""
    urls = [u.strip() for u in urls or [] if u.strip()]
    for url in urls:
        if not url.lower().startswith(("http://", "https://")):
            raise InputError("only http(s) URLs can be ingested over the API", source=url)
    if not files and not urls:
        raise InputError("send at least one file (field 'files') or URL (field 'urls')")
    with tempfile.TemporaryDirectory(prefix="sanctrace-upload-") as tmp:
        paths = await save_uploads(files or [], Path(tmp))
        display = {path: f"upload:{Path(path).name}" for path in paths}
        report = await run_in_threadpool(_ingest, request, [*paths, *urls], published, display)
    return {"ingested": report.stored, "duplicates": report.duplicates, "failed": report.failed}


def _ingest(
    request: Request, sources: list[str], published: str | None, display: dict[str, str]
) -> Any:
    with request_store(request) as store:
        return ingest_sources(store, sources, published=published, display=display)


def _entity_after(store: Store, member: tuple[str, str] | None) -> dict[str, Any] | None:
    """The resolved entity that now holds ``member``, after re-resolution."""
    if member is None:
        return None
    resolution = resolve(store)
    entity_id = resolution.members.get(member)
    record = store.entity(entity_id) if entity_id else None
    return entity_view(record, store.screening()) if record else None


@router.post("/merge", response_model=schemas.JudgementResult)
def merge(request: Request, body: schemas.MergeRequest) -> dict[str, Any]:
    """Record that two entities are one actor, and re-resolve."""
    with request_store(request) as store:
        a, b = find_entity(store, body.a), find_entity(store, body.b)
        if a.id == b.id:
            raise InputError(f"{a.name!r} and {b.name!r} are already one entity")
        member = next(iter(store.members(a.id)), None)
        judgement = store.add_judgement("merge", entity_ref(a), entity_ref(b), body.note)
        return {"judgement": judgement_view(judgement), "entity": _entity_after(store, member)}


@router.post("/split", response_model=schemas.JudgementResult)
def split(request: Request, body: schemas.SplitRequest) -> dict[str, Any]:
    """Undo the automatic merges of one entity: each of its mentions stands alone again."""
    with request_store(request) as store:
        entity = find_entity(store, body.entity)
        member = next(iter(store.members(entity.id)), None)
        judgement = store.add_judgement("split", entity_ref(entity), None, body.note)
        return {"judgement": judgement_view(judgement), "entity": _entity_after(store, member)}


@router.post("/lists", response_model=schemas.ListLoadResult)
async def load_lists(
    request: Request,
    files: Annotated[list[UploadFile], File(description="sanctions list files")],
    list_key: Annotated[
        str | None, Form(alias="list", description="store under this list key")
    ] = None,
    screen: Annotated[bool, Form(description="screen every actor again afterwards")] = True,
) -> dict[str, Any]:
    """Load or reload sanctions lists, as `sanctrace lists load` does; then re-screen."""
    with tempfile.TemporaryDirectory(prefix="sanctrace-lists-") as tmp:
        paths = await save_uploads(files, Path(tmp), flat=True)
        return await run_in_threadpool(_load_lists, request, paths, list_key, screen)


def _load_lists(
    request: Request, paths: list[str], list_key: str | None, screen: bool
) -> dict[str, Any]:
    from sanctrace.screen.lists import read_lists
    from sanctrace.screen.screening import load_index, screen_entities

    loaded = read_lists(paths, list_key)  # everything parsed before anything is written
    rows = []
    with request_store(request) as store:
        for item in loaded:
            previous = {m.key for m in store.lists()}
            diff = store.load_list(item.meta, item.designations)
            meta = item.meta
            rows.append(
                {
                    "key": meta.key,
                    "source": Path(meta.source).name,
                    "format": meta.format,
                    "published": meta.published.isoformat() if meta.published else None,
                    "count": meta.count,
                    "sha256": meta.sha256,
                    "added": len(diff.added),
                    "removed": len(diff.removed),
                    "changed": len(diff.changed),
                    "unchanged": diff.unchanged,
                    "reload": meta.key in previous,
                }
            )
        screened = flagged = None
        if screen:
            results, _ = screen_entities(store, load_index(store))
            store.save_screening(results)
            screened, flagged = len(results), sum(1 for m in results.values() if m)
    return {"lists": rows, "screened": screened, "flagged": flagged}
