"""Text as name matching should see it, and the way back to the text as written.

A zero-width space inside "Rus\u200btam", a soft hyphen, or a right-to-left override around
a name hides it from the model and the rules, though a reader sees the name. `view` drops
such invisible format characters and blanks stray control characters (same length, so
words stay apart); extraction runs on the view; `remap` moves every offset back onto the
original text. A span keeps whatever invisible characters lie inside it, exactly as in
the document, so `text[start:end] == span.text` still holds.

Use (in `extract.extract` / `extract_many`):

    seen = invisible.view_document(doc)
    if seen is None:                       # nothing invisible: the usual path
        return extract_parsed(doc, nlp(doc.text), model)
    vdoc, index = seen
    return invisible.remap(extract_parsed(vdoc, nlp(vdoc.text), model), index, doc.text)
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from casefile.model import Document, Extraction

# Characters with no width that change nothing a reader sees in a name: soft hyphen,
# Arabic letter mark, Mongolian vowel separator, zero-width space/non-joiner/joiner,
# LRM/RLM, bidi embeddings and overrides, word joiner and invisible operators, bidi
# isolates, and the BOM / zero-width no-break space.
GONE = (
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\ufeff"
)
# Controls other than tab and line breaks (C0, DEL, C1): blanked, not dropped, so
# "Karimov\x00was" stays two words.
BLANK = "".join(
    chr(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if chr(c) not in "\t\n\r\f\v"
)

_GONE_RE = re.compile(f"[{re.escape(GONE)}]+")
_ANY = re.compile(f"[{re.escape(GONE + BLANK)}]")
_BLANK_TABLE = str.maketrans(dict.fromkeys(BLANK, " "))


def view(text: str) -> tuple[str, list[int]] | None:
    """(view, index), index[i] being the offset in `text` of the view's character i (plus
    one entry for the end); None when `text` has nothing to hide."""
    if not _ANY.search(text):
        return None
    pieces: list[str] = []
    index: list[int] = []
    at = 0
    for m in _GONE_RE.finditer(text):
        pieces.append(text[at : m.start()])
        index.extend(range(at, m.start()))
        at = m.end()
    pieces.append(text[at:])
    index.extend(range(at, len(text)))
    index.append(len(text))
    return "".join(pieces).translate(_BLANK_TABLE), index


def view_document(doc: Document) -> tuple[Document, list[int]] | None:
    """`doc` with its text seen through `view` (body_start moved with it), and the index."""
    seen = view(doc.text)
    if seen is None:
        return None
    text, index = seen
    body = bisect.bisect_left(index, doc.body_start)
    return dataclasses.replace(doc, text=text, body_start=body), index


class _Map:
    def __init__(self, index: list[int]) -> None:
        self.index = index

    def start(self, a: int) -> int:
        return self.index[a]

    def end(self, b: int) -> int:
        # just after the last visible character: invisible ones that trail a span stay out
        return self.index[b - 1] + 1 if b > 0 else self.index[0]

    def span(self, a: int, b: int) -> tuple[int, int]:
        return (self.start(a), self.end(b)) if b > a else (self.start(a), self.start(a))


def remap(ex: Extraction, index: list[int], text: str) -> Extraction:
    """`ex`, found in the view, with every offset and span text moved onto `text`."""
    m = _Map(index)
    for x in [*ex.mentions, *ex.dates, *ex.claims]:
        x.start, x.end = m.span(x.start, x.end)
        x.text = text[x.start : x.end]
    for c in ex.claims:
        c.sentence = m.span(*c.sentence)
    for y in [*ex.links, *ex.attributes]:
        y.start, y.end = m.span(y.start, y.end)
    ex.sentences = [m.span(a, b) for a, b in ex.sentences]
    ex.contexts = {m.start(k): (*m.span(a, b), lemmas) for k, (a, b, lemmas) in ex.contexts.items()}
    return ex
