"""What a person sees, at 120×40 and 80×24, on a frozen case (no clock, no engine drift).

Regenerate after a deliberate change with:
    .venv/bin/python -m pytest tests/tui/test_snapshots.py --snapshot-update
and look at the SVGs under tests/tui/__snapshots__/ before committing them.
"""

from __future__ import annotations

from pathlib import Path

from tui.app import CasefileApp

TANVIR = "e-c40f4e67be"  # Mohammad Imran Tanvir in the frozen case
STORY = Path(__file__).resolve().parent / "fixtures" / "story.case.json"  # the invented story


def _app(frozen_case: Path) -> CasefileApp:
    return CasefileApp(frozen_case, animations=False, use_keymap=False)


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_wide_start(snap_compare, frozen_case) -> None:
    assert snap_compare(_app(frozen_case), terminal_size=(120, 40), run_before=_settle)


def test_wide_person_selected(snap_compare, frozen_case) -> None:
    async def select(pilot) -> None:
        await _settle(pilot)
        pilot.app.tree.select_entity(TANVIR)
        await pilot.pause()
        await pilot.press("l")

    assert snap_compare(_app(frozen_case), terminal_size=(120, 40), run_before=select)


def test_wide_search_results(snap_compare, frozen_case) -> None:
    async def search(pilot) -> None:
        await _settle(pilot)
        await pilot.press("slash", *"tanveer")
        await _settle(pilot)

    assert snap_compare(_app(frozen_case), terminal_size=(120, 40), run_before=search)


def test_wide_why_merged(snap_compare, frozen_case) -> None:
    async def why(pilot) -> None:
        await _settle(pilot)
        pilot.app.tree.select_entity(TANVIR)
        await pilot.pause()
        pilot.app.action_why()
        await pilot.pause()

    assert snap_compare(_app(frozen_case), terminal_size=(120, 40), run_before=why)


def test_narrow_start(snap_compare, frozen_case) -> None:
    assert snap_compare(_app(frozen_case), terminal_size=(80, 24), run_before=_settle)


def test_narrow_timeline(snap_compare, frozen_case) -> None:
    async def timeline(pilot) -> None:
        await _settle(pilot)
        await pilot.press("2", "j", "j", "j", "j", "j", "j")

    assert snap_compare(_app(frozen_case), terminal_size=(80, 24), run_before=timeline)


def test_narrow_source_after_search(snap_compare, frozen_case) -> None:
    async def jump(pilot) -> None:
        await _settle(pilot)
        await pilot.press("slash", *"tanveer")
        await _settle(pilot)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(_app(frozen_case), terminal_size=(80, 24), run_before=jump)


def test_wide_review_queue(snap_compare) -> None:
    """The review queue on the frozen invented story: a possible pair, side by side."""

    async def review(pilot) -> None:
        await _settle(pilot)
        await pilot.press("r", "space", "space")  # the third item: a "possible same" pair
        await pilot.pause()

    app = CasefileApp(STORY, animations=False, use_keymap=False)
    assert snap_compare(app, terminal_size=(120, 40), run_before=review)
