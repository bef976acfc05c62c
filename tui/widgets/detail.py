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
        if m.get("by"):
            out.append(f"  by {one_line(str(m['by']))}", style="magenta")
        out.append("\n")
        for reason in m.get("reasons", []):
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
    for name in names_of(entity):
        out.append("  ")
        out.append(one_line(name.name), style="bold")
        out.append(f"  {ALIAS_LABELS.get(name.type, name.type)}\n", style="italic cyan")
        for span in name.spans:
            doc = index.docs.get(span["doc"], {})
            out.append(f"      {index.doc_label(span['doc'])} @{span['start']}: ", style="dim")
            out.append_text(quote(doc.get("text", ""), span, context=20))
            out.append("\n")
    return out


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
