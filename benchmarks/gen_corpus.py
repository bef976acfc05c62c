"""A synthetic news corpus for the scale benchmark (deterministic; every name invented).

    python benchmarks/gen_corpus.py N OUTDIR [--seed 8]

Writes N plain-text articles (300-600 words each) to OUTDIR and a manifest of who is who
to OUTDIR/.manifest.json (hidden, so `casefile build OUTDIR` skips it). The articles tell
stories (an attack, an arrest, a trial...) about a pool of people whose names recur across
documents under varying transliterations: -ov/-ev/-oyev, j/dzh, ou/u, ee/i, kh/h,
Mohammad/Muhammad, al-/el-; with kunyas ("Abu X"), titles, ages and roles; dates absolute,
weekday-dated and relative ("a day later"); counts with bounds ("at least 12 killed").

Names are built from syllables and short lists of common given names inside this file, so
no real person is named, and the same (N, seed) always gives the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

# --- name material -----------------------------------------------------------------------

ONSETS = "b d f g h j k l m n p r s t v z sh kh zh ch dj".split()
VOWELS = "a a a e i i o o u".split()
CODAS = ["", "", "", "n", "r", "m", "l", "z", "sh", "d", "k"]

# Given names with their common spellings (generic first names, not persons).
ARABIC_GIVEN = [
    ("Mohammad", "Muhammad", "Mohammed"),
    ("Youssef", "Yusuf", "Yousef"),
    ("Omar", "Umar"),
    ("Hussein", "Husayn", "Hossein"),
    ("Khaled", "Khalid"),
    ("Abdullah", "Abdallah"),
    ("Mahmoud", "Mahmud"),
    ("Said", "Saeed", "Sayid"),
    ("Rashid", "Rasheed"),
    ("Karim", "Kareem"),
    ("Jamal", "Djamal"),
    ("Nour", "Nur"),
    ("Walid", "Waleed"),
    ("Ibrahim", "Ebrahim"),
]
KUNYA_SONS = [("Hamza", "Hamzah"), ("Bakr",), ("Obeida", "Ubaida"), ("Yahya",), ("Anas",)]
TITLES = [
    ("General", "Gen."),
    ("Colonel", "Col."),
    ("Commander", "Commander"),
    ("Judge", "Judge"),
    ("Minister", "Minister"),
    ("Dr.", "Dr."),
    ("Sheikh", "Sheikh"),
]
ROLES = [
    "a senior commander of the {org}",
    "the spokesman of the {org}",
    "a financier of the {org}",
    "a former member of the {org}",
    "a lawyer who represents several of the accused",
    "the head of the {org}",
    "an engineer from {place}",
    "a bomb-maker linked to the {org}",
    "a local official in {place}",
]
NATIONALITY_ROOTS = ["Varn", "Tesk", "Olm", "Karab", "Zeld", "Murav", "Sabr", "Quell"]

ORG_FORMS = [
    "{Place} Liberation Front",
    "Ministry of {Dept}",
    "{Adj} {Noun} Brigade",
    "National {Noun} Council",
    "{Surname} Foundation",
    "{Place} Provincial Police",
    "{Adj} Movement of {Place}",
    "Bank of {Place}",
]
DEPTS = ["Interior", "Defence", "Justice", "Intelligence", "Security"]
ADJS = ["Free", "United", "Northern", "Popular", "Revolutionary", "Eastern", "Islamic"]
NOUNS = ["Salvation", "Resistance", "Unity", "Reform", "Justice", "Defence", "Martyrs"]
PLACE_SUFFIXES = ["abad", "kent", "pur", "ovka", "grad", "istan", "ia", "iya", "ar", "esh"]

# --- transliteration ---------------------------------------------------------------------

# (pattern, replacement) pairs; each is applied to a canonical spelling where it matches.
VARIANT_RULES: list[tuple[str, str]] = [
    (r"oev\b", "oyev"),
    (r"ov\b", "ev"),
    (r"ev\b", "yev"),
    (r"ov\b", "ow"),
    (r"\bJ", "Dzh"),
    (r"j", "dzh"),
    (r"ou", "u"),
    (r"u(?=[bdfgklmnrstvz])", "ou"),
    (r"ee", "i"),
    (r"i(?=[nrmlv][a-z])", "ee"),
    (r"Kh", "H"),
    (r"kh", "h"),
    (r"\bAl-", "El-"),
    (r"\bal-", "el-"),
    (r"\bal-", "Al "),
    (r"q", "k"),
    (r"ai", "ay"),
]


def variants(name: str, rng: random.Random, most: int) -> list[str]:
    """`name` first, then up to `most` other spellings, each differing by one or two rules."""
    out = [name]
    rules = [(p, r) for p, r in VARIANT_RULES if re.search(p, name)]
    rng.shuffle(rules)
    for p, r in rules:
        v = re.sub(p, r, name, count=1)
        if rng.random() < 0.35 and len(rules) > 1:  # sometimes two rules at once
            p2, r2 = rng.choice(rules)
            v = re.sub(p2, r2, v, count=1)
        if v not in out:
            out.append(v)
        if len(out) > most:
            break
    return out


# --- the world ---------------------------------------------------------------------------


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _stem(rng: random.Random, syllables: int) -> str:
    parts = []
    for i in range(syllables):
        coda = rng.choice(CODAS) if i == syllables - 1 else ""
        parts.append(rng.choice(ONSETS) + rng.choice(VOWELS) + coda)
    return "".join(parts)


@dataclass
class Person:
    id: str
    given: list[str]  # spellings of the given name
    surname: list[str]  # spellings of the surname (same index = same spelling family)
    kunya: list[str] = field(default_factory=list)
    title: tuple[str, str] | None = None
    role: str = ""
    age: int = 0
    nationality: str = ""

    def full(self, g: int, s: int) -> str:
        return f"{self.given[g]} {self.surname[s]}"


@dataclass
class Story:
    id: str
    kind: str  # attack | arrest | trial | protest
    date: dt.date
    place: str
    orgs: list[str]
    cast: list[int]  # indexes into the people
    killed: int
    wounded: int
    arrested: int


class World:
    """The people, organisations, places and stories a corpus of `n` documents draws on."""

    def __init__(self, n: int, seed: int) -> None:
        self.rng = rng = random.Random(seed)
        self.places = self._unique(lambda: _cap(_stem(rng, 2)) + rng.choice(PLACE_SUFFIXES), 60)
        self.nationalities = [r + rng.choice(["ian", "i", "ese"]) for r in NATIONALITY_ROOTS]
        self.surnames_seen: set[str] = set()
        self.people = [self._person(i) for i in range(40 + n // 4)]
        self.orgs = self._unique(self._org, 25 + n // 100)
        self.acronyms = {o: "".join(w[0] for w in o.split() if w[0].isupper()) for o in self.orgs}
        self.stories = [self._story(i) for i in range(max(4, n // 12))]

    def _unique(self, make, count: int) -> list[str]:  # type: ignore[no-untyped-def]
        seen: dict[str, None] = {}
        while len(seen) < count:
            seen.setdefault(make(), None)
        return list(seen)

    def _org(self) -> str:
        rng = self.rng
        return rng.choice(ORG_FORMS).format(
            Place=rng.choice(self.places),
            Dept=rng.choice(DEPTS),
            Adj=rng.choice(ADJS),
            Noun=rng.choice(NOUNS),
            Surname=_cap(_stem(rng, 2)) + "ov",
        )

    def _person(self, i: int) -> Person:
        rng = self.rng
        style = rng.choices(["slavic", "arabic", "persian"], weights=[4, 4, 3])[0]
        while True:
            if style == "slavic":
                given = [_cap(_stem(rng, 2))]
                surname = _cap(_stem(rng, 2)) + rng.choice(["ov", "ev", "oev", "ov"])
            elif style == "arabic":
                given = list(rng.choice(ARABIC_GIVEN))
                surname = (
                    rng.choice(["al-", "al-", ""])
                    + _cap(_stem(rng, 2))
                    + rng.choice(["i", "", "awi", "ani"])
                )
            else:
                given = [_cap(_stem(rng, 2)) + rng.choice(["", "ullah", "eed", "our"])]
                surname = _cap(_stem(rng, 2)) + rng.choice(["eer", "i", "zadeh", "our", "ani"])
            if surname.lower() not in self.surnames_seen:
                self.surnames_seen.add(surname.lower())
                break
        # the given name varies too: its own listed spellings, or rule-made ones
        if len(given) == 1:
            given = variants(given[0], rng, 2)
        sur = variants(surname, rng, rng.randint(1, 4))
        p = Person(f"p{i:05d}", given, sur)
        if style == "arabic" and rng.random() < 0.4:
            p.kunya = [f"Abu {s}" for s in rng.choice(KUNYA_SONS)]
        if rng.random() < 0.3:
            p.title = rng.choice(TITLES)
        p.role = rng.choice(ROLES)
        p.age = rng.randint(19, 71)
        p.nationality = rng.choice(self.nationalities)
        return p

    def _story(self, i: int) -> Story:
        rng = self.rng
        start = dt.date(2016, 1, 1)
        kind = rng.choice(["attack", "attack", "arrest", "trial", "protest"])
        return Story(
            id=f"s{i:04d}",
            kind=kind,
            date=start + dt.timedelta(days=rng.randrange(9 * 365)),
            place=rng.choice(self.places),
            orgs=rng.sample(self.orgs, rng.randint(1, 3)),
            cast=rng.sample(range(len(self.people)), rng.randint(4, 10)),
            killed=rng.randint(2, 120) if kind == "attack" else 0,
            wounded=rng.randint(5, 300) if kind in ("attack", "protest") else 0,
            arrested=rng.randint(2, 40),
        )


# --- writing one article -----------------------------------------------------------------

MONTHS = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
BOUNDS = ["at least {n}", "more than {n}", "{n}", "nearly {n}", "over {n}", "as many as {n}"]
FILLER = [
    "Officials declined to comment further on the investigation.",
    "The statement did not say how the information had been obtained.",
    "Residents said the streets around the market were quiet by the evening.",
    "It was not possible to verify the account independently.",
    "Security was tightened at checkpoints on the roads leading out of the city.",
    "Analysts said the group had been weakened by a series of raids over the past year.",
    "The report could not be confirmed by other sources at the time of writing.",
    "Local television broadcast images of damaged cars and shattered shop windows.",
    "Families of the victims gathered outside the hospital, demanding information.",
    "A government spokesman said further details would be released in the coming days.",
    "The region has seen repeated violence since the ceasefire collapsed.",
    "Human rights groups have called for an independent inquiry into the detentions.",
    "Several witnesses described hearing two loud explosions a few minutes apart.",
    "The authorities have not published the names of those still held.",
    "Prosecutors are expected to present further evidence when the hearing resumes.",
    "Diplomats in the capital said they were following the case closely.",
    "Electricity was cut in several districts for most of the afternoon.",
    "The court was adjourned after a short session.",
]
HEADLINES = {
    "attack": [
        "{n} killed in {place} blast, officials say",
        "Explosion in {place} leaves dozens dead",
        "{org} blamed for deadly attack in {place}",
    ],
    "arrest": [
        "{org} announces arrests after {place} raid",
        "Suspects detained in {place}",
        "Police in {place} hold {n} over plot",
    ],
    "trial": [
        "Trial of {place} suspects opens",
        "Court hears evidence against {org} members",
        "Verdict expected in {place} case",
    ],
    "protest": [
        "Thousands march in {place}",
        "Clashes as protesters fill the streets of {place}",
        "{org} condemns crackdown in {place}",
    ],
}
WHAT = {"attack": "attack", "arrest": "raid", "trial": "hearing", "protest": "protest"}


class Article:
    """Builds one document: sentences about a story, its cast under this document's spellings."""

    def __init__(self, world: World, story: Story, rng: random.Random, published: dt.date) -> None:
        self.w, self.s, self.rng, self.published = world, story, rng, published
        self.forms: dict[str, set[str]] = {}  # person id -> surfaces this document uses
        self.seen: set[str] = set()  # people already introduced in this document
        self.orgs_seen: set[str] = set()
        cast = story.cast[:]
        rng.shuffle(cast)
        k = min(len(cast), rng.randint(3, 8))
        self.people = [world.people[i] for i in cast[:k]]
        if rng.random() < 0.3:  # someone from outside the story: a commentator, an official
            self.people.append(rng.choice(world.people))
        # one spelling family per person per document, as a real source would write
        self.spelling: dict[str, tuple[int, int, int]] = {}
        for p in self.people:
            g = 0 if rng.random() < 0.5 else rng.randrange(len(p.given))
            s = 0 if rng.random() < 0.4 else rng.randrange(len(p.surname))
            k_ = rng.randrange(len(p.kunya)) if p.kunya else 0
            self.spelling[p.id] = (g, s, k_)
        killed = story.killed
        if killed and rng.random() < 0.4:  # sources disagree
            killed = max(1, killed + rng.randint(-killed // 4 - 1, killed // 4 + 1))
        self.killed = killed

    def _used(self, p: Person, surface: str) -> str:
        self.forms.setdefault(p.id, set()).add(surface)
        return surface

    def person(self, p: Person) -> str:
        """The first mention: full name with title, role, age or kunya; later, a short form."""
        rng = self.rng
        g, s, k = self.spelling[p.id]
        if p.id in self.seen:
            r = rng.random()
            if p.title and r < 0.4:
                return f"{p.title[1]} {self._used(p, p.surname[s])}"
            if p.kunya and r < 0.6:
                return self._used(p, p.kunya[k])
            return self._used(p, p.surname[s])
        self.seen.add(p.id)
        full = self._used(p, p.full(g, s))
        lead = f"{p.title[0]} {full}" if p.title and rng.random() < 0.7 else full
        r = rng.random()
        if p.kunya and r < 0.5:
            kunya = self._used(p, p.kunya[k])
            return rng.choice(
                [
                    f"{lead}, also known as {kunya},",
                    f"{kunya}, whose real name is {full},",
                    f"{lead} (known as {kunya})",
                ]
            )
        if r < 0.35:
            return f"{lead}, {p.age},"
        if r < 0.7:
            return f"{lead}, {self.role(p)},"
        if r < 0.8:
            return f"{lead}, a {p.nationality} national,"
        return lead

    def role(self, p: Person) -> str:
        return p.role.format(org=self.rng.choice(self.s.orgs), place=self.s.place)

    def org(self) -> str:
        o = self.rng.choice(self.s.orgs)
        acr = self.w.acronyms[o]
        if o in self.orgs_seen:
            if len(acr) >= 3 and self.rng.random() < 0.5:
                return acr
            return f"the {o}"
        self.orgs_seen.add(o)
        return f"the {o} ({acr})" if len(acr) >= 3 and self.rng.random() < 0.5 else f"the {o}"

    def date_abs(self) -> str:
        d, rng = self.s.date, self.rng
        if rng.random() < 0.3:
            return f"on {WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}"
        if rng.random() < 0.5 or d.year != self.published.year:
            return f"on {MONTHS[d.month - 1]} {d.day}, {d.year}"
        return f"on {MONTHS[d.month - 1]} {d.day}"

    def date_rel(self) -> str:
        return self.rng.choice(
            [
                "a day later",
                "two days later",
                "the following week",
                "earlier this month",
                "last year",
                f"{self.rng.choice(NUMBER_WORDS)} years ago",
                "last week",
                "on Sunday",
            ]
        )

    def count(self, n: int) -> str:
        return self.rng.choice(BOUNDS).format(n=n)

    def _pick(self) -> tuple[Person, Person]:
        """Two people, the first preferably one not named yet (each cast member gets named)."""
        rng = self.rng
        unseen = [p for p in self.people if p.id not in self.seen]
        a = rng.choice(unseen) if unseen and rng.random() < 0.8 else rng.choice(self.people)
        others = [p for p in self.people if p is not a] or [a]
        return a, rng.choice(others)

    def sentence(self) -> str:
        """One sentence about the story, naming one or two people where it fits."""
        rng, s = self.rng, self.s
        a, b = self._pick()
        t = rng.randrange(18)
        what = WHAT[s.kind]
        if t == 0 and self.killed:
            return (
                f"{_cap(self.count(self.killed))} people were killed and "
                f"{self.count(s.wounded)} wounded in the {what} in {s.place} {self.date_abs()}."
            )
        if t == 1:
            return f"{self.date_rel()}, {self.org()} said it had arrested {s.arrested} people."
        if t == 2:
            return f"{self.person(a)} was arrested in {s.place} {self.date_rel()}."
        if t == 3:
            return f"According to {self.org()}, {self.person(a)} had met {self.person(b)} there."
        if t == 4:
            return f"\u201cWe will not be intimidated,\u201d {self.person(a)} told reporters."
        if t == 5:
            return f"{self.person(a)} is linked to {self.person(b)}, {self.org()} said."
        if t == 6:
            return f"{self.org()} named {self.person(a)} as the organiser of the {what}."
        if t == 7:
            return f"{self.person(a)} denied any role in the {what} {self.date_abs()}."
        if t == 8:
            return f"The {what} took place {self.date_abs()}, {self.person(a)} said."
        if t == 9:
            where = rng.choice(self.w.places)
            return f"{self.person(a)} and {self.person(b)} were later seen in {where}."
        if t == 10 and s.wounded:
            return f"Hospitals in {s.place} treated {self.count(s.wounded)} wounded, doctors said."
        if t == 11:
            return f"{self.person(a)} was released on bail {self.date_rel()}, his lawyer said."
        if t == 12:
            return f"Prosecutors say {self.person(a)} transferred money to {self.person(b)}."
        if t == 13:
            return f"{self.person(a)} was sentenced to {rng.randint(3, 25)} years in prison."
        if t == 14:
            where = rng.choice(self.w.places)
            return f"{self.org()} said {self.person(a)} had fled to {where}."
        if t == 15:
            return f"{self.person(a)} was born in {rng.choice(self.w.places)}, relatives said."
        if t == 16:
            return f"Police detained {s.arrested} suspects, including {self.person(a)}."
        return f"{self.person(a)} spoke to {self.org()} {self.date_rel()}."

    def text(self, target_words: int) -> str:
        rng, s = self.rng, self.s
        title = rng.choice(HEADLINES[s.kind]).format(
            n=self.killed or s.arrested, place=s.place, org=rng.choice(s.orgs)
        )
        d = self.published
        lead = (
            f"{s.place.upper()}, {MONTHS[d.month - 1]} {d.day}, {d.year} \u2014 "
            f"{self.person(self.people[0])} was among those named by {self.org()} after the "
            f"{WHAT[s.kind]} {self.date_abs()}."
        )
        paras, para = [lead], []
        words = len(title.split()) + len(lead.split())
        while words < target_words:
            sent = _cap(self.sentence()) if rng.random() < 0.65 else rng.choice(FILLER)
            para.append(sent)
            words += len(sent.split())
            if len(para) >= rng.randint(2, 4):
                paras.append(" ".join(para))
                para = []
        if para:
            paras.append(" ".join(para))
        return f"{title}\n\n" + "\n\n".join(paras) + "\n"


# --- the corpus ----------------------------------------------------------------------------


def generate(n: int, seed: int = 8, extra: int = 0) -> tuple[list[tuple[str, str]], dict]:
    """`n + extra` (file name, text) pairs, drawn from a world sized for `n`, and a manifest."""
    world = World(n, seed)
    rng = random.Random(seed * 7919 + n)
    docs: list[tuple[str, str]] = []
    mentions: dict[str, dict[str, list[str]]] = {}  # person -> doc name -> surfaces
    for i in range(n + extra):
        story = world.stories[rng.randrange(len(world.stories))]
        published = story.date + dt.timedelta(days=rng.randint(0, 40))
        art = Article(world, story, rng, published)
        text = art.text(rng.randint(300, 600))
        name = f"{i:05d}_{story.id}.txt"
        docs.append((name, text))
        for pid, forms in art.forms.items():
            mentions.setdefault(pid, {})[name] = sorted(forms)
    people = {
        p.id: {
            "name": p.full(0, 0),
            "given": p.given,
            "surname": p.surname,
            "kunya": p.kunya,
            "documents": len(mentions.get(p.id, {})),
            "spellings": sorted({f for fs in mentions.get(p.id, {}).values() for f in fs}),
        }
        for p in world.people
    }
    manifest = {"n": n, "seed": seed, "people": people, "mentions": mentions}
    return docs, manifest


def write(n: int, out: Path, seed: int = 8, extra_dir: Path | None = None) -> dict:
    """Write the corpus to `out` (and one more document to `extra_dir`); the manifest."""
    docs, manifest = generate(n, seed, extra=1 if extra_dir else 0)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in docs[:n]:
        (out / name).write_text(text, encoding="utf-8")
    if extra_dir:
        extra_dir.mkdir(parents=True, exist_ok=True)
        name, text = docs[n]
        (extra_dir / name).write_text(text, encoding="utf-8")
    (out / ".manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("n", type=int, help="number of documents")
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()
    manifest = write(args.n, args.outdir, args.seed)
    words = sum(len(p.read_text().split()) for p in args.outdir.glob("*.txt"))
    print(f"{args.n} documents, {words:,} words, {len(manifest['people'])} people in {args.outdir}")


if __name__ == "__main__":
    main()
