"""A person's corrections to the case file, kept apart from what extraction finds.

A judgement is a small record in the case file's `judgements` table:

    {"id": "j-…", "op": "same", "a": ANCHOR, "b": ANCHOR, "note": "…", "who": "ana",
     "when": "2026-11-22T10:00:00Z"}

`op` is one of OPS. An ANCHOR names a mention by what does not change between builds: the
document's content id (a hash of its bytes) and the span, with the text found there, the
kind, and the name of its entity when judged. Entity ids are not used: they are derived and
may change when documents are added.

Every build re-applies every judgement, oldest first (`Plan`): mention edits (dismiss, split)
before resolution, "same" / "different" as constraints on it, and rename / kind / alias on
the entity an anchor ends up in. A judgement whose mention is gone is looked for by name;
if it cannot be placed, or contradicts an earlier one, it is reported in the case's
`judgement_report`, and kept.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from casefile.model import Extraction, Mention
from casefile.names import fold

# same / different / unsure: about two anchors (two entities, or two names in one entity)
# split: anchor `b` (one mention, or with scope "name" every mention spelled so) leaves the
#   entity of anchor `a`
# rename / kind / alias: the entity of `a` gets `value` as its name / kind / a hand alias
# dismiss: the mention `a` (scope "name": every mention spelled so) is not an entity
PAIR_OPS = ("same", "different", "unsure")
OPS = (*PAIR_OPS, "split", "rename", "kind", "dismiss", "alias")
KINDS = ("person", "organization", "place")
SCOPES = ("mention", "name")

Judgement = dict[str, Any]
Anchor = dict[str, Any]


class JudgementError(ValueError):
    """A judgement that cannot be recorded (one line, for the user)."""


# ---------------------------------------------------------------- making judgements


def who() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a container without a passwd entry)
        return "unknown"


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def anchor(span: dict[str, Any], entity: dict[str, Any] | None = None) -> Anchor:
    """An anchor on `span` ({doc, start, end, text}), remembering its entity's kind and name."""
    out: Anchor = {k: span[k] for k in ("doc", "start", "end", "text")}
    if entity is not None:
        out["kind"] = entity.get("kind")
        out["name"] = entity.get("name")
    return out


def entity_anchor(entity: dict[str, Any], name: str | None = None) -> Anchor:
    """An anchor for a whole entity: a mention of `name` (default: its canonical name), else
    its first mention."""
    mentions = entity.get("mentions") or []
    if not mentions:
        raise JudgementError(f"{entity.get('name')!r} has no mention to anchor a judgement on")
    want = fold(name or entity.get("name", ""))
    best = next((m for m in mentions if fold(m["text"]) == want), mentions[0])
    return anchor(best, entity)


def make(
    op: str,
    a: Anchor,
    b: Anchor | None = None,
    *,
    value: str | None = None,
    scope: str | None = None,
    note: str | None = None,
    by: str | None = None,
    when: str | None = None,
) -> Judgement:
    """A new judgement record, checked; JudgementError says what is wrong."""
    if op not in OPS:
        raise JudgementError(f"unknown judgement {op!r} (one of: {', '.join(OPS)})")
    for what, v in (("value", value), ("note", note), ("who", by), ("when", when)):
        if v is not None and not isinstance(v, str):
            raise JudgementError(f"a judgement's {what} must be text")
    if when is not None and not _WHEN.match(when):
        raise JudgementError(f"a judgement's time must be like 2026-11-22T10:00:00Z, not {when!r}")
    if (op in PAIR_OPS or op == "split") and b is None:
        raise JudgementError(f"a {op!r} judgement needs two mentions")
    if op in ("rename", "kind", "alias") and not (value or "").strip():
        raise JudgementError(f"a {op!r} judgement needs a value")
    if op == "kind" and value not in KINDS:
        raise JudgementError(f"kind must be one of: {', '.join(KINDS)}")
    if scope is not None and scope not in SCOPES:
        raise JudgementError(f"scope must be one of: {', '.join(SCOPES)}")
    rec: Judgement = {"op": op, "a": _check_anchor(a)}
    if b is not None:
        rec["b"] = _check_anchor(b)
    if value is not None:
        rec["value"] = " ".join(value.split())
    if scope is not None:
        rec["scope"] = scope
    if note:
        rec["note"] = note
    rec["who"] = by or who()
    rec["when"] = when or now()
    rec["id"] = _id(rec)
    return rec


def _check_anchor(a: Any) -> Anchor:
    if not isinstance(a, dict):
        raise JudgementError("an anchor must be an object with doc, start, end and text")
    doc, start, end, text = (a.get(k) for k in ("doc", "start", "end", "text"))
    if not (isinstance(doc, str) and isinstance(text, str)):
        raise JudgementError("an anchor needs a document id and a text")
    if not (_is_int(start) and _is_int(end) and 0 <= start < end):
        raise JudgementError(f"an anchor needs 0 <= start < end (got {start!r}, {end!r})")
    for k in ("name", "kind"):
        if a.get(k) is not None and not isinstance(a[k], str):
            raise JudgementError(f"an anchor's {k} must be text")
    return {k: v for k, v in a.items() if k in ("doc", "start", "end", "text", "kind", "name")}


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _id(rec: Judgement) -> str:
    body = json.dumps({k: v for k, v in rec.items() if k != "id"}, sort_keys=True)
    return "j-" + hashlib.sha1(body.encode()).hexdigest()[:10]


def check(rec: Any) -> Judgement:
    """A judgement read from outside (an import), checked field by field; keeps its id."""
    if not isinstance(rec, dict):
        raise JudgementError("a judgement must be a JSON object")
    made = make(
        rec.get("op", ""),
        rec.get("a"),  # type: ignore[arg-type]
        rec.get("b"),
        value=rec.get("value"),
        scope=rec.get("scope"),
        note=rec.get("note"),
        by=str(rec.get("who") or "unknown"),
        when=str(rec.get("when") or now()),
    )
    given = rec.get("id")
    if given is not None:
        if not (isinstance(given, str) and _ID.match(given)):
            raise JudgementError("a judgement's id must be like j-0123456789 (or left out)")
        made["id"] = given
    return made


_ID = re.compile(r"j-[0-9a-f]{10}\Z")
_WHEN = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?\Z")


def describe(j: Judgement) -> str:
    """One line a person can read: 'same: "A" = "B"'."""
    a, b, op = j.get("a", {}), j.get("b", {}), j.get("op")
    na, nb = a.get("name") or a.get("text"), b.get("text") if b else None
    if op == "same":
        return f'same: "{na}" = "{b.get("name") or nb}"'
    if op == "different":
        return f'different: "{na}" ≠ "{b.get("name") or nb}"'
    if op == "unsure":
        return f'unsure: "{na}" ? "{b.get("name") or nb}"'
    if op == "split":
        what = f'every "{nb}"' if j.get("scope") == "name" else f'the mention "{nb}"'
        return f'split {what} out of "{na}"'
    if op == "dismiss":
        what = f'every "{a.get("text")}"' if j.get("scope") == "name" else f'"{a.get("text")}"'
        return f"dismiss {what}: not an entity"
    return f'{op} "{na}": {j.get("value")}'


# ---------------------------------------------------------------- applying them


@dataclass
class Outcome:
    """What became of one judgement in this build."""

    id: str
    status: str  # applied | moved | recorded | orphan | contradiction | no-op
    why: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "status": self.status, **({"why": self.why} if self.why else {})}


REPORTED = ("orphan", "contradiction")  # the statuses a person must hear about


MKey = tuple[str, int, int]  # a mention by (document id, start, end): it survives moves
LKey = tuple[str, int]  # a local entity: (document id, local number)


@dataclass
class Plan:
    """The judgements of one build, turned into edits of its extractions and constraints on
    its resolution. Built by `prepare`; read by `resolve.cluster` and `build.assemble`.

    Everything is held by mention, not by local entity: a split moves mentions to new
    locals, and a later judgement must follow its mention there (`local`)."""

    judgements: list[Judgement]
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    must: list[Pair] = field(default_factory=list)
    cannot: list[Pair] = field(default_factory=list)
    # entity edits, by a mention the entity holds
    names: list[tuple[MKey, Judgement]] = field(default_factory=list)
    kinds: list[tuple[MKey, Judgement]] = field(default_factory=list)
    aliases: list[tuple[MKey, Judgement]] = field(default_factory=list)
    # split of a name out of an entity: needs the entity, so done after a first resolution
    name_splits: list[tuple[MKey, str, Judgement]] = field(default_factory=list)
    where: _Where | None = field(default=None, repr=False)

    def report(self, j: Judgement, status: str, why: str = "") -> None:
        self.outcomes[j["id"]] = Outcome(j["id"], status, why)

    def summary(self) -> list[dict[str, str]]:
        return [
            self.outcomes[j["id"]].to_dict() for j in self.judgements if j["id"] in self.outcomes
        ]

    def order(self, j: Judgement) -> int:
        return next(i for i, x in enumerate(self.judgements) if x is j)

    def local(self, key: MKey) -> LKey | None:
        """The local entity that holds this mention now (None if it was dismissed)."""
        return self.where.local_of(key) if self.where else None


@dataclass
class Pair:
    a: MKey
    b: MKey
    judgement: Judgement
    spans: list[dict[str, Any]]  # the two mentions, as spans


class _Where:
    """Where each mention of the build is: (doc, start, end) -> (extraction, index)."""

    def __init__(self, extractions: list[Extraction], names: dict[str, str]) -> None:
        self.exs = {ex.doc: ex for ex in extractions}
        self.docnames = names
        self.spans: dict[MKey, tuple[str, int]] = {}
        self.by_name: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self.next_local: dict[str, int] = {}
        self.refresh()

    def refresh(self) -> None:
        self.spans.clear()
        self.by_name.clear()
        for ex in self.exs.values():
            for i, m in enumerate(ex.mentions):
                self.spans[(ex.doc, m.start, m.end)] = (ex.doc, i)
                self.by_name[fold(m.text)].append((ex.doc, i))
            top = max((m.local for m in ex.mentions), default=0)
            self.next_local[ex.doc] = max(self.next_local.get(ex.doc, 0), top + 1)

    def mention(self, at: tuple[str, int]) -> Mention:
        return self.exs[at[0]].mentions[at[1]]

    def key(self, at: tuple[str, int]) -> MKey:
        m = self.mention(at)
        return (at[0], m.start, m.end)

    def span(self, at: tuple[str, int]) -> dict[str, Any]:
        m = self.mention(at)
        return {"doc": at[0], "start": m.start, "end": m.end, "text": m.text}

    def local_of(self, key: MKey) -> LKey | None:
        at = self.spans.get(key)
        return None if at is None else (at[0], self.mention(at).local)

    def find(self, a: Anchor, relocate: bool = True) -> tuple[tuple[str, int] | None, str]:
        """The mention an anchor names, and '' — or, if `relocate`, one found by name (in
        the same document, nearest first, then in the others), and how; or None."""
        at = self.spans.get((a["doc"], a["start"], a["end"]))
        if at and fold(self.mention(at).text) == fold(a["text"]):
            return at, ""
        if not relocate:
            return None, ""
        for key in (a.get("text"), a.get("name")):
            if not key:
                continue
            hits = [h for h in self.by_name.get(fold(key), []) if self._kind_ok(h, a)]
            if hits:
                hits.sort(
                    key=lambda h: (
                        h[0] != a["doc"],
                        self.docnames.get(h[0], h[0]),
                        abs(self.mention(h).start - a["start"]),
                    )
                )
                doc = self.docnames.get(hits[0][0], hits[0][0])
                return hits[0], f"its mention is gone; found by the name {key!r} in {doc}"
        return None, ""

    def _kind_ok(self, at: tuple[str, int], a: Anchor) -> bool:
        return not a.get("kind") or self.mention(at).kind == a["kind"]

    def local(self, at: tuple[str, int]) -> LKey:
        return (at[0], self.mention(at).local)

    def named(self, loc: LKey, name: str) -> list[tuple[str, int]]:
        """The mentions of local `loc` spelled `name`, with the names the document derived
        from that name alone — its short forms, acronyms and "also known as" ("Volkov" of
        "Dmitri Volkov"): they go where the name goes."""
        ex = self.exs[loc[0]]
        names = {name}
        sources: dict[str, set[str]] = defaultdict(set)
        for x in ex.links:
            if x.local == loc[1] and x.type in ("short", "acronym", "aka"):
                sources[fold(x.b)].add(fold(x.a))
        grew = True
        while grew:
            more = {b for b, full in sources.items() if full <= names and b not in names}
            names |= more
            grew = bool(more)
        return [
            (loc[0], i)
            for i, m in enumerate(ex.mentions)
            if m.local == loc[1] and fold(m.text) in names
        ]

    def move(self, ats: list[tuple[str, int]]) -> dict[str, int]:
        """Give the mentions `ats` a new local of their own per document; the new locals."""
        new: dict[str, int] = {}
        for doc, i in ats:
            if doc not in new:
                new[doc] = self.next_local[doc]
                self.next_local[doc] += 1
            ex = self.exs[doc]
            ex.mentions[i] = replace(ex.mentions[i], local=new[doc])
        return new


# A judgement about one mention is about that mention: if it is gone, it is not looked for
# by name elsewhere (another "Odessa" is not the one that was dismissed).
def _one_mention(j: Judgement, side: str) -> bool:
    return j.get("scope") == "mention" and (
        (j.get("op") == "dismiss" and side == "a") or (j.get("op") == "split" and side == "b")
    )


def prepare(
    judgements: list[Judgement], extractions: list[Extraction], names: dict[str, str]
) -> tuple[Plan, list[Extraction]]:
    """The plan for this build, and copies of `extractions` with mention edits made.

    `names` maps document ids to file names (to say where a moved anchor was found).
    """
    exs = [replace(ex, mentions=list(ex.mentions)) for ex in extractions]
    plan = Plan(list(judgements))
    where = _Where(exs, names)
    dismissed: dict[str, set[int]] = defaultdict(set)
    for j in plan.judgements:
        op = j.get("op")
        a, why_a = where.find(j["a"], relocate=not _one_mention(j, "a"))
        if a is None:
            plan.report(j, "orphan", f"no mention {_quote(j['a'])} in this case")
            continue
        b, why_b = (None, "")
        if "b" in j:
            b, why_b = where.find(j["b"], relocate=not _one_mention(j, "b"))
            if b is None:
                plan.report(j, "orphan", f"no mention {_quote(j['b'])} in this case")
                continue
        moved = "; ".join(w for w in (why_a, why_b) if w)
        status = "moved" if moved else "applied"
        if op == "dismiss":
            if j.get("scope") == "name":
                hits = list(where.by_name.get(fold(j["a"]["text"]), []))
            else:
                hits = [a]
            for doc, i in hits:
                dismissed[doc].add(i)
            plan.report(j, status, moved)
            continue
        if op in PAIR_OPS:
            assert b is not None
            if op == "unsure":
                plan.report(j, "recorded", moved)
                continue
            la, lb = where.local(a), where.local(b)
            if op == "different" and la == lb:
                # one document's grouping put them together: the second name leaves it
                text = fold(where.mention(b).text)
                if text == fold(where.mention(a).text):
                    plan.report(j, "contradiction", "the two mentions are the same name")
                    continue
                where.move(where.named(la, text))
            pair = Pair(where.key(a), where.key(b), j, [where.span(a), where.span(b)])
            (plan.must if op == "same" else plan.cannot).append(pair)
            plan.report(j, status, moved)
            continue
        if op == "split":
            assert b is not None
            if j.get("scope") == "name":
                if fold(where.mention(b).text) == fold(where.mention(a).text):
                    plan.report(j, "contradiction", "cannot split an entity's own anchor name")
                    continue
                plan.name_splits.append((where.key(a), fold(where.mention(b).text), j))
            else:
                if b == a:
                    plan.report(j, "contradiction", "cannot split the anchor mention itself")
                    continue
                where.move([b])
                spans = [where.span(a), where.span(b)]
                plan.cannot.append(Pair(where.key(a), where.key(b), j, spans))
            plan.report(j, status, moved)
            continue
        target = {"rename": plan.names, "kind": plan.kinds, "alias": plan.aliases}[op]
        target.append((where.key(a), j))
        plan.report(j, status, moved)
    for ex in exs:
        gone = dismissed.get(ex.doc)
        if gone:
            ex.mentions[:] = [m for i, m in enumerate(ex.mentions) if i not in gone]
    where.refresh()
    plan.where = where
    return plan, exs


def split_names(plan: Plan, members: dict[LKey, list[LKey]]) -> bool:
    """Carry out the name splits, given each local's entity (its locals) after a first
    resolution. True if any mention moved, so that resolution must run again."""
    where = plan.where
    if where is None or not plan.name_splits:
        return False
    changed = False
    for mk, name, j in plan.name_splits:
        la = plan.local(mk)
        if la is None:
            plan.report(j, "orphan", "its anchor mention was dismissed")
            continue
        group = [at for loc in members.get(la, [la]) for at in where.named(loc, name)]
        if not group:
            plan.report(j, "no-op", "the entity no longer holds that name")
            continue
        new = where.move(group)
        where.refresh()
        firsts = {}
        for at in group:
            firsts.setdefault(at[0], where.key(at))
        spans = [where.span(where.spans[k]) for k in firsts.values()]
        plan.cannot += [Pair(mk, k, j, [spans[0], spans[0]]) for k in firsts.values()]
        # what was split out is one entity, wherever it was found
        keys = list(firsts.values())
        plan.must += [Pair(keys[0], k, j, [spans[0], spans[n + 1]]) for n, k in enumerate(keys[1:])]
        changed = changed or bool(new)
    plan.name_splits = []
    return changed


def _quote(a: Anchor) -> str:
    return f"{a.get('text')!r} at {a.get('start')}–{a.get('end')} of {a.get('doc')}"


# ---------------------------------------------------------------- the review queue


def queue(case: dict[str, Any]) -> list[dict[str, Any]]:
    """What a person should look at, best first: pairs kept apart as "possible same", and
    merges made by the machine that nobody has confirmed. Pairs judged unsure come last;
    pairs already judged same or different are not asked again (resolution applies them)."""
    ents = {e["id"]: e for e in case.get("entities", [])}
    unsure = {
        frozenset((_span_key(j["a"]), _span_key(j["b"])))
        for j in case.get("judgements", [])
        if j.get("op") == "unsure" and "b" in j
    }
    out: list[dict[str, Any]] = []
    seen: set[frozenset[str]] = set()
    for e in case.get("entities", []):
        for p in e.get("possible_same", []):
            other = ents.get(p.get("entity", ""))
            pair = frozenset((e["id"], p.get("entity", "")))
            if other is None or pair in seen:
                continue
            seen.add(pair)
            sa, sb = _pair_sources(p, e, other)
            out.append(_item("possible", e, other, sa, sb, p))
        for mg in e.get("merges", []):
            if mg.get("by") == "judgement" or mg.get("type") or len(mg.get("sources", [])) != 2:
                continue  # a person's, or one document's own words ("also known as")
            sa, sb = mg["sources"]
            if fold(sa["text"]) != fold(sb["text"]):  # the same name twice: nothing to ask
                out.append(_item("merge", e, e, sa, sb, mg))
    for item in out:
        item["unsure"] = (
            frozenset((_span_key(item["anchor_a"]), _span_key(item["anchor_b"]))) in unsure
        )
    out.sort(key=lambda i: (i["unsure"], -i["score"], i["names"]))
    return out


def _item(
    typ: str,
    e: dict[str, Any],
    other: dict[str, Any],
    sa: dict[str, Any],
    sb: dict[str, Any],
    rec: dict[str, Any],
) -> dict[str, Any]:
    return {
        "type": typ,
        "a": e["id"],
        "b": other["id"],
        "anchor_a": anchor(sa, e),
        "anchor_b": anchor(sb, other),
        "names": [sa["text"], sb["text"]],
        "score": rec.get("score", 0.0),
        "reasons": list(rec.get("reasons", [])),
    }


def _span_key(a: Anchor) -> str:
    return f"{a['doc']}:{a['start']}:{a['end']}"


def _pair_sources(
    p: dict[str, Any], e: dict[str, Any], other: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The two mentions a possible pair compared, `e`'s first."""
    src = p.get("sources") or []
    if len(src) == 2:
        mine = {(m["doc"], m["start"]) for m in e.get("mentions", [])}
        return (src[0], src[1]) if (src[0]["doc"], src[0]["start"]) in mine else (src[1], src[0])
    return _first_named(e, p.get("a")), _first_named(other, p.get("b"))


def _first_named(e: dict[str, Any], name: str | None) -> dict[str, Any]:
    ms = e.get("mentions", [])
    want = fold(name or e.get("name", ""))
    return next((m for m in ms if fold(m["text"]) == want), ms[0])
