"""The casefile Textual app: who is who, under which names, who said so, and when.

Thin on purpose: the panes live in `tui/widgets/`, this file wires their messages to the
source panes. Loading a case is `casefile.store.load_light` (the light part of the file;
each document's text is read when a pane first asks for it); spaCy is never imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Footer, Static

from casefile import store
from casefile.lookup_index import LookupIndex
from casefile.search import Hit, SearchIndex
from tui.case import CaseIndex, by_doc, dedupe, entity_spans
from tui.commands import CaseCommands
from tui.editing import Editing
from tui.keymap import load_keymap
from tui.screens.detail import DetailScreen
from tui.widgets.people_tree import PeopleTree
from tui.widgets.search_bar import SearchBar
from tui.widgets.source_view import SourceView
from tui.widgets.timeline import Timeline

PANES = ("people", "timeline", "left", "right")
PANE_TITLES = {"people": "People", "timeline": "Timeline", "left": "Left", "right": "Right"}
NARROW_BELOW = 110  # columns: below this, one pane at a time


class CasefileApp(Editing, App[None]):
    """Browse one case file."""

    TITLE = "casefile"
    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar = App.COMMANDS | {CaseCommands}
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-narrow"), (NARROW_BELOW, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "slash",
            "focus_search",
            "Search",
            key_display="/",
            id="app.search",
            tooltip="Fuzzy search names, aliases, events, claims and text",
        ),
        Binding(
            "question_mark",
            "toggle_help",
            "Keys",
            key_display="?",
            id="app.help",
            tooltip="Show or hide the keys of the focused pane",
        ),
        Binding(
            "1",
            "pane('people')",
            "People",
            show=False,
            id="app.pane_people",
            tooltip="Go to the people tree",
        ),
        Binding(
            "2",
            "pane('timeline')",
            "Timeline",
            show=False,
            id="app.pane_timeline",
            tooltip="Go to the timeline",
        ),
        Binding(
            "3",
            "pane('left')",
            "Left",
            show=False,
            id="app.pane_left",
            tooltip="Go to the left source pane",
        ),
        Binding(
            "4",
            "pane('right')",
            "Right",
            show=False,
            id="app.pane_right",
            tooltip="Go to the right source pane",
        ),
        Binding(
            "f",
            "filter_timeline",
            "Filter",
            show=False,
            id="app.filter",
            tooltip="Filter the timeline to the selected entity",
        ),
        Binding(
            "w",
            "why",
            "Why merged",
            show=False,
            id="app.why",
            tooltip="Why the selected entity's names were merged",
        ),
        Binding(
            "r",
            "review",
            "Review",
            id="app.review",
            tooltip="Review the pairs of names the machine was unsure about, one at a time",
        ),
        Binding(
            "z",
            "undo",
            "Undo",
            show=False,
            id="app.undo",
            tooltip="Take back your last correction (made in this session)",
        ),
        Binding(
            "e",
            "export",
            "Export",
            show=False,
            id="app.export",
            tooltip="Export the case as JSON next to the case file",
        ),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit casefile"),
    ]

    def __init__(
        self,
        case_path: Path,
        *,
        animations: bool = True,
        keymap_file: Path | None = None,
        use_keymap: bool = True,
    ) -> None:
        super().__init__()
        self.case_path = Path(case_path)
        # the light part only: texts are read as panes ask for them (first paint at scale)
        self.case: dict[str, Any]
        self.case, self._texts, self._lookup = _open(self.case_path, self.SUMMARY_FROM)
        fetch = self._lookup.fetch if self._lookup is not None else None
        self.cases = CaseIndex(self.case, fetch)
        self.search_index: SearchIndex | None = None
        self.selected_entity: str | None = None
        self.active_pane = "people"
        self.session: list[str] = []  # judgements made in this session (see tui.editing)
        self._keymap_file = keymap_file
        self._use_keymap = use_keymap
        if not animations:
            self.animation_level = "none"
        self.sub_title = str(self.case_path)

    # A case whose light tables are larger than this opens from its lookup index: the panes
    # show summaries at once and the whole case is read in the background (first paint).
    SUMMARY_FROM = 32 * 1024 * 1024

    # actions of the main screen, off while the review queue or a modal is on top
    MAIN_ONLY = frozenset(
        {"focus_search", "pane", "filter_timeline", "why", "export", "review", "undo"}
    )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in self.MAIN_ONLY and len(self.screen_stack) > 1)

    # --- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield SearchBar(self.cases, id="search")
        yield Static(id="pane-tabs", markup=False)
        with Vertical(id="body"):
            with Horizontal(id="nav"):
                yield PeopleTree(self.cases, id="people")
                yield Timeline(self.cases, id="timeline")
            with Horizontal(id="sources"):
                yield SourceView(id="left")
                yield SourceView(id="right")
        yield Footer()

    @property
    def tree(self) -> PeopleTree:
        return self.query_one("#people", PeopleTree)

    @property
    def timeline(self) -> Timeline:
        return self.query_one("#timeline", Timeline)

    @property
    def left(self) -> SourceView:
        return self.query_one("#left", SourceView)

    @property
    def right(self) -> SourceView:
        return self.query_one("#right", SourceView)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one("#search", SearchBar)

    def pane(self, name: str) -> Widget:
        return self.query_one(f"#{name}")

    def on_mount(self) -> None:
        if self._use_keymap:
            keymap, problems = load_keymap(self._keymap_file)
            if keymap:
                self.set_keymap(keymap)
            for problem in problems:
                self.notify(problem, severity="warning", markup=False)
        docs = self.cases.documents
        for view in (self.left, self.right):
            view.set_documents(docs)
        self.left.show_document(docs[0]["id"] if docs else None)
        self.right.show_document(docs[1]["id"] if len(docs) > 1 else None)
        self._set_active("people")
        self.tree.focus()
        self.call_after_refresh(self._build_index)  # after the first paint: it holds the GIL

    def on_unmount(self) -> None:
        self._texts.close()
        if self._lookup is not None:
            self._lookup.close()

    @work(thread=True, exclusive=True, group="index")
    def _build_index(self) -> None:
        case = self.case
        if not self.cases.complete and self._lookup is not None:
            # a large case was first shown from summaries: read it whole now, row by row
            case = self._lookup.whole_case(case)
            self.call_from_thread(self._case_ready, case)
        index = SearchIndex(case)
        self.call_from_thread(self._index_ready, index)
        index.search("warm")  # indexes the document sentences now, not on the first keystroke

    def _case_ready(self, case: dict[str, Any]) -> None:
        self.case = case
        self.cases.fill(case)

    def whole(self) -> bool:
        """Whether the whole case is read (edits, review and export need it); says so if not."""
        if not self.cases.complete:
            self.notify(
                "Still reading the case; try again in a moment", severity="warning", markup=False
            )
        return self.cases.complete

    def _index_ready(self, index: SearchIndex) -> None:
        self.search_index = index
        self.search_bar.set_search_index(index)

    # --- narrow layout: one pane at a time ---------------------------------------------

    @property
    def narrow(self) -> bool:
        return self.screen.has_class("-narrow")

    def _set_active(self, name: str) -> None:
        self.active_pane = name
        for pane in PANES:
            self.pane(pane).set_class(pane == name, "-active")
        self.query_one("#nav").set_class(name in ("people", "timeline"), "-active")
        self.query_one("#sources").set_class(name in ("left", "right"), "-active")
        self._update_tabs()

    def _update_tabs(self) -> None:
        from rich.text import Text

        tabs = Text(no_wrap=True, overflow="ellipsis")
        for i, pane in enumerate(PANES, 1):
            label = f" {i} {PANE_TITLES[pane]} "
            if pane in ("left", "right"):
                doc = self.pane(pane).doc_id  # type: ignore[attr-defined]
                if doc:
                    label = f" {i} {PANE_TITLES[pane]}: {self.cases.doc_label(doc)[:18]} "
            tabs.append(label, style="reverse bold" if pane == self.active_pane else "")
        tabs.append("  Tab/1-4 switch", style="dim")
        self.query_one("#pane-tabs", Static).update(tabs)

    def _pane_of(self, widget: Widget | None) -> str | None:
        while widget is not None:
            if widget.id in PANES:
                return widget.id
            if widget.id == "search":
                return "search"
            widget = widget.parent  # type: ignore[assignment]
        return None

    def action_pane(self, name: str) -> None:
        self._set_active(name)
        self.pane(name).focus()

    def _cycle(self, step: int) -> None:
        order = ["search", *PANES]
        here = self._pane_of(self.focused) or self.active_pane
        target = order[(order.index(here) + step) % len(order)]
        if target == "search":
            self.search_bar.input.focus()
        else:
            self.action_pane(target)

    def action_focus_next(self) -> None:
        if self.screen is not self.screen_stack[0]:  # a modal or the review: its own fields
            self.screen.focus_next()
            return
        self._cycle(1)

    def action_focus_previous(self) -> None:
        if self.screen is not self.screen_stack[0]:
            self.screen.focus_previous()
            return
        self._cycle(-1)

    def action_toggle_layout(self) -> None:
        narrow = not self.narrow
        self.screen.set_class(narrow, "-narrow")
        self.screen.set_class(not narrow, "-wide")

    # --- app actions -------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.search_bar.input.focus()

    def action_toggle_help(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def action_filter_timeline(self) -> None:
        tl = self.timeline
        if tl.filter_entity:
            tl.set_filter(None)
        elif self.selected_entity:
            tl.set_filter(self.selected_entity)
        else:
            self.notify("Select a person, organization or place first", severity="warning")

    def action_why(self) -> None:
        if self.selected_entity is None:
            self.notify("Select a person, organization or place first", severity="warning")
            return
        self.push_screen(DetailScreen(self.cases, self.selected_entity))

    def action_export(self) -> None:
        from casefile.export import render

        if not self.whole():
            return
        out = self.case_path.with_suffix(".json")
        if out == self.case_path:
            out = self.case_path.with_name(self.case_path.name + ".export.json")
        try:
            out.write_text(render(self.case, "json"), encoding="utf-8")
        except OSError as err:
            self.notify(f"Export failed: {err}", severity="error", markup=False)
            return
        self.notify(f"Exported to {out}", title="Export", markup=False)

    def show_doc(self, side: str, doc_id: str) -> None:
        view = self.left if side == "left" else self.right
        view.show_document(doc_id)
        self._update_tabs()
        if self.narrow:
            self.action_pane(side)

    def jump_to_entity(self, entity_id: str) -> None:
        if self.tree.select_entity(entity_id):
            self.action_pane("left" if self.narrow else "people")

    # --- showing spans -----------------------------------------------------------------

    def show_spans(self, strong: list[dict], soft: list[dict]) -> None:
        """Highlight `strong` and `soft` spans; put their documents in the two panes.

        The first document with a strong span goes left and the second right, each pane
        scrolled to its first strong span; with one document, the right pane shows another
        document with soft spans, else keeps its own unless that is the same document.
        """
        strong_by, soft_by = by_doc(strong), by_doc(soft)
        for view in (self.left, self.right):
            view.set_highlights(strong_by, soft_by)
        docs = self.cases.order_docs(list(strong_by))
        if not docs:
            docs = self.cases.order_docs(list(soft_by))
        if not docs:
            return
        self.left.show_document(docs[0])
        if len(docs) > 1:
            self.right.show_document(docs[1])
        else:
            others = [d for d in self.cases.order_docs(list(soft_by)) if d != docs[0]]
            if others:
                self.right.show_document(others[0])
            elif self.right.doc_id == docs[0] and len(self.cases.documents) > 1:
                # two panes on one document say nothing twice: show its neighbour
                ids = [d["id"] for d in self.cases.documents]
                self.right.show_document(ids[(ids.index(docs[0]) + 1) % len(ids)])
            elif self.right.doc_id is not None:
                self.right.show_document(self.right.doc_id)
        self._update_tabs()

    @on(PeopleTree.EntitySelected)
    def _entity_selected(self, message: PeopleTree.EntitySelected) -> None:
        self.selected_entity = message.entity_id
        self.timeline.entity_context = message.entity_id
        ent = self.cases.entities.get(message.entity_id or "")
        soft = entity_spans(ent) if ent else []
        self.show_spans(message.spans, soft)

    @on(PeopleTree.WhyRequested)
    def _why(self, message: PeopleTree.WhyRequested) -> None:
        self.push_screen(DetailScreen(self.cases, message.entity_id))

    @on(Timeline.EventSelected)
    def _event_selected(self, message: Timeline.EventSelected) -> None:
        self.show_spans(
            self.cases.event_spans(message.event_id), self.cases.event_soft_spans(message.event_id)
        )

    @on(SourceView.DocumentChanged)
    def _doc_changed(self, message: SourceView.DocumentChanged) -> None:
        self._update_tabs()

    @on(SearchBar.Jump)
    def _jump(self, message: SearchBar.Jump) -> None:
        self.jump(message.hit)

    @on(SearchBar.Dismissed)
    def _dismissed(self, message: SearchBar.Dismissed) -> None:
        self.action_pane(self.active_pane)

    def jump(self, hit: Hit) -> None:
        """Select what `hit` points at and show its spans."""
        if hit.kind in ("person", "organization", "place"):
            self.jump_to_entity(hit.entity or hit.id)
            return
        if hit.kind == "event":
            if self.timeline.select_event(hit.id):
                self.action_pane("left" if self.narrow else "timeline")
            return
        if hit.kind == "claim":
            claim = self.cases.claims.get(hit.id, {})
            soft = [*filter(None, [claim.get("sentence")])]
            if claim.get("event"):
                self.timeline.select_event(claim["event"], announce=False)
                soft += self.cases.event_spans(claim["event"])
            self.show_spans(dedupe(hit.spans or claim.get("sources", [])), dedupe(soft))
            self.action_pane("left" if self.narrow else "timeline")
            return
        self.show_spans(hit.spans, [])
        self.action_pane("left")


def _open(path: Path, summary_from: int) -> tuple[dict[str, Any], store.Texts, LookupIndex | None]:
    """The case to show first, a reader of its texts, and its lookup index when the case is
    large enough to be shown from summaries (see CasefileApp.SUMMARY_FROM)."""
    index = LookupIndex.open(path)
    if index is not None and index.light_size() >= summary_from:
        case = index.summary_case()
        texts = index.texts(case["documents"])
        case["documents"] = [store.LazyDocument(d, texts) for d in case["documents"]]
        return case, texts, index
    if index is not None:
        index.close()
    case, texts = store.load_light(path, lazy=True)
    return case, texts, None


def run(case_path: Path, *, mouse: bool = True, animations: bool = True) -> None:
    """Open `case_path` in the terminal until the user quits."""
    CasefileApp(case_path, animations=animations).run(mouse=mouse)
