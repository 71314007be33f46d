"""The default backend: one SQLite file, WAL mode, versioned schema with migrations.

Each write method is one ``BEGIN IMMEDIATE`` transaction, so a process killed half-way
leaves the previous state intact, and a reader never sees half a document.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from sanctrace.errors import NotFoundError, StoreError
from sanctrace.model import (
    Claim,
    Designation,
    Document,
    Entity,
    Evidence,
    Extraction,
    ListDiff,
    ListMeta,
    ScreenMatch,
    Span,
    TimeRef,
    make_id,
)
from sanctrace.store.base import (
    ClaimRecord,
    ClaimRow,
    DocEntityRow,
    EntityRecord,
    Judgement,
    Resolution,
    RoleRef,
    Store,
)
from sanctrace.store.codec import (
    designation_from_row,
    designation_to_json,
    dump_list,
    from_iso,
    iso,
    load_list,
)

ROLES = ("subject", "object", "via", "item", "location")


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("sanctrace.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    return sorted(found)


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def claim_id(doc_id: str, claim: Claim) -> str:
    """Deterministic: the same claim read from the same document always gets the same id."""
    return make_id(
        "clm",
        doc_id,
        claim.predicate,
        claim.evidence.start,
        claim.evidence.end,
        claim.subject,
        claim.object,
        claim.via,
        claim.item,
        claim.location,
        claim.negated,
    )


class SqliteStore(Store):
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.url = f"sqlite:///{self.path}"
        try:
            if self.path.parent and not self.path.parent.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), isolation_level=None, timeout=30)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"not a usable sanctrace store ({exc})", source=str(self.path)
            ) from exc

    # -- plumbing -------------------------------------------------------------------------
    def _migrate(self) -> None:
        migrations = _migrations()
        latest = migrations[-1][0]
        current = self._db.execute("PRAGMA user_version").fetchone()[0]
        if current > latest:
            raise StoreError(
                f"store schema version {current} is newer than this sanctrace"
                f" ({latest}); upgrade sanctrace",
                source=str(self.path),
            )
        for version, sql in migrations:
            if version <= current:
                continue
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in sql.split(";\n"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {version}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def _write(self) -> _Transaction:
        return _Transaction(self._db)

    def close(self) -> None:
        self._db.close()

    # -- documents ------------------------------------------------------------------------
    def has_document(self, sha256: str) -> bool:
        row = self._db.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return row is not None

    def save_extraction(self, extraction: Extraction) -> bool:
        doc = extraction.document
        with self._write() as db:
            if db.execute("SELECT 1 FROM documents WHERE sha256 = ?", (doc.sha256,)).fetchone():
                return False
            db.execute(
                "INSERT INTO documents (id, sha256, source, format, title, publisher, author,"
                " published, url, language, model, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc.id,
                    doc.sha256,
                    doc.source,
                    doc.format,
                    doc.title,
                    doc.publisher,
                    doc.author,
                    iso(doc.published),
                    doc.url,
                    doc.language,
                    extraction.model,
                    doc.text,
                ),
            )
            db.execute(
                "INSERT INTO meta (key, value) VALUES ('generation', '1') ON CONFLICT(key)"
                " DO UPDATE SET value = CAST(value AS INTEGER) + 1"
            )
            db.executemany(
                "INSERT INTO doc_entities (doc_id, local_id, name, type, aliases, mentions)"
                " VALUES (?,?,?,?,?,?)",
                [
                    (
                        doc.id,
                        e.id,
                        e.name,
                        e.type,
                        dump_list(e.aliases),
                        json.dumps([[m.start, m.end] for m in e.mentions]),
                    )
                    for e in extraction.entities
                ],
            )
            rows = []
            seen: set[str] = set()
            for seq, c in enumerate(extraction.claims):
                cid = claim_id(doc.id, c)
                if cid in seen:
                    continue
                seen.add(cid)
                rows.append(
                    (
                        cid,
                        doc.id,
                        seq,
                        c.predicate,
                        c.subject,
                        c.object,
                        c.via,
                        c.item,
                        c.location,
                        dump_list(c.attribution),
                        int(c.hedged),
                        int(c.negated),
                        c.time.text if c.time else None,
                        iso(c.time.start) if c.time else None,
                        iso(c.time.end) if c.time else None,
                        c.evidence.start,
                        c.evidence.end,
                        c.evidence.text,
                        c.rule,
                        c.confidence,
                    )
                )
            db.executemany(
                "INSERT INTO claims (id, doc_id, seq, predicate, subject, object, via, item,"
                " location, attribution, hedged, negated, time_text, time_start, time_end,"
                " ev_start, ev_end, ev_text, rule, confidence)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
        return True

    def _document_from_row(self, row: sqlite3.Row) -> Document:
        return Document(
            sha256=row["sha256"],
            text=row["text"],
            source=row["source"],
            format=row["format"],
            title=row["title"],
            publisher=row["publisher"],
            author=row["author"],
            published=from_iso(row["published"]),
            url=row["url"],
            language=row["language"],
        )

    def documents(self) -> list[Document]:
        rows = self._db.execute(
            "SELECT * FROM documents ORDER BY published IS NULL, published, source"
        ).fetchall()
        return [self._document_from_row(r) for r in rows]

    def document(self, doc_id: str) -> Document | None:
        row = self._db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return self._document_from_row(row) if row else None

    def _claims_of(self, doc_id: str) -> list[Claim]:
        rows = self._db.execute(
            "SELECT * FROM claims WHERE doc_id = ? ORDER BY seq", (doc_id,)
        ).fetchall()
        return [_claim_from_row(r) for r in rows]

    def _entities_of(self, doc_id: str) -> list[Entity]:
        rows = self._db.execute(
            "SELECT * FROM doc_entities WHERE doc_id = ? ORDER BY rowid", (doc_id,)
        ).fetchall()
        return [
            Entity(
                id=r["local_id"],
                name=r["name"],
                type=r["type"],
                aliases=load_list(r["aliases"]),
                mentions=[Span(s, e) for s, e in json.loads(r["mentions"])],
            )
            for r in rows
        ]

    def extraction(self, doc_id: str) -> Extraction | None:
        row = self._db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        return Extraction(
            document=self._document_from_row(row),
            entities=self._entities_of(doc_id),
            claims=self._claims_of(doc_id),
            model=row["model"],
        )

    def iter_extractions(self) -> Iterator[Extraction]:
        ids = [
            r[0]
            for r in self._db.execute(
                "SELECT id FROM documents ORDER BY published IS NULL, published, source"
            )
        ]
        for doc_id in ids:
            found = self.extraction(doc_id)
            if found is not None:
                yield found

    def doc_entities(self) -> list[DocEntityRow]:
        rows = self._db.execute(
            "SELECT doc_id, local_id, name, type, aliases, mentions FROM doc_entities"
            " ORDER BY doc_id, rowid"
        ).fetchall()
        return [
            DocEntityRow(
                doc_id=r[0],
                local_id=r[1],
                name=r[2],
                type=r[3],
                aliases=load_list(r[4]),
                mentions=len(json.loads(r[5])),
            )
            for r in rows
        ]

    # -- resolved entities ----------------------------------------------------------------
    def save_resolution(self, resolution: Resolution) -> None:
        with self._write() as db:
            db.execute("DELETE FROM entity_members")
            db.execute("DELETE FROM entities")
            db.executemany(
                "INSERT INTO entities (id, name, type, aliases, countries) VALUES (?,?,?,?,?)",
                [
                    (e.id, e.name, e.type, dump_list(e.aliases), dump_list(e.countries))
                    for e in resolution.entities
                ],
            )
            db.executemany(
                "INSERT INTO entity_members (doc_id, local_id, entity_id) VALUES (?,?,?)",
                [(d, loc, ent) for (d, loc), ent in resolution.members.items()],
            )
            db.execute(
                "INSERT OR REPLACE INTO meta (key, value) SELECT 'resolved_generation',"
                " coalesce((SELECT value FROM meta WHERE key = 'generation'), '0')"
            )

    def resolution_fresh(self) -> bool:
        """One meta read: every stored document bumps ``generation``; a resolution records
        the generation it saw, so freshness costs nothing however large the store."""
        rows = dict(
            self._db.execute(
                "SELECT key, value FROM meta WHERE key IN ('generation', 'resolved_generation')"
            ).fetchall()
        )
        return rows.get("generation", "0") == rows.get("resolved_generation", "0")

    _ENTITY_SQL = (
        "SELECT e.id, e.name, e.type, e.aliases, e.countries,"
        " (SELECT count(DISTINCT m.doc_id) FROM entity_members m WHERE m.entity_id = e.id),"
        " (SELECT count(*) FROM entity_members m WHERE m.entity_id = e.id)"
        " FROM entities e"
    )

    @staticmethod
    def _entity_from_row(r: sqlite3.Row) -> EntityRecord:
        return EntityRecord(
            id=r[0],
            name=r[1],
            type=r[2],
            aliases=load_list(r[3]),
            countries=load_list(r[4]),
            documents=r[5],
            mentions=r[6],
        )

    def entities(self, type: str | None = None) -> list[EntityRecord]:
        sql = self._ENTITY_SQL
        args: tuple[str, ...] = ()
        if type is not None:
            sql, args = sql + " WHERE e.type = ?", (type,)
        rows = self._db.execute(sql + " ORDER BY e.type, e.name COLLATE NOCASE", args).fetchall()
        return [self._entity_from_row(r) for r in rows]

    def entity(self, key: str) -> EntityRecord | None:
        row = self._db.execute(self._ENTITY_SQL + " WHERE e.id = ?", (key,)).fetchone()
        if row is None:
            row = self._db.execute(
                self._ENTITY_SQL + " WHERE e.name = ? COLLATE NOCASE ORDER BY e.id LIMIT 1", (key,)
            ).fetchone()
        if row is None:
            folded = key.casefold()
            for candidate in self.search_entities(key, limit=50):
                if folded in (a.casefold() for a in candidate.aliases):
                    return candidate
            return None
        return self._entity_from_row(row)

    def search_entities(self, query: str, limit: int = 20) -> list[EntityRecord]:
        pattern = f"%{query.replace('%', '').replace('_', '')}%"
        rows = self._db.execute(
            self._ENTITY_SQL + " WHERE e.name LIKE ? OR e.aliases LIKE ?"
            " ORDER BY length(e.name), e.name LIMIT ?",
            (pattern, pattern, limit),
        ).fetchall()
        return [self._entity_from_row(r) for r in rows]

    def members(self, entity_id: str) -> list[tuple[str, str]]:
        rows = self._db.execute(
            "SELECT doc_id, local_id FROM entity_members WHERE entity_id = ?"
            " ORDER BY doc_id, local_id",
            (entity_id,),
        ).fetchall()
        return [(r[0], r[1]) for r in rows]

    # -- claims ---------------------------------------------------------------------------
    def claims(
        self, entity_id: str | None = None, predicate: str | None = None
    ) -> list[ClaimRecord]:
        where, args = [], []
        if predicate is not None:
            where.append("c.predicate = ?")
            args.append(predicate)
        if entity_id is not None:
            where.append(
                "EXISTS (SELECT 1 FROM entity_members m WHERE m.doc_id = c.doc_id"
                " AND m.entity_id = ?"
                " AND m.local_id IN (c.subject, c.object, c.via, c.item, c.location))"
            )
            args.append(entity_id)
        return self._claim_records(None, where, args)

    def _claim_records(
        self, ids: list[str] | None, where: list[str] | None = None, args: list[str] | None = None
    ) -> list[ClaimRecord]:
        where, args = list(where or []), list(args or [])
        if ids is not None:
            where.append(f"c.id IN ({','.join('?' * len(ids))})")
            args.extend(ids)
        sql = (
            "SELECT c.*, d.title AS d_title, d.source AS d_source, d.published AS d_published"
            " FROM claims c JOIN documents d ON d.id = c.doc_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY d.published IS NULL, d.published, d.source, c.seq"
        rows = self._db.execute(sql, args).fetchall()
        names = self._role_names({r["doc_id"] for r in rows})
        records = []
        for r in rows:
            roles = {}
            for role in ROLES:
                local = r[role]
                if local is None:
                    continue
                entity, name, etype = names.get((r["doc_id"], local), (None, local, ""))
                roles[role] = RoleRef(entity_id=entity, name=name, type=etype)
            records.append(
                ClaimRecord(
                    id=r["id"],
                    doc_id=r["doc_id"],
                    claim=_claim_from_row(r),
                    roles=roles,
                    document_title=r["d_title"],
                    document_source=r["d_source"],
                    document_published=r["d_published"],
                )
            )
        return records

    def _role_names(self, doc_ids: set[str]) -> dict[tuple[str, str], tuple[str | None, str, str]]:
        """(doc, local id) -> (resolved entity id, resolved name, type) for the given documents."""
        out: dict[tuple[str, str], tuple[str | None, str, str]] = {}
        if not doc_ids:
            return out
        ids = sorted(doc_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                "SELECT d.doc_id, d.local_id, d.name, d.type, e.id, e.name, e.type"
                " FROM doc_entities d LEFT JOIN entity_members m"
                " ON m.doc_id = d.doc_id AND m.local_id = d.local_id"
                " LEFT JOIN entities e ON e.id = m.entity_id"
                f" WHERE d.doc_id IN ({marks})",
                chunk,
            ).fetchall()
            for r in rows:
                out[(r[0], r[1])] = (r[4], r[5] or r[2], r[6] or r[3])
        return out

    # -- network reads ----------------------------------------------------------------------
    def member_map(self) -> dict[tuple[str, str], str]:
        rows = self._db.execute("SELECT doc_id, local_id, entity_id FROM entity_members")
        return {(r[0], r[1]): r[2] for r in rows}

    def claim_rows(self) -> Iterator[ClaimRow]:
        sql = (
            "SELECT c.id, c.doc_id, c.predicate, ms.entity_id, mo.entity_id, mv.entity_id,"
            " mi.entity_id, ml.entity_id, c.hedged, c.negated, c.time_start, c.time_end,"
            " d.published, c.attribution"
            " FROM claims c JOIN documents d ON d.id = c.doc_id"
            + "".join(
                f" LEFT JOIN entity_members {a} ON {a}.doc_id = c.doc_id"
                f" AND {a}.local_id = c.{role}"
                for a, role in (
                    ("ms", "subject"),
                    ("mo", "object"),
                    ("mv", "via"),
                    ("mi", "item"),
                    ("ml", "location"),
                )
            )
            + " ORDER BY d.published IS NULL, d.published, d.source, c.seq"
        )
        for r in self._db.execute(sql):
            # positional for speed over a million rows; mypy cannot count star-args
            yield ClaimRow(*r[:8], bool(r[8]), bool(r[9]), *r[10:13], load_list(r[13]))  # type: ignore[call-arg]

    def claims_by_id(self, ids: Iterable[str]) -> list[ClaimRecord]:
        wanted = sorted(set(ids))
        out: list[ClaimRecord] = []
        for start in range(0, len(wanted), 500):
            out.extend(self._claim_records(wanted[start : start + 500]))
        return out

    def state_token(self) -> str | None:
        parts = [
            "SELECT count(*), max(rowid) FROM documents",
            "SELECT count(*), max(rowid) FROM entity_members",
            "SELECT count(*), max(rowid), total(active) FROM judgements",
            "SELECT count(*), max(rowid), total(score) FROM screening",
            "SELECT value FROM meta WHERE key = 'resolved_generation'",
        ]
        values = [tuple(self._db.execute(q).fetchone() or ()) for q in parts]
        return f"{self.path.resolve()}|{values}"

    # -- judgements -----------------------------------------------------------------------
    def add_judgement(self, kind: str, a: str, b: str | None, note: str = "") -> Judgement:
        created = _now()
        jid = make_id("jdg", kind, a, b, created)
        with self._write() as db:
            db.execute(
                "INSERT INTO judgements (id, kind, a, b, note, created_at, active)"
                " VALUES (?,?,?,?,?,?,1)",
                (jid, kind, a, b, note, created),
            )
        return Judgement(id=jid, kind=kind, a=a, b=b, note=note, created_at=created)

    def judgements(self, include_revoked: bool = False) -> list[Judgement]:
        sql = "SELECT * FROM judgements"
        if not include_revoked:
            sql += " WHERE active = 1"
        rows = self._db.execute(sql + " ORDER BY created_at, rowid").fetchall()
        return [
            Judgement(
                id=r["id"],
                kind=r["kind"],
                a=r["a"],
                b=r["b"],
                note=r["note"],
                created_at=r["created_at"],
                active=bool(r["active"]),
            )
            for r in rows
        ]

    def revoke_judgement(self, judgement_id: str) -> Judgement:
        with self._write() as db:
            cur = db.execute("UPDATE judgements SET active = 0 WHERE id = ?", (judgement_id,))
            if cur.rowcount == 0:
                raise NotFoundError(f"no judgement {judgement_id!r}")
        return next(j for j in self.judgements(include_revoked=True) if j.id == judgement_id)

    # -- sanctions lists ------------------------------------------------------------------
    def load_list(self, meta: ListMeta, designations: Iterable[Designation]) -> ListDiff:
        diff = ListDiff(key=meta.key)
        with self._write() as db:
            old = {
                r[0]: (r[1], r[2], r[3])
                for r in db.execute(
                    "SELECT list_id, name, schema, data FROM designations WHERE list = ?",
                    (meta.key,),
                )
            }
            db.execute("DELETE FROM designations WHERE list = ?", (meta.key,))
            db.execute(
                "INSERT OR REPLACE INTO lists (key, source, format, sha256, published, count,"
                " loaded_at) VALUES (?,?,?,?,?,0,?)",
                (meta.key, meta.source, meta.format, meta.sha256, iso(meta.published), _now()),
            )
            count = 0
            seen: set[str] = set()
            batch: list[tuple[str, str, str, str, str]] = []
            for d in designations:
                if d.list_id in seen:
                    continue
                seen.add(d.list_id)
                row = (d.name, d.schema, designation_to_json(d))
                previous = old.get(d.list_id)
                if previous is None:
                    diff.added.append(d.list_id)
                elif previous != row:
                    diff.changed.append(d.list_id)
                else:
                    diff.unchanged += 1
                batch.append((meta.key, d.list_id, *row))
                count += 1
                if len(batch) >= 5000:
                    db.executemany("INSERT INTO designations VALUES (?,?,?,?,?)", batch)
                    batch.clear()
            db.executemany("INSERT INTO designations VALUES (?,?,?,?,?)", batch)
            diff.removed = sorted(set(old) - seen)
            db.execute("UPDATE lists SET count = ? WHERE key = ?", (count, meta.key))
        meta.count = count
        return diff

    def lists(self) -> list[ListMeta]:
        rows = self._db.execute("SELECT * FROM lists ORDER BY key").fetchall()
        return [
            ListMeta(
                key=r["key"],
                source=r["source"],
                format=r["format"],
                sha256=r["sha256"],
                published=from_iso(r["published"]),
                count=r["count"],
                loaded_at=r["loaded_at"],
            )
            for r in rows
        ]

    def designations(self, list_key: str | None = None) -> Iterator[Designation]:
        sql = "SELECT list, list_id, name, schema, data FROM designations"
        args: tuple[str, ...] = ()
        if list_key is not None:
            sql, args = sql + " WHERE list = ?", (list_key,)
        for r in self._db.execute(sql + " ORDER BY list, list_id", args):
            yield designation_from_row(r[0], r[1], r[2], r[3], r[4])

    def designation(self, list_key: str, list_id: str) -> Designation | None:
        r = self._db.execute(
            "SELECT list, list_id, name, schema, data FROM designations"
            " WHERE list = ? AND list_id = ?",
            (list_key, list_id),
        ).fetchone()
        return designation_from_row(r[0], r[1], r[2], r[3], r[4]) if r else None

    # -- screening ------------------------------------------------------------------------
    def save_screening(self, results: dict[str, list[ScreenMatch]]) -> None:
        with self._write() as db:
            db.execute("DELETE FROM screening")
            db.executemany(
                "INSERT OR REPLACE INTO screening (entity_id, list, list_id, name, score, programs,"
                " explanation, matched_alias) VALUES (?,?,?,?,?,?,?,?)",
                [
                    (
                        entity_id,
                        m.list,
                        m.list_id,
                        m.name,
                        m.score,
                        dump_list(m.programs),
                        m.explanation,
                        m.matched_alias,
                    )
                    for entity_id, matches in results.items()
                    for m in matches
                ],
            )

    def screening(self, entity_id: str | None = None) -> dict[str, list[ScreenMatch]]:
        sql = "SELECT * FROM screening"
        args: tuple[str, ...] = ()
        if entity_id is not None:
            sql, args = sql + " WHERE entity_id = ?", (entity_id,)
        out: dict[str, list[ScreenMatch]] = {}
        for r in self._db.execute(sql + " ORDER BY entity_id, score DESC, list, list_id", args):
            out.setdefault(r["entity_id"], []).append(
                ScreenMatch(
                    list=r["list"],
                    list_id=r["list_id"],
                    name=r["name"],
                    score=r["score"],
                    programs=load_list(r["programs"]),
                    explanation=r["explanation"],
                    matched_alias=r["matched_alias"],
                )
            )
        return out


def _claim_from_row(r: sqlite3.Row) -> Claim:
    time = None
    if r["time_text"] is not None:
        time = TimeRef(r["time_text"], from_iso(r["time_start"]), from_iso(r["time_end"]))
    return Claim(
        predicate=r["predicate"],
        subject=r["subject"],
        object=r["object"],
        evidence=Evidence(r["ev_start"], r["ev_end"], r["ev_text"]),
        via=r["via"],
        item=r["item"],
        location=r["location"],
        attribution=load_list(r["attribution"]),
        hedged=bool(r["hedged"]),
        negated=bool(r["negated"]),
        time=time,
        rule=r["rule"],
        confidence=r["confidence"],
    )


class _Transaction:
    """``with store._write() as db:`` — BEGIN IMMEDIATE, COMMIT on success, ROLLBACK on error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> sqlite3.Connection:
        self._db.execute("BEGIN IMMEDIATE")
        return self._db

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self._db.execute("COMMIT")
        else:
            self._db.execute("ROLLBACK")
