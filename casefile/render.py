"""Answers for `casefile lookup`: plain text for a terminal or a pipe, and JSON.

Standard library only (plus what `casefile.search` needs): this runs on the fast path.

Every string taken from the case (names, document text, file names, reasons, ids) passes
through `sanitize.flatten`/`one_line` before it is written, so nothing a document contains
reaches the terminal as an escape sequence; the only escape codes in the output are the
ones added here when `color` is true. Without color, a matched span is shown as
`[[Rustam Nazarov]]`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from casefile.sanitize import flatten, one_line
from casefile.search import ENTITY_KINDS, Hit, sentence_around

MARK_OPEN, MARK_CLOSE = "[[", "]]"
_BOLD, _REVERSE, _RESET = "\x1b[1m", "\x1b[1;7m", "\x1b[0m"
_OTHER_HITS = 10
_LABEL_MAX = 90


class _Case:
    """Lookups into the case dict, and the terminal styling in use."""

    def __init__(self, case: dict[str, Any], color: bool) -> None:
        self.color = color
        self.docs = {d["id"]: d for d in case.get("documents", [])}
        self.doc_order = {d["id"]: i for i, d in enumerate(case.get("documents", []))}
        self.entities = {e["id"]: e for e in case.get("entities", [])}
        self.events = {e["id"]: e for e in case.get("events", [])}
        self.claims = {c["id"]: c for c in case.get("claims", [])}

    def mark(self, s: str) -> str:
        return f"{_REVERSE}{s}{_RESET}" if self.color else f"{MARK_OPEN}{s}{MARK_CLOSE}"

    def bold(self, s: str) -> str:
        return f"{_BOLD}{s}{_RESET}" if self.color else s

    def doc_name(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id)
        return one_line(str(doc.get("name") or doc_id) if doc else doc_id)

    def doc_names(self, spans: list[dict], most: int = 3) -> str:
        ids = sorted({s["doc"] for s in spans}, key=lambda d: self.doc_order.get(d, 1 << 30))
        names = ", ".join(self.doc_name(d) for d in ids[:most])
        return names + (f" +{len(ids) - most} more" if len(ids) > most else "")

    def sentence(self, span: dict) -> tuple[int, int, str] | None:
        """(start, end, raw text) of the sentence around `span`, if its document has text."""
        text = (self.docs.get(span["doc"]) or {}).get("text")
        start, end = span.get("start", -1), span.get("end", -1)
        if not isinstance(text, str) or not 0 <= start <= end <= len(text):
            return None
        s, e = sentence_around(text, start, end)
        return s, e, text[s:e]

    def mark_ranges(self, label: str, ranges: list[tuple[int, int]]) -> str:
        """`label` on one line with the given character ranges marked."""
        out, pos = [], 0
        for a, b in sorted(ranges):
            if a < pos or b > len(label):
                continue
            out += [flatten(label[pos:a]), self.mark(flatten(label[a:b]))]
            pos = b
        out.append(flatten(label[pos:]))
        return "".join(out).strip()


def _short(s: str, most: int = _LABEL_MAX) -> str:
    s = one_line(s)
    return s if len(s) <= most else s[: most - 1].rstrip() + "…"


def _dedup_spans(spans: list[dict], order: dict[str, int]) -> list[dict]:
    """One span per (document, surface), in document order."""
    seen: set[tuple[str, str]] = set()
    out = []
    for span in sorted(spans, key=lambda s: (order.get(s["doc"], 1 << 30), s.get("start", 0))):
        key = (span["doc"], span.get("text", "").casefold())
        if key not in seen:
            seen.add(key)
            out.append(span)
    return out


def _sentence_groups(c: _Case, spans: list[dict]) -> list[tuple[str, int, int, list[dict]]]:
    """(doc, start, end, spans) per sentence holding `spans`, in the order first seen.

    A span whose document has no text gets a group of its own with start -1.
    """
    groups: dict[tuple[str, int, int], list[dict]] = {}
    for span in spans:
        found = c.sentence(span)
        key = (span["doc"], found[0], found[1]) if found else (span["doc"], -1, len(groups))
        groups.setdefault(key, []).append(span)
    return [(doc, s, e, group) for (doc, s, e), group in groups.items()]


def _marked_sentence(c: _Case, doc: str, s: int, e: int, group: list[dict]) -> str:
    if s < 0:
        return c.mark(one_line(group[0].get("text", "")))
    sentence = c.docs[doc]["text"][s:e]
    return c.mark_ranges(sentence, [(x["start"] - s, x["end"] - s) for x in group])


def _source_lines(c: _Case, spans: list[dict], limit: int, indent: str = "  ") -> list[str]:
    """`doc: sentence` per span, spans of one sentence marked together on one line."""
    spans = _dedup_spans(spans, c.doc_order)
    lines = [
        f"{indent}{c.doc_name(doc)}: {_marked_sentence(c, doc, s, e, group)}"
        for doc, s, e, group in _sentence_groups(c, spans[:limit])
    ]
    if len(spans) > limit:
        lines.append(f"{indent}… and {len(spans) - limit} more")
    return lines or [f"{indent}(none)"]


# --- text: the best hit --------------------------------------------------------------


def _entity_names(ent: dict[str, Any]) -> list[tuple[str, str, list[dict]]]:
    """(name, type, spans) for each alias, then each other spelling seen in a mention."""
    by_surface: dict[str, list[dict]] = {}
    for span in ent.get("mentions", []):
        by_surface.setdefault(span.get("text", "").casefold(), []).append(span)
    names = []
    known = {ent.get("name", "").casefold()}
    for alias in ent.get("aliases", []):
        key = alias.get("name", "").casefold()
        known.add(key)
        spans = alias.get("sources") or by_surface.get(key, [])
        typ = alias.get("type", "aka")
        if alias.get("by") == "judgement":  # a person's, with their note
            typ += ", by hand" + (f": {alias['note']}" if alias.get("note") else "")
        names.append((alias.get("name", ""), typ, spans))
    names += [(s[0]["text"], "spelling", s) for k, s in by_surface.items() if k not in known]
    return names


def _header(c: _Case, hit: Hit | None, ent: dict[str, Any]) -> list[str]:
    kind = ent.get("kind", hit.kind if hit else "?")
    lines = [f"{c.bold(one_line(ent.get('name', '')))}  ({one_line(kind)}, {one_line(ent['id'])})"]
    if hit is not None and hit.label != ent.get("name"):
        lines.append(f"  matched: {c.mark_ranges(hit.label, hit.matched)}")
    return lines


def _names_lines(c: _Case, ent: dict[str, Any]) -> list[str]:
    lines = []
    for name, typ, spans in _entity_names(ent):
        where = f"  in {c.doc_names(spans)}" if spans else ""
        lines.append(f"  {one_line(name)}  ({one_line(typ)}){where}")
    return lines


def _all_spans(ent: dict[str, Any]) -> list[dict]:
    return list(ent.get("mentions", [])) + [
        s for a in ent.get("aliases", []) for s in a.get("sources") or []
    ]


def _explained_merges(ent: dict[str, Any]) -> list[dict]:
    # links between two mentions of the very same name explain nothing to a reader
    return [
        m
        for m in ent.get("merges", [])
        if str(m.get("a", "")).casefold() != str(m.get("b", "")).casefold()
    ]


def _merge_lines(c: _Case, merges: list[dict], evidence: bool = False) -> list[str]:
    lines = []
    for m in merges:
        by = f", by {one_line(str(m['by']))}" if m.get("by") else ""
        reasons = "; ".join(one_line(str(r)) for r in m.get("reasons", []))
        lines.append(
            f"  {one_line(str(m.get('a', '')))} = {one_line(str(m.get('b', '')))}"
            f"  (score {m.get('score', '?')}{by}): {reasons}"
        )
        if evidence and isinstance(m.get("evidence"), dict) and "doc" in m["evidence"]:
            lines += _source_lines(c, [m["evidence"]], 1, indent="    ")
    return lines


def _event_order(ev: dict[str, Any]) -> tuple[str, str]:
    """Chronological; a year sorts before its months, a month before its days."""
    return (str(ev.get("date") or "9999"), ev.get("id", ""))


def _entity_events(c: _Case, ent: dict[str, Any]) -> list[dict[str, Any]]:
    return sorted(
        (ev for ev in c.events.values() if ent["id"] in ev.get("entities", [])), key=_event_order
    )


def _entity_text(c: _Case, hit: Hit, ent: dict[str, Any], limit: int) -> list[str]:
    lines = _header(c, hit, ent)
    names = _names_lines(c, ent)
    if names:
        lines += ["", "Also known as / spellings:", *names]
    lines += ["", "Sources:"]
    lines += _source_lines(c, _all_spans(ent), limit)
    merges = _explained_merges(ent)
    if merges:
        lines += ["", "Merged because:", *_merge_lines(c, merges[:limit])]
    events = _entity_events(c, ent)
    if events:
        lines += ["", "Events:"]
        lines += [f"  {_event_line(ev)}" for ev in events[:limit]]
    return lines


def _event_line(ev: dict[str, Any]) -> str:
    return f"{one_line(str(ev.get('date') or '?'))}  {_short(ev.get('summary', ''))}"


def _claim_line(cl: dict[str, Any]) -> str:
    bound = f" [{one_line(str(cl['bound']))} {cl.get('number')}]" if cl.get("bound") else ""
    return f"{one_line(str(cl.get('what', '')))}: {one_line(str(cl.get('value', '')))}{bound}"


def _event_text(c: _Case, ev: dict[str, Any], limit: int) -> list[str]:
    date = one_line(str(ev.get("date") or "undated"))
    said = f' ("{one_line(ev["date_text"])}")' if ev.get("date_text") else ""
    lines = [f"{c.bold('Event ' + date)}{said}  ({one_line(ev['id'])})"]
    if ev.get("date_basis"):
        lines.append(f"  date: {one_line(ev['date_basis'])}")
    lines.append(f"  {one_line(ev.get('summary', ''))}")
    names = [
        one_line(c.entities[e].get("name", e)) for e in ev.get("entities", []) if e in c.entities
    ]
    if names:
        lines.append(f"  involves: {', '.join(names)}")
    claims = [cl for cl in c.claims.values() if cl.get("event") == ev["id"]]
    if claims:
        lines += ["", "Claims:"] + [f"  {_claim_line(cl)}" for cl in claims[:limit]]
    return lines + ["", "Sources:"] + _source_lines(c, ev.get("sources", []), limit)


def _claim_text(c: _Case, cl: dict[str, Any], limit: int) -> list[str]:
    lines = [f"{c.bold('Claim ' + _claim_line(cl))}  ({one_line(cl['id'])})"]
    ev = c.events.get(cl.get("event") or "")
    if ev:
        lines.append(f"  event: {_event_line(ev)}")
    conflicts = [c.claims[x] for x in cl.get("conflicts_with", []) if x in c.claims]
    if conflicts:
        lines += ["", "Conflicts with:"]
        for other in conflicts[:limit]:
            where = c.doc_names(other.get("sources", []))
            where = f"  in {where}" if where else ""
            lines.append(f"  {_claim_line(other)}{where}  ({one_line(other['id'])})")
    return lines + ["", "Sources:"] + _source_lines(c, cl.get("sources", []), limit)


def _sentence_text(c: _Case, hit: Hit) -> list[str]:
    where = c.doc_names(hit.spans)
    return [f"{c.bold('In ' + where)}:", f"  {c.mark_ranges(hit.label, hit.matched)}"]


def _best_text(c: _Case, hit: Hit, limit: int) -> list[str]:
    if hit.kind in ENTITY_KINDS and hit.id in c.entities:
        return _entity_text(c, hit, c.entities[hit.id], limit)
    if hit.kind == "event" and hit.id in c.events:
        return _event_text(c, c.events[hit.id], limit)
    if hit.kind == "claim" and hit.id in c.claims:
        return _claim_text(c, c.claims[hit.id], limit)
    return _sentence_text(c, hit)


def _other_line(c: _Case, hit: Hit) -> str:
    where = c.doc_names(hit.spans, most=2) if hit.spans else one_line(hit.id)
    if hit.kind in ENTITY_KINDS and hit.id in c.entities:
        name = c.entities[hit.id].get("name", "")
        if name != hit.label:
            where = f"{_short(name, 40)}; {where}"
    return f"  {hit.kind:<12} {_short(hit.label)}  — {where}"


def lookup_text(
    case: dict[str, Any], hits: list[Hit], *, color: bool = False, limit_facts: int = 20
) -> str:
    """The answer to a lookup as plain text (ends with a newline).

    The best hit in full (an entity's names, sources with the sentence of each mention,
    merges and events; an event's date, summary and sources; a claim and its conflicts),
    then "Other matches:", one line each. `color` adds ANSI bold/reverse for marks.
    """
    if not hits:
        return "No matches.\n"
    c = _Case(case, color)
    lines = _best_text(c, hits[0], limit_facts)
    spans, ids = _shown_spans(c, hits[0]), _shown_ids(c, hits[0])
    others = [
        h
        for h in hits[1:]
        if (h.kind, h.id) not in ids and not (h.kind == "sentence" and _covers(h, spans))
    ]
    if others:
        lines += ["", "Other matches:"] + [_other_line(c, h) for h in others[:_OTHER_HITS]]
    return "\n".join(lines) + "\n"


def _shown_spans(c: _Case, hit: Hit) -> list[dict]:
    """Spans whose sentences the best hit's answer already prints."""
    if hit.kind in ENTITY_KINDS and hit.id in c.entities:
        ent = c.entities[hit.id]
        aliases = ent.get("aliases", [])
        return list(ent.get("mentions", [])) + [s for a in aliases for s in a.get("sources") or []]
    record = c.events.get(hit.id) if hit.kind == "event" else c.claims.get(hit.id)
    return list((record or {}).get("sources", [])) if hit.kind in ("event", "claim") else []


def _shown_ids(c: _Case, hit: Hit) -> set[tuple[str, str]]:
    """(kind, id) of the events and claims the best hit's answer already lists."""
    if hit.kind in ENTITY_KINDS:
        return {("event", ev["id"]) for ev in c.events.values() if hit.id in ev.get("entities", [])}
    if hit.kind == "event":
        return {("claim", cl["id"]) for cl in c.claims.values() if cl.get("event") == hit.id}
    if hit.kind == "claim":
        claim = c.claims.get(hit.id) or {}
        return {("event", claim.get("event") or "")} | {
            ("claim", x) for x in claim.get("conflicts_with", [])
        }
    return set()


def _covers(hit: Hit, spans: list[dict]) -> bool:
    """True if the sentence `hit` contains one of `spans` (it would be printed twice)."""
    doc, _, start = hit.id.rpartition(":")
    end = int(start) + len(hit.label) if start.isdigit() else -1
    return any(s["doc"] == doc and int(start or 0) <= s["start"] < end for s in spans)


# --- JSON ----------------------------------------------------------------------------


def _fact(c: _Case, span: dict) -> dict[str, Any]:
    found = c.sentence(span)
    sentence = None
    if found is not None:
        sentence = {"start": found[0], "end": found[1], "text": found[2]}
    doc = c.docs.get(span["doc"]) or {}
    return {
        "doc": span["doc"],
        "doc_name": doc.get("name"),
        "start": span.get("start"),
        "end": span.get("end"),
        "text": span.get("text"),
        "sentence": sentence,
    }


def _facts(c: _Case, spans: list[dict]) -> list[dict[str, Any]]:
    return [_fact(c, s) for s in _dedup_spans(spans, c.doc_order)]


def _entity_json(c: _Case, hit: Hit, ent: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "entity",
        "kind": ent.get("kind", hit.kind),
        "id": ent["id"],
        "name": ent.get("name"),
        "matched": hit.label,
        "aliases": [
            {"name": n, "type": t, "docs": sorted({s["doc"] for s in spans})}
            for n, t, spans in _entity_names(ent)
        ],
        "mentions": _facts(c, list(ent.get("mentions", []))),
        "merges": list(ent.get("merges", [])),
        "events": [
            {"id": ev["id"], "date": ev.get("date"), "summary": ev.get("summary")}
            for ev in c.events.values()
            if ent["id"] in ev.get("entities", [])
        ],
    }


def _event_json(c: _Case, ev: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "event",
        "kind": "event",
        "id": ev["id"],
        "date": ev.get("date"),
        "date_text": ev.get("date_text"),
        "date_basis": ev.get("date_basis"),
        "summary": ev.get("summary"),
        "entities": [
            {"id": e, "name": c.entities.get(e, {}).get("name")} for e in ev.get("entities", [])
        ],
        "claims": [cl["id"] for cl in c.claims.values() if cl.get("event") == ev["id"]],
        "sources": _facts(c, ev.get("sources", [])),
    }


def _claim_json(c: _Case, cl: dict[str, Any]) -> dict[str, Any]:
    keys = ("what", "value", "number", "bound", "event")
    return {
        "type": "claim",
        "kind": "claim",
        "id": cl["id"],
        **{k: cl.get(k) for k in keys},
        "conflicts_with": [
            {
                **{k: c.claims[x].get(k) for k in ("id", *keys)},
                "sources": _facts(c, c.claims[x].get("sources", [])),
            }
            for x in cl.get("conflicts_with", [])
            if x in c.claims
        ],
        "sources": _facts(c, cl.get("sources", [])),
    }


def _sentence_json(c: _Case, hit: Hit) -> dict[str, Any]:
    span = hit.spans[0] if hit.spans else {}
    return {
        "type": "sentence",
        "kind": "sentence",
        "id": hit.id,
        "doc": span.get("doc"),
        "doc_name": c.docs.get(span.get("doc", ""), {}).get("name"),
        "start": span.get("start"),
        "end": span.get("end"),
        "text": hit.label,
    }


def _hit_json(hit: Hit) -> dict[str, Any]:
    return {
        "kind": hit.kind,
        "id": hit.id,
        "label": hit.label,
        "score": hit.score,
        "matched": [[a, b] for a, b in hit.matched],
        "entity": hit.entity,
        "also": list(hit.also),
        "spans": [
            {"doc": s["doc"], "start": s.get("start"), "end": s.get("end"), "text": s.get("text")}
            for s in hit.spans
        ],
    }


def lookup_json(
    case: dict[str, Any], hits: list[Hit], *, query: str | None = None
) -> dict[str, Any]:
    """The answer to a lookup as a JSON-serialisable dict. Keys are always present:

    - "query": the query, or None if not given.
    - "best": None, or the best hit in full, with "type" (entity | event | claim |
      sentence), "kind" and "id", then per type:
      entity: name, matched (the label that matched), aliases [{name, type, docs}]
      (type "spelling" for a surface seen only in mentions), mentions [FACT], merges
      (as in the case), events [{id, date, summary}];
      event: date, date_text, date_basis, summary, entities [{id, name}], claims [id],
      sources [FACT];
      claim: what, value, number, bound, event, conflicts_with [{id, what, value, number,
      bound, event, sources}], sources [FACT];
      sentence: doc, doc_name, start, end, text.
    - "hits": every hit, best first: {kind, id, label, score, matched [[start, end]] (in
      label), entity, also, spans [{doc, start, end, text}]}.

    FACT is {doc, doc_name, start, end, text, sentence: {start, end, text} | None}, offsets
    into the document's text. Strings are raw document text, not sanitised (offsets must
    hold): serialise with `json.dumps(..., ensure_ascii=True)` before printing to a
    terminal so control and bidi characters stay escaped.
    """
    best = None
    if hits:
        c = _Case(case, color=False)
        hit = hits[0]
        if hit.kind in ENTITY_KINDS and hit.id in c.entities:
            best = _entity_json(c, hit, c.entities[hit.id])
        elif hit.kind == "event" and hit.id in c.events:
            best = _event_json(c, c.events[hit.id])
        elif hit.kind == "claim" and hit.id in c.claims:
            best = _claim_json(c, c.claims[hit.id])
        else:
            best = _sentence_json(c, hit)
    return {"query": query, "best": best, "hits": [_hit_json(h) for h in hits]}


# --- show: one entity's whole dossier --------------------------------------------------


def _unique_spans(c: _Case, spans: Iterable[dict]) -> list[dict]:
    """Each (doc, start, end) once, in document order."""
    seen: dict[tuple[str, int, int], dict] = {}
    for span in spans:
        seen.setdefault((span["doc"], span.get("start", 0), span.get("end", 0)), span)
    order = c.doc_order
    return sorted(seen.values(), key=lambda x: (order.get(x["doc"], 1 << 30), x.get("start", 0)))


def _relations_of(case: dict[str, Any], eid: str) -> list[dict[str, Any]]:
    return [r for r in case.get("relations", []) if eid in (r.get("source"), r.get("target"))]


def _name_of(c: _Case, eid: str) -> str:
    return one_line(str(c.entities.get(eid, {}).get("name") or eid))


def _attribute_lines(c: _Case, ent: dict[str, Any]) -> list[str]:
    lines = []
    for at in ent.get("attributes") or []:
        text = f"  {one_line(str(at.get('type', '')))}: {one_line(str(at.get('value', '')))}"
        if at.get("conflicts"):
            text += f"  (other sources say: {', '.join(one_line(str(x)) for x in at['conflicts'])})"
        if at.get("sources"):
            text += f"  — {c.doc_names(at['sources'])}"
        lines.append(text)
    return lines


def _relation_lines(c: _Case, relations: list[dict[str, Any]]) -> list[str]:
    lines = []
    for r in relations:
        src, dst = r.get("source", ""), r.get("target", "")
        lines.append(f"  {_name_of(c, src)} {one_line(str(r.get('type', '')))} {_name_of(c, dst)}")
        lines += _source_lines(c, r.get("sources", []), 3, indent="    ")
    return lines


def _possible_lines(c: _Case, ent: dict[str, Any]) -> list[str]:
    lines = []
    for p in ent.get("possible_same") or []:
        other = str(p.get("entity", "?"))
        reasons = "; ".join(one_line(str(r)) for r in p.get("reasons", []))
        lines.append(
            f"  {_name_of(c, other)}  ({one_line(other)}; score {p.get('score', '?')}, "
            f"not merged): {reasons}"
        )
    return lines


def _section(title: str, lines: list[str]) -> list[str]:
    return ["", f"{title}:", *lines] if lines else ["", f"{title}: none"]


def dossier_text(
    case: dict[str, Any], entity_id: str, *, hit: Hit | None = None, color: bool = False
) -> list[str]:
    """An entity's whole dossier as lines of plain text (`color` adds ANSI marks).

    Names and spellings, attributes, every mention's sentence under its document, the
    events that list it (dates as precise as the case has them), relations with their
    evidence, possible-same candidates, and why its names were merged.
    """
    c = _Case(case, color)
    ent = c.entities[entity_id]
    spans = _unique_spans(c, _all_spans(ent))
    ndocs = len({s["doc"] for s in spans})
    lines = _header(c, hit, ent)
    lines += _section("Also known as / spellings", _names_lines(c, ent))
    lines += _section("Attributes", _attribute_lines(c, ent))
    lines += ["", f"Sources ({len(spans)} mentions in {ndocs} documents):"]
    lines += [f"  {line}" for line in _grouped_text(c, _sentence_groups(c, spans))] or ["  (none)"]
    events = [
        f"  {one_line(str(ev.get('date') or 'undated')):<10}  {one_line(ev.get('summary', ''))}"
        for ev in _entity_events(c, ent)
    ]
    lines += _section("Events", events)
    lines += _section("Relations", _relation_lines(c, _relations_of(case, entity_id)))
    lines += _section("Possibly the same as", _possible_lines(c, ent))
    lines += _section("Merged because", _merge_lines(c, _explained_merges(ent), evidence=True))
    return lines


def dossier_json(
    case: dict[str, Any], entity_id: str, *, hit: Hit | None = None, query: str | None = None
) -> dict[str, Any]:
    """An entity's whole dossier as a JSON-serialisable dict.

    Keys: query, id, kind, name, matched (the label the query matched, or None), documents
    [name], aliases [{name, type, docs}], attributes [{type, value, conflicts, sources
    [FACT]}], mentions [FACT] (every one), events [{id, date, date_text, date_basis,
    summary}], relations [{type, source, target, direction (out|in), other {id, name},
    sources [FACT]}], possible_same [{entity, name, score, reasons, a, b}], merges (as in
    the case). FACT as in `lookup_json`; strings are raw document text.
    """
    c = _Case(case, color=False)
    ent = c.entities[entity_id]
    spans = _unique_spans(c, _all_spans(ent))
    docs = list(dict.fromkeys(s["doc"] for s in spans))
    relations = []
    for r in _relations_of(case, entity_id):
        out = r.get("source") == entity_id
        other = r.get("target") if out else r.get("source")
        relations.append(
            {
                "type": r.get("type"),
                "source": r.get("source"),
                "target": r.get("target"),
                "direction": "out" if out else "in",
                "other": {"id": other, "name": c.entities.get(other or "", {}).get("name")},
                "sources": [_fact(c, s) for s in r.get("sources", [])],
            }
        )
    return {
        "query": query,
        "id": entity_id,
        "kind": ent.get("kind"),
        "name": ent.get("name"),
        "matched": hit.label if hit else None,
        "documents": [c.docs.get(d, {}).get("name", d) for d in docs],
        "aliases": [
            {"name": n, "type": t, "docs": sorted({s["doc"] for s in spans})}
            for n, t, spans in _entity_names(ent)
        ],
        "attributes": [
            {
                "type": at.get("type"),
                "value": at.get("value"),
                "conflicts": list(at.get("conflicts") or []),
                "sources": [_fact(c, s) for s in at.get("sources", [])],
            }
            for at in ent.get("attributes") or []
        ],
        "mentions": [_fact(c, s) for s in spans],
        "events": [
            {k: ev.get(k) for k in ("id", "date", "date_text", "date_basis", "summary")}
            for ev in _entity_events(c, ent)
        ],
        "relations": relations,
        "possible_same": [
            {**p, "name": c.entities.get(p.get("entity", ""), {}).get("name")}
            for p in ent.get("possible_same") or []
        ],
        "merges": list(ent.get("merges", [])),
    }


# --- timeline --------------------------------------------------------------------------


def sorted_events(case: dict[str, Any]) -> list[dict[str, Any]]:
    """The case's events in date order; a year before its months, a month before its days."""
    return sorted(case.get("events", []), key=_event_order)


def _conflicts(c: _Case, ev: dict[str, Any]) -> list[tuple[dict, list[dict]]]:
    """(claim, the claims it conflicts with) for the event's claims that have conflicts."""
    out = []
    for cl in c.claims.values():
        if cl.get("event") == ev.get("id") and cl.get("conflicts_with"):
            others = [c.claims[x] for x in cl["conflicts_with"] if x in c.claims]
            if others:
                out.append((cl, others))
    return out


def _conflict_text(cl: dict[str, Any], others: list[dict[str, Any]]) -> str:
    values = " / ".join(one_line(str(o.get("value", ""))) for o in others)
    note = f" ({one_line(str(cl['agreement']))})" if cl.get("agreement") else ""
    what, value = one_line(str(cl.get("what", ""))), one_line(str(cl.get("value", "")))
    return f"{what}: {value} vs {values}{note}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def timeline_text(
    case: dict[str, Any], events: Iterable[dict[str, Any]], *, color: bool = False
) -> Iterator[str]:
    """Lines for each event, as it comes: date and summary, who, how many sources, conflicts."""
    c = _Case(case, color)
    pad = " " * 12
    for ev in events:
        date = one_line(str(ev.get("date") or "undated"))
        yield f"{c.bold(f'{date:<10}')}  {one_line(ev.get('summary', ''))}"
        spans = _unique_spans(c, ev.get("sources", []))
        count = (
            f"{_count(len(spans), 'source')} in "
            f"{_count(len({s['doc'] for s in spans}), 'document')}"
        )
        names = [_name_of(c, e) for e in ev.get("entities", []) if e in c.entities]
        yield f"{pad}{'involves: ' + ', '.join(names) + ' · ' if names else ''}{count}"
        for cl, others in _conflicts(c, ev):
            yield f"{pad}conflict: {_conflict_text(cl, others)}"


def timeline_json(case: dict[str, Any], events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One dict per event: id, date, date_text, date_basis, summary, entities [{id, name,
    kind}], documents [name], sources [FACT], conflicts [{claim, what, value, number, bound,
    agreement, with [{id, value, number, bound, event}]}]."""
    c = _Case(case, color=False)
    rows = []
    for ev in events:
        spans = _unique_spans(c, ev.get("sources", []))
        rows.append(
            {
                **{k: ev.get(k) for k in ("id", "date", "date_text", "date_basis", "summary")},
                "entities": [
                    {"id": e, "name": c.entities[e].get("name"), "kind": c.entities[e].get("kind")}
                    for e in ev.get("entities", [])
                    if e in c.entities
                ],
                "documents": [
                    c.docs.get(d, {}).get("name", d) for d in dict.fromkeys(s["doc"] for s in spans)
                ],
                "sources": [_fact(c, s) for s in spans],
                "conflicts": [
                    {
                        "claim": cl["id"],
                        **{k: cl.get(k) for k in ("what", "value", "number", "bound", "agreement")},
                        "with": [
                            {k: o.get(k) for k in ("id", "value", "number", "bound", "event")}
                            for o in others
                        ],
                    }
                    for cl, others in _conflicts(c, ev)
                ],
            }
        )
    return rows


# --- sources: the sentences behind a name, or matching some text ------------------------


def _sentence_rows(c: _Case, groups: list[tuple[str, int, int, list[dict]]]) -> list[dict]:
    rows = []
    for doc, s, e, group in groups:
        text = c.docs.get(doc, {}).get("text")
        rows.append(
            {
                "doc": doc,
                "doc_name": c.docs.get(doc, {}).get("name"),
                "sentence": {"start": s, "end": e, "text": text[s:e]} if s >= 0 and text else None,
                "marks": [
                    {"start": x.get("start"), "end": x.get("end"), "text": x.get("text")}
                    for x in group
                ],
            }
        )
    return rows


def _mention_groups(c: _Case, ent: dict[str, Any]) -> list[tuple[str, int, int, list[dict]]]:
    return _sentence_groups(c, _unique_spans(c, _all_spans(ent)))


def _grouped_text(c: _Case, groups: list[tuple[str, int, int, list[dict]]]) -> Iterator[str]:
    last = None
    for doc, s, e, group in groups:
        if doc != last:
            yield c.bold(c.doc_name(doc))
            last = doc
        yield f"  {_marked_sentence(c, doc, s, e, group)}"


def mentions_text(
    case: dict[str, Any],
    entity_id: str,
    *,
    hit: Hit | None = None,
    limit: int | None = None,
    color: bool = False,
) -> Iterator[str]:
    """Every sentence that mentions the entity, under its document, the mentions marked."""
    c = _Case(case, color)
    ent = c.entities[entity_id]
    groups = _mention_groups(c, ent)
    mentions = sum(len(g[3]) for g in groups)
    docs = len({g[0] for g in groups})
    yield from _header(c, hit, ent)
    yield (
        f"  {_count(mentions, 'mention')} in {_count(len(groups), 'sentence')} "
        f"of {_count(docs, 'document')}"
    )
    yield ""
    yield from _grouped_text(c, groups[:limit])
    if limit is not None and len(groups) > limit:
        yield f"… and {_count(len(groups) - limit, 'more sentence')}"


def mentions_json(
    case: dict[str, Any], entity_id: str, *, query: str | None = None, limit: int | None = None
) -> dict[str, Any]:
    """{query, entity {id, name, kind}, total, sentences [{doc, doc_name, sentence {start,
    end, text}, marks [{start, end, text}]}]}: marks are the mentions, document offsets."""
    c = _Case(case, color=False)
    ent = c.entities[entity_id]
    groups = _mention_groups(c, ent)
    return {
        "query": query,
        "entity": {k: ent.get(k) for k in ("id", "name", "kind")},
        "total": len(groups),
        "sentences": _sentence_rows(c, groups[:limit]),
    }


def _hit_groups(c: _Case, hits: list[Hit]) -> list[tuple[str, int, int, list[dict]]]:
    """Sentence hits as groups in document order, the matched words as marks."""
    groups = []
    for h in hits:
        if not h.spans:
            continue
        sp = h.spans[0]
        s = sp.get("start", 0)
        marks = [
            {"doc": sp["doc"], "start": s + a, "end": s + b, "text": h.label[a:b]}
            for a, b in h.matched
        ]
        groups.append((sp["doc"], s, sp.get("end", s + len(h.label)), marks))
    order = c.doc_order
    return sorted(groups, key=lambda g: (order.get(g[0], 1 << 30), g[1]))


def sentences_text(
    case: dict[str, Any], query: str, hits: list[Hit], *, color: bool = False
) -> Iterator[str]:
    """Sentence hits under their documents, in document order, the matched words marked."""
    c = _Case(case, color)
    yield f"No name matches {one_line(query)!r}; sentences that do ({len(hits)}):"
    yield ""
    yield from _grouped_text(c, _hit_groups(c, hits))


def sentences_json(case: dict[str, Any], query: str, hits: list[Hit]) -> dict[str, Any]:
    """As `mentions_json`, with entity None and the matched words as marks."""
    c = _Case(case, color=False)
    groups = _hit_groups(c, hits)
    return {
        "query": query,
        "entity": None,
        "total": len(groups),
        "sentences": _sentence_rows(c, groups),
    }
