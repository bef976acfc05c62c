"""Mandarin names in Wade-Giles and in pinyin: "Tseng Chih-wei" is "Zeng Zhiwei".

Taiwanese papers and older wires write Mandarin names in Wade-Giles, the given name's two
syllables hyphenated ("Hsieh Kuo-liang"); mainland usage and most wires write pinyin, the given
name joined ("Xie Guoliang"). The two systems map onto each other syllable by syllable by a
public table of rules: this module reads a name's syllables in either system and gives each
the form both agree on. The apostrophe that marks Wade-Giles aspiration is dropped by news
English, so the form keeps unaspirated and aspirated initials together (p / b, t / d, k / g,
ch / zh / j / q, ts / z / c).
"""

from __future__ import annotations

import re
from functools import lru_cache

from casefile.names import fold

# initials of both systems, longest first (Wade-Giles hs, ts, tz, ss, sz; pinyin zh, x, q …)
_INITIALS = "ch zh sh hs ts tz ss sz b p m f d t n l g k h j q x r z c s y w".split()
# finals of both systems, longest first (Wade-Giles ieh, ien, ung, ih, erh …)
_FINALS = sorted(
    (
        "iang iong uang iung ueng iao ian ien ieh uai uan ing ang eng ong ung erh uei iou "
        "ai ei ao ou an en in un ia ie iu ua uo ui ue ih eh er a o e i u"
    ).split(),
    key=len,
    reverse=True,
)
_SYLLABLE = re.compile(
    "(" + "|".join(sorted(_INITIALS, key=len, reverse=True)) + ")?(" + "|".join(_FINALS) + ")"
)
# the initial as both systems hear it, aspiration set aside
_INITIAL_FORM = {
    "b": "p", "p": "p", "d": "t", "t": "t", "g": "k", "k": "k",
    "z": "ts", "c": "ts", "ts": "ts", "tz": "ts",
    "zh": "ch", "ch": "ch", "j": "ch", "q": "ch",
    "x": "x", "hs": "x", "s": "s", "ss": "s", "sz": "s",
}  # fmt: skip
# Wade-Giles finals as pinyin writes them ("ung" / "ong", "ien" / "ian"; a final h dropped)
_FINAL_FORM = {"ung": "ong", "iung": "iong", "ien": "ian", "uei": "ui", "iou": "iu", "o": "e"}


def _form(initial: str, final: str) -> str:
    if final.endswith("h"):
        final = final[:-1]  # chih / zhi, hsieh / xie, teh / de, erh / er
    final = _FINAL_FORM.get(final, final)
    if initial == "j" and not final.startswith(("i", "u")):
        initial = "r"  # Wade-Giles j is pinyin r: jen / ren, jih / ri
    if initial == "y" and final == "en":
        final = "an"  # yen / yan
    return _INITIAL_FORM.get(initial, initial) + final


@lru_cache(maxsize=1 << 14)
def syllables(word: str) -> tuple[str, ...] | None:
    """The agreed forms of the Mandarin syllables `word` is made of (the fewest that cover
    it: "guoliang" is guo-liang, not gu-o-li-ang), or None if it is no run of syllables."""
    best: list[tuple[str, ...] | None] = [None] * (len(word) + 1)
    best[0] = ()
    for i in range(len(word)):
        if best[i] is None:
            continue
        for j in range(i + 1, min(len(word), i + 6) + 1):
            m = _SYLLABLE.fullmatch(word, i, j)
            if m is None:
                continue
            cand = (*best[i], _form(m.group(1) or "", m.group(2)))  # type: ignore[misc]
            if best[j] is None or len(cand) < len(best[j]):  # type: ignore[arg-type]
                best[j] = cand
    return best[len(word)]


def name_forms(name: str) -> list[tuple[str, ...]] | None:
    """Each word of `name` as its syllables' agreed forms (a hyphenated given name is one
    word: "Chih-wei"), or None if some word is no Mandarin."""
    out = []
    for word in fold(name).split():
        parts = [syllables(p) for p in word.split("-")]
        if any(p is None or "-" in word and len(p) != 1 for p in parts):
            return None  # (each part of a hyphenated name is one syllable)
        out.append(tuple(s for p in parts if p for s in p))
    return out


def same_name(a: str, b: str) -> bool:
    """One Mandarin name, family name and given name, written in Wade-Giles ("Teng Ping-yuan",
    the given name hyphenated) on one side and in pinyin ("Deng Pingyuan") on the other, in
    either order of family and given name."""
    if ("-" in a) == ("-" in b):
        return False  # one system each: a hyphenated given name against a joined one
    fa, fb = name_forms(a), name_forms(b)
    if not fa or not fb or len(fa) != 2 or len(fb) != 2:
        return False
    if max(len(w) for w in fa) < 2:
        return False  # a given name of two syllables at least ("Li Na" is anyone's)
    return fa in (fb, fb[::-1])
