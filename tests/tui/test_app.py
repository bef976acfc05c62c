"""Pilot tests: every pane and the main flows, asserting on what the widgets hold."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from casefile import store
from tests.tui.conftest import screen_output, visible_text

pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("open_mode")]

SIZE = (120, 40)


def _case(path: Path) -> dict:
    return store.load(path)


def _entity(case: dict, name: str) -> dict:
    return next(e for e in case["entities"] if e["name"] == name)


def _doc_of(case: dict, needle: str) -> str:
    return next(d["id"] for d in case["documents"] if needle in d["text"])


async def _settle(app, pilot) -> None:
    """Let workers (search index, searches) finish and their messages land."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def test_import_hygiene() -> None:
    """The TUI loads a case as JSON: importing it must not drag spaCy in."""
    code = "import sys, tui.app; assert 'spacy' not in sys.modules, 'spacy imported'"
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


# --- the flows from the issue -------------------------------------------------------


async def test_search_tanveer_enter_selects_person_and_both_docs(make_app, sample_case) -> None:
    case = _case(sample_case)
    person = _entity(case, "Mohammad Imran Tanvir")
    doc_imran = _doc_of(case, "Mohammad Imran Tanvir")
    doc_omran = _doc_of(case, "Mohammad Omran Tanveer")
    assert doc_imran != doc_omran
    app = make_app(sample_case)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        await pilot.press("slash")
        assert app.focused is app.search_bar.input
        await pilot.press(*"tanveer")
        await _settle(app, pilot)
        assert app.search_bar.hits, "no results for 'tanveer'"
        assert app.search_bar.hits[0].entity == person["id"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected_entity == person["id"]
        assert app.tree.selected_entity == person["id"]
        assert app.left.doc_id == doc_imran
        assert app.right.doc_id == doc_omran
        assert "Mohammad Imran Tanvir" in app.left.highlighted_texts()
        assert "Mohammad Omran Tanveer" in app.right.highlighted_texts()
        # scrolled so the highlight is on screen, and rendered highlighted
        for view, name in ((app.left, "Mohammad Imran Tanvir"), (app.right, "Mohammad Omran")):
            assert any(name in line for line in view.visible_lines()), name


async def test_select_person_highlights_all_mentions(make_app, sample_case) -> None:
    case = _case(sample_case)
    person = _entity(case, "Mohammad Imran Tanvir")
    app = make_app(sample_case)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.tree.select_entity(person["id"])
        await pilot.pause()
        want: dict[str, set] = {}
        for s in person["mentions"]:
            want.setdefault(s["doc"], set()).add((s["start"], s["end"]))
        shown = {app.left.doc_id: set(app.left.strong_ranges)}
        shown[app.right.doc_id] = set(app.right.strong_ranges)
        for doc, ranges in want.items():
            assert ranges <= shown[doc]
        texts = app.left.highlighted_texts() + app.right.highlighted_texts()
        assert {m["text"] for m in person["mentions"]} <= set(texts)


async def test_name_node_highlights_exactly_its_spans(make_app, sample_case) -> None:
    case = _case(sample_case)
    person = _entity(case, "Mohammad Imran Tanvir")
    app = make_app(sample_case)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.tree.select_entity(person["id"])
        await pilot.pause()
        app.tree.focus()
        await pilot.press("l")  # expand: names are loaded now, not at start
        node = app.tree.cursor_node
        labels = [str(c.label) for c in node.children]
        assert any("Mohammad Omran Tanveer" in x and "spelling variant" in x for x in labels)
        assert any("Abu Imran" in x and "also known as" in x for x in labels)
        assert any(x.startswith("Tanveer") and "short form" in x for x in labels)
        variant = next(c for c in node.children if str(c.label).startswith("Mohammad Omran"))
        app.tree.move_cursor(variant)
        await pilot.pause()
        spans = variant.data.spans
        assert {(s["start"], s["end"]) for s in spans} == {(970, 992)} or all(
            s["text"] == "Mohammad Omran Tanveer" for s in spans
        )
        assert app.left.highlighted_texts() == ["Mohammad Omran Tanveer"]
        # the entity's other mentions stay visible, softly
        assert app.left.soft_ranges and set(app.left.soft_ranges) > set(app.left.strong_ranges)
        # names expand to their mentions (short quotes)
        await pilot.press("l")
        mentions = list(app.tree.cursor_node.children)
        assert mentions and "Mohammad Omran Tanveer" in str(mentions[0].label)


async def test_tree_is_lazy(make_app, sample_case) -> None:
    app = make_app(sample_case)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        kinds = {n.data.kind: n for n in app.tree.root.children}
        assert set(kinds) == {"person", "organization", "place"}
        assert kinds["person"].children  # opened at start
        assert not kinds["place"].children  # loaded on expand
        assert all(not c.children for c in kinds["person"].children)
        kinds["place"].expand()
        await pilot.pause()
        assert kinds["place"].children
        first = kinds["person"].children[0]
        label = str(first.label)
        assert "mention" in label and "doc" in label


async def test_select_event_shows_its_sources(make_app, sample_case) -> None:
    case = _case(sample_case)
    two_docs = next(ev for ev in case["events"] if len({s["doc"] for s in ev["sources"]}) > 1)
    app = make_app(sample_case)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        assert app.focused is app.timeline
        while app.timeline.current_event != two_docs["id"]:
            await pilot.press("j")
        await pilot.pause()
        shown = {app.left.doc_id, app.right.doc_id}
        assert {s["doc"] for s in two_docs["sources"]} == shown
        got = set(app.left.highlighted_texts()) | set(app.right.highlighted_texts())
        assert {s["text"] for s in two_docs["sources"]} <= got


async def test_timeline_rows_dates_and_conflict_mark(make_app, sample_case) -> None:
    case = _case(sample_case)
    app = make_app(sample_case)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tl = app.timeline
        dates = [ev["date"] for ev in case["events"]]
        assert tl.event_ids == [e["id"] for e in sorted(case["events"], key=lambda e: e["date"])]
        for ev_id in tl.event_ids:
            date = next(e["date"] for e in case["events"] if e["id"] == ev_id)
            assert tl.row_text(ev_id).startswith(date + "  ")  # never padded to a day
        assert any(len(d) == 4 for d in dates) and any(len(d) == 7 for d in dates)
        conflicted = [c for c in case["claims"] if c["conflicts_with"]]
        assert conflicted
        claim = conflicted[0]
        other = next(c for c in case["claims"] if c["id"] == claim["conflicts_with"][0])
        row = tl.row_text(claim["event"])
        assert "⚠" in row and claim["value"] in row and other["value"] in row


async def test_timeline_filter_to_selected_entity(make_app, sample_case) -> None:
    case = _case(sample_case)
    kerman = _entity(case, "Kerman")
    app = make_app(sample_case)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.tree.select_entity(kerman["id"])
        await pilot.pause()
        await pilot.press("f")
        tl = app.timeline
        want = [e["id"] for e in case["events"] if kerman["id"] in e["entities"]]
        assert tl.filter_entity == kerman["id"]
        assert sorted(tl.event_ids) == sorted(want) and len(want) < len(case["events"])
        await pilot.press("f")
        assert len(tl.event_ids) == len(case["events"])


async def test_source_pane_cycles_documents(make_app, sample_case) -> None:
    app = make_app(sample_case)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        docs = [d["id"] for d in app.cases.documents]
        await pilot.press("3")
        assert app.focused is app.left
        start = app.left.doc_id
        await pilot.press("right_square_bracket")
        assert app.left.doc_id == docs[(docs.index(start) + 1) % len(docs)]
        await pilot.press("left_square_bracket")
        assert app.left.doc_id == start
        header = " ".join(line.strip() for line in app.left.visible_lines()[:6])
        doc = app.cases.docs[start]
        assert (doc.get("title") or doc["name"]) in header
        assert f"Reference date {doc['reference_date']}" in header


async def test_why_merged_detail(make_app, sample_case) -> None:
    case = _case(sample_case)
    person = _entity(case, "Mohammad Imran Tanvir")
    app = make_app(sample_case)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.tree.select_entity(person["id"])
        await pilot.pause()
        app.tree.focus()
        await pilot.press("w")
        await pilot.pause()
        from tui.screens.detail import DetailScreen
        from tui.widgets.detail import Detail

        assert isinstance(app.screen, DetailScreen)
        report = app.screen.query_one(Detail).report
        for merge in person["merges"]:
            assert f"{merge['score']:.2f}" in report
            for reason in merge["reasons"]:
                assert reason in report
        assert "Mohammad Omran Tanveer" in report and "spelling variant" in report
        await pilot.press("escape")
        assert not isinstance(app.screen, DetailScreen)


async def test_tab_cycles_panes_and_help(make_app, sample_case) -> None:
    app = make_app(sample_case)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seen = []
        for _ in range(5):
            await pilot.press("tab")
            seen.append(app.focused.id)
        assert seen == ["timeline", "left", "right", "search-input", "people"]
        await pilot.press("shift+tab")
        assert app.focused.id == "search-input"
        await pilot.press("escape")
        assert app.focused.id == "people"
        await pilot.press("question_mark")
        assert app.screen.query("HelpPanel")
        await pilot.press("question_mark")
        assert not app.screen.query("HelpPanel")


async def test_narrow_layout_one_pane_at_a_time(make_app, sample_case) -> None:
    app = make_app(sample_case)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.narrow
        panes = ("people", "timeline", "left", "right")

        def shown() -> list[str]:
            return [p for p in panes if app.pane(p).display and app.pane(p).parent.display]

        assert shown() == ["people"] or all(
            not app.pane(p).region.width for p in panes if p != "people"
        )
        await pilot.press("tab")
        assert app.focused.id == "timeline"
        assert app.pane("timeline").region.width > 70 and not app.pane("people").region.width
        await pilot.press("4")
        assert app.focused.id == "right" and app.pane("right").region.width > 70
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        assert not app.narrow
        assert all(app.pane(p).region.width for p in panes)


async def test_command_palette_export_and_show_doc(make_app, sample_case, tmp_path) -> None:
    case_file = tmp_path / "copy.db"
    case_file.write_bytes(sample_case.read_bytes())
    app = make_app(case_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"export the case")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        out = tmp_path / "copy.json"
        assert out.exists() and '"format": "casefile/1"' in out.read_text()
        last = app.cases.documents[-1]["id"]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*f"show document right {app.cases.docs[last]['name']}")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.right.doc_id == last


async def test_keymap_from_config(make_app, sample_case, tmp_path, monkeypatch) -> None:
    cfg = tmp_path / "xdg"
    (cfg / "casefile").mkdir(parents=True)
    (cfg / "casefile" / "keymap.toml").write_text('"app.search" = "s"\n"timeline.filter" = 7\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(cfg))
    app = make_app(sample_case)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("s")
        assert app.focused is app.search_bar.input
        assert any("timeline.filter" in n.message for n in app._notifications)


def test_every_binding_has_id_and_tooltip() -> None:
    from tui.app import CasefileApp
    from tui.screens.detail import DetailScreen
    from tui.screens.prompts import ConfirmPrompt, _Prompt
    from tui.screens.review import ReviewScreen
    from tui.widgets.people_tree import PeopleTree
    from tui.widgets.search_bar import SearchBar
    from tui.widgets.source_view import SourceView
    from tui.widgets.timeline import Timeline

    ids = []
    screens = (DetailScreen, ReviewScreen, _Prompt, ConfirmPrompt)  # the prompts share _Prompt's
    for cls in (CasefileApp, PeopleTree, Timeline, SourceView, SearchBar, *screens):
        for b in cls.BINDINGS:
            assert b.id and (b.tooltip or b.description), (cls.__name__, b.key)
            ids.append(b.id)
    assert len(ids) == len(set(ids))


# --- hostile documents --------------------------------------------------------------


async def test_markup_and_escapes_are_shown_inert(make_app, hostile_case_path) -> None:
    app = make_app(hostile_case_path)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        app.tree.select_entity("e-eve")
        await pilot.pause()
        app.tree.focus()
        await pilot.press("l")
        await pilot.press("slash", *"bold")
        await _settle(app, pilot)
        assert app.is_running  # [@click=app.quit] did nothing
        lines = "\n".join(app.left.visible_lines())
        for piece in ("[b]bold[/b]", "[link=x]y[/link]", "[@click=app.quit]z[/]"):
            assert piece in lines, piece
        assert "Eve [red]Doe[/]" in lines
        assert "␛[2J" in lines  # shown, inert, same length
        assert app.left.highlighted_texts() == ["Eve [red]Doe[/]", "Eve [red]Doe[/]"]
        out = screen_output(app)
        assert "\x1b[2J" not in out and "\x1b]52" not in out and "\x07" not in out
        text = visible_text(out)
        assert "\x1b" not in text, "an escape sequence reached the terminal"
        for needle in ("Eve [red]Doe[/]", "[b]Evie[/b]", "[b]bold[/b]", "[b]evil[/b].txt"):
            assert needle in text, needle
        await pilot.press("escape", "2")
        timeline_row = app.timeline.row_text("ev-1")
        assert "[@click=app.quit]z[/]" in timeline_row and "\x1b" not in timeline_row
        app.action_why()
        await pilot.pause()
        text = visible_text(screen_output(app))
        assert "[link=x]because[/link]" in text and "\x1b" not in text
