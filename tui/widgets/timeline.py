"""Events in date order, each with its date at its true precision.

A row: date (2020, 2020-11 or 2024-01-03, never padded), a one-line summary (led by a
conflict mark and the conflicting values when sources disagree), participants, sources.

A line-API `ScrollView` rather than a `DataTable`: a table measures every cell of every row
when it is filled, which for thousands of events costs seconds; this renders only the rows
on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from casefile.sanitize import one_line
from tui.case import CONFLICT_MARK, CaseIndex

_DATE_W, _SRC_W, _GAP = 10, 3, 2


@dataclass
class _Row:
    id: str
    date: str
    conflict: str
    summary: str
    who: str
    sources: int

    @property
    def text(self) -> str:
        lead = f"{CONFLICT_MARK} {self.conflict} " if self.conflict else ""
        return f"{self.date}  {lead}{self.summary}  {self.who}  {self.sources}"


class Timeline(ScrollView, can_focus=True):
    """What happened when; `f` narrows it to the selected entity."""

    HELP = """
## Timeline

Events in date order. Dates are exactly as precise as the sources allow. A ⚠ marks an
event whose sources disagree (e.g. a death toll). `f` shows only the events of the
selected entity (press again for all); moving onto a row shows its sources.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Down", show=False, id="timeline.down", tooltip="Next event"),
        Binding("k,up", "move(-1)", "Up", show=False, id="timeline.up", tooltip="Previous event"),
        Binding(
            "pagedown",
            "page(1)",
            "Page down",
            show=False,
            id="timeline.page_down",
            tooltip="Next page of events",
        ),
        Binding(
            "pageup",
            "page(-1)",
            "Page up",
            show=False,
            id="timeline.page_up",
            tooltip="Previous page of events",
        ),
        Binding(
            "g,home", "first", "First", show=False, id="timeline.first", tooltip="Earliest event"
        ),
        Binding("G,end", "last", "Last", show=False, id="timeline.last", tooltip="Latest event"),
        Binding(
            "enter",
            "choose",
            "Sources",
            show=False,
            id="timeline.choose",
            tooltip="Show this event's sources",
        ),
        Binding(
            "f",
            "toggle_filter",
            "Filter",
            id="timeline.filter",
            tooltip="Show only the events of the selected entity (again: all events)",
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline--header",
        "timeline--cursor",
        "timeline--date",
        "timeline--conflict",
        "timeline--who",
    }

    DEFAULT_CSS = """
    Timeline {
        height: 1fr;
        background: $surface;
        padding: 0 0 0 1;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        &:focus { border: round $accent; border-title-color: $text; }
        & > .timeline--header { text-style: bold; color: $text-muted; }
        & > .timeline--cursor { background: $block-cursor-blurred-background; }
        &:focus > .timeline--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .timeline--date { text-style: bold; }
        & > .timeline--conflict { color: $error; text-style: bold; }
        & > .timeline--who { color: $text-muted; }
    }
    """

    @dataclass
    class EventSelected(Message):
        timeline: Timeline
        event_id: str

    def __init__(self, index: CaseIndex, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index = index
        self.entity_context: str | None = None  # the entity selected elsewhere, set by the app
        self.filter_entity: str | None = None
        self.cursor_row = 0
        self._rows: list[str] = []  # event ids shown, in date order
        self._all = [ev["id"] for ev in index.sorted_events()]
        self._made: dict[str, _Row] = {}  # rows are formatted when first drawn
        self._cache: LRUCache[tuple[int, int, bool, bool], Strip] = LRUCache(512)
        self._rows = list(self._all)

    def on_mount(self) -> None:
        self._apply_filter()

    def set_index(self, index: CaseIndex) -> None:
        """Show another version of the case (after an edit), keeping the cursor's event."""
        self.index = index
        self._all = [ev["id"] for ev in index.sorted_events()]
        self._made.clear()
        if self.filter_entity not in index.entities:
            self.filter_entity = None
        self._apply_filter()

    def _row(self, event_id: str) -> _Row:
        row = self._made.get(event_id)
        if row is None:
            row = self._made[event_id] = self._make_row(self.index.events.summary(event_id))
        return row

    def _make_row(self, ev: dict[str, Any]) -> _Row:
        """From the event's summary (its row is read only when it is selected)."""
        return _Row(
            id=ev["id"],
            date=one_line(ev.get("date") or "undated"),
            conflict=self.index.conflict_text(ev["id"]),
            summary=one_line(ev.get("summary", "")),
            who=", ".join(self.index.entity_name(e) for e in ev.get("entities", [])),
            sources=ev["source_count"],
        )

    # --- queries -----------------------------------------------------------------------

    @property
    def event_ids(self) -> list[str]:
        return list(self._rows)

    @property
    def current_event(self) -> str | None:
        return self._rows[self.cursor_row] if 0 <= self.cursor_row < len(self._rows) else None

    def row_text(self, event_id: str) -> str:
        """A row's full plain text (what a reader sees, before cutting to the pane width)."""
        return self._row(event_id).text

    # --- filtering and selection -------------------------------------------------------

    def _apply_filter(self) -> None:
        keep = self.current_event if self._rows else None
        if self.filter_entity:
            wanted = {
                e["id"]
                for e in self.index.events.summaries()
                if self.filter_entity in e.get("entities", [])
            }
            self._rows = [r for r in self._all if r in wanted]
        else:
            self._rows = list(self._all)
        ids = self.event_ids
        self.cursor_row = ids.index(keep) if keep in ids else 0
        name = self.index.entity_name(self.filter_entity) if self.filter_entity else None
        self.border_title = f"Timeline — {name}" if name else "Timeline"
        hint = " · f: all" if name else " · f: filter"
        self.border_subtitle = f"{len(self._rows)} events{hint}"
        self._cache.clear()
        self.virtual_size = Size(self.virtual_size.width, len(self._rows) + 1)
        self._scroll_to_cursor()
        self.refresh()

    def set_filter(self, entity_id: str | None) -> None:
        self.filter_entity = entity_id
        self._apply_filter()

    def select_event(self, event_id: str, *, announce: bool = True) -> bool:
        """Put the cursor on `event_id`; `announce=False` when the caller shows spans itself."""
        if event_id not in self.event_ids and self.filter_entity:
            self.set_filter(None)  # the jump target is filtered out: show everything
        if event_id not in self.event_ids:
            return False
        self._move_to(self.event_ids.index(event_id), announce=announce)
        return True

    def _move_to(self, row: int, *, announce: bool = True) -> None:
        if not self._rows:
            return
        self.cursor_row = max(0, min(row, len(self._rows) - 1))
        self._cache.clear()
        self._scroll_to_cursor()
        self.refresh()
        if announce:
            self.post_message(self.EventSelected(self, self._rows[self.cursor_row]))

    def _scroll_to_cursor(self) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)  # minus the header
        top = int(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    # --- actions -----------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        self._move_to(self.cursor_row + step)

    def action_page(self, step: int) -> None:
        self._move_to(self.cursor_row + step * max(1, self.scrollable_content_region.height - 2))

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(len(self._rows) - 1)

    def action_choose(self) -> None:
        self._move_to(self.cursor_row)

    def action_toggle_filter(self) -> None:
        if self.filter_entity:
            self.set_filter(None)
        elif self.entity_context:
            self.set_filter(self.entity_context)
        else:
            self.notify("Select a person, organization or place first", severity="warning")

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and offset.y >= 1:  # row 0 is the header
            self._move_to(int(self.scroll_y) + offset.y - 1)

    # --- rendering ---------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self._scroll_to_cursor()

    def on_focus(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def _widths(self, width: int) -> tuple[int, int]:
        who = 24 if width >= 100 else 14
        summary = max(10, width - _DATE_W - who - _SRC_W - 3 * _GAP - 1)
        return summary, who

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            return self._header(width, base)
        row = int(self.scroll_y) + y - 1
        if row >= len(self._rows):
            return Strip.blank(width, base)
        key = (row, width, row == self.cursor_row, self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_row(
                self._row(self._rows[row]), width, base, row == self.cursor_row
            )
            self._cache[key] = strip
        return strip

    def _header(self, width: int, base: Style) -> Strip:
        summary_w, who_w = self._widths(width)
        style = base + self.get_component_rich_style("timeline--header")
        gap = " " * _GAP
        line = (
            f"{'Date':<{_DATE_W}}{gap}{'What happened':<{summary_w}}{gap}"
            f"{'Who':<{who_w}}{gap}{'Src':>{_SRC_W}}"
        )
        return Strip([Segment(line[:width], style)]).extend_cell_length(width, base)

    def _render_row(self, row: _Row, width: int, base: Style, cursor: bool) -> Strip:
        summary_w, who_w = self._widths(width)
        style = base + self.get_component_rich_style("timeline--cursor") if cursor else base
        text = Text(end="", no_wrap=True, style=style)
        text.append(f"{row.date:<{_DATE_W}}", style=self.get_component_rich_style("timeline--date"))
        text.append(" " * _GAP)
        summary = Text(end="", no_wrap=True)
        if row.conflict:
            summary.append(
                f"{CONFLICT_MARK} {row.conflict} ",
                style=self.get_component_rich_style("timeline--conflict"),
            )
        summary.append(row.summary)
        summary.truncate(summary_w, overflow="ellipsis", pad=True)
        text.append_text(summary)
        text.append(" " * _GAP)
        who = Text(row.who, end="", style=self.get_component_rich_style("timeline--who"))
        who.truncate(who_w, overflow="ellipsis", pad=True)
        text.append_text(who)
        text.append(" " * _GAP)
        text.append(f"{row.sources:>{_SRC_W}}")
        segments = list(text.render(self.app.console))
        return Strip(segments).crop_extend(0, width, style)
