"""One judgement from what a person pointed at: the entity (a dict of the loaded case), a
name of it, or one of its mentions. The app's edits and the `casefile merge | split |
rename | kind | alias | dismiss` commands both make their judgements here, so that they
refuse the same things with the same words (`JudgementError`, one line).
"""

from __future__ import annotations

from typing import Any

from casefile import judgements as J
from casefile.names import fold
from casefile.sanitize import one_line

Entity = dict[str, Any]
Refused = J.JudgementError


def label(e: Entity) -> str:
    return f'"{one_line(e.get("name", ""))}" ({e.get("kind", "entity")})'


def quoted(s: str) -> str:
    return f'"{one_line(s)}"'


# ---------------------------------------------------------------- making one judgement


def make_merge(
    a: Entity, b: Entity, note: str | None = None, names: tuple[str, str] | None = None
) -> J.Judgement:
    """`a` and `b` are one entity (anchored on the `names` given, else their own names)."""
    if a["id"] == b["id"]:
        raise Refused(f"{label(a)} is already one entity")
    if a.get("kind") != b.get("kind"):
        raise Refused(f"{label(a)} and {label(b)} are of different kinds; change one first")
    na, nb = names or (None, None)
    return J.make("same", _anchor(a, na), _anchor(b, nb), note=note)


def make_split_name(e: Entity, name: str, note: str | None = None) -> J.Judgement:
    """Every mention of `e` spelled `name` leaves it."""
    named = [m for m in e.get("mentions", []) if fold(m["text"]) == fold(name)]
    if not named:
        raise Refused(f"{label(e)} has no mention {quoted(name)} to split out")
    base = next((m for m in e["mentions"] if fold(m["text"]) != fold(name)), None)
    if base is None:
        raise Refused(f"every mention of {label(e)} is {quoted(name)}; nothing to split")
    return J.make("split", J.anchor(base, e), J.anchor(named[0], e), scope="name", note=note)


def make_split_mention(e: Entity, span: dict[str, Any], note: str | None = None) -> J.Judgement:
    """Only the mention `span` leaves `e`."""
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
    names = {fold(e.get("name", ""))} | {fold(a["name"]) for a in e.get("aliases", [])}
    if fold(value) in names:
        raise Refused(f"{label(e)} already has the name {quoted(value)}")
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
    return J.entity_anchor(e, name)


def _key(span: dict[str, Any]) -> tuple[str, int, int]:
    return (span["doc"], span["start"], span["end"])


def _mention(e: Entity, span: dict[str, Any]) -> dict[str, Any]:
    m = next((m for m in e.get("mentions", []) if _key(m) == _key(span)), None)
    if m is None:
        raise Refused(f"{quoted(span.get('text', ''))} is not a mention of {label(e)}")
    return m
