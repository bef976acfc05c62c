"""Corrections from the app: the review queue and every edit of the people tree.

Each test drives the app by keys, then asserts on what the widgets hold AND on the case
file on disk. The case is the invented story (tests/fixtures/story) plus one more article
(tests/tui/fixtures/story_extra) that gives the queue a "possible same" pair; it is built
once per session and copied for each test.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from casefile import judgements as J
from casefile import store
from tests.tui.conftest import screen_output, visible_text
from tui.case import plural

pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("open_mode")]

SIZE = (120, 40)
TESTS = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def story_built(tmp_path_factory) -> Path:
    from casefile.build import build

    folder = tmp_path_factory.mktemp("story3")
    shutil.copytree(TESTS / "fixtures" / "story", folder / "docs")
    for f in (TESTS / "tui" / "fixtures" / "story_extra").iterdir():
        shutil.copy(f, folder / "docs" / f.name)
    build([folder / "docs"], folder / "case.db")
    return folder / "case.db"


@pytest.fixture
def db(story_built: Path, tmp_path: Path) -> Path:
    out = tmp_path / "case.db"
    shutil.copy(story_built, out)
    return out


def owner(case: dict[str, Any], text: str) -> dict[str, Any]:
    """The one entity with a mention spelled `text`."""
    found = [e for e in case["entities"] if any(m["text"] == text for m in e["mentions"])]
    assert len(found) == 1, [e["name"] for e in found]
    return found[0]


def ops(path: Path) -> list[str]:
    return [j["op"] for j in store.load(path).get("judgements", [])]


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def select(app, pilot, text: str, name: str | None = None) -> None:
    """Put the tree's cursor on the entity with a mention `text` (or on its name `name`)."""
    eid = owner(app.case, text)["id"]
    if name:
        assert app.tree.select_name(eid, name)
    else:
        assert app.tree.select_entity(eid)
    app.tree.focus()
    await pilot.pause()


def selected_label(app) -> str:
    return str(app.tree.cursor_node.label)


# ---------------------------------------------------------------- the review queue


async def test_review_queue_same_different_unsure_skip_undo(make_app, db) -> None:
    app = make_app(db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        from tui.screens.review import ReviewScreen

        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert len(review.items) == 3
        # best first: a machine merge of two spellings, each side with its sentence
        a = str(review.query_one("#side-a-text").render())
        b = str(review.query_one("#side-b-text").render())
        assert a.startswith("Dmitri Volkov") and "linked to Dmitri Volkov" in a
        assert b.startswith("Dmitry Volkov") and "role: businessman who fled to Moldova" in b
        why = str(review.query_one("#review-why").render())
        assert "score 0.97" in why and "volkov = volkov" in why
        assert "Review 1 of 3" in str(review.query_one("#review-title").render())

        await pilot.press("s")  # same: the machine's merge is now a person's
        await settle(app, pilot)
        assert len(review.items) == 2
        assert review.history[1].strip() == '= same: "Dmitri Volkov" = "Dmitry Volkov"  [applied]'
        case = store.load(db)
        assert ops(db) == ["same"]
        merges = owner(case, "Dmitry Volkov")["merges"]
        assert any(m.get("by") == "judgement" for m in merges)
        assert any("same:" in m for m in messages(app))

        await pilot.press("space")  # skip Nazarov / Nazarow for now
        assert review.current["type"] == "possible"
        b = str(review.query_one("#side-b-text").render())
        assert b.startswith("Abu Hafsa") and "age: 52" in b and "preacher" in b
        a = str(review.query_one("#side-a-text").render())
        assert "entity: Rustam Nazarov" in a and "also known as Abu Hafs" in a

        await pilot.press("d")  # different: never merged, never asked again
        await settle(app, pilot)
        assert len(review.items) == 1 and review.current["names"][1] == "Rustam Nazarow"
        case = store.load(db)
        assert ops(db) == ["same", "different"]
        assert not owner(case, "Abu Hafsa")["possible_same"]

        await pilot.press("u")  # unsure: kept, asked again last
        await settle(app, pilot)
        assert ops(db) == ["same", "different", "unsure"]
        assert len(review.items) == 1 and review.current["unsure"]
        assert "judged unsure before" in str(review.query_one("#review-why").render())
        assert [line.strip()[:1] for line in review.history[1:]] == ["?", "≠", "="]

        await pilot.press("z")  # undo the last decision: the unsure
        await settle(app, pilot)
        assert ops(db) == ["same", "different"]
        assert len(review.history) == 3 and not review.current["unsure"]
        await pilot.press("z")  # and the one before: the pair is asked again
        await settle(app, pilot)
        assert ops(db) == ["same"]
        assert len(review.items) == 2
        assert any(m.startswith("undone: different") for m in messages(app))

        await pilot.press("escape")
        assert not isinstance(app.screen, ReviewScreen)


async def test_review_says_when_nothing_is_left(make_app, db) -> None:
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        for _ in range(3):
            await pilot.press("s")
            await settle(app, pilot)
        review = app.screen
        assert review.current is None and not review.items
        assert "nothing to review" in str(review.query_one("#review-title").render())
        assert ops(db) == ["same", "same", "same"]
        # the whole story's Rustam is one entity now, Abu Hafsa with him
        assert owner(store.load(db), "Abu Hafsa")["id"] == owner(store.load(db), "Nazarow")["id"]


async def test_review_from_the_command_palette(make_app, db) -> None:
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p", *"review the merge")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ReviewScreen"


# ---------------------------------------------------------------- edits in the people tree


async def test_merge_with_a_picked_entity(make_app, db) -> None:
    app = make_app(db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Abu Hafsa")
        await pilot.press("m")
        picker = app.screen
        assert picker.__class__.__name__ == "EntityPicker"
        # persons only, nearest names first with nothing typed yet
        names = [app.cases.entities[e]["name"] for e in picker.shown]
        assert names[0] == "Rustam Nazarov" and "Odessa" not in names
        await pilot.press(*"marchenko")
        assert app.cases.entities[picker.shown[0]]["name"] == "Olena Marchenko"
        await pilot.press("backspace", *"x" * 0)
        for _ in range(len("marchenko")):
            await pilot.press("backspace")
        await pilot.press(*"nazarow", "enter")
        await settle(app, pilot)
        case = store.load(db)
        merged = owner(case, "Abu Hafsa")
        assert merged["id"] == owner(case, "Rustam Nazarov")["id"]
        assert any(m.get("by") == "judgement" for m in merged["merges"])
        assert app.tree.selected_entity == merged["id"]
        assert "Rustam Nazarov" in selected_label(app)
        assert any(m.startswith('same: "Abu Hafsa"') for m in messages(app))
        assert not J.queue(case) or all(i["type"] != "possible" for i in J.queue(case))


async def test_split_a_name_out(make_app, db) -> None:
    app = make_app(db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Abu Khafs", name="Abu Khafs")
        assert selected_label(app).startswith("Abu Khafs")
        await pilot.press("x")
        assert "Split every" in str(app.screen.query_one(".prompt-title").render())
        await pilot.press("y")
        await settle(app, pilot)
        case = store.load(db)
        khafs = owner(case, "Abu Khafs")
        assert khafs["id"] != owner(case, "Rustam Nazarov")["id"]
        assert {m["text"] for m in khafs["mentions"]} == {"Abu Khafs"}
        assert ops(db) == ["split"]
        # the cursor follows the name to its own entity
        assert app.tree.selected_entity == khafs["id"]
        assert selected_label(app).startswith("Abu Khafs")
        assert any("split every" in m for m in messages(app))


async def test_split_one_mention_out(make_app, db) -> None:
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Nazarow", name="Nazarow")
        await pilot.press("l", "j")  # the name's mentions; onto the first
        node = app.tree.cursor_node.data
        assert node.level == "mention" and node.span["text"] == "Nazarow"
        await pilot.press("x", "y")
        await settle(app, pilot)
        case = store.load(db)
        j = case["judgements"][0]
        assert j["op"] == "split" and j["scope"] == "mention" and j["b"]["text"] == "Nazarow"
        moved = owner(case, "Nazarow")
        assert moved["id"] != owner(case, "Rustam Nazarov")["id"]
        assert app.tree.selected_entity == moved["id"]


async def test_rename(make_app, db) -> None:
    app = make_app(db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Rustam Nazarov")
        await pilot.press("R")
        field = app.screen.query_one("#field-0")
        assert field.value == "Rustam Nazarov"
        field.value = ""
        await pilot.press(*"Rustam N.", "tab", *"as in court", "enter")
        await settle(app, pilot)
        case = store.load(db)
        ent = owner(case, "Rustam Nazarov")
        assert ent["name"] == "Rustam N."
        assert case["judgements"][0]["note"] == "as in court"
        assert selected_label(app).startswith("Rustam N.  ")
        assert app.tree.selected_entity == ent["id"]
        assert any(m == 'rename "Rustam Nazarov": Rustam N.' for m in messages(app))


async def test_change_kind(make_app, db) -> None:
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Police")
        await pilot.press("K")
        assert app.screen.__class__.__name__ == "ChoicePrompt"
        await pilot.press("down", "enter")  # organization -> place
        await settle(app, pilot)
        case = store.load(db)
        assert owner(case, "Police")["kind"] == "place"
        assert app.tree.selected_entity == owner(case, "Police")["id"]
        kind_node = app.tree.cursor_node.parent
        assert str(kind_node.label).startswith("Places")


async def test_dismiss_a_name(make_app, db) -> None:
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Moldova")
        await pilot.press("d")
        assert "Dismiss every" in str(app.screen.query_one(".prompt-title").render())
        await pilot.press("y")
        await settle(app, pilot)
        case = store.load(db)
        assert not any(m["text"] == "Moldova" for e in case["entities"] for m in e["mentions"])
        assert "Moldova" not in {e["name"] for e in app.cases.entities.values()}
        places = app.tree._kind_nodes["place"]
        app.tree._load(places)
        assert not any(str(c.label).startswith("Moldova") for c in places.children)


async def test_dismiss_one_mention_and_undo(make_app, db) -> None:
    app = make_app(db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        before = len(owner(app.case, "Odessa")["mentions"])
        await select(app, pilot, "Odessa", name="Odessa")
        await pilot.press("l", "j", "d", "y")
        await settle(app, pilot)
        case = store.load(db)
        assert len(owner(case, "Odessa")["mentions"]) == before - 1
        assert case["judgements"][0]["scope"] == "mention"
        assert f"{plural(before - 1, 'mention')} ·" in selected_label(app)
        await pilot.press("z")  # undo, from the tree
        await settle(app, pilot)
        assert len(owner(store.load(db), "Odessa")["mentions"]) == before
        assert ops(db) == []
        assert any(m.startswith("undone: dismiss") for m in messages(app))


async def test_alias_by_hand_with_a_note_shows_in_why_merged(make_app, db) -> None:
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "EFB")
        await pilot.press("a", *"the Brigade", "tab", *"a caption", "enter")
        await settle(app, pilot)
        case = store.load(db)
        alias = next(a for a in owner(case, "EFB")["aliases"] if a["name"] == "the Brigade")
        assert alias["by"] == "judgement" and alias["note"] == "a caption"
        app.tree.focus()
        await pilot.press("l")
        labels = [str(c.label) for c in app.tree.cursor_node.children]
        assert any(x.startswith("the Brigade") for x in labels)
        await pilot.press("w")
        text = app.screen.query_one("#detail").report
        assert "added by hand by" in text and "note: a caption" in text


async def test_why_merged_names_the_person_who_merged(make_app, db) -> None:
    from tui import judge

    case = store.load(db)
    same = J.make(
        "same",
        J.entity_anchor(owner(case, "Abu Hafsa")),
        J.entity_anchor(owner(case, "Rustam Nazarov")),
        note="one man, per the court file",
        by="ana",
        when="2026-02-03T10:00:00Z",
    )
    judge.save(db, judge.add(same), same)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Abu Hafsa")
        await pilot.press("w")
        text = app.screen.query_one("#detail").report
        assert "merged by a person" in text
        assert "judged the same by ana on 2026-02-03 10:00" in text
        assert "note: one man, per the court file" in text


# ---------------------------------------------------------------- refusals


async def test_a_contradiction_is_refused_and_nothing_changes(make_app, db) -> None:
    app = make_app(db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("r", "space", "space", "d", "escape")  # Abu Hafs ≠ Abu Hafsa
        await settle(app, pilot)
        assert ops(db) == ["different"]
        before = store.load(db)
        # now merge the preacher with the man who is also Abu Hafs: contradicts that
        await select(app, pilot, "Abu Hafsa")
        await pilot.press("m", *"rustam nazarov", "enter")
        await settle(app, pilot)
        assert any("contradicts" in m and "nothing written" in m for m in messages(app))
        assert store.load(db) == before
        assert app.case["entities"] == before["entities"]
        assert selected_label(app).startswith("Abu Hafsa")


async def test_another_writer_holds_the_lock(make_app, db) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from casefile import store\n"
            f"with store.writing({str(db)!r}):\n"
            "    print('held', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=TESTS.parent,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        app = make_app(db)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await settle(app, pilot)
            await select(app, pilot, "Odessa")
            await pilot.press("R")
            app.screen.query_one("#field-0").value = "Odesa"
            await pilot.press("enter")
            await settle(app, pilot)
            assert any("being written by" in m for m in messages(app))
            assert not app.saving
            assert owner(store.load(db), "Odessa")["name"] == "Odessa"
            assert selected_label(app).startswith("Odessa")
    finally:
        holder.communicate("", timeout=30)


async def test_edit_keys_are_listed_and_rebindable(make_app, db, tmp_path, monkeypatch) -> None:
    cfg = tmp_path / "xdg"
    (cfg / "casefile").mkdir(parents=True)
    (cfg / "casefile" / "keymap.toml").write_text('"people.rename" = "n"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(cfg))
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Odessa")
        footer = visible_text(screen_output(app))
        for key in ("m Merge", "x Split", "r Review"):
            assert key in footer, key
        from tui.widgets.people_tree import PeopleTree

        for key in ("`m` merge", "`x` split", "`R` rename", "`K` change kind", "`a` add", "`d`"):
            assert key in PeopleTree.HELP, key
        await pilot.press("n")
        assert app.screen.__class__.__name__ == "TextPrompt"


def test_review_sides_show_hostile_text_inert() -> None:
    """Names and sentences come from documents: markup and escapes are shown, never run."""
    from tests.tui.conftest import hostile_case
    from tui.case import CaseIndex
    from tui.screens.review import reasons_text, side_text

    case = hostile_case()
    eve = case["entities"][0]
    m1, m2 = eve["mentions"]
    item = {
        "type": "possible",
        "a": "e-eve",
        "b": "e-eve",
        "anchor_a": J.anchor(m1, eve),
        "anchor_b": J.anchor(m2, eve),
        "names": [m1["text"], m2["text"]],
        "score": 0.7,
        "reasons": ["[link=x]because[/link] \x1b[2J"],
        "unsure": False,
    }
    index = CaseIndex(case)
    for which in "ab":
        text = side_text(index, item, which).plain
        assert "Eve [red]Doe[/]" in text and "\x1b" not in text
    assert "[b]evil[/b].txt: " in side_text(index, item, "a").plain
    why = reasons_text(item, index).plain
    assert "[link=x]because[/link]" in why and "\x1b" not in why
