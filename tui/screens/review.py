"""The review queue: pairs of names the machine was unsure about, one at a time, side by side.

Items come from `casefile.judgements.queue` (best first): "possible same" pairs the machine
kept apart, and merges it made that nobody confirmed. `s` same, `d` different, `u` unsure
each make one judgement, saved by the app in a worker; the case is re-read and the pair is
gone (an unsure one goes to the end). `space` skips, `z` takes back the newest decision of
this session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from casefile import judgements as J
from casefile.sanitize import one_line
from tui.case import CaseIndex, plural, sentence
from tui.judge import describe

if TYPE_CHECKING:
    from tui.app import CasefileApp

KIND_LABEL = {"possible": "possibly the same", "merge": "merged by the machine"}
MARKS = {"same": "=", "different": "≠", "unsure": "?"}
SENTENCES = 3  # per side
HISTORY = 5  # decisions shown


def item_key(item: dict[str, Any]) -> tuple[str, ...]:
    a, b = item["anchor_a"], item["anchor_b"]
    return (item["type"], a["doc"], str(a["start"]), b["doc"], str(b["start"]))


def side_text(index: CaseIndex, item: dict[str, Any], which: str) -> Text:
    """One side of an item: the name, its kind, attributes, and the sentences it is from."""
    anchor = item["anchor_a" if which == "a" else "anchor_b"]
    ent = index.entities.get(item[which], {})
    whole = item["type"] == "possible"  # a merge's two sides are parts of one entity
    out = Text(end="")
    out.append(one_line(anchor["text"]), style="bold")
    kind = ent.get("kind") or anchor.get("kind") or "entity"
    out.append(f"  {kind}\n", style="italic cyan")
    doc_label = index.doc_label(anchor["doc"])
    if whole:
        docs = {m["doc"] for m in ent.get("mentions", [])}
        out.append(
            f"{plural(len(ent.get('mentions', [])), 'mention')} in "
            f"{plural(len(docs), 'document')}\n",
            style="dim",
        )
        if ent.get("name") and ent["name"] != anchor["text"]:
            out.append("entity: ", style="dim")
            out.append(one_line(ent["name"]) + "\n")
        names = [a["name"] for a in ent.get("aliases", []) if a["name"] != anchor["text"]]
        if names:
            out.append("also: ", style="dim")
            out.append(", ".join(one_line(n) for n in names[:6]))
            out.append(" …\n" if len(names) > 6 else "\n")
    else:
        out.append(f"as written in {doc_label}\n", style="dim")
    attrs = [
        a
        for a in ent.get("attributes", [])
        if whole or any(s.get("doc") == anchor["doc"] for s in a.get("sources", []))
    ]
    for a in attrs[:6]:
        out.append(f"{one_line(str(a.get('type', '')))}: ", style="dim")
        out.append(one_line(str(a.get("value", ""))) + "\n")
    out.append("\n")
    for span in _sentence_spans(index, ent, anchor, whole):
        doc = index.docs.get(span["doc"], {})
        out.append(index.doc_label(span["doc"]) + ": ", style="dim italic")
        out.append_text(sentence(doc.get("text", ""), span))
        out.append("\n\n")
    out.rstrip()
    return out


def _sentence_spans(
    index: CaseIndex, ent: dict[str, Any], anchor: dict[str, Any], whole: bool
) -> list[dict[str, Any]]:
    """The anchor's mention first, then other mentions of the same name (a merge: in the
    same document), one per document, up to SENTENCES."""
    out = [anchor]
    seen = {anchor["doc"]} if whole else {(anchor["doc"], anchor["start"])}
    for m in ent.get("mentions", []):
        if len(out) >= SENTENCES:
            break
        if whole:
            if m["doc"] in seen:
                continue
            seen.add(m["doc"])
        else:
            if m["doc"] != anchor["doc"] or m["text"] != anchor["text"]:
                continue
            if (m["doc"], m["start"]) in seen:
                continue
            seen.add((m["doc"], m["start"]))
        out.append(m)
    return out


def reasons_text(item: dict[str, Any], index: CaseIndex | None = None) -> Text:
    out = Text(end="")
    if item["type"] == "merge":
        name = index.entity_name(item["a"]) if index else ""
        out.append(f"Both are now in {name}: ", style="bold")
        out.append("s keeps them together, d splits them apart for good\n")
    else:
        out.append("Kept apart for now: ", style="bold")
        out.append("s merges them, d keeps them apart for good\n")
    out.append(f"score {float(item.get('score', 0)):.2f}", style="bold cyan")
    if item.get("unsure"):
        out.append("  (judged unsure before)", style="yellow")
    for r in item.get("reasons", []):
        out.append("\n  • ")
        out.append(one_line(str(r)))
    return out


class _Side(VerticalScroll, can_focus=False):
    """One side of the pair; the screen's keys scroll both."""


class ReviewScreen(Screen[None]):
    """Decide, pair by pair, whether two names are one entity."""

    HELP = """
## Review

Two names the machine was unsure about, side by side: each with its kind, attributes and
the sentences it comes from, then the score and the reasons. `s` same, `d` different,
`u` unsure (asked again last), `space` skip, `z` undo your last decision.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "decide('same')", "Same", id="review.same", tooltip="One entity"),
        Binding(
            "d", "decide('different')", "Different", id="review.different",
            tooltip="Two entities: never merged, never asked again",
        ),
        Binding(
            "u", "decide('unsure')", "Unsure", id="review.unsure",
            tooltip="Keep as it is; asked again after the others",
        ),
        Binding("space,n", "skip", "Skip", id="review.skip", tooltip="Next pair, decide later"),
        Binding("z", "undo", "Undo", id="review.undo", tooltip="Take back your last decision"),
        Binding(
            "j,down", "scroll(2)", "Down", show=False, id="review.down",
            tooltip="Scroll both sides down",
        ),
        Binding(
            "k,up", "scroll(-2)", "Up", show=False, id="review.up",
            tooltip="Scroll both sides up",
        ),
        Binding("escape,q,r", "close", "Close", id="review.close", tooltip="Back to the case"),
    ]  # fmt: skip

    DEFAULT_CSS = """
    ReviewScreen {
        layout: vertical;
        #review-title { background: $accent 30%; padding: 0 1; text-style: bold; height: 1; }
        #review-sides { height: 1fr; }
        .review-side {
            width: 1fr;
            border: round $panel-lighten-2;
            border-title-color: $text;
            padding: 0 1;
        }
        #review-why { height: auto; max-height: 8; padding: 0 1; border: round $primary 60%; }
        #review-history { height: auto; max-height: 4; padding: 0 1; color: $text-muted; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.items: list[dict[str, Any]] = []
        self.skipped: set[tuple[str, ...]] = set()
        self.current: dict[str, Any] | None = None

    @property
    def casefile_app(self) -> CasefileApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(id="review-title", markup=False)
        with Horizontal(id="review-sides"):
            with _Side(classes="review-side", id="side-a"):
                yield Static(id="side-a-text", markup=False)
            with _Side(classes="review-side", id="side-b"):
                yield Static(id="side-b-text", markup=False)
        yield Static(id="review-why", markup=False)
        yield Static(id="review-history", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_queue()

    # --- what is shown -----------------------------------------------------------------

    def refresh_queue(self) -> None:
        """Read the queue from the app's case (after every save) and show the next item."""
        app = self.casefile_app
        self.items = J.queue(app.case)
        keys = {item_key(i) for i in self.items}
        self.skipped &= keys
        waiting = [i for i in self.items if item_key(i) not in self.skipped]
        if not waiting and self.items:
            self.skipped.clear()
            waiting = self.items
        self.current = waiting[0] if waiting else None
        self._show()

    def _show(self) -> None:
        app = self.casefile_app
        item = self.current
        title = self.query_one("#review-title", Static)
        sides = (self.query_one("#side-a"), self.query_one("#side-b"))
        if item is None:
            title.update("Review — nothing to review: every pair is decided · Escape: back")
            for box in sides:
                box.border_title = ""
            self.query_one("#side-a-text", Static).update(
                Text("Nothing left to review.", style="bold")
            )
            self.query_one("#side-b-text", Static).update("")
            self.query_one("#review-why", Static).update("")
        else:
            n = self.items.index(item) + 1
            left = len(self.items)
            kind = item["anchor_a"].get("kind") or "entity"
            title.update(
                f"Review {n} of {left} · {KIND_LABEL.get(item['type'], '')} · one {kind} or two?"
            )
            for box, which in zip(sides, "ab", strict=True):
                anchor = item["anchor_" + which]
                box.border_title = one_line(anchor["text"])
                box.border_subtitle = app.cases.doc_label(anchor["doc"])
                box.scroll_home(animate=False)
            self.query_one("#side-a-text", Static).update(side_text(app.cases, item, "a"))
            self.query_one("#side-b-text", Static).update(side_text(app.cases, item, "b"))
            self.query_one("#review-why", Static).update(reasons_text(item, app.cases))
        self.query_one("#review-history", Static).update(self.history_text())

    def history_text(self) -> Text:
        app = self.casefile_app
        mine = app.session_judgements()
        out = Text(end="")
        if not mine:
            out.append("Your decisions will be listed here; z takes back the last one.")
            return out
        out.append(f"Your decisions ({len(mine)}) · z undo the last\n", style="bold")
        report = {o["id"]: o for o in app.case.get("judgement_report", [])}
        for j in reversed(mine[-HISTORY:]):
            status = report.get(j["id"], {}).get("status", "")
            out.append(f"  {MARKS.get(j.get('op', ''), '•')} ")
            out.append(describe(j))
            if status:
                out.append(f"  [{status}]", style="dim")
            out.append("\n")
        out.rstrip()
        return out

    @property
    def history(self) -> list[str]:
        """The history lines as shown (for tests)."""
        return self.history_text().plain.splitlines()

    # --- keys --------------------------------------------------------------------------

    def action_decide(self, op: str) -> None:
        item = self.current
        if item is None:
            self.app.bell()
            return
        from tui.judge import Refused, make_decision

        try:
            new = make_decision(item, op)
        except (Refused, J.JudgementError) as err:
            self.notify(one_line(str(err)), severity="error", markup=False)
            return
        self.casefile_app.save_judgement(new, keep=[item["anchor_a"]])

    def action_skip(self) -> None:
        if self.current is None:
            self.app.bell()
            return
        self.skipped.add(item_key(self.current))
        self.refresh_queue()

    def action_undo(self) -> None:
        self.casefile_app.action_undo()

    def action_scroll(self, step: int) -> None:
        for side in self.query(".review-side"):
            side.scroll_relative(y=step, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)

    def case_changed(self) -> None:
        """Called by the app after every save or undo."""
        self.refresh_queue()
