"""Make document text inert before it reaches a terminal.

Documents come from the web: they may carry escape sequences that clear the screen, set
the clipboard (OSC 52), fake hyperlinks (OSC 8) or reorder text with bidi overrides.
`inert` removes or replaces all of that so text can be printed verbatim.

Choices: escape sequences are removed whole; any other control character (C0 except
newline and tab, DEL, C1, NUL, lone surrogates) becomes U+FFFD so the reader can see that
something was there; bidi embeddings/overrides/isolates and marks are dropped. Zero-width
joiners/spaces are kept: they cannot move or hide other text and some scripts need them.
Standard library only: this runs on the fast `casefile lookup` path.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

# Whole escape sequences, 7-bit (ESC-introduced) and 8-bit (C1-introduced) forms.
# String sequences (OSC, DCS, SOS, PM, APC) end at BEL or ST. A malformed CSI or an
# unterminated string is left for the control-character pass, which turns its ESC into
# U+FFFD and so shows the reader that something was there.
_ESCAPES = re.compile(
    r"""
      (?:\x1b\[|\x9b) [\x30-\x3f]* [\x20-\x2f]* [\x40-\x7e]          # CSI
    | (?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f]) [^\x07\x1b\x9c]* (?:\x07|\x1b\\|\x9c)  # OSC...
    | \x1b [\x20-\x2f]* [\x30-\x4f\x51-\x57\x59\x5a\x5c\x60-\x7e]     # other ESC sequences
    """,
    re.VERBOSE,
)

_BIDI = (
    "\u061c\u200e\u200f"
    + "".join(map(chr, range(0x202A, 0x202F)))
    + "".join(map(chr, range(0x2066, 0x206A)))
)


def _control_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), *range(0xD800, 0xE000)]:
        table[cp] = REPLACEMENT
    del table[ord("\n")], table[ord("\t")]
    for ch in _BIDI:
        table[ord(ch)] = None
    return table


_TABLE = _control_table()
_WS = re.compile(r"\s+")


def inert(s: str) -> str:
    """`s` with escape sequences removed, controls replaced by U+FFFD, bidi controls dropped.

    A CRLF pair becomes a plain newline (a lone CR could overwrite a printed line).
    """
    s = _ESCAPES.sub("", s)
    if "\r" in s:
        s = s.replace("\r\n", "\n")
    return s.translate(_TABLE)


def flatten(s: str) -> str:
    """`inert(s)` with every whitespace run (newlines too) collapsed to one space.

    Not stripped, so pieces of one sentence can be flattened separately and joined.
    """
    return _WS.sub(" ", inert(s))


def one_line(s: str) -> str:
    """`inert(s)` on a single line: whitespace runs collapsed, ends stripped."""
    return flatten(s).strip()
