"""The timeline as TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html).

Dates keep their true precision: an event dated "2020" has only a year, "2020-11" a year
and month. TimelineJS renders `headline` and `text` as HTML, so every piece of case text
is made inert and HTML-escaped; the markup around it is ours. Events are grouped (one
TimelineJS row each) by the documents that report them, which puts single-source
stories and corroborated ones on separate rows. Undated events are left out: TimelineJS
requires a start year.
"""

from __future__ import annotations

import html
import json
from typing import Any

from casefile.sanitize import one_line

_HEADLINE = 90


def _t(text: Any) -> str:
    return html.escape(one_line(str(text)), quote=True)


def _headline(summary: str) -> str:
    s = one_line(summary)
    if len(s) > _HEADLINE:
        s = s[: _HEADLINE - 1].rsplit(" ", 1)[0] + "…"
    return html.escape(s, quote=True)


def date_parts(date: str) -> dict[str, str] | None:
    """{"year", "month"?, "day"?} from YYYY, YYYY-MM or YYYY-MM-DD; no invented parts."""
    parts = date.split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        return None
    out = {"year": str(int(parts[0]))}
    for key, value in zip(("month", "day"), parts[1:], strict=False):
        out[key] = str(int(value))
    return out


def render(case: dict[str, Any]) -> str:
    docs = {d["id"]: d for d in case.get("documents", [])}
    ents = {e["id"]: e for e in case.get("entities", [])}
    claims: dict[str, list[dict[str, Any]]] = {}
    for c in case.get("claims", []):
        claims.setdefault(c.get("event") or "", []).append(c)

    def doc_label(doc_id: str) -> str:
        d = docs.get(doc_id, {})
        return str(d.get("title") or d.get("name") or doc_id)

    events = []
    for ev in case.get("events", []):
        start = date_parts(ev.get("date") or "")
        if start is None:
            continue
        names = [ents[i]["name"] for i in ev.get("entities", []) if i in ents]
        doc_ids = sorted(
            {s["doc"] for s in ev.get("sources", [])},
            key=lambda d: str(docs.get(d, {}).get("name") or d),
        )
        body = [f"<p>{_t(ev.get('summary', ''))}</p>"]
        if names:
            body.append(f"<p><b>Participants:</b> {', '.join(_t(n) for n in names)}</p>")
        figures = [
            f"{_t(c.get('what', ''))}: {_t(c.get('value', ''))}" for c in claims.get(ev["id"], [])
        ]
        if figures:
            body.append(f"<p><b>Figures:</b> {'; '.join(figures)}</p>")
        said = f" — “{_t(ev['date_text'])}”" if ev.get("date_text") else ""
        basis = f" ({_t(ev['date_basis'])})" if ev.get("date_basis") else ""
        body.append(f"<p><b>Date:</b> {_t(ev.get('date', ''))}{said}{basis}</p>")
        quotes = "".join(
            f"<li>{_t(doc_label(s['doc']))}: “{_t(s.get('text', ''))}”</li>"
            for s in ev.get("sources", [])
        )
        body.append(f"<p><b>Sources ({len(ev.get('sources', []))}):</b></p><ul>{quotes}</ul>")
        events.append(
            {
                "unique_id": ev["id"],
                "start_date": start,
                "text": {"headline": _headline(ev.get("summary") or ""), "text": "".join(body)},
                "group": _t(" + ".join(doc_label(d) for d in doc_ids) or "no source"),
            }
        )
    built = ", ".join(str(x) for x in case.get("built_from") or [])
    n = len(docs)
    title = {
        "text": {
            "headline": _t(f"Case file: {built}" if built else "Case file"),
            "text": f"<p>{n} document{'s' if n != 1 else ''}, {len(events)} dated events</p>",
        }
    }
    return json.dumps({"title": title, "events": events}, ensure_ascii=True, indent=1) + "\n"
