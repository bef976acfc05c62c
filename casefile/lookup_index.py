"""The lookup index: the small part of a case file that a lookup reads instead of the case.

At 10,000 documents the light tables of a case are ~170 MB (every mention of every entity,
every event's sources); parsing them is seconds, not the blink a lookup over SSH needs.
`store.save` therefore writes, after the texts, one more table, `index`, holding:

- the byte range of each light table, and of each entity, event and claim row, so that a
  reader parses only the rows it shows;
- the labels `casefile.search` indexes (names, aliases, spellings seen, event summaries and
  dates, claim values), already folded into a vocabulary with postings and transliteration
  skeletons, so the first pass of a search needs no record at all;
- which events list each entity and which claims belong to each event, which an answer shows.

A lookup ranks with the index, reads the rows of the best hits (and what their answer
lists), and re-runs the ordinary `SearchIndex` on just those rows, so its hits and spans are
the ones a search over the whole case gives. The index is derived data: a file without one
(an older layout) or with a damaged one is simply read the slow way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import orjson

from casefile.search import (
    ENTITY_KINDS,
    Hit,
    SearchIndex,
    _Entry,
    _WordIndex,
    claim_entries,
    entity_entries,
    entry_words,
    event_entries,
    rank,
    skeleton,
    wanted_kinds,
    words,
)

if TYPE_CHECKING:
    from casefile.store import Texts

VERSION = 1
RECORDS = ("entities", "events", "claims")  # the tables whose rows the index locates
_ENTRIES: dict[str, Callable[[dict[str, Any]], Iterable[_Entry]]] = {
    "entities": entity_entries,
    "events": event_entries,
    "claims": claim_entries,
}

Rows = dict[str, dict[str, Any]]  # a TinyDB table: doc id -> row


# --- writing (called by store._encode) -------------------------------------------------------


def encode_table(table: Rows, at: int) -> tuple[bytes, list[list[int]]]:
    """A table's JSON, written row by row, and each row's [offset, length] in the file when
    the table's JSON starts at byte `at`."""
    out = bytearray(b"{")
    spans: list[list[int]] = []
    for n, (key, row) in enumerate(table.items()):
        out += (b"," if n else b"") + orjson.dumps(key) + b":"
        raw = orjson.dumps(row)
        spans.append([at + len(out), len(raw)])
        out += raw
    out += b"}"
    return bytes(out), spans


def build(tables: dict[str, Rows], ranges: dict[str, list[int]], rows: dict[str, list]) -> dict:
    """The index row for these light tables.

    `ranges`: each table's [start, end) in the file; `rows`: the [offset, length] of each
    row of the RECORDS tables, in table order.
    """
    ids = {name: [r.get("id") for r in tables.get(name, {}).values()] for name in RECORDS}
    entries: list[list[Any]] = []
    postings: dict[str, list[int]] = {}
    for t, name in enumerate(RECORDS):
        for i, row in enumerate(tables.get(name, {}).values()):
            for entry in _ENTRIES[name](row):
                label_words = entry_words(entry)
                if not label_words:
                    continue
                idx = len(entries)
                entries.append([t, i, entry.kind, entry.label, entry.weight, len(label_words)])
                for w in label_words:
                    ids_of = postings.setdefault(w, [])
                    if not ids_of or ids_of[-1] != idx:
                        ids_of.append(idx)
    vocab = sorted(postings)
    skeletons: dict[str, list[str]] = {}
    for w in vocab:
        sk = skeleton(w)
        if len(sk) >= 3:
            skeletons.setdefault(sk, []).append(w)
    entity_row = {eid: i for i, eid in enumerate(ids["entities"])}
    entity_events: dict[str, list[int]] = {}
    for i, ev in enumerate(tables.get("events", {}).values()):
        for eid in dict.fromkeys(ev.get("entities", [])):
            if eid in entity_row:
                entity_events.setdefault(str(entity_row[eid]), []).append(i)
    event_row = {evid: i for i, evid in enumerate(ids["events"])}
    event_claims: dict[str, list[int]] = {}
    for i, cl in enumerate(tables.get("claims", {}).values()):
        if cl.get("event") in event_row:
            event_claims.setdefault(str(event_row[cl["event"]]), []).append(i)
    summaries = {
        name: [_SUMMARY_ROW[name](r) for r in tables.get(name, {}).values()] for name in RECORDS
    }
    return {
        "v": VERSION,
        "tables": ranges,
        "summaries": summaries,
        "rows": rows,
        "ids": ids,
        "entries": entries,
        "vocab": vocab,
        "postings": [postings[w] for w in vocab],
        "skeletons": skeletons,
        "entity_events": entity_events,
        "event_claims": event_claims,
    }


# --- summaries: what the app's first paint shows of each record ------------------------------
# A row of the index's "summaries" is a list (compact); `summary` gives the dict the app reads,
# the same for a row read whole and for one known only from the index.

_SUMMARY_KEYS = {
    "entities": ("kind", "name", "aliases", "mention_count", "doc_count", "merge_count"),
    "events": ("date", "summary", "entities", "source_count"),
    "claims": ("event", "what", "value", "conflicts_with"),
}
_PALETTE_ALIASES = 4  # alias names a summary keeps (the command palette shows as many)


def _entity_summary(row: dict[str, Any]) -> list[Any]:
    spans = [
        *row.get("mentions", []),
        *(s for a in row.get("aliases", []) for s in a.get("sources", [])),
    ]
    return [
        row.get("kind", "person"),
        row.get("name", ""),
        [{"name": a["name"]} for a in row.get("aliases", [])[:_PALETTE_ALIASES]],
        len(row.get("mentions", [])),
        len({s["doc"] for s in spans}),
        len(row.get("merges", [])),
    ]


def _event_summary(row: dict[str, Any]) -> list[Any]:
    sources = {(s["doc"], s["start"]) for s in row.get("sources", [])}
    return [row.get("date"), row.get("summary", ""), list(row.get("entities", [])), len(sources)]


def _claim_summary(row: dict[str, Any]) -> list[Any]:
    return [
        row.get("event"),
        row.get("what", ""),
        row.get("value", ""),
        list(row.get("conflicts_with", [])),
    ]


_SUMMARY_ROW: dict[str, Callable[[dict[str, Any]], list[Any]]] = {
    "entities": _entity_summary,
    "events": _event_summary,
    "claims": _claim_summary,
}


def summary(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """What the app lists of a whole row (an entity's name, kind and counts; an event's date,
    summary and entities; a claim's value and conflicts)."""
    return _expand(table, row["id"], _SUMMARY_ROW[table](row))


def _expand(table: str, x: str, values: list[Any]) -> dict[str, Any]:
    return {"id": x, **dict(zip(_SUMMARY_KEYS[table], values, strict=True))}


# --- reading ---------------------------------------------------------------------------------


class LookupIndex:
    """The index of one case file, opened for lookups; None from `open` when there is none."""

    def __init__(self, path: Path, index: dict[str, Any], file: BinaryIO) -> None:
        self.path = path
        self._file = file
        self._lock = threading.Lock()
        self.raw = index
        self.ids: dict[str, list[str]] = index["ids"]
        self.offsets: dict[str, list[list[int]]] = index["rows"]
        self.row_of = {name: {x: i for i, x in enumerate(self.ids[name])} for name in RECORDS}
        words_index = _WordIndex()
        words_index.vocab = index["vocab"]
        words_index.postings = dict(zip(index["vocab"], index["postings"], strict=True))
        words_index.skeletons = index["skeletons"]
        words_index.entries = _Stubs(self.ids, index["entries"])  # type: ignore[assignment]
        self.words = words_index

    @classmethod
    def open(cls, path: str | Path) -> LookupIndex | None:
        """The index of the case file at `path`, or None (no index, an older layout, or a
        file that does not hold together: the caller then reads the case the usual way,
        which also says what is wrong with it). Holds the file open, so every row read
        later comes from this version even if a build replaces the file meanwhile."""
        from casefile import store

        path = Path(path)
        try:
            f = open(path, "rb")  # noqa: SIM115  (closed by `close`)
        except OSError:
            return None
        try:
            ends = store.layout(f.read(store.HEAD_BYTES))
            if ends is None or ends.index_end <= ends.texts_end:
                raise ValueError("no index")
            f.seek(ends.texts_end)
            raw = f.read(ends.index_end - ends.texts_end)
            if not raw.startswith(b',"index":') or len(raw) != ends.index_end - ends.texts_end:
                raise ValueError("no index")
            index = orjson.loads(b"{" + raw[1:] + b"}")["index"]["1"]
            if index.get("v") != VERSION:
                raise ValueError("another index version")
            return cls(path, index, f)
        except (OSError, ValueError, KeyError, TypeError):
            f.close()
            return None

    def close(self) -> None:
        self._file.close()

    def texts(self, documents: list[dict[str, Any]]) -> Texts:
        """A reader of these documents' texts, from the same version of the file."""
        from casefile import store

        texts = store.Texts(self.path, None, file=self._file, lock=self._lock)
        texts.locate(documents)
        return texts

    def _read(self, at: int, length: int) -> bytes:
        with self._lock:  # the app reads from its worker thread too
            self._file.seek(at)
            return self._file.read(length)

    def rank(self, query: str, limit: int, kinds: Iterable[str] | None) -> list[tuple[str, str]]:
        """(kind, id) of the best `limit` entities, events and claims, best first: the same
        ranking `SearchIndex(case, sentences=False).search` gives over the whole case."""
        qwords = words(query)
        if not qwords or limit <= 0:
            return []
        wanted = wanted_kinds(kinds)
        if wanted is not None and wanted <= {"sentence"}:
            return []
        groups, _ = rank([self.words], qwords, limit, wanted)
        return [(g[0][1].kind, g[0][1].id) for g in groups]

    def fetch(self, table: str, ids: Iterable[str]) -> list[dict[str, Any]]:
        """The rows of these ids (unknown ids skipped), each read at its own offset."""
        rows = []
        for x in dict.fromkeys(ids):
            i = self.row_of[table].get(x)
            if i is None:
                continue
            row = orjson.loads(self._read(*self.offsets[table][i]))
            row.pop("_order", None)
            rows.append(row)
        return rows

    def table(self, name: str) -> list[dict[str, Any]]:
        """A whole light table's rows, in order (the documents, for a lookup)."""
        start, end = self.raw["tables"][name]
        table = orjson.loads(self._read(start, end - start))
        rows = sorted(table.values(), key=lambda r: r.get("_order", 0))
        return [{k: v for k, v in r.items() if k != "_order"} for r in rows]

    def summary_case(self) -> dict[str, Any]:
        """The case as the app first shows it: meta, documents and judgements whole (texts
        apart), and for entities, events and claims their summaries (see `summary`)."""
        from casefile import store

        parts: dict[str, Any] = {}
        for name in ("meta", "documents", "judgements", "relations"):
            if name in self.raw["tables"]:
                start, end = self.raw["tables"][name]
                parts[name] = orjson.loads(self._read(start, end - start))
        case = store.case_of(parts)
        for name in RECORDS:
            case[name] = [
                _expand(name, x, values)
                for x, values in zip(self.ids[name], self.raw["summaries"][name], strict=True)
            ]
        return case

    def whole_case(self, summary_case: dict[str, Any]) -> dict[str, Any]:
        """`summary_case` with the whole rows of its entities, events and claims."""
        return {**summary_case, **{name: list(self.rows(name)) for name in RECORDS}}

    def light_size(self) -> int:
        """Bytes of the light tables (what reading the whole case parses)."""
        return sum(end - start for start, end in self.raw["tables"].values())

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of a table, whole, in order, parsed one at a time (a thread reading a
        large case this way lets the app's other threads run between rows)."""
        spans = self.offsets[table]
        if not spans:
            return
        start = spans[0][0]
        raw = self._read(start, spans[-1][0] + spans[-1][1] - start)
        for at, length in spans:
            row = orjson.loads(raw[at - start : at - start + length])
            row.pop("_order", None)
            yield row

    def case_for(self, keys: list[tuple[str, str]]) -> dict[str, Any]:
        """A case holding the documents and just the rows an answer about these hits shows:
        the hits themselves, and for the best one the events of an entity, the claims and
        entities of an event, the event and conflicting claims of a claim."""
        want: dict[str, list[str]] = {name: [] for name in RECORDS}
        for kind, x in keys:
            want[_table_of(kind)].append(x)
        if keys:
            kind, best = keys[0]
            if kind in ENTITY_KINDS:
                row = self.row_of["entities"].get(best)
                events = self.raw["entity_events"].get(str(row), [])
                want["events"] += [self.ids["events"][i] for i in events]
            elif kind == "event":
                row = self.row_of["events"].get(best)
                claims = self.raw["event_claims"].get(str(row), [])
                want["claims"] += [self.ids["claims"][i] for i in claims]
                for ev in self.fetch("events", [best]):
                    want["entities"] += ev.get("entities", [])
            elif kind == "claim":
                for cl in self.fetch("claims", [best]):
                    want["events"] += [cl["event"]] if cl.get("event") else []
                    want["claims"] += cl.get("conflicts_with", [])
        case: dict[str, Any] = {"documents": self.table("documents")}
        for name in RECORDS:  # in the case's own order, as answers list them
            rows = self.row_of[name]
            case[name] = self.fetch(name, sorted(set(want[name]) & rows.keys(), key=rows.get))
        return case

    def search(self, query: str, limit: int, kinds: Iterable[str] | None) -> tuple[dict, list[Hit]]:
        """A case holding what the answer shows, and the hits (with their spans) of `query`
        over entities, events and claims, as a search over the whole case gives them."""
        keys = self.rank(query, limit, kinds)
        case = self.case_for(keys)
        if not keys:
            return case, []
        found = SearchIndex(case, sentences=False).search(
            query, limit=sum(len(case[n]) for n in RECORDS), kinds=wanted_kinds(kinds)
        )
        by_key = {(h.kind, h.id): h for h in found}
        return case, [by_key[k] for k in keys if k in by_key]


def _table_of(kind: str) -> str:
    return "entities" if kind in ENTITY_KINDS else "events" if kind == "event" else "claims"


class _Stubs:
    """The index's entries as search entries, each made when a search first scores it (a
    case has hundreds of thousands; a query touches a few hundred)."""

    def __init__(self, ids: dict[str, list[str]], raw: list[list[Any]]) -> None:
        self._ids = ids
        self._raw = raw
        self._made: dict[int, _Entry] = {}

    def __len__(self) -> int:
        return len(self._raw)

    def __getitem__(self, idx: int) -> _Entry:
        entry = self._made.get(idx)
        if entry is None:
            t, i, kind, label, weight, nwords = self._raw[idx]
            x = self._ids[RECORDS[t]][i]
            # enough to score and rank; the spans come from the row, once it is read
            entry = _Entry(kind, x, label, [], x if t == 0 else None, weight, nwords, t == 0, None)
            self._made[idx] = entry
        return entry
