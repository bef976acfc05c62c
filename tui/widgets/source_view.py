"""One document, rendered line by line with the selected fact's spans highlighted.

A `ScrollView` with `render_line` and a strip cache (like toolong's log view): a long
document costs only the lines on screen. Text is wrapped to the pane width by offsets
(visual line -> (start, end) in the document text) so highlights map to characters exactly.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.cells import get_character_cell_size
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
from tui.case import Range, display_text

STRONG, SOFT = 2, 1


def wrap_offsets(text: str, width: int) -> list[Range]:
    """Visual lines of `text` wrapped to `width` cells, as (start, end) offsets.

    Breaks after a space when one is on the line, else mid-word. A newline ends a line
    and belongs to no visual line. Every character is in exactly one line.
    """
    width = max(1, width)
    lines: list[Range] = []
    n = len(text)
    ascii_only = text.isascii()
    pos = 0
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        if pos == end:
            lines.append((pos, pos))
        s = pos
        while s < end:
            if ascii_only:
                stop = min(end, s + width)
            else:
                stop, cells = s, 0
                while stop < end:
                    w = get_character_cell_size(text[stop])
                    if cells + w > width and stop > s:
                        break
                    cells += w
                    stop += 1
            if stop < end:
                space = text.rfind(" ", s, stop)
                if space > s:
                    stop = space + 1
            lines.append((s, stop))
            s = stop
        if nl == -1:
            break
        pos = nl + 1
    return lines


@dataclass
class _Doc:
    id: str
    text: str  # display form: same length as the stored text
    header: list[str]  # title, then reference date and its basis


class SourceView(ScrollView, can_focus=True):
    """A document pane: header (title, reference date and how it was found), then the text."""

    HELP = """
## Source text

One document. The selected fact is highlighted strongly, other mentions of the selected
entity softly. `[` / `]` show the previous / next document in this pane; `n` / `N` jump to
the next / previous strong highlight.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False, id="source.down", tooltip="Scroll down"),
        Binding("k", "scroll_up", "Up", show=False, id="source.up", tooltip="Scroll up"),
        Binding("g", "scroll_home", "Top", show=False, id="source.top", tooltip="Go to the top"),
        Binding(
            "G", "scroll_end", "Bottom", show=False, id="source.bottom", tooltip="Go to the end"
        ),
        Binding(
            "right_square_bracket",
            "cycle(1)",
            "Next doc",
            key_display="]",
            id="source.next_doc",
            tooltip="Show the next document in this pane",
        ),
        Binding(
            "left_square_bracket",
            "cycle(-1)",
            "Prev doc",
            key_display="[",
            id="source.prev_doc",
            tooltip="Show the previous document in this pane",
        ),
        Binding(
            "n", "next_hit(1)", "Next hit", id="source.next_hit", tooltip="Next strong highlight"
        ),
        Binding(
            "N",
            "next_hit(-1)",
            "Prev hit",
            id="source.prev_hit",
            tooltip="Previous strong highlight",
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "source-view--strong",
        "source-view--soft",
        "source-view--title",
        "source-view--meta",
    }

    DEFAULT_CSS = """
    SourceView {
        background: $surface;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        padding: 0 0 0 1;
        &:focus { border: round $accent; border-title-color: $text; }
        & > .source-view--strong { background: $warning 60%; color: $text; text-style: bold; }
        & > .source-view--soft { background: $primary 25%; text-style: underline; }
        & > .source-view--title { text-style: bold; color: $text; }
        & > .source-view--meta { color: $text-muted; text-style: italic; }
    }
    """

    @dataclass
    class DocumentChanged(Message):
        """The pane now shows another document (posted after a user cycles)."""

        view: SourceView
        doc_id: str | None

    def __init__(self, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.documents: list[dict[str, Any]] = []
        self._doc: _Doc | None = None
        self._strong: dict[str, list[Range]] = {}
        self._soft: dict[str, list[Range]] = {}
        self._lines: list[Range] = []
        self._starts: list[int] = []
        self._width = 0
        self._header_strips: list[Strip] = []
        self._cache: LRUCache[int, Strip] = LRUCache(1024)
        self._pending: int | None = None  # offset to bring into view once laid out

    # --- what the app calls ------------------------------------------------------------

    def set_documents(self, documents: list[dict[str, Any]]) -> None:
        self.documents = documents

    @property
    def doc_id(self) -> str | None:
        return self._doc.id if self._doc else None

    @property
    def text(self) -> str:
        return self._doc.text if self._doc else ""

    @property
    def strong_ranges(self) -> list[Range]:
        return list(self._strong.get(self.doc_id or "", []))

    @property
    def soft_ranges(self) -> list[Range]:
        return list(self._soft.get(self.doc_id or "", []))

    def highlighted_texts(self) -> list[str]:
        """The stored text under each strong highlight of the shown document."""
        doc = self._stored_doc()
        raw = doc.get("text", "") if doc else ""
        return [raw[s:e] for s, e in self.strong_ranges]

    def set_highlights(self, strong: dict[str, list[Range]], soft: dict[str, list[Range]]) -> None:
        """Highlights for every document, keyed by document id (this pane shows one)."""
        self._strong = {d: sorted(r) for d, r in strong.items()}
        self._soft = {d: sorted(r) for d, r in soft.items()}
        self._cache.clear()
        self.refresh()

    def show_document(self, doc_id: str | None, scroll_to: int | None = None) -> None:
        """Show `doc_id`; bring offset `scroll_to` (default: first strong span) into view."""
        if doc_id is None:
            self._doc = None
            self._relayout()
            return
        if self._doc is None or self._doc.id != doc_id:
            doc = next((d for d in self.documents if d["id"] == doc_id), None)
            if doc is None:
                return
            self._doc = _Doc(doc_id, display_text(doc.get("text") or ""), self._header(doc))
            self._width = 0  # force a rewrap
            self.border_title = one_line(doc.get("name") or doc_id)
        if scroll_to is None:
            ranges = self._strong.get(doc_id)
            scroll_to = ranges[0][0] if ranges else None
        self._relayout()
        self.scroll_to_offset(scroll_to if scroll_to is not None else 0, top=scroll_to is None)

    def scroll_to_offset(self, offset: int, *, top: bool = False) -> None:
        """Scroll so the line holding `offset` sits a few lines below the top."""
        if not self._lines or self._width <= 0:
            self._pending = offset
            return
        y = self.line_of_offset(offset)
        self.scroll_to(y=0 if top else max(0, y - 3), animate=False, immediate=True)

    def line_of_offset(self, offset: int) -> int:
        """The visual line (counting the header) that holds character `offset`."""
        i = max(0, bisect_right(self._starts, offset) - 1)
        return len(self._header_strips) + i

    def visible_lines(self) -> list[str]:
        """The plain text on screen now, one string per row (for tests and debugging)."""
        return [self.render_line(y).text for y in range(self.size.height)]

    # --- layout and rendering ----------------------------------------------------------

    def _stored_doc(self) -> dict[str, Any] | None:
        return next((d for d in self.documents if d["id"] == self.doc_id), None)

    @staticmethod
    def _header(doc: dict[str, Any]) -> list[str]:
        title = one_line(doc.get("title") or doc.get("name") or doc["id"])
        ref = one_line(doc.get("reference_date") or "undated")
        basis = one_line(doc.get("reference_basis") or "")
        return [title, f"Reference date {ref}" + (f" — {basis}" if basis else "")]

    def _content_width(self) -> int:
        return max(10, self.scrollable_content_region.width)

    def _relayout(self) -> None:
        width = self._content_width() if self.size.width else 80
        self._cache.clear()
        if self._doc is None:
            self._lines, self._starts = [], []
            self.virtual_size = Size(width, 0)
            self.refresh()
            return
        if width != self._width:
            self._width = width
            self._lines = wrap_offsets(self._doc.text, width)
            self._starts = [s for s, _ in self._lines]
            self._header_strips = self._render_header(width)
        total = len(self._header_strips) + len(self._lines)
        self.virtual_size = Size(width, total)
        self.refresh()

    def _render_header(self, width: int) -> list[Strip]:
        assert self._doc is not None
        console = self.app.console
        strips: list[Strip] = []
        base = self.rich_style
        styles = [
            base + self.get_component_rich_style("source-view--title"),
            base + self.get_component_rich_style("source-view--meta"),
        ]
        for text, style in zip(self._doc.header, styles, strict=False):
            # Text(), not markup: titles come from the documents
            for line in Text(text, style=style, end="").wrap(console, width):
                strips.append(Strip(line.render(console)))
        strips.append(Strip([Segment("─" * width, styles[1])]))
        return strips

    def on_resize(self, event: events.Resize) -> None:
        if self._doc is None:
            return
        top = self._top_offset()
        self._relayout()
        if self._pending is not None:
            offset, self._pending = self._pending, None
            self.scroll_to_offset(offset)
        elif top is not None:
            self.scroll_to(y=self.line_of_offset(top), animate=False, immediate=True)

    def _top_offset(self) -> int | None:
        if not self._lines:
            return None
        i = int(self.scroll_y) - len(self._header_strips)
        return self._lines[max(0, min(i, len(self._lines) - 1))][0] if i >= 0 else None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()
        self._width = 0  # header strips carry styles

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if self._doc is None:
            if index == 0:
                return Strip([Segment("No document", base + Style(dim=True))]).extend_cell_length(
                    width, base
                )
            return Strip.blank(width, base)
        if self._width == 0:
            self._relayout()
        nhead = len(self._header_strips)
        if index < nhead:
            return self._header_strips[index].crop_extend(0, width, base)
        line = index - nhead
        if line >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._cache.get(line)
        if strip is None:
            strip = self._render_body_line(line, base)
            self._cache[line] = strip
        return strip.crop_extend(0, width, base)

    def _render_body_line(self, line: int, base: Style) -> Strip:
        assert self._doc is not None
        start, end = self._lines[line]
        text = self._doc.text[start:end]
        if not text:
            return Strip([])
        marks = [0] * len(text)
        for level, ranges in ((SOFT, self._soft), (STRONG, self._strong)):
            for s, e in ranges.get(self._doc.id, ()):
                if e <= start or s >= end:
                    continue
                for i in range(max(s, start) - start, min(e, end) - start):
                    marks[i] = level
        styles = {
            0: base,
            SOFT: base + self.get_component_rich_style("source-view--soft"),
            STRONG: base + self.get_component_rich_style("source-view--strong"),
        }
        segments: list[Segment] = []
        run = 0
        for i in range(1, len(text) + 1):
            if i == len(text) or marks[i] != marks[run]:
                segments.append(Segment(text[run:i], styles[marks[run]]))
                run = i
        return Strip(segments)

    # --- actions -----------------------------------------------------------------------

    def action_cycle(self, step: int) -> None:
        if not self.documents:
            return
        ids = [d["id"] for d in self.documents]
        i = ids.index(self.doc_id) if self.doc_id in ids else -step
        self.show_document(ids[(i + step) % len(ids)])
        self.post_message(self.DocumentChanged(self, self.doc_id))

    def action_next_hit(self, step: int) -> None:
        ranges = self.strong_ranges
        if not ranges:
            self.app.bell()
            return
        top = self._top_offset() or 0
        cur = self.line_of_offset(top) + 3 if self.scroll_y else -1
        lines = [self.line_of_offset(s) for s, _ in ranges]
        if step > 0:
            target = next((y for y in lines if y > cur), lines[0])
        else:
            target = next((y for y in reversed(lines) if y < cur), lines[-1])
        self.scroll_to(y=max(0, target - 3), animate=False, immediate=True)
