"""A large case opens from its lookup index: summaries first, the whole case behind them.

(Every Pilot test also runs in this mode, through the `open_mode` fixture; these check
what is particular to it: what is read when, and what waits for the whole case.)
"""

from __future__ import annotations

import threading

import pytest

from casefile import store
from casefile.lookup_index import LookupIndex

pytestmark = pytest.mark.anyio

SIZE = (120, 40)


def _tree_labels(app) -> list[str]:
    tree = app.tree
    out = []
    for kind in tree.root.children:
        tree._load(kind)
        out.append(str(kind.label))
        out += [str(child.label) for child in kind.children]
    return out


@pytest.fixture(autouse=True)
def summaries(monkeypatch) -> None:
    from tui.app import CasefileApp

    monkeypatch.setattr(CasefileApp, "SUMMARY_FROM", 0)  # the sample counts as large


async def test_panes_from_summaries_equal_the_whole_case(make_app, sample_case):
    lazy = make_app(sample_case)
    assert lazy._lookup is not None and not lazy.cases.complete
    # the panes' content, built from summaries, before any whole row is read
    async with lazy.run_test(size=SIZE):
        lazy_tree = _tree_labels(lazy)
        lazy_rows = [lazy.timeline.row_text(e) for e in lazy.timeline.event_ids]
    case = store.load(sample_case)
    assert lazy_rows and len(lazy_rows) == len(case["events"])
    people = sum(1 for e in case["entities"] if e["kind"] == "person")
    assert f"People  {people}" in lazy_tree
    # the same panes from the whole case
    from tui.case import CaseIndex
    from tui.widgets.people_tree import PeopleTree

    index = CaseIndex(store.load_light(sample_case)[0])
    tree = PeopleTree(index)
    tree._populate()
    for kind in tree.root.children:
        tree._load(kind)
    whole_tree = []
    for kind in tree.root.children:
        whole_tree.append(str(kind.label))
        whole_tree += [str(child.label) for child in kind.children]
    assert lazy_tree == whole_tree


@pytest.fixture
def held_back(monkeypatch) -> threading.Event:
    """The whole case is read only once the returned event is set."""
    release = threading.Event()
    whole_case = LookupIndex.whole_case

    def slow(self, case):
        release.wait(10)
        return whole_case(self, case)

    monkeypatch.setattr(LookupIndex, "whole_case", slow)
    return release


async def test_edits_wait_for_the_whole_case(make_app, sample_case, held_back):
    release = held_back
    app = make_app(sample_case)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.cases.complete
        # browsing works: selecting a person reads its row at its offset
        person = next(e for e in app.cases.entities.summaries() if e["kind"] == "person")
        assert app.tree.select_entity(person["id"])
        await pilot.pause()
        assert app.selected_entity == person["id"]
        texts = app.left.highlighted_texts() + app.right.highlighted_texts()
        assert person["name"] in texts or any(a["name"] in texts for a in person["aliases"])
        # an edit, the review queue and export wait, and say so
        await pilot.press("R")
        await pilot.press("r")
        await pilot.press("e")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert said.count("Still reading the case; try again in a moment") == 3
        assert len(app.screen_stack) == 1
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.cases.complete and app.search_index is not None
        await pilot.press("r")
        await pilot.pause()
        assert len(app.screen_stack) == 2  # the review queue opens now


async def test_what_is_typed_before_search_is_ready_is_answered_when_it_is(
    make_app, sample_case, held_back
) -> None:
    from tui.widgets.search_bar import WAITING

    release = held_back
    app = make_app(sample_case)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"tanveer")
        await pilot.pause(0.3)
        bar = app.search_bar
        assert bar.results.option_count == 1
        assert str(bar.results.get_option_at_index(0).prompt) == WAITING
        release.set()
        for _ in range(50):  # the whole case, the index, then the search it answers
            await app.workers.wait_for_complete()
            await pilot.pause(0.1)
            if bar.hits:
                break
        assert bar.hits and bar.hits[0].label == "Tanveer"
