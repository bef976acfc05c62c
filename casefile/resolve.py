"""Cross-document resolution: which local entities (one per document) are the same entity.

Candidate pairs come from blocking keys (consonant skeletons of name tokens, place and
organization keys, acronyms), never from all pairs, so the work grows with the number of
names, not its square. Each pair is scored name against name (aliases against aliases),
token by token, and every link records its score and reasons.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from casefile import places
from casefile.judgements import Plan
from casefile.mandarin import name_forms
from casefile.matching import (  # noqa: F401  (re-exported for callers)
    _CANTONESE_GIVEN,
    MERGE_AT,
    ROTATED,
    Match,
    _english_and_chinese,
    _generations_differ,
    _initial_fits,
    _initials_form,
    given_first,
    person_names_match,
    spanish_style,
)
from casefile.model import Attribute, Extraction, Kind, Link, Mention, Span
from casefile.names import (
    COMPOUND_HEADS,
    INITIALS_ONLY,
    NAME_PREFIXES,
    PARTICLES,
    core_tokens,
    fold,
    generation,
    given_names,
    is_kunya,
    kunya_opener,
    spelling_keys,
    surname,
    token_match,
    tokens,
)

POSSIBLE_AT = 0.6
_INITIAL_KEYS = {"k": "kq", "q": "qk", "j": "jdy", "d": "dj", "c": "ck"}  # "B.Q." for Bekir Kaya
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
class Cluster:
    locals: list[Local]
    merges: list[dict] = field(default_factory=list)
    possible: list[dict] = field(default_factory=list)
    # set by a person's judgements: the name and kind they gave, the aliases they added
    name: str | None = None
    kind: Kind | None = None
    hand_aliases: list[dict] = field(default_factory=list)


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
            keys.add("p:" + places.key(places.place_name(n) or n))
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
            core = core_tokens(n)
            for t in core:
                if len(t) > 1:
                    keys |= {"s:" + k for k in spelling_keys(t)}
            for x, y in zip(core, core[1:], strict=False):  # "Bako-Zami" / "Bakozami"
                keys |= {"s:" + k for k in spelling_keys(x + y)}
            if (mandarin := name_forms(n)) is not None and len(mandarin) == 2:
                # "Tseng Chih-wei" / "Zeng Zhiwei": one Mandarin name in either system
                keys.add("m:" + "|".join(sorted("".join(w) for w in mandarin)))
            aged = any(a.type == "age" for a in loc.attributes)  # initials match only with ages
            if aged and _ONLY_INITIALS.fullmatch(n):
                forms = [_INITIAL_KEYS.get(i[0].lower(), i[0].lower()) for i in n.split(".") if i]
                keys |= {"ia:" + "".join(p) for p in itertools.product(*forms)}
            elif aged and len(core) >= 2:
                keys.add("ia:" + "".join(t[0] for t in core))
            if (form := _initials_form(n)) is not None:
                # "Zelimkhan V." and "Vakhaev Z.R.": each initial with the other's first letter
                word, initials = form
                keys |= {f"i:{word[0]}{initials[0][0]}", f"i:{initials[0][0]}{word[0]}"}
    return keys


def candidate_pairs(locs: list[Local], only: list[int] | None = None) -> set[tuple[int, int]]:
    """Pairs of locals (indices into `locs`, or into its subset `only`) that share a
    blocking key, from different documents."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in range(len(locs)) if only is None else only:
        loc = locs[i]
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
    if extra in (["force"], ["movement"], ["militia"]):
        # "the Security Zone" ~ "the Security Zone Forces": the head noun is often left off
        return Match(0.86, a, b, [f"all words of the shorter name in the longer, but '{extra[0]}'"])
    return None


def place_names_match(a: str, b: str) -> Match | None:
    ca, cb = places.place_name(a), places.place_name(b)
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


def _roles(kind: str) -> tuple[str, ...]:
    """The mention roles whose names are compared across documents."""
    return ("name", "aka", "acronym") if kind != "place" else ("name", "aka", "acronym", "short")


def score_pair(x: Local, y: Local) -> Match | None:
    fn = {
        "person": person_names_match,
        "organization": org_names_match,
        "place": place_names_match,
    }[x.kind]
    roles = _roles(x.kind)
    best: Match | None = None
    for a in sorted(x.names(roles)):  # sorted: the same names give the same answer
        for b in sorted(y.names(roles)):
            m = fn(a, b)
            if m and (best is None or m.score > best.score):
                best = m
    if x.kind == "person":
        # one name on both sides, or initials and an age: may say more than a weak pair of
        # their nicknames does
        alt = _one_name_match(x, y) or _initials_and_age(x, y) or _initials_and_age(y, x)
        alt = alt or _chain_start_and_alias(x, y)
        alt = alt or _surname_respelled(x, y) or _surname_respelled(y, x)
        alt = alt or _lone_name_is_alias(x, y) or _lone_name_is_alias(y, x)
        if alt and (best is None or alt.score > best.score):
            best = alt
        if best is None or best.score < MERGE_AT:
            best = _weak_name_same_nickname(x, y) or best
    return best


def _lone_name_is_alias(x: Local, y: Local) -> Match | None:
    """A document that calls someone by one word only ("a commander known as Kibogo"), the
    nickname another document gives beside a full name ("Eustache X Y, alias Kibogo"): the
    one word is that man. Four letters at least, and no kunya (many share those)."""
    words = {fold(n) for n in x.names()}
    if len(words) != 1 or " " in (word := next(iter(words))) or len(word) < 4:
        return None
    full = [n for n in y.names(("name",)) if len(core_tokens(n)) >= 2]
    if not full:
        return None
    lone = (core_tokens(word) or [word])[0]  # (a title alone has no core: the word itself)
    for aka in sorted(y.names(("aka",))):
        core = core_tokens(aka)
        if len(core) != 1 or is_kunya(aka):
            continue
        t = token_match(lone, core[0])
        if t is not None and t.score >= 0.9:
            why = f"the one name this document gives, the nickname '{aka}' of '{full[0]}'"
            return Match(0.86, next(iter(x.names())), aka, [t.why, why])
    return None


def _weak_name_same_nickname(x: Local, y: Local) -> Match | None:
    """A weaker form of the name ("Ramiro X Y" / "Jacinto Ramiro X Y") and the same nickname
    on both sides, spelled as each outlet hears it ("El Zancudito" / "El Sancudito"): the two
    together say one man. The names are real names, not kunyas, which many share."""
    if not x.names(("aka",)) or not y.names(("aka",)):
        return None  # (most pairs: nothing to agree on, and no names to compare again)
    names = [
        m
        for a in sorted(x.names(("name",)))
        for b in sorted(y.names(("name",)))
        if not is_kunya(a) and not is_kunya(b) and (m := person_names_match(a, b))
    ]
    best = max(names, key=lambda m: m.score, default=None)
    if best is None or not 0.8 <= best.score < MERGE_AT:
        return None
    agree = _akas_agree(x, y, 0.85)
    return Match(0.88, best.a, best.b, [*best.reasons, agree]) if agree else None


def _surname_respelled(x: Local, y: Local) -> Match | None:
    """'A B Ohanov', "whose name the local press spells Hovanyan" ~ 'A C Hovanyan':
    the text gave one side's surname another spelling, which the other side's full name ends
    with, and the first given names agree."""
    respelled = [n for n in x.names(("aka",)) if len(tokens(n)) == 1 and not is_kunya(n)]
    if not respelled:
        return None
    for a in sorted(x.names(("name",))):
        ta = core_tokens(a)
        if len(ta) < 2:
            continue
        for b in sorted(y.names(("name",))):
            tb = core_tokens(b)
            if len(tb) < 2 or (sb := surname(b)) is None:
                continue
            first = token_match(ta[0], tb[0])
            if first is None or first.score < 0.9:
                continue
            for r in sorted(respelled):
                t = token_match(tokens(r)[0], sb)
                if t is not None and t.score >= 0.9 and token_match(ta[-1], sb) is None:
                    why = f"the other spelling of the surname the text gives, '{r}'"
                    return Match(0.88, a, b, [first.why, t.why, why])
    return None


# (names in the shorter form, in the longer): a given name alone, or given and father's names
_CHAIN_STARTS = frozenset({(2, 3), (1, 2), (1, 3)})


def _chain_start_and_alias(x: Local, y: Local) -> Match | None:
    """'Yusuf Cabdi' alias "Dhuub" ~ 'Yusuf Abdi Guleed' alias "Dhuub": names that begin a
    chain of three (his own and his father's, without the grandfather's, as Somali and Arabic
    names are shortened; or his given name alone, "Sebghatullah, known as Abu Zayyan"), and the
    same nickname or kunya on both sides. Neither alone is enough. Chains of the same length
    that agree but for one name ("Bashir Ahmad Lone" / "Basheer Ahmed Loan", or of two names
    "Hamadou Ndjidda" / "Hamadu Jidda") are read the same way: the kunya speaks for the name
    the transliteration lost."""
    nicknames: list[str | None] = []  # whether the nicknames agree: asked once, if at all
    for a in x.names(("name",)):
        for b in y.names(("name",)):
            short, long_ = sorted(
                (_god_joined(core_tokens(a)), _god_joined(core_tokens(b))), key=len
            )
            if is_kunya(a) or is_kunya(b):
                continue
            if (len(short), len(long_)) in _CHAIN_STARTS:
                given = short
                parts = [token_match(s, t) for s, t in zip(given, long_, strict=False)]
                if not all(p is not None and p.score >= 0.85 for p in parts):
                    continue
                how = f"the first {len(given)} of {len(long_)} names"
            elif len(short) == len(long_) >= 2:
                # one name spelled past recognition (Butt / Bhat, Ndjidda / Jidda): the others
                # must agree, and one of them must be more than "Muhammad"
                every = [token_match(s, t) for s, t in zip(short, long_, strict=True)]
                bad = [k for k, p in enumerate(every) if p is None or p.score < 0.85]
                given = [t for k, t in enumerate(short) if k not in bad]
                if len(bad) != 1 or all(len(g) < 4 or g in NAME_PREFIXES for g in given):
                    continue
                parts = [p for p in every if p is not None and p.score >= 0.85]
                how = f"{len(given)} of {len(long_)} names"
            else:
                continue
            if len(given) == 1 and (len(given[0]) < 5 or given[0] in NAME_PREFIXES):
                continue  # "Ali" or "Muhammad" alone is anyone's
            if not nicknames:
                nicknames.append(_akas_agree(x, y))
            agree = nicknames[0]
            if not agree and (len(short), len(long_)) == (2, 3):
                # "Captain X Y" / "Captain X Y Z": a given and a family name and the same
                # office or rank on both sides
                roles = _roles_of(x) & _roles_of(y)
                agree = f"the same role on both sides ({sorted(roles)[0]})" if roles else None
            if agree:
                why = [p.why for p in parts if p]
                why += [how, agree]
                return Match(0.88, a, b, why)
            if (len(short), len(long_)) == (2, 3) and _nothing_against(x, y, short):
                # a given name and one surname of a Spanish name with two ("Lucia Ferrer" /
                # "Lucia Ferrer Quintana"), or a chain without its last name, when nothing
                # on either side tells them apart
                why = [p.why for p in parts if p]
                why += [how, "no other nickname, role or age on either side"]
                return Match(0.86, a, b, why)
    return None


# "Barqan Ullah" is "Barqanullah": a name ending in God's name, written as two words
_GOD_WORDS = frozenset({"ullah", "ulla", "allah"})


def _god_joined(toks: list[str]) -> list[str]:
    out: list[str] = []
    for t in toks:
        if t in _GOD_WORDS and out and len(out[-1]) >= 3:
            out[-1] += t
        else:
            out.append(t)
    return out


def _nothing_against(x: Local, y: Local, short: list[str]) -> bool:
    """Whether two locals may be one person for all their nicknames, roles and ages say
    (none given, or the same on both sides), and the shorter name is more than one compound
    given name ("Abul Hasan", "Abdul Raheem", "Muhammad Ali")."""
    if short[0] in NAME_PREFIXES | COMPOUND_HEADS or short[0].startswith("abu"):
        return False
    if min(map(len, short)) < 3:
        return False
    if x.names(("aka",)) and y.names(("aka",)) and not _akas_agree(x, y):
        return False
    rx, ry = _roles_of(x), _roles_of(y)
    if rx and ry and not rx & ry and not _role_words(rx) & _role_words(ry):
        return False  # (roles that share a word do not say two men: "sesame trader" twice)
    ax, ay = _ages(x), _ages(y)
    return not (ax and ay and min(abs(p - q) for p in ax for q in ay) > 1)


def _akas_agree(x: Local, y: Local, at: float = 0.9) -> str | None:
    """Why a nickname or kunya of one local is one of the other's, or None (a one-word
    nickname's spellings agree `at` this score)."""
    return next(
        (
            r
            for p in sorted(x.names(("aka",)))
            for q in sorted(y.names(("aka",)))
            if (r := _nicknames_agree(p, q, at))
        ),
        None,
    )


# ranks as news abbreviates them: "Gen. X" in one outlet is "General X" in the next
_RANK_SHORT = {
    "gen": "general",
    "col": "colonel",
    "lt": "lieutenant",
    "capt": "captain",
    "cpt": "captain",
    "maj": "major",
    "sgt": "sergeant",
    "cpl": "corporal",
    "brig": "brigadier",
    "adm": "admiral",
    "cmdr": "commander",
    "supt": "superintendent",
    "insp": "inspector",
    "gov": "governor",
    "sen": "senator",
    "prof": "professor",
}


def _role_words(roles: set[str]) -> set[str]:
    """The words that say what a role is ("trader", "sesame"), not how it is put."""
    stop = _stop_words()
    return {w for r in roles for w in re.findall(r"[a-z]{4,}", r) if w not in stop}


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # (imported once, not per pair)

    return frozenset(STOP_WORDS)


def _roles_of(loc: Local) -> set[str]:
    out = set()
    for a in loc.attributes:
        if a.type == "role":
            f = fold(a.value).rstrip(".")
            out.add(_RANK_SHORT.get(f, f))
    return out


_ONLY_INITIALS = re.compile(INITIALS_ONLY)  # "K.V.", "Zh.R."


def _initials_only(loc: Local) -> list[str] | None:
    """['sh', 't'] for a person the document names by initials only ("Zh.R."), else None."""
    names = loc.names(("name", "short"))
    if len(names) != 1 or not _ONLY_INITIALS.fullmatch(names[0]):
        return None
    return [i.lower() for i in names[0].split(".") if i]


def _ages(loc: Local) -> set[int]:
    return {int(a.value) for a in loc.attributes if a.type == "age" and a.value.isdigit()}


def _initials_and_age(x: Local, y: Local) -> Match | None:
    """A court report names a defendant "B.K. (31)"; another source names "Bekir Kaya (31)":
    the initials fit his name in order and the ages agree (within a year, as sources differ)."""
    initials = _initials_only(x)
    ages_x, ages_y = _ages(x), _ages(y)
    if initials is None or not ages_x or not ages_y or _initials_only(y) is not None:
        return None
    if min(abs(p - q) for p in ages_x for q in ages_y) > 1:
        return None
    written = x.names(("name", "short"))[0]
    for name in sorted(y.names(("name",))):
        core = core_tokens(name)
        if len(core) != len(initials):
            continue
        if all(
            w.startswith(i) if len(i) > 1 else _initial_fits(i, w)
            for i, w in zip(initials, core, strict=True)
        ):
            why = [
                f"the initials {written} fit {name} in order",
                f"the ages agree ({', '.join(map(str, sorted(ages_x)))} / "
                f"{', '.join(map(str, sorted(ages_y)))})",
            ]
            return Match(0.86, written, name, why)
    return None


def _one_name(loc: Local) -> str | None:
    """The name of a person whom the document calls by one word only ("Sutarno, 37,"): no
    fuller name, no initials (a nickname beside it is allowed). None for everyone else."""
    names = loc.names(("name",))
    if len(names) != 1:
        return None
    toks = core_tokens(names[0])
    if len(toks) != 1 or len(names[0].split()) != 1 or len(toks[0]) < 5:
        return None
    return toks[0]


def _one_name_match(x: Local, y: Local) -> Match | None:
    """Two documents that both know a person by the same single name only. A lone surname of
    someone named in full is not enough (that local would carry the full name); a single
    name on both sides, spelled alike, is how one-name people are reported. Where both give
    a nickname too ("Shahrukhzeb alias Totta" / "Shahrukhzaib, alias Tota"), the nicknames
    must agree as well, and then they say more."""
    a, b = _one_name(x), _one_name(y)
    if a is None or b is None:
        return None
    t = token_match(a, b)
    if t is None or t.score < 0.9:
        return None
    why = [t.why, "both documents call this person by this one name only"]
    if x.names(("aka",)) and y.names(("aka",)):
        agree = _akas_agree(x, y)
        if agree is None:
            return None  # two one-name men with different nicknames
        return Match(0.9, x.names(("name",))[0], y.names(("name",))[0], [*why, agree])
    return Match(0.86, x.names(("name",))[0], y.names(("name",))[0], why)


def _nicknames_agree(p: str, q: str, at: float = 0.9) -> str | None:
    """Why two nicknames are one ("Tota" / "Totta"), or None."""
    if m := person_names_match(p, q):
        return "; ".join(m.reasons) + " (the nicknames agree)"
    if len(p.split()) == len(q.split()) == 1 and (t := token_match(fold(p), fold(q))):
        return f"{t.why} (the nicknames agree)" if t.score >= at else None
    # "Qari Shamshir" / "Qari Shamsheer": one word after a title on both sides
    cp, cq = core_tokens(p), core_tokens(q)
    if len(cp) == len(cq) == 1 and len(cp[0]) >= 4 and (t := token_match(cp[0], cq[0])):
        return f"{t.why} (the nicknames agree)" if t.score >= at else None
    return None


# ---------------------------------------------------------------- clustering


def cluster(locs: list[Local], plan: Plan | None = None) -> list[Cluster]:
    """Join locals into entities, best-scoring pairs first.

    A person's judgements (`plan`) come before the machine: "same" pairs are joined first,
    "different" pairs can never end up in one entity, however a chain of merges would lead
    there, and a pair judged different is not offered as "possible same" either.

    At scale most locals repeat a name other documents use in exactly the same spelling
    ("Kabul" in a thousand articles): locals with the same names, one per document, are
    joined as one group before blocking, and only one of them takes part in it; a pair of
    names is scored once however often it recurs. So the work grows with the number of
    distinct names, not of documents.
    """
    names = [tuple(sorted(loc.names(_roles(loc.kind)))) for loc in locs]
    cache: dict[tuple[str, tuple[str, ...], tuple[str, ...]], Match | None] = {}

    def score(i: int, j: int) -> Match | None:
        key = (locs[i].kind, names[i], names[j])
        if key not in cache:
            cache[key] = score_pair(locs[i], locs[j])
        return cache[key]

    parent = list(range(len(locs)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(locs))}
    known: dict[int, set[str]] = {i: set(loc.names()) for i, loc in enumerate(locs)}
    # the names that say who someone is (not nicknames or handles): what tells kin apart
    # (a surface the document also gives as an alias is a nickname wherever it stands: a
    # headline's "Dark X" is no given name and surname)
    real: dict[int, set[str]] = {i: _real_names(loc) for i, loc in enumerate(locs)}
    merges: dict[int, list[dict]] = defaultdict(list)
    # root -> {a local it must never be joined with: the judgement that says so}
    forbid: dict[int, dict[int, str]] = defaultdict(dict)
    possible: list[tuple[int, int, Match]] = []

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def barrier(ri: int, rj: int) -> str | None:
        """The judgement that keeps the entities of roots ri and rj apart, if any."""
        for x, jid in forbid.get(ri, {}).items():
            if find(x) == rj:
                return jid
        return None

    def join(ri: int, rj: int, record: dict | None) -> None:
        parent[rj] = ri
        members[ri] += members.pop(rj)
        known[ri] |= known.pop(rj)
        real[ri] |= real.pop(rj)
        merges[ri] += merges.pop(rj, []) + ([record] if record else [])
        if rj in kin_roots:
            kin_roots.add(ri)
        if rj in forbid:
            forbid[ri].update(forbid.pop(rj))
        if rj in denied:
            denied.setdefault(ri, set()).update(denied.pop(rj))
        if rj in threes:
            by_doc = threes.setdefault(ri, {})
            for doc, ns in threes.pop(rj).items():
                by_doc.setdefault(doc, []).extend(ns)

    def joinable(ri: int, rj: int) -> bool:
        return not barrier(ri, rj) and compatible(ri, rj)

    # locals a document names in full (their full names), and those of them it calls someone's
    # relative ("X, the commander's father"): it keeps them apart from the kin beside them
    full_of: dict[int, list[tuple[str, str]]] = {}
    for i, loc in enumerate(locs):
        if loc.kind == "person" and (full := _full_names(loc)):
            full_of[i] = full
    kin = {i for i in full_of if any(_KIN_WORD.search(a.value) for a in locs[i].attributes)}
    kin_roots = set(kin)  # the roots whose entity holds such a relative (kept up by `join`)

    # "X Y" in a document that also names "X Y Snr" is not the father, whoever he is elsewhere
    not_gen = _told_from_generation(locs)
    # per root (kept up by `join`): the names with a generation its documents told it from,
    # and its names of three words by document ("X Anselm Y": one document's two middle names
    # are two men)
    denied: dict[int, set[str]] = {i: set(v) for i, v in not_gen.items()}
    threes: dict[int, dict[str, list[str]]] = {
        i: {loc.doc: ns}
        for i, loc in enumerate(locs)
        if loc.kind == "person"
        and (ns := [n for n in loc.names(("name",)) if len(core_tokens(n)) == 3])
    }

    def compatible(ri: int, rj: int) -> bool:
        if not _compatible(locs[ri].kind, real[ri], real[rj], known[ri], known[rj]):
            return False
        if ri in threes and rj in threes and _middles_apart(threes[ri], threes[rj]):
            return False
        for a, b in ((ri, rj), (rj, ri)):
            if (told := denied.get(a)) and any(
                generation(n) == generation(d)
                and (m := person_names_match(n, d))
                and m.score >= MERGE_AT
                for n in real[b]
                if generation(n)
                for d in told
            ):
                return False
        # "the suspect's father, X Y" is not the "Z X Y" another document names: a father's
        # names end his son's
        for a, b in ((ri, rj), (rj, ri)):
            for k in members[a]:
                if k in kin and _ends_a_longer_name(full_of[k], members[b], full_of, known[a]):
                    return False
        # two relatives one document names in full and keeps apart, calling one the other's
        # kin ("Saleh Mohsen Qaid X" and "his father, Mohsen Qaid X"), are not made one by
        # other documents (nothing to check unless one side holds such a relative)
        if ri not in kin_roots and rj not in kin_roots:
            return True
        by_doc: dict[str, list[int]] = defaultdict(list)
        for k in members[ri]:
            if k in full_of:
                by_doc[locs[k].doc].append(k)
        return not any(
            (k in kin or other in kin)
            and _same_surname(x, y)
            # (unless the two names read as one person: extraction missed a short form)
            and not ((m := person_names_match(x, y)) and m.score >= MERGE_AT)
            for k in members[rj]
            if k in full_of
            for other in by_doc.get(locs[k].doc, ())
            for x, _ in full_of[k]
            for y, _ in full_of[other]
        )

    if plan is not None:
        _apply_judged(locs, plan, find, barrier, join, forbid)
    # the same names in many documents: one group, one representative
    groups: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
    for i, loc in enumerate(locs):
        groups[(loc.kind, names[i])].append(i)
    reps: list[int] = []
    for group in groups.values():
        first: dict[str, int] = {}
        for i in group:  # one document's own locals stay apart, as extraction made them
            if locs[i].doc in first:
                reps.append(i)
            else:
                first[locs[i].doc] = i
        lead, *rest = first.values()
        reps.append(lead)
        m = score(lead, lead) if rest else None
        joined = []
        for i in rest:
            ri, rj = find(lead), find(i)
            if ri == rj:
                continue
            if m and m.score >= MERGE_AT and joinable(ri, rj):
                join(ri, rj, None)
                joined.append(i)
            else:
                reps.append(i)  # on its own, then
        if m and joined:  # one record for the group: the same names, n documents
            rec = _record(locs[lead], locs[joined[0]], m)
            rec["reasons"].append(f"the same names in {len(joined) + 1} documents")
            merges[find(lead)].append(rec)
    reps.sort()
    scored = []
    for i, j in candidate_pairs(locs, reps):
        if locs[i].kind != locs[j].kind:
            continue
        m = score(i, j)
        if m and m.score >= POSSIBLE_AT:
            scored.append((m.score, i, j, m))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    both_ways = _docs_writing_names_both_ways(locs) | _docs_turning_names(locs, scored)
    for sc, i, j, m in scored:
        ri, rj = find(i), find(j)
        if ri == rj or barrier(ri, rj):
            continue
        # names in the other order: one person where either document writes names both ways
        turned = m.reasons[-1] == ROTATED and {locs[i].doc, locs[j].doc} & both_ways
        if (sc < MERGE_AT and not turned) or not compatible(ri, rj):
            possible.append((i, j, m))
            continue
        join(ri, rj, _record(locs[i], locs[j], m))
    # a name given alone (a first name, a titled surname, a kunya) joins its one owner; each
    # pass reads the entities the passes before it made
    for lone_pairs in (
        lambda: _lone_given_names(locs, find, members, joinable),
        lambda: _lone_titled_surnames(locs, find, members),
        lambda: _lone_kunyas(locs, find, members),
        lambda: _kunya_only_people(locs, find, members),
    ):
        for i, j, m in lone_pairs():
            if find(i) != find(j) and joinable(find(j), find(i)):
                join(find(j), find(i), _record(locs[i], locs[j], m))
    out: dict[int, Cluster] = {}
    for i in range(len(locs)):
        r = find(i)
        out.setdefault(r, Cluster([], merges.get(r, [])))
        out[r].locals.append(locs[i])
    position = {r: n for n, r in enumerate(out)}
    for i, j, m in possible:
        ri, rj = find(i), find(j)
        if ri != rj and not barrier(ri, rj):
            rec = _record(locs[i], locs[j], m)
            out[ri].possible.append({"other": position[rj], **rec})
            out[rj].possible.append({"other": position[ri], **rec})
    return list(out.values())


def _ends_a_longer_name(
    names: list[tuple[str, str]],
    others: list[int],
    full_of: dict[int, list[tuple[str, str]]],
    known: set[str],
) -> bool:
    """One of `names` is the end of a longer full name of the locals `others`, one that
    adds a given name of its own (not a prefix such as Muhammad) and that the entity of
    `names` (its `known` names) does not bear already."""
    mine = {tuple(core_tokens(n)) for n in known}
    return any(
        len(c) < len(o)
        and o[-len(c) :] == c
        and not set(o[: -len(c)]) <= NAME_PREFIXES
        and tuple(o) not in mine
        # ("Dorian Tseng Chih-wei" is "Tseng Chih-wei" with his English given name before it, and
        # "Chih-wei" alone his Chinese given name, no father's full name)
        and not (len(o) == len(c) + 1 and _english_and_chinese(y, x))
        # ("Ramiro X Y" is "Jacinto Ramiro X Y" without his first given name: a father would
        # bear his own mother's surname, not the son's second one)
        and not (len(o) == 4 and c == o[1:] and spanish_style(y))
        and not (" " not in x.strip() and _CANTONESE_GIVEN.fullmatch(x.strip()))
        for k in others
        for y, _ in full_of.get(k, ())
        for o in [core_tokens(y)]
        for x, _ in names
        for c in [core_tokens(x)]
    )


def _docs_turning_names(locs: list[Local], scored: list[tuple[float, int, int, Match]]) -> set[str]:
    """Documents that write two people or more the other way round from the rest of the case
    ("Nkeng Ngala Brice" and "Nkeng Ngala Ernest" where other outlets write "Brice Ngala
    Nkeng", "Ernest Ngala Nkeng"): an outlet putting family names first, not namesakes."""
    turned: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for _, i, j, m in scored:
        if m.reasons[-1] == ROTATED and locs[i].doc != locs[j].doc:
            turned[locs[i].doc].add((i, j))
            turned[locs[j].doc].add((j, i))
    # (two different people of the document, and two different people elsewhere)
    return {
        doc
        for doc, pairs in turned.items()
        if len({i for i, _ in pairs}) >= 2 and len({j for _, j in pairs}) >= 2
    }


def _docs_writing_names_both_ways(locs: list[Local]) -> set[str]:
    """Documents that name someone both ways round ("Laribi Ferhat (40)" on a court roll,
    "Ferhat Laribi" in the next paragraph): their other reversed names are no namesakes."""
    out = set()
    for loc in locs:
        if loc.kind != "person" or loc.doc in out:
            continue
        names = sorted(set(loc.names(("name",))))
        if any(
            (m := person_names_match(x, y)) is not None and m.reasons[-1] == ROTATED
            for k, x in enumerate(names)
            for y in names[k + 1 :]
        ):
            out.add(loc.doc)
    # … or that put family names first all through: two people or more whom it calls by the
    # first word of their full name alone, and never by the last ("Nsereko Musa", then
    # "Nsereko"), as Ugandan, Hungarian or Chinese usage and court rolls write names
    first_alone: dict[str, int] = {}
    for loc in locs:
        if loc.kind != "person" or loc.doc in out:
            continue
        # (one pass over the mentions: this runs for every local of the case)
        alone: set[str] = set()
        fulls: list[tuple[str, ...]] = []
        for m in loc.mentions:
            if m.role == "short" and len(t := core_tokens(m.text)) == 1:
                alone.add(t[0])
            elif m.role == "name" and len(t := core_tokens(m.text)) >= 2:
                fulls.append(tuple(t))
        if not alone:
            continue
        if fulls and any(t[0] in alone for t in fulls) and not any(t[-1] in alone for t in fulls):
            first_alone[loc.doc] = first_alone.get(loc.doc, 0) + 1
    return out | {doc for doc, n in first_alone.items() if n >= 2}


_KIN_WORD = re.compile(
    r"\b(?:father|mother|sons?|daughters?|brothers?|sisters?|wife|husband|uncle|nephew|"
    r"cousin|grandfather|grandson)\b",
    re.I,
)


def _lone_given(loc: Local) -> str | None:
    """'timur' for a person the document calls by one given name only ("his son Timur"),
    else None (initials, kunyas, datelines in capitals, two-letter words)."""
    word = _lone_word(loc)
    return None if word is None or loc.names(("name", "short"))[0].isupper() else word


def _full_names(loc: Local) -> list[tuple[str, str]]:
    """(name, its given name) for each name of two or more words ("Timur V." included),
    in natural order ("VAKHRAYEV, Timur Doku" gives "timur")."""
    out = []
    for n in loc.names(("name",)):
        if is_kunya(n) or _ONLY_INITIALS.fullmatch(n):
            continue
        core = core_tokens(given_first(n))
        if len(core) >= 2 and len(core[0]) > 1:
            out.append((n, core[0]))
    return out


def _same_family(p: str, f: str) -> str | None:
    """Why the person named `p` looks like a relative of the one named `f`: one surname
    ("Doku Vakhrayev" / "Timur V."), or p's given name as f's second name, as an
    Arabic chain of names carries the father's ("Khalaf Nasser" / "Yazan Khalaf Nassir")."""
    pc, fc = core_tokens(given_first(p)), core_tokens(given_first(f))
    if len(pc) < 2 or len(fc) < 2:
        return None
    if len(fc) == 2 and len(fc[1]) == 1:  # "Timur V.": the surname's initial
        sp = surname(p)
        if sp and _initial_fits(fc[1], sp):
            return f"'{p}', named in the same document, has the surname '{f}' abbreviates"
        return None
    if _same_surname(p, f):
        return f"'{p}', named in the same document, shares the surname of '{f}'"
    if (t := token_match(pc[0], fc[1])) and t.score >= 0.85:
        return f"'{f}' carries the given name of '{p}', named in the same document, second"
    return None


def _lone_given_names(locs, find, members, joinable) -> list[tuple[int, int, Match]]:  # type: ignore[no-untyped-def]
    """A document calls someone by a given name alone ("his sons Timur, 24, and Aslan"),
    and another names him in full. The lone name is joined to the full one when one person
    in the whole case has that given name, no document has both, and the lone name's own
    document names his family (a person sharing the full name's surname, or whose given
    name is its second name) or the ages agree. A lone surname is never enough."""
    by_key: dict[str, set[int]] = defaultdict(set)
    full: dict[int, list[tuple[str, str]]] = {}
    for i, loc in enumerate(locs):
        if names := _full_names(loc):
            full[i] = names
            for _, given in names:
                for k in spelling_keys(given):
                    by_key[k].add(i)
    people_in: dict[str, list[int]] = defaultdict(list)
    for i, loc in enumerate(locs):
        if loc.kind == "person":
            people_in[loc.doc].append(i)
    out = []
    for i, loc in enumerate(locs):
        given = _lone_given(loc)
        if given is None or find(i) != i or any(_lone_given(locs[k]) is None for k in members[i]):
            continue
        near = {j for k in spelling_keys(given) for j in by_key.get(k, ())}
        fits = {
            j
            for j in near
            if any((t := token_match(given, g)) and t.score >= 0.85 for _, g in full[j])
        }
        r = _only_owner(i, fits, locs, find, members)
        if r is None or not joinable(r, i):
            continue  # nobody, more than one person with that given name, or named beside it
        names_r = [n for k in members[r] for n in locs[k].names(("name",))]
        ages_x = set().union(*(_ages(locs[k]) for k in members[i]))
        ages_y = set().union(*(_ages(locs[k]) for k in members[r]))
        if ages_x and ages_y and min(abs(p - q) for p in ages_x for q in ages_y) > 1:
            continue
        why = []
        for k in members[i]:
            for p in people_in[locs[k].doc]:
                if p == k:
                    continue
                for pn in locs[p].names(("name",)):
                    for fn in names_r:
                        if (reason := _same_family(pn, fn)) and reason not in why:
                            why.append(reason)
        if ages_x and ages_y:
            why.append(f"the ages agree ({', '.join(map(str, sorted(ages_x | ages_y)))})")
        if not why:
            continue
        lone = loc.names(("name", "short"))[0]
        first, name = next(
            (k, n) for k in members[r] for n, g in full.get(k, []) if token_match(given, g)
        )
        m = Match(
            MERGE_AT,
            lone,
            name,
            [
                f"'{lone}' alone; '{name}' is the only person in the case with that given name",
                why[0],
            ],
        )
        out.append((i, first, m))
    return out


def _only_owner(i: int, fits, locs, find, members) -> int | None:  # type: ignore[no-untyped-def]
    """The one entity (root) the locals `fits` belong to, if they belong to one, and no
    document of local i's entity has a part of it; else None."""
    roots = {find(j) for j in fits}
    if len(roots) != 1:
        return None
    (r,) = roots
    docs = {locs[k].doc for k in members[i]}
    return None if any(locs[k].doc in docs for k in members[r]) else r


def _lone_titled_surnames(locs, find, members) -> list[tuple[int, int, Match]]:  # type: ignore[no-untyped-def]
    """A document calls someone by a title and a surname (or a one-word nom de guerre) only
    ("before Judge X") and another names him in full. The surname is joined to the full
    name when one person in the whole case has that surname and no document of the lone one
    names him in full.
    Without the title a bare word may be anyone's; with two owners it is ambiguous (a
    father and his sons)."""
    by_key: dict[str, set[int]] = defaultdict(set)
    sur: dict[int, list[tuple[str, str]]] = {}
    for i, loc in enumerate(locs):
        if loc.kind != "person":
            continue
        full = [n for n in loc.names(("name",)) if len(core_tokens(n)) >= 2 and not is_kunya(n)]
        for n in full:
            if s := surname(n):
                sur.setdefault(i, []).append((n, s))
                for k in spelling_keys(s):
                    by_key[k].add(i)
        # a named man's one-word nom de guerre: "Mawlawi X" in another document
        for n in loc.names(("aka",)) if full else ():
            if len(core := core_tokens(n)) == 1 and not is_kunya(n):
                sur.setdefault(i, []).append((n, core[0]))
                for k in spelling_keys(core[0]):
                    by_key[k].add(i)
    out = []
    for i, loc in enumerate(locs):
        lone = _lone_word(loc)
        if lone is None or find(i) != i or any(_lone_word(locs[k]) != lone for k in members[i]):
            continue  # (the same lone word in several documents is one group by now)
        if not any(a.type == "role" for k in members[i] for a in locs[k].attributes):
            continue
        near = {j for k in spelling_keys(lone) for j in by_key.get(k, ())}
        fits = [
            (j, n)
            for j in sorted(near)
            for n, s in sur[j]
            if (t := token_match(lone, s)) and t.score >= 0.9
        ]
        if _only_owner(i, [j for j, _ in fits], locs, find, members) is None:
            continue  # nobody, two people with that surname, or named beside it
        j, name = fits[0]
        written = loc.names(("name", "short"))[0]
        why = [
            f"'{written}' with a title only; '{name}' is the only person in the case with "
            "that surname or nom de guerre"
        ]
        out.append((i, j, Match(MERGE_AT, written, name, why)))
    return out


def _lone_kunyas(locs, find, members) -> list[tuple[int, int, Match]]:  # type: ignore[no-untyped-def]
    """A document calls someone by a kunya only ("Abu Karam was seen there"), and others give
    that kunya to a man they name. The kunya is joined to him when he is the only person in
    the case known by it, even where the lone kunya's own document names him too without
    saying the two are one (outlets often give the name, then the kunya a paragraph on).
    Many share a kunya, so two owners leave it alone."""
    owners: dict[str, set[int]] = defaultdict(set)  # the kunya's word after Abu/Umm -> locals
    named: dict[int, list[str]] = {}
    for j, loc in enumerate(locs):
        if loc.kind != "person" or not any(not is_kunya(n) for n in loc.names(("name",))):
            continue
        kunyas = [n for n in loc.names() if is_kunya(n)]
        if kunyas:
            named[j] = kunyas
            for n in kunyas:
                for k in spelling_keys(_kunya_word(n)):
                    owners[k].add(j)
    out = []
    for i, loc in enumerate(locs):
        if loc.kind != "person" or find(i) != i:
            continue
        names = [n for k in members[i] for n in locs[k].names()]
        # (and a court list's initials beside it: "E.V.M. … under the name "Abu X"", where
        # the man the kunya names must bear those initials)
        initials = [n for n in names if _ONLY_INITIALS.fullmatch(n)]
        own = [n for n in names if n not in initials]
        if not own or not all(is_kunya(n) for n in own):
            continue
        near = {j for n in own for k in spelling_keys(_kunya_word(n)) for j in owners.get(k, ())}
        fits = [
            (j, q)
            for j in sorted(near)
            if find(j) != i  # (not its own initials)
            for q in named[j]
            if any(_same_kunya(p, q) for p in own)
            and all(
                any(person_names_match(x, n) for n in locs[j].names(("name",))) for x in initials
            )
        ]
        if len(roots := {find(j) for j, _ in fits}) != 1:
            continue  # nobody named, two men known by that kunya
        j, kunya = fits[0]
        if _only_owner(i, [j], locs, find, members) is None and _kunyas_apart(
            [q for k in members[roots.pop()] for q in named.get(k, ())]
        ):
            continue  # named beside it, and known by another kunya too: one may be misplaced
        why = [f"'{own[0]}' alone; the only person in the case known as '{kunya}'"]
        out.append((i, j, Match(MERGE_AT, own[0], kunya, why)))
    return out


# a kunya known alone in more documents than this is many men's ("Abu Qutaybah"), not one
_KUNYA_GROUP_MAX = 12


def _kunya_only_people(
    locs: list[Local], find: Callable[[int], int], members: dict[int, list[int]]
) -> list[tuple[int, int, Match]]:
    """Documents that know someone only by a kunya ("a handler who used the name Abu X"),
    and nobody in the case is both named and known by it: the one kunya-only man of each
    document who bears it is one man. Not where a document has two such men, where two
    nisbas in the group differ ("Abu X al-Y" is not "Abu X al-Z"), nor for a kunya so
    common that a dozen documents know it alone."""
    only: dict[int, list[str]] = {}  # root -> its names, kunyas all
    claimed: set[str] = set()  # spelling keys of kunyas borne by named people
    seen: set[int] = set()
    for i, loc in enumerate(locs):
        if loc.kind != "person" or (r := find(i)) in seen:
            continue
        seen.add(r)
        own = [n for k in members[r] for n in locs[k].names() if not _ONLY_INITIALS.fullmatch(n)]
        kunyas = [n for n in own if is_kunya(n)]
        if kunyas and len(kunyas) == len(own):
            only[r] = own
        elif kunyas:
            claimed |= {k for n in kunyas for k in spelling_keys(_kunya_word(n))}
    parent = {r: r for r in only}

    def top(r: int) -> int:
        while parent[r] != r:
            parent[r] = parent[parent[r]]
            r = parent[r]
        return r

    seen_by: dict[str, list[int]] = defaultdict(list)  # spelling key -> roots known by it
    pairs: dict[int, tuple[str, str]] = {}  # root -> (its kunya, the one it was joined to)
    for r in sorted(only):
        keys = {k for n in only[r] for k in spelling_keys(_kunya_word(n))}
        if keys & claimed:
            continue  # a named man bears it: _lone_kunyas decides
        for k in sorted(keys):
            # (a key more roots share than a group may hold is compared no further: the
            # group is too big to join whatever it finds)
            for s in seen_by[k]:
                if top(s) == top(r):
                    continue
                pair = next(((p, q) for p in only[r] for q in only[s] if _same_kunya(p, q)), None)
                if pair:
                    pairs.setdefault(r, pair)
                    parent[top(r)] = top(s)
            if len(seen_by[k]) <= _KUNYA_GROUP_MAX:
                seen_by[k].append(r)
    groups: dict[int, list[int]] = defaultdict(list)
    for r in only:
        groups[top(r)].append(r)
    out = []
    for t, rs in groups.items():
        if len(rs) < 2 or len(rs) > _KUNYA_GROUP_MAX:
            continue
        docs = [d for r in rs for d in {locs[k].doc for k in members[r]}]
        # (a man known by two kunyas has a nisba to each: only one kunya's two are compared)
        nisbas = sorted({(q, n) for r in rs for q in only[r] if (n := _nisba(q))})
        if len(docs) != len(set(docs)) or any(
            _same_kunya(p, q) and ((m := token_match(x, y)) is None or m.score < 0.85)
            for (p, x), (q, y) in itertools.combinations(nisbas, 2)
        ):
            continue  # two such men in one document, or one kunya's two nisbas: left alone
        for r in rs:
            if r != t:
                p, q = pairs.get(r, (only[r][0], only[t][0]))
                why = (
                    f"'{p}' and '{q}': in each document the only man known by that kunya "
                    "alone, and no named man in the case bears it"
                )
                out.append((r, t, Match(MERGE_AT, p, q, [why])))
    return out


_KUNYA_ARTICLE = frozenset("al el ul ad an ar as ash at az".split())


def _kunya_words(name: str) -> list[str]:
    """The words after a kunya's opener, without articles: "Abu al-X al-Hindi" -> [x, hindi]."""
    return [t for t in tokens(name)[1:] if t not in _KUNYA_ARTICLE]


def _kunya_word(name: str) -> str:
    """'fadhiq' of "Abu al-Fadhiq" and of "Abou Fadhiq": the name after the opener."""
    rest = _kunya_words(name)
    return rest[0] if rest else tokens(name)[-1]


def _nisba(name: str) -> str | None:
    """'hindi' of "Abu X al-Hindi": the word after the kunya's name, if any."""
    rest = _kunya_words(name)
    return rest[-1] if len(rest) >= 2 else None


_VOWELS = frozenset("aeiouy")


def _kunyas_apart(kunyas: list[str]) -> bool:
    """Two of `kunyas` are different kunyas ("Abu Karam", "Abu Sinan"), not one spelled two
    ways ("Ebu Zuheyr" / "Abu Zuhair": looser than _same_kunya, which must be strict)."""
    words = sorted({_kunya_word(q) for q in kunyas})
    return any(
        (t := token_match(p, q)) is None or t.score < 0.8
        for p, q in itertools.combinations(words, 2)
    )


def _same_kunya(p: str, q: str) -> bool:
    """'Abou Karam' and 'Abu Karaam al-X': one opener, and the name after it spelled alike
    from its first letter to its last ("Abu Hamid" / "Abu Khamid", "Abu Salam" / "Abu
    Salama", another name, are left to a person)."""
    wp, wq = _kunya_word(p), _kunya_word(q)
    return (
        kunya_opener(p) == kunya_opener(q)
        and wp[:1] == wq[:1]
        and (wp[-1:] in _VOWELS) == (wq[-1:] in _VOWELS)
        and (t := token_match(wp, wq)) is not None
        and t.score >= 0.85
    )


def _lone_word(loc: Local) -> str | None:
    """'kerslake' for a person the document calls by one word only, not a kunya, initials
    or a two-letter word; else None."""
    if loc.kind != "person":
        return None
    names = loc.names(("name", "short"))
    if len(names) != 1 or len(names[0].split()) != 1:
        return None
    if is_kunya(names[0]) or _ONLY_INITIALS.fullmatch(names[0]):
        return None
    core = core_tokens(names[0])
    return core[0] if len(core) == 1 and len(core[0]) >= 3 else None


def _apply_judged(locs, plan, find, barrier, join, forbid) -> None:  # type: ignore[no-untyped-def]
    """The plan's "same" and "different" pairs, oldest first; one that contradicts an
    earlier judgement is reported and left out."""
    at = {loc.key: i for i, loc in enumerate(locs)}
    pairs = [(p, True) for p in plan.must] + [(p, False) for p in plan.cannot]
    pairs.sort(key=lambda x: plan.order(x[0].judgement))
    for p, same in pairs:
        j = p.judgement
        la, lb = plan.local(p.a), plan.local(p.b)
        i, k = at.get(la) if la else None, at.get(lb) if lb else None
        if i is None or k is None:
            plan.report(j, "orphan", "one of its mentions was dismissed")
            continue
        ri, rk = find(i), find(k)
        if same:
            if ri == rk:
                continue  # already one by an earlier judgement: nothing to add
            if jid := barrier(ri, rk):
                plan.report(j, "contradiction", f"contradicts {jid}: judged different")
                continue
            m = score_pair(locs[i], locs[k])
            by = f"by {j.get('who')} on {str(j.get('when'))[:10]}"
            if j.get("op") == "split":  # the parts of one name split out belong together
                reasons = [f"split out together from '{j['a'].get('name')}' {by}"]
            else:
                reasons = [f"judged the same {by}"]
            if j.get("note"):
                reasons.append(f"note: {j['note']}")
            if m:
                reasons += [f"machine: {r}" for r in m.reasons]
            join(
                ri,
                rk,
                {
                    "a": p.spans[0]["text"],
                    "b": p.spans[1]["text"],
                    "score": 1.0,
                    "reasons": reasons,
                    "by": "judgement",
                    "judgement": j["id"],
                    "sources": p.spans,
                },
            )
        else:
            if ri == rk:
                plan.report(j, "contradiction", "an earlier judgement made them the same")
                continue
            forbid[ri][k] = j["id"]
            forbid[rk][i] = j["id"]


def _record(x: Local, y: Local, m: Match) -> dict:
    """A machine merge (or possible pair), with the two mentions it compared."""
    return {
        "a": m.a,
        "b": m.b,
        "score": round(m.score, 3),
        "reasons": list(m.reasons),
        "sources": [_span_named(x, m.a), _span_named(y, m.b)],
    }


def _span_named(loc: Local, name: str) -> dict:
    m = next((m for m in loc.mentions if m.text == name), loc.mentions[0])
    return Span(loc.doc, m.start, m.end, m.text).to_dict()


def _real_names(loc: Local) -> set[str]:
    """The names that say who someone is: not a nickname, wherever the document writes it."""
    akas = {fold(a) for a in loc.names(("aka",))}
    return {n for n in loc.names(("name", "short")) if fold(n) not in akas}


def _compatible(
    kind: str, real_a: set[str], real_b: set[str], names_a: set[str], names_b: set[str]
) -> bool:
    """Father and son: two full names (`real_*`, not nicknames: "Kartol Bars" / "Kurzut Bars"
    are one handle) with one surname and different given names, neither of which the other
    cluster knows under any of its names, are two people."""
    if kind != "person":
        return True
    full_a = _own_full_names(real_a)
    full_b = _own_full_names(real_b)
    shared: list[bool] = []  # whether the two share a full name at all: asked once, if at all
    for x in full_a:
        for y in full_b:
            if _generations_differ(x, y) and _same_surname(x, y):
                return False  # "X Y Sr." and "X Y Jr.": a father and his son
            if person_names_match(x, y) or not _same_surname(x, y) or _same_given(x, y):
                continue
            if not _knows(names_b, x) and not _knows(names_a, y):
                # (but "Uladzimir Zhuravka, also spelt Wladimyr Zhuravko" is one man, whose
                # second spelling is the other side's "Wladimir Zhurawko")
                if not shared:
                    shared.append(any(_one_name_twice(p, q) for p in full_a for q in full_b))
                if not shared[0]:
                    return False
    # "Tolibov D.N." beside "Dilshod Nodirovich" in one entity: the initials are Dilshod's,
    # so they say nothing for a "Dilmurod Tolibov" elsewhere, whose given name is another
    # (the initials may be the name a list gives him, an alias: x runs over all the names)
    for own, every, other in ((real_a, names_a, full_b), (real_b, names_b, full_a)):
        for x in sorted(every):
            if (named := _initials_spelled_out(x, own)) is None:
                continue
            for y in other:
                if (
                    not _initials_form(y)
                    and len(core_tokens(y)) >= 2
                    and _same_surname(x, y)
                    and not _same_given(named, y)
                    and not person_names_match(named, y)
                ):
                    return False
    return True


def _one_name_twice(p: str, q: str) -> bool:
    """Two full names of as many words that are one name spelled two ways, word for word."""
    m = person_names_match(p, q)
    return m is not None and m.score >= 0.9 and len(core_tokens(p)) == len(core_tokens(q))


def _knows(names: set[str], full: str) -> bool:
    """Whether one of `names` is a form of the full name `full` that names the man himself,
    not only his family: a sister's "Rocío X Y" is no form of her brother's "X Y" alone
    (his two surnames fit every child of the family)."""
    ft = core_tokens(full)
    for n in names:
        nt = core_tokens(n)
        if len(nt) < len(ft) and nt == ft[len(ft) - len(nt) :]:
            continue
        if person_names_match(full, n):
            return True
    return False


def _initials_spelled_out(name: str, names: set[str]) -> str | None:
    """The name among `names` whose given name (and patronymic) the initials of `name` stand
    for: "Dilshod Nodirovich" for "Tolibov D.N."; None if `name` has no initials."""
    form = _initials_form(name)
    if form is None:
        return None
    inits = form[1]
    for n in sorted(names):
        core = core_tokens(n)
        if (
            n != name
            and not _initials_form(n)
            and len(core) >= max(2, len(inits))
            and all(c[:1] == i[:1] for c, i in zip(core, inits, strict=False))
            and any(len(c) > 1 for c in core[: len(inits)])  # (not other initials: "R.J.")
        ):
            return n
    return None


def _own_full_names(names: set[str]) -> list[str]:
    """The full names among `names`, without those that end another of them: "Nkaa Tebo" of
    "Clement Nkaa Tebo" is his family names, not a man whose given name is Nkaa."""
    full = [n for n in names if len(core_tokens(n)) >= 2 or _initials_form(n)]
    cores = [core_tokens(n) for n in full]
    return [
        n
        for n, c in zip(full, cores, strict=True)
        if not any(len(o) > len(c) and o[-len(c) :] == c for o in cores)
    ]


def _told_from_generation(locs: list[Local]) -> dict[int, set[str]]:
    """Person locals named "X Y" in a document that names "X Y Snr" (or Jr., III) apart:
    local -> the names with a generation it is not."""
    named: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for i, loc in enumerate(locs):
        if loc.kind == "person":
            named[loc.doc] += [(i, n) for n in loc.names(("name", "short"))]
    out: dict[int, set[str]] = defaultdict(set)
    for entries in named.values():
        gens = [(k, n) for k, n in entries if generation(n)]
        for i, n in entries if gens else ():
            if generation(n) is None:
                core = core_tokens(n)
                if told := {g for k, g in gens if k != i and core_tokens(g) == core}:
                    out[i] |= told
    return out


def _middles_apart(a: dict[str, list[str]], b: dict[str, list[str]]) -> bool:
    """A document names "X Anselm Y" in one entity (`a`, names by document) and "X Ferdia Y"
    in the other."""
    small, other = (a, b) if len(a) <= len(b) else (b, a)
    return any(
        _middle_names_differ(x, y)
        for doc, ns in small.items()
        if doc in other
        for x in ns
        for y in other[doc]
    )


def _middle_names_differ(x: str, y: str) -> bool:
    """'Cormac Anselm X' and 'Cormac Ferdia X': one given name and surname, two middle
    names (a father and the son named after him). Read within one document only: across
    outlets a father's name in an Arabic chain is spelled too freely (an 'ayn written o or aw)."""
    cx, cy = core_tokens(x), core_tokens(y)
    if len(cx) != 3 or len(cy) != 3 or min(len(cx[1]), len(cy[1])) < 3:
        return False
    ends = [token_match(a, b) for a, b in ((cx[0], cy[0]), (cx[2], cy[2]))]
    return all(t is not None and t.score >= 0.85 for t in ends) and not any(
        token_match(cx[1], t) for t in cy
    )


def _same_given(x: str, y: str) -> bool:
    """The same given name (not a prefix such as Muhammad): not father and son, whatever
    else differs ("Clement Nkaa X" / "Clement Nkam X")."""
    gx, gy = given_names(x), given_names(y)
    return any(
        (t := token_match(a, b)) is not None and t.score >= 0.85 and a not in NAME_PREFIXES
        for a in gx
        for b in gy
    )


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
    # the names some source gives as another name ("formerly X", "alias X"): a man's own
    # name reads better ("Ann Roe, formerly Ann Doe" is Ann Roe)
    other_names = {
        " ".join(fold(m.text).split()) for loc in c.locals for m in loc.mentions if m.role == "aka"
    }
    for loc in c.locals:
        for m in loc.mentions:
            if m.role != "name":
                continue
            # (a name broken across a line is the same name: written on one line if it ever is)
            k = " ".join(fold(m.text).split())
            rec = counts.setdefault(k, [m.text, set(), 0, loc.order, m.start])
            if "\n" in rec[0] and "\n" not in m.text:
                rec[0] = m.text
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
            # "Juan Cruz" reads better than a list's "CRUZ, Juan y Reyes"
            natural = "," not in text and not text.split()[0].isupper()
            own = " ".join(fold(text).split()) not in other_names
            return (full, own, natural, clean, len(docs), len(words), n, -order, -start)
        return (True, clean, len(docs), len(text), n, -order, -start)

    best = max(counts.values(), key=rank)
    return best[0]
