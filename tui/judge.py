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
from casefile.names import fold
from casefile.sanitize import one_line

Entity = dict[str, Any]
Change = Callable[[list[J.Judgement]], list[J.Judgement]]


class Refused(Exception):
    """An edit that cannot be made; the message is one line for the user."""


def label(e: Entity) -> str:
    return f'"{one_line(e.get("name", ""))}" ({e.get("kind", "entity")})'


def quoted(s: str) -> str:
    return f'"{one_line(s)}"'


def describe(j: J.Judgement) -> str:
    """`judgements.describe`, but a pair is said with the two names as written (the review
    queue's "Abu X" of an entity named otherwise), not the names of their entities."""
    a, b = j.get("a", {}), j.get("b") or {}
    if j.get("op") in J.PAIR_OPS and b:
        j = {**j, "a": {**a, "name": a.get("text")}, "b": {**b, "name": b.get("text")}}
    return one_line(J.describe(j))


# ---------------------------------------------------------------- making one judgement


def make_merge(a: Entity, b: Entity, note: str | None = None) -> J.Judgement:
    """`a` and `b` are one entity (like `casefile merge`)."""
    if a["id"] == b["id"]:
        raise Refused(f"{label(a)} is already one entity")
    if a.get("kind") != b.get("kind"):
        raise Refused(f"{label(a)} and {label(b)} are of different kinds; change one first")
    return J.make("same", _anchor(a), _anchor(b), note=note)


def make_split_name(e: Entity, name: str, note: str | None = None) -> J.Judgement:
    """Every mention of `e` spelled `name` leaves it (like `casefile split ENTITY NAME`)."""
    named = [m for m in e.get("mentions", []) if fold(m["text"]) == fold(name)]
    if not named:
        raise Refused(f"{label(e)} has no mention {quoted(name)} to split out")
    base = next((m for m in e["mentions"] if fold(m["text"]) != fold(name)), None)
    if base is None:
        raise Refused(f"every mention of {label(e)} is {quoted(name)}; nothing to split")
    return J.make("split", J.anchor(base, e), J.anchor(named[0], e), scope="name", note=note)


def make_split_mention(e: Entity, span: dict[str, Any], note: str | None = None) -> J.Judgement:
    """Only the mention `span` leaves `e` (like `casefile split ENTITY --mention`)."""
    m = _mention(e, span)
    base = next((x for x in e["mentions"] if _key(x) != _key(m)), None)
    if base is None:
        raise Refused(f"{label(e)} has no other mention; nothing to split from")
    return J.make("split", J.anchor(base, e), J.anchor(m, e), scope="mention", note=note)


def make_rename(e: Entity, value: str, note: str | None = None) -> J.Judgement:
    if " ".join(value.split()) == e.get("name"):
        raise Refused(f"{label(e)} already has that name")
    return J.make("rename", _anchor(e), value=value, note=note)


def make_kind(e: Entity, kind: str, note: str | None = None) -> J.Judgement:
    if kind == e.get("kind"):
        raise Refused(f"{label(e)} is already a {kind}")
    return J.make("kind", _anchor(e), value=kind, note=note)


def make_alias(e: Entity, value: str, note: str | None = None) -> J.Judgement:
    return J.make("alias", _anchor(e), value=value, note=note)


def make_dismiss_name(e: Entity, name: str, note: str | None = None) -> J.Judgement:
    """Every mention spelled `name`, in any entity, is not an entity."""
    m = next((m for m in e.get("mentions", []) if fold(m["text"]) == fold(name)), None)
    if m is None:
        raise Refused(f"no mention is spelled {quoted(name)}")
    return J.make("dismiss", J.anchor(m, e), scope="name", note=note)


def make_dismiss_mention(e: Entity, span: dict[str, Any], note: str | None = None) -> J.Judgement:
    return J.make("dismiss", J.anchor(_mention(e, span), e), scope="mention", note=note)


def make_decision(item: dict[str, Any], op: str, note: str | None = None) -> J.Judgement:
    """same / different / unsure on a review-queue item (its two anchors)."""
    return J.make(op, item["anchor_a"], item["anchor_b"], note=note)


def _anchor(e: Entity, name: str | None = None) -> J.Anchor:
    try:
        return J.entity_anchor(e, name)
    except J.JudgementError as err:
        raise Refused(str(err)) from None


def _key(span: dict[str, Any]) -> tuple[str, int, int]:
    return (span["doc"], span["start"], span["end"])


def _mention(e: Entity, span: dict[str, Any]) -> dict[str, Any]:
    m = next((m for m in e.get("mentions", []) if _key(m) == _key(span)), None)
    if m is None:
        raise Refused(f"{quoted(span.get('text', ''))} is not a mention of {label(e)}")
    return m


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
