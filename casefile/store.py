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
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

import orjson
from tinydb.storages import Storage

SCHEMA = 2
FORMAT = "casefile/1"
TABLES = ("documents", "entities", "events", "claims", "relations")
# Keys of the case kept in the meta row rather than in tables (everything not a table).
_NOT_META = frozenset({*TABLES, "format", "schema", "judgements"})
# The layout (schema 2): the file is one JSON object whose light tables (meta, documents
# without their text, entities, events, claims, relations, judgements) come first, then
# `texts` (one row per document), then `index` (see `casefile.lookup_index`: where each light
# table and record row lies, and the search labels), then `summaries` (what the app lists of
# each record), then `extractions` (the build's cache). The meta row opens with the byte
# offsets where the light part, the texts, the index and the summaries end, in fixed width:
# a lookup over SSH parses only the index and the rows it shows, the app's first paint of a
# large case the summaries, a reader that wants every record the light part, and a document's
# text is read by its offset when needed. Any JSON reader (TinyDB too) still reads the whole
# file; a file written before the index existed (no `index_end`) is read as before.
_HEAVY = ("texts", "index", "summaries", "extractions")
_WIDTH = 13
_HEAD = re.compile(
    rb'\{"meta":\{"1":\{"light_end":"(\d{13})","texts_end":"(\d{13})"'
    rb'(?:,"index_end":"(\d{13})","summaries_end":"(\d{13})")?'
)
HEAD_BYTES = 160
_ENDS = ("light_end", "texts_end", "index_end", "summaries_end")


class Layout(NamedTuple):
    """Where a schema-2 file's parts end (the last two are 0 for a file without an index)."""

    light_end: int
    texts_end: int
    index_end: int
    summaries_end: int


def layout(head: bytes) -> Layout | None:
    """The layout the first HEAD_BYTES of a case file give, or None (an older layout)."""
    m = _HEAD.match(head)
    if m is None:
        return None
    return Layout(*(int(g or 0) for g in m.groups()))


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


def _schema1_to_2(data: Data) -> Data:
    """Schema 1 kept each document's text in its row; schema 2 keeps texts in their own
    table, after the light tables (see the layout above)."""
    out: Data = dict(data)
    docs, texts = {}, {}
    for key, row in data.get("documents", {}).items():
        docs[key] = {k: v for k, v in row.items() if k != "text"}
        texts[key] = {"doc": row.get("id"), "text": row.get("text", "")}
    out["documents"] = docs
    out["texts"] = texts
    return out


# schema n -> the function that turns a schema-n file's data into schema n+1
MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _schema0_to_1, 1: _schema1_to_2}


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
        return orjson.loads(raw) if raw.strip() else None

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
        with os.fdopen(fd, "wb") as f:
            f.write(_encode(data))
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


def _encode(data: Data) -> bytes:
    """The file's bytes in the layout described at the top (light part, texts, index, cache)."""
    from casefile import lookup_index

    texts = bytearray(b',"texts":{')
    at: dict[str, list[int]] = {}
    for n, (key, row) in enumerate(data.get("texts", {}).items()):
        texts += b"," if n else b""
        texts += orjson.dumps(key) + b':{"doc":' + orjson.dumps(row.get("doc")) + b',"text":'
        literal = orjson.dumps(row.get("text", ""))
        at[str(row.get("doc"))] = [len(texts), len(literal)]
        texts += literal + b"}"
    texts += b"}"
    meta = {k: v for k, v in _meta_row(data).items() if k not in _ENDS}
    zero = "0" * _WIDTH
    light = bytearray(b'{"meta":')
    light += orjson.dumps({"1": {**dict.fromkeys(_ENDS, zero), **meta}})
    tables: Data = {}
    ranges: dict[str, list[int]] = {"meta": [len(b'{"meta":'), len(light)]}
    rows: dict[str, list[list[int]]] = {}
    for name, table in data.items():
        if name == "meta" or name in _HEAVY:
            continue
        if name == "documents":
            table = {k: {**row, "text_at": at.get(str(row.get("id")))} for k, row in table.items()}
        tables[name] = table
        light += b"," + orjson.dumps(name) + b":"
        start = len(light)
        if name in lookup_index.LOCATED:
            raw, rows[name] = lookup_index.encode_table(table, start)
            light += raw
        else:
            light += orjson.dumps(table)
        ranges[name] = [start, len(light)]
    index = lookup_index.build(tables, ranges, rows)
    index_part = b',"index":' + orjson.dumps({"1": index})
    summaries_part = b',"summaries":' + orjson.dumps({"1": lookup_index.summaries_row(tables)})
    ends_at = [len(light), len(light) + len(texts)]
    ends_at += [ends_at[-1] + len(index_part), ends_at[-1] + len(index_part) + len(summaries_part)]
    ends = b",".join(b'"%s":"%013d"' % (k.encode(), n) for k, n in zip(_ENDS, ends_at, strict=True))
    start = len(b'{"meta":{"1":{')
    light[start : start + len(ends)] = ends
    extractions = b',"extractions":' + orjson.dumps(data.get("extractions", {})) + b"}"
    return bytes(light + texts + index_part + summaries_part + extractions)


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
    data = _read(Path(path), "texts")
    case = case_of(data)
    texts = {r.get("doc"): r.get("text", "") for r in data.get("texts", {}).values()}
    for d in case["documents"]:
        d.pop("text_at", None)
        d["text"] = texts.get(d["id"], "")
    return case


def load_light(path: str | Path, *, lazy: bool = False) -> tuple[dict[str, Any], Texts]:
    """The case without its documents' texts, and a reader that fetches a text when asked.

    Parses only the light part of the file: what a lookup or the app's first paint needs.
    With `lazy`, each document row reads its own text the first time it is asked for it.
    """
    path = Path(path)
    data = _read(path, "light")
    case = case_of(data)
    texts = Texts(path, data.get("texts"))
    texts.locate(case["documents"])
    if lazy:
        case["documents"] = [LazyDocument(d, texts) for d in case["documents"]]
    return case, texts


class LazyDocument(dict):
    """A document row whose "text" is read from the case file on first use, so that code
    written for full rows (`doc.get("text")`, `doc["text"]`) works on a light load."""

    __slots__ = ("_texts",)

    def __init__(self, row: dict[str, Any], texts: Texts) -> None:
        super().__init__(row)
        self._texts = texts

    def _fetch(self) -> None:
        if not dict.__contains__(self, "text"):
            dict.__setitem__(self, "text", self._texts.get(self["id"]) or "")

    def __getitem__(self, key: str) -> Any:
        if key == "text":
            self._fetch()
        return dict.__getitem__(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        if key == "text":
            self._fetch()
        return dict.get(self, key, default)

    def __contains__(self, key: object) -> bool:
        return key == "text" or dict.__contains__(self, key)


class Texts:
    """Documents' texts read one at a time, by their offsets, from the file as it was when
    the light part was read (the open file keeps that version even if a build replaces it)."""

    def __init__(
        self,
        path: Path,
        texts: dict[str, dict[str, Any]] | None,
        file: BinaryIO | None = None,
        lock: threading.Lock | None = None,
    ) -> None:
        self.path = path
        self._cache: dict[str, str] = {}
        self._at: dict[str, tuple[int, int]] = {}
        self._file = None
        # the app reads texts from a worker thread too; `lock` is that of whoever shares `file`
        self._lock = lock or threading.Lock()
        if texts is not None:  # an old layout: read whole, texts at hand
            self._cache = {r.get("doc"): r.get("text", "") for r in texts.values()}
            return
        try:
            # held for the reader's life; `file`: one already open on the same version
            self._file = file or open(path, "rb")  # noqa: SIM115
            with self._lock:
                self._file.seek(0)
                ends = layout(self._file.read(HEAD_BYTES))
        except OSError:
            ends = None
        self._base = ends.light_end if ends else 0

    def locate(self, documents: list[dict[str, Any]]) -> None:
        for d in documents:
            at = d.pop("text_at", None)
            if isinstance(at, list) and len(at) == 2:
                self._at[d["id"]] = (self._base + at[0], at[1])

    def get(self, doc_id: str) -> str | None:
        if doc_id in self._cache:
            return self._cache[doc_id]
        at = self._at.get(doc_id)
        if at is None or self._file is None:
            return None
        try:
            with self._lock:
                self._file.seek(at[0])
                raw = self._file.read(at[1])
            text = orjson.loads(raw)
        except (OSError, ValueError):
            return None
        if not isinstance(text, str):
            return None
        self._cache[doc_id] = text
        return text

    def fill(self, case: dict[str, Any], doc_ids: Iterable[str] | None = None) -> None:
        """Put the text of these documents (default: all) into the case's document rows."""
        want = None if doc_ids is None else set(doc_ids)
        for d in case.get("documents", []):
            if (want is None or d["id"] in want) and "text" not in d:
                text = self.get(d["id"])
                if text is not None:
                    d["text"] = text

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def case_of(data: Data) -> dict[str, Any]:
    meta = data["meta"]["1"]
    skip = ("schema", *_ENDS)
    case: dict[str, Any] = {"format": FORMAT, **{k: v for k, v in meta.items() if k not in skip}}
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
    data = _read(path, "all")
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
    return _judgements_of(_read(path, "light"))


def _judgements_of(data: Data) -> list[dict[str, Any]]:
    rows = sorted(data.get("judgements", {}).items(), key=lambda kv: _doc_id_key(kv[0]))
    return [row for _, row in rows if isinstance(row.get("op"), str)]


def _read(path: Path, part: str = "all") -> Data:
    """The file's data, checked and migrated to the current schema; CaseError if it is not
    a case file this casefile can read.

    `part` is how much of a schema-2 file to parse: "light" (no texts, no cache), "texts"
    (no cache) or "all"; a file in an older layout is always read whole.
    """
    if not path.exists():
        raise CaseError(
            f"{path}: no such case file (build one with: casefile build FOLDER -o {path})"
        )
    if path.is_dir():
        raise CaseError(f"{path}: is a folder, not a case file")
    try:
        raw = _raw(path, part)
    except OSError as err:
        raise CaseError(f"{path}: cannot read: {err.strerror or err}") from None
    if not raw.strip():
        raise CaseError(f"{path}: not a casefile case file (empty file){_hint(path)}")
    try:
        try:
            data = orjson.loads(raw)
        except ValueError:
            if part == "all":
                raise
            data = orjson.loads(path.read_bytes())  # offsets off (edited by hand?): whole
    except (ValueError, RecursionError, OSError) as err:  # UnicodeDecodeError is a ValueError
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


def _raw(path: Path, part: str) -> bytes:
    """The bytes to parse: the light part or the texts too, closed into one JSON object,
    when the file says where they end; else the whole file."""
    with open(path, "rb") as f:
        ends = layout(f.read(HEAD_BYTES)) if part != "all" else None
        if ends is None:
            f.seek(0)
            return f.read()
        end = ends.light_end if part == "light" else ends.texts_end
        f.seek(0)
        raw = f.read(end)
        # the extraction cache follows every part the head names, and closes the object
        size = os.fstat(f.fileno()).st_size
        f.seek(-1, os.SEEK_END)
        whole = f.read(1) == b"}" and size > max(ends)
    if len(raw) != end or not whole:  # cut short: damaged; let the whole file be judged
        return path.read_bytes()
    return raw + b"}"


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
    data["documents"] = {k: _without_text(row) for k, row in data["documents"].items()}
    data["texts"] = {
        str(i + 1): {"doc": d.get("id"), "text": d.get("text", "")}
        for i, d in enumerate(case.get("documents", []))
    }
    data["extractions"] = {
        str(i + 1): {"key": k, "extraction": v}
        for i, (k, v) in enumerate(sorted(extractions.items()))
    }
    with writing(path, wait):
        held: list[dict[str, Any]] = []
        if path.exists():
            held = _judgements_of(_read(path, "light"))  # also refuses a foreign file
        data["judgements"] = {
            str(i + 1): row for i, row in enumerate(held if judgements is None else judgements)
        }
        _sweep(path)
        try:
            _write_atomic(path, data)
        except (UnicodeEncodeError, orjson.JSONEncodeError):
            raise CaseError(
                f"{path}: cannot save: the case holds text that is not valid Unicode "
                "(unpaired surrogates); nothing written"
            ) from None
        except OSError as err:
            raise CaseWriteError(
                f"{path}: cannot write: {err.strerror or err}; the case file is unchanged"
            ) from None


def _without_text(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in ("text", "text_at")}
