"""The case report as one self-contained HTML file: inline CSS, no scripts, no external
resources, so it can be mailed or archived and opened offline.

Every string from the case passes through `sanitize.one_line` (or `flatten` for quote
pieces) and then `html.escape(..., quote=True)`: document text can only ever be text.
The only links are to anchors inside the page.
"""

from __future__ import annotations

import html
from typing import Any

from casefile.exports import report
from casefile.sanitize import flatten, one_line

_CSS = """
body{font:16px/1.5 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif;line-height:1.2}
h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
h3{font-size:1.05em;margin:1.4em 0 .3em}
ul{margin:.2em 0;padding-left:1.4em}
.label{font-weight:bold}
sup a{text-decoration:none;font-size:.75em}
nav ul{columns:2}
.notes li{font-size:.9em;margin-bottom:.3em}
.notes .where{color:#555}
mark{background:#fff3a8}
.empty{color:#777;font-style:italic}
"""


def _t(text: Any) -> str:
    return html.escape(one_line(str(text)), quote=True)


def _piece(text: str) -> str:
    return html.escape(flatten(text), quote=True)


def _refs(notes: list[int]) -> str:
    return "".join(f'<sup><a href="#fn-{n}">{n}</a></sup>' for n in notes)


def _line(line: report.Line) -> str:
    label = f'<span class="label">{_t(line.label)}:</span> ' if line.label else ""
    inner = f"{label}{_t(line.text)}{_refs(line.notes)}"
    if line.children:
        inner += "<ul>" + "".join(_line(c) for c in line.children) + "</ul>"
    return f"<li>{inner}</li>"


def _note(note: report.Note) -> str:
    quote = _t(note.quote)
    if note.before or note.after:
        before = ("…" if note.cut_before else "") + _piece(note.before).lstrip()
        after = _piece(note.after).rstrip() + ("…" if note.cut_after else "")
        quote = f"{before}<mark>{quote}</mark>{after}"
    where = f"{_t(note.doc_name)}, characters {note.start}–{note.end}"
    return f'<li id="fn-{note.n}"><span class="where">{where}:</span> “{quote}”</li>'


def render(case: dict[str, Any]) -> str:
    rep = report.build(case)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_t(rep.title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{_t(rep.title)}</h1>",
        f"<p>{_t(rep.subtitle)}</p>",
        "<nav><ul>",
        *(f'<li><a href="#{_t(s.anchor)}">{_t(s.title)}</a></li>' for s in rep.sections),
        "</ul></nav>",
    ]
    for section in rep.sections:
        out.append(f'<section id="{_t(section.anchor)}"><h2>{_t(section.title)}</h2>')
        if not section.blocks:
            out.append(f'<p class="empty">{_t(section.empty)}</p>')
        for block in section.blocks:
            title = f"<h3>{_t(block.title)}</h3>" if block.title else ""
            items = "".join(_line(x) for x in block.lines)
            out.append(f'<div id="{_t(block.anchor)}">{title}<ul>{items}</ul></div>')
        out.append("</section>")
    if rep.notes:
        out.append('<section id="notes" class="notes"><h2>Notes</h2><ol>')
        out += [_note(n) for n in rep.notes]
        out.append("</ol></section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
