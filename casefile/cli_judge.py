"""`casefile merge | different | split | rename | kind | alias | dismiss | judgements`:
a person's corrections from a shell, for scripts and SSH.

An entity is named by its id (e-…) or by one of its names or aliases exactly (any case); a
fuzzy match is fine for reading but not for changing a case, so a name that is not exactly
one entity's is refused with the nearest candidates. Every change is one judgement, saved
with the case in one atomic write and re-applied by every later build.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from casefile import edits, store
from casefile import judgements as J
from casefile.cli import Failure, _case_path, _document, _load, _quoted, case_option, cli
from casefile.names import fold
from casefile.sanitize import one_line

note_option = click.option("--note", default=None, help="Why: kept with the judgement.")


# ---------------------------------------------------------------- naming things


def find_entity(case: dict[str, Any], ref: str) -> dict[str, Any]:
    """The one entity `ref` names exactly (id, name or alias); a one-line Failure if none or
    several do, with what the user may have meant."""
    ents = case.get("entities", [])
    for e in ents:
        if e["id"] == ref.strip():
            return e
    key = fold(ref)
    exact = [e for e in ents if key in _names(e)]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        listed = "; ".join(_label(e) for e in exact[:5])
        raise Failure(f"{_quoted(ref)} names {len(exact)} entities: {listed}; give the id")
    from casefile.shell import best_entity

    hit = best_entity(case, ref)
    hint = f"; did you mean {_label(_by_id(case, hit.id))}?" if hit else ""
    raise Failure(f"no entity is named {_quoted(ref)} exactly{hint}")


def _names(e: dict[str, Any]) -> set[str]:
    return (
        {fold(e["name"])}
        | {fold(a["name"]) for a in e.get("aliases", [])}
        | {fold(m["text"]) for m in e.get("mentions", [])}
    )


def _by_id(case: dict[str, Any], eid: str) -> dict[str, Any]:
    return next(e for e in case.get("entities", []) if e["id"] == eid)


def _label(e: dict[str, Any]) -> str:
    return f"{one_line(e['name'])} ({e['kind']}, {e['id']})"


def find_mention(case: dict[str, Any], where: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The mention at DOC:START (a document's name or id, a character offset) and its entity."""
    doc_ref, _, start = where.rpartition(":")
    if not doc_ref or not start.isdigit():
        raise Failure(f"{_quoted(where)}: give a mention as DOCUMENT:OFFSET (e.g. report.txt:120)")
    doc = _document(case, doc_ref)
    at = int(start)
    for e in case.get("entities", []):
        for m in e.get("mentions", []):
            if m["doc"] == doc["id"] and m["start"] <= at < m["end"]:
                return m, e
    raise Failure(f"no mention at offset {at} of {one_line(doc['name'])}")


# ---------------------------------------------------------------- saving one judgement


def judge(case_path: Path | None, make: Any, *, quiet: bool = False) -> None:
    """Make a judgement from the case (`make(case) -> judgement`), apply it with all the
    others, and save; refuse, keeping the case as it was, if it cannot be applied."""
    path = _case_path(case_path)
    case = _load(path)
    try:
        new = make(case)
    except J.JudgementError as err:
        raise Failure(one_line(str(err))) from None
    if any(j["id"] == new["id"] for j in case.get("judgements", [])):
        raise Failure(f"already judged ({new['id']}: {_said(new)})")

    def check(built: dict[str, Any]) -> None:
        outcome = next(o for o in built.get("judgement_report", []) if o["id"] == new["id"])
        if outcome["status"] in J.REPORTED:
            why = outcome.get("why", outcome["status"])
            raise Failure(f"{_said(new)}: {one_line(why)}; nothing written")

    built = _rejudge(path, lambda js: [*js, new], check)
    if not quiet:
        click.echo(f"{new['id']}: {_said(new)}")
        tell(built)


def _said(j: J.Judgement) -> str:
    """A judgement in one inert line: its texts come from documents and imports."""
    return one_line(J.describe(j))


def _rejudge(path: Path, change: Any, check: Any = None) -> dict[str, Any]:
    from casefile.build import rejudge
    from casefile.cli import _model_errors

    try:
        report = rejudge(path, change, check=check)
    except (store.CaseError, J.JudgementError, *_model_errors()) as err:
        raise Failure(one_line(str(err))) from None
    return report.case or {}


def tell(case: dict[str, Any], *, only_problems: bool = False) -> None:
    """How many judgements the case holds, and every one that needs a person's eye."""
    report = case.get("judgement_report", [])
    bad = [o for o in report if o["status"] in (*J.REPORTED, "moved")]
    if not only_problems:
        click.echo(
            f"{len(report)} judgement(s) re-applied"
            + (f"; {len(bad)} to look at (casefile judgements list)" if bad else ""),
            err=True,
        )
    by_id = {j["id"]: j for j in case.get("judgements", [])}
    for o in bad:
        what = _said(by_id[o["id"]]) if o["id"] in by_id else ""
        why = one_line(o.get("why", ""))
        click.echo(f"casefile: {one_line(o['id'])} {o['status']}: {what}: {why}", err=True)


# ---------------------------------------------------------------- the commands


@cli.command()
@click.argument("first")
@click.argument("second")
@case_option
@note_option
def merge(first: str, second: str, case_path: Path | None, note: str | None) -> None:
    """Judge FIRST and SECOND the same entity (each an id, a name or an alias)."""

    def make(case: dict[str, Any]) -> J.Judgement:
        a, b = find_entity(case, first), find_entity(case, second)
        return edits.make_merge(a, b, note, names=(first, second))

    judge(case_path, make)


@cli.command()
@click.argument("first")
@click.argument("second")
@case_option
@note_option
def different(first: str, second: str, case_path: Path | None, note: str | None) -> None:
    """Judge FIRST and SECOND different entities: never merged, never asked again.

    Two names of one entity are split apart (FIRST stays, every mention of SECOND leaves).
    """

    def make(case: dict[str, Any]) -> J.Judgement:
        a, b = find_entity(case, first), find_entity(case, second)
        if a["id"] == b["id"] and fold(first) == fold(second):
            raise Failure(f"{_quoted(first)} and {_quoted(second)} are one name")
        if a["id"] == b["id"]:
            return J.make(
                "split", J.entity_anchor(a, first), J.entity_anchor(a, second),
                scope="name", note=note,
            )  # fmt: skip
        return J.make("different", J.entity_anchor(a, first), J.entity_anchor(b, second), note=note)

    judge(case_path, make)


@cli.command()
@click.argument("entity")
@click.argument("name", required=False)
@click.option("--mention", "mention", default=None, help="Only the mention at DOCUMENT:OFFSET.")
@case_option
@note_option
def split(
    entity: str, name: str | None, mention: str | None, case_path: Path | None, note: str | None
) -> None:
    """Split NAME (every mention spelled so) out of ENTITY, into an entity of its own.

    With --mention DOCUMENT:OFFSET, only that one mention leaves.
    """
    if (name is None) == (mention is None):
        raise Failure("give the NAME to split out, or --mention DOCUMENT:OFFSET (one of them)")

    def make(case: dict[str, Any]) -> J.Judgement:
        e = find_entity(case, entity)
        if mention is not None:
            m, _ = find_mention(case, mention)
            return edits.make_split_mention(e, m, note)
        assert name is not None
        return edits.make_split_name(e, name, note)

    judge(case_path, make)


@cli.command()
@click.argument("entity")
@click.argument("new_name")
@case_option
@note_option
def rename(entity: str, new_name: str, case_path: Path | None, note: str | None) -> None:
    """Give ENTITY the canonical name NEW_NAME (its other names stay as aliases)."""

    def make(case: dict[str, Any]) -> J.Judgement:
        return edits.make_rename(find_entity(case, entity), new_name, note)

    judge(case_path, make)


@cli.command()
@click.argument("entity")
@click.argument("new_kind", type=click.Choice(J.KINDS))
@case_option
@note_option
def kind(entity: str, new_kind: str, case_path: Path | None, note: str | None) -> None:
    """Change the kind of ENTITY (person, organization or place)."""

    def make(case: dict[str, Any]) -> J.Judgement:
        return edits.make_kind(find_entity(case, entity), new_kind, note)

    judge(case_path, make)


@cli.command()
@click.argument("entity")
@click.argument("alias")
@case_option
@note_option
def alias(entity: str, alias: str, case_path: Path | None, note: str | None) -> None:
    """Add ALIAS to ENTITY by hand (with --note saying where it comes from)."""

    def make(case: dict[str, Any]) -> J.Judgement:
        return edits.make_alias(find_entity(case, entity), alias, note)

    judge(case_path, make)


@cli.command()
@click.argument("name", required=False)
@click.option("--mention", "mention", default=None, help="Only the mention at DOCUMENT:OFFSET.")
@case_option
@note_option
def dismiss(
    name: str | None, mention: str | None, case_path: Path | None, note: str | None
) -> None:
    """Dismiss NAME: every mention spelled so is not an entity ("Read More", a byline…).

    With --mention DOCUMENT:OFFSET, only that one mention.
    """
    if (name is None) == (mention is None):
        raise Failure("give the NAME to dismiss, or --mention DOCUMENT:OFFSET (one of them)")

    def make(case: dict[str, Any]) -> J.Judgement:
        if mention is not None:
            m, owner = find_mention(case, mention)
            return edits.make_dismiss_mention(owner, m, note)
        assert name is not None
        for e in case.get("entities", []):
            if any(fold(m["text"]) == fold(name) for m in e.get("mentions", [])):
                return edits.make_dismiss_name(e, name, note)
        raise Failure(f"no mention is spelled {_quoted(name)}")

    judge(case_path, make)


# ---------------------------------------------------------------- the judgements themselves


@cli.group()
def judgements() -> None:
    """List, export, import or undo judgements (JSON lines: one judgement a line)."""


@judgements.command(name="list")
@case_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line, with status.")
def list_(case_path: Path | None, as_json: bool) -> None:
    """Every judgement, oldest first, with what became of it in the last build."""
    case = _load(_case_path(case_path))
    status = {o["id"]: o for o in case.get("judgement_report", [])}
    for j in case.get("judgements", []):
        o = status.get(j["id"], {"status": "not yet applied"})
        if as_json:
            click.echo(json.dumps({**j, "outcome": o}, ensure_ascii=True))
            continue
        why = f" ({one_line(o['why'])})" if o.get("why") else ""
        note = f"  note: {one_line(str(j['note']))}" if j.get("note") else ""
        click.echo(
            f"{one_line(str(j['id']))}  {one_line(str(j.get('when', '')))[:16]}  "
            f"{one_line(str(j.get('who', '')))}  {_said(j)}  [{o['status']}{why}]{note}"
        )


@judgements.command(name="export")
@case_option
@click.option("-o", "--output", "out", default="-", help="File to write, or - for stdout.")
def export_(case_path: Path | None, out: str) -> None:
    """Write the judgements as JSON lines, to carry them to another case or keep them."""
    case = _load(_case_path(case_path))
    lines = "".join(json.dumps(j, ensure_ascii=True) + "\n" for j in case.get("judgements", []))
    if out == "-":
        click.echo(lines, nl=False)
        return
    try:
        Path(out).write_text(lines, encoding="utf-8")
    except OSError as err:
        raise Failure(f"{out}: cannot write: {err.strerror or err}") from None


@judgements.command(name="import")
@click.argument("source", type=click.File("r", encoding="utf-8", errors="strict"))
@case_option
def import_(source: Any, case_path: Path | None) -> None:
    """Add the judgements of SOURCE (JSON lines; - for stdin) to the case and apply them all.

    All or nothing: a line that is not a judgement stops the import, nothing written.
    Judgements the case already holds (same id) are skipped.
    """
    try:
        text = source.read()
    except (UnicodeDecodeError, OSError) as err:
        raise Failure(f"{source.name}: cannot read: {err}") from None
    new: list[J.Judgement] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = J.check(json.loads(line))
        except (ValueError, J.JudgementError) as err:
            msg = str(err).splitlines()[0] if str(err) else err.__class__.__name__
            raise Failure(f"{source.name}, line {n}: {one_line(msg)}; nothing written") from None
        if all(j["id"] != rec["id"] for j in new):  # the same judgement twice: once
            new.append(rec)
    path = _case_path(case_path)
    added: list[int] = []

    def change(old: list[J.Judgement]) -> list[J.Judgement]:
        have = {j["id"] for j in old}
        fresh = [j for j in new if j["id"] not in have]
        added.append(len(fresh))
        return [*old, *fresh]

    built = _rejudge(path, change)
    click.echo(f"imported {added[0]} judgement(s) ({len(new) - added[0]} already held)")
    tell(built)


@judgements.command()
@click.argument("judgement_id", required=False)
@case_option
def undo(judgement_id: str | None, case_path: Path | None) -> None:
    """Take back JUDGEMENT_ID (default: the newest); the case is as it was before it."""
    path = _case_path(case_path)
    gone: list[J.Judgement] = []

    def change(old: list[J.Judgement]) -> list[J.Judgement]:
        if not old:
            raise Failure("the case holds no judgements")
        target = (
            old[-1]
            if judgement_id is None
            else next((j for j in old if j["id"] == judgement_id), None)
        )
        if target is None:
            raise Failure(f"no judgement {_quoted(judgement_id or '')} (casefile judgements list)")
        gone.append(target)
        return [j for j in old if j is not target]

    built = _rejudge(path, change)
    click.echo(f"undone {one_line(str(gone[0]['id']))}: {_said(gone[0])}")
    tell(built)
