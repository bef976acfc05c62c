"""Why these names are one entity: each merge with its score and reasons, each name's sources."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from casefile.sanitize import one_line
from tui.case import ALIAS_LABELS, CaseIndex, names_of, plural, quote


def merge_report(index: CaseIndex, entity: dict[str, Any]) -> Text:
    """The whole explanation as one Text (no markup: names and quotes come from documents)."""
    out = Text(end="")
    out.append(one_line(entity["name"]), style="bold")
    out.append(
        f"  {entity.get('kind', '')} · {plural(len(entity.get('mentions', [])), 'mention')}\n"
    )
    merges = entity.get("merges", [])
    out.append(f"\nWhy merged ({len(merges)})\n", style="bold underline")
    if not merges:
        out.append("  one name, nothing merged\n", style="dim")
    for m in merges:
        out.append("  ")
        out.append(one_line(str(m.get("a", ""))), style="bold")
        out.append(" ⇄ ")
        out.append(one_line(str(m.get("b", ""))), style="bold")
        out.append(f"   score {float(m.get('score', 0)):.2f}", style="cyan")
        if m.get("type"):
            out.append(f"  ({one_line(str(m['type']))})", style="dim")
        judged = m.get("by") == "judgement"
        if judged:
            out.append("  merged by a person", style="bold magenta")
        elif m.get("by"):
            out.append(f"  by {one_line(str(m['by']))}", style="magenta")
        out.append("\n")
        if judged:
            out.append_text(_judged_by(index, m))
        for reason in m.get("reasons", []):
            if judged and _restates_judgement(str(reason)):
                continue
            out.append(f"      • {one_line(str(reason))}\n")
        ev = m.get("evidence")
        if isinstance(ev, dict) and ev.get("doc") in index.docs:
            out.append(f"      {index.doc_label(ev['doc'])}: ", style="dim italic")
            out.append_text(quote(index.docs[ev["doc"]].get("text", ""), ev, context=20))
            out.append("\n")
    possible = entity.get("possible_same", [])
    if possible:
        out.append(f"\nPossibly the same ({len(possible)})\n", style="bold underline")
        for p in possible:
            label = p.get("name") or p.get("entity") or p if isinstance(p, dict) else p
            out.append(f"  {one_line(str(label))}\n")
    out.append("\nNames and their sources\n", style="bold underline")
    hand = {a["name"]: a for a in entity.get("aliases", []) if a.get("by") == "judgement"}
    for name in names_of(entity):
        out.append("  ")
        out.append(one_line(name.name), style="bold")
        out.append(f"  {ALIAS_LABELS.get(name.type, name.type)}\n", style="italic cyan")
        if name.name in hand:
            out.append_text(_judged_by(index, hand[name.name], what="added by hand"))
        for span in name.spans:
            doc = index.docs.get(span["doc"], {})
            out.append(f"      {index.doc_label(span['doc'])} @{span['start']}: ", style="dim")
            out.append_text(quote(doc.get("text", ""), span, context=20))
            out.append("\n")
    return out


def _judged_by(index: CaseIndex, rec: dict[str, Any], what: str = "judged the same") -> Text:
    """Who made a person's merge or alias, when, and their note (from the judgements table)."""
    j = index.judgements.get(str(rec.get("judgement", "")), {})
    out = Text("      ", end="")
    who, when = j.get("who"), str(j.get("when") or "")
    out.append(f"{what} by {one_line(str(who or 'someone'))}", style="magenta")
    if when:
        out.append(f" on {one_line(when[:16].replace('T', ' '))}", style="magenta")
    if rec.get("judgement"):
        out.append(f"  ({one_line(str(rec['judgement']))})", style="dim")
    out.append("\n")
    note = j.get("note") or rec.get("note")
    if note:
        out.append("      note: ", style="dim")
        out.append(one_line(str(note)) + "\n", style="italic")
    return out


def _restates_judgement(reason: str) -> bool:
    """The reasons of a person's merge start with who and the note: shown above already."""
    return reason.startswith(("judged the same by ", "note: "))


class Detail(VerticalScroll, can_focus=True):
    """A scrollable explanation of one entity."""

    HELP = """
## Why merged

Every link that joined two names into this entity, with its score and the reasons a
reader can check, then every name with the sentences it comes from.
"""

    DEFAULT_CSS = """
    Detail {
        height: 1fr;
        padding: 0 1;
        & > Static { width: 1fr; }
    }
    """

    def __init__(self, index: CaseIndex, entity_id: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index = index
        self.entity_id = entity_id

    def compose(self):
        entity = self.index.entities[self.entity_id]
        yield Static(merge_report(self.index, entity), id="detail-text")

    @property
    def report(self) -> str:
        return merge_report(self.index, self.index.entities[self.entity_id]).plain
