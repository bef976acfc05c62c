"""The case file: one TinyDB JSON file, written atomically, with a schema version.

Tables: meta (schema, format, model, when), documents (with their text), entities, events,
claims, relations, extractions (the per-document cache, keyed by content hash and model), and
judgements (a person's corrections, in the order made; see `casefile.judgements`). A build
replaces every table but judgements, which it carries over and re-applies.
Reading never imports spaCy or Textual: `casefile lookup` must answer at once.

Safety (issue #7):
  - a write goes to a temporary file, is fsynced, and replaces the case in one `os.replace`;
    the version it replaces is kept as `<case>.bak` (itself replaced atomically), so a crash
    at any moment leaves the old case or the new one, never a mix;
  - one writer at a time: `save` (and a whole build, via `writing`) holds `<case>.lock`;
    readers never lock;
  - a file that is not a case file, is damaged, or was made by a newer casefile is refused
    in one line and never overwritten; an older schema is migrated in memory on load
    (`MIGRATIONS`) and written in the current schema by the next save.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

SCHEMA = 1
FORMAT = "casefile/1"
TABLES = ("documents", "entities", "events", "claims", "relations")
# Keys of the case kept in the meta row rather than in tables (everything not a table).
_NOT_META = frozenset({*TABLES, "format", "schema", "judgements"})

Data = dict[str, dict[str, Any]]  # TinyDB's shape: table -> {doc id: row}


class CaseError(Exception):
    """A one-line, user-facing problem with a case file."""


class CaseBusy(CaseError):
    """Another process holds the case file's write lock."""


class CaseWriteError(CaseError, OSError):
    """Writing failed (disk full, permissions…); the case file is unchanged."""


# --- migrations ------------------------------------------------------------------------------


def _schema0_to_1(data: Data) -> Data:
    """Schema 0 (pre-release): rows had no `_order` (their order was TinyDB's doc-id order)
    and there was no extraction cache."""
    out: Data = dict(data)
    for name in TABLES:
        rows = sorted(data.get(name, {}).items(), key=lambda kv: _doc_id_key(kv[0]))
        out[name] = {k: {**row, "_order": i} for i, (k, row) in enumerate(rows)}
    out.setdefault("extractions", {})
    return out


def _doc_id_key(doc_id: str) -> tuple[int, str]:
    return (int(doc_id), "") if doc_id.isdigit() else (1 << 62, doc_id)


# schema n -> the function that turns a schema-n file's data into schema n+1
MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _schema0_to_1}


# --- paths -----------------------------------------------------------------------------------


def backup_path(path: str | Path) -> Path:
    """Where the version a save replaced is kept."""
    path = Path(path)
    return path.with_name(path.name + ".bak")


@contextmanager
def writing(path: str | Path, wait: float = 0) -> Iterator[None]:
    """Hold the write lock of the case at `path` (see `casefile.locking`); reentrant."""
    from casefile import locking  # only writers pay for importing filelock

    try:
        with locking.writing(path, wait):
            yield
    except locking.Busy as err:
        raise CaseBusy(str(err)) from None


# --- storage ---------------------------------------------------------------------------------


class AtomicJSONStorage(Storage):
    """TinyDB storage that never leaves a half-written file: temp file + fsync + os.replace,
    with the replaced version kept as `<file>.bak`."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only

    def read(self) -> Data | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        return json.loads(raw) if raw.strip() else None

    def write(self, data: Data) -> None:
        if self.read_only:
            raise CaseError(f"{self.path}: opened read-only")
        _write_atomic(self.path, data)

    def close(self) -> None:
        pass


def _write_atomic(path: Path, data: Data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
            f.flush()
            os.fsync(f.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)  # mkstemp's 0600 would narrow it
            _backup(path)
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _backup(path: Path) -> None:
    """`path` as it is now, atomically, under `<path>.bak`.

    A hard link costs nothing and is a true snapshot: the case is only ever replaced, never
    written in place. Where links are not allowed, a copy.
    """
    bak = backup_path(path)
    tmp = path.with_name(f".{path.name}.bak.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        os.link(path, tmp)
    except OSError:
        shutil.copyfile(path, tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
    try:
        os.replace(tmp, bak)
    finally:
        # gone if it moved; still here if `bak` already was this very file (a writer
        # killed between its backup and its replace): rename(2) then does nothing
        tmp.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    # the rename itself must reach the disk, or a power cut can bring the old name back
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _sweep(path: Path) -> None:
    """Remove temporary files a killed writer left (called with the write lock held)."""
    for stale in path.parent.glob(glob.escape(f".{path.name}.") + "*.tmp"):
        stale.unlink(missing_ok=True)


# --- reading ---------------------------------------------------------------------------------


def load(path: str | Path) -> dict[str, Any]:
    """The case as a dict in the `casefile/1` shape, documents with their text."""
    data = _read(Path(path))
    meta = data["meta"]["1"]
    case: dict[str, Any] = {"format": FORMAT, **{k: v for k, v in meta.items() if k != "schema"}}
    for name in TABLES:
        rows = list(data.get(name, {}).values())
        rows.sort(key=lambda r: r.get("_order", 0))
        case[name] = [{k: v for k, v in r.items() if k != "_order"} for r in rows]
    judged = _judgements_of(data)
    if judged:
        case["judgements"] = judged
    return case


def load_extractions(path: str | Path) -> dict[str, dict[str, Any]]:
    """The per-document cache: '<sha256>|<model>' -> extraction dict. Empty if no case yet."""
    path = Path(path)
    if not path.exists():
        return {}
    data = _read(path)
    return {
        r["key"]: r["extraction"]
        for r in data.get("extractions", {}).values()
        if isinstance(r.get("key"), str) and isinstance(r.get("extraction"), dict)
    }


def load_judgements(path: str | Path) -> list[dict[str, Any]]:
    """A person's corrections, oldest first. Empty if no case yet."""
    path = Path(path)
    if not path.exists():
        return []
    return _judgements_of(_read(path))


def _judgements_of(data: Data) -> list[dict[str, Any]]:
    rows = sorted(data.get("judgements", {}).items(), key=lambda kv: _doc_id_key(kv[0]))
    return [row for _, row in rows if isinstance(row.get("op"), str)]


def _read(path: Path) -> Data:
    """The file's data, checked and migrated to the current schema; CaseError if it is not
    a case file this casefile can read."""
    if not path.exists():
        raise CaseError(
            f"{path}: no such case file (build one with: casefile build FOLDER -o {path})"
        )
    if path.is_dir():
        raise CaseError(f"{path}: is a folder, not a case file")
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise CaseError(f"{path}: cannot read: {err.strerror or err}") from None
    if not raw.strip():
        raise CaseError(f"{path}: not a casefile case file (empty file){_hint(path)}")
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as err:  # UnicodeDecodeError is a ValueError
        raise CaseError(
            f"{path}: not a case file (unreadable JSON: {err.__class__.__name__}){_hint(path)}"
        ) from None
    meta = _meta_row(data)
    if meta is None or meta.get("format") != FORMAT:
        raise CaseError(f"{path}: not a casefile case file")
    schema = meta.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise CaseError(f"{path}: not a casefile case file (no schema version)")
    if schema > SCHEMA:
        raise CaseError(
            f"{path}: made by a newer casefile (schema {schema}; this one reads {SCHEMA}); "
            "upgrade casefile"
        )
    if schema < min(MIGRATIONS, default=SCHEMA):
        raise CaseError(f"{path}: made by an unknown casefile (schema {schema}); cannot read it")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(r, dict) for r in table.values()):
            raise CaseError(f"{path}: damaged case file (table {name!r} is not a table)")
    while schema < SCHEMA:
        data = MIGRATIONS[schema](data)
        schema += 1
    data["meta"] = {"1": {**meta, "schema": schema}}
    return data


def _meta_row(data: Any) -> dict[str, Any] | None:
    if not isinstance(data, dict) or not isinstance(data.get("meta"), dict):
        return None
    row = data["meta"].get("1")
    return row if isinstance(row, dict) else None


def _hint(path: Path) -> str:
    bak = backup_path(path)
    return f"; the previous version is kept in {bak}" if bak.exists() else ""


# --- writing ---------------------------------------------------------------------------------


def save(
    path: str | Path,
    case: dict[str, Any],
    extractions: dict[str, dict[str, Any]],
    *,
    judgements: list[dict[str, Any]] | None = None,
    wait: float = 0,
) -> None:
    """Replace the case file's content in one atomic write, keeping the old one as `.bak`.

    `judgements` replaces the judgements table; None keeps the one the file holds (a build
    must never lose a person's work). Holds the write lock (waiting up to `wait` seconds for
    another writer). Refuses to overwrite a file that is not a case file this casefile can read.
    """
    path = Path(path)
    meta = {k: v for k, v in case.items() if k not in _NOT_META}
    data: Data = {"meta": {"1": {"schema": SCHEMA, "format": FORMAT, **meta}}}
    for name in TABLES:
        data[name] = {str(i + 1): {**row, "_order": i} for i, row in enumerate(case.get(name, []))}
    data["extractions"] = {
        str(i + 1): {"key": k, "extraction": v}
        for i, (k, v) in enumerate(sorted(extractions.items()))
    }
    with writing(path, wait):
        held: list[dict[str, Any]] = []
        if path.exists():
            held = _judgements_of(_read(path))  # also refuses what is not a case file
        data["judgements"] = {
            str(i + 1): row for i, row in enumerate(held if judgements is None else judgements)
        }
        _sweep(path)
        try:
            _write_atomic(path, data)
        except UnicodeEncodeError:
            raise CaseError(
                f"{path}: cannot save: the case holds text that is not valid Unicode "
                "(unpaired surrogates); nothing written"
            ) from None
        except OSError as err:
            raise CaseWriteError(
                f"{path}: cannot write: {err.strerror or err}; the case file is unchanged"
            ) from None
