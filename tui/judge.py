"""A person's corrections, made from the app: one judgement per edit, saved by `rejudge`.

No Textual here. Each `make_*` function mirrors a `casefile` CLI command (cli_judge.py): it
takes the loaded case and what the user selected, and returns one judgement or raises
`Refused` with one line for a notification. `save` applies a change to the judgements
table under the case's write lock (it runs in a worker thread) and returns the new case,
or raises `Refused` and leaves the case file as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from casefile import judgements as J
from casefile import store
from casefile.edits import (  # noqa: F401  (the makers, shared with the command line)
    Refused,
    label,
    make_alias,
    make_decision,
    make_dismiss_mention,
    make_dismiss_name,
    make_kind,
    make_merge,
    make_rename,
    make_split_mention,
    make_split_name,
    quoted,
)
from casefile.sanitize import one_line

Entity = dict[str, Any]
Change = Callable[[list[J.Judgement]], list[J.Judgement]]


def describe(j: J.Judgement) -> str:
    """`judgements.describe`, but a pair is said with the two names as written (the review
    queue's "Abu X" of an entity named otherwise), not the names of their entities."""
    a, b = j.get("a", {}), j.get("b") or {}
    if j.get("op") in J.PAIR_OPS and b:
        j = {**j, "a": {**a, "name": a.get("text")}, "b": {**b, "name": b.get("text")}}
    return one_line(J.describe(j))


# ---------------------------------------------------------------- changes to the table


def add(new: J.Judgement) -> Change:
    """Append `new`, unless the case holds it already."""

    def change(old: list[J.Judgement]) -> list[J.Judgement]:
        if any(j["id"] == new["id"] for j in old):
            raise Refused(f"already judged ({new['id']}: {describe(new)})")
        return [*old, new]

    return change


def remove(judgement_id: str) -> Change:
    """Take back one judgement; the case becomes as it was without it."""

    def change(old: list[J.Judgement]) -> list[J.Judgement]:
        if not any(j["id"] == judgement_id for j in old):
            raise Refused(f"{judgement_id} is no longer in the case file; nothing to undo")
        return [j for j in old if j["id"] != judgement_id]

    return change


def save(path: Path, change: Change, new: J.Judgement | None = None) -> dict[str, Any]:
    """Apply `change` with every other judgement and save; the new case.

    With `new`, refuse (nothing written) if it cannot be placed or contradicts an earlier
    judgement, as `casefile merge` and friends do. Another writer holding the lock, an
    unreadable case, a failed write: `Refused`, one line, the case file untouched.
    """
    from casefile.build import rejudge  # not at import: the app opens without it

    def check(built: dict[str, Any]) -> None:
        if new is None:
            return
        report = built.get("judgement_report", [])
        outcome = next((o for o in report if o["id"] == new["id"]), None)
        if outcome and outcome["status"] in J.REPORTED:
            why = outcome.get("why") or outcome["status"]
            raise Refused(f"{describe(new)}: {one_line(why)}; nothing written")

    try:
        report = rejudge(Path(path), change, check=check)
    except store.CaseBusy as err:
        raise Refused(f"{one_line(str(err))}; nothing written") from None
    except (store.CaseError, J.JudgementError) as err:
        raise Refused(one_line(str(err))) from None
    case = report.case or store.load(Path(path))
    case.setdefault("judgements", [])
    return case
