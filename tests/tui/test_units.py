"""The pure helpers under the panes: wrapping by offsets, 1:1 display text, names, keymap."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.case import CaseIndex, display_text, names_of
from tui.keymap import keymap_path, load_keymap
from tui.widgets.source_view import wrap_offsets

TEXT = st.text(
    alphabet=st.sampled_from(list("ab c\n\t\x1b[]") + ["漢", "é", "\u202e", "\x07"]), max_size=200
)


@given(TEXT, st.integers(min_value=1, max_value=30))
def test_wrap_offsets_cover_every_character_once(text: str, width: int) -> None:
    shown = display_text(text)
    lines = wrap_offsets(shown, width)
    covered = [i for s, e in lines for i in range(s, e)]
    assert covered == [i for i, ch in enumerate(shown) if ch != "\n"]
    for s, e in lines:
        assert "\n" not in shown[s:e]
        # a line is over width only when one wide character alone does not fit
        assert cell_len(shown[s:e]) <= width or e - s == 1


@given(st.text(max_size=200))
def test_display_text_keeps_offsets_and_is_inert(text: str) -> None:
    shown = display_text(text)
    assert len(shown) == len(text)
    assert not any(ch in shown for ch in "\x1b\x07\r\t\u202e\u2066\x9b")
    for i, ch in enumerate(text):
        if ch.isprintable() and ch not in "\u202e\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069":
            assert shown[i] == ch


def test_wrap_prefers_spaces() -> None:
    text = "hello world this is it"
    assert [text[s:e] for s, e in wrap_offsets(text, 11)] == ["hello ", "world this ", "is it"]


def test_names_of_marks_types_and_collects_spans() -> None:
    ent = {
        "name": "Mohammad Imran Tanvir",
        "aliases": [
            {"name": "Abu Imran", "type": "aka", "sources": [{"doc": "a", "start": 0, "end": 9}]},
            {"name": "Tanveer", "type": "short", "sources": []},
        ],
        "mentions": [
            {"doc": "a", "start": 20, "end": 41, "text": "Mohammad Imran Tanvir"},
            {"doc": "b", "start": 5, "end": 12, "text": "Tanveer"},
            {"doc": "b", "start": 50, "end": 57, "text": "TANVEER"},
            {"doc": "b", "start": 70, "end": 79, "text": "M. Tanvir"},
        ],
    }
    names = {n.name: n for n in names_of(ent)}
    assert names["Mohammad Imran Tanvir"].type == "name"
    assert names["Abu Imran"].type == "aka"
    assert [s["start"] for s in names["Tanveer"].spans] == [5, 50]
    assert names["M. Tanvir"].type == "seen"


def test_conflict_text_names_both_values() -> None:
    case = {
        "documents": [],
        "entities": [],
        "events": [{"id": "ev", "date": "2024", "entities": [], "sources": []}],
        "claims": [
            {
                "id": "c1",
                "what": "killed",
                "value": "more than 90",
                "event": "ev",
                "conflicts_with": ["c2"],
            },
            {
                "id": "c2",
                "what": "killed",
                "value": "at least 91",
                "event": "ev2",
                "conflicts_with": ["c1"],
            },
        ],
    }
    assert CaseIndex(case).conflict_text("ev") == "killed: more than 90 vs at least 91"


def test_keymap_paths_and_problems(tmp_path: Path) -> None:
    assert keymap_path({"XDG_CONFIG_HOME": "/x"}) == Path("/x/casefile/keymap.toml")
    assert keymap_path({"HOME": "/h"}) == Path("/h/.config/casefile/keymap.toml")
    assert load_keymap(tmp_path / "missing.toml") == ({}, [])
    bad = tmp_path / "bad.toml"
    bad.write_text("this is = = not toml")
    keymap, problems = load_keymap(bad)
    assert keymap == {} and problems
    good = tmp_path / "good.toml"
    good.write_text('"app.search" = "s"\n[keymap]\n"timeline.filter" = "ctrl+f"\n')
    assert load_keymap(good)[0] == {"timeline.filter": "ctrl+f"}
