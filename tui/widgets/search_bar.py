"""Fuzzy search over names, aliases, spellings, events, claims and sentences.

Typing never waits: each keystroke starts an exclusive thread worker that sleeps out the
debounce, searches, and hands the hits back to the UI thread; an older search still
running is cancelled and its results dropped.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from casefile.search import Hit, SearchIndex
from tui.case import CaseIndex, display_text, quote

WAITING = "Getting the search ready (the case is large); results follow…"
DEBOUNCE = 0.1  # seconds of quiet typing before a search runs
LIMIT = 20
_LABEL_W = 90

KIND_TAGS = {
    "person": "person",
    "organization": "org",
    "place": "place",
    "event": "event",
    "claim": "claim",
    "sentence": "text",
}


def hit_label(hit: Hit, width: int = _LABEL_W) -> Text:
    """The hit's label on one line, matched characters highlighted, cut around the match."""
    plain = display_text(hit.label).replace("\n", " ")  # same length: ranges still fit
    text = Text(plain, end="")
    for s, e in hit.matched:
        text.stylize("bold reverse", s, e)
    if len(plain) > width:
        first = hit.matched[0][0] if hit.matched else 0
        start = max(0, min(first - width // 3, len(plain) - width))
        piece = text[start : start + width]
        text = Text("…" if start else "", end="") + piece
        if start + width < len(plain):
            text.append("…")
    return text


class SearchBar(Vertical):
    """`/` to focus; type; ↓ to the results; Enter jumps to the best (or chosen) result."""

    HELP = """
## Search

Fuzzy search over names, aliases, spellings, events, claims and document sentences.
Results update as you type. `Enter` jumps to the first result (or the highlighted one,
after `↓`); `Escape` clears the search and goes back.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "results", "Results", id="search.results", tooltip="Go to the results"),
        Binding("escape", "dismiss", "Back", id="search.dismiss", tooltip="Clear and go back"),
    ]

    DEFAULT_CSS = """
    SearchBar {
        height: auto;
        max-height: 16;
        & > Input { border: tall $panel-lighten-2; }
        & > Input:focus { border: tall $accent; }
        & > OptionList {
            display: none;
            height: auto;
            max-height: 13;
            border: round $accent;
            background: $panel;
        }
        &.-results > OptionList { display: block; }
    }
    """

    @dataclass
    class Jump(Message):
        """Go to this hit: select its entity or event and show its spans."""

        bar: SearchBar
        hit: Hit

    @dataclass
    class Dismissed(Message):
        bar: SearchBar

    def __init__(self, cases: CaseIndex, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cases = cases
        self.index: SearchIndex | None = None  # set by the app once built
        self.hits: list[Hit] = []
        self.shown_query = ""  # the query whose hits are on screen
        self.searches = 0  # searches run to completion (for tests)

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder="/ search names, aliases, spellings, events, claims, text",
            id="search-input",
        )
        yield OptionList(id="search-results")

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def results(self) -> OptionList:
        return self.query_one("#search-results", OptionList)

    def set_index(self, cases: CaseIndex) -> None:
        """Another version of the case (after an edit): old hits point at old entities."""
        self.cases = cases
        self.index = None  # the app builds the new one
        self.hits = []
        self.shown_query = ""
        self.results.clear_options()
        self.set_class(False, "-results")

    def set_search_index(self, index: SearchIndex) -> None:
        """The search index is built: answer what was typed while it was not."""
        self.index = index
        if self.input.value.strip():
            self.run_search(self.input.value)

    # --- searching ---------------------------------------------------------------------

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.run_search(event.value)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        worker = get_current_worker()
        time.sleep(DEBOUNCE)  # a later keystroke cancels this worker while it sleeps
        if worker.is_cancelled:
            return
        hits: list[Hit] = []
        if query.strip() and self.index is not None:
            hits = self.index.search(query, limit=LIMIT)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, query, hits)

    def _show(self, query: str, hits: list[Hit]) -> None:
        if query != self.input.value:
            return  # stale: the user has typed on
        results = self.results
        results.clear_options()
        if self.index is None and query.strip():  # a large case is still being read
            results.add_option(Option(Text(WAITING, style="dim italic"), disabled=True))
            self.set_class(True, "-results")
            return
        self.hits = hits
        self.shown_query = query
        self.searches += 1
        results.add_options(Option(self._prompt(h), id=str(i)) for i, h in enumerate(hits))
        if hits:
            results.highlighted = 0
        self.set_class(bool(hits), "-results")

    def _prompt(self, hit: Hit) -> Text:
        kind = KIND_TAGS.get(hit.kind, hit.kind)
        line = Text(f"{kind:<6} ", style="dim", end="")
        room = max(30, (self.size.width or 120) - 16)  # one line per hit, never wrapped
        if hit.kind == "sentence" and hit.spans:
            # a sentence is its own snippet: say where it is, then the sentence
            where = self.cases.doc_label(hit.spans[0]["doc"]) + ": "
            line.append(where, style="dim italic")
            line.append_text(hit_label(hit, max(20, room - len(where))))
            return line
        line.append_text(hit_label(hit, room))
        if hit.also:
            line.append("  also " + ", ".join(display_text(a) for a in hit.also[:3]), style="dim")
        if hit.spans:
            span = hit.spans[0]
            doc = self.cases.docs.get(span["doc"], {})
            where = Text("\n       " + self.cases.doc_label(span["doc"]) + ": ", style="dim italic")
            spare = room - len(where.plain) - (span["end"] - span["start"]) - 12
            where.append_text(quote(doc.get("text", ""), span, context=max(6, spare // 2)))
            if len(hit.spans) > 1:
                where.append(f"  (+{len(hit.spans) - 1} more)", style="dim")
            line.append_text(where)
        return line

    # --- keys --------------------------------------------------------------------------

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.shown_query != event.value and self.index is not None and event.value.strip():
            # Enter before the debounced search came back: search now (it is fast)
            self._show(event.value, self.index.search(event.value, limit=LIMIT))
        index = self.results.highlighted
        if self.hits:
            self._jump(self.hits[index if index is not None else 0])

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.hits):
            self._jump(self.hits[event.option_index])

    @on(OptionList.OptionHighlighted, "#search-results")
    def _stop(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    def _jump(self, hit: Hit) -> None:
        self.set_class(False, "-results")
        self.post_message(self.Jump(self, hit))

    def action_results(self) -> None:
        if self.hits:
            self.set_class(True, "-results")
            self.results.focus()

    def action_dismiss(self) -> None:
        if self.results.has_focus:
            self.input.focus()
            return
        self.input.value = ""
        self.hits = []
        self.results.clear_options()
        self.set_class(False, "-results")
        self.post_message(self.Dismissed(self))
