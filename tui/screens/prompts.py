"""Small modals for the edits of the people tree: pick an entity, type a name, choose a kind,
confirm. Each returns its answer through `dismiss` (None when cancelled with Escape).

Names come from documents: every label is a `rich.text.Text`, never markup.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rapidfuzz import fuzz
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from casefile.names import fold
from casefile.sanitize import one_line
from tui.case import plural

_CSS = """
{cls} {{
    align: center middle;
    & > Vertical {{
        width: 80%;
        max-width: 90;
        height: auto;
        max-height: 90%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }}
    .prompt-title {{ text-style: bold; padding: 0 0 1 0; }}
    .prompt-hint {{ color: $text-muted; padding: 1 0 0 0; }}
    Input {{ margin: 0 0 1 0; }}
    OptionList {{ height: auto; max-height: 14; border: none; padding: 0; }}
}}
"""


class _Prompt(ModalScreen[Any]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel", tooltip="Close, change nothing"),
    ]

    def action_cancel(self) -> None:
        self.dismiss(None)


class EntityPicker(_Prompt):
    """Fuzzy-pick one of `candidates` (entities): type to narrow, ↑/↓ to choose, Enter."""

    DEFAULT_CSS = _CSS.format(cls="EntityPicker")
    LIMIT = 50

    def __init__(self, title: str, candidates: list[dict[str, Any]], near: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.candidates = candidates
        self.near = near  # with no query yet, the names nearest this one come first
        self._labels = {e["id"]: _names(e) for e in candidates}
        self.shown: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text), classes="prompt-title")
            yield Input(placeholder="type a name…", id="picker-input")
            yield OptionList(id="picker-list")
            yield Static("↑/↓ choose · Enter pick · Escape cancel", classes="prompt-hint")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    @property
    def options(self) -> OptionList:
        return self.query_one("#picker-list", OptionList)

    def ranked(self, query: str) -> list[str]:
        """Candidate ids, best first: by the query, else by nearness to `near`."""
        typed = bool(query.strip())
        words = fold(query if typed else self.near).split()
        if not words:
            return [e["id"] for e in self.candidates][: self.LIMIT]
        scored = []
        for i, e in enumerate(self.candidates):
            score = max(name_score(words, n) for n in self._labels[e["id"]])
            if score >= 60 or not typed:
                scored.append((-score, i, e["id"]))
        return [eid for _, _, eid in sorted(scored)][: self.LIMIT]

    def _fill(self, query: str) -> None:
        by_id = {e["id"]: e for e in self.candidates}
        self.shown = self.ranked(query)
        ol = self.options
        ol.clear_options()
        ol.add_options([Option(_entity_line(by_id[eid]), id=eid) for eid in self.shown])
        if self.shown:
            ol.highlighted = 0

    @on(Input.Changed, "#picker-input")
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#picker-input")
    def _submitted(self) -> None:
        ol = self.options
        if ol.highlighted is not None and self.shown:
            self.dismiss(self.shown[ol.highlighted])
        else:
            self.app.bell()

    @on(OptionList.OptionSelected, "#picker-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def on_key(self, event: Any) -> None:
        # arrows move through the list while typing goes on in the input
        if event.key in ("up", "down", "pageup", "pagedown") and self.focused is not self.options:
            ol = self.options
            if not self.shown:
                return
            step = {"up": -1, "down": 1, "pageup": -10, "pagedown": 10}[event.key]
            ol.highlighted = max(0, min(len(self.shown) - 1, (ol.highlighted or 0) + step))
            event.stop()
            event.prevent_default()


def name_score(words: list[str], name: str) -> float:
    """How well typed `words` name `name`: each word scores 100 if it begins a word of the
    name, else its best fuzzy ratio to one (a typo); the mean over the typed words."""
    parts = fold(name).split()
    if not parts:
        return 0.0
    total = 0.0
    for w in words:
        total += max(100.0 if p.startswith(w) else fuzz.ratio(w, p) for p in parts)
    return total / len(words)


def _names(e: dict[str, Any]) -> list[str]:
    names = [e.get("name", "")] + [a["name"] for a in e.get("aliases", [])]
    return list(dict.fromkeys(n for n in names if n))


def _entity_line(e: dict[str, Any]) -> Text:
    out = Text(one_line(e.get("name", "")), style="bold")
    out.append(f"  {plural(len(e.get('mentions', [])), 'mention')}", style="dim")
    others = [one_line(n) for n in _names(e)[1:4]]
    if others:
        out.append("  also " + ", ".join(others), style="italic cyan")
    return out


class TextPrompt(_Prompt):
    """One or more text fields; returns their values (stripped), or None."""

    DEFAULT_CSS = _CSS.format(cls="TextPrompt")

    def __init__(
        self, title: str, fields: list[tuple[str, str]], *, required: int = 1, hint: str = ""
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = fields  # (placeholder, initial value)
        self.required = required  # the first `required` fields must not be empty
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text), classes="prompt-title")
            for i, (placeholder, value) in enumerate(self.fields):
                yield Input(value=value, placeholder=placeholder, id=f"field-{i}")
            hint = self.hint or "Enter save · Tab next field · Escape cancel"
            yield Static(Text(hint), classes="prompt-hint")

    def on_mount(self) -> None:
        self.query_one("#field-0", Input).focus()

    @property
    def values(self) -> list[str]:
        return [" ".join(i.value.split()) for i in self.query(Input)]

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        values = self.values
        missing = next((i for i in range(self.required) if not values[i]), None)
        if missing is not None:
            self.query_one(f"#field-{missing}", Input).focus()
            self.notify(f"{self.fields[missing][0]}: required", severity="warning", markup=False)
            return
        self.dismiss(values)


class ChoicePrompt(_Prompt):
    """Pick one of `choices` (value, label); returns the value, or None."""

    DEFAULT_CSS = _CSS.format(cls="ChoicePrompt")

    def __init__(self, title: str, choices: list[tuple[str, str]], current: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text), classes="prompt-title")
            yield OptionList(*[Option(self._label(v, label), id=v) for v, label in self.choices])
            yield Static("↑/↓ choose · Enter pick · Escape cancel", classes="prompt-hint")

    def _label(self, value: str, label: str) -> Text:
        out = Text(label)
        if value == self.current:
            out.append("  (now)", style="dim")
        return out

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        values = [v for v, _ in self.choices]
        ol.highlighted = values.index(self.current) if self.current in values else 0
        ol.focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class ConfirmPrompt(_Prompt):
    """A yes/no question; returns True, or None."""

    DEFAULT_CSS = _CSS.format(cls="ConfirmPrompt")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "yes", "Yes", id="confirm.yes", tooltip="Go ahead"),
        Binding("n,escape", "cancel", "No", id="confirm.no", tooltip="Change nothing"),
    ]

    def __init__(self, title: str, detail: Text | str = "") -> None:
        super().__init__()
        self.title_text = title
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text), classes="prompt-title")
            if self.detail:
                detail = self.detail if isinstance(self.detail, Text) else Text(self.detail)
                yield Static(detail)
            yield Static("y / Enter: yes · n / Escape: no", classes="prompt-hint")

    def action_yes(self) -> None:
        self.dismiss(True)
