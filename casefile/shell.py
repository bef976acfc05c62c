"""What the shell commands need besides rendering: date ranges, picking the entity a query
names, finding a document by name, and completion candidates.

Standard library plus `casefile.search` only: this runs on the fast path, and completion
runs on every Tab press.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from casefile.search import ENTITY_KINDS, Hit, SearchIndex, fold

_PERIOD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_MAX_CANDIDATES = 100


class BadDate(ValueError):
    """A date that is not YYYY, YYYY-MM or YYYY-MM-DD."""


# --- dates as periods -------------------------------------------------------------------


def period(text: str) -> tuple[date, date]:
    """First and last day of the period a date names: '2020' is all of 2020.

    Raises BadDate for anything but a real YYYY, YYYY-MM or YYYY-MM-DD.
    """
    m = _PERIOD.fullmatch(text.strip())
    if not m:
        raise BadDate(f"{text!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in m.groups())
    assert year is not None
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day), date(year, month, day)
    except ValueError:
        raise BadDate(f"{text!r} is not a date on the calendar") from None


def in_range(when: str | None, start: date | None, end: date | None) -> bool:
    """Does the period of `when` overlap [start, end]? Undated events are outside any range."""
    if start is None and end is None:
        return True
    try:
        first, last = period(when or "")
    except BadDate:
        return False
    return (start is None or last >= start) and (end is None or first <= end)


def events_between(
    events: Iterable[dict[str, Any]],
    start: date | None = None,
    end: date | None = None,
    entity: str | None = None,
) -> list[dict[str, Any]]:
    """The events whose date overlaps the range and (if given) that list `entity`."""
    return [
        ev
        for ev in events
        if in_range(ev.get("date"), start, end)
        and (entity is None or entity in ev.get("entities", []))
    ]


# --- what a query names -----------------------------------------------------------------


def best_entity(case: dict[str, Any], query: str) -> Hit | None:
    """The entity a query names best: its id as given, else the top fuzzy name match."""
    for ent in case.get("entities", []):
        if ent.get("id") == query.strip():
            name = ent.get("name", "")
            return Hit(ent.get("kind", "person"), ent["id"], name, 100.0, [], [], ent["id"])
    hits = SearchIndex(case, sentences=False).search(query, limit=1, kinds=set(ENTITY_KINDS))
    return hits[0] if hits else None


def find_document(case: dict[str, Any], name: str) -> dict[str, Any] | None:
    """A document by id or file name, else by a case-insensitive part of its name that only
    one document has; None if none or several match."""
    docs = case.get("documents", [])
    for d in docs:
        if name in (d.get("id"), d.get("name")):
            return d
    key = name.casefold()
    found = [d for d in docs if key in str(d.get("name", "")).casefold()]
    return found[0] if len(found) == 1 else None


# --- completion -------------------------------------------------------------------------


def _labels(ent: dict[str, Any]) -> list[str]:
    """The entity's name, aliases and the spellings of its mentions, each once."""
    labels = [ent.get("name", ""), *(a.get("name", "") for a in ent.get("aliases", []))]
    labels += [m.get("text", "") for m in ent.get("mentions", [])]
    seen: dict[str, str] = {}
    for label in labels:
        label = " ".join(label.split())
        if label and label.isprintable():  # never offer the shell a control character
            seen.setdefault(fold(label), label)
    return list(seen.values())


def _rest_of(label: str, typed: Sequence[str], incomplete: str) -> str | None:
    """What to offer for `label` when the words `typed` precede `incomplete` on the line.

    The typed words must be consecutive words of the label and `incomplete` a prefix of
    the word after them; with nothing typed before, the whole label is offered (it
    replaces the word being completed), else the label from the word being completed on.
    """
    words = label.split()
    folded = [fold(w) for w in words]
    want = [fold(w) for w in typed]
    part = fold(incomplete)
    for i in range(len(words) - len(want)):
        if folded[i : i + len(want)] == want and folded[i + len(want)].startswith(part):
            return label if not want else " ".join(words[i + len(want) :])
    return None


def name_candidates(case: dict[str, Any], incomplete: str, typed: Sequence[str] = ()) -> list[str]:
    """Names, aliases and spellings to offer for the word being completed.

    A word of the name must start with what is typed ("naz" offers "Rustam Nazarov"); when
    nothing does and no earlier words were typed, the best fuzzy matches' canonical names are
    offered instead ("nazrv").
    """
    canonical: list[str] = []
    others: list[str] = []
    for ent in case.get("entities", []):
        labels = _labels(ent)
        if not incomplete and not typed:  # nothing to go on: canonical names only
            labels = labels[:1]
        for i, label in enumerate(labels):
            rest = _rest_of(label, typed, incomplete)
            if rest is not None:
                (others if i else canonical).append(rest)
    found = list(dict.fromkeys(sorted(canonical, key=str.casefold) + sorted(others)))
    if not found and not typed and len(incomplete) >= 3:
        hits = SearchIndex(case, sentences=False).search(incomplete, kinds=set(ENTITY_KINDS))
        names = {e["id"]: e.get("name", "") for e in case.get("entities", [])}
        found = list(dict.fromkeys(names.get(h.id, h.label) for h in hits))
    return found[:_MAX_CANDIDATES]


def document_candidates(case: dict[str, Any], incomplete: str) -> list[str]:
    key = incomplete.casefold()
    names = [str(d.get("name", "")) for d in case.get("documents", [])]
    return [n for n in names if n.casefold().startswith(key) and n.isprintable()]
