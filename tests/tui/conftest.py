"""TUI-only fixtures: a frozen case for snapshots, a hostile case, and an app factory."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casefile import store

FROZEN = Path(__file__).resolve().parent / "fixtures" / "sample.case.json"

# Document text that would break a careless app: Textual markup and terminal escapes.
HOSTILE_TEXT = (
    "Eve [red]Doe[/] wrote: [b]bold[/b] [link=x]y[/link] [@click=app.quit]z[/]\n"
    "Clear: \x1b[2J and clipboard: \x1b]52;c;AAAA\x07 end.\n"
    "Later Eve [red]Doe[/] said it again.\n"
)


def _span(doc: str, text: str, needle: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"doc": doc, "start": start, "end": start + len(needle), "text": needle}


def hostile_case() -> dict[str, Any]:
    doc = "d-hostile"
    m1 = _span(doc, HOSTILE_TEXT, "Eve [red]Doe[/]")
    m2 = _span(doc, HOSTILE_TEXT, "Eve [red]Doe[/]", 1)
    sentence = _span(doc, HOSTILE_TEXT, "[b]bold[/b] [link=x]y[/link] [@click=app.quit]z[/]")
    return {
        "format": "casefile/1",
        "generated": "2026-01-01T00:00:00Z",
        "documents": [
            {
                "id": doc,
                "name": "[b]evil[/b].txt",
                "title": "[@click=app.quit]Title[/] \x1b[31mred",
                "text": HOSTILE_TEXT,
                "reference_date": "2024",
                "reference_basis": "explicit [i]year[/i]",
                "chars": len(HOSTILE_TEXT),
            }
        ],
        "entities": [
            {
                "id": "e-eve",
                "kind": "person",
                "name": "Eve [red]Doe[/]",
                "aliases": [{"name": "[b]Evie[/b]", "type": "aka", "sources": [m1]}],
                "mentions": [m1, m2],
                "documents": [doc],
                "merges": [
                    {
                        "a": "Eve [red]Doe[/]",
                        "b": "[b]Evie[/b]",
                        "score": 1.0,
                        "reasons": ["[link=x]because[/link]"],
                    }
                ],
                "possible_same": [],
            }
        ],
        "events": [
            {
                "id": "ev-1",
                "date": "2024",
                "date_text": "2024",
                "date_basis": "explicit year",
                "summary": "[b]bold[/b] [@click=app.quit]z[/] \x1b[2J happened",
                "entities": ["e-eve"],
                "sources": [sentence],
                "date_sources": [],
            }
        ],
        "claims": [],
        "relations": [],
    }


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def frozen_case() -> Path:
    """A fixed case file (the sample as built once): snapshots must not move with the engine."""
    return FROZEN


@pytest.fixture
def hostile_case_path(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.case.json"
    store.save(path, hostile_case(), {})
    return path


@pytest.fixture(autouse=True)
def _no_user_keymap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read the developer's own keymap."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def make_app() -> Callable[..., Any]:
    from tui.app import CasefileApp

    def make(path: Path, **kw: Any) -> CasefileApp:
        return CasefileApp(path, animations=False, **kw)

    return make


# Only what Textual itself writes: colours/styles (SGR) and cursor positioning (CUP).
_OWN = re.compile(r"\x1b\[[0-9;]*m|\x1b\[[0-9]+;[0-9]+H")


def screen_output(app: Any) -> str:
    """What the app would write to the terminal for a full repaint, as a string.

    Uses the compositor directly (private API) because the headless driver discards output.
    """
    update = app.screen._compositor.render_update(full=True)
    return update.render_segments(app.console)


def visible_text(output: str) -> str:
    """`output` with Textual's own cursor and style sequences removed."""
    return _OWN.sub("", output)


@pytest.fixture(params=["whole", "summaries"])
def open_mode(request, monkeypatch) -> str:
    """A test using this runs twice: on a case read whole (a small case), and on one first
    shown from its lookup index's summaries and read whole in the background (a large case).
    The Pilot tests use it for every test (`pytestmark`); snapshots are taken once."""
    from tui.app import CasefileApp

    if request.param == "summaries":
        monkeypatch.setattr(CasefileApp, "SUMMARY_FROM", 0)
    return request.param
