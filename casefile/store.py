"""The case file: one TinyDB JSON file, written atomically, with a schema version.

Tables: meta (schema, format, model, when), documents (with their text), entities, events,
claims, relations, and extractions (the per-document cache, keyed by content hash and model).
Reading never imports spaCy or Textual: `casefile lookup` must answer at once.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage

SCHEMA = 1
FORMAT = "casefile/1"
TABLES = ("documents", "entities", "events", "claims", "relations")


class CaseError(Exception):
    """A one-line, user-facing problem with a case file."""


class AtomicJSONStorage(Storage):
    """TinyDB storage that never leaves a half-written file: temp file + fsync + os.replace."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._cache: dict[str, dict[str, Any]] | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        # TinyDB reads the whole file for every table; read-only, parse it once
        if self._cache is not None:
            return self._cache
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        if not raw.strip():
            return None
        data = json.loads(raw)
        if self.read_only:
            self._cache = data
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.read_only:
            raise CaseError(f"{self.path}: opened read-only")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(
            prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
        )
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def close(self) -> None:
        pass


def load(path: str | Path) -> dict[str, Any]:
    """The case as a dict in the `casefile/1` shape, documents with their text."""
    path = Path(path)
    if not path.exists():
        raise CaseError(
            f"{path}: no such case file (build one with: casefile build FOLDER -o {path})"
        )
    if path.is_dir():
        raise CaseError(f"{path}: is a folder, not a case file")
    db = _open(path, read_only=True)
    meta = _meta(db, path)
    case: dict[str, Any] = {"format": FORMAT, **{k: v for k, v in meta.items() if k != "schema"}}
    for name in TABLES:
        rows = db.table(name).all()
        rows.sort(key=lambda r: r.get("_order", 0))
        case[name] = [{k: v for k, v in r.items() if k != "_order"} for r in rows]
    return case


def load_extractions(path: str | Path) -> dict[str, dict[str, Any]]:
    """The per-document cache: '<sha256>|<model>' -> extraction dict. Empty if no case yet."""
    path = Path(path)
    if not path.exists():
        return {}
    db = _open(path, read_only=True)
    _meta(db, path)
    return {r["key"]: r["extraction"] for r in db.table("extractions").all()}


def save(path: str | Path, case: dict[str, Any], extractions: dict[str, dict[str, Any]]) -> None:
    """Replace the case file's content in one atomic write."""
    path = Path(path)
    if path.exists():
        _meta(_open(path, read_only=True), path)  # refuse to overwrite what is not a case file
    data: dict[str, dict[str, Any]] = {
        "meta": {
            "1": {
                "schema": SCHEMA,
                "format": FORMAT,
                **{k: case[k] for k in ("generated", "model", "built_from") if k in case},
            }
        }
    }
    for name in TABLES:
        data[name] = {str(i + 1): {**row, "_order": i} for i, row in enumerate(case.get(name, []))}
    data["extractions"] = {
        str(i + 1): {"key": k, "extraction": v}
        for i, (k, v) in enumerate(sorted(extractions.items()))
    }
    AtomicJSONStorage(path).write(data)


def _open(path: Path, read_only: bool) -> TinyDB:
    try:
        db = TinyDB(path, storage=AtomicJSONStorage, read_only=read_only)
        db.tables()  # reads and parses the file now, so errors surface here
    except (ValueError, UnicodeDecodeError) as err:
        raise CaseError(
            f"{path}: not a case file (unreadable JSON: {err.__class__.__name__})"
        ) from None
    except OSError as err:
        raise CaseError(f"{path}: cannot read: {err.strerror or err}") from None
    return db


def _meta(db: TinyDB, path: Path) -> dict[str, Any]:
    try:
        rows = db.table("meta").all()
    except (AttributeError, TypeError, ValueError):
        rows = []
    if not rows or not isinstance(rows[0], dict) or rows[0].get("format") != FORMAT:
        raise CaseError(f"{path}: not a casefile case file")
    schema = rows[0].get("schema")
    if not isinstance(schema, int) or schema > SCHEMA:
        raise CaseError(
            f"{path}: made by a newer casefile (schema {schema}; this one reads {SCHEMA}); "
            "upgrade casefile"
        )
    return rows[0]
