"""Comparing two personal names: token by token, with transliteration, initials, names
written as one word or two, and kunyas weighed as evidence, not proof.

Used within a document (extraction) and across documents (resolution); kept apart from
resolution so that tuning how documents are joined does not invalidate cached extractions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from casefile import mandarin
from casefile.names import (
    COMPOUND_HEADS,
    NAME_PREFIXES,
    NASAB_LINKS,
    PATRONYMIC_AFTER,
    PATRONYMIC_AFTER_RE,
    RUSSIAN_PATRONYMIC,
    SURNAME_ENDING,
    TITLES,
    TokenMatch,
    ascii_letters,
    core_tokens,
    core_tokens_with_particles,
    english_given_name,
    fold,
    generation,
    is_kunya,
    kunya_opener,
    skeleton,
    token_match,
)

MERGE_AT = 0.85  # below this a pair is kept as "possible same", not merged


@dataclass
class Match:
    score: float
    a: str
    b: str
    reasons: list[str]


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


def _initial_fits(initial: str, word: str) -> bool:
    """Whether an initial ("D", "d.") can stand for a name part (Dzhasur, Jasur)."""
    c = initial[0].lower()
    return word[0] in _INITIAL_FORMS.get(c, c)


def _initial_of(initial: str, word: str) -> bool:
    """'T.' or 'Ch.' for a name part: one letter as `_initial_fits` reads it; two letters
    (a Cyrillic letter romanised) by the sound they open with ("Ch." for Chorobayev and for
    the German Tschorobajew)."""
    letters = initial.rstrip(".").lower()
    if len(letters) == 1:
        return _initial_fits(letters, word)
    return word.startswith(letters) or skeleton(letters + "a")[:1] == skeleton(word)[:1]


# two capitals without periods before a surname, as American usage writes a man's initials
# ("RJ", "TJ"); not a vowel second (a family name in capitals, "LE", "DO"), nor "NG"
_UNDOTTED = re.compile(r"(?!NG)[A-Z][B-DF-HJ-NP-TV-XZ]")


def _initials_form(name: str) -> tuple[str, list[str]] | None:
    """'Yuldashev B.T.' or 'B.T. Yuldashev' or 'B. Yuldashev' → ('yuldashev', ['b', 't'])."""
    words = name.replace(".", ". ").split()
    if len(words) == 2 and _UNDOTTED.fullmatch(words[0]):
        words = [*words[0], words[1]]  # "RJ X": two initials without their periods
    initial = re.compile(r"[A-Z]\.?|[A-Z][a-z]\.")  # "B.", "B", "Kh."
    initials = [w.rstrip(".").lower() for w in words if initial.fullmatch(w)]
    # (the surname's particles are no name: "Sjoerd van der M.")
    rest = [w for w in words if not initial.fullmatch(w) and w.lower() not in _NAME_PARTICLES]
    if not initials or len(rest) != 1:
        return None
    core = core_tokens(rest[0])
    return (core[-1], initials) if core else None


def _initials_match(a: str, b: str) -> Match | None:
    """'Yuldashev B.T.' ~ 'Bakhtiyor Yuldashev': the surname, and the first initial."""
    ia, ib = _initials_form(a), _initials_form(b)
    if ia is not None and ib is not None:
        return _same_initials(a, b, ia, ib) or _crossed_initials(a, b) or _crossed_initials(b, a)
    if ia is None and ib is None:
        return None
    (sur, inits), full = (ia, b) if ia else (ib, a)  # type: ignore[misc]
    core = core_tokens(full)
    if len(core) < 2:
        return None
    last = token_match(sur, core[-1])
    if last is None or not _initial_fits(inits[0], core[0]):
        short = a if ia else b
        return _given_and_initial(short, core, a, b) or _initial_then_first_word(short, full, a, b)
    if len(inits) >= 2 and len(core) >= 3 and not _initial_of(inits[1], core[1]):
        # "X H.H." is not "Hnat Fedorovych X": the second initial is the patronymic's
        # (or the middle name's), and a father and son who share a name differ in it
        return None
    why = [last.why, f"initial {inits[0].capitalize()}. for {core[0]}"]
    if len(inits) >= 2 and len(core) >= 3:
        why.append(f"initial {inits[1].capitalize()}. for {core[1]}")
    return Match(round(min(last.score, 0.95) - 0.07, 3), a, b, why)


_ALL_INITIALS = re.compile(r"(?:[A-Z][a-z]?\.\s?){2,5}")
# "Watscha T.", "Azret Ch.", and with the surname's particles: "Sjoerd van der M."
_GIVEN_AND_INITIAL = re.compile(
    r"[A-Z][\w'-]+ (?:(?:van|von|de|der|den|ter|ten|el|al|ben|le|la|da|dos|du) )*[A-Z][a-z]?\."
)
_SURNAME_AND_INITIALS = re.compile(r"[A-Z][\w'-]+ [A-Z][a-z]?\.(?:\s?[A-Z][a-z]?\.)+")


def _same_initials(
    a: str, b: str, ia: tuple[str, list[str]], ib: tuple[str, list[str]]
) -> Match | None:
    """'Ivanov A.S.' ~ 'Ivanov A.': one surname, and the initials of one agree with the
    other's as far as both go."""
    (sa, xa), (sb, xb) = ia, ib
    last = token_match(sa, sb)
    n = min(len(xa), len(xb))
    if last is None or [i[0] for i in xa[:n]] != [i[0] for i in xb[:n]]:
        return None
    same = len(xa) == len(xb)
    why = [last.why, "the same initials" if same else "the initials agree as far as both go"]
    return Match(round(min(last.score, 0.95) - (0.05 if same and n > 1 else 0.08), 3), a, b, why)


def _crossed_initials(a: str, b: str) -> Match | None:
    """'Zelimkhan V.' ~ 'Vakhaev Z.R.': one report gives the given name and the surname's
    initial, another the surname and the initials (of the given name and patronymic); each
    initial stands for the other's word. Two initials on the second side are required: one
    alone ('Vakhaev Z.') reads either way round."""
    if not (_GIVEN_AND_INITIAL.fullmatch(a) and _SURNAME_AND_INITIALS.fullmatch(b)):
        return None
    given, g_initial = a.split()
    surname, *rest = b.split(maxsplit=1)
    b_initial = rest[0].lstrip()[0].lower()
    g, sur = core_tokens(given), core_tokens(surname)
    if not g or not sur:
        return None
    if not (_initial_fits(g_initial, sur[-1]) and _initial_fits(b_initial, g[0])):
        return None
    why = [
        f"initial {g_initial} for {sur[-1]}",
        f"initial {b_initial.upper()}. for {g[0]}",
        "both shortened, each initial standing for the other's name",
    ]
    return Match(0.86, a, b, why)


_INITIAL_THEN_WORD = re.compile(r"([A-Z][a-z]?)\.\s?([A-Z][\w'-]+)")


def _initial_then_first_word(short: str, full: str, a: str, b: str) -> Match | None:
    """'Kh. Bat-Ochir' ~ 'Bat-Ochir Khurelbaatar', 'G. Dorjsuren' ~ 'Dorjsuren Ganzorig': an initial
    before a word, and a name of two words that opens with that word, its second word the
    initial's (Mongolian papers put the father's name's initial before the given name, wires
    write it after in full; registers put the surname first)."""
    m = _INITIAL_THEN_WORD.fullmatch(short)
    words = full.split()
    if m is None or len(words) != 2:
        return None
    word, first = fold(m.group(2)).replace("-", ""), fold(words[0]).replace("-", "")
    rest = core_tokens(words[1])
    t = token_match(word, first)
    if t is None or t.score < 0.9 or not rest or not _initial_of(m.group(1), rest[-1]):
        return None
    why = [t.why, f"initial {m.group(1)}. for {rest[-1]} (the initial before the other word)"]
    return Match(round(min(t.score, 0.95) - 0.08, 3), a, b, why)


def _given_and_initial(short: str, core: list[str], a: str, b: str) -> Match | None:
    """'Watscha T.' ~ 'Vacha Temirkhanov': a given name and the surname's initial, as
    German and Dutch court reports shorten a defendant's name."""
    if not _GIVEN_AND_INITIAL.fullmatch(short):
        return None
    given, *particles, initial = short.split()
    full = (b if short == a else a).lower().replace("-", " ").split()
    if any(p.lower() not in full for p in particles):
        return None  # "Sjoerd van der M." is no "Sjoerd Mesman"
    t = token_match(core_tokens(given)[-1], core[0])
    if t is None or not _initial_of(initial, core[-1]):
        return None
    why = [t.why, f"initial {initial} for {core[-1]} (a given name and the surname's initial)"]
    return Match(round(min(t.score, 0.95) - 0.08, 3), a, b, why)


_ONE_INITIAL = re.compile(r"[A-Z][a-z]?\.")
_NAME_PARTICLES = frozenset(
    "el al ben bin ibn ould ouled uld ag abu abou van von de der den le la da dos du".split()
)


def _initials_of_words(short: str, full: str) -> Match | None:
    """'Karim E.H.' ~ 'Karim El Hamdaoui', 'K.E.H.' ~ 'Karim El Hamdaoui': Belgian and
    Dutch papers shorten a name to its initials, one for each word of the surname, particle
    included (or to the initials of every word)."""
    if "." not in short:
        return None  # (no initials: most pairs, and this runs for every one)
    words = short.replace(".", ". ").split()
    initials = [w for w in words if _ONE_INITIAL.fullmatch(w)]
    names = [w for w in words if not _ONE_INITIAL.fullmatch(w)]
    parts = [w for w in re.split(r"[\s\-]+", full.replace(".", ". ")) if w]
    if len(initials) < 2 or len(names) > 1 or is_kunya(full):
        return None  # (a kunya has no initials: "A.Q." is not "Abu Qaswara")
    if any(_ONE_INITIAL.fullmatch(w) for w in parts):
        # 'K.E.H.' ~ 'Karim E.H.': the same initials, one side writing the given name out
        if names or _ONE_INITIAL.fullmatch(parts[0]):
            return None
        if not all(_ONE_INITIAL.fullmatch(w) for w in parts[1:]) or len(parts) != len(initials):
            return None
        if not _initial_of(initials[0], fold(parts[0])) or initials[1:] != parts[1:]:
            return None
        why = f"{''.join(initials)}: the initials of {full}, its given name written out"
        return Match(0.9, short, full, [why])
    rest = parts[len(names) :]
    if len(rest) != len(initials) or not all(
        _initial_of(i, fold(w)) for i, w in zip(initials, rest, strict=True)
    ):
        return None
    particle = any(fold(w) in _NAME_PARTICLES for w in rest)
    if names:
        given = token_match(fold(names[0]), fold(parts[0]))
        if given is None or given.score < 0.85:
            return None
        why = [given.why, f"{''.join(initials)} for {' '.join(rest)}, one initial a word"]
        return Match(round(min(given.score, 0.95) - 0.08, 3), short, full, why)
    # initials alone say less: three or more, and one of them a particle's, to merge
    score = 0.86 if len(initials) >= 3 and particle else 0.8
    return Match(score, short, full, [f"{''.join(initials)}: the initials of {full}"])


_INITIALS_WORD = re.compile(r"(?:[A-Z]\.){1,3}")


def _initials_and_names(name: str) -> tuple[list[str], list[str]] | None:
    """'M.K. Anwar Sadiq' or 'Anwar Sadiq M.K.' → (['m', 'k'], ['anwar', 'sadiq']):
    initials (anywhere) beside two or more names, as South Indian and Western names have
    them; None for other names."""
    words = name.split()
    initials = [i.lower() for w in words if _INITIALS_WORD.fullmatch(w) for i in w.split(".") if i]
    rest = [w for w in words if not _INITIALS_WORD.fullmatch(w)]
    core = core_tokens(" ".join(rest))
    if len(core) < 2 or len(core) != len(rest):
        return None
    return initials, core


def _initialled_names_match(a: str, b: str) -> tuple[Match | None] | None:
    """'M.K. Anwar Sadiq' ~ 'Anwar Sadiq M.K.' (the initials moved), 'Muhammad Faisal K.' ~
    'Mohammed Faisal Kallingal' (an initial for a name the other writes out). The names must
    agree in order and the names one side writes out beyond them must be those of the
    other's initials, one for one (or none: initials left out); where both have initials
    they must be the same letters ('T.K. Mohammed Faisal' is not 'Muhammad Faisal K.'). A
    1-tuple: its Match, or None for a firm no; None when the rule does not apply."""
    fa, fb = _initials_and_names(a), _initials_and_names(b)
    if fa is None or fb is None or not (fa[0] or fb[0]):
        return None
    (ia, na), (ib, nb) = fa, fb
    if ia and ib:
        if sorted(ia) != sorted(ib) or len(na) != len(nb):
            return (None,)
        parts = [token_match(x, y) for x, y in zip(na, nb, strict=True)]
        if not all(p is not None and p.score >= 0.85 for p in parts):
            return (None,)
        why = [p.why for p in parts if p] + ["the same initials"]
        return (Match(round(min(p.score for p in parts if p) - 0.02, 3), a, b, why),)
    (inits, short), long_ = ((ia, na), nb) if ia else ((ib, nb), na)
    parts, extra, k = [], [], 0
    for word in long_:  # the initialled side's names, in order, inside the written-out one
        t = token_match(short[k], word) if k < len(short) else None
        if t is not None and t.score >= 0.85:
            parts.append(t)
            k += 1
        else:
            extra.append(word)
    # every initial stands for one of those names, or the other side leaves all out
    if k < len(short) or extra and len(extra) != len(inits):
        return (None,)
    left, fits = list(inits), []
    for word in extra:  # each written-out name beyond them has its initial
        fit = next((i for i in left if _initial_fits(i, word)), None)
        if fit is None:
            return (None,)
        left.remove(fit)
        fits.append(f"initial {fit.upper()}. for {word}")
    why = [p.why for p in parts] + (fits or ["the initials left out"])
    return (Match(round(min(p.score for p in parts) - (0.05 if extra else 0.09), 3), a, b, why),)


# ("bu": the Gulf form of Abu in a family name, "Bu Khamseen" / "Bukhamseen")
_GLUED_PARTICLES = frozenset(
    {"ben", "bin", "ibn", "el", "al", "bou", "bu", "ould", "abdel", "abdul"}
)


def _glued(name: str) -> list[str]:
    """The name's core words with each particle joined to the word after it: "Karim Ben Zarrouk"
    → karim, bensalah."""
    out: list[str] = []
    words = core_tokens_with_particles(name)
    i = 0
    while i < len(words):
        if words[i] in _GLUED_PARTICLES and i + 1 < len(words):
            out.append(words[i] + words[i + 1])
            i += 2
        else:
            out.append(words[i])
            i += 1
    return out


def _generations_differ(a: str, b: str) -> bool:
    """Both names end with a generation ("Jr.", "Sr.", "III") and not the same one."""
    ga, gb = generation(a), generation(b)
    return ga is not None and gb is not None and ga != gb


@functools.lru_cache(maxsize=1 << 20)  # pairs of names recur across thousands of documents
def person_names_match(a: str, b: str) -> Match | None:
    """Align two personal names token by token; None if some token cannot be aligned."""
    m = _person_names_match(a, b)
    if m is None and ((fa := ascii_letters(a)), (fb := ascii_letters(b))) != (a, b):
        # the initials' patterns read Latin capitals: "Kerim Ö." as "Kerim O."
        folded = _person_names_match(fa, fb)
        m = Match(folded.score, a, b, folded.reasons) if folded else None
    return m


def _person_names_match(a: str, b: str) -> Match | None:
    if _generations_differ(a, b):
        return None  # "X Y Sr." and "X Y Jr.": a father and his son
    if _ALL_INITIALS.fullmatch(a) and _ALL_INITIALS.fullmatch(b):
        # a court's labels ("Y.A.M.", "B.A.M."): the same letters or two people (and "Y."
        # is no Spanish "y" between surnames)
        same = a.replace(" ", "").upper() == b.replace(" ", "").upper()
        return Match(1.0, a, b, ["the same initials"]) if same else None
    if p := _initials_of_words(a, b) or _initials_of_words(b, a):
        return Match(p.score, a, b, p.reasons)
    if m := _initials_match(a, b):
        return m
    if (judged := _initialled_names_match(a, b)) is not None:
        return judged[0]
    ta, tb = core_tokens(a), core_tokens(b)
    m = _tokens_match(a, b, ta, tb)
    if m is None and ((ga := _glued(a)), (gb := _glued(b))) != (ta, tb):
        # "Karim Ben Zarrouk" ~ "Karim Benzarrouk": a particle written apart or joined
        g = _tokens_match(a, b, ga, gb)
        if g is not None:
            m = Match(round(g.score - 0.02, 3), a, b, [*g.reasons, "a particle joined or apart"])
    if m is None and sorted((len(ta), len(tb))) == [1, 2] and not is_kunya(a) and not is_kunya(b):
        # "Gulbaz" ~ "Gul Baz": one name written as one word or two
        one, two = (ta, tb) if len(ta) == 1 else (tb, ta)
        t = token_match(one[0], "".join(two)) if len(one[0]) >= 7 else None
        if t and t.score >= 0.85:
            return Match(round(t.score - 0.05, 3), a, b, [f"{t.why} (written as one word)"])
    if m is None:
        m = _one_word_of_two(a, b, ta, tb)
    elif m.score < MERGE_AT and abs(len(ta) - len(tb)) == 1:
        # ("Qurban Ali X" ~ "Qurbanali X" aligned "qurbanali" with "qurban" below the
        # threshold: two words written as one, and nothing left over, say more)
        joined = _one_word_of_two(a, b, ta, tb)
        if joined is not None and joined.score > m.score and not _parts_left(joined):
            m = joined
    xa, xb = _abd_joined(ta), _abd_joined(tb)
    # "Abdul Raheem Mir Baluch" ~ "Abdolraheem Mirbaluch": both at once
    if m is None and (xa, xb) != (ta, tb) and (p := _one_word_of_two(a, b, xa, xb)):
        m = Match(round(p.score - 0.01, 3), a, b, [*p.reasons, "'Abd al-…' written two ways"])
    if m is None and ("-" in a) != ("-" in b):
        # "Mohammad-Reza Gholami" ~ "Mohammadreza Gholami": a hyphenated name written as one
        m = _tokens_match(a, b, _joined(a), _joined(b))
    if m is None:
        # "Ivanov Pyotr Sergeyevich" ~ "Pyotr Ivanov": surname first, then the patronymic
        ro = (given_first(a), given_first(b))
        # (once: a reordered name is not reordered again)
        settled = (given_first(ro[0]), given_first(ro[1])) == ro
        if ro != (a, b) and settled and (p := person_names_match(*ro)):
            why = (
                "surname first (Russian or Azerbaijani official order, or in capitals as "
                "French lists write it)"
            )
            m = Match(round(p.score - 0.02, 3), a, b, [*p.reasons, why])
    if m is None:
        # "Azamat Erlan uulu" ~ "Azamat Erlanov": a Turkic patronymic, Russified as a surname
        why = "a patronymic (… uulu / kyzy / oglu) written as a surname (-ov / -ova)"
        m = _rewritten(a, b, _russified, 0.02, why)
    if m is None:
        m = _joined_patronymic(a, b) or _joined_patronymic(b, a)
    if m is None:
        # "Noor-ul-Haq" ~ "Nurul Haq", "Habib-ur-Rehman" ~ "Habibur Rahman": the linking
        # -ul- / -ur- / -ud- written apart or joined to the name before it
        m = _rewritten(a, b, _linker_apart, 0.01, "'-ul-' written joined")
    # "Abd el-Muqit" ~ "Abdel-Muqit" ~ "Abdul Muqit" ~ "Abdulmuqit": "servant of" and the
    # article, written apart, hyphenated, joined or assimilated (xa, xb above)
    if m is None and (xa, xb) != (ta, tb) and (p := _tokens_match(a, b, xa, xb)):
        m = Match(round(p.score - 0.01, 3), a, b, [*p.reasons, "'Abd al-…' written two ways"])
    if m is None:
        # "Juan Reyes y Cruz" ~ "Juan Reyes": the mother's surname after "y" left out
        m = _rewritten(a, b, _without_mother, 0.02, "the mother's name after 'y'")
    if m is None:
        m = _two_surnames(a, b, ta, tb) or _two_surnames(b, a, tb, ta)
    if m is None:
        m = _son_of_match(a, b) or _son_of_match(b, a)
    if m is None and (p := _last_link_left_out(a, b) or _last_link_left_out(b, a)):
        m = Match(p.score, a, b, p.reasons)
    if m is None and (_NISBA.search(a) is None) != (_NISBA.search(b) is None):
        # "Idris Kamil Nouri" ~ "Idris Kamil Nouri al-Juburi": a chain of three names, and the
        # other form adds the tribe's or family's name (a nisba); never two different nisbas
        na, nb = _NISBA.sub("", a), _NISBA.sub("", b)
        shorter = na if na != a else nb
        n = len(core_tokens(shorter))
        if n >= 2 and (p := person_names_match(na, nb)):
            why = "a tribal or family name (al-…) left out"
            # two names (his own and his father's) say less than a chain of three
            m = Match(round(p.score - (0.05 if n >= 3 else 0.1), 3), a, b, [*p.reasons, why])
    if m is None and sorted((len(ta), len(tb))) in ([3, 4], [4, 5]):
        # "Hamid Saleh Omar" ~ "Hamid Saleh Omar Bakri": a chain of three (or four) names and
        # the same chain with one more name at its end (a grandfather's or family name)
        short, long_ = sorted((ta, tb), key=len)
        head = long_[: len(short)]
        p = _tokens_match(a, b, ta, head) if short is ta else _tokens_match(a, b, head, tb)
        if p:
            why = f"the same {len(short)} names, and one more at the end of the longer form"
            m = Match(round(p.score - 0.06, 3), a, b, [*p.reasons, why])
    if m is None:
        # "Karim Nurdin bin Osman Rahim" ~ "Karim Nurdin": the father's name after "bin" is a
        # patronymic, which a later or another article leaves out
        m = _rewritten(a, b, _before_patronymic, 0.03, "patronymic (bin …) left out")
    if m is None:
        # "Çiyager Xelef" ~ "Chiyager Khalaf": Kurdish Latin letters as English writes them
        m = _rewritten(a, b, _kurdish_latin, 0.02, "Kurdish Latin spelling (x, ş, ç, ê, e)")
    if m is None and not is_kunya(a) and not is_kunya(b):
        m = _rotated(a, b, ta, tb)
    if m is None or m.score < MERGE_AT:
        m = _english_and_chinese(a, b) or _english_and_chinese(b, a) or m
    if m is None:
        m = _korean(a, b)
    if m is None and mandarin.same_name(a, b):
        why = f"'{a}' and '{b}': one Mandarin name in Wade-Giles and in pinyin"
        m = Match(0.9, a, b, [why])
    return m


# Korean family names in the romanisations news English meets (Revised, McCune-Reischauer,
# the bearers' own): one family name each row, as Korean writes it with one syllable
_KOREAN_FAMILY = {
    form: row[0]
    for row in (
        "lee yi rhee ri rhie i ree",
        "park pak bak bahk",
        "choi choe chey",
        "jung jeong chung cheong chong",
        "kang gang",
        "cho jo joe",
        "yoon yun",
        "lim im rim",
        "shin sin",
        "roh noh no",
        "ryu yu yoo",
        "kwon gwon",
        "jang chang",
        "kim gim",
        "moon mun",
        "seo suh",
        "bae pae",
        "baek paek paik",
        "ko koh go",
        "jeon jun chun chon",
        "heo huh",
        "han",
        "hwang",
        "song",
        "yang",
        "nam",
        "oh",
    )
    for row in [row.split()]
    for form in row
}
_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]{0,5}(?:-[a-z]{1,6}|[ \t]+[A-Z][a-z]{0,5})")


def _korean_syllable(s: str) -> str:
    """One syllable as the romanisations agree on it: eo / o / u, eu / u, k / g, p / b,
    t / d, ch / j at its start (Chol-seong / Chol-song, Tae-gon / Tae-kon, Beom / Bum)."""
    s = s.replace("eo", "o").replace("eu", "u").replace("oo", "u").replace("u", "o")
    s = re.sub(r"([aeiou])\1", r"\1", s)  # (Joung / Jong: "ou" read "oo" read "o")
    s = re.sub(r"^(?:ch|j)", "c", s)
    return s.translate(str.maketrans("gbd", "kpt"))


def _korean(a: str, b: str) -> Match | None:
    """'Gang Seung-ho' ~ 'Kang Sung-ho', 'Jeong Hye-won' ~ 'Chung Hye Won': a Korean
    family name and a given name of two syllables in two romanisations."""
    forms = []
    for name in (a, b):
        words = name.split()
        if len(words) < 2 or (family := _KOREAN_FAMILY.get(fold(words[0]))) is None:
            return None
        given = " ".join(words[1:])
        if not _KOREAN_GIVEN.fullmatch(given):
            return None
        forms.append((family, [_korean_syllable(x) for x in re.split(r"[-\s]+", fold(given))]))
    if forms[0] != forms[1]:
        return None
    why = f"'{a}' and '{b}': one Korean name in two romanisations"
    return Match(0.88, a, b, [why])


# a Cantonese given name of two syllables, hyphenated ("Ka-wai") or written apart ("Ka Wai")
_CANTONESE_GIVEN = re.compile(r"[A-Z][a-z]{0,5}(?:-[a-z]{1,6}|[ \t]+[A-Z][a-z]{0,5})")


def _english_and_chinese(full: str, short: str) -> Match | None:
    """'Desmond Tsang Kin-lun' ~ 'Desmond Tsang' ~ 'Tsang Kin-lun': an English given name, the
    surname and the Chinese given name, as Cantonese-speaking usage writes a
    name; later mentions keep the English name or the Chinese one."""
    words = full.split()
    # (a title first is no English given name; a surname alone is left to the passes that
    # weigh the other bearers of it)
    if len(words) < 3 or not words[0].isalpha() or fold(words[0]) in TITLES:
        return None
    if len(core_tokens(short)) < 2:
        return None
    chinese = " ".join(words[2:])
    # (a hyphenated "Ka-wai" says so by itself; "Ka Wai" after a known English given name)
    if not _CANTONESE_GIVEN.fullmatch(chinese) or (
        "-" not in chinese and not english_given_name(words[0])
    ):
        return None
    english, own = f"{words[0]} {words[1]}", f"{words[1]} {chinese}"
    for form, which in ((english, "English"), (own, "Chinese")):
        # (the Chinese name in the other romanisation: "Dorian Tseng Chih-wei" ~ "Zeng Zhiwei")
        if core_tokens(short) == core_tokens(form) or (
            which == "Chinese" and mandarin.same_name(form, short)
        ):
            why = (
                f"'{short}' is '{full}' with its {which} given name only (an English given "
                "name before the Chinese name, as Cantonese usage writes it)"
            )
            return Match(0.9, full, short, [why])
    return None


# below the merge threshold: two people may bear each other's names ("Ali Hassan" and
# "Hassan Ali"); only a document that writes its names both ways makes the pair one (resolve)
ROTATED = "the same names in the other order (a list that puts the family name first)"


def _rotated(a: str, b: str, ta: list[str], tb: list[str]) -> Match | None:
    """'Laribi Ferhat' ~ 'Ferhat Laribi', 'Ait Mellal Yidir' ~ 'Yidir Ait Mellal': the same
    names, the family's moved from the end to the front, as court rolls and registers write
    (or a name of three words or more written backwards, family name first)."""
    if len(ta) != len(tb) or len(ta) < 2:
        return None
    orders = [ta[k:] + ta[:k] for k in range(1, len(ta))]
    if len(ta) >= 3:
        orders.append(ta[::-1])  # "Nkeng Ngala Brice": the whole name read backwards
    for turned in orders:
        pairs = []
        for x, y in zip(turned, tb, strict=True):
            pairs.append(p := token_match(x, y))
            if p is None or p.score < 0.85:
                break
        else:
            low = min(p.score for p in pairs if p is not None)
            score = round(MERGE_AT - 0.01 - (1 - low) * 0.1, 3)
            return Match(score, a, b, [*(p.why for p in pairs if p is not None), ROTATED])
    return None


# Kurdish Latin (Hawar) letters and their English renderings: x is kh, ş sh, ç ch; ê, î, û are
# long vowels; the short e is the a of Arabic names (Hemed / Hamad, Xelef / Khalaf)
_KURDISH_MARK = re.compile(r"[êîûÊÎÛ]|[şçŞÇ].*[xX]|[xX].*[şçŞÇ]|^[ÇçŞş]|\b[XxÇç][a-zêîû]")
_KURDISH_LETTERS = str.maketrans(
    {"ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch", "x": "kh", "X": "Kh", "ê": "e", "Ê": "E",
     "î": "i", "Î": "I", "û": "u", "Û": "U", "e": "a", "E": "A"}
)  # fmt: skip


def _parts_left(m: Match) -> bool:
    """The match left name parts of the longer form unaligned ("2 more name part(s) …")."""
    return any("more name part" in r for r in m.reasons)


def _one_word_of_two(a: str, b: str, ta: list[str], tb: list[str]) -> Match | None:
    """'Salem Ba Salim' ~ 'Salem Basalim': two words of one written as one in the other."""
    if len(ta) == len(tb) or min(len(ta), len(tb)) < 2:
        return None
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
            return m
    return None


def _kurdish_latin(name: str) -> str:
    """The name as English writes it, if it is written in Kurdish Latin letters."""
    if not _KURDISH_MARK.search(name):
        return name
    return name.translate(_KURDISH_LETTERS)


def _rewritten(
    a: str, b: str, rewrite: Callable[[str], str], cost: float, why: str
) -> Match | None:
    """The two names matched again once `rewrite` has been applied to both (if it changed
    either), at `cost` to the score and with `why` added to the reasons."""
    ra, rb = rewrite(a), rewrite(b)
    if (ra, rb) != (a, b) and (p := person_names_match(ra, rb)):
        return Match(round(p.score - cost, 3), a, b, [*p.reasons, why])
    return None


_Y_MOTHER_TAIL = re.compile(r"(?<=[a-z])\s+y\s+[A-Z][\w'’\-]+$")
_ABD_APART = frozenset("abd abdel abdal abdul abdol abdoul abdu abdil abdur abdus".split())
# "abdelrahman", "abdullah", "abdurrahman" (the article's l taken into the next letter)
_ABD_JOINED = re.compile(r"abd(?:[aeiou]{1,2}l|[aeiou](?=([rsdtzn])\1))?(?P<rest>[a-z]{3,})")


def _abd_joined(tokens: list[str]) -> list[str]:
    """['abd', 'salam'] / ['abdel', 'salam'] / ['abdussalam'] → ['abdsalam'] alike."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t in _ABD_APART and i + 1 < len(tokens):
            t, i = t + tokens[i + 1], i + 1
        if (m := _ABD_JOINED.fullmatch(t)) and (rest := m.group("rest")):
            # the article may still open the rest ("abd" + "allah"); a doubled letter is one
            t = "abd" + re.sub(r"^(?:[ae]l(?=l)|([a-z])\1)", lambda x: x.group(1) or "", rest)
        out.append(t)
        i += 1
    return out


_LINKER = re.compile(r"(?i)(\w)[\s\-]+(ul|ur|ud|us|uz)[\s\-]+(?=\w)")


def _linker_apart(name: str) -> str:
    return _LINKER.sub(r"\1\2 ", name)


def _without_mother(name: str) -> str:
    return _Y_MOTHER_TAIL.sub("", name)


_ARABIC_CHAIN = re.compile(r"(?i)(?:^|[\s\-])(?:al|el|ul|bin|ibn|ben|abd\w*|abu|abou)(?:[\s\-]|$)")


def spanish_style(full: str) -> bool:
    """A name of four whose third may be the surname it is called by ("Wbeimar Alirio Tibaquira
    Ruedas"): no article or "son of" that marks an Arabic chain of fathers' names."""
    return len(core_tokens(full)) == 4 and not _ARABIC_CHAIN.search(full)


def _two_surnames(short: str, long_: str, ts: list[str], tl: list[str]) -> Match | None:
    """'Fabio Tibaquira' ~ 'Fabio Evaristo Tibaquira Ruedas': Spanish usage calls a man by his
    (first) given name and his father's surname, leaving out a second given name and the
    mother's surname that ends the full form."""
    # (four names only: three may be an English given, middle and surname, "X Y Z" called
    # "X Y" being another man; and no Arabic chain, whose third name is a grandfather's)
    if len(ts) != 2 or not spanish_style(long_) or is_kunya(short):
        return None
    first, paternal = token_match(ts[0], tl[0]), token_match(ts[1], tl[-2])
    if not first or not paternal or min(first.score, paternal.score) < 0.9:
        return None
    why = (
        "given name and father's surname of a Spanish-style name (a second given name and the "
        "mother's surname left out)"
    )
    score = (first.score + paternal.score) / 2 - 0.12
    return Match(round(score, 3), short, long_, [first.why, paternal.why, why])


_SON_OF = re.compile(r"^(\S+)\s+(?:bin|ibn|ben)\s+(\S+)$", re.I)


def _son_of_match(a: str, b: str) -> Match | None:
    """'Idris bin Kamil' ~ 'Idris Kamil Nouri': X son of Y is how the chain "X Y Z" begins."""
    m = _SON_OF.match(a)
    tb = core_tokens(b)
    if m is None or len(tb) < 3 or _SON_OF.match(b):
        return None
    pair = [token_match(t, u) for t, u in zip(core_tokens(f"{m[1]} {m[2]}"), tb[:2], strict=False)]
    if len(pair) < 2 or None in pair:
        return None
    score = sum(t.score for t in pair if t) / 2 - 0.05 * (len(tb) - 2)
    why = [t.why for t in pair if t] + ["X bin Y: the start of the other's chain of names"]
    return Match(round(score, 3), a, b, why)


# a link of a chain of "son of"s (Hassaniya "Ould", Tuareg "ag", Arabic "bin"), and the last one
_LINK = "(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in sorted(NASAB_LINKS)) + ")"
_LAST_LINK = re.compile(rf"\s+{_LINK}\s+\S+$")
_A_LINK = re.compile(rf"\s{_LINK}\s")


def _last_link_left_out(short: str, long_: str) -> Match | None:
    """'A B Ould C' ~ 'A B Ould C Ould D': a chain and the same chain with the grandfather's
    name after it (the shorter must keep a link of its own: 'A Ould C' is not 'A')."""
    tail = _LAST_LINK.search(long_) if " " in long_ else None
    if tail is None or not _A_LINK.search(long_, 0, tail.start()):
        return None
    if not (p := person_names_match(short, long_[: tail.start()])):
        return None
    why = "the chain's last 'son of' (a grandfather's name) left out"
    return Match(round(p.score - 0.04, 3), short, long_, [*p.reasons, why])


_NISBA = re.compile(r"\s+(?:[Aa]l|[Ee]l)-\w+$")
_PATRONYMIC = re.compile(r"\s+(?:bin|binti|binte|bint|ibn|ben)\s+\S.*$", re.I)


_RUSSIAN_PATRONYMIC = re.compile(RUSSIAN_PATRONYMIC + "$", re.I)
# a Kazakh patronymic joined to the father's name ("Askaruly", son of Askar; "Askarkyzy",
# daughter of Askar), and the Russian one it stands for ("Askarovich", "Askarovna")
_JOINED_TURKIC = re.compile(r"(\w{3,}?)(uly|ulu|uulu|kyzy|qyzy|gyzy)")
_FATHER_OF_RUSSIAN = re.compile(r"(\w{3,})(?:ovich|evich|ovna|evna)")


def _joined_patronymic(a: str, b: str) -> Match | None:
    """'Daniyar Askaruly' ~ 'Kurmanov Daniyar Askarovich': the given name and the father's
    name, in the Kazakh form that has no family name and in the Russian form that has one."""
    words = a.split()
    if len(words) != 2 or not (k := _JOINED_TURKIC.fullmatch(fold(words[1]))):
        return None
    daughter = k.group(2).endswith(("kyzy", "qyzy", "gyzy"))
    tb = core_tokens(b)
    fathers = [(i, r) for i, t in enumerate(tb) if (r := _FATHER_OF_RUSSIAN.fullmatch(t))]
    if len(tb) < 2 or len(fathers) != 1 or fathers[0][1].group(0).endswith("na") != daughter:
        return None
    i, r = fathers[0]
    father = token_match(k.group(1), r.group(1))
    given = max(
        (g for t in tb[:i] + tb[i + 1 :] if (g := token_match(fold(words[0]), t))),
        key=lambda g: g.score,
        default=None,
    )
    if father is None or given is None or min(father.score, given.score) < 0.85:
        return None
    why = f"{words[1]} for {r.group(0)}: the father's name, in the Kazakh form (-uly / -kyzy)"
    score = round(min(father.score, given.score) - 0.03, 3)
    return Match(score, a, b, [given.why, why])


_TURKIC_PATRONYMIC_SURNAME = re.compile(r"(?i)\w{3,}(?:uly|ulu|kyzy|qyzy)$")


@functools.lru_cache(maxsize=1 << 16)
def given_first(name: str) -> str:
    """'Ivanov Pyotr Sergeyevich' → 'Pyotr Ivanov'; 'KONDO Seydou' → 'Seydou KONDO'
    (a surname in capitals first, as French lists write it, or with a comma: 'KONDO, Seydou');
    other names as they are."""
    # ("y" before the mother's surname in Spanish and Philippine forms is no part of it)
    words = [w.rstrip(",") for w in name.split()]
    if words and words[0].isupper() and "y" in words[1:-1]:
        words = [w for w in words if w != "y"]
    if len(words) == 3 and _RUSSIAN_PATRONYMIC.search(words[2]):
        return f"{words[1]} {words[0]}"
    if (
        len(words) == 4
        and fold(words[3]) in PATRONYMIC_AFTER
        and SURNAME_ENDING.search(fold(words[0]))
    ):
        return f"{words[1]} {words[0]}"  # "Qambarov Fuad Elshan oglu": an Azerbaijani register
    if len(words) == 4 and fold(words[2]) in PATRONYMIC_AFTER:
        return f"{words[0]} {words[3]}"  # "Diyor Salim o'g'li Nematov": Uzbek, surname last
    if (
        len(words) == 2
        and _TURKIC_PATRONYMIC_SURNAME.search(words[0])
        and not _TURKIC_PATRONYMIC_SURNAME.search(words[1])
        and not words[1].isupper()
    ):
        return f"{words[1]} {words[0]}"  # "Serikuly Yerzhan" in a Kazakh official list
    caps = 0
    while caps < len(words) and len(words[caps]) > 1 and words[caps].isupper():
        caps += 1
    rest = words[caps:]
    # the given names after the capitals, or one given name and more capitals ("SURNAME Given
    # MIDDLE", a Cameroonian register): the given name first, then the others
    if 0 < caps < len(words) and (
        all(w[:1].isupper() and not w.isupper() for w in rest)
        or len(rest) > 1
        and not rest[0].isupper()
        and all(w.isupper() for w in rest[1:])
    ):
        return " ".join(rest + words[:caps])
    return name


def _before_patronymic(name: str) -> str:
    """'Karim Nurdin bin Osman' → 'Karim Nurdin'; a name of one word before 'bin' is kept whole
    ("Ali bin Hamad" is how that man is called)."""
    head = _PATRONYMIC.sub("", name)
    return head if head != name and len(head.split()) >= 2 else name


def _russified(name: str) -> str:
    """'Azamat Erlan uulu' → 'Azamat Erlanov'; 'Aizat Bolot kyzy' → 'Aizat Bolotova'."""
    # (the pattern ignores case, and Python's case folding matches the Turkish dotless ı to
    # i: "qızı" is found though only "qizi" is a key; an unknown form is left as it is)
    return _PATRONYMIC_AFTER.sub(
        lambda m: (
            m.group(1) + PATRONYMIC_AFTER[k]
            if (k := fold(m.group(2))) in PATRONYMIC_AFTER
            else m.group(0)
        ),
        name,
    )


_PATRONYMIC_AFTER = re.compile(r"(\w+)\s+(" + PATRONYMIC_AFTER_RE + r")\b", re.I)


def _joined(name: str) -> list[str]:
    return core_tokens(re.sub(r"(?<=\w)-(?=[A-Z])", "", name))


def _tokens_match(a: str, b: str, ta: list[str], tb: list[str]) -> Match | None:
    # "Abu Firas" alone is shared by many; "Abu Mohammed al-Tarabulsi" is a full name
    # (and "Abu Talib" beside "Abu Talib al-Halabi": the bare kunya is as weak)
    kunya = is_kunya(a) and is_kunya(b) and min(len(ta), len(tb)) == 1
    if is_kunya(a) != is_kunya(b) and min(len(ta), len(tb)) < 2:
        return None
    if kunya_opener(a) != kunya_opener(b) and is_kunya(a) and is_kunya(b):
        return None  # "Umm X" is X's mother, "Abu X" his father
    if not kunya and (len(ta) < 2 or len(tb) < 2):
        return None  # a lone surname or given name is never enough across documents
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if kunya and len(long_) > 1:
        # a kunya is read from the front: "Abu Talib" is "Abu Talib al-Halabi" without his
        # nisba, not "Abu Zuhair al-Talib"
        first = token_match(short[0], long_[0])
        matches = [first] if first else None
    else:
        matches = _align(short, long_) or _chain_but_one(short, long_)
    if matches is None:
        return None
    score = sum(m.score for m in matches) / len(matches)
    reasons = [m.why for m in matches]
    missing = len(long_) - len(short)
    if missing:
        score -= 0.05 * missing
        reasons.append(f"{missing} more name part(s) in the longer form")
        # (the first names after a lineage's honorific both wear: "Sayed X Y Z" / "Sayed W X Y
        # Z" is a father and his son; a Muhammad before a name is a given name, compared)
        lineage = short[0] in _LINEAGE and long_[0] in _LINEAGE and len(short) >= 3
        s0, l0 = (short[1], long_[1]) if lineage else (short[0], long_[0])
        first = token_match(s0, l0) or _initial_for(s0, l0)
        chain = len(short) >= 3 or len(short) == 2 and len(long_) == 3
        # (nor "Abdul" or "Ghulam" alone, the first half of a compound given name: "Abdul
        # Rasool X" is called "Rasool X"; not a whole compound before a chain: "Abdul-Qayyum
        # Y Z X" may be the son of "Y Z X")
        compound = (
            missing == 1
            and l0 in _COMPOUND_FIRST
            and (t := token_match(s0, long_[1])) is not None
            and t.score >= 0.85
        )
        long_s = b if long_ is tb else a
        # (a Muhammad before a South Asian name is a prefix, "Muhammad X Y" called "X Y"; before
        # an Arab chain with its family's al-, he is the son of "X al-Y")
        prefix = l0 in NAME_PREFIXES and not _AL_FAMILY.search(long_s)
        malay = (
            chain and first is None and _given_names_then_father(long_s, a if long_ is tb else b)
        )
        if chain and first is None and not prefix and not compound and not malay:
            # "Nabil Sadiq al-Karbuli" / "Tariq Nabeel Sadiq al-Karbuli": a chain of
            # fathers' names one name shorter at the front may be the father, not the son
            score -= 0.11  # below MERGE_AT even for an exact match: "possible same"
            reasons.append("the longer form has a first name before all the others")
        elif chain and first is None and malay:
            reasons.append("the longer form's one 'bin' says all before it are his own names")
    if kunya:
        score -= 0.2  # "Abu X" is shared by many: evidence, never proof on its own
        reasons.append("both are kunyas (Abu/Umm …), which many people share")
    return Match(round(score, 3), a, b, reasons)


_AL_FAMILY = re.compile(r"(?i)\b[ae][lnrsdtz]-[a-z]")


def _given_names_then_father(long_s: str, short_s: str) -> bool:
    """'Ahmad Faizul bin Roslan': one "bin" (binti), right before the last name, as
    Malay usage writes given names then "son of" the father; the other form has no "bin",
    so its words before the father's are some of his given names, not his father's chain
    ("Faizul Roslan"; the father would be "Roslan bin X")."""
    lt, st = core_tokens_with_particles(long_s), core_tokens_with_particles(short_s)
    links = [k for k, t in enumerate(lt) if NASAB_LINKS.get(t)]
    return links == [len(lt) - 2] and not any(NASAB_LINKS.get(t) for t in st)


# honorifics of descent from the Prophet that open a name as part of it (Syed, Sayed, Mir)
_COMPOUND_FIRST = COMPOUND_HEADS | {"ghulam", "gholam"}  # "servant of" (Arabic, Persian)
_LINEAGE = frozenset("syed seyed sayed sayyid sayid seyyed mir".split())


def _chain_but_one(short: list[str], long_: list[str]) -> list[TokenMatch] | None:
    """Two chains of four or more names that agree part for part but one inner part, whose
    consonants still agree ("Othman Abdelghani Masoud …" / "Othmane Abdelghani Messaoud …",
    a Maghrebi spelling too far from the other to read alone)."""
    if len(short) != len(long_) or len(short) < 4:
        return None
    out, odd = [], []
    for i, (x, y) in enumerate(zip(short, long_, strict=True)):
        if m := token_match(x, y):
            out.append(m)
        elif 0 < i < len(short) - 1 and skeleton(x) == skeleton(y) and len(skeleton(x)) >= 3:
            odd.append(TokenMatch(x, y, 0.7, f"{x}~{y}: same consonants '{skeleton(x)}'"))
        else:
            return None
    if len(odd) != 1:
        return None
    return out + [
        TokenMatch(odd[0].a, odd[0].b, 0.7, f"{odd[0].why}, one inner name of {len(short)}")
    ]


def _initial_for(a: str, b: str) -> TokenMatch | None:
    """'w' ~ 'wickramasinghe': an initial for a name part written out in the other form
    ("W.A.D. Nuvan Perera" / "Wickrama Arachchige Don Nuwan Perera")."""
    (i, word) = (a, b) if len(a) == 1 else (b, a)
    if len(i) != 1 or len(word) < 2 or not _initial_fits(i, word):
        return None
    return TokenMatch(i, word, 0.88, f"initial {i.upper()}. for {word}")


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
            m = token_match(t, long_[j]) or _initial_for(t, long_[j])
            j += 1
            if m:
                out.append(m)
                break
        else:
            return None
    return out
