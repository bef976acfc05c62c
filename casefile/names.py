"""Name forms: titles, particles, folding, and transliteration-tolerant comparison.

General resources only: English titles and roles, Arabic/Persian/European name particles,
and spelling correspondences common in romanisations (ou/u/o, ee/i, ph/f, dzh/j, -oyev/-ev…).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

# Titles and roles that precede a name but are not part of it.
TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady
    general gen gen. lieutenant lt lt. colonel col col. major maj maj. captain capt capt.
    sergeant sgt sgt. corporal private admiral adm commander cmdr marshal brigadier field
    president vice prime minister premier chancellor secretary ambassador envoy consul
    senator sen sen. rep rep. representative congressman congresswoman governor gov gov.
    mayor judge justice magistrate prosecutor attorney chief deputy director spokesman
    spokeswoman spokesperson king queen prince princess emir sheikh shaikh sheekh sultan
    imam mullah ayatollah cleric rabbi pastor father reverend rev rev. bishop cardinal pope
    pope saint st st. chairman chairwoman chair officer inspector detective agent
    leader commissioner founder ceo head foreign defence defense interior
    brig brig. alhaji alhaja hajiya haji hajji malam mallam ustaz ustadh mawlawi maulvi mufti
    molvi moulvi mowlavi molavi mowlana
    qari mullah hojatoleslam hojjatoleslam hojatolislam maulana moulana mawlana
    cpl cpl. pfc pfc. pvt pvt. spc ssgt msgt bgen bgen. mgen mgen. ltgen ltgen. ltcol capt.
    supt supt. superintendent insp insp. constable mp mla mna engr engr. atty atty. hon hon.
    datu datuk dato datin hadji hadja ustadz ugaas suldaan garaad sardar
    warrant staff adj adj. comr comr. cmdt cmdt. commandant adjudant capitaine sergent gendarme
    kombes akbp akp kompol iptu ipda aiptu brigjen irjen komjen pol pol. regent bupati
    asp ssp dsp igp dig aig sho asi
    av av. avukat counsellor counselor mullo mulla
    seri tun puan ustazah hajah encik caporal chef
    fon hrh majesty highness barrister me maître maitre madam pa daw advocate adv adv.
    pat pat. pcpl pcpl. pssg pmsg psms pcms pems plt pcpt pmaj pltcol pcol pbgen pmgen ssg tsg
    bulama lawan ardo
    mzee kamanda bw bw. bi mheshimiwa jaji hakimu mwalimu ndugu
    shri smt smt. sri naik havildar sepoy subedar rifleman jawan
    ato weyzero woizero weizero weyzerit w/ro
    questore vicequestore prefetto procuratore giudice avvocato avv avv. dott dott. sig sig.
    maresciallo brigadiere commissario ispettore appuntato carabiniere
    kriminaldirektor kriminalhauptkommissar kriminalkommissar kriminaloberkommissar
    kriminalrat polizeiprasident polizeipraesident polizeihauptkommissar oberstaatsanwalt
    oberstaatsanwaltin staatsanwalt staatsanwaltin bundesanwalt bundesanwaltin richter
    richterin rechtsanwalt rechtsanwaltin
    patrolman patrolwoman trooper sheriff haj hajj
    cabo sargento teniente subteniente capitan coronel comandante suboficial prefecto
    subprefecto subprefect prefect comisario subcomisario fiscal juez jueza magistrado
    magistrada licenciado abogado abogada senor senora delegado procurador procuradora juiz
    juiza lonko shehe bai bey hanim intendente subinspector agente ertzaina commissaire
    gaashaanle sare dhexe dhamme sareeye sarreeye guuto gaas xiddigle jeneraal taliye
    xildhibaan guddoomiye wasiir jaalle cde attorney-at-law
    otunba oba baale balogun igwe togbe opanin honour
    """.split()  # (German ones folded, as they are compared: "Staatsanwältin" is "staatsanwaltin")
)

# Particles that belong to a name but are not a surname or given name on their own ("a/l",
# "s/o": the Tamil "son of" in Malaysian and Singaporean names).
PARTICLES = frozenset(
    """
    abu abou abo bou umm um ibn bin ben bint al el ul ud ad as ash asch at az ar an
    van von der den de del della di da du la le dos das mac ter ten het
    dela delos delas los las degli dei binti binte bte bt y a/l a/p s/o d/o
    epouse veuve
    ni nic ui mhic
    """.split()
)
# Turkic patronymics written after the father's name: Kyrgyz "uulu" (son of) / "kyzy"
# (daughter of), Kazakh "uly" / "qyzy", Azerbaijani "oglu" / "ogly" / "qizi", Turkmen "ogly" /
# "gyzy". "Azamat Erlan uulu" is Azamat, son of Erlan; Russian-style documents write the
# same man "Azamat Erlanov" (a daughter: "-ova").
# Uzbek "o'g'li" (son of; "ogli", "ugli" without the apostrophes) and "qizi" (daughter of).
PATRONYMIC_AFTER = {
    "uulu": "ov", "uly": "ov", "ulu": "ov", "oglu": "ov", "ogly": "ov", "oğlu": "ov",
    "o'g'li": "ov", "ogli": "ov", "ugli": "ov",
    "kyzy": "ova", "kizi": "ova", "qizi": "ova", "qyzy": "ova", "gyzy": "ova", "kyzi": "ova",
}  # fmt: skip
# the same as a regex alternation, any apostrophe for the Uzbek one ("o‘g‘li", "oʻgʻli")
PATRONYMIC_AFTER_RE = "|".join(k.replace("'", "['’‘ʻʼ]") for k in PATRONYMIC_AFTER)

# the endings of Turkic and Persian family names: Aliyev, Mammadova, Guliyeva, Sultanli, Rzazade
SURNAME_ENDING = re.compile(
    r"(?<=[a-z]{3})(?:ov|ev|yev|ova|eva|yeva|(?<=[^aeiou])l[iu]|zade|zada)$"
)


def _patronymic_order(core: tuple[str, ...] | list[str]) -> tuple[str, str] | None:
    """(given name, surname) of a name with a Turkic patronymic inside it: "Aliyev Ramin Natiq
    oglu" (a register's surname first) or "Jasur Rustam o'g'li Karimov" (Uzbek, surname last)."""
    if len(core) != 4:
        return None
    if core[3] in PATRONYMIC_AFTER and SURNAME_ENDING.search(core[0]):
        return core[1], core[0]
    if core[2] in PATRONYMIC_AFTER:
        return core[0], core[3]
    return None


# Given names worn as a prefix in South and Southeast Asian usage ("Md Karim Uddin" is called
# Karim): the name after the prefix is the one used alone.
# Endings of a Russian patronymic ("Sergeyevich", "Petrovna"): a name ending so is written
# surname first ("Ivanov Pyotr Sergeyevich")
# (and the Ukrainian forms: "Levkovych", "Fedorivna")
RUSSIAN_PATRONYMIC = (
    r"(?:ovich|evich|yevich|ich|ovna|evna|yevna|ichna|inichna|ovych|evych|yovych|ivna|yivna)"
)
# Names' first words that a person is not called by alone ("Mir" is a South Asian
# honorific that opens a name: "Mir Hassan X" is Hassan)
NAME_PREFIXES = frozenset(
    "md mohd muhd mohammad muhammad mohammed muhammed mohamed mohamad muhamad mir "
    # the South Asian Syed ("Syed X Y" is called X), and the Sayed of Gulf Shia names, which
    # lists write as part of the name ("Sayed X Y Al-Z")
    "syed seyed sayed sayyid sayid seyyed".split()
)
# Generational suffixes after a name ("Jr.", "III"; British "Snr", "Jnr"): part of the name,
# never its surname.
SUFFIXES = frozenset("jr jr. sr sr. jnr jnr. snr snr. ii iii iv junior senior".split())
# Kunya openers: "Abu X" / "Umm X" names a person through a child; a kunya is an alias,
# never a surname-bearing full name.
# A person named by initials alone: "R.J.K.", "Zh.R." (two-letter initials: Sh, Ch, Kh, Zh, Ts)
# (and the South Slavic digraphs: "H.Dj.", "S.Lj.", "N.Dz.")
INITIALS_ONLY = r"(?:(?:[A-Z][hsjz]?|Y[eua])\.){2,4}"
KUNYA = frozenset({"abu", "abou", "abo", "ebu", "umm", "um", "ummu"})  # "Ebu": Turkish
# Compound given-name heads ("Abdul Hakim") — the part after is not a surname.
COMPOUND_HEADS = frozenset({"abdul", "abdel", "abdal", "abd", "abdur", "abdus", "abdel-"})

# invisible characters, bidi marks and controls: not part of how a name is compared
ZERO_WIDTH = dict.fromkeys(
    map(
        ord,
        "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u061c"
        "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    None,
)
_APOS = "'’ʼ`´‘ʻ"  # (Uzbek Latin writes o' and g' with the turned comma ʻ or ‘)
# Turkish dotless i has no accent to strip ("Ilgın" is Ilgin); same length, so offsets hold.
# (Turkish ş and ç fold to s and c, which the skeleton reads as sh and ch already.)
_DOTLESS = str.maketrans({"ı": "i", "ə": "a", "Ə": "A"})
_POSSESSIVE = re.compile(rf"[{_APOS}]s?$")


@lru_cache(maxsize=1 << 16)
def fold(s: str) -> str:
    """Casefold, drop accents and zero-width characters, unify apostrophes and dashes."""
    s = s.translate(ZERO_WIDTH).translate(_DOTLESS)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(f"[{_APOS}]", "'", s)
    s = re.sub(r"[\u2010-\u2015]", "-", s)
    return s.casefold()


@lru_cache(maxsize=1 << 16)
def spelling(s: str) -> str:
    """`fold` that keeps accents: "Zorzál" and "Zorzal" are two spellings of one name."""
    s = unicodedata.normalize("NFC", s.translate(ZERO_WIDTH))
    s = re.sub(f"[{_APOS}]", "'", re.sub(r"[\u2010-\u2015]", "-", s))
    return " ".join(s.split()).casefold()


# Letters whose decomposition does not reach an ASCII base letter.
# (Azerbaijani ə is written a in English: Əliyev / Aliyev, Məmmədov / Mammadov)
_LETTER_BASE = {"ı": "i", "ə": "a", "Ə": "A", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "t", "Þ": "T", "ß": "s",
                "æ": "a", "Æ": "A", "œ": "o", "Œ": "O", "ħ": "h", "Ħ": "H"}  # fmt: skip


@lru_cache(maxsize=4096)
def _base_letter(c: str) -> str:
    if c in _LETTER_BASE:
        return _LETTER_BASE[c]
    base = unicodedata.normalize("NFKD", c)[:1]
    return base if base.isascii() and base.isalpha() else c


def ascii_letters(text: str) -> str:
    """The text with each accented Latin letter replaced by its base letter, one character
    for one ("Özbilgin" → "Ozbilgin", "Oğurlu" → "Ogurlu"), so that offsets stay the text's own.
    Rules written with [A-Z] and [a-z] read Turkish, French and Portuguese names on it."""
    if text.isascii():
        return text
    return "".join(_base_letter(c) if not c.isascii() and c.isalpha() else c for c in text)


def given_names(name: str) -> set[str]:
    """The tokens a person may be called by alone: the first, or the one after a prefix."""
    core = core_tokens(name)
    if len(core) < 2:
        return set()
    words = name.split()
    if len(words[0]) > 1 and words[0].isupper() and not name.isupper():
        # "KHEMIRI Walid ben Habib", "BEN SALEM Karim": the surname in capitals comes first,
        # and either may stand alone
        given = next((w for w in words if not w.isupper() and fold(w) not in PARTICLES), None)
        return {core[0], *([fold(given)] if given else [])}
    if len(core) == 3 and re.fullmatch(r"\w{3,}" + RUSSIAN_PATRONYMIC, core[2]):
        return {core[1]}  # "Dzhabrailov Ruslan Akhmedovich": surname first, as Russians list
    if order := _patronymic_order(core):
        return {order[0]}
    out = {core[0]}
    if core[0] in NAME_PREFIXES and len(core) >= 3:
        out.add(core[1])
    low = [fold(w) for w in words]
    if next((i for i, w in enumerate(low) if w in _MALAY_CHILD_OF), 0) >= 2 and len(core) >= 3:
        out.add(core[1])  # "Nur Sharifah binte Latif", "Kamarul Iskandar bin Latif": either alone
    return out


# the Malay "son of" / "daughter of" after a personal name of two words or more
_MALAY_CHILD_OF = frozenset({"bin", "binti", "binte", "bte", "bt"})


def strip_possessive(s: str) -> str:
    return _POSSESSIVE.sub("", s)


def tokens(name: str) -> list[str]:
    """Folded word tokens; 'al-Assad' -> ['al', 'assad'], a possessive dropped."""
    return list(_tokens(name))


@lru_cache(maxsize=1 << 18)  # resolution asks for the same names again and again
def _tokens(name: str) -> tuple[str, ...]:
    t = fold(strip_possessive(HUNGARIAN_GENERATION.sub("", name.strip(), count=1)))
    return tuple(w for w in re.split(r"[\s\-\u2010-\u2015.]+", t) if w and w != "'")


def core_tokens(name: str) -> list[str]:
    """Tokens without leading titles and without particles."""
    return list(_core_tokens(name))


# Titles that are given names too: "Emir Hodzic", "Sultan Pirmatov" name a man so called. Before
# one word with a Slavic, Russian, Turkish or Armenian surname's ending they are his given name
# (a title stands before Arabic names: "Emir Abu X", "Sultan Qaboos")
GIVEN_TITLES = frozenset({"emir", "sultan", "malik", "raja"})
_EUROPEAN_SURNAME = re.compile(r"(?<=[a-z]{3})(?:[iy]c|ov|ev|ova|eva|oglu|ski|ska|yan|enko)$")


# the Turkic "son of" / "daughter of", written apart from the name it follows
_TURKIC_CHILD = frozenset({"oglu", "ogly", "ogli", "uulu", "kyzy", "qizi", "gizi"})


# Sheikh is a given name in West Africa and Mauritania (Cheikh, Cheick) as well as a title
_SHEIKHS = frozenset({"sheikh", "shaikh", "shaykh", "cheikh", "cheick", "cheik"})
# the links of a chain of names, as spelled: "son of" (Hassaniya Ould / Uld, Tuareg ag, Arabic
# bin / ibn) and "daughter of" (Mint, bint)
NASAB_LINKS = {
    "ould": "son", "uld": "son", "wuld": "son", "ag": "son", "bin": "son", "ibn": "son",
    "mint": "daughter", "bint": "daughter", "binti": "daughter",
}  # fmt: skip
_SON_OF_WORDS = frozenset({w for w, k in NASAB_LINKS.items() if k == "son"} | {"ben"})


def title_is_given(toks: tuple[str, ...] | list[str]) -> bool:
    """Folded tokens that open with a title worn as a given name: "emir", "hodzic"; or a
    title the Turkic "son of" makes a surname: "hajji", "oglu"."""
    if len(toks) >= 3 and toks[0] in _SHEIKHS and toks[1] in _SON_OF_WORDS:
        return True  # "Cheikh Ould X": a title needs a name after it, not "son of"
    return len(toks) == 2 and (
        toks[0] in GIVEN_TITLES
        and bool(_EUROPEAN_SURNAME.search(toks[1]))
        or toks[1] in _TURKIC_CHILD
    )


# Honorifics that South Asian usage writes as part of the name ("Shaik Nooruddin Ali", the
# Telugu states' spelling of Shaikh): kept in the mention, set aside when names are compared
KEPT_HONORIFICS = frozenset({"shaik"})


def _untitled(toks: tuple[str, ...]) -> tuple[str, ...]:
    """The tokens without the titles that open them (a title worn as a given name stays)."""
    while (
        len(toks) > 1
        and (toks[0] in TITLES or toks[0] in KEPT_HONORIFICS)
        and not title_is_given(toks)
    ):
        toks = toks[1:]
    return toks


@lru_cache(maxsize=1 << 18)
def _core_tokens(name: str) -> tuple[str, ...]:
    toks = _untitled(_tokens(name))
    while len(toks) > 1 and toks[-1] in SUFFIXES:
        toks = toks[:-1]
    return tuple(t for t in toks if t not in PARTICLES)


_GENERATION = re.compile(r"(?i),?[ \t]+(jn?r|sn?r|ii|iii|iv|junior|senior)\.?$")


def generation(name: str) -> str | None:
    """'jr' of "X Y Jr.", 'iii' of "X Y III": the generation a name ends with, if any; or
    the one it opens with, as Hungarian writes it ("ifj. X Y", the younger; "id. X Y")."""
    m = _GENERATION.search(name.strip()) or HUNGARIAN_GENERATION.match(name.strip())
    return _GENERATION_AS.get(m.group(1).lower(), m.group(1).lower()) if m else None


# "ifj." (ifjabb, the younger) and "id." (idősebb, the elder) before a Hungarian name
HUNGARIAN_GENERATION = re.compile(r"^(ifj|id)\.[ \t]+(?=\w)")


# the British forms, and the words written out ("X Y junior", in translations from Italian)
_GENERATION_AS = {"jnr": "jr", "snr": "sr", "junior": "jr", "senior": "sr", "ifj": "jr", "id": "sr"}


def core_tokens_with_particles(name: str) -> list[str]:
    """Tokens without leading titles, particles kept ("ben", "el")."""
    return list(_untitled(_tokens(name)))


@lru_cache(maxsize=1 << 16)
def is_kunya(name: str) -> bool:
    toks = tokens(name)
    return len(toks) >= 2 and toks[0] in KUNYA


_MOTHER_OF = frozenset({"umm", "um", "ummu"})


def kunya_opener(name: str) -> str | None:
    """'abu' for a father's kunya, 'umm' for a mother's ("Umm X" is X's mother, never his
    father "Abu X"); None for a name that is no kunya."""
    if not is_kunya(name):
        return None
    return "umm" if tokens(name)[0] in _MOTHER_OF else "abu"


def surname(name: str) -> str | None:
    """The last core token of a multi-token personal name, or None (kunyas, single tokens)."""
    toks = tokens(name)
    if order := _patronymic_order(toks):
        return order[1]
    if len(toks) < 2 or toks[0] in KUNYA or toks[-1] in PATRONYMIC_AFTER:
        return None  # "Erlan Bolot uulu" has no surname; "Bolot uulu" is his short form
    if len(toks) == 2 and HUNGARIAN_GENERATION.match(name.strip()):
        return toks[0]  # "ifj. X Y": a Hungarian name, the family name first
    while len(toks) > 2 and toks[-1] in SUFFIXES:
        toks = toks[:-1]  # "Marcus Ortiz Jr." → Ortiz
    core = [t for t in toks if t not in PARTICLES]
    words = [t for t in core if len(t) > 1]
    if len(words) < len(core) and len(core[0]) > 1 and len(core[-1]) > 1 and len(words) >= 2:
        return core[-1]  # a middle initial: "Rafael T. Moreno" → Moreno
    if len(words) < len(core):  # initials: "Yuldashev B.T.", "P.I. Zhdanov"
        if len(words) >= 2 and (len(core[0]) > 1 or len(core[-1]) > 1):
            return words[-1]  # "M.K. Anwar Sadiq", "Anwar Sadiq M.K.": called Sadiq
        return words[0] if len(words) == 1 else None
    if len(core) < 2 or (len(core) == 2 and core[0] in COMPOUND_HEADS):
        return None
    return core[-1]


# the sound j in romanisations: German dsch, Russian dzh, South Slavic dj and dz, Albanian xh
_J = r"dsch|dzh|dj|xh|dz"
# Spelling correspondences of romanised names, applied before vowels are dropped.
_DIGRAPHS = [
    (r"(?<=[a-z]{3})eh$", "e"),  # Persian -zadeh / -zade
    (r"(?<=[iy])ah$", "a"),  # Arabic -iyah / -iya
    # German romanisation of Russian first: dsch = dzh, tsch = ch, sch = sh (Dschamalow);
    # Albanian writes the sound xh, South Slavic dž (dz without its caron): Haxhi / Hadzi
    (_J + "|zh", "j"),
    (r"n(?=[bp])", "m"),  # a nasal before b or p, written either way: Lanpani / Lampani
    (r"tsch|tch", "c"),
    (r"sch|sh", "s"),
    (r"ch", "c"),
    (r"ph", "f"),
    (r"kh", "h"),
    (r"gh", "g"),
    (r"th", "t"),
    (r"ck|q|c(?=[aou])", "k"),
    (r"x", "ks"),
    (r"yev$|iev$|jev$|oyev$|ov$|ow$|ev$|off$|eff$", "v"),
    (r"(?<=[aeiou])w", "u"),  # "aw"/"ow" are vowels: Dawlatov / Doulatov
    (r"w", "v"),
]


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """Consonant skeleton: vowels, y and inner h dropped, doubles collapsed.

    'karim' and 'kerim' -> 'krm'; 'nazir' and 'nazeer' -> 'nzr'; 'dawlati' and 'doulati'
    -> 'dlt'; 'mirzoev' and 'mirzoyev' -> 'mrzv'.
    """
    t = fold(token)
    t = re.sub(r"[^a-z]", "", t)
    if not t:
        return ""
    for pat, rep in _DIGRAPHS:
        t = re.sub(pat, rep, t)
    # w/y/h are glides between vowels in most romanisations ("Dawlati" / "Doulati")
    # ("Dawlati" / "Doulati"); a final h is a consonant ("Abdullah" is not "Abdul").
    head, body = (t[0], t[1:]) if t[0] not in "aeiouy" else ("", t)
    t = head + re.sub(r"[aeiouy]|h(?!$)", "", body)
    return re.sub(r"(.)\1+", r"\1", t)


@lru_cache(maxsize=65536)
def vowel_fold(token: str) -> str:
    """A gentler form for ratio scoring: ee->i, oo/ou->u, doubles collapsed, digraphs unified."""
    t = re.sub(r"[^a-z]", "", fold(token))
    t = re.sub(r"([^aeiou])\1+", r"\1", t)  # "Ayyoubi" / "Ayoubi" before y is read
    t = re.sub(r"(?<=[^aeiouy])y$", "i", t)  # Aly / Ali, Fahmy / Fahmi
    for pat, rep in (
        # Persian endings in -u'i written -ouei, -oui, -oee, -ui ("Sarouei" / "Saroee")
        (r"(?<=[^aeiou])(?:ou|oo|o|u)(?:ee|ei|ie|i|e)+$", "ui"),
        (r"(?<=[a-z]{3})eh$", "e"),
        (r"(?<=[iy])ah$", "a"),
        (r"ee|ie|ey|ay(?=[aeiou])", "i"),
        (r"oo|ou|ow|aw", "u"),
        (r"ph", "f"),
        (_J, "j"),
        (r"n(?=[bp])", "m"),
        (r"tsch", "ch"),
        (r"sch", "sh"),
        (r"q", "k"),  # Tariq / Tarik, Qasim / Kasim
    ):
        t = re.sub(pat, rep, t)
    return re.sub(r"(.)\1+", r"\1", t)


@dataclass(frozen=True, slots=True)
class TokenMatch:
    a: str
    b: str
    score: float
    why: str


_MUHAMMAD = frozenset(
    "mohammad muhammad mohammed muhammed mohamed muhamed mohamad muhamad mohammod "
    # West and East African forms: Mamadou, Muhammadu (Hausa), Muhamadi, Momade (Mozambique)
    "mamadou mahamadou muhammadu muhamadu muhamadi mohamadi momade "
    # Russian (Magomed, from the Avar and Chechen form), Central Asian, Somali, Turkish
    "magomed mukhammad mukhammed mukhamed muhammet mohamud maxamed mehmet mehmed "
    # the abbreviations of South and Southeast Asian usage (Md in Bangladesh, Mohd in Malaysia)
    "md mohd muhd mhd".split()
)


def _muhammad(token: str) -> bool:
    """A listed form, or one with the skeleton of Mehmet that ends as it does: Turkic and
    Central African forms the list lacks (m-t, not m-d: Mahmud and Ahmed are other names)."""
    return token in _MUHAMMAD or (
        len(token) >= 5 and token[0] == "m" and token[-1] == "t" and skeleton(token) == "mt"
    )


# Husayn, the name most often spelled many ways; its vowels and glides are what tell it from
# Hassan, and they are what the spellings change
_HUSAYN = frozenset(
    "hussein hussain husain husein hossein hosein husayn hussayn hoseyn hosseyn huseyin "
    "hossain husseyn".split()
)


_TA_MARBUTA = re.compile(r"(?<=[^aeiou])(?:ah|eh|a|e)$")


_OU_O = re.compile(r"ou|o")
_VOWEL_RUNS = re.compile(r"[aeiouy]+")
_OU_VOWEL = re.compile(r"ou[aei]")
_DI_VOWEL = re.compile(r"di[aeou]")
_CC_Q = re.compile(r"[cq]{2}(?=[aou])")
_K_EI = re.compile(r"k(?=[ei])")
_X_START = re.compile(r"^x")


def _plain_vowels(w: str) -> str:
    """o, ou and u as one vowel, e and i as one: what transliterations of Arabic swap."""
    return _OU_O.sub("u", w).replace("ee", "i").replace("e", "i")


@lru_cache(maxsize=1 << 18)  # the same pairs of tokens recur in every document and pair
def token_match(a: str, b: str) -> TokenMatch | None:
    """Compare two name tokens; None if they are not plausibly the same word."""
    if a == b:
        return TokenMatch(a, b, 1.0, f"{a} = {b}")
    if _muhammad(a) and _muhammad(b):  # two vowels apart, too short a skeleton to tell
        return TokenMatch(a, b, 0.95, f"{a}~{b}: one name (Muhammad) spelled two ways")
    if a in _HUSAYN and b in _HUSAYN:
        return TokenMatch(a, b, 0.95, f"{a}~{b}: one name (Husayn) spelled two ways")
    sa, sb = skeleton(a), skeleton(b)
    if not sa or not sb:
        # all vowels and glides ("Yahya" / "Yahia"): only the letters can tell
        if len(a) >= 4 and a[0] == b[0] and _glides(a) == _glides(b):
            # a French or Chadian spelling leaves the h out: Yaya / Yahya / Yahia
            return TokenMatch(a, b, 0.88, f"{a}~{b}: the same once h and i / y glides are read")
        ok = len(a) >= 4 and ratio(vowel_fold(a), vowel_fold(b)) >= 80 and a[0] == b[0]
        return TokenMatch(a, b, 0.86, f"{a}~{b}: the same letters but one") if ok else None
    vowels = "aeiou"
    same_start = (a[0] in vowels and b[0] in vowels) or sa[:1] == sb[:1]
    va, vb = vowel_fold(a), vowel_fold(b)
    if va == vb:
        return TokenMatch(a, b, 0.95, f"{a}~{b}: same letters once romanised vowels are folded")
    r = ratio(va, vb) / 100
    # A short skeleton says little ("Hassan" / "Hussein"): the letters must agree too.
    if sa == sb and (len(sa) >= 4 or r >= 0.75):
        return TokenMatch(a, b, 0.85 + 0.1 * r, f"{a}~{b}: same consonant skeleton '{sa}'")
    # Russian renders h as g (Gusein, Gadzhi); Egyptian Arabic j as g (Gamal, el-Gaadani);
    # Turkish spelling writes j as c (Cevdet / Jevdet)
    if "g" in a + b and vowel_fold(a.replace("g", "h")) == vowel_fold(b.replace("g", "h")):
        return TokenMatch(a, b, 0.86, f"{a}~{b}: the same but for a Russian g for h")
    # the same consonants and as many vowels (three or more), only the vowels differ
    # ("Alerom" / "Alirum"); two are too few to tell ("Talib" / "Tulab")
    groups_a, groups_b = _VOWEL_RUNS.findall(a), _VOWEL_RUNS.findall(b)
    # (the first letters may differ only as the skeleton allows: Qutayfa / Koteifa)
    if (
        sa == sb
        and len(sa) >= 3
        and len(groups_a) == len(groups_b) >= 3
        and (a[0] == b[0] or a[0] not in vowels and b[0] not in vowels)
    ):
        return TokenMatch(a, b, 0.85, f"{a}~{b}: same consonants, the vowels written differently")
    for x, y, why, least in (
        ("g", "h", "Russian g for h", 3),
        ("g", "j", "Egyptian g for j", 3),
        ("c", "j", "Turkish c for j", 3),
        # Tamil script writes one letter for k/g, t/d/th and s/ch: Kandiah / Kanthiah,
        # Ganesan / Kanesan, Sivakumar / Chivakumar; long names only (Kamal is not Gamal)
        ("g", "k", "k for g", 4),
        ("d", "t", "t for d", 3),
        ("c", "s", "s for ch", 4),
        # Bantu languages (and Japanese, Korean) have one sound for l and r: Bwambale /
        # Bwambare, Kilembe / Kirembe; long names only (Karim is not Kalim)
        ("l", "r", "r for l", 4),
        # Bengali (and Indonesian) spelling writes the Arabic z as j: Jubayer / Zubair
        ("j", "z", "j for z", 3),
        # Persian, Turkic and Russian renderings devoice b: Akbar / Alekper, Zaynab / Zeynep;
        # long names only
        ("b", "p", "p for b", 4),
    ):
        if len(sa) >= least and sa != sb and sa.replace(x, y) == sb.replace(x, y):
            return TokenMatch(a, b, 0.86, f"{a}~{b}: same consonant skeleton but for {why}")
    # Somali spelling has no z: Sakariye / Zakariye (long names only: Samir is not Zamir)
    if min(len(a), len(b)) >= 7 and {a[0], b[0]} == {"s", "z"} and a[1:] == b[1:]:
        return TokenMatch(a, b, 0.86, f"{a}~{b}: s for z")
    # Portuguese and Spanish spellings of one name, s or z inside it: Meneses / Menezes, Gonzales /
    # Gonzalez, Sanches / Sanchez (five letters at least: Paz is not Pas)
    if min(len(a), len(b)) >= 5 and a[0] == b[0] and a.replace("z", "s") == b.replace("z", "s"):
        return TokenMatch(a, b, 0.86, f"{a}~{b}: s for z")
    # French ou before a vowel for w: Ouahbi / Wahbi, Ouazzani / Wazzani
    for x, y in ((a, b), (b, a)):
        if _OU_VOWEL.match(x) and y[:1] == "w" and len(x) >= 5:
            m = token_match("w" + x[2:], y)
            if m is not None and m.score >= 0.85:
                return TokenMatch(a, b, min(0.88, m.score), f"{a}~{b}: French ou for w ({m.why})")
    # French di before a vowel for the j of West African English spellings: Diawara / Jawara
    for x, y in ((a, b), (b, a)):
        if _DI_VOWEL.match(x) and y[:1] == "j" and len(x) >= 5:
            # (and the English -ow for the French -o: Diawallo / Jawallow)
            m = token_match("j" + x[2:], y[:-1] if x.endswith("o") and y.endswith("ow") else y)
            if m is not None and m.score >= 0.85:
                return TokenMatch(a, b, min(0.88, m.score), f"{a}~{b}: French di for j ({m.why})")
    # French spelling writes sh as ch: Chaker / Shakir, Hicham / Hisham, Achraf / Ashraf
    for x, y in ((a, b), (b, a)):
        if (
            "ch" in x
            and "sh" not in x
            and len(x) >= 5
            and len(skeleton(x.replace("ch", "sh"))) >= 2
        ):
            m = token_match(x.replace("ch", "sh"), y)
            if m is not None and m.score >= 0.85:
                return TokenMatch(a, b, min(0.9, m.score), f"{a}~{b}: a French ch for sh ({m.why})")
    # Turkish spelling of Arabic names: e for a (Enes / Anas, Selim / Salim) and a final t
    # for d (Ahmet / Ahmad, Halit / Khalid, Murat / Murad)
    if min(len(a), len(b)) >= 4 and sa == sb and a.replace("e", "a") == b.replace("e", "a"):
        return TokenMatch(a, b, 0.86, f"{a}~{b}: a Turkish e for a")
    if min(len(a), len(b)) >= 4 and {a[-1], b[-1]} == {"d", "t"}:
        m = token_match(a[:-1] + b[-1], b)
        if m is not None and m.score >= 0.85:
            return TokenMatch(a, b, min(0.86, m.score), f"{a}~{b}: a Turkish final t for d")
    short, long_ = sorted((a, b), key=len)
    # Lithuanian and Latvian nominative endings on a Slavic (or any foreign) name: Lithuanian
    # -as, -is, -us, -ys (Morozovas, Arkadijus), Latvian -s after a consonant (Morozovs,
    # Arkadijs); the names compared without them (Morozovas / Morozovs / Morozov)
    ba, bb = _baltic_stem(a), _baltic_stem(b)
    if (
        (ba, bb) != (a, b)
        and min(len(ba), len(bb)) >= 4
        and ba[-1] not in "aeiouy"
        and (ba == bb or ((m := token_match(ba, bb)) is not None and m.score >= 0.9))
    ):
        return TokenMatch(a, b, 0.86, f"{a}~{b}: a Baltic ending (-as, -us, -s) on the name")
    # a Russian ending on a Turkic or Arabic name: Mamat / Mamatov, Tursun / Tursunov
    if len(short) >= 4 and long_ in (short + "ov", short + "ev"):
        return TokenMatch(a, b, 0.86, f"{a}~{b}: the same name with a Russian -ov ending")
    # Tajik -zoda for the Russian -ov (Tajikistan's surnames since 2016):
    # Rahimov / Rahimzoda
    ra, rb = (_ZODA.sub("", x) for x in (a, b))
    if (ra == a) != (rb == b) and len(min(ra, rb, key=len)) >= 4:
        plain, russian = (ra, rb) if ra != a else (rb, ra)
        if russian.endswith(("ov", "ev")) and (m := token_match(plain, russian[:-2])):
            score = min(0.86, m.score - 0.06)  # no more than the plain -ov ending says
            return TokenMatch(a, b, score, f"{a}~{b}: a Tajik -zoda for a Russian -ov")
    # the Arabic article joined to a South Asian first name, written or left out: Shamsul /
    # Shams ("Shams-ul-Haq" / "Shams Haq"), Ziaur / Zia, Habibur / Habib
    for x, y in ((a, b), (b, a)):
        if (
            (art := _JOINED_ARTICLE.search(x))
            and not _JOINED_ARTICLE.search(y)
            and len(stem := x[: art.start()]) >= 3
            and stem[-1] != "o"  # "-our" is the French ou, no article: Haddour is not Hadda
            and len(x) - len(y) <= 3  # (not a whole second name joined on)
            and (m := token_match(stem, y))
            and m.score >= 0.9
        ):
            return TokenMatch(a, b, 0.86, f"{a}~{b}: the article -{art.group()} joined or not")
    # a silent final h after a vowel, dropped: Samiullah / Samiulla, Fatimah / Fatima
    if len(short) >= 5 and long_ == short + "h" and short[-1] in "aeiou":
        return TokenMatch(a, b, 0.92, f"{a}~{b}: a silent final h written or not")
    # Arabic ta marbuta written -ah, -eh, -a or -e, and o / ou / u, e / i for one vowel
    # ("Oudah" / "Odeh", "Salameh" / "Salama")
    ta_a, ta_b = _TA_MARBUTA.sub("", a), _TA_MARBUTA.sub("", b)
    if (ta_a, ta_b) != (a, b) and (
        len(ta_a) >= 2
        and _plain_vowels(ta_a) == _plain_vowels(ta_b)
        # and the diphthong written ay or ai: Zubaydah / Zubaida
        or len(ta_a) >= 4
        and _arabic_vowels(ta_a) == _arabic_vowels(ta_b)
    ):
        return TokenMatch(a, b, 0.86, f"{a}~{b}: a final -ah / -eh (ta marbuta) written two ways")
    # Turkish (and Central Asian) spelling devoices a final d: Mehmet / Mehmed
    if len(va) >= 4 and va[:-1] == vb[:-1] and {va[-1], vb[-1]} == {"d", "t"}:
        return TokenMatch(a, b, 0.88, f"{a}~{b}: a final t for d")
    # Portuguese forms only where the first letters agree and enough is left: a dropped h
    # leaves a weak skeleton (Ismaae is not Hayeesamae)
    pa, pb = _lusophone(a), _lusophone(b)
    if pa != pb and (pa[:1] != pb[:1] or len(skeleton(pa)) < 3):
        pa, pb = a, b
    # Somali spelling: c for the ayn ("Caasha" / "Aasha"), x for the h ("Xamid" / "Hamid");
    # Uzbek Latin x for kh ("Xoliq" / "Kholiq")
    # South Asian k for kh ("Rukhsana" / "Ruksana"); v for w in South Asian, Slavic and
    # German romanisations ("Nuwan" / "Nuvan", "Sidorow" / "Sidorov")
    for fa, fb, why in (
        # the aspirated p of Thai and Indic names written ph or p (Phanuwat / Panuwat):
        # only where one side has the ph (two f-sounding ph's are a spelling of their own)
        (*_aspirated_p(a, b), "p for ph"),
        # the South Slavic đ written dj or, its stroke dropped, d (Đurkan / Djurkan / Durkan)
        (*_dj_for_d(a, b), "dj or d for đ"),
        (_ayn_x_folded(a), _ayn_x_folded(b), "c for ayn / x for h or kh"),
        (a.replace("kh", "k"), b.replace("kh", "k"), "k for kh"),
        (a.replace("w", "v"), b.replace("w", "v"), "v for w"),
        # German writes kh as ch and y as j: Machmud / Makhmud, Jussuf / Yusuf, Schamiljew
        (_german_kh(a), _german_kh(b), "ch for kh"),
        # Oromo (Qubee) spelling: long vowels doubled, q for k, c for ch, x for t
        (_qubee(a), _qubee(b), "Oromo spelling (doubled vowels, q, c, x)"),
        # a Russian name in German spelling: j for y, w for v, s for z (Elmursajew /
        # Elmurzaev, Osdojew / Ozdoev)
        (*_german_slavic(a, b), "German spelling of a Russian name"),
        # and a Caucasian given name so: s for z with ch for kh (Salmanchan / Zalmankhan)
        (*_german_s_ch(a, b), "German s for z and ch for kh"),
        (a.replace("j", "y"), b.replace("j", "y"), "j for y"),
        # Turkish writes j as c before a vowel (Calilov / Dzhalilov); Uzbek Latin o' is the
        # Cyrillic ў that Russian forms write u (Jo'rakulov / Dzhurakulov)
        (_turkish_c(a), _turkish_c(b), "Turkish c for j"),
        (pa, pb, "Portuguese spelling (ch for sh, no h, a final vowel)"),
        # Greek chi written ch, kh or h, gamma before i or e written g or y, and mb for mp
        # (Charalampidis / Haralambidis, Giannis / Yiannis), in Greek names' endings only
        (_greek(a), _greek(b), "Greek spelling (ch, kh or h; g or y; mb or mp)"),
        (a.replace("o'", "u"), b.replace("o'", "u"), "Uzbek o' for u"),
        # a Romanian (Moldovan) name and the Russian spelling of it: ci / ce read ch, chi /
        # che read k, c read k, ț (folded to t) written ts (Ciorbanu / Chorbanu, Vulpeschi /
        # Vulpeski, Țurcovei / Tsurkovei); the Russian side is left as written
        (*_romanian_pair(a, b), "Romanian c, ci and chi as Russian writes them"),
        (*_romanian_pair(b, a)[::-1], "Romanian c, ci and chi as Russian writes them"),
        # French forms of Maghrebi names: c for s before e and i (Lahcen / Lahsen), rh for
        # gh (Rharib / Gharib); the qaf that Libyan and Gulf speech say g (Qahtani / Gahtani)
        (_french_c(a), _french_c(b), "French c for s"),
        (_french_rh(a), _french_rh(b), "French rh for gh"),
        (a.replace("q", "g"), b.replace("q", "g"), "g for q"),
        # Burmese vowels as English spells them: Sein / Sane, Maing / Mine, Shwe / Shway
        (_burmese(a), _burmese(b), "Burmese vowels spelled two ways"),
        # Quechua's q written cc (or qq) in older Spanish spelling: Ccapa / Qapa
        (_CC_Q.sub("q", a), _CC_Q.sub("q", b), "cc for q"),
        # the Arabic th that Persian, Turkish and Urdu say s: Uthman / Usmon, Thabit / Sabit
        (a.replace("th", "s"), b.replace("th", "s"), "s for th"),
        # the Arabic dhal written dh, th or z: Dhiyab / Thiyab, Dhahir / Zahir
        # (only where the other name has the th or z: a rewritten th must not be rewritten
        # again: a "Dh…" is no "S…")
        (*_dhal(a, b, "th"), "th for dh"),
        (*_dhal(a, b, "z"), "z for dh"),
    ):
        if (fa, fb) != (a, b) and (m := token_match(fa, fb)) and m.score >= 0.85:
            return TokenMatch(a, b, m.score - 0.02, f"{a}~{b}: {why} ({m.why})")
    # a Slavic (or any) name as Greek writes it (Greek has no sh, zh, ch or h; -ov is -of):
    # Zhelyazkov / Zelyazkof, Hrabrov / Chrabrof, Kovachev / Kovatsef, Dzhurova / Tzurova
    if min(len(a), len(b)) >= 5 and (_as_greek(a) == b or _as_greek(b) == a):
        return TokenMatch(a, b, 0.86, f"{a}~{b}: a name as Greek spelling writes it")
    # Basque spelling and the Spanish of the same name: Etxaniz / Echániz, Urkiza / Urquiza,
    # Xemein / Jemein (Spanish b and v sound alike); compared as written then,
    # not rewritten again (chained rewrites make any name any other)
    if (
        min(len(a), len(b)) >= 3  # (not "kc" / "k": two letters say nothing)
        and (ba := _basque(a, b)) != (a, b)
        and vowel_fold(ba[0]) == vowel_fold(ba[1])
    ):
        why = "tx, tz, k and x as Spanish writes them (Basque spelling, and the tz of Hebrew names)"
        return TokenMatch(a, b, 0.88, f"{a}~{b}: {why}")
    # Arabic's ay written ai, ei, ay or ey, its u written o, its i written e (Obeidi /
    # Ubaidi, Sheikh / Shaykh, Zeinab / Zaynab): the vowels agree once read so
    if len(a) >= 4 and _arabic_vowels(a) == _arabic_vowels(b):
        return TokenMatch(a, b, 0.87, f"{a}~{b}: the same vowels as Arabic writes them")
    # and its a said e in Levantine and Iraqi speech: Raydan / Reidan, Jaabir / Jabér
    if (
        len(sa) >= 3
        and sa == sb
        and _arabic_vowels(a.replace("e", "a")) == _arabic_vowels(b.replace("e", "a"))
    ):
        return TokenMatch(a, b, 0.86, f"{a}~{b}: the same vowels as Arabic writes them, e for a")
    if same_start and len(sa) >= 4 and Levenshtein.distance(sa, sb) == 1 and r >= 0.8:
        why = f"{a}~{b}: consonant skeletons '{sa}'/'{sb}' differ by one letter"
        return TokenMatch(a, b, 0.7 + 0.1 * r, why)
    if short := _hypocorism(a, b) or _hypocorism(b, a):
        return TokenMatch(a, b, 0.88, f"{a}~{b}: '{short}' is an English short form of the name")
    return _east_slavic(a, b)


_GR_SLAVIC = re.compile(r"dzh|zh|sh|ch|(?<![cstkzgpd])h|ov$|ev$")
_SLAVIC_FORM = re.compile(r"(?:ov|ev|ova|eva|o)$")
_GR_LETTERS = {"dzh": "tz", "zh": "z", "sh": "s", "ch": "ts", "h": "ch", "ov": "of", "ev": "ef"}


@lru_cache(maxsize=1 << 16)
def _as_greek(token: str) -> str:
    """`token`, a Slavic name in English spelling, as Greek spelling writes it; only a name
    with a Slavic ending (-ov, -eva, a given name's -o): "Charif" is no "Harif"."""
    if not _SLAVIC_FORM.search(token):
        return token
    return _GR_SLAVIC.sub(lambda m: _GR_LETTERS[m.group()], token)


# Lithuanian -as, -is, -us, -ys after a consonant; Latvian -s after the last consonants of
# Slavic names (-ovs, -evs, -ijs, -iks, -egs, -drs), not English ones (Williams, Peters)
_BALTIC_END = re.compile(r"(?<=[^aeiouy])(?:as|is|us|ys)$|(?:(?<=[vjkg])|(?<=dr))s$")


def _baltic_stem(token: str) -> str:
    return _BALTIC_END.sub("", token) if len(token) >= 5 else token


def _dj_for_d(a: str, b: str) -> tuple[str, str]:
    if ("dj" in a) == ("dj" in b):
        return a, b
    return a.replace("dj", "d"), b.replace("dj", "d")


def _aspirated_p(a: str, b: str) -> tuple[str, str]:
    if ("ph" in a) == ("ph" in b):
        return a, b
    return a.replace("ph", "p"), b.replace("ph", "p")


def _romanian_pair(a: str, b: str) -> tuple[str, str]:
    """`a` read as Romanian and `b` as its Russian spelling (ts for the ț that folding made a
    t), or the pair unchanged where `a` has nothing Romanian to read (four letters at least)."""
    ra = _romanian(a) if len(a) >= 4 else a
    return (ra, b.replace("ts", "t")) if ra != a else (a, b)


def _romanian(word: str) -> str:
    """A Romanian name's letters as Russian spelling sounds them out (see `token_match`); a
    word with no bare c and no "sch" is left alone (a Russian "Chernov" is no Romanian one)."""
    if not _ROMANIAN_C.search(word):
        return word
    w = _RO_CHI.sub("k", word)  # chi / che: ki, ke
    w = _RO_CIO.sub("ch", w)  # cio: cho
    w = _RO_CE.sub("ch", w)  # ce / ci: che / chi
    return _RO_BARE_C.sub("k", w)


# (compiled once, as token_match's other rewrites: it runs on every pair not yet matched)
_ROMANIAN_C = re.compile(r"c(?!h)|sch")
_RO_CHI = re.compile(r"ch(?=[ei])")
_RO_CIO = re.compile(r"ci(?=[aou])")
_RO_CE = re.compile(r"c(?=[ei])")
_RO_BARE_C = re.compile(r"c(?!h)")


# a patronymic's ending, Ukrainian or Russian: Yevhenovych / Yevgenyevich, Fedorivna / Fyodorovna
_PATRONYMIC_END = re.compile(
    r"(?:ovych|evych|yovych|ovich|evich|yevich|ivna|yivna|ovna|evna|yevna)$"
)
# Ukrainian and Russian forms of one given name that no spelling rule relates (the Ukrainian
# form without its final vowels → the Russian): Pylyp / Filipp
_UK_RU = {"mykol": "nikol", "pylyp": "filipp", "olen": "yelen"}


_BASQUE_MARK = re.compile(r"tx|tz|k|^x")


def _basque(a: str, b: str) -> tuple[str, str]:
    """`a` and `b` in Spanish spelling, where either is written the Basque way."""
    if not (_BASQUE_MARK.search(a) or _BASQUE_MARK.search(b)):
        return a, b  # (asked of every pair that failed: the cheap test first)

    def spanish(t: str) -> str:
        t = t.replace("tx", "ch").replace("tz", "z")
        t = _K_EI.sub("qu", t).replace("k", "c")
        return _X_START.sub("j", t).replace("b", "v")

    return spanish(a), spanish(b)


def _dhal(a: str, b: str, other: str) -> tuple[str, str]:
    """The Arabic dhal of `a` or `b` written as `other`, where the other name writes it so."""
    if ("dh" in a and other in b) or ("dh" in b and other in a):
        return a.replace("dh", other), b.replace("dh", other)
    return a, b


def _burmese(t: str) -> str:
    if not t.endswith(("aing", "ein", "way", "oe")):  # (asked of every pair: cheap first)
        return t
    t = re.sub(r"ein$", "ane", re.sub(r"aing$", "ine", t))
    return re.sub(r"(?<=[^aeiou])oe$", "o", re.sub(r"(?<=w)ay$", "e", t))  # Kyoe / Kyo


# how a name is written the Ukrainian way: ii, iy, yi before a consonant or at the end
# ("Ruqiya", "Rugiyo" are Somali), a y or yo between consonants, or a form of the table
_UKRAINIAN_MARK = re.compile(
    r"(?:ii|iy|yi)(?![aeiou])|(?<=[^aeiou])yo?(?=[^aeiou])"
    r"|^(?:" + "|".join(sorted(_UK_RU)) + r")[aeiouy]*$"
)


@lru_cache(maxsize=1 << 16)
def _slavic_form(t: str) -> tuple[str, bool]:
    """A given name as Russian romanisation writes it, without its final vowels (Vasyl /
    Vasily, Danylo / Daniil end differently), and whether the name is written the Ukrainian way
    (ii, iy, yi, a y between consonants, yo, or a form of the table). An h alone says
    nothing: Arabic names have h's that Russian writes g, and token_match has its own rule."""
    marked = bool(_UKRAINIAN_MARK.search(t))
    t = stem = re.sub(r"[aeiouy]+$", "", t)
    t = _UK_RU.get(t, t)
    marked = marked or t != stem
    read = re.sub(r"ii|iy|yi", "i", t.replace("yo", "e"))  # Andriy / Andrei, Pyotr / Petro
    read = re.sub(r"(?<=[^aeiou])y(?=[^aeiou])", "i", read)  # Mykyta / Nikita, Kyrylo
    return re.sub(r"(?<![kzsc])h", "g", read), marked  # Hryhorii / Grigory, Yevhen


def _east_slavic(a: str, b: str) -> TokenMatch | None:
    """Hryhorii / Grigory, Petro / Pyotr, Pylyp / Filipp, Yevhenovych / Yevgenyevich: a
    Ukrainian given name or patronymic in its Russian form (the same man, written from the
    Ukrainian or from the Russian)."""
    ea, eb = _PATRONYMIC_END.search(a), _PATRONYMIC_END.search(b)
    if (ea is None) != (eb is None):
        return None
    if ea is None and not (_UKRAINIAN_MARK.search(a) or _UKRAINIAN_MARK.search(b)):
        return None  # (asked of every pair that failed: the cheap test first)
    x, y = (a[: ea.start()], b[: eb.start()]) if ea and eb else (a, b)
    if min(len(x), len(y)) < 3:
        return None
    (fx, rx), (fy, ry) = _slavic_form(x), _slavic_form(y)
    if min(len(fx), len(fy)) < 3 or not (rx or ry or ea):
        return None  # nothing Ukrainian on either side
    kx, ky = skeleton(fx), skeleton(fy)
    vowels = "aeiouy"
    if fx == fy or (
        kx == ky and len(kx) >= 3 and (fx[0] == fy[0] or fx[0] in vowels and fy[0] in vowels)
    ):
        what = "patronymic" if ea else "name"
        return TokenMatch(a, b, 0.87, f"{a}~{b}: one {what} in its Ukrainian and Russian forms")
    return None


@lru_cache(maxsize=1)
def _nicknames() -> dict[str, frozenset[str]]:
    """Each given name's English short forms, from the `nicknames` package's hand-curated
    table (Apache-2.0), kept to the forms that shorten the name: a short form of four letters
    or fewer, or one in -y / -ie / -ey, or a prefix of the name (Matt, Sammy, Chris); one
    that opens with another letter is a name of its own (Erin is no form of Aaron), unless it
    rhymes with the name's start (Bob, Bill, Dick)."""
    table = nick_namer().nickname_lookup  # name -> its short forms
    out: dict[str, frozenset[str]] = {}
    for name, shorts in table.items():
        kept = frozenset(
            s
            for s in shorts
            # (or a rhyming form, its first letter changed: Bill / William)
            if (s[:1] == name[:1] or len(s) >= 3 and s[1:3] == name[1:3])
            and len(s) < len(name)
            and (len(s) <= 4 or s.endswith(("y", "ie", "ey")) or name.startswith(s))
        )
        if kept:
            out[name] = kept
    return out


def english_given_name(word: str) -> bool:
    """'lincoln', 'eugene': a given name the `nicknames` table knows (English usage), which
    a town may share ("Lincoln L. X" is a man, whatever the gazetteer says)."""
    return fold(word) in _english_given()


@lru_cache(maxsize=1)
def _english_given() -> frozenset[str]:
    return frozenset(nick_namer().nickname_lookup)


@lru_cache(maxsize=1)
def nick_namer():  # type: ignore[no-untyped-def]
    """The `nicknames` package's table, read once (it parses a CSV file)."""
    from nicknames import NickNamer

    return NickNamer()


def _hypocorism(full: str, short: str) -> str | None:
    """`short` if it is an English short form of the given name `full` (Matthew / Matt), or
    of the English name whose Spanish or Italian form `full` is, one vowel longer (-o, -a)."""
    table = _nicknames()
    if short in table.get(full, ()):
        return short
    english = full[:-1] if full.endswith(("o", "a")) and len(full) >= 5 else ""
    return short if short in table.get(english, ()) else None


_ZODA = re.compile(r"(?<=[a-z]{3})zoda$")  # (Azerbaijani -zade is a surname of its own)
_JOINED_ARTICLE = re.compile(r"u[lrsdzn]$")
_SLAVIC_END = re.compile(r"(?:[oe][vw]|[oe][vw]a|in|ina)$")
_GERMAN_SIGN = re.compile(r"j|w|sch")


_LONG_VOWEL = re.compile(r"([aeiou])\1")


@lru_cache(maxsize=1 << 16)
def _qubee(token: str) -> str:
    """'waaqoo' → 'wako', 'caaltuu' → 'chaltu': a token written in Oromo's Latin alphabet
    (a doubled vowel shows it) as English writes the name; any other token as it is."""
    if not _LONG_VOWEL.search(token):
        return token
    t = _LONG_VOWEL.sub(r"\1", token)
    return re.sub(r"c(?!h)", "ch", t).replace("q", "k").replace("x", "t")


def _glides(token: str) -> str:
    """'yahia' and 'yaya' → 'yaya': no h, an i or y between vowels one glide."""
    return re.sub(r"(?<=[aeiou])[iy](?=[aeiou])", "y", token.replace("h", ""))


def _german_slavic(a: str, b: str) -> tuple[str, str]:
    """Both tokens read as German writes Russian (j = y, w = v, sch = sh, tsch = ch, and s
    for both s and z), when both have a Slavic ending and one is in German spelling;
    else the tokens as they are."""
    if not (_SLAVIC_END.search(a) and _SLAVIC_END.search(b)):
        return a, b
    if not (_GERMAN_SIGN.search(a) or _GERMAN_SIGN.search(b)):
        return a, b

    def read(t: str) -> str:
        t = t.replace("tsch", "ch").replace("sch", "sh")
        return _german_kh(t).replace("j", "y").replace("w", "v").replace("z", "s")

    return read(a), read(b)


# The spelling rewrites below are asked of the same tokens for every pair they are in:
# cached, and their patterns compiled once.
_DOUBLED = re.compile(r"(.)\1+")
_AY = re.compile(r"[ae][iy](?![aeiou])")
_O_U = re.compile(r"ou|o")
_E_I = re.compile(r"e(?!i)")


@lru_cache(maxsize=1 << 16)
def _arabic_vowels(w: str) -> str:
    w = _AY.sub("ai", _DOUBLED.sub(r"\1", w))  # the diphthong, before a consonant
    return _E_I.sub("i", _O_U.sub("u", w)).replace("ii", "i")


def spelling_keys(token: str) -> set[str]:
    """Skeletons of a token under the alternative spellings token_match accepts (blocking)."""
    token = ascii_letters(token)  # (đ, ł, ħ, ø have no accent to fold: "Đurkan" is "Durkan")
    keys = {skeleton(token), skeleton(_ayn_x_folded(token)), skeleton(token.replace("kh", "k"))}
    keys |= {skeleton(token.replace("w", "v")), skeleton(_german_kh(token))}
    keys.add(skeleton(token.replace("j", "y")))
    keys |= {skeleton(_turkish_c(token)), skeleton(token.replace("o'", "u"))}
    keys.add(skeleton(_TA_MARBUTA.sub("", token)))  # Samiullah / Samiulla
    keys.add(skeleton(_lusophone(token)))
    keys |= {skeleton(_french_c(token)), skeleton(_french_rh(token))}
    if _muhammad(token):  # too many spellings for one skeleton (Magomed / Mohammed)
        keys.add("=muhammad")
    if token in _HUSAYN:
        keys.add("=husayn")
    keys.add(skeleton(token.replace("th", "s")))  # Uthman / Usmon
    keys.add(skeleton(_ZODA.sub("ov", token)))  # Rahimzoda / Rahimov
    keys |= {skeleton(token.replace("dh", "th")), skeleton(token.replace("dh", "z"))}
    # Thai ph / p, the South Slavic đ as dj or d, Greek spellings (see token_match)
    keys |= {skeleton(token.replace("ph", "p")), skeleton(token.replace("dj", "d"))}
    keys |= {skeleton(_as_greek(token)), skeleton(_greek(token)), skeleton(_baltic_stem(token))}
    sk = skeleton(token)
    if len(sk) >= 3:  # Tamil k/g, t/d, s/ch (see token_match)
        keys.add(sk.replace("g", "k").replace("d", "t").replace("c", "s"))
    if len(sk) >= 4:  # Bantu l/r
        keys.add(sk.replace("l", "r"))
    if "g" in sk:  # Egyptian g for j (Gamal / Jamal), Russian g for h (Gusein / Husein)
        keys |= {sk.replace("g", "j"), sk.replace("g", "h")}
    return keys


_PT_CH = re.compile(r"(?<![ckst])ch")
_PT_H = re.compile(r"^h|(?<=[aeiou])h(?=[aeiou])")
_PT_FINAL = re.compile(r"(?<=[^aeiouy])[eoi]$")
_FR_C = re.compile(r"c(?=[eiy])")
_TR_C = re.compile(r"c(?=[aeiou])")
_DE_CH = re.compile(r"(?<=[aeiou])(?<!s)ch")
_AYN_C = re.compile(r"c[aeiou]")


_GREEK_END = re.compile(r"(?:os|is|as|es|ou|akis|idis|ides)$")
_GREEK_GAMMA = re.compile(r"^g(?=[ie])")


def _greek(token: str) -> str:
    if not _GREEK_END.search(token):
        return token
    token = _GREEK_GAMMA.sub("y", token)
    # and tz for the dj of loanwords and names (Chatzimanolis / Hadjimanolis, Tzortzis / Djordjis)
    token = token.replace("tz", "dj")
    return token.replace("kh", "h").replace("ch", "h").replace("mp", "mb")


@lru_cache(maxsize=1 << 16)
def _lusophone(token: str) -> str:
    """Portuguese spelling of Arabic and Swahili names in Mozambique or Angola (and Brazil):
    Rachide / Rashid, Assane / Hassan, Ibraimo / Ibrahim, Saide / Said, Namuera / Namwera."""
    t = _PT_H.sub("", _PT_CH.sub("sh", token)).replace("w", "u")
    return _PT_FINAL.sub("", t) if len(t) >= 5 else t


@lru_cache(maxsize=1 << 16)
def _french_c(token: str) -> str:
    return _FR_C.sub("s", token)


def _french_rh(token: str) -> str:
    return "gh" + token[2:] if token.startswith("rh") else token


@lru_cache(maxsize=1 << 16)
def _turkish_c(token: str) -> str:
    return _TR_C.sub("j", token)


_CH_NOT_SCH = re.compile(r"(?<![st])ch")


def _german_s_ch(a: str, b: str) -> tuple[str, str]:
    """Both tokens with z read as s and ch as kh, when one of them writes the German ch for
    kh and the other does not (so "Zahir" and "Sahir" stay two names)."""
    if bool(_CH_NOT_SCH.search(a)) == bool(_CH_NOT_SCH.search(b)) or ("kh" in a) == ("kh" in b):
        return a, b
    return (_CH_NOT_SCH.sub("kh", a).replace("z", "s"), _CH_NOT_SCH.sub("kh", b).replace("z", "s"))


@lru_cache(maxsize=1 << 16)
def _german_kh(token: str) -> str:
    """'achmed' → 'akhmed': ch after a vowel (German); 'tsch' and 'sch' are not kh."""
    return _DE_CH.sub("kh", token)


@lru_cache(maxsize=1 << 16)
def _ayn_x_folded(token: str) -> str:
    t = token.replace("x", "kh")
    t = t[1:] if _AYN_C.match(t) else t
    # (and the ayn that ends a Somali name after its vowel: "Jaamac" / "Jama")
    return t[:-1] if len(t) >= 6 and t.endswith(("ac", "ic", "uc")) else t


def acronym_of(acronym: str, long_form: str, exact: bool = False) -> bool:
    """Does `acronym` abbreviate `long_form`? ('IS-KP', 'Islamic State Khorasan Province').
    `exact`: only if its letters are the initials, with or without the small words."""
    letters = re.sub(r"[^A-Za-z]", "", acronym).upper()
    if len(letters) < 2:
        return False
    ws = [w for w in re.split(r"[\s\-]+", long_form) if w]
    caps = [w for w in ws if w[:1].isupper()]
    init = "".join(w[0] for w in caps).upper()
    full = "".join(w[0] for w in ws).upper()
    if letters in (init, full):
        return True
    if exact:
        return False
    # "ISIS" for "Islamic State"; "IRGC" for "Revolutionary Guard Corps" (after "Iran's").
    return (
        _subsequence(init, letters)
        and len(init) >= 2
        or (_subsequence(letters, init) and len(letters) >= 3 and letters[0] == init[0])
    )


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)
