"""The case as five CSV tables, for spreadsheets and data tools.

entities.csv  one row per entity
names.csv     one row per (name, span): the canonical name where the text spells it so,
              and every alias/spelling source
mentions.csv  one row per entity mention
events.csv    one row per event
claims.csv    one row per (claim, source span)

UTF-8 without BOM, header row, RFC 4180 quoting. Text is made inert (`sanitize.inert`:
escape sequences and control characters go, newlines stay, quoted), and a text cell that a
spreadsheet would read as a formula (leading = + - @ tab CR) gets a leading `'`.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from casefile.sanitize import inert

Row = list[Any]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """A value safe to put in a spreadsheet cell."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    s = str(value)
    # the check runs on the raw text too: `inert` turns a leading CR into U+FFFD
    if s.startswith(_FORMULA_START) or inert(s).startswith(_FORMULA_START):
        return "'" + inert(s)
    return inert(s)


def tables(case: dict[str, Any]) -> dict[str, tuple[Row, list[Row]]]:
    """File name -> (header, rows), values not yet made safe."""
    docs = {d["id"]: str(d.get("name") or d["id"]) for d in case.get("documents", [])}
    ents = {e["id"]: e for e in case.get("entities", [])}
    events = {e["id"]: e for e in case.get("events", [])}

    def span_cols(s: dict[str, Any]) -> Row:
        return [s["doc"], docs.get(s["doc"], ""), s["start"], s["end"]]

    entities, names, mentions = [], [], []
    for e in case.get("entities", []):
        entities.append(
            [
                e["id"],
                e["kind"],
                e["name"],
                "; ".join(a["name"] for a in e.get("aliases", [])),
                len(e.get("mentions", [])),
                "; ".join(docs.get(d, d) for d in e.get("documents", [])),
                "; ".join(f"{a.get('type')}: {a.get('value')}" for a in e.get("attributes") or []),
            ]
        )
        own = [m for m in e.get("mentions", []) if m.get("text") == e["name"]]
        names += [[e["id"], e["name"], "name", *span_cols(m)] for m in own]
        if not own:
            names.append([e["id"], e["name"], "name", "", "", "", ""])
        for a in e.get("aliases", []):
            names += [
                [e["id"], a["name"], a.get("type", ""), *span_cols(s)] for s in a.get("sources", [])
            ]
            if not a.get("sources"):  # added by hand: a name with no place in the text
                names.append([e["id"], a["name"], a.get("type", ""), "", "", "", ""])
        mentions += [
            [e["id"], e["name"], e["kind"], *span_cols(m), m.get("text", "")]
            for m in e.get("mentions", [])
        ]

    event_rows = []
    for ev in case.get("events", []):
        sources = ev.get("sources", [])
        event_rows.append(
            [
                ev["id"],
                ev.get("date"),
                ev.get("date_text"),
                ev.get("date_basis"),
                ev.get("summary"),
                "; ".join(ents[i]["name"] for i in ev.get("entities", []) if i in ents),
                "; ".join(ev.get("entities", [])),
                len(sources),
                "; ".join(sorted({docs.get(s["doc"], s["doc"]) for s in sources})),
            ]
        )

    claims = []
    for c in case.get("claims", []):
        ev = events.get(c.get("event") or "", {})
        sentence = (c.get("sentence") or {}).get("text", "")
        for s in c.get("sources", []) or [None]:
            where = span_cols(s) + [s.get("text", "")] if s else ["", "", "", "", ""]
            claims.append(
                [
                    c["id"],
                    c.get("what"),
                    c.get("value"),
                    c.get("number"),
                    c.get("bound"),
                    c.get("event"),
                    ev.get("date"),
                    *where,
                    sentence,
                    "; ".join(c.get("conflicts_with", [])),
                    c.get("agreement"),
                ]
            )

    span_head = ["doc", "document", "start", "end"]
    return {
        "entities.csv": (
            ["id", "kind", "name", "aliases", "mentions", "documents", "attributes"],
            entities,
        ),
        "names.csv": (["entity", "name", "type", *span_head], names),
        "mentions.csv": (["entity", "entity_name", "kind", *span_head, "text"], mentions),
        "events.csv": (
            [
                "id",
                "date",
                "date_text",
                "date_basis",
                "summary",
                "participants",
                "participant_ids",
                "sources",
                "documents",
            ],
            event_rows,
        ),
        "claims.csv": (
            [
                "id",
                "what",
                "value",
                "number",
                "bound",
                "event",
                "event_date",
                *span_head,
                "text",
                "sentence",
                "conflicts_with",
                "agreement",
            ],
            claims,
        ),
    }


def _csv(header: Row, rows: Iterable[Row]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([cell(h) for h in header])
    w.writerows([cell(v) for v in row] for row in rows)
    return buf.getvalue()


def files(case: dict[str, Any]) -> dict[str, str]:
    """File name -> CSV text."""
    return {name: _csv(head, rows) for name, (head, rows) in tables(case).items()}


def render(case: dict[str, Any]) -> bytes:
    """The five tables as one zip archive (for `-o -` or a .zip target)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files(case).items():
            z.writestr(name, text.encode("utf-8"))
    return buf.getvalue()


def write(case: dict[str, Any], target: Path | str) -> None:
    """Write the tables into the folder `target`, or as a zip if `target` ends in .zip."""
    target = Path(target)
    if target.suffix.lower() == ".zip":
        target.write_bytes(render(case))
        return
    target.mkdir(parents=True, exist_ok=True)
    for name, text in files(case).items():
        (target / name).write_text(text, encoding="utf-8", newline="")
