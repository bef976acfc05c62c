"""A modal that explains one entity: its merges and the sources of each of its names."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from tui.case import CaseIndex
from tui.widgets.detail import Detail


class DetailScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,w", "dismiss", "Close", id="detail.close", tooltip="Close this view"),
        Binding("j", "scroll(1)", "Down", show=False, id="detail.down", tooltip="Scroll down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="detail.up", tooltip="Scroll up"),
    ]

    DEFAULT_CSS = """
    DetailScreen {
        align: center middle;
        & > Vertical {
            width: 90%;
            max-width: 120;
            height: 85%;
            border: round $accent;
            background: $surface;
        }
        #detail-title { background: $accent 30%; padding: 0 1; text-style: bold; }
    }
    """

    def __init__(self, index: CaseIndex, entity_id: str) -> None:
        super().__init__()
        self.index = index
        self.entity_id = entity_id

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Why merged — Escape to close", id="detail-title", markup=False)
            yield Detail(self.index, self.entity_id, id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Detail).focus()

    def action_scroll(self, step: int) -> None:
        detail = self.query_one(Detail)
        detail.scroll_relative(y=step, animate=False)
