"""The case report as Markdown (CommonMark + GFM footnotes).

All case text is made inert (`sanitize.one_line`: no escape sequences, controls or
newlines) and then every character Markdown could read as syntax is backslash-escaped,
so a document cannot add links, images, HTML, emphasis, tables or headings.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from casefile.exports import report
from casefile.sanitize import flatten, one_line

# Characters that start inline syntax anywhere in a line (GFM adds | ~, some renderers $
# for math). Brackets are escaped, so `(`, `!` and `^` can no longer make links or notes.
_SPECIAL = re.compile(r"([\\`*\[\]<>|#~&$])")
# `_` between two word characters cannot start or end emphasis: left as is, so file
# names like 000_427842.txt stay readable.
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# ...and those that only matter at the start of a line: list markers.
_BULLET = re.compile(r"^([-+])")
_NUMBERED = re.compile(r"^(\d+)([.)])")


def escape(text: Any, strip: bool = True) -> str:
    """`text` made inert and literal in Markdown."""
    s = one_line(str(text)) if strip else flatten(str(text))
    s = _SPECIAL.sub(r"\\\1", s)
    s = _UNDERSCORE.sub(r"\\_", s)
    s = _BULLET.sub(r"\\\1", s)
    return _NUMBERED.sub(r"\1\\\2", s)


def _refs(notes: list[int]) -> str:
    return "".join(f"[^{n}]" for n in notes)


def _line(line: report.Line, depth: int) -> list[str]:
    label = f"**{escape(line.label)}:**" if line.label else ""
    body = " ".join(x for x in (label, escape(line.text)) if x)
    out = [f"{'  ' * depth}- {body}{_refs(line.notes)}"]
    for child in line.children:
        out += _line(child, depth + 1)
    return out


def _punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _strong(before: str, quote: str, after: str) -> str:
    """`quote` in bold when CommonMark's flanking rules let `**` work right there, else
    between [[ ]] (as `casefile lookup` marks a match without colour)."""
    prev, nxt = before[-1:] or " ", after[:1] or " "
    opens = not quote[0].isspace() and (not _punct(quote[0]) or prev.isspace() or _punct(prev))
    closes = not quote[-1].isspace() and (not _punct(quote[-1]) or nxt.isspace() or _punct(nxt))
    return f"**{quote}**" if opens and closes else f"\\[\\[{quote}\\]\\]"


def _note(note: report.Note) -> str:
    quote = escape(note.quote)
    if (note.before or note.after) and quote:
        before = escape(note.before, strip=False).lstrip()
        after = escape(note.after, strip=False).rstrip()
        before = ("…" if note.cut_before else "") + before
        after += "…" if note.cut_after else ""
        quote = f"{before}{_strong(before, quote, after)}{after}"
    where = f"{escape(note.doc_name)}, characters {note.start}–{note.end}"
    return f"[^{note.n}]: {where}: “{quote}”"


def render(case: dict[str, Any]) -> str:
    rep = report.build(case)
    out = [f"# {escape(rep.title)}", "", escape(rep.subtitle), ""]
    for section in rep.sections:
        out += [f"## {escape(section.title)}", ""]
        if not section.blocks:
            out += [escape(section.empty), ""]
        for block in section.blocks:
            if block.title:
                out += [f"### {escape(block.title)}", ""]
            for line in block.lines:
                out += _line(line, 0)
            out.append("")
    if rep.notes:
        out += ["## Notes", ""]
        out += [_note(n) for n in rep.notes]
        out.append("")
    return "\n".join(out)
