"""Cross-document resolution: which local entities (one per document) are the same entity.

Candidate pairs come from blocking keys (consonant skeletons of name tokens, place and
organization keys, acronyms), never from all pairs, so the work grows with the number of
names, not its square. Each pair is scored name against name (aliases against aliases),
token by token, and every link records its score and reasons.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from casefile import places
from casefile.model import Attribute, Extraction, Kind, Link, Mention, Span
from casefile.names import (
    PARTICLES,
    core_tokens,
    fold,
    is_kunya,
    skeleton,
    token_match,
    tokens,
)

MERGE_AT = 0.85  # below this a pair is kept as "possible same", not merged
POSSIBLE_AT = 0.6
MAX_BLOCK = 200  # a blocking key shared by more names than this says too little to compare
_ADJECTIVE = re.compile(r"(?:an|ian|ese|ish|ic|ical|i)$")  # demonyms and -ic adjectives
_ORG_STOP = {"of", "the", "and", "for", "in", "on", "group", "&"}


@dataclass
class Local:
    """The mentions of one entity within one document."""

    doc: str
    local: int
    kind: Kind
    mentions: list[Mention]
    order: int  # document order, for stable choices
    links: list[Link] = field(default_factory=list)  # why these mentions are one, in this document
    attributes: list[Attribute] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, int]:
        return (self.doc, self.local)

    def names(self, roles: tuple[str, ...] = ("name", "aka", "acronym", "short")) -> list[str]:
        seen: dict[str, str] = {}
        for m in self.mentions:
            if m.role in roles:
                seen.setdefault(fold(m.text), m.text)
        return list(seen.values())


@dataclass
class Match:
    score: float
    a: str
    b: str
    reasons: list[str]


@dataclass
class Cluster:
    locals: list[Local]
    merges: list[dict] = field(default_factory=list)
    possible: list[dict] = field(default_factory=list)


def locals_of(extractions: list[Extraction]) -> list[Local]:
    out = []
    for order, ex in enumerate(extractions):
        groups: dict[int, list[Mention]] = defaultdict(list)
        for m in ex.mentions:
            groups[m.local].append(m)
        links: dict[int, list[Link]] = defaultdict(list)
        for x in ex.links:
            links[x.local].append(x)
        attrs: dict[int, list[Attribute]] = defaultdict(list)
        for at in ex.attributes:
            attrs[at.local].append(at)
        for local, ms in sorted(groups.items()):
            kinds = [m.kind for m in ms]
            kind = max(set(kinds), key=lambda k: (kinds.count(k), k))
            out.append(Local(ex.doc, local, kind, ms, order, links[local], attrs[local]))
    return out


# ---------------------------------------------------------------- blocking


def _block_keys(loc: Local) -> set[str]:
    keys = set()
    for n in loc.names():
        if loc.kind == "place":
            keys.add("p:" + places.key(places.canonical(n) or n))
        elif loc.kind == "organization":
            keys.add("o:" + places.key(n))
            letters = re.sub(r"[^A-Z]", "", n)
            if len(n) <= 10 and letters == re.sub(r"[^A-Za-z]", "", n):
                keys.add("a:" + letters)  # an acronym
            else:
                words = [w for w in re.split(r"[\s\-]+", n) if w[:1].isupper()]
                if len(words) >= 2:
                    keys.add("a:" + "".join(w[0] for w in words))
            for t in _org_tokens(n):
                keys.add("ot:" + t)
        else:
            for t in core_tokens(n):
                if len(t) > 1:
                    keys.add("s:" + skeleton(t))
    return keys


def candidate_pairs(locs: list[Local]) -> set[tuple[int, int]]:
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, loc in enumerate(locs):
        for k in _block_keys(loc):
            blocks[(loc.kind, k)].append(i)
    pairs = set()
    for members in blocks.values():
        if len(members) > MAX_BLOCK:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if locs[i].doc != locs[j].doc:
                    pairs.add((i, j))
    return pairs


# ---------------------------------------------------------------- scoring


# Romanisations of one Cyrillic initial: "Yuldashev D.B." is Dzhasur, written Jasur elsewhere.
_INITIAL_FORMS = {
    "d": "dj",
    "j": "jdy",
    "k": "kqh",
    "q": "qk",
    "h": "hkg",
    "g": "gh",
    "e": "eiy",
    "y": "yeij",
    "i": "iy",
    "u": "uy",
    "c": "ck",
    "z": "zj",
}


def _initials_form(name: str) -> tuple[str, list[str]] | None:
    """'Yuldashev B.T.' or 'B.T. Yuldashev' or 'B. Yuldashev' → ('yuldashev', ['b', 't'])."""
    words = name.replace(".", ". ").split()
    initial = re.compile(r"[A-Z]\.?|[A-Z][a-z]\.")  # "B.", "B", "Kh."
    initials = [w.rstrip(".").lower() for w in words if initial.fullmatch(w)]
    rest = [w for w in words if not initial.fullmatch(w)]
    if not initials or len(rest) != 1:
        return None
    core = core_tokens(rest[0])
    return (core[-1], initials) if core else None


def _initials_match(a: str, b: str) -> Match | None:
    """'Yuldashev B.T.' ~ 'Bakhtiyor Yuldashev': the surname, and the first initial."""
    ia, ib = _initials_form(a), _initials_form(b)
    if (ia is None) == (ib is None):
        return None
    (sur, inits), full = (ia, b) if ia else (ib, a)  # type: ignore[misc]
    core = core_tokens(full)
    if len(core) < 2:
        return None
    last = token_match(sur, core[-1])
    first = core[0][0]
    if last is None or first not in _INITIAL_FORMS.get(inits[0][0], inits[0][0]):
        return None
    why = [last.why, f"initial {inits[0].capitalize()}. for {core[0]}"]
    return Match(round(min(last.score, 0.95) - 0.07, 3), a, b, why)


@functools.lru_cache(maxsize=1 << 16)
def person_names_match(a: str, b: str) -> Match | None:
    """Align two personal names token by token; None if some token cannot be aligned."""
    if m := _initials_match(a, b):
        return m
    ta, tb = core_tokens(a), core_tokens(b)
    m = _tokens_match(a, b, ta, tb)
    if m is None and sorted((len(ta), len(tb))) == [1, 2] and not is_kunya(a) and not is_kunya(b):
        # "Sherzaman" ~ "Sher Zaman": one name written as one word or two
        one, two = (ta, tb) if len(ta) == 1 else (tb, ta)
        t = token_match(one[0], "".join(two))
        if t and t.score >= 0.85 and len(one[0]) >= 7:
            return Match(round(t.score - 0.05, 3), a, b, [f"{t.why} (written as one word)"])
    if m is None and len(ta) != len(tb) and min(len(ta), len(tb)) >= 2:
        # "Salem Ba Wazir" ~ "Salem Bawazir": two words of one written as one in the other
        long_, short = (ta, tb) if len(ta) > len(tb) else (tb, ta)
        for i in range(len(long_) - 1):
            joined = long_[:i] + [long_[i] + long_[i + 1]] + long_[i + 2 :]
            m = (
                _tokens_match(a, b, joined, short)
                if long_ is ta
                else _tokens_match(a, b, short, joined)
            )
            if m:
                m.reasons.append(f"'{long_[i]} {long_[i + 1]}' written as one word")
                break
    if m is None and ("-" in a) != ("-" in b):
        # "Mohammad-Reza Gholami" ~ "Mohammadreza Gholami": a hyphenated name written as one
        m = _tokens_match(a, b, _joined(a), _joined(b))
    return m


def _joined(name: str) -> list[str]:
    return core_tokens(re.sub(r"(?<=\w)-(?=[A-Z])", "", name))


def _tokens_match(a: str, b: str, ta: list[str], tb: list[str]) -> Match | None:
    # "Abu Firas" alone is shared by many; "Abu Mohammed al-Tarabulsi" is a full name
    kunya = is_kunya(a) and is_kunya(b) and len(ta) == 1 and len(tb) == 1
    if is_kunya(a) != is_kunya(b) and min(len(ta), len(tb)) < 2:
        return None
    if not kunya and (len(ta) < 2 or len(tb) < 2):
        return None  # a lone surname or given name is never enough across documents
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    matches = _align(short, long_)
    if matches is None:
        return None
    score = sum(m.score for m in matches) / len(matches)
    reasons = [m.why for m in matches]
    missing = len(long_) - len(short)
    if missing:
        score -= 0.05 * missing
        reasons.append(f"{missing} more name part(s) in the longer form")
    if kunya:
        score -= 0.2  # "Abu X" is shared by many: evidence, never proof on its own
        reasons.append("both are kunyas (Abu/Umm …), which many people share")
    return Match(round(score, 3), a, b, reasons)


def _align(short: list[str], long_: list[str]):
    """Match `short` to an ordered subsequence of `long_`, keeping the last tokens aligned."""
    if short[-1:] and long_[-1:]:
        last = token_match(short[-1], long_[-1])
        if last is None:
            return None
    out = []
    j = 0
    for t in short:
        while j < len(long_):
            m = token_match(t, long_[j])
            j += 1
            if m:
                out.append(m)
                break
        else:
            return None
    return out


def _org_tokens(n: str) -> list[str]:
    out = []
    for t in tokens(n):
        if t in _ORG_STOP or t in PARTICLES and len(t) < 3:
            continue
        out.append(t[:-1] if len(t) > 4 and t.endswith("s") else t)
    return out


def org_names_match(a: str, b: str) -> Match | None:
    ka, kb = places.key(a), places.key(b)
    if ka == kb:
        return Match(1.0, a, b, [f"same name: {a}"])
    acr_a = re.sub(r"[^A-Za-z]", "", a)
    acr_b = re.sub(r"[^A-Za-z]", "", b)
    is_acr_a, is_acr_b = acr_a.isupper() and len(a) <= 10, acr_b.isupper() and len(b) <= 10
    if is_acr_a and is_acr_b:
        return Match(0.9, a, b, [f"same acronym {acr_a}"]) if acr_a == acr_b else None
    if is_acr_a != is_acr_b:
        acr, long_ = (acr_a, b) if is_acr_a else (acr_b, a)
        words = [w for w in re.split(r"[\s\-]+", long_) if w[:1].isupper()]
        if len(acr) >= 3 and "".join(w[0] for w in words).upper() == acr:
            return Match(0.88, a, b, [f"{acr} is the initials of '{long_}'"])
        return None
    ta, tb = set(_org_tokens(a)), set(_org_tokens(b))
    small, big = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(small) < 2 or not small <= big:
        return None
    extra = sorted(big - small)
    if not extra:
        return Match(0.95, a, b, ["the same words in another order"])
    # "Iranian Ministry of Intelligence" ~ "Intelligence Ministry"; but a branch
    # ("… Khorasan Province") is another organisation
    if len(extra) == 1 and _ADJECTIVE.search(extra[0]) and not places.canonical(extra[0]):
        why = f"all words of the shorter name in the longer, but for the adjective '{extra[0]}'"
        return Match(0.86, a, b, [why])
    return None


def place_names_match(a: str, b: str) -> Match | None:
    ca, cb = places.canonical(a), places.canonical(b)
    if places.key(ca or a) == places.key(cb or b):
        if fold(a) == fold(b):
            return Match(1.0, a, b, [f"same name: {a}"])
        return Match(0.97, a, b, [f"'{a}' and '{b}' are one place in the gazetteer ({ca})"])
    if ca and cb:
        return None  # two places the gazetteer knows apart
    # a place spelled two ways, at least one unknown to the gazetteer ("Mudiyah" / "Moudiya")
    ta, tb = tokens(a), tokens(b)
    if len(ta) != len(tb) or sum(map(len, ta)) < 5:
        return None
    pairs = [token_match(x, y) for x, y in zip(ta, tb, strict=True)]
    if all(p and p.score >= 0.85 for p in pairs):
        return Match(0.86, a, b, [p.why for p in pairs if p] + ["a spelling the gazetteer lacks"])
    return None


def score_pair(x: Local, y: Local) -> Match | None:
    fn = {
        "person": person_names_match,
        "organization": org_names_match,
        "place": place_names_match,
    }[x.kind]
    roles = ("name", "aka", "acronym") if x.kind != "place" else ("name", "aka", "acronym", "short")
    best: Match | None = None
    for a in x.names(roles):
        for b in y.names(roles):
            m = fn(a, b)
            if m and (best is None or m.score > best.score):
                best = m
    return best


# ---------------------------------------------------------------- clustering


def cluster(locs: list[Local]) -> list[Cluster]:
    pairs = candidate_pairs(locs)
    scored = []
    for i, j in pairs:
        if locs[i].kind != locs[j].kind:
            continue
        m = score_pair(locs[i], locs[j])
        if m and m.score >= POSSIBLE_AT:
            scored.append((m.score, i, j, m))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    parent = list(range(len(locs)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(locs))}
    merges: dict[int, list[dict]] = defaultdict(list)
    possible: list[tuple[int, int, Match]] = []

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for score, i, j, m in scored:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        if score < MERGE_AT or not _compatible(locs, members[ri], members[rj]):
            possible.append((i, j, m))
            continue
        parent[rj] = ri
        members[ri] += members.pop(rj)
        merges[ri] += merges.pop(rj, []) + [
            {"a": m.a, "b": m.b, "score": round(score, 3), "reasons": list(m.reasons)}
        ]
    out: dict[int, Cluster] = {}
    for i in range(len(locs)):
        r = find(i)
        out.setdefault(r, Cluster([], merges.get(r, [])))
        out[r].locals.append(locs[i])
    position = {r: n for n, r in enumerate(out)}
    for i, j, m in possible:
        ri, rj = find(i), find(j)
        if ri != rj:
            rec = {"a": m.a, "b": m.b, "score": round(m.score, 3), "reasons": list(m.reasons)}
            out[ri].possible.append({"other": position[rj], **rec})
            out[rj].possible.append({"other": position[ri], **rec})
    return list(out.values())


def _compatible(locs: list[Local], a: list[int], b: list[int]) -> bool:
    """Father and son: two full names with one surname and different given names, neither
    of which the other cluster knows under any of its names, are two people."""
    if locs[a[0]].kind != "person":
        return True
    names_a = {n for i in a for n in locs[i].names()}
    names_b = {n for i in b for n in locs[i].names()}
    full_a = [n for n in names_a if len(core_tokens(n)) >= 2 or _initials_form(n)]
    full_b = [n for n in names_b if len(core_tokens(n)) >= 2 or _initials_form(n)]
    for x in full_a:
        for y in full_b:
            if person_names_match(x, y) or not _same_surname(x, y):
                continue
            if not any(person_names_match(x, n) for n in names_b) and not any(
                person_names_match(y, n) for n in names_a
            ):
                return False
    return True


def _surname_of(name: str) -> str:
    initials = _initials_form(name)
    if initials:
        return initials[0]
    core = core_tokens(name)
    return core[-1] if core else ""


def _same_surname(x: str, y: str) -> bool:
    sx, sy = _surname_of(x), _surname_of(y)
    return bool(sx and sy and token_match(sx, sy))


# ---------------------------------------------------------------- entities


def entity_id(kind: str, first: Span) -> str:
    h = hashlib.sha1(f"{kind}|{first.doc}|{first.start}".encode()).hexdigest()[:10]
    return f"e-{h}"


def canonical_name(c: Cluster) -> str:
    """The full name most documents use, then the longest; kunyas and acronyms only if alone."""
    counts: dict[str, list] = {}
    for loc in c.locals:
        for m in loc.mentions:
            if m.role != "name":
                continue
            k = fold(m.text)
            rec = counts.setdefault(k, [m.text, set(), 0, loc.order, m.start])
            rec[1].add(loc.doc)
            rec[2] += 1
    if not counts:
        m = c.locals[0].mentions[0]
        return m.text
    kind = c.locals[0].kind

    def rank(rec: list) -> tuple:
        text, docs, n, order, start = rec
        if kind == "place":
            return (
                bool(places.canonical(text)) and places.canonical(text) == text,
                len(docs),
                n,
                -order,
                -start,
            )
        clean = fold(text) == text.casefold()  # no invisible characters inside
        if kind == "person":
            words = [t for t in core_tokens(text) if len(t) > 1]  # initials are not names
            full = len(words) >= 2 and not is_kunya(text)
            return (full, clean, len(docs), len(words), n, -order, -start)
        return (True, clean, len(docs), len(text), n, -order, -start)

    best = max(counts.values(), key=rank)
    return best[0]
