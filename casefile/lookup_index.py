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

Then a table `summaries`: what the app lists of each entity, event and claim (name, kind and
counts; date, summary and who; value and conflicting values), so that a large case's tree and
timeline are drawn before its records are read (`LookupIndex.summary_case`).

A lookup ranks with the index, reads the rows of the best hits (and what their answer
lists), and re-runs the ordinary `SearchIndex` on just those rows, so its hits and spans are
the ones a search over the whole case gives. The index is derived data: a file without one
(an older layout) or with a damaged one is simply read the slow way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
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
    tie_order,
    wanted_kinds,
    words,
)

if TYPE_CHECKING:
    from casefile.store import Texts

VERSION = 3
RECORDS = ("entities", "events", "claims")  # the tables searched and summarised
LOCATED = ("documents", *RECORDS)  # the tables whose rows the index locates
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
    """The index row for these light tables (see `summaries_row` for the app's part).

    `ranges`: each table's [start, end) in the file; `rows`: the [offset, length] of each
    row of the LOCATED tables, in table order. Everything is stored as flat lists (one per
    column; lists of lists as a `_packed` pair), which JSON parses several times faster
    than many small lists: a lookup parses the whole index.
    """
    ids = {name: [r.get("id") for r in tables.get(name, {}).values()] for name in LOCATED}
    columns: dict[str, list[Any]] = {k: [] for k in ("table", "row", "kind", "label", "weight")}
    columns["nwords"] = []
    made: list[_Entry] = []
    postings: dict[str, list[int]] = {}
    for t, name in enumerate(RECORDS):
        for i, row in enumerate(tables.get(name, {}).values()):
            for entry in _ENTRIES[name](row):
                label_words = entry_words(entry)
                if not label_words:
                    continue
                idx = len(made)
                made.append(entry)
                for key, value in zip(
                    columns,
                    (t, i, KINDS.index(entry.kind), entry.label, entry.weight, len(label_words)),
                    strict=True,
                ):
                    columns[key].append(value)
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
    entity_events: list[list[int]] = [[] for _ in ids["entities"]]
    for i, ev in enumerate(tables.get("events", {}).values()):
        for eid in dict.fromkeys(ev.get("entities", [])):
            if eid in entity_row:
                entity_events[entity_row[eid]].append(i)
    event_row = {evid: i for i, evid in enumerate(ids["events"])}
    event_claims: list[list[int]] = [[] for _ in ids["events"]]
    for i, cl in enumerate(tables.get("claims", {}).values()):
        if cl.get("event") in event_row:
            event_claims[event_row[cl["event"]]].append(i)
    return {
        "v": VERSION,
        "tables": ranges,
        "rows": {name: [x for span in spans for x in span] for name, spans in rows.items()},
        "ids": ids,
        "entries": columns,
        "order": tie_order(made),
        "vocab": vocab,
        "postings": _packed([postings[w] for w in vocab]),
        "skeletons": skeletons,
        "entity_events": _packed(entity_events),
        "event_claims": _packed(event_claims),
    }


KINDS = ("person", "organization", "place", "event", "claim")  # entries' kinds, by code


def _packed(lists: list[list[int]]) -> dict[str, list[int]]:
    """Lists of ints as one flat list and where each starts (the last start is the end)."""
    starts, flat = [0], []
    for x in lists:
        flat += x
        starts.append(len(flat))
    return {"starts": starts, "flat": flat}


def _unpacked(packed: dict[str, list[int]], i: int) -> list[int]:
    starts = packed["starts"]
    return packed["flat"][starts[i] : starts[i + 1]]


class _Postings(Mapping[str, list[int]]):
    """The stored postings by word, each list cut from the flat one when it is asked for."""

    def __init__(self, vocab: list[str], packed: dict[str, list[int]]) -> None:
        self._at = {w: i for i, w in enumerate(vocab)}
        self._packed = packed

    def __getitem__(self, word: str) -> list[int]:
        return _unpacked(self._packed, self._at[word])

    def __contains__(self, word: object) -> bool:
        return word in self._at

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)


# --- summaries: what the app's first paint shows of each record ------------------------------
# A row of the index's "summaries" is a list (compact); `summary` gives the dict the app reads,
# the same for a row read whole and for one known only from the index.

_SUMMARY_KEYS = {
    "entities": ("kind", "name", "aliases", "mention_count", "doc_count", "merge_count"),
    "events": ("date", "summary", "entities", "source_count"),
    "claims": ("event", "what", "value", "conflict_values"),
}
_PALETTE_ALIASES = 4  # alias names a summary keeps (the command palette shows as many)


def _entity_summary(row: dict[str, Any]) -> list[Any]:
    aliases = row.get("aliases", [])
    spans = [*row.get("mentions", []), *(s for a in aliases for s in a.get("sources", []))]
    return [
        row.get("kind", "person"),
        row.get("name", ""),
        [{"name": a["name"]} for a in aliases[:_PALETTE_ALIASES]],
        len(row.get("mentions", [])),
        len({s["doc"] for s in spans}),
        len(row.get("merges", [])),
    ]


def _event_summary(row: dict[str, Any]) -> list[Any]:
    sources = {(s["doc"], s["start"]) for s in row.get("sources", [])}
    return [row.get("date"), row.get("summary", ""), list(row.get("entities", [])), len(sources)]


def _summary_lists(table: str, rows: Iterable[dict[str, Any]]) -> list[list[Any]]:
    rows = list(rows)
    if table == "entities":
        return [_entity_summary(r) for r in rows]
    if table == "events":
        return [_event_summary(r) for r in rows]
    # a claim's conflicts by the values they give, each once: a timeline row shows those,
    # and a busy case has claims in conflict with hundreds of others
    value = {r["id"]: r.get("value", "") for r in rows}
    return [
        [
            r.get("event"),
            r.get("what", ""),
            r.get("value", ""),
            list(dict.fromkeys(value[x] for x in r.get("conflicts_with", []) if x in value)),
        ]
        for r in rows
    ]


def summaries(table: str, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the app lists of each whole row of a table: an entity's name, kind and counts;
    an event's date, summary and entities; a claim's value and the values it conflicts with.
    The same dicts the index's summaries part gives (`LookupIndex.summary_case`)."""
    rows = list(rows)
    lists = _summary_lists(table, rows)
    return [_expand(table, r["id"], v) for r, v in zip(rows, lists, strict=True)]


def summaries_row(tables: dict[str, Rows]) -> dict[str, Any]:
    """The file's summaries part: each record's summary as a list, in table order."""
    return {name: _summary_lists(name, tables.get(name, {}).values()) for name in RECORDS}


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
        self.offsets: dict[str, list[int]] = index["rows"]  # offset, length, offset, …
        self.row_of = {name: {x: i for i, x in enumerate(self.ids[name])} for name in LOCATED}
        entries = index["entries"]
        words_index = _WordIndex()
        words_index.vocab = index["vocab"]
        words_index.postings = _Postings(index["vocab"], index["postings"])  # type: ignore[assignment]
        words_index.skeletons = index["skeletons"]
        words_index.entries = _Stubs(self.ids, entries)  # type: ignore[assignment]
        words_index.order = index["order"]
        # a lookup scores a few hundred entries: their factors are made as they are met
        words_index.single_cover = words_index.weights = None
        words_index.uniform = None
        words_index.max_weight = max(entries["weight"], default=0.0)
        words_index.members = None  # a first pass ranks groups; their labels come with rows
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
            at = self.offsets[table]
            row = orjson.loads(self._read(at[2 * i], at[2 * i + 1]))
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
        with self._lock:
            self._file.seek(0)
            ends = store.layout(self._file.read(store.HEAD_BYTES))
        if ends is None or ends.summaries_end <= ends.index_end:
            raise ValueError("no summaries")
        raw = self._read(ends.index_end, ends.summaries_end - ends.index_end)
        lists = orjson.loads(b"{" + raw[1:] + b"}")["summaries"]["1"]
        for name in RECORDS:
            case[name] = [
                _expand(name, x, values)
                for x, values in zip(self.ids[name], lists[name], strict=True)
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
        at = self.offsets[table]
        if not at:
            return
        start = at[0]
        raw = self._read(start, at[-2] + at[-1] - start)
        for offset, length in zip(at[::2], at[1::2], strict=True):
            row = orjson.loads(raw[offset - start : offset - start + length])
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
                events = _unpacked(self.raw["entity_events"], row) if row is not None else []
                want["events"] += [self.ids["events"][i] for i in events]
            elif kind == "event":
                row = self.row_of["events"].get(best)
                claims = _unpacked(self.raw["event_claims"], row) if row is not None else []
                want["claims"] += [self.ids["claims"][i] for i in claims]
                for ev in self.fetch("events", [best]):
                    want["entities"] += ev.get("entities", [])
            elif kind == "claim":
                for cl in self.fetch("claims", [best]):
                    want["events"] += [cl["event"]] if cl.get("event") else []
                    want["claims"] += cl.get("conflicts_with", [])
        case: dict[str, Any] = {}
        for name in RECORDS:  # in the case's own order, as answers list them
            case[name] = self._fetch_in_order(name, want[name])
        # every document, in order, each read (with its text) only if the answer names it
        texts = self.texts([])
        case["documents"] = [_Document(x, self, texts) for x in self.ids["documents"]]
        return case

    def _fetch_in_order(self, table: str, ids: Iterable[str]) -> list[dict[str, Any]]:
        rows = self.row_of[table]
        return self.fetch(table, sorted(set(ids) & rows.keys(), key=rows.get))

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


class _Document(dict):
    """A document of a lookup's case, known by its id: the row is read at its offset the
    first time another key is asked for, the text the first time "text" is."""

    __slots__ = ("_index", "_texts", "_state")

    def __init__(self, doc_id: str, index: LookupIndex, texts: Texts) -> None:
        super().__init__(id=doc_id)
        self._index, self._texts, self._state = index, texts, 0  # 0: id, 1: row, 2: text

    def _need(self, key: object) -> None:
        if key == "id" or self._state == 2:
            return
        if self._state == 0:
            (row,) = self._index.fetch("documents", [self["id"]])
            self._texts.locate([row])
            dict.update(self, row)
            self._state = 1
        if key == "text":
            dict.__setitem__(self, "text", self._texts.get(self["id"]) or "")
            self._state = 2

    def __getitem__(self, key: str) -> Any:
        self._need(key)
        return dict.__getitem__(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        self._need(key)
        return dict.get(self, key, default)

    def __contains__(self, key: object) -> bool:
        self._need(key)
        return dict.__contains__(self, key)


def _table_of(kind: str) -> str:
    return "entities" if kind in ENTITY_KINDS else "events" if kind == "event" else "claims"


class _Stubs:
    """The index's entries as search entries, each made when a search first scores it (a
    case has hundreds of thousands; a query touches a few hundred)."""

    def __init__(self, ids: dict[str, list[str]], columns: dict[str, list[Any]]) -> None:
        self._ids = ids
        self._columns = columns
        self._made: dict[int, _Entry] = {}

    def __len__(self) -> int:
        return len(self._columns["label"])

    def __getitem__(self, idx: int) -> _Entry:
        entry = self._made.get(idx)
        if entry is None:
            c = self._columns
            t = c["table"][idx]
            x = self._ids[RECORDS[t]][c["row"][idx]]
            # enough to score and rank; the spans come from the row, once it is read
            entry = _Entry(
                KINDS[c["kind"][idx]],
                x,
                c["label"][idx],
                [],
                x if t == 0 else None,
                c["weight"][idx],
                c["nwords"][idx],
                t == 0,
                None,
            )
            self._made[idx] = entry
        return entry
