"""Counts of people (killed, wounded, arrested, …) with their bounds, read from the parse.

"more than 90 people were killed" → killed > 90; "killed at least 91 people" → killed >= 91;
"the arrest of 35 individuals" → arrested = 35. The number's phrase is the claim's span.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from casefile.model import RawClaim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# What happened to the people counted, by lemma of the governing word.
WHAT = {
    "kill": "killed",
    "die": "killed",
    "dead": "killed",
    "death": "killed",
    "toll": "killed",
    "wound": "wounded",
    "injure": "wounded",
    "injured": "wounded",
    "hurt": "wounded",
    "injury": "wounded",
    "wounded": "wounded",
    "arrest": "arrested",
    "detain": "arrested",
    "detention": "arrested",
    "capture": "arrested",
    "apprehend": "arrested",
    "arrested": "arrested",
    "kidnap": "abducted",
    "abduct": "abducted",
    "abduction": "abducted",
    "displace": "displaced",
    "evacuate": "evacuated",
    "rescue": "rescued",
    "missing": "missing",
    "execute": "executed",
    "charge": "charged",
    "convict": "convicted",
    "sentence": "sentenced",
}
BOUNDS = [
    (r"more than|over|upwards of|in excess of", ">"),
    (r"at least|no fewer than|no less than|a minimum of", ">="),
    (r"fewer than|less than|under", "<"),
    (r"up to|as many as|at most|no more than", "<="),
    (r"about|around|nearly|almost|roughly|approximately|some|an estimated|close to|about", "~"),
]
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBER_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
    }
)


def parse_count(phrase: str) -> tuple[int, str] | None:
    """'more than 90' -> (90, '>'); 'Three' -> (3, '='); vague ('thousands') -> None."""
    p = phrase.strip().lower()
    bound = "="
    for pat, b in BOUNDS:
        m = re.match(rf"(?:{pat})\s+", p)
        if m:
            bound, p = b, p[m.end() :]
            break
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+)", p)
    if m:
        return int(m.group(1).replace(",", "")), bound
    if p in NUMBER_WORDS:
        return NUMBER_WORDS[p], bound
    tens, _, unit = p.partition("-")  # "twenty-one", "Thirty-five"
    if unit and tens in NUMBER_WORDS and unit in NUMBER_WORDS and NUMBER_WORDS[tens] >= 20:
        return NUMBER_WORDS[tens] + NUMBER_WORDS[unit], bound
    return None


def find_claims(sdoc: Doc, sentences: list[tuple[int, int]]) -> list[RawClaim]:
    starts = [s for s, _ in sentences]
    out = []
    for ent in sdoc.ents:
        if ent.label_ != "CARDINAL":
            continue
        parsed = parse_count(ent.text)
        if parsed is None:
            continue
        what = _what(ent.root)
        if what is None:
            continue
        i = bisect.bisect_right(starts, ent.start_char) - 1
        sent = sentences[i] if i >= 0 else (ent.sent.start_char, ent.sent.end_char)
        number, bound = parsed
        out.append(
            RawClaim(ent.start_char, ent.end_char, ent.text, what, number, bound, sent)  # type: ignore[arg-type]
        )
    return out


def _what(num: Token) -> str | None:
    """Climb from the number through its noun to the verb or noun that says what happened."""
    tok = num
    # the counted noun: "90 people", "35 individuals", "50 others"
    if tok.dep_ == "nummod" or tok.dep_ == "quantmod":
        tok = tok.head
    for _ in range(3):
        head = tok.head
        lemma = head.lemma_.lower()
        if (
            tok.dep_ in ("nsubjpass", "nsubj", "dobj", "pobj", "attr", "appos", "conj")
            and lemma in WHAT
        ):
            return WHAT[lemma]
        if tok.dep_ == "pobj" and head.dep_ == "prep":
            # "the arrest of 35 individuals"
            noun = head.head
            if noun.lemma_.lower() in WHAT:
                return WHAT[noun.lemma_.lower()]
            tok = noun
            continue
        # "rises to 91" after "death toll"
        if tok.dep_ == "pobj" and head.lower_ == "to":
            subj = [c for c in head.head.children if c.dep_ == "nsubj"]
            if subj and subj[0].lemma_.lower() in WHAT:
                return WHAT[subj[0].lemma_.lower()]
        if head is tok:
            break
        tok = head
    return None
