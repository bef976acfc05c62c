"""What the text says about a person: age, nationality or citizenship, role, relatives.

Read from the parse around each mention: appositives ("Nazarov, 34, a logistics
specialist"), modifiers ("the 35-year-old"), titles before the name ("Syrian President"),
copulas ("Nazarov is a Tajik national") and kin ("and his sons"). Each value keeps the
span that says it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from casefile.model import Attribute, Mention
from casefile.names import TITLES, fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

KIN = frozenset(
    "son sons daughter daughters brother brothers sister sisters father mother wife husband "
    "widow uncle nephew niece cousin cousins grandson granddaughter children child".split()
)
ROLE_MAX_TOKENS = 14
_AGE_IN_BRACKETS = re.compile(r"[ \t]?\((\d{1,3})\)")
_CITIZEN = re.compile(r"\b(?:citizen|national|native|resident)s? of\b", re.I)


def sentence_bounds(sdoc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indices of each token's sentence; `Span.sent` rescans the document."""
    bounds: list[tuple[int, int]] = [(0, 0)] * len(sdoc)
    for s in sdoc.sents:
        for i in range(s.start, s.end):
            bounds[i] = (s.start, s.end)
    return bounds


def find_attributes(
    sdoc: Doc,
    mentions: list[Mention],
    bounds: list[tuple[int, int]] | None = None,
    text: str | None = None,
) -> list[Attribute]:
    """`text`: the text the model parsed, if the caller has it (`Doc.text` joins every
    token: read it once, or not at all)."""
    bounds = bounds if bounds is not None else sentence_bounds(sdoc)
    text = text if text is not None else sdoc.text
    out: list[Attribute] = []
    seen: set[tuple[int, str, int]] = set()
    for m in mentions:
        if m.kind != "person":
            continue
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        # "K.V. (35)", "Nazarov (34)": the age in brackets right after the name is his; the
        # parse of a list of such names may hang a neighbour's age on him
        found = _about(sdoc, span, bounds[span.start][1])
        if (own := _AGE_IN_BRACKETS.match(text, m.end)) and _age(own.group(1)):
            found = [("age", own.start(1), own.end(1))] + [f for f in found if f[0] != "age"]
        for typ, a, b in found:
            key = (m.local, typ, a)
            if key in seen or b <= a or "\n" in text[a:b]:  # a value stays on its line
                continue
            seen.add(key)
            out.append(Attribute(m.local, typ, text[a:b], a, b))  # type: ignore[arg-type]
    return out


def _about(sdoc: Doc, span: Span, sent_end: int) -> list[tuple[str, int, int]]:
    head = span.root
    found: list[tuple[str, int, int]] = []
    found += _title_before(sdoc, span)
    for child in head.children:
        if child.i in range(span.start, span.end):
            continue
        if child.dep_ == "appos":
            found += _described(sdoc, child)
        elif child.dep_ == "amod":
            found += _age_modifier(child)
    # "Nazarov is a Tajik national": the subject's attribute through the copula
    if head.dep_ == "nsubj" and head.head.lemma_ == "be":
        for attr in head.head.children:
            # "is a Tajik national", "was the leader"; not "had been part of the response"
            if attr.dep_ == "attr" and any(c.dep_ == "det" for c in attr.children):
                found += _described(sdoc, attr)
    found += _kin_after(sdoc, span, sent_end)
    return found


def _described(sdoc: Doc, tok: Token) -> list[tuple[str, int, int]]:
    """An appositive or attribute: an age, a nationality, or a role."""
    if tok.like_num:
        return [("age", tok.idx, tok.idx + len(tok))] if _age(tok.text) else []
    if tok.pos_ == "PROPN" or tok.ent_type_:
        return []  # another name in apposition, not a description
    sub = [t for t in tok.subtree]
    sub = sub[: ROLE_MAX_TOKENS + 1]
    phrase = sdoc[sub[0].i : sub[-1].i + 1]
    text = phrase.text
    out = []
    m = _CITIZEN.search(text)
    if m:
        place = next(
            (
                e
                for e in sdoc.ents
                if e.label_ == "GPE" and e.start >= phrase.start and e.end <= phrase.end
            ),
            None,
        )
        if place is not None:
            out.append(("nationality", place.start_char, place.end_char))
    for t in phrase:
        demonym = t.ent_type_ == "NORP" or (
            t.ent_type_ == "PERSON" and tok.lemma_ in ("national", "citizen", "native")
        )
        if demonym and t.head == tok and t.dep_ in ("amod", "compound"):
            out.append(("nationality", t.idx, t.idx + len(t)))
    if tok.lemma_ not in ("national", "citizen", "native", "resident") and len(phrase):
        start = next((t for t in phrase if t.dep_ != "det" and t.tag_ != "PRP$"), phrase[0])
        end = phrase[-1]
        while end.i > start.i and end.text in ",;:.-–—":
            end = sdoc[end.i - 1]
        if len(sub) <= ROLE_MAX_TOKENS:
            out.append(("role", start.idx, end.idx + len(end)))
    return out


def _age(s: str) -> bool:
    return s.isdigit() and 1 <= int(s) <= 120


def _age_modifier(tok: Token) -> list[tuple[str, int, int]]:
    """'the 35-year-old Nazarov', 'Volkov, aged 51,'."""
    for t in tok.subtree:
        if t.like_num and _age(t.text):
            return [("age", t.idx, t.idx + len(t))]
    return []


def _title_before(sdoc: Doc, span: Span) -> list[tuple[str, int, int]]:
    """'Syrian President Bashar al-Assad', 'Ambassador Lena Fischer': the role before the name."""
    i = span.start - 1
    first = None
    while i >= 0:
        t = sdoc[i]
        if t.is_title and (fold(t.text) in TITLES or t.ent_type_ == "NORP" and first is not None):
            first = t
            i -= 1
            continue
        break
    if first is None:
        return []
    last = sdoc[span.start - 1]
    return [("role", first.idx, last.idx + len(last))]


def _kin_after(sdoc: Doc, span: Span, sent_end: int) -> list[tuple[str, int, int]]:
    """'Karim Haddad … and his sons': relatives named by the person's possessive."""
    out = []
    for i in range(span.end, min(sent_end, span.end + 12) - 1):
        t, nxt = sdoc[i], sdoc[i + 1]
        if t.ent_type_ == "PERSON":
            break  # the kin belong to the nearer person
        if t.lower_ in ("his", "her") and nxt.lower_ in KIN:
            out.append(("relative", t.idx, nxt.idx + len(nxt)))
            break
    return out
