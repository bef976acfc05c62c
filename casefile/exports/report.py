"""The case report as plain data, assembled once; `markdown` and `html` only render it.

Every string here is raw case or document text. Renderers make it inert
(`sanitize.one_line`) and escape it for their syntax; nothing here is pre-escaped, so
neither renderer can be fooled by escaping meant for the other.

Every fact carries footnote numbers. A footnote cites one span: its document, offsets,
and the exact quote. For names and claim figures the quote is shown inside its sentence
with the cited part marked, so the reader can check the context; for events the quote
is the sentence itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ALIAS_TYPES = {
    "aka": "also known as",
    "variant": "spelling variant",
    "short": "short form",
    "acronym": "acronym",
}
SECTION_KINDS = (("person", "People"), ("organization", "Organizations"), ("place", "Places"))
_CONTEXT = 160  # characters of sentence kept on each side of a cited name


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote: `quote` is document text; `before`/`after` are its sentence around it."""

    n: int
    doc: str
    doc_name: str
    start: int
    end: int
    quote: str
    before: str = ""
    after: str = ""
    cut_before: bool = False  # the sentence goes on beyond `before` / `after`
    cut_after: bool = False


@dataclass(slots=True)
class Line:
    text: str
    label: str = ""
    notes: list[int] = field(default_factory=list)
    children: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class Block:
    title: str
    anchor: str
    lines: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class Section:
    title: str
    anchor: str
    blocks: list[Block] = field(default_factory=list)
    empty: str = "None found."


@dataclass(slots=True)
class Report:
    title: str
    subtitle: str
    sections: list[Section]
    notes: list[Note]


class _Notes:
    """Numbers footnotes in order of first citation; one number per distinct span."""

    def __init__(self, docs: dict[str, dict[str, Any]]) -> None:
        self.docs = docs
        self.by_span: dict[tuple[str, int, int, bool], int] = {}
        self.notes: list[Note] = []

    def cite(self, span: dict[str, Any] | None, context: bool = True) -> list[int]:
        if not span:
            return []
        key = (span["doc"], span["start"], span["end"], context)
        if key not in self.by_span:
            self.by_span[key] = len(self.notes) + 1
            self.notes.append(self._note(span, context))
        return [self.by_span[key]]

    def cite_all(self, spans: list[dict[str, Any]], context: bool = True) -> list[int]:
        return [n for s in spans for n in self.cite(s, context)]

    def first_per_doc(self, spans: list[dict[str, Any]]) -> list[int]:
        """One citation per document: enough to check the fact, short enough to read."""
        seen: dict[str, dict[str, Any]] = {}
        for s in spans:
            seen.setdefault(s["doc"], s)
        return self.cite_all(list(seen.values()))

    def _note(self, span: dict[str, Any], context: bool) -> Note:
        doc = self.docs.get(span["doc"], {})
        text = doc.get("text")
        start, end = span["start"], span["end"]
        quote = span.get("text", "")
        before = after = ""
        cut_before = cut_after = False
        if isinstance(text, str) and text[start:end] == quote and context:
            from casefile.search import sentence_around  # rapidfuzz only; fast path stays light

            s, e = sentence_around(text, start, end)
            if start - s > _CONTEXT:  # keep whole words
                space = text.find(" ", start - _CONTEXT, start)
                s, cut_before = (space + 1 if space >= 0 else start - _CONTEXT), True
            if e - end > _CONTEXT:
                space = text.rfind(" ", end, end + _CONTEXT)
                e, cut_after = (space if space >= 0 else end + _CONTEXT), True
            before, after = text[s:start], text[end:e]
        return Note(
            n=len(self.notes) + 1,
            doc=span["doc"],
            doc_name=str(doc.get("name") or span["doc"]),
            start=start,
            end=end,
            quote=quote,
            before=before,
            after=after,
            cut_before=cut_before,
            cut_after=cut_after,
        )


def build(case: dict[str, Any]) -> Report:
    docs = {d["id"]: d for d in case.get("documents", [])}
    notes = _Notes(docs)
    entities = {e["id"]: e for e in case.get("entities", [])}
    sections = [_sources(case)]
    for kind, title in SECTION_KINDS:
        blocks = [
            _entity(e, entities, notes) for e in case.get("entities", []) if e.get("kind") == kind
        ]
        sections.append(Section(title, kind, blocks))
    sections.append(_timeline(case, entities, notes))
    sections.append(_conflicts(case, docs, notes))
    sections.append(_relations(case, entities, notes))
    built = ", ".join(str(x) for x in case.get("built_from") or [])
    title = f"Case file: {built}" if built else "Case file"
    n = len(docs)
    subtitle = f"{n} document{'s' if n != 1 else ''}; generated {case.get('generated') or '?'}"
    return Report(title, subtitle, sections, notes.notes)


def _sources(case: dict[str, Any]) -> Section:
    blocks = []
    for d in case.get("documents", []):
        lines = []
        if d.get("title"):
            lines.append(Line(d["title"], "Title"))
        if d.get("published"):
            lines.append(Line(d["published"], "Published"))
        ref = d.get("reference_date")
        basis = d.get("reference_basis")
        lines.append(
            Line(f"{ref or 'unknown'}" + (f" ({basis})" if basis else ""), "Reference date")
        )
        if d.get("sha256"):
            lines.append(Line(d["sha256"], "SHA-256"))
        if d.get("chars") is not None:
            lines.append(Line(f"{d['chars']} characters", "Length"))
        blocks.append(Block(str(d.get("name") or d["id"]), d["id"], lines))
    return Section("Sources", "sources", blocks, "No documents.")


def _entity(e: dict[str, Any], entities: dict[str, dict], notes: _Notes) -> Block:
    mentions = e.get("mentions", [])
    by_name = [m for m in mentions if m.get("text") == e["name"]] or mentions
    ndocs = len({m["doc"] for m in mentions})
    lines = [
        Line(e["name"], "Name", notes.first_per_doc(by_name)),
        Line(
            f"{len(mentions)} mention{'s' if len(mentions) != 1 else ''} "
            f"in {ndocs} document{'s' if ndocs != 1 else ''}",
            "Mentions",
        ),
    ]
    aliases = [
        Line(
            a["name"] + _by_hand(a),
            ALIAS_TYPES.get(a.get("type", ""), a.get("type", "")),
            notes.first_per_doc(a.get("sources", [])),
        )
        for a in e.get("aliases", [])
    ]
    if aliases:
        lines.append(Line("", "Aliases and spellings", children=aliases))
    attrs = []
    for at in e.get("attributes") or []:
        text = str(at.get("value", ""))
        if at.get("conflicts"):
            text += f" (other sources say: {', '.join(map(str, at['conflicts']))})"
        attrs.append(
            Line(text, str(at.get("type", "")), notes.first_per_doc(at.get("sources", [])))
        )
    if attrs:
        lines.append(Line("", "Attributes", children=attrs))
    merges = []
    for m in e.get("merges", []):
        if m.get("a") == m.get("b"):
            continue  # the same name in two documents needs no explanation
        why = "; ".join(m.get("reasons", []))
        score = f"score {m['score']}" if m.get("score") is not None else ""
        by = "confirmed by a person" if m.get("by") == "judgement" else ""
        extra = ", ".join(x for x in (score, by) if x)
        merges.append(
            Line(
                f"{why}" + (f" ({extra})" if extra else ""),
                f"{m.get('a')} = {m.get('b')}",
                notes.cite(m.get("evidence")),
            )
        )
    if merges:
        lines.append(Line("", "Why merged", children=merges))
    maybe = []
    for p in e.get("possible_same") or []:
        other = entities.get(p.get("entity", ""), {}).get("name", p.get("entity", "?"))
        why = "; ".join(p.get("reasons", []))
        maybe.append(Line(f"{why} (score {p.get('score')}; not merged)", str(other)))
    if maybe:
        lines.append(Line("", "Possibly the same as", children=maybe))
    return Block(e["name"], e["id"], lines)


def _timeline(case: dict[str, Any], entities: dict[str, dict], notes: _Notes) -> Section:
    claims_of: dict[str, list[dict]] = {}
    for c in case.get("claims", []):
        claims_of.setdefault(c.get("event") or "", []).append(c)
    blocks = []
    events = sorted(
        case.get("events", []), key=lambda ev: (ev.get("date") is None, ev.get("date") or "")
    )
    for ev in events:
        sources = ev.get("sources", [])
        ndocs = len({s["doc"] for s in sources})
        lines = [Line(ev.get("summary", ""), "", notes.cite_all(sources, context=False))]
        date_text = ev.get("date_text")
        basis = ev.get("date_basis")
        if date_text or basis:
            said = f"“{date_text}”" if date_text else ""
            lines.append(
                Line(
                    " — ".join(x for x in (said, basis) if x),
                    "Date",
                    notes.cite_all(ev.get("date_sources", [])),
                )
            )
        names = [entities[i]["name"] for i in ev.get("entities", []) if i in entities]
        if names:
            lines.append(Line(", ".join(names), "Participants"))
        lines.append(
            Line(
                f"{len(sources)} sentence{'s' if len(sources) != 1 else ''} "
                f"in {ndocs} document{'s' if ndocs != 1 else ''}",
                "Sources",
            )
        )
        figures = [
            Line(c.get("value", ""), c.get("what", ""), _claim_notes(c, notes))
            for c in claims_of.get(ev["id"], [])
        ]
        if figures:
            lines.append(Line("", "Figures", children=figures))
        blocks.append(Block(ev.get("date") or "undated", ev["id"], lines))
    return Section("Timeline", "timeline", blocks, "No dated events.")


def _claim_notes(c: dict[str, Any], notes: _Notes) -> list[int]:
    return notes.cite_all(c.get("sources", []))


def _conflicts(case: dict[str, Any], docs: dict[str, dict], notes: _Notes) -> Section:
    claims = {c["id"]: c for c in case.get("claims", [])}
    events = {e["id"]: e for e in case.get("events", [])}
    seen: set[str] = set()
    blocks = []
    for c in case.get("claims", []):
        if c["id"] in seen or not c.get("conflicts_with"):
            continue
        group, todo = [], [c["id"]]  # claims linked by conflicts_with, transitively
        while todo:
            cid = todo.pop()
            if cid in seen or cid not in claims:
                continue
            seen.add(cid)
            group.append(claims[cid])
            todo.extend(claims[cid].get("conflicts_with", []))
        lines = []
        for g in group:
            doc_names = sorted(
                {str(docs.get(s["doc"], {}).get("name") or s["doc"]) for s in g.get("sources", [])}
            )
            ev = events.get(g.get("event") or "")
            when = f"; event dated {ev.get('date') or 'undated'}" if ev else ""
            lines.append(
                Line(f"in {', '.join(doc_names)}{when}", g.get("value", ""), _claim_notes(g, notes))
            )
        verdicts = sorted({g["agreement"] for g in group if g.get("agreement")})
        if verdicts:
            lines.append(Line("; ".join(verdicts), "Assessment"))
        title = c.get("what", "claim")
        blocks.append(Block(title, c["id"], lines))
    return Section("Conflicting claims", "conflicts", blocks, "No conflicting claims.")


def _relations(case: dict[str, Any], entities: dict[str, dict], notes: _Notes) -> Section:
    lines = []
    for r in case.get("relations", []):
        a = entities.get(r.get("source", ""), {}).get("name", r.get("source", "?"))
        b = entities.get(r.get("target", ""), {}).get("name", r.get("target", "?"))
        lines.append(
            Line(
                f"{a} — {r.get('type', 'related to')} → {b}",
                "",
                notes.cite_all(r.get("sources", [])),
            )
        )
    blocks = [Block("", "relations-list", lines)] if lines else []
    return Section("Relations", "relations", blocks, "No relations.")


def _by_hand(alias: dict[str, Any]) -> str:
    """An alias a person added: said so, with their note."""
    if alias.get("by") != "judgement":
        return ""
    return f" (added by hand: {alias['note']})" if alias.get("note") else " (added by hand)"
