"""Corrections from the app: the tree's edit keys, the review queue, undo.

A mixin of `CasefileApp`. Every edit asks what it needs in a small modal, makes one
judgement (`tui.judge`), and saves it with `rejudge` in a thread worker, so the UI never
waits on the write lock or the re-assembly. When the new case comes back every pane is
given it, the selection is put back where it can be, and a notification says what was done.
A refused edit (a contradiction, another writer holding the lock) is one error line, and
the case stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work

from casefile import judgements as J
from casefile.names import fold
from casefile.sanitize import one_line
from tui import judge
from tui.case import CaseIndex, Span, names_of, plural
from tui.judge import Refused
from tui.screens.prompts import ChoicePrompt, ConfirmPrompt, EntityPicker, TextPrompt
from tui.screens.review import ReviewScreen
from tui.widgets.people_tree import NodeData, PeopleTree

if TYPE_CHECKING:
    from tui.app import CasefileApp

    _Base = CasefileApp
else:
    _Base = object

KIND_CHOICES = [("person", "person"), ("organization", "organization"), ("place", "place")]


class Editing(_Base):
    """Making, saving and undoing judgements; reloading the case into every pane."""

    saving: bool = False
    session: list[str]  # ids of the judgements made in this session, oldest first

    # --- the review queue --------------------------------------------------------------

    def action_review(self) -> None:
        if isinstance(self.screen, ReviewScreen) or not self.whole():
            return
        if not J.queue(self.case):
            self.notify("Nothing to review: every pair is decided", markup=False)
        self.push_screen(ReviewScreen())

    def session_judgements(self) -> list[J.Judgement]:
        """This session's judgements still in the case file, oldest first."""
        held = {j["id"]: j for j in self.case.get("judgements", [])}
        return [held[i] for i in self.session if i in held]

    # --- edits from the people tree ----------------------------------------------------

    def on_people_tree_edit_requested(self, message: PeopleTree.EditRequested) -> None:
        if not self.whole():
            return
        node = message.node
        ent = self.cases.entities.get(node.entity or "")
        if ent is None:
            return
        handler = {
            "merge": self._edit_merge,
            "split": self._edit_split,
            "rename": self._edit_rename,
            "kind": self._edit_kind,
            "alias": self._edit_alias,
            "dismiss": self._edit_dismiss,
        }[message.op]
        handler(ent, node)

    def _edit_merge(self, ent: dict[str, Any], node: NodeData) -> None:
        kind = ent.get("kind", "person")
        others = [e for e in self.cases.entities.values() if e.get("kind") == kind]
        others = [e for e in others if e["id"] != ent["id"]]
        if not others:
            self.notify(f"No other {kind} to merge with", severity="warning", markup=False)
            return
        title = f"Merge {judge.label(ent)} with… (the same {kind}; K changes a kind)"

        def picked(other_id: str | None) -> None:
            if other_id and other_id in self.cases.entities:
                other = self.cases.entities[other_id]
                self.make_and_save(lambda: judge.make_merge(ent, other), keep=_spans(ent))

        self.push_screen(EntityPicker(title, others, near=ent.get("name", "")), picked)

    def _edit_split(self, ent: dict[str, Any], node: NodeData) -> None:
        if node.level == "mention" and node.span is not None:
            span = node.span
            text = Text(f"Split the mention {judge.quoted(span['text'])} in ")
            text.append(self.cases.doc_label(span["doc"]) + " out of " + judge.label(ent) + "?")
            self._confirm(
                text.plain,
                lambda: judge.make_split_mention(ent, span),
                keep=[span],
                detail="It becomes an entity of its own; the rest stays.",
            )
            return
        if node.level == "name" and node.name is not None:
            name = node.name.name
            spans = [m for m in ent.get("mentions", []) if fold(m["text"]) == fold(name)]
            self._confirm(
                f"Split every {judge.quoted(name)} out of {judge.label(ent)}?",
                lambda: judge.make_split_name(ent, name),
                keep=spans,
                detail=(
                    f"{plural(len(spans), 'mention')} "
                    + ("leaves it and becomes" if len(spans) == 1 else "leave it and become")
                    + " an entity of its own."
                ),
            )
            return
        self.notify(
            "Select a name (l to expand) or one of its mentions to split it out",
            severity="warning",
            markup=False,
        )

    def _edit_rename(self, ent: dict[str, Any], node: NodeData) -> None:
        self._ask_value(
            ent,
            judge.make_rename,
            f"Rename {judge.label(ent)} (its other names stay as aliases)",
            [("new name", one_line(ent.get("name", ""))), ("note (optional)", "")],
        )

    def _ask_value(
        self,
        ent: dict[str, Any],
        maker: Any,
        title: str,
        fields: list[tuple[str, str]],
    ) -> None:
        """Ask for a value and a note, then make and save `maker(ent, value, note)`."""

        def answered(values: list[str] | None) -> None:
            if values:
                value, note = values
                self.make_and_save(lambda: maker(ent, value, note or None), keep=_spans(ent))

        self.push_screen(TextPrompt(title, fields), answered)

    def _edit_kind(self, ent: dict[str, Any], node: NodeData) -> None:
        def chosen(kind: str | None) -> None:
            if kind:
                self.make_and_save(lambda: judge.make_kind(ent, kind), keep=_spans(ent))

        prompt = ChoicePrompt(
            f"{judge.label(ent)} is a…", KIND_CHOICES, current=ent.get("kind", "")
        )
        self.push_screen(prompt, chosen)

    def _edit_alias(self, ent: dict[str, Any], node: NodeData) -> None:
        self._ask_value(
            ent,
            judge.make_alias,
            f"Add a name to {judge.label(ent)} by hand",
            [("alias", ""), ("note: where it comes from (optional)", "")],
        )

    def _edit_dismiss(self, ent: dict[str, Any], node: NodeData) -> None:
        if node.level == "mention" and node.span is not None:
            span = node.span
            self._confirm(
                f"Dismiss the mention {judge.quoted(span['text'])} in "
                f"{self.cases.doc_label(span['doc'])}: not an entity?",
                lambda: judge.make_dismiss_mention(ent, span),
                keep=[m for m in ent.get("mentions", []) if m != span],
            )
            return
        names = [n.name for n in names_of(ent) if n.spans]
        if node.level == "name" and node.name is not None:
            name = node.name.name
        elif len({fold(m["text"]) for m in ent.get("mentions", [])}) == 1 and names:
            name = ent["mentions"][0]["text"]
        else:
            self.notify(
                "Select a name (l to expand) or a mention to dismiss it",
                severity="warning",
                markup=False,
            )
            return
        every = sum(
            1 for e in self.cases.entities.values() for m in e.get("mentions", [])
            if fold(m["text"]) == fold(name)
        )  # fmt: skip
        self._confirm(
            f"Dismiss every {judge.quoted(name)}: not an entity?",
            lambda: judge.make_dismiss_name(ent, name),
            keep=[m for m in ent.get("mentions", []) if fold(m["text"]) != fold(name)],
            detail=(
                f"{plural(every, 'mention')} in the case "
                + ("is" if every == 1 else "are")
                + " dropped, now and in every later build (z undoes it)."
            ),
        )

    def _confirm(
        self,
        question: str,
        make: Callable[[], J.Judgement],
        *,
        keep: list[Span],
        detail: str = "",
    ) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.make_and_save(make, keep=keep)

        self.push_screen(ConfirmPrompt(question, detail), answered)

    # --- saving ------------------------------------------------------------------------

    def make_and_save(self, make: Callable[[], J.Judgement], *, keep: list[Span]) -> None:
        try:
            new = make()
        except (Refused, J.JudgementError) as err:
            self.notify(one_line(str(err)), severity="error", markup=False)
            return
        self.save_judgement(new, keep=keep)

    def save_judgement(self, new: J.Judgement, *, keep: list[Span]) -> None:
        """Add `new` to the case file in a worker; `keep`: spans whose entity to select."""
        if self._busy():
            return
        self._save(judge.add(new), new, keep, judge.describe(new), new["id"])

    def action_undo(self) -> None:
        """Take back the newest judgement made in this session."""
        if self._busy():
            return
        mine = self.session_judgements()
        if not mine:
            self.notify("Nothing to undo in this session", severity="warning", markup=False)
            return
        last = mine[-1]
        keep = [last["a"], *([last["b"]] if "b" in last else [])]
        self._save(judge.remove(last["id"]), None, keep, f"undone: {judge.describe(last)}", None)

    def _busy(self) -> bool:
        if self.saving:
            self.notify("Still saving the last change…", severity="warning", markup=False)
        return self.saving

    def _save(
        self,
        change: judge.Change,
        new: J.Judgement | None,
        keep: list[Span],
        message: str,
        made: str | None,
    ) -> None:
        self.saving = True
        self.sub_title = f"{self.case_path} — saving…"
        self._save_worker(self.case_path, change, new, keep, message, made)

    @work(thread=True, group="judge")
    def _save_worker(
        self,
        path: Path,
        change: judge.Change,
        new: J.Judgement | None,
        keep: list[Span],
        message: str,
        made: str | None,
    ) -> None:
        try:
            case = judge.save(path, change, new)
        except Refused as err:
            self.call_from_thread(self._save_failed, str(err))
        except Exception as err:  # noqa: BLE001 — any failure is one line, never a crash
            self.call_from_thread(
                self._save_failed, f"not saved: {err.__class__.__name__}: {one_line(str(err))}"
            )
        else:
            self.call_from_thread(self._saved, case, keep, message, made)

    def _save_failed(self, message: str) -> None:
        self.saving = False
        self.sub_title = str(self.case_path)
        self.notify(one_line(message), title="Not saved", severity="error", markup=False)

    def _saved(
        self, case: dict[str, Any], keep: list[Span], message: str, made: str | None
    ) -> None:
        self.saving = False
        self.sub_title = str(self.case_path)
        if made:
            self.session.append(made)
        self.reload_case(case, keep)
        bad = self._problem(case, made)
        self.notify(one_line(message) + bad, title="Saved", markup=False)
        if isinstance(self.screen, ReviewScreen):
            self.screen.case_changed()

    @staticmethod
    def _problem(case: dict[str, Any], made: str | None) -> str:
        report = case.get("judgement_report", [])
        bad = [o for o in report if o["status"] in J.REPORTED and o["id"] != made]
        return f" ({plural(len(bad), 'other judgement')} need attention)" if bad else ""

    def reload_case(self, case: dict[str, Any], keep: list[Span]) -> None:
        """Give every pane the new case; select the entity now holding one of `keep`."""
        tree = self.tree
        node = tree.cursor_node
        data = node.data if node is not None else None
        self.case = case
        self.cases = CaseIndex(case)
        tree.set_index(self.cases)
        self.timeline.set_index(self.cases)
        self.search_bar.set_index(self.cases)
        self.search_index = None
        for view in (self.left, self.right):
            view.set_documents(self.cases.documents)
            view.set_highlights({}, {})
        self.selected_entity = None
        self.timeline.entity_context = None
        self._build_index()
        target = self.cases.owner_of(keep)
        if target is None:
            return
        name = data.name.name if data is not None and data.name is not None else None
        span = data.span if data is not None and data.level == "mention" else None
        ent = self.cases.entities[target]
        if name and any(n.name == name for n in names_of(ent)):
            tree.select_name(target, name, span)
        else:
            tree.select_entity(target)


def _spans(ent: dict[str, Any]) -> list[Span]:
    return list(ent.get("mentions", []))
