"""Read-only views over a loaded case dict, shaped for the panes.

Plain functions and one small index class; no Textual here so they are cheap to test.
Every piece of document text that leaves this module for a widget is a `rich.text.Text`
(never a markup string) and has been made terminal-safe.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from rich.text import Text

from casefile.lookup_index import summaries
from casefile.sanitize import flatten, one_line

Span = dict[str, Any]
Range = tuple[int, int]

KIND_TITLES = (("person", "People"), ("organization", "Organizations"), ("place", "Places"))
ALIAS_LABELS = {
    "name": "name",
    "aka": "also known as",
    "variant": "spelling variant",
    "short": "short form",
    "acronym": "acronym",
    "seen": "seen as",
}
CONFLICT_MARK = "⚠"

# --- one character in, one character out -------------------------------------------------


def _display_table() -> dict[int, str]:
    """Controls, escapes and bidi overrides become visible placeholders of length one.

    Unlike `casefile.sanitize.inert`, nothing is removed: the source view needs offsets in
    the displayed string to equal offsets in the stored text, so highlights land exactly.
    """
    table: dict[int, str] = {}
    for cp in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), *range(0xD800, 0xE000)]:
        table[cp] = "\ufffd"
    table[0x1B] = "␛"
    table[ord("\t")] = " "  # a tab's width depends on the column; one cell keeps offsets 1:1
    table[ord("\r")] = " "
    del table[ord("\n")]
    for cp in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[cp] = "\ufffd"
    return table


_DISPLAY = _display_table()


def display_text(text: str) -> str:
    """`text` with every unsafe character replaced one-for-one (same length, same offsets)."""
    return text.translate(_DISPLAY)


# --- small formatting helpers --------------------------------------------------------------


def quote(text: str, span: Span, context: int = 28) -> Text:
    """A one-line quote around `span`, the span itself in bold."""
    s, e = span["start"], span["end"]
    lo, hi = max(0, s - context), min(len(text), e + context)
    before, mid, after = flatten(text[lo:s]).lstrip(), one_line(text[s:e]), flatten(text[e:hi])
    out = Text("…" if lo > 0 else "", style="dim")
    out.append(before)
    out.append(mid, style="bold")
    out.append(after.rstrip())
    if hi < len(text):
        out.append("…", style="dim")
    return out


def sentence(text: str, span: Span, cap: int = 240) -> Text:
    """The sentence holding `span`, on one line, the span itself highlighted.

    Document text is hostile: every piece is made inert and whitespace is collapsed.
    """
    from casefile.search import sentence_around

    s, e = span["start"], span["end"]
    first, last = sentence_around(text, s, e)
    lo, hi = max(first, s - cap), min(last, e + cap)
    out = Text("…" if lo > first else "", style="dim")
    out.append(flatten(text[lo:s]).lstrip())
    out.append(one_line(text[s:e]), style="bold reverse")
    out.append(flatten(text[e:hi]).rstrip())
    if hi < last:
        out.append("…", style="dim")
    return out


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def dedupe(spans: list[Span]) -> list[Span]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for s in spans:
        key = (s["doc"], s["start"], s["end"])
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def by_doc(spans: list[Span]) -> dict[str, list[Range]]:
    out: dict[str, list[Range]] = defaultdict(list)
    for s in spans:
        out[s["doc"]].append((s["start"], s["end"]))
    return {d: sorted(set(r)) for d, r in out.items()}


# --- names of an entity --------------------------------------------------------------------


@dataclass
class Name:
    """One name of an entity, with where it was found."""

    name: str
    type: str  # a key of ALIAS_LABELS
    spans: list[Span] = field(default_factory=list)

    @property
    def docs(self) -> list[str]:
        return list(dict.fromkeys(s["doc"] for s in self.spans))


def _fold(s: str) -> str:
    return " ".join(s.casefold().split())


def names_of(entity: dict[str, Any]) -> list[Name]:
    """The canonical name, each alias, then any surface form seen only in mentions.

    A name's spans are its alias sources plus the mentions spelled the same way.
    """
    mentions: dict[str, list[Span]] = defaultdict(list)
    for m in entity.get("mentions", []):
        mentions[_fold(m["text"])].append(m)
    out: list[Name] = []
    seen: set[str] = set()

    def add(name: str, kind: str, sources: list[Span]) -> None:
        key = _fold(name)
        if key in seen:
            return
        seen.add(key)
        out.append(Name(name, kind, dedupe([*sources, *mentions.get(key, [])])))

    add(entity.get("name", ""), "name", [])
    for alias in entity.get("aliases", []):
        add(alias["name"], alias.get("type", "variant"), alias.get("sources", []))
    for spans in mentions.values():
        add(spans[0]["text"], "seen", [])
    return out


def entity_spans(entity: dict[str, Any]) -> list[Span]:
    """Every span that names this entity: its mentions and its aliases' sources."""
    return dedupe(
        [
            *entity.get("mentions", []),
            *(s for a in entity.get("aliases", []) for s in a.get("sources", [])),
        ]
    )


# --- the index the panes share -------------------------------------------------------------


class Rows(Mapping[str, dict[str, Any]]):
    """One table's records by id: each record's summary at hand (`summary`), the whole row
    read on first use (`rows[id]`).

    From a whole case both are there at once. From a case file's lookup index (a large case,
    see `casefile.lookup_index`) only the summaries are: a row is read at its offset when a
    pane asks for it, until `fill` hands over every row.
    """

    def __init__(
        self,
        table: str,
        rows: list[dict[str, Any]],
        fetch: Callable[[str, list[str]], list[dict[str, Any]]] | None = None,
    ) -> None:
        self.table = table
        self._fetch = fetch
        if fetch is None:  # whole rows
            self._rows = {r["id"]: r for r in rows}
            self._summaries = {r["id"]: r for r in summaries(table, rows)}
        else:  # summaries
            self._rows = {}
            self._summaries = {r["id"]: r for r in rows}

    @property
    def complete(self) -> bool:
        return self._fetch is None

    def __getitem__(self, key: str) -> dict[str, Any]:
        row = self._rows.get(key)
        if row is None:
            if key not in self._summaries or self._fetch is None:
                raise KeyError(key)
            (row,) = self._fetch(self.table, [key])
            self._rows[key] = row
        return row

    def __iter__(self) -> Iterator[str]:
        return iter(self._summaries)

    def __len__(self) -> int:
        return len(self._summaries)

    def __contains__(self, key: object) -> bool:
        return key in self._summaries

    def summary(self, key: str) -> dict[str, Any]:
        return self._summaries[key]

    def summaries(self) -> Iterable[dict[str, Any]]:
        return self._summaries.values()

    def fill(self, rows: Iterable[dict[str, Any]]) -> None:
        """Every whole row (the case finished loading): no more reads."""
        self._rows = {r["id"]: r for r in rows}
        self._fetch = None


class CaseIndex:
    """Lookups over the case that several panes need.

    `case` holds whole rows, or (with `fetch`, for a large case opened from its lookup
    index) the summaries of its entities, events and claims; `fill` later gives the whole
    case. Panes list records from summaries and read a whole row only for what they show.
    """

    def __init__(
        self,
        case: dict[str, Any],
        fetch: Callable[[str, list[str]], list[dict[str, Any]]] | None = None,
    ) -> None:
        self.case = case
        self.documents: list[dict[str, Any]] = case.get("documents", [])
        self.docs = {d["id"]: d for d in self.documents}
        self.doc_order = {d["id"]: i for i, d in enumerate(self.documents)}
        self.entities = Rows("entities", case.get("entities", []), fetch)
        self.events = Rows("events", case.get("events", []), fetch)
        self.claims = Rows("claims", case.get("claims", []), fetch)
        self.judgements = {j["id"]: j for j in case.get("judgements", []) if "id" in j}
        self._owner: dict[tuple[str, int, int], str] | None = None
        self.claims_by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for c in self.claims.summaries():
            if c.get("event"):
                self.claims_by_event[c["event"]].append(c)

    @property
    def complete(self) -> bool:
        """Whether every whole row is at hand (edits, the review queue and export need it)."""
        return self.entities.complete

    def fill(self, case: dict[str, Any]) -> None:
        """The whole case, read in the background, replaces the summaries' one."""
        self.case = case
        for rows in (self.entities, self.events, self.claims):
            rows.fill(case.get(rows.table, []))

    @property
    def owner(self) -> dict[tuple[str, int, int], str]:
        """The entity holding each mention (built on first use: it reads every row)."""
        if self._owner is None:
            self._owner = {
                (m["doc"], m["start"], m["end"]): eid
                for eid in self.entities
                for m in self.entities[eid].get("mentions", [])
            }
        return self._owner

    def doc_label(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id)
        return one_line(doc.get("name") or doc_id) if doc else doc_id

    def doc_title(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id, {})
        return one_line(doc.get("title") or doc.get("name") or doc_id)

    def order_docs(self, doc_ids: list[str] | set[str]) -> list[str]:
        return sorted(set(doc_ids), key=lambda d: self.doc_order.get(d, 1 << 30))

    def owner_of(self, spans: list[Span]) -> str | None:
        """The entity holding the first of `spans` that is still a mention."""
        for s in spans:
            eid = self.owner.get((s["doc"], s["start"], s["end"]))
            if eid:
                return eid
        return None

    def entity_name(self, eid: str) -> str:
        return one_line(self.entities.summary(eid)["name"]) if eid in self.entities else eid

    def sorted_events(self) -> list[dict[str, Any]]:
        """Chronological (summaries); a year sorts before its months, a month before its days."""
        return sorted(self.events.summaries(), key=lambda e: (e.get("date") or "9999", e["id"]))

    def conflicts(self, event_id: str) -> list[tuple[str, str, list[str]]]:
        """(what, this value, the values it conflicts with) for the event's claims."""
        out = []
        for c in self.claims_by_event.get(event_id, []):
            others = c["conflict_values"]  # each conflicting value once
            if others:
                out.append((c.get("what", ""), c.get("value", ""), others))
        return out

    def conflict_text(self, event_id: str) -> str:
        parts = [
            f"{what}: {value} vs {' / '.join(others)}"
            for what, value, others in self.conflicts(event_id)
        ]
        return one_line("; ".join(parts))

    def event_spans(self, event_id: str) -> list[Span]:
        ev = self.events.get(event_id, {})
        return dedupe(list(ev.get("sources", [])))

    def event_soft_spans(self, event_id: str) -> list[Span]:
        """Where the event's date and claims and participants are named: shown softly."""
        ev = self.events.get(event_id, {})
        spans = list(ev.get("date_sources", []))
        for c in self.claims_by_event.get(event_id, []):
            spans += self.claims[c["id"]].get("sources", [])
        for eid in ev.get("entities", []):
            if eid in self.entities:
                spans += entity_spans(self.entities[eid])
        return dedupe(spans)
