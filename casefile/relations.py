"""Relations stated between two names in one sentence: "X is linked to Y", "X, an ally of Y"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from casefile.model import Span

CUES = [
    ("linked to", r"linked to|tied to|has links to|had links to"),
    ("connected to", r"connected to|connected with"),
    ("associated with", r"associated with|affiliated with|affiliated to"),
    ("member of", r"(?:a |an )?members? of"),
    ("ally of", r"(?:an |a )?all(?:y|ies) of"),
    ("leader of", r"(?:the )?(?:leader|head|chief|founder) of"),
    ("commander of", r"(?:the |a )?commander of"),
    ("spokesman for", r"(?:the )?spokes(?:man|woman|person) (?:for|of)"),
    ("son of", r"(?:the )?son of"),
    ("daughter of", r"(?:the )?daughter of"),
    ("brother of", r"(?:the )?brother of"),
    ("wife of", r"(?:the )?wife of"),
    ("husband of", r"(?:the )?husband of"),
    ("works for", r"works? for|worked for|employed by"),
]
_CUE = re.compile(
    r"^[\s,]*(?:(?:is|was|are|were|has been|had been|who is|who was|allegedly|directly|"
    r"closely|reportedly|also)\s+)*(?P<cue>" + "|".join(f"(?:{p})" for _, p in CUES) + r")\b",
    re.I,
)
_NAME = {re.compile(rf"^(?:{p})$", re.I): name for name, p in CUES}
MAX_GAP = 60


def find_relations(
    mentions: Iterable[tuple[Span, str]], sentences: list[tuple[int, int]], text: str
) -> list[tuple[str, str, str, Span]]:
    """(source entity, target entity, type, evidence span) for consecutive names in a sentence."""
    ms = sorted(mentions, key=lambda m: m[0].start)
    out = []
    for (a, ea), (b, eb) in zip(ms, ms[1:], strict=False):
        if ea == eb or b.start - a.end > MAX_GAP or not _same_sentence(a, b, sentences):
            continue
        gap = text[a.end : b.start]
        m = _CUE.match(gap)
        if not m:
            continue
        rest = gap[m.end() :]
        if re.search(r"[.;:!?]", rest) or len(rest.split()) > 4:
            continue
        cue = m.group("cue")
        typ = next(n for p, n in _NAME.items() if p.match(cue))
        out.append((ea, eb, typ, Span(a.doc, a.start, b.end, text[a.start : b.end])))
    return out


def _same_sentence(a: Span, b: Span, sentences: list[tuple[int, int]]) -> bool:
    return any(s <= a.start and b.end <= e for s, e in sentences)
