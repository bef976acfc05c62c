"""Per-document extraction: names (people, organizations, places), aliases, dates, counts.

The statistical model proposes; rules correct and complete it:
  - spans cleaned of articles, titles and possessives;
  - scraping boilerplate ("SEE ALSO: …", "Photo: …") and headline-only names dropped;
  - kinds fixed by the gazetteer, by syntax ("in X" is a place), and by the document's own
    people (a surname the model called a place is still that person);
  - "also known as" aliases, acronyms in parentheses, surnames linked to the full name;
  - every name found once is found wherever else it occurs in the document.
The result is a pure function of the document's text.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from casefile import attributes as attributes_mod
from casefile import claims as claims_mod
from casefile import dates as dates_mod
from casefile import invisible, places
from casefile.matching import MERGE_AT, Match, given_first, person_names_match, spanish_style
from casefile.model import Document, Extraction, Kind, Link, Mention
from casefile.names import (
    INITIALS_ONLY,
    KUNYA,
    NAME_PREFIXES,
    NASAB_LINKS,
    PARTICLES,
    PATRONYMIC_AFTER_RE,
    RUSSIAN_PATRONYMIC,
    TITLES,
    acronym_of,
    ascii_letters,
    core_tokens,
    english_given_name,
    fold,
    generation,
    given_names,
    is_kunya,
    kunya_opener,
    surname,
    title_is_given,
    token_match,
    tokens,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

LABEL_KIND: dict[str, Kind] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
}
_DET = re.compile(r"(?:the|The|THE|a|A|an|An)\s+")
_POSS = re.compile(r"(?:['’]s|s['’]|['’])$")
_EDGE = " \t\r\n\"'“”‘’«»()[]{},.;:!?*_–—-"
# "U.S." and "A.S." keep their last dot, and so do "Jr." and "Sr." after a name.
# "A.", "A.Kh.", "S.Lj.", "Jr."; "S.Ye.", "Kh.Yu.": the Russian Е, Ю, Я in Latin letters, after
# another initial ("Wang Yu." ends a sentence)
_INITIAL = re.compile(r"(?:(?:^|[\s.])(?:[A-Z]|[A-Z][hsjz]|[JS]r)|\.Y[eua])\.$")
# Lines of scraped boilerplate: captions, credits, teasers, calls to action.
_BOILER = re.compile(
    r"(?im)^[ \t]*(?:see also|read more|read also|related|more on this|also read|photo|"
    r"photograph|image|picture|video|watch|listen|caption|credit|credits|file photo|source|"
    r"advertisement|sponsored|follow us|subscribe|sign up|share)\b[^\n:]{0,20}:"
    # a call to action alone on its line: "Download the full report (PDF, 1.2 MB)"
    r"|^[ \t]*(?:download|print|donate|subscribe)\b[^\n.]{0,60}$"
)
_BYLINE = re.compile(r"(?m)^[ \t]*By\s+[A-Z][^\n]{0,80}$")
# Bylines and credits name reporters and photographers, not people in the story.
_CREDITS = re.compile(
    _BYLINE.pattern + "|"
    # (after a desk's name and a slash, and in the outlet's language: "News Desk / Muhabir: X")
    r"(?im:^[ \t]*(?:[^\n:/|]{0,40}[/|][ \t]*)?(?:writers?|authors?|reporters?|byline|"
    r"correspondents?|auteure?s?|autor(?:in|es|a)?|muhabir|yazar|redakt(?:or|eur))[ \t]*:[^\n]*$)|"
    r"\(?(?i:(?:additional )?(?:reporting|editing|writing|"
    r"research|compiled|translated(?: from [a-z]+)?|photos?|pics?|pictures?|graphics?)"
    r"(?: and [a-z]+)? by) "
    r"[^\n.;)]{1,120}[.;)]?|"
    # the note of a translated page, in the language it was translated from, opening its line
    # or its bracket
    r"(?m:(?:^[ \t]*\(?|\()(?i:vertaald|traduit|traduction|traducido|tradotto|ubersetzt)\b"
    r"[^\n)]{0,120}\)?)|"
    r"(?i:copyright|©|all rights reserved)[^\n]*|"
    r"\((?i:photo|picture|image|video|file photo)s?\s*(?::|by)[^)\n]{1,80}\)|"
    # a credit after a caption, on its line: "… in Diyarbakir. Photo: AFP"
    r"(?m:(?<=[.!?)])[ \t]+(?i:photos?|pictures?|images?)[ \t]*:[^\n]{1,60}$)|"
    # … or with a slash between the photographer and the outlet: "… in Columbus. A. Writer/The
    # Example Post", "… AP Photo/A. Writer"
    r"(?m:(?<=[.!?)])[ \t]+[A-Z][\w'’.\-]+(?:[ \t]+[A-Z][\w'’.\-]+){0,3}[ \t]*/[ \t]*"
    r"[A-Z][\w'’.&\-]*(?:[ \t]+[A-Z][\w'’.&\-]*){0,4}[ \t]*$)|"
    # the closing credit line of a wire story: "A. Writer reported from Beirut. B. Writer
    # contributed reporting from Idlib."
    r"(?m:^(?:[A-Z][\w'’.\-]+(?:[ \t]+[A-Z][\w'’.\-]+){1,3}(?:[ \t]+and[ \t]+[A-Z][\w'’.\-]+"
    r"(?:[ \t]+[A-Z][\w'’.\-]+){1,3})?[ \t]+(?:reported|contributed)\b[^\n.]{0,80}\.[ \t]*)+"
    r"(?:(?:[Ee]diting|[Ww]riting|[Aa]dditional reporting) by [^\n]{1,80})?$)"
)
# Where a teaser glued to the next sentence ends: "…Rises To 91The ministry…".
_GLUE = re.compile(
    # (or a sentence opening with "A" or "I": "… prosecution saysA day later, …")
    r"(?<=[a-z0-9.!?”\"])(?=[A-Z][a-z]|[AI][ \t][a-z])"
    # prose follows (a lower-case word before any bar of a menu): not a brand's inner capital,
    # "Share: WhatsApp | Facebook"
    r"(?=[^\n|]*?[ \t][a-z])"
)
# someone a text names only by what they are ("a young woman the court called "X"")
_SOMEONE = r"wom[ae]n|m[ae]n|girl|boy|witness|informant|teenager|youth|person|source"
_ALIAS_CUE = re.compile(
    # the lookbehind starts a match only once per run of spaces (no quadratic backtracking)
    # Portuguese, Spanish and French cues left in translations, often with a gloss: "vulgo
    # (alias)", "conhecido como (known as)", "connu sous le nom de"
    # (a match starts at a space, a punctuation mark or a word's first letter: the guard
    # skips the other positions at once instead of trying each branch there)
    r"(?i)(?=[\s,;:(\"'“”‘’@]|\b\w)(?:"
    r"(?<![\s,;:(\"'“”‘’])[\s,;:(\"'“”‘’]*\b(?:vulgo|conhecid[oa]s?\s+como|conocid[oa]s?\s+como|"
    r"connue?s?\s+sous\s+le\s+nom\s+de)(?:\s*\([^()\n]{1,20}\))?|"
    r"(?<![\s,;:(\"'“”‘’])[\s,;:(\"'“”‘’]*\b(?:(?:also|better|formerly|previously|otherwise|popularly|widely|"
    r"commonly)\s+)?(?:known|referred to)(?:\s+(?:locally|there|publicly|internally|online|"
    r"only|simply|just|mostly|still))*"
    # "known to the traders at the old bazaar as Y", "known since the 1990s as Y", "known for
    # years as Y"
    r"(?:\s+(?:to|among|in|on|within|inside|across|throughout|around|since|from|during)\s+"
    r"(?:[\w'’]+\s+){1,7}?|\s+for\s+(?:years|decades|a\s+decade|a\s+generation)\s+)?\s*"
    r"(?:(?<=\s)(?:only|simply|just)\s+)?as\b|"
    # "whom residents call "X"", "who friends called "X"": a name people use, in quotes
    r"\b(?:whom|who)\s+(?:[a-z\-]+\s+){1,2}?call(?:s|ed)?(?=\s+[\"“‘])|"
    # "whom everyone in the village calls Abu X", "whom the village knows as Umm X"
    # ("whom the people of the X neighbourhood of Y call "Z"": up to nine words between)
    # ("whom prosecutors call by the kunya "Y"")
    # ("whom witnesses, neighbours and police called only "Y"": a list, and "only")
    r"\bwhom\s+(?:[\w'’\-]+,?\s+){1,9}?(?:call(?:s|ed)?|knows?\s+as|knew\s+as)"
    r"(?:\s+(?:only|simply|just))?"
    r"(?:\s+by\s+(?:the|a|an|his|her)\s+(?:kunya|nom de guerre|alias|nickname|name),?)?"
    r"(?=\s+(?:[\"“‘]|«[ \t\u00a0\u202f]?)?[A-Z])|"
    # "X, called "Y", and Z": a name in quotes, right after a name and its comma
    r"(?<=,)\s+called(?=\s+(?:[\"“‘]|«[ \t\u00a0\u202f]?)(?-i:[A-Z]))|"
    # "Mr A B, or "C", 29," (Thai and South Asian English papers): a nickname in quotes
    r"(?<=,)\s+or(?=\s+[\"“‘](?-i:[A-Z])[\w'’\-]*(?:\s+(?-i:[A-Z])[\w'’\-]*)?[\"”’],)|"
    # ("X, called Abu Y, …": a kunya needs no quotes)
    r"(?<=,)\s+called(?=\s+(?-i:Abu|Abou|Umm)\s+(?-i:[A-Z]))|"
    # "neighbours remember him as "X"": a name, in quotes
    # ("members addressed him as "X"")
    r"\b(?:remembers?|remembered|knows?|knew|address(?:es|ed)?)\s+(?:him|her)\s+as"
    r"(?=\s+[\"“‘A-Z])|"
    # "police called him by the nom de guerre Y"
    r"\b(?:referred\s+to|called|calls|identified|named)\s+(?:him|her)\s+(?:by|under|with)\s+"
    r"(?:a|an|the|his|her)\s+(?:kunya|nom de guerre|alias|nickname|code[ -]?name|pseudonym)\b|"
    # "a young woman the court called "X"", "a witness, named "X" in the judgment": someone
    # the text does not name otherwise, by the name it gives in quotes
    rf"\b(?:{_SOMEONE})\b,?\s+"
    r"(?:[a-z]+\s+){0,2}?(?:called|named|dubbed)(?=\s+(?:[\"“‘]|«[ \t\u00a0\u202f]?)(?-i:[A-Z]))|"
    # "X, who calls himself "Y" online": the name he gives himself
    r"\b(?:calls|called|calling|styles|styled|dubs|dubbed|names|named)\s+(?:him|her)self"
    r"(?=\s+(?:[\"“‘]|«[ \t\u00a0\u202f]?)?(?-i:[A-Z]))|"
    # "In the villages he is simply called Y": whoever "he" is
    r"(?:(?<=\bhe )|(?<=\bshe ))(?:is|was)\s+(?:(?:simply|also|locally|widely|often|usually|"
    r"commonly|popularly)\s+)?(?:called|nicknamed|dubbed)(?=\s+[\"“‘]?(?-i:[A-Z]))|"
    # "For the city, X is simply "Y"": the name a person goes by, in quotes
    r"(?<=[\w’'] )(?:is|was)\s+(?:simply|just|only|still|always)(?=\s+[\"“‘](?-i:[A-Z]))|"
    # "In its claim, the group called him Y"
    r"\bcall(?:s|ed)\s+(?:him|her)(?=\s+[\"“‘]?[A-Z])|"
    # "lived on forged documents in the name of "X""
    # ("a Thai identity card in the name of X")
    r"\b(?:documents|papers|passports?|(?:identity|ID)(?:\s+(?:cards?|documents?|papers))?)"
    r"\s+in\s+the\s+name\s+of(?=\s+[\"“‘A-Z])|"
    r"\bcode-?named\b|"
    # Burmese state media: "X Y (a) Z", the name and then the alias
    r"(?<=[a-z] )\((?-i:a)\)(?= (?-i:[A-Z]))|"
    # a soldier's or an agent's radio name: "X, call sign "Y"", "X (callsign Y)"
    r"\bcall[ -]?sign(?:ed)?\b|"
    # French lists: "DICKO Hamidou dit « Hami »"; Italian papers: "X, detto "Y""
    r"(?<=\s)(?:dite?|dett[oa])(?=\s+[«\"“A-Z])|"
    # a birth name or a former surname: "X was born Y Z and changed his surname", "X (surname
    # until 2016 - Y)", "X, née Y"
    r"\bborn(?=\s+(?!(?:in|on|at|into|to)\b)[A-Z][a-z]+\s+[A-Z][a-z])(?!\s+(?:"
    + "|".join(m.capitalize() for m in dates_mod.MONTH_NAMES)
    + r")\b)|"
    # "X changed his name from Y in 2021": the name he had before
    r"\bchanged\s+(?:his|her)\s+(?:(?:first|given|family|sur)\s*)?name\s+from"
    r"(?=\s+[\"“‘]?(?-i:[A-Z]))|"
    r"\b(?:sur)?name\s+until\s+\d{4}\s*[-–—:]|\bn[ée]e\b|(?<=\()\s*until\s+\d{4}\s*[-–—:]|"
    # "X, who carried the surname Y until 2019", "who bore the name Y before his marriage"
    # (but "has the name Y on his list" is not his)
    r"\b(?:who\s+)?(?:(?:carried|carries|bore|bears)\s+the\s+(?:sur)?name|(?:had|has)\s+the\s+"
    r"surname)(?=\s+[\"“‘]?(?-i:[A-Z]))|"
    # "known among his fighters by the kunya Y"
    r"\b(?:better |also |widely |popularly )?known"
    r"(?:\s+(?:in|among|to|within)(?:\s+[\w\-]+){1,3}?)?"
    r"(?:\s+(?:so\s+far|until\s+now|only|simply|still|mostly|just|locally|widely))*\s+by\s+"
    r"(?:his|her|the)\s+(?:(?!same\b|other\b)(?-i:[a-z])[a-z]+\s+(?=name\b))?"
    r"(?:code[ -]?name|kunya|nom de guerre|alias|nickname|name|pseudonym|war name)\b|"
    # (Hindi and Urdu "urf" in Indian police and court English: "X urf Y")
    r"\ba[./]?k[./]?a\.?\b|\balias\b|\burf\b|\bnicknamed\b|"
    # "his posts as "Abu Y"", "posting as "Y"": the name he wrote under, in quotes
    r"\b(?:posts|posted|posting)\s+(?:online\s+)?as(?=\s+[\"“‘])|"
    # "who writes as X Y on his social-media pages": the name he writes under
    r"\b(?:writes|wrote|writing)\s+(?:online\s+)?as(?=\s+[\"“‘]?(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z]))|"
    # "X, who signed his messages "Abu Y"": the name he wrote under, in quotes
    r"\bsign(?:s|ed|ing)\s+(?:his|her)\s+(?:messages|posts|letters|e-?mails|statements|"
    r"videos|threats)(?:\s+(?:as|with))?(?=\s+[\"“‘])|"
    # "X, also called Big Man, pleaded guilty": a name the man goes by, quoted or not
    r"(?<=,)\s+(?:also|better|locally|widely|popularly|otherwise)\s+called(?=\s+[\"“‘]?(?-i:[A-Z]))|"
    # Caribbean court lists: "X o/c "Y"" ("otherwise called")
    r"(?<=\s)o/c(?=\s)|"
    # South Asian and Philippine police style: "Juan Cruz @ "Bungi"" (not a handle: "@user")
    r"(?<=\s)@(?=\s)|"
    r"\bnom de guerre\b(?:\s+(?:is|was|of))?|"
    # "went by the nom de guerre", "went by a jihadist kunya,"
    r"\b(?:who\s+)?(?:goes|went|going)\s+by(?:\s+(?:the|a|an|his|her)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:nom de guerre|name|alias|kunya|nickname))?\b|"
    # another spelling of the name: "whose name the local press spells Y", "also spelt Y"
    r"\bwhose\s+(?:sur)?name\s+(?:[\w'’\-]+\s+){1,5}?(?:spells?|spelt|spelled|writes?|wrote|"
    r"renders?|rendered|transliterates?|transliterated)(?:\s+as)?(?=\s+[\"“‘]?(?-i:[A-Z]))|"
    r"\b(?:also|sometimes|variously|often|elsewhere)\s+(?:spelt|spelled|written|transliterated|"
    r"rendered)(?:\s+as)?(?=\s+[\"“‘]?(?-i:[A-Z]))|"
    # "whose real name is", "whose legal Arabic name is"
    r"\bwhose\s+(?:[\w\-]+\s+){0,2}name(?:,[^,]{0,60},)?\s+is\b|"
    # "whose real name it gives as Y", "whose real name police list as Y"
    r"\bwhose\s+(?:[\w\-]+\s+){0,2}name\s+(?:[\w'’\-]+\s+){1,3}?(?:gives?|gave|lists?|listed|"
    r"records?|recorded)\s+as\b|\breal name\b|"
    # "he posts under the name "X"", "a man who used the nickname "X""
    # ("under the religious name Y": one word for the kind of name)
    r"\bunder\s+the\s+(?:(?!same\b|other\b)(?-i:[a-z])[a-z]+\s+(?=name\b))?"
    r"(?:name|code[ -]?name|cover[ -]?name|false\s+name|assumed\s+name|"
    r"pseudonym|alias|nickname|handle|nom de guerre)\b|"
    # ("who uses the Muslim name Y", "took the Arabic name Y": a word for the kind of name)
    r"\b(?:uses|used|using)\s+the\s+(?:(?-i:[A-Z])[a-z]+\s+)?(?:name|nickname|pseudonym|alias|"
    r"handle|kunya|nom de guerre|code[ -]?name)\b|"
    # a convert's or a fighter's new name: "who took the name Yusuf when he converted"
    r"\b(?:took|takes|taking|adopted|assumed|chose)\s+the\s+(?:(?-i:[A-Z])[a-z]+\s+)?"
    r"(?:name|kunya|nom de guerre)\b|"
    # a name in another country's papers: "registered in Dutch records as Y", "holds
    # Swedish citizenship as Y", "police gave the Arabic form of his name, Y"
    r"\b(?:registered|listed|recorded)(?:\s+(?:in|on|under)\s+(?:[\w'’\-]+\s+){1,4}?)?\s*as"
    r"(?=\s+[\"“‘]?[A-Z])|"
    r"\b(?:holds?|held|took|obtained|acquired)\s+(?:[\w\-]+\s+){0,2}?(?:citizenship|"
    r"nationality|passports?)\s+(?:as|under)(?=\s+[\"“‘]?[A-Z])|"
    r"\b(?:the|a)\s+(?:[\w\-]+\s+){0,2}?(?:form|spelling|version)\s+of\s+(?:his|her)\s+name,?"
    r"(?=\s+[\"“‘]?[A-Z])"
    r")"
)
# Head nouns of organisations' names (general English).
ORG_HEADS = frozenset(
    """
    ministry department council army navy corp court assembly party front brigade company bank
    agency committee office union university college school group force command guard police
    service authority commission organization organisation association institute foundation
    motor inc ltd corporation new time post network federation league movement club hospital
    church mosque parliament senate congress government administration board bureau centre center
    apparatus associates
    """.split()
)
# the head nouns that open a group's name in Spanish, Catalan, French and Portuguese usage:
# "Tribunal Supremo", "Guardia Urbana", "Ministerio del Interior", "Gendarmerie nationale"
ORG_HEADS_FIRST = frozenset(
    """
    audiencia tribunal juzgado guardia policia fiscalia ministerio comissaria
    conselleria generalitat gendarmerie ministere tribunale procura questura
    """.split()
)


# the first parts of a hyphenated rank: "Sub-Inspector", "Vice-Admiral", "Deputy-Commissioner"
_RANK_PREFIXES = frozenset({"sub", "vice", "deputy", "assistant", "acting", "under"})


def _hyphenated_title(word: str) -> bool:
    """'Lieutenant-Colonel', 'Sub-Inspector', 'Attorney-at-law': a title, or one written with a
    rank prefix."""
    if fold(word) in TITLES:
        return True  # "Attorney-at-law"
    *head, last = [fold(w) for w in word.split("-")]
    return last in TITLES and all(w in TITLES or w in _RANK_PREFIXES for w in head)


def _org_head(word: str) -> bool:
    """A group's head noun, in the plural too ("Services"; "Apparatus" is no plural)."""
    f = fold(word)
    return f in ORG_HEADS or f.rstrip("s") in ORG_HEADS


_OF_PERSON = re.compile(r"\bof\s+((?:[A-Z][\w\-]*\s+)*[A-Z][\w\-]*?)(?:['’]s?)?$")
_CASE_ROLE_OPENS = re.compile(r"([A-Z][a-z]+)\s+")
_CONNECT = {"of", "and", "for", "the", "de", "al", "el", "&", "on", "in"}


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    kind: Kind
    source: str
    role: str = "name"
    by_context: bool = False  # the kind was read from the words around it: it outranks votes

    def text(self, t: str) -> str:
        return t[self.start : self.end]


def extract(doc: Document, nlp: Language, model: str) -> Extraction:
    return next(extract_many([doc], nlp, model))


def extract_many(
    docs: Iterable[Document], nlp: Language, model: str, batch_size: int = 16
) -> Iterator[Extraction]:
    # names hidden by zero-width or control characters ("Rus\u200btam") are read on a view
    # of the text without them; every offset is then moved back onto the text as written
    docs = list(docs)
    views = [invisible.view_document(d) for d in docs]
    seen = [v[0] if v else d for d, v in zip(docs, views, strict=True)]
    parsed = nlp.pipe((_model_view(d.text) for d in seen), batch_size=batch_size)
    for d, v, sdoc, original in zip(seen, views, parsed, docs, strict=True):
        ex = extract_parsed(d, sdoc, model)
        yield invisible.remap(ex, v[1], original.text) if v else ex


_HUNGARIAN_GENERATION_BEFORE = re.compile(r"(?<![\w.])(?:ifj|id)\.[ \t]+$")


def _hungarian_generation_before(text: str, start: int) -> int:
    """The start of "ifj. X Y" (the younger X Y, not his father "id. X Y") for a name found
    from "X Y"; `start` itself where no such word stands before it."""
    g = _HUNGARIAN_GENERATION_BEFORE.search(text, max(0, start - 6), start)
    return g.start() if g else start


_THE_BEFORE = re.compile(r"(?:(?<![A-Za-z])[Tt]|(?<=[a-z])T)he[ \t]+$")  # (or glued: "…postThe")


def _without_family_plurals(cands: list[_Cand], text: str) -> list[_Cand]:
    """Less a place or a body that is "the" and a surname of the document's people in the
    plural: "the Xs' account" is the family's, no place's."""
    names = {sn for c in cands if c.kind == "person" and (sn := surname(c.text(text)))}
    return [
        c
        for c in cands
        if c.kind == "person"
        or " " in (s := c.text(text))
        or not s.endswith("s")
        or fold(s[:-1]) not in names
        or not _THE_BEFORE.search(text, max(0, c.start - 6), c.start)
    ]


# a lower-case word glued to the next capitalised one: a teaser's last word on the story's next
# sentence ("… after the killingCol X said"), which the model reads as one word with the name
# (not a particle that begins a surname: "vanDam")
_GLUED_WORD = re.compile(
    r"(?<![A-Za-z])(?!(?:van|von|der|den|del|des|dos|das|dela)[A-Z])[a-z]{3,}(?=[A-Z][a-z])"
)


def _model_view(text: str) -> str:
    """`text` as the model reads it: a glued word's last two letters made a sentence's end
    (". "), so the sentence after it opens as sentences do. The length is the same, so every
    offset holds; the rules read the text as written."""
    return _GLUED_WORD.sub(lambda m: m.group()[:-2] + ". " if len(m.group()) > 3 else "   ", text)


def extract_parsed(document: Document, sdoc: Doc, model: str) -> Extraction:
    written = document.text
    # the rules read accented letters as their base letters ("Özbilgin", "Oğurlu"); offsets are
    # the same, and every mention's text is taken from the document as written
    text = ascii_letters(written)
    sentences = _sentences(sdoc, text)
    boiler = _boilerplate(text)
    if document.body_start:
        boiler.insert(0, (0, document.body_start))  # front matter is metadata, not story
    # a teaser glued to the story's next sentence ends mid-line: the rest is body text
    headlines = [h for h in _headlines(text) if not any(a <= h[0] < b < h[1] for a, b in boiler)]
    cands = _from_ner(sdoc, text, boiler)
    cands += _creed_groups(sdoc, text, boiler)
    cands += _agency_names(sdoc, text, boiler)
    cands += _acronyms(text, cands, boiler)
    cands += _named_with_age(text, boiler)
    cands += _patronymic_names(text, boiler)
    for pattern, group, source, not_places in _PERSON_PATTERNS:
        cands += _people_by_pattern(pattern, group, source, not_places, text, boiler)
    cands += _caps_first_names(text, boiler)
    cands += _named_by_apposition(text, boiler)
    cands += _slash_named(text, boiler)
    cands += _datelines(text)
    cands += _outlet_mentions(text, boiler)
    cands += _initialled_names(text, boiler)
    cands += _designated_places(text, boiler)
    cands += _menu_countries(text, cands)
    cands += _named_by_role(sdoc, text, boiler, cands)
    for c in cands:
        if c.kind == "person":
            c.start = _caps_surname_before(text, c.start)  # "Sergeant DIALLO Moussa"
            c.end = _god_word_after(text, c.end)  # "[Gulab] Ullah Dawar"
            c.end = _particle_surname_after(text, c.start, c.end)  # "[Femke] ter Zwaan"
            c.start = _given_and_particle_before(text, c.start)  # "Femke ter [Zwaan]"
            c.start = _given_before_nickname(text, c.start)  # "Jo '[Spud' Brady]"
            c.start = _hungarian_generation_before(text, c.start)  # "ifj. [X Y]"
            if text[c.end : c.end + 1] == "." and text[c.start : c.end].endswith((" Jr", " Sr")):
                c.end += 1  # "X Y Jr.": the abbreviation's period is the name's
    cands = _resolve_overlaps(cands, text)
    for c in cands:
        if c.kind == "place" and re.match(r"\.[,;]", text[c.end : c.end + 2]):
            c.end += 1  # "St. Paul, Minn.,": an abbreviation's period (a comma follows it)
    cands += _gazetteer_gaps(text, sdoc, cands, boiler) + _country_compounds(text, cands, boiler)
    cands.sort(key=lambda c: c.start)
    cands = sorted(cands + _coordinated_people(text, sdoc, cands, boiler), key=lambda c: c.start)
    cands = _join_cut_names(cands, text)
    cands = _fix_kinds(cands, sdoc, text)
    cands = _without_family_plurals(cands, text)
    cands = [c for c in cands if not ((h := _HOUSE_NAME.match(text, c.start)) and h.end() == c.end)]
    _extend_names(cands, sdoc, text)
    aka_pairs = _aliases(text, cands, boiler) + _paren_aliases(text, cands, boiler)
    _same_kind_as_named(cands, aka_pairs, text)
    bearers = {id(alias): owner.text(text) for owner, alias, *_ in aka_pairs}
    cands = _join_given_and_surname(_propagate(cands, text, boiler, bearers), text)
    for c in cands:
        if c.kind == "person" and (numeral := _GENERATION_NUMERAL.match(text, c.end)):
            c.end = numeral.end()  # "Fon X Y II", found again by the names the document uses
        if c.kind == "person":
            c.start = _hungarian_generation_before(text, c.start)  # "ifj. X", found again
    _extend_names(cands, sdoc, text)  # a propagated surname may stand after its given name
    cands = _join_lone_line_names(cands, text)
    cands = sorted(cands + _initials_only(text, cands, boiler), key=lambda c: c.start)
    cands = _drop_adjectives(cands, sdoc, text)
    # again, for cues whose name was found only by propagation ("el-Sabbagh, 53, known as …")
    done = {pair[3]: i for i, pair in enumerate(aka_pairs)}
    for pair in _aliases(text, cands, boiler):
        if (i := done.get(pair[3])) is None:
            aka_pairs.append(pair)
        elif _owner_in_paragraph(pair, aka_pairs[i], text):
            # "X, who converted … ¶ … On social media he called himself Y": the paragraph's
            # own man, found only now, rather than a man of the paragraph before
            aka_pairs[i] = pair
    _same_kind_as_named(cands, aka_pairs, text)  # (the pairs found only now, too)
    named = {id(c) for pair in aka_pairs for c in pair[:2]}  # aliases keep an honorific
    for c in cands:
        # the model's non-person span, read as a person later (context, cues), was cleaned
        # as its first kind: a rank it kept goes now ("Colonel X" tagged ORG)
        model_kind = c.source.startswith("ner:") and c.source != "ner:PERSON"
        undotted = c.source.endswith("rule:initials-and-surname-in-document")  # ("RJ" no rank)
        if c.kind == "person" and model_kind and id(c) not in named and not undotted:
            c.start, c.end = _clean(text, c.start, c.end, "person")
    cands = _split_parent_from_alias(cands, aka_pairs, text)
    cands = _drop_headline_only(cands, text, headlines)
    mentions, links = _group(cands, aka_pairs, written)
    hints = [(e.start_char, e.end_char) for e in sdoc.ents if e.label_ == "DATE"]
    # a byline's date ("By A. Writer | Saturday, 14 June 2025") is the page's own date
    bylines = [m.span() for m in _BYLINE.finditer(text)]
    # (nor the headlines listed under a teaser's label: "Related:" ¶ "… the cases of 2030")
    teasers = _teaser_lists(text)
    date_exprs = [
        d
        for d in dates_mod.find_dates(written, hints)
        if (not _inside(d.start, boiler) or _inside(d.start, bylines))
        and not _inside(d.start, teasers)
    ]
    raw_claims = [
        c for c in claims_mod.find_claims(sdoc, sentences) if not _inside(c.start, boiler)
    ]
    bounds = attributes_mod.sentence_bounds(sdoc)
    contexts = _date_contexts(sdoc, date_exprs, bounds)
    return Extraction(
        doc=document.id,
        model=model,
        mentions=mentions,
        links=links,
        dates=date_exprs,
        claims=raw_claims,
        attributes=attributes_mod.find_attributes(sdoc, mentions, bounds, written),
        sentences=sentences,
        contexts=contexts,
    )


def _owner_in_paragraph(
    new: tuple[_Cand, _Cand, str, int, int], old: tuple[_Cand, _Cand, str, int, int], text: str
) -> bool:
    """The second reading of an alias cue found its bearer in the cue's paragraph, where the
    first reading had reached back into the paragraph before."""
    para = text.rfind("\n", 0, new[3]) + 1
    return (
        new[0] is not old[0]
        and fold(new[1].text(text)) == fold(old[1].text(text))
        and new[0].kind == "person"
        and para <= new[0].start
        and old[0].start < para
    )


# ---------------------------------------------------------------- segmentation


def _sentences(sdoc: Doc, text: str) -> list[tuple[int, int]]:
    """The parser's sentences, also cut at line breaks (headlines and captions have no period)."""
    out = []
    for s in sdoc.sents:
        a, b = s.start_char, s.end_char
        for m in re.finditer(r"[^\n]+", text[a:b]):
            x, y = a + m.start(), a + m.end()
            while x < y and text[x].isspace():
                x += 1
            while y > x and text[y - 1].isspace():
                y -= 1
            if y > x:
                out.append((x, y))
    return out


# a teaser's label alone on its line, the headlines of other stories on the lines below it
_TEASER_LABEL = re.compile(
    r"(?im)^[ \t]*(?:see also|read more|read also|related(?: stories| articles)?|more on this|"
    r"also read|more stories)[ \t]*:?[ \t]*$"
)
# a headline: no sentence's end
_HEADLINE_LINE = re.compile(r"[ \t]*[^\s][^\n]{0,160}(?<![.!?\"”])[ \t]*$", re.M)


def _teaser_lists(text: str) -> list[tuple[int, int]]:
    """The lines of headlines under a teaser's label, up to the next blank line."""
    spans = []
    for m in _TEASER_LABEL.finditer(text):
        at = m.end() + 1
        while at < len(text) and (line := _HEADLINE_LINE.match(text, at)):
            at = line.end() + 1
        if at > m.end() + 1:
            spans.append((m.end() + 1, at - 1))
    return spans


def _boilerplate(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _CREDITS.finditer(text)]
    for m in _BOILER.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        glue = _GLUE.search(text, m.end(), line_end)
        # "Photo: X carry … on Tuesday. Photo: Agency / A. Writer": the credit after the
        # caption is the line's only boilerplate
        credit = _CREDIT_AFTER.search(text, m.end(), line_end)
        said = credit.start() if credit else line_end
        if not glue and _describes(m.group(), text[m.end() : said]):
            # a caption that says who and what is in the picture is story text; its label
            # is not ("Photo: Relatives wait …" is no group)
            spans.append((m.start(), m.end()))
            if credit:
                spans.append((credit.start(), line_end))
            continue
        spans.append((m.start(), glue.start() if glue else line_end))
    return spans


_CREDIT_AFTER = re.compile(
    r"(?im)(?<=[.)])[ \t]+(?:photo|foto|credit|source)[ \t]*:|\((?:photo|foto|credit)[ \t]*:"
    # a bracket closing the caption's line after its sentence: "… on Friday. (Agency / A. Writer)"
    r"|(?<=\.)[ \t]+\((?=[^()\n]{2,80}\)[ \t]*$)"
)
_CAPTION_LABEL = re.compile(r"(?i)\s*(?:photo|photograph|image|picture|caption|file photo)\b")


def _describes(label: str, rest: str) -> bool:
    """'Photo: Mourners carry the coffin of …' describes the picture; 'Photo: AFP' or
    'Photo: Reuters / A. Writer' only credits it."""
    if not _CAPTION_LABEL.match(label) or "/" in rest or "©" in rest:
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", rest)
    return len(words) >= 5 and sum(w[0].islower() for w in words) >= 2


# a court roll's line: the surname in capitals, then the given name ("KANE Moussa dit …")
_ROLL_LINE = re.compile(r"[ \t]*[A-Z]{3,}(?:[ \t-][A-Z]{2,})?[ \t]+[A-Z][a-z]{2,}")


def _headlines(text: str) -> list[tuple[int, int]]:
    """Standalone title-case lines: capitals there say nothing about names."""
    out = []
    lines = list(re.finditer(r"(?m)^[^\n]{3,200}$", text))
    for i, m in enumerate(lines):
        line = m.group().strip()
        if not line or line[-1] in '.!?:;,"”' or len(line.split()) < 3:
            continue
        # one of several roll lines in a row names people, not a story
        neighbours = [
            n.group()
            for n in lines[max(0, i - 1) : i + 2]
            if n.end() + 1 == m.start() or m.end() + 1 == n.start()
        ]
        if _ROLL_LINE.match(line) and any(_ROLL_LINE.match(n) for n in neighbours):
            continue
        # an item of a numbered list or a record of a form is not a title (a "Tags:" line
        # of title-case words still is one)
        if (
            re.match(r"(?:\d{1,2}[.)]|[-•*–])\s", line)
            or line.count(",") >= 3
            and not re.match(r"[A-Z][\w ]{0,20}:", line)
            or re.match(r"[A-Z][A-Z/& -]{2,30}:\s", line)  # "REPORTED BY: …", a form's field
            or re.match(r"[A-Z]{2,5}\s+[-–]\s", line)  # "KIA - Cpl. X Y", a casualty list
        ):
            continue
        words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line)]
        long_words = [w for w in words if len(w) > 3]
        if long_words and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.75:
            out.append((m.start(), m.end()))
    return out


_T = TypeVar("_T")
_R = TypeVar("_R")


def _once_per_document(make: Callable[[_T], _R]) -> Callable[[_T], _R]:
    """`make`'s answer for the last argument it was given (the document or its text, by
    identity): several rules ask it of one document in turn. One slot, read and written
    whole."""
    slot: list = [(None, None)]

    def answer(arg: _T) -> _R:
        last, value = slot[0]
        if last is not arg:
            value = make(arg)
            slot[0] = (arg, value)
        return value

    return answer


@_once_per_document
def _token_index(sdoc: Doc) -> tuple[dict, dict]:
    """The document's tokens by their start and by their end offset (several rules look
    tokens up by offset)."""
    tokens = list(sdoc)
    return {t.idx: t for t in tokens}, {t.idx + len(t): t for t in tokens}


def _inside(pos: int, regions: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in regions)


_WORD_OR_HYPHEN = re.compile(r"[\w\-]")


def _word_starts(text: str, *forms: str) -> list[int]:
    """Where one of `forms` stands as a whole word (no letter, digit, _ or hyphen touching it),
    left to right without overlaps, as a lookaround regex per form would find it, but without
    compiling a pattern per name: thousands of them per build evicted the re module's cache,
    so its fixed patterns were compiled again and again."""
    hits = []
    for form in dict.fromkeys(f for f in forms if f):
        i = text.find(form)
        while i >= 0:
            j = i + len(form)
            if (i and _WORD_OR_HYPHEN.match(text, i - 1)) or _WORD_OR_HYPHEN.match(text, j):
                i = text.find(form, i + 1)
            else:
                hits.append((i, j))
                i = text.find(form, j)
    if len(forms) == 1:
        return [a for a, _ in hits]
    out, end = [], -1
    for a, b in sorted(hits):
        if a >= end:
            out.append(a)
            end = b
    return out


# ---------------------------------------------------------------- candidates from the model


# Words that open a sentence or headline before a name without being part of it.
_LEAD_WORDS = frozenset(
    """
    blogger vlogger activist journalist reporter lawyer farmer student teacher businessman
    businesswoman suspect victim gunman militant resident trader witness survivor poet singer
    writer author dissident critic rapper footballer refugee migrant defendant police army
    co-defendant codefendant co-accused counsel
    neighbour neighbor cousin uncle nephew niece widow landlord
    senior junior
    gendarmerie specialist naval navy lance petty flight squadron acting retired former
    several many some most few all both other another two three four five six seven eight
    nine ten later earlier meanwhile then
    for from with of
    """.split()
)


_HONORIFIC_PAIR = re.compile(r"(?:(?:Tan|Toh|Puan)\s+(?:Sri|Seri|Puan)|Dato['’])\s+(?=[A-Z])")
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:[Tt]he|[Aa]n?)[ \t]+$")


_CUE_WORDS = re.compile(
    # ("Alias X was not found": capitalised, opening a sentence)
    r"(?:nom de guerre|[Aa]lias|urf|a[./]?k[./]?a\.?|kunya|nickname|code[ -]?name|pseudonym|"
    r"war name)[ \t]+(?=[\"“‘«]?[A-Z])"
)


# "Sayed", "Syed", "Sayyid" before a given name and a surname: an honorific that news writes
# as part of the name ("Sayed X Y" is how he is named), though matching reads past it
_NAMED_HONORIFIC = re.compile(
    r"(?:Sayy?[ie]d|Seyy?ed|Syed)[ \t]+[A-Z][\w'’\-]+[ \t]+[A-Z][\w'’\-]+"
)


# the first words of ranks of two or three words, no titles alone
_RANK_WORDS = frozenset(
    "divisional regional provincial district assistant senior principal acting additional "
    "joint special police state station chief deputy".split()
)
_RANK_PAIR = re.compile(
    rf"(?:{'|'.join(sorted(w.capitalize() for w in _RANK_WORDS))})[ \t]+(?:State[ \t]+)?"
    r"([A-Z][\w.]*)[ \t]+(?=[A-Z])"
)
# a line of a menu, a breadcrumb or a tag list: "Home | World | Politics", "Tags: X, Y"
_MENU_LINE = re.compile(r"(?:\s[|›>·]\s.*){2,}|^\s*(?:Keywords|Tags|Mots-cl[ée]s)\s*:", re.I)
_PLACE_PREPOSITION = re.compile(r"\b(?:in|from|at|near)\s+$")


def _menu_countries(text: str, cands: list[_Cand]) -> list[_Cand]:
    """The countries and regions a menu or a tag line lists ("Accueil | Allemagne | Monde"),
    in English or the outlet's language, which the model reads as anything or nothing."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        if not _MENU_LINE.search(line.group()):
            continue
        for item in re.finditer(r"[^|›>·,:\s][^|›>·,:]*", line.group()):
            a = line.start() + item.start()
            b = a + len(item.group().rstrip())
            word = text[a:b]
            if (places.is_country_or_region(word) or places.foreign_country(word)) and not any(
                c.start < b and a < c.end for c in cands
            ):
                out.append(_Cand(a, b, "place", "rule:menu-country", by_context=True))
    return out


def _foreign_in_menu(text: str, c: _Cand) -> bool:
    """A country named in the outlet's language on a menu's line ("Accueil | Allemagne")."""
    return bool(places.foreign_country(c.text(text)) and _MENU_LINE.search(_line_at(text, c.start)))


def _line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else len(text)]


# (Efendi only after a name: before one it is an Indonesian given name)
_HONORIFIC_AFTER = re.compile(r"[ \t]+(?:Bey|Hanım|Hanim|Efendi)$")
_RANK_FIRST = re.compile(r"\b(?:Cabo|Sargento|Teniente|Suboficial)[ \t]+$")
_RANK_SECOND = re.compile(r"(?:Segundo|Primero|Mayor|Coronel)[ \t]+(?=[A-Z])")
_INNER_PREPOSITION = re.compile(r"[ \t]+(?:at|in|on|near|from|to|with)[ \t]+(?=[A-Z])")


# ("Tun" is a Malaysian title, and a Burmese name's word: "Colonel Tun X", one word left;
# Burmese courtesy words before a name of two words or more (a name has no surname, and
# "Ko X Y" is "U X Y" as he ages): no part of the name
_COURTESY_WORDS = frozenset({"U", "Mg", "Ko", "Maung", "Ma", "Saya", "Sayama"})
_COURTESY_BEFORE_NAME = re.compile(
    r"(?:Sh\.|" + "|".join(sorted(_COURTESY_WORDS)) + r")[ \t]+(?=[A-Z][a-z]+[ \t]+[A-Z])"
)
# the Spanish "Don" before a given name alone ("Don Evaristo, 63,"); before a longer name it
# may be the name's own (Sinhala names carry Don: "Don Kasun X")
_DON_BEFORE_ONE = re.compile(r"(?:Don|Doña)[ \t]+(?=[A-Z][a-z]+$)")
# the pilgrim's "Haj" before one name is how a man is called: "Haj X", not "X"; the
# Maguindanaon "Bai", a lady's title, is a Chinese surname before one name)
_TITLE_LEAVING_ONE = re.compile(r"(?:Tun|Hajj?|Bai)[ \t]+[A-Z][a-z]+")


def _clean(text: str, start: int, end: int, kind: Kind) -> tuple[int, int]:
    """Trim articles, quotes, titles and possessives from a span."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and (text[start] in _EDGE or _invisible(text[start])):
            start, changed = start + 1, True
        while end > start and (
            _invisible(text[end - 1])
            or text[end - 1] in _EDGE
            and not _INITIAL.search(text, start, end)
        ):
            end, changed = end - 1, True
        m = _DET.match(text, start, end)
        if m:
            start, changed = m.end(), True
        # the alias's cue the model ran into it: "nom de guerre X", "alias X"
        m = _CUE_WORDS.match(text, start, end)
        if m:
            start, changed = m.end(), True
        m = _POSS.search(text, start, end)
        if m and m.start() > start:
            end, changed = m.start(), True
        # a Turkish honorific after the given name: "Nurettin Bey", "Sevim Hanım" (Mr, Mrs)
        m = _HONORIFIC_AFTER.search(text, start, end) if kind == "person" else None
        if m and m.start() > start:
            end, changed = m.start(), True
        m = re.match(r"([\w.\-]+)\s+(?=[A-Z])", text[start:end]) if kind == "person" else None
        # "General X", "Lieutenant-Colonel X", "Brig. X", and abbreviated ranks ("SSP X");
        # a role or a quantifier capitalised at a sentence's start ("Blogger X", "Several X")
        if (
            m
            and not _NAMED_HONORIFIC.match(text, start, end)
            and not title_is_given(tokens(text[start:end]))
            and not _TITLE_LEAVING_ONE.fullmatch(text, start, end)
            and (
                _hyphenated_title(m.group(1))
                # (not in a name all in capitals: "MOHD ALI", "LIM CHEE WAH" are names' words)
                or re.fullmatch(r"[A-Z]{2,4}", m.group(1))
                and not text[start + m.end() : end].isupper()
                or fold(m.group(1)) in _LEAD_WORDS
            )
        ):
            start, changed = start + m.end(), True
        # a rank of two words whose first is no title alone: "Divisional Commissioner X",
        # "Principal State Attorney X"
        # the second word of a Spanish rank the model began the name with: "Cabo [Segundo X Y]"
        m = _RANK_SECOND.match(text, start, end) if kind == "person" else None
        if m and _RANK_FIRST.search(text, max(0, start - 14), start):
            start, changed = m.end(), True
        m = _RANK_PAIR.match(text, start, end) if kind == "person" else None
        if m and fold(m.group(1).rstrip(".")) in TITLES:
            start, changed = m.end(), True
        # Indian "Sh." (Shri) before a full name; "Sh. Vakhtangov" alone is an initial; the
        # Burmese honorific "U" and "Mg" (a courtesy word written short; no period: "U. Kalo" is an
        # initial)
        # (and the other courtesy words Burmese names wear by age and standing, before a name
        # of two words or more: "Ko Zaw Min X" is "U Zaw Min X" in a later report)
        m = _COURTESY_BEFORE_NAME.match(text[start:end]) or _DON_BEFORE_ONE.match(text[start:end])
        if kind == "person" and m:
            start, changed = start + m.end(), True
        # an article before a name of three words or more: the first is a people or a
        # descriptor ("the Filipino Ramil Hasan Tahil"), as no one writes "the" before a name
        m = re.match(r"([A-Z][a-z]+)[ \t]+(?=[A-Z][\w'’\-]*[ \t]+[A-Z])", text[start:end])
        if (
            kind == "person"
            and m
            and _ARTICLE_BEFORE.search(text[max(0, start - 6) : start])
            and fold(m.group(1)) not in PARTICLES | KUNYA
        ):
            start, changed = start + m.end(), True
        # Malay honorifics of two words whose first is no title alone ("Tan" is a surname)
        m = _HONORIFIC_PAIR.match(text, start, end)
        if kind == "person" and m:
            start, changed = start + m.end(), True
        # the rest of a multi-word rank: "Private First Class X", "First Lieutenant X"
        m = re.match(
            r"(?:First|Second|Third)\s+(?:Class|Lieutenant|Lt\.?|Sergeant)\s+(?=[A-Z])",
            text[start:end],
        )
        if kind == "person" and m:
            start, changed = start + m.end(), True
        # the model ran a name into the next sentence's words: "In sentencing X F. the court"
        m = re.search(r"[ \t]+[a-z][\w'’]*$", text[start:end]) if kind == "person" else None
        if m and fold(m.group().strip()) not in PARTICLES:
            end, changed = start + m.start(), True
        # … or across a preposition: "ancient X at Umm Y" is a place at a place, no one's name
        m = _INNER_PREPOSITION.search(text, start, end) if kind == "person" else None
        if m:
            end, changed = m.start(), True
        # the model opened a bracket it did not close: "… the Homeland (CNSP"
        if "(" in text[start:end] and ")" not in text[start:end]:
            end, changed = start + text[start:end].index("("), True
        if kind == "place":
            m = re.search(rf"\s+(?:{_PLACE_NOUNS})$", text[start:end])
            if m and text[start + m.start() + 1].islower():  # "Kandahar province"
                end, changed = start + m.start(), True
    return start, end


def _invisible(ch: str) -> bool:
    """Controls and format characters (NUL, bidi marks, zero-width) at a name's edge."""
    return unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\n\t"


_KUNYA_AFTER = re.compile(r"\s*\((?:Abu|Abou|Abo|Umm|Ebu)\s+[A-Z]")


def _hyphen_joined(sdoc: Doc, text: str) -> list:
    """The model's entities, with a name it cut at a hyphen made whole again
    ("Zia-ul-" + "Karim Khan": the South Asian "-ul-" and "-ur-" names), and a country it
    cut in two ("DR" + "Congo")."""
    ents = list(sdoc.ents)
    out = []
    i = 0
    while i < len(ents):
        e = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if (
            nxt is not None
            and e.label_ == "PERSON"
            and text[e.end_char - 1] == "-"
            and nxt.start_char == e.end_char
            and (joined := sdoc.char_span(e.start_char, nxt.end_char, label="PERSON"))
        ):
            out.append(joined)
            i += 2
            continue
        if (
            nxt is not None
            and e.label_ == nxt.label_ == "GPE"
            and text[e.end_char : nxt.start_char] == " "
            and places.is_country_or_region(text[e.start_char : nxt.end_char])
            and (joined := sdoc.char_span(e.start_char, nxt.end_char, label="GPE"))
        ):
            out.append(joined)  # "DR" + "Congo": one country
            i += 2
            continue
        out.append(e)
        i += 1
    return out


_NASAB_NAME = re.compile(
    r"(?:[A-Z][\w'’\-]+[ \t]+)+(?:Mint|Ould|Uld|Bint|bint|ould|mint)(?:[ \t]+[A-Z][\w'’\-]+)+"
)


def _from_ner(sdoc: Doc, text: str, boiler: list[tuple[int, int]]) -> list[_Cand]:
    out = []
    norp_before = {e.end_char + 1: e for e in sdoc.ents if e.label_ == "NORP"}
    for ent in _hyphen_joined(sdoc, text):
        label = ent.label_
        prev = norp_before.get(ent.start_char)
        if label == "ORG" and prev is not None and text[prev.end_char] == " ":
            # a demonym or creed right before a group's name is part of it: "Velmaran Army",
            # "Islamic Front of Ostmark" (the model tagged only the rest)
            ent = sdoc.char_span(prev.start_char, ent.end_char, label="ORG") or ent
        if label not in LABEL_KIND and len(ent) >= 2 and _KUNYA_AFTER.match(text, ent.end_char):
            kind = "person"  # "led by X Y Z (Abu Zurayq)": a name the model took for a building
        elif label in ("WORK_OF_ART", "PRODUCT", "EVENT") and _titled_person(ent.text):
            kind = "person"  # "Subprefect X Y Z" after a quotation, read as a title of a work
        elif label in LABEL_KIND:
            kind = LABEL_KIND[label]
        elif label in ("NORP", "FAC"):
            # A nationality is no place, but the model often tags a city that way ("in Khujand").
            bare = re.sub(r"^(?:the|The)\s+", "", ent.text)
            if not (_place_like(ent, text) or label == "FAC" and _toponym_form(bare)):
                continue
            kind = "place"
        else:
            continue
        if kind == "organization" and _titled_person(ent.text):
            kind = "person"  # "General Ilya Sorokin" tagged ORG
        elif (
            kind != "person"
            and _NASAB_NAME.fullmatch(ent.text)
            and not _org_words(ent.text.split())
        ):
            kind = "person"  # "X Mint Y", "X Ould Y": a daughter or a son of Y
        elif kind != "place" and _gazetteer_place(ent.text):
            kind = "place"  # "Moldova" tagged ORG or PERSON
        elif kind == "person" and (
            any(_org_head(w) for w in ent.text.split()[1:])
            or fold(ent.text.split()[0] if ent.text.split() else "") in ORG_HEADS_FIRST
            or re.search(r"\b(?:the|The)\s+$", text[max(0, ent.start_char - 4) : ent.start_char])
            and ent.text.endswith("s")
        ):
            kind = "organization"  # "Southern Transitional Council"; "the Houthis"
        for s, e in _comma_parts(text, _line_parts(text, ent.start_char, ent.end_char)):
            if kind == "person" and (head := _HYPHEN_HEAD.search(text, max(0, s - 30), s)):
                s = head.start(1)  # "threatsSelim-Khan Arsamakov": the model began after "-"
            # "…ignore threatsSelim-Khan X": the model read a glued teaser's last word with the name
            glued = kind == "person" and next(
                (q for _, q in boiler if s < q < e and _GLUE.match(text, q)), None
            )
            if glued:
                s = glued
                if re.match(r"The\s+\S+s\b", text[s:e]):
                    continue  # "postThe Vakhaevs' account": a family, not one person
            if _inside(s, boiler) or _part_of_compound(text, s, e):
                continue
            a, b = _clean(text, s, e, kind)
            raw = _clean(text, s, e, "place")
            # "the town of Datu Lanang": a title word opening a place's name
            if (
                kind == "person"
                and raw[0] < a
                and _kind_in_context(text, raw[0], raw[1], "person") == "place"
            ):
                out.append(_Cand(*raw, "place", f"ner:{label}", by_context=True))
                continue
            if b - a < 2 or not any(c.isupper() for c in text[a:b]):
                continue
            if _only_titles(text[a:b]):
                continue  # "Interior" of "Interior Minister"; "Afghan Consul General"
            if kind == "person" and all(
                fold(w) in TITLES or fold(w) in _RANK_WORDS for w in text[a:b].split()
            ):
                continue  # "Principal State" of "Senior Principal State Attorney X"
            if kind == "place" and (tail := _COMPASS_AFTER.match(text, b)):
                b = tail.end()  # the model stopped before "del Norte"
            if kind == "person":
                b = _past_particle(text, b)
                if text[b : b + 1] == "." and re.search(r"\s[A-Z][a-z]?$", text[a:b]):
                    b += 1  # "Luiza Ts. (27)": the model left the initial's period out
                m = _INITIALS_BEFORE.search(text, max(0, a - 12), a)
                shri = m is not None and m.group().strip() == "Sh." and " " in text[a:b].strip()
                if m and not shri and not any(fold(w) in TITLES for w in m.group().split()):
                    # "P.I. Zhdanov", "Kh. Dzhafarzade"; not "Mr." or "Dr.", nor the Indian
                    # "Sh." (Shri) before a full name
                    a = m.start()
            if ent.end - ent.start == 1 and ent.root.pos_ == "ADJ" and kind != "place":
                continue  # "Unofficial translation"
            part_kind = kind
            if kind != "place" and (re.search(r"\n[ \t]*\n", ent.text) or " and " in ent.text):
                # one block of a span the model ran across a blank line: "Basra\n\nToll rises …"
                part_kind = "place" if _gazetteer_place(text[a:b]) else kind
            found = _kind_in_context(text, a, b, part_kind)
            out.append(_Cand(a, b, found, f"ner:{label}", by_context=found != kind))
    return out


_PLACE_NOUNS = (
    "district|neighbourhood|neighborhood|quarter|area|region|province|governorate|county|village|"
    "town|city|street|road|avenue|square|camp|crossing|border|valley|island|port|airport|prison|"
    "state|forest|local government area|municipality|township|hamlet|suburb|sub-district|"
    "subdistrict|upazila|tehsil|prefecture|commune|oblast|woreda|river"
)
_KNOWN_AND_DESIGNATOR = re.compile(
    r"([A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*)?)[ \t]+"
    r"(?:State|Province|Region|District|Division|Governorate|County|Oblast|Prefecture)"
)
_ORG_NOUNS = (
    "group|militia|faction|movement|party|organi[sz]ation|network|company|firm|agency|channel|"
    "broadcaster|newspaper|daily|outlet|brigade|battalion|unit|front|alliance|coalition|union"
)
_PLACE_AFTER = re.compile(rf"\s+(?:{_PLACE_NOUNS})(?:s|es)?\b")
_AREA_AFTER = re.compile(
    r"\s+(?:district|neighbou?rhood|quarter|region|province|governorate|county|village|town|city|"
    r"municipality|township|hamlet|suburb|sub-?district|upazila|tehsil|prefecture|commune|oblast|"
    r"woreda|river|valley|forest)s?\b"
)
_GROUP_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:fighters|militants|insurgents|militiamen|jihadists|members|cells?|"
    r"ranks|units?|affiliates?|offshoots?|forces?|militias?|brigades?)\b"
)
_PLACE_BEFORE = re.compile(
    r"\b(?:in|into|near|outside|across|around|through|(?:people|residents|inhabitants|city|town|"
    r"village|suburb|district|neighbou?rhood|province|governor|mayor|outskirts|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?)"
    r"(?<!outskirt)s?\s+of|(?:leading|roads?|routes?|highway|way)\s+"
    r"(?:to|from))\s+(?:the\s+)?"
    # "… of Akkar and Minyeh", "… to Sungai Kolok and Tak Bai"
    r"(?:[A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*)?(?:,\s+[A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*)?)*,?"
    r"\s+and\s+)?$"
)
# Toponyms by their form: Arabic heads ("Bab", "Jabal", "Wadi" …), Persian/Turkic/Slavic/
# Indic endings ("-abad", "-stan", "-grad", "-kent", "-pur"), and capitalised designators.
PLACE_HEADS = frozenset(
    "bab jabal jebel gebel wadi tal tell bir ras ain deir kafr kfar beit bayt souk haret khirbet "
    "hay bandar mount lake port fort cape gulf barangay kampung kampong desa sitio "
    "sungai kuala pulau bukit tanjung teluk "  # Malay: river, estuary, island, hill…
    "ouled oulad oued hassi sakiet douar".split()  # Maghreb: sons of, wadi, well, water wheel
)
# Spanish compass words closing a toponym: "Valle del Norte", "Isla de Oriente".
_COMPASS = r"\s(?:del|de la|de)\s(?:Sur|Norte|Oriental|Occidental|Este|Oeste)"
_COMPASS_TAIL = re.compile(_COMPASS + "$")
_COMPASS_AFTER = re.compile(_COMPASS + r"\b")
_UNNAMED_HEADS = frozenset(
    "lake mount cape gulf "
    "bab jabal jebel gebel wadi deir kafr kfar khirbet haret souk barangay kampung kampong desa "
    "sitio sungai kuala pulau tanjung teluk ouled oulad oued hassi sakiet douar".split()
)
_PLACE_ENDING = re.compile(r"(?:abad|stan|grad|kent|shahr|pur|pura)$")
_DESIGNATOR = re.compile(
    r"\s(?:Street|Road|Avenue|Square|Bridge|Airport|Province|Region|District|Governorate|"
    r"County|Valley|Island|Mountains?|River|Camp|Crossing|"
    # land and water by their common nouns: "the Kalo Forest", "X Gorge", "Y National Park"
    r"Forest|Gorge|Bay|Canal|Strait|Sea|Desert|Hills|Pass|Plateau|Delta|Oasis|Park|Lake|"
    r"Prison|Stadium|Boulevard)$"
)


def _toponym_form(surface: str, person: bool = False) -> bool:
    """Shaped like a place name. Over the model's PERSON only with the heads no one is named
    ("Bab", "Wadi"…; a man may be called Bandar), and never over "… Council"/"… University"."""
    words = surface.split()
    if not words or _org_head(words[-1]):
        return False
    heads = _UNNAMED_HEADS if person else PLACE_HEADS
    if fold(words[0]) in heads and len(words) > 1:
        return True
    # "Bandar Anzali" is a port; "Bandar bin Sultan" a man
    if fold(words[0]) == "bandar" and len(words) == 2 and fold(words[1]) not in PARTICLES:
        return True
    if len(words) == 1 and _PLACE_ENDING.search(fold(words[0])) and len(words[0]) >= 8:
        return True
    if _COMPASS_TAIL.search(surface):
        return True
    if len(words) >= 2 and words[-2][:1].isupper() and _AREA_TAIL.search(surface):
        return not _org_words(words[:-1])  # "Bacho district", "Rueso subdistrict"
    return bool(_DESIGNATOR.search(surface)) and not _org_words(words[:-1])


_AREA_TAIL = re.compile(
    r"\s(?:district|province|governorate|county|village|municipality|township|sub-?district|"
    r"upazila|tehsil|prefecture|commune|oblast|woreda|region)$"
)


def _org_words(words: list[str]) -> bool:
    """'Islamic State Khorasan Province' is an organisation, not a province; so is a name
    opened by a Romance group's head noun ("Tribunal Supremo")."""
    return any(_org_head(w) or fold(w) == "state" for w in words) or (
        bool(words) and fold(words[0]) in ORG_HEADS_FIRST
    )


_ORG_BEFORE = re.compile(rf"\b(?:{_ORG_NOUNS})(?:,)?\s+(?:called\s+|named\s+)?$", re.I)
# "the leader of the network, X": the apposition names the leader, not the network
_ROLE_OF_GROUP = re.compile(
    r"\b(?:leader|head|chief|founder|commander|spokes(?:man|woman|person)|member|financier|"
    rf"emir|boss|deputy|treasurer)s?\s+of\s+(?:the|a|an|its|this|that)\s+(?:[\w\-]+\s+)?"
    rf"(?:{_ORG_NOUNS}),\s*$",
    re.I,
)


# French ranks named for the unit they command: "Général de brigade X" is a man, not a brigade
_RANK_OF_UNIT = re.compile(
    r"(?i)\b(?:g[ée]n[ée]ral\s+de\s+(?:brigade|division)|chef\s+de\s+bataillon|"
    r"chef\s+d['’]escadrons?)\s+$"
)


# a verb after a name that says the name is a man's: "the company X founded", "the firm X ran"
_FOUNDER_VERB_AFTER = re.compile(
    r"[ \t]+(?:founded|co-founded|owned|owns|ran|runs|set\s+up|controlled|controls|built|"
    r"headed|heads|chaired|chairs|registered|created|started|managed|manages)\b"
)


def _group_noun_before(text: str, a: int, before: str) -> bool:
    """'the group X', 'the Islamist group X': a group's noun just before the name at `a`
    (`before` ends there); not 'the leader of the group, X' nor 'Général de brigade X'."""
    return bool(
        _ORG_BEFORE.search(before)
        and not _ROLE_OF_GROUP.search(text, max(0, a - 70), a)
        and not _RANK_OF_UNIT.search(before)
    )


def _kind_in_context(text: str, a: int, b: int, kind: Kind) -> Kind:
    """The words around a name say what it is: 'the Bab al-Tabbaneh district', 'the group X'."""
    before = text[max(0, a - 40) : a]
    surface = text[a:b]
    owns = re.match(r"['’]s?\b", text[b : b + 2]) is not None
    if is_kunya(surface) and not places.canonical(surface):
        if not owns and (
            _PLACE_BEFORE.search(before) and kind != "person" or _kunya_placed(text, a, b)
        ):
            return "place"  # "the village of Umm Khirba", "south of Abu Tig"
        return "person"  # "Abu Firas", never a place (but "Abu Dhabi" is)
    if (
        kind != "organization"
        and _group_noun_before(text, a, before)
        # "the company X Y founded": a relative clause, whose subject the model read as a man
        and not (kind == "person" and _FOUNDER_VERB_AFTER.match(text, b))
    ):
        return "organization"
    if kind != "place" and _toponym_form(surface, person=kind == "person"):
        return "place"
    if kind == "person" and _PLACE_AFTER.match(text, b):
        return "place"
    if kind == "person" and _GROUP_AFTER.match(text, b):
        return "organization"  # "Jaysh al-Nur fighters": people have no fighters or members
    # an organisation may have a camp, a border or an area, but not a district or a river
    if kind == "organization" and _AREA_AFTER.match(text, b) and not _org_words(surface.split()):
        return "place"  # "the Kalo river", "Kalo and Dera districts"
    # "in Akkar", "into Tudun Kaya": a "person" that is the object of "in" is a place, unless
    # it owns something ("in Karimov's house")
    if (
        kind == "person"
        and len(surface.split()) <= 3
        and _PLACE_BEFORE.search(before)
        and not _PHRASAL_IN.search(before)
        and not re.match(r"['’]s?\b", text[b : b + 2])
        # ("the village of X, and Y Z, 31": a man with an age after the list's place)
        and not _PERSON_AFTER.match(text, b)
        and not _ROLE_APPOSED_AFTER.match(text, b)
        # ("recruiting through X Y, popularly called Z": a man, whose nickname follows)
        and not _NICKNAME_APPOSED_AFTER.match(text, b)
        # ("a commander in Faylaq al-Sham": a corps, whose head word the cues read later)
        and not (len(surface.split()) > 1 and _GROUP_FIRST.match(surface))
    ):
        return "place"
    # "…, Kallingal House, Vengara, Malappuram": the places of an address after a house name
    if kind != "place" and _ADDRESS_BEFORE.search(text, max(0, a - 120), a):
        return "place"
    # "X Y, 41, of Leeds," / "1. X Y, fish trader, of Kanem": where someone lives
    if (
        kind != "place"
        and len(surface.split()) <= 3
        and not surface.isupper()
        and _RESIDENCE_BEFORE.search(before)
        and _RESIDENCE_AFTER.match(text, b)
        and not _org_words(surface.split())
    ):
        return "place"
    return kind


# "drew in X", "turned in X": a verb whose "in" is its own, not a place's preposition
_PHRASAL_IN = re.compile(
    r"\b(?:dr[ae]w|drawn|draws|brought|brings?|roped?|ropes|pulled|pulls?|turned|turns?|"
    r"handed|ushered|reeled|reels?|let|lets)\s+in\s+$"
)


_HOUSE = r"[A-Z][\w'’\-]+[ \t]+House"
_ADDRESS_BEFORE = re.compile(
    rf"(?<!the )\b{_HOUSE},(?:[ \t]*[A-Z][\w'’.\-]+(?:[ \t]+[A-Z][\w'’\-]+)?,)*[ \t]*$"
)
# a house's name in an Indian address ("s/o Y, Kallingal House, Vengara"): no one and nowhere
_HOUSE_NAME = re.compile(rf"(?<=, ){_HOUSE}(?=,)")
_RESIDENCE_BEFORE = re.compile(r"\w,[ \t]+of[ \t]+$")
_RESIDENCE_AFTER = re.compile(r"[ \t]*(?:[,;(\n]|\.(?:\s|$)|$)")


# ("J.-F. X": the French initials of a hyphenated given name)
_INITIALS_BEFORE = re.compile(r"(?<![\w.\-])(?:[A-Z][a-z]?\.(?:\s|-)?){1,3}\s?$")


# French official style puts the surname first, in capitals, after a rank: "Sergeant DIALLO
# Moussa", "Captain OUATTARA Jean-Paul". The model often sees only the given name.
_CAPS_SURNAME_BEFORE = re.compile(r"(?<![\w.])([\w.\-]+)[ \t]+([A-Z]{3,}(?:-[A-Z]{2,})?)[ \t]+$")


# French administrative style, surname in capitals first: "KONDO Seydou (village chief)",
# "HAMA ISSA Moussa, 41," in a list of names
# ("NAMEKA, Saide Bacar, 68 years": Portuguese and Spanish lists put a comma after it)
# (Philippine police reports add the mother's surname after "y": "REYES, Juan y Cruz")
_CAPS_FIRST = re.compile(
    r"(?<![\w.\-])((?:(?:AG|OULD|EL|AL|BEN|BIN|ABU|ABOU|DE|DA|DOS|VAN|VON)[ \t])?[A-Z]{3,}"
    r"(?:[ \t-][A-Z]{2,})?)(?:[ \t]+|(,)[ \t]+)"
    r"([A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?"
    r"(?(2)(?:[ \t]+[A-Z][a-z]{2,}){0,2}(?:[ \t]+y[ \t]+[A-Z][a-z]{2,})?)"
    # the father's name after the given name: "BEN SALEM Karim ben Hedi" (Maghreb registers);
    # a married name ("AYUK Judith epouse TABE"); a second name in capitals ("X Godlove NDZI")
    r"(?:[ \t]+(?:ben|bin|bent|bint|ibn|ould|ag)[ \t]+[A-Z][a-z]{2,}"
    r"|[ \t]+(?:epouse|veuve)[ \t]+[A-Z]{2,}|[ \t]+[A-Z]{3,}(?=,))?)"
    # a second given name before a comma: kept only where the name opens a list's line
    r"(?(2)|([ \t]+[A-Z][a-z]{2,}(?=[ \t]*[,(]))?)"
    r"(?=\s*[(,;@]|\s+(?:and|et|dit|dite|alias|urf)\s|\.\s|(?(2)[ \t]+[a-z]|(?!)))"
)


_WEEKDAY_WORDS = frozenset(w.lower() for w in dates_mod.WEEKDAYS)
# what may stand before a name that opens a list's line: nothing, "1.", "2)", "-", "•"
_LIST_LINE_START = re.compile(r"[ \t]*(?:(?:\d{1,3}[.)]|[-•*–])[ \t]+)?")


def _caps_first_names(text: str, boiler: list[tuple[int, int]]) -> list[_Cand]:
    """A surname in capitals, then a given name, where a list or a bracket goes on after it."""
    acronyms = set(re.findall(r"\(([A-Z]{2,})\)", text))
    out = []
    for m in _CAPS_FIRST.finditer(text):
        caps, given = m.group(1), m.group(3)
        end = m.end(4) if m.group(4) else m.end(3)
        line_start = text.rfind("\n", 0, m.start()) + 1
        if (
            _inside(m.start(), boiler)
            or m.group(4)
            and not _LIST_LINE_START.fullmatch(text, line_start, m.start())
            or any(w in acronyms for w in re.split(r"[ \t-]", caps))
            # "According to the NIA, X said": after an article, capitals are a body's acronym
            or _ARTICLE_BEFORE.search(text[max(0, m.start() - 6) : m.start()])
            # "NDS, Vanj border unit", "YPJ, X Y": an acronym (y is no vowel in three letters)
            or not re.search(r"[AEIOU]" if len(caps) <= 3 else r"[AEIOUY]", caps)
            # a town's name in capitals is a dateline (after a comma, or opening a line),
            # unless two given names follow the comma
            or not (m.group(2) and len(given.split()) >= 2)
            and fold(caps.split()[0]) not in PARTICLES  # "BEN SALEM Karim" is no dateline
            and (m.group(2) or not text[line_start : m.start()].strip())
            and any(places.canonical(w) for w in re.split(r"[ \t-]", caps))
            # "PEMBA, Cabo Delgado": a dateline (but "1. ALI Hassan Umar," names a man)
            or places.canonical(given)
            and not m.group(4)
            or _org_words(given.split())
            or fold(given) in TITLES
            and not title_is_given([fold(given), fold(caps)])  # "HODZIC Emir"
            or fold(given) in _SENTENCE_OPENERS
            or fold(caps) in TITLES
            or fold(given) in dates_mod.MONTHS
            or fold(given) in _WEEKDAY_WORDS
        ):
            continue
        out.append(_Cand(m.start(), end, "person", "rule:caps-surname-first", by_context=True))
    return out


# Court reports name defendants by initials only: "the defendant (R.J.K.)", "identified only
# as N.A.S."
_INITIALS_ONLY = re.compile(rf"(?<![\w.]){INITIALS_ONLY}(?![\w.])")
# "A.P. (24), F.G. (38)": court reports give a defendant's initials and age
_AGE_AFTER = re.compile(r"\s?\(\d{1,2}\)")
_INITIALS_CUE = re.compile(
    r"(?i)\b(?:defendants?|accused|suspects?|convicts?|detainees?|identified(?:\s+only)?\s+as|"
    r"named(?:\s+only)?\s+as|known(?:\s+only)?\s+as|initials)[,:]?\s*\(?\s*$"
)
# the next in a list of initials: "by their initials, E.H., A.H. and S.K."
_INITIALS_LIST_GAP = re.compile(r",?\s*(?:and\s+)?")


def _initials_only(text: str, cands: list[_Cand], boiler: list[tuple[int, int]]) -> list[_Cand]:
    """Initials that stand for a person: after "the defendant", or those of one full name the
    document gives ("R.J.K." of "Rafid Jalal Kamil")."""
    people = {
        c.text(text) for c in cands if c.kind == "person" and len(core_tokens(c.text(text))) >= 2
    }
    out = []
    persons: set[str] = set()
    last = -1  # the end of the last initials read as a person's
    for m in _INITIALS_ONLY.finditer(text):
        letters = _initial_letters(m.group())
        owners = {p for p in people if initials_of(p).startswith(letters)}
        owned = len(owners) == 1 and len(letters) >= 3  # "U.S." is no one's initials
        if (
            _inside(m.start(), boiler)
            or places.canonical(m.group())
            or not (
                owned
                or _INITIALS_CUE.search(text, max(0, m.start() - 40), m.start())
                or _AGE_AFTER.match(text, m.end())
                or last >= 0
                and _INITIALS_LIST_GAP.fullmatch(text, last, m.start())
                or _initials_of_name_before(cands, text, m.start(), letters)
            )
        ):
            continue
        last = m.end()
        over = [c for c in cands if c.start < m.end() and c.end > m.start()]
        if not over:
            out.append(_Cand(m.start(), m.end(), "person", "rule:initials-only", by_context=True))
            persons.add(m.group())
        elif (
            len(over) == 1 and over[0].start == m.start() and m.end() - 1 <= over[0].end <= m.end()
        ):
            # the model's "(N.A.S.)" ORG, or its "S.Lj" without the last period
            over[0].end, over[0].kind, over[0].by_context = m.end(), "person", True
            persons.add(m.group())
    for c in cands:  # "the wife of K.V.": the same initials elsewhere are the same person
        if c.text(text) in persons and c.kind != "person":
            c.kind, c.source = "person", c.source + "+rule:initials-only"
    return out


def _initials_of_name_before(cands: list[_Cand], text: str, pos: int, letters: str) -> bool:
    """An indictment's "HODZIC Emir (E.H.)": the initials of the name just before, in brackets."""
    opening = re.search(r"[ \t]*\([ \t]*\Z", text[max(0, pos - 4) : pos])
    if opening is None:
        return False
    at = pos - len(opening.group())
    return any(
        c.kind == "person" and c.end == at and initials_of(given_first(c.text(text))) == letters
        for c in cands
    )


def _initial_letters(initials: str) -> str:
    """'R.J.K.' → 'rjk'; a digraph's initial is its first letter: 'H.Dj.' → 'hd', 'Sh.R.' → 'sr'."""
    return "".join(p[0] for p in initials.split(".") if p).lower()


def initials_of(name: str) -> str:
    """'Rafid Jalal Kamil al-Dulaimi' → 'rjkd' (the first letters of its core tokens)."""
    return "".join(t[0] for t in core_tokens(name))


# "Gulab Ullah Dawar": "Ullah" (God's name, closing a theophoric name written as two words)
# opens no name of its own, so a name the model ended before it runs on through it, and
# through a surname after it
_GOD_WORD_AFTER = re.compile(r"[ \t]Ullah\b(?:[ \t]([A-Z][a-z][\w'’\-]+))?")


def _god_word_after(text: str, b: int) -> int:
    m = _GOD_WORD_AFTER.match(text, b)
    if m is None:
        return b
    if m.group(1) and m.group(1).lower() not in _stop_words():
        return m.end()
    return m.end(0) if not m.group(1) else m.start(1) - 1


# a surname behind a particle in lower case, which the model leaves out of the name:
# "Femke ter Zwaan", "Sjoerd van der Mesdag", "Juan de la Vega"
_SURNAME_PARTICLE = (
    r"(?:van[ \t](?:der|den|de|het)|von[ \t]der|de[ \t](?:la|las|los)|van|von|ter|ten|"
    r"de|del|da|dos|das|du)"
)
_IBERIAN_PARTICLE = re.compile(r"[ \t](?:da|das|do|dos|de|del)[ \t]")
_PARTICLE_SURNAME_AFTER = re.compile(rf"[ \t]{_SURNAME_PARTICLE}[ \t][A-Z][a-z][\w'’\-]*")
_GIVEN_AND_PARTICLE_BEFORE = re.compile(
    rf"(?<![\w'’\-])([A-Z][a-z]+)[ \t]{_SURNAME_PARTICLE}[ \t]$"
)


def _particle_surname_after(text: str, a: int, b: int) -> int:
    m = _PARTICLE_SURNAME_AFTER.match(text, b)
    # (after a given name of one word only: "the Mayor of Y" is no particle's; but a
    # Portuguese or Spanish name runs on through "dos Anjos" after two given names too)
    if m is None or not text[a : a + 1].isupper():
        return b
    if " " in text[a:b].strip() and not (
        len(text[a:b].split()) <= 3 and _IBERIAN_PARTICLE.match(text, b)
    ):
        return b
    return m.end()


# a surname's particle capitalised, as a sentence or a heading opens with it: "Van der Zwaan's
# family said"
_CAPITAL_PARTICLE_BEFORE = re.compile(
    r"(?:^|(?<=[.!?:;\"“”]\s)|(?<=\n))"
    r"(?:Van(?:[ \t](?:der|den|de|het))?|Von(?:[ \t]der)?|Ter|Ten)[ \t]$"
)


def _given_and_particle_before(text: str, a: int) -> int:
    """'Femke ter [Zwaan]': the given name and the particle the model left out; '[Van der]
    Zwaan' at a sentence's start: the particle."""
    if cap := _CAPITAL_PARTICLE_BEFORE.search(text, max(0, a - 12), a):
        return cap.start()
    m = _GIVEN_AND_PARTICLE_BEFORE.search(text, max(0, a - 30), a)
    if m is None:
        return a
    word = fold(m.group(1))
    if word in TITLES or word in _stop_words() or places.canonical(m.group(1)):
        return a
    return m.start()


def _caps_surname_before(text: str, a: int) -> int:
    m = _CAPS_SURNAME_BEFORE.search(text, max(0, a - 40), a)
    if (
        m
        and fold(m.group(1)) in TITLES
        and fold(m.group(2)) not in TITLES  # not "Chief AKBP Sutarjo": a rank in capitals
        and re.search(r"[AEIOUY]", m.group(2))  # nor "DIG CTD X": an office's acronym
    ):
        return m.start(2)
    return a


# a capitalised first half of a hyphenated given name, at a word's start or glued to a
# teaser's last word: "Selim-" of "Selim-Khan", "threatsSelim-"
_HYPHEN_HEAD = re.compile(r"(?:(?<![\w\-])|(?<=[a-z]))([A-Z][a-z]+-)$")


def _part_of_compound(text: str, a: int, b: int) -> bool:
    """'Don' of 'Rostov-on-Don': a piece of a hyphenated word is not a name of its own."""
    return bool(re.match(r"\w-$", text[max(0, a - 2) : a]) or re.match(r"-\w", text[b : b + 2]))


def _only_titles(surface: str) -> bool:
    """Titles alone, or a demonym and titles: a role, not a name."""
    words = [fold(w) for w in surface.split()]
    if len(words) > 1 and words[0] in ("first", "second", "third"):
        words = words[1:]  # "First Lieutenant", "Second Class"
    if all(w in TITLES for w in words):
        return True
    return (
        len(words) >= 2
        and all(w in TITLES for w in words[1:])
        and re.search(r"(?:an|ian|i|ese|ish)$", words[0]) is not None
    )


def _past_particle(text: str, b: int) -> int:
    """'Raed Bou' → 'Raed Bou Saab': a name does not end in a particle."""
    while True:
        last = re.search(r"[\w'’\-]+$", text[max(0, b - 60) : b])  # the last word only
        if not last or fold(last.group()) not in PARTICLES:
            return b
        nxt = re.match(r"[ \t]+([A-Z][\w'’\-]*)", text[b:])
        if not nxt:
            return b
        b += nxt.end()


def _line_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a span the model ran across a line break ("Tom Reed\nKarim Haddad") where both
    sides are names of their own; a single word broken off is a wrapped name, kept whole.
    A blank line always ends a name: each block is read on its own."""
    if blank := re.search(r"\n[ \t]*\n", text[start:end]):
        rest = start + blank.end()
        return _line_parts(text, start, start + blank.start()) + _line_parts(text, rest, end)
    parts, pos = [], start
    for m in re.finditer(r"\n", text[start:end]):
        parts.append((pos, start + m.start()))
        pos = start + m.end()
    parts.append((pos, end))
    if len(parts) == 1:
        return parts
    # "Bol\n4. TAHIR …": a list's next number is no part of a name
    named = [(a, b) for a, b in parts if text[a:b].lstrip()[:1].isalpha()]
    if len(named) < len(parts):
        return [p for a, b in named for p in _line_parts(text, a, b)]
    if all(len(text[a:b].split()) >= 2 for a, b in parts):
        return parts
    # "Abu Zurayq al-Qasimi\nSpokesman": a signature line and its role
    if any(all(fold(w) in TITLES for w in text[a:b].split()) for a, b in parts):
        return [(a, b) for a, b in parts if not all(fold(w) in TITLES for w in text[a:b].split())]
    return [(start, end)]


def _comma_parts(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'According to Reyes, Tolentino …': the model ran one span over a comma. Each side that
    is capitalised is a name of its own ("Kalo, Sindh" are two places)."""
    out = []
    for a, b in parts:
        pieces = [(a + m.start(), a + m.end()) for m in re.finditer(r"[^,]+", text[a:b])]
        pieces = [(x + len(text[x:y]) - len(text[x:y].lstrip()), y) for x, y in pieces]
        if len(pieces) > 1 and all(text[x : x + 1].isupper() for x, _ in pieces):
            out += pieces
            continue
        # "Sulu and Basilan" tagged as one group: two places the gazetteer knows
        both = re.fullmatch(r"(.+?)[ \t]+and[ \t]+(.+)", text[a:b])
        if both and all(_gazetteer_place(both.group(k)) for k in (1, 2)):
            out += [(a + both.start(1), a + both.end(1)), (a + both.start(2), a + both.end(2))]
        else:
            out.append((a, b))
    return out


@lru_cache(maxsize=1 << 14)  # the same surfaces recur in every document
def _gazetteer_place(surface: str) -> bool:
    """A country or region, or a one-word city the gazetteer knows: the model mis-tagged it."""
    s = re.sub(r"^(?:the|The)\s+", "", surface.strip())
    # "Niger Republic", "Republic of Niger"
    s = (
        re.sub(r"^Republic of\s+|\s+Republic$", "", s)
        if places.is_country_or_region(re.sub(r"^Republic of\s+|\s+Republic$", "", s))
        else s
    )
    if places.is_country_or_region(s):
        return True
    return " " not in s and places.canonical(s) is not None and fold(s) not in ORG_HEADS


def _titled_person(surface: str) -> bool:
    """A title followed by two or more capitalised names and no organisational head noun."""
    words = re.sub(r"^(?:the|The)\s+", "", surface).split()
    if len(words) == 2 and fold(words[0]) in TITLES and words[1][:1].isupper():
        # "ASP Wickramaratne", "Col. Adeyemi": an abbreviated rank before one name (not "General
        # Motors": a rank written out may head a company's name)
        abbreviated = words[0].isupper() or words[0].endswith(".")
        # (and a courtesy title, Ms or Mr, heads no company's name, whatever the name after it:
        # the surname "Mr Mill", a nickname that is an English word "Mr Lodge")
        polite = fold(words[0]) in ("mr", "mrs", "ms", "miss", "mme", "mlle")
        return polite or abbreviated and not _org_head(words[1])
    if len(words) < 3 or fold(words[0]) not in TITLES:
        return False
    rest = [w for w in words[1:] if fold(w) not in TITLES]
    return (
        len(rest) >= 2
        and all(w[:1].isupper() for w in rest)
        and not any(_org_head(w) for w in words)
    )


def _place_like(ent, text: str) -> bool:
    surface = ent.text
    if places.is_country_or_region(surface):
        return True
    if ent.label_ == "NORP" and surface.endswith("s"):
        return False  # "Iranians"
    if places.canonical(surface) is None:
        return False
    head = ent.root.head
    # "in Khujand", "near Osh", "a citizen of X": the object of a preposition is a place.
    return ent.root.dep_ == "pobj" and head.lower_ in {
        "in",
        "at",
        "near",
        "from",
        "to",
        "of",
        "into",
        "outside",
        "across",
    }


# the head of a group's name after a creed or nation: "Islamic State", "Popular Front"
_CREED_HEADS = ORG_HEADS | {"state", "jihad", "emirate", "caliphate", "brotherhood", "mujahideen"}


def _creed_groups(sdoc: Doc, text: str, boiler: list[tuple[int, int]]) -> list[_Cand]:
    """A group named by a creed or nation and a head noun that the model read as an adjective
    and a common word ("a foiled Islamic State plot", "Kurdish Workers Party members"): the
    adjective and the capitalised words after it, when the first is a group's head."""
    out = []
    for ent in sdoc.ents:
        if ent.label_ != "NORP" or _inside(ent.start_char, boiler):
            continue
        run = []
        for t in sdoc[ent.end : ent.end + 4]:
            if not t.is_title or t.ent_type_ in ("PERSON", "DATE") or t.is_sent_start:
                break
            if not run and t.ent_type_ == "GPE":
                break  # "Kurdish Iraq": a place, not a group
            run.append(t)
        if run and fold(run[0].text).rstrip("s") in _CREED_HEADS:
            out.append(
                _Cand(
                    ent.start_char, run[-1].idx + len(run[-1]), "organization", "rule:creed-group"
                )
            )
    return out


# "its Amaq news agency", "the semi-official Tasnim news agency": the name before the agency
_AGENCY_NAME = re.compile(
    r"(?<![\w'’\-])([A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,2})"
    r"[ \t]+(?:news|propaganda|media)[ \t]+(?:agency|outlet|wing)\b"
)


def _agency_names(sdoc: Doc, text: str, boiler: list[tuple[int, int]]) -> list[_Cand]:
    """A name before a lowercase 'news agency' is the agency's, whatever the model made of
    an unfamiliar word (a product, a people); a people's adjective ("the Russian news agency
    X") or a country is not."""
    out = []
    for m in _AGENCY_NAME.finditer(text):
        by_start = _token_index(sdoc)[0]
        a, b = m.span(1)
        words = text[a:b].split()
        first = by_start.get(a)
        if (
            _inside(a, boiler)
            or first is None
            or first.is_sent_start
            or any(_demonym(w) or fold(w) in TITLES for w in words)
            or places.is_country_or_region(text[a:b])
        ):
            continue
        out.append(_Cand(a, b, "organization", "rule:agency-name"))
    return out


def _acronyms(text: str, cands: list[_Cand], boiler: list[tuple[int, int]]) -> list[_Cand]:
    """'Long Form (LF)': the long form and the acronym as one entity."""
    out: list[_Cand] = []
    for m in re.finditer(r"\(\s*([A-Z][A-Za-z.&\-]{0,10}[A-Z])\s*\)", text):
        if _inside(m.start(), boiler):
            continue
        acr = m.group(1)
        if sum(c.isupper() for c in acr) < 2:
            continue
        before = text[max(0, m.start() - 200) : m.start()]
        long_span = _long_form(before, acr)
        if long_span is None:
            continue
        la = m.start() - len(before) + long_span[0]
        lb = m.start() - len(before) + long_span[1]
        # the model's kind for the whole long form ("Mohammed bin Salman (MBS)"); one it
        # gave a part ("Tamil Arasu Party" PERSON, "Uzbekistan" GPE) does not say what the
        # whole is: most long forms with an acronym are organisations
        whole = [c.kind for c in cands if c.start <= la and c.end >= lb]
        kind = whole[0] if whole else "organization"
        out.append(_Cand(la, lb, kind, "rule:acronym-long-form"))
        out.append(_Cand(m.start(1), m.end(1), kind, "rule:acronym", role="acronym"))
    return out


# Between two words of a name: spaces, and at most one line break (a name may wrap with
# the page's lines, never run across a blank line)
_NAME_GAP = r"(?:[ \t]+\n?|\n)[ \t]*"
# "Rustam Nazarov, 34, …": news style gives a person's age in apposition to the name.
# Words inside a name that are no name: "bin" / "binti" (Malay "son / daughter of", also
# written "bin.", "b.", "bt."), the Tamil "a/l" and "s/o", and an initial
_LINK_WORDS = (
    r"al|el|bin|ibn|de|van|von|binti|binte|bte|(?i:bin|bt|b)\.|BIN|BINTI|BTE"
    r"|(?i:a/l|a/p|s/o|d/o)|epouse|veuve|[A-Z]\.(?=[ \t]+[A-Z])"
    r"|(?:da|das|do|dos|del)(?=[ \t]+[A-Z])"  # "Luzia Rosana dos Anjos"
    # the Irish O (Ó once folded) of "Ciaran O Broin": one capital before the surname
    r"|O(?=[ \t]+[A-Z][a-z])"
)
_NAME_AGE = re.compile(
    # (a name may break across a line, never across a blank one: "… AFP\n\nAli Kassem, 27";
    # it may be glued to a teaser's last word: "… online threatsAli Barakeh (27) was")
    r"(?:(?<![\w\-])|(?<=[a-z])(?=[A-Z][a-z]))((?:[A-Z][\w'’\-]+|al|el|bin|ibn|de|van|von)"
    r"(?:" + _NAME_GAP + r"(?:[A-Z][\w'’\-]+|al-\w+|"
    r"el-\w+|" + _LINK_WORDS + r")){0,5})"
    # ", 34," and ", 67 years old" (", 68 years," in lists translated from Portuguese); " (24),"
    # as European and Kurdish outlets give it
    # (", 29 – 14 years.": a sentence list's age, then the term after a dash)
    # ('X, "Nick", 16 years,': a sentencing list's nickname in quotes between)
    r"(?:,[ \t][\"“][A-Z][^\"”\n]{0,40}[\"”])?"
    r"(?:,\s(\d{1,3})(?:,|\s+years?(?:\s+old)?\b|(?=[ \t]+[–—-][ \t]))"
    r"|\s\((\d{1,3})\)(?=[,;.]|\s+(?:from|of|and|who|was|is|were|are|has|had)\b))"
)


_NOT_NAME_START = frozenset(
    "on in at the a an when after before as but and then also yesterday today police "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december "
    # "Brothers X Y, 34, and Z Y, 27": kin that open a sentence; "Alias X" opens a nom de
    # guerre, not a name
    "brothers sisters cousins twins siblings alias".split()
)


_DESIGNATED = re.compile(
    r"(?<![\w\-])(?:[A-Z][\w'’\-]+\s+){1,3}(?:Street|Road|Avenue|Square|Bridge|Airport|Province|"
    r"Region|Governorate|Valley|Island|River|Camp|Crossing)\b"
)


def _demonym(word: str) -> bool:
    """'Iraqi', 'Afghan', 'Syrian': a people's adjective, not a town (Pagayawan, Kerman)."""
    f = fold(word)
    return bool(re.search(r"(?:ians?|ese|ish)$", f)) or any(
        places.is_country_or_region(stem)
        for stem in (word[:-1], word + "istan", word + "a", word + "land")  # Iraqi, Somali, Thai
    )


# "in the Tarmiyah district", "of Gudermes district": the name before a lowercase designator
_NAME_THEN_DESIGNATOR = re.compile(
    # (after any word in lower case: "in", "the", "attacked X village", "raided X district")
    r"\b[a-z]+[ \t]+((?:[A-Z][\w'’\-]+|[ae]l-[A-Z][\w'’\-]+)"
    r"(?:[ \t]+(?:[A-Z][\w'’\-]+|[ae]l-[A-Z][\w'’\-]+)){0,2})"
    r"(?=[ \t]+(?:district|sub-district|governorate|county|municipality|town|village)\b)"
)


_DESIGNATOR_MODIFIES = re.compile(
    r"[ \t]+\w+[ \t]+(?!(?:of|in|on|near|and|or|where|which|that|who|was|is|were|are|has|had)\b)"
    r"[a-z]"
)


def _run_span(text: str, a: int, b: int, kind: Kind) -> tuple[int, int]:
    """A capitalised run found by a rule, cleaned, without a sentence's opening words:
    "On Monday Rustam Nazarov, 34," starts at Rustam; "On Syria Street" at Syria."""
    a, b = _clean(text, a, b, kind)
    while (w := re.match(r"(\w+)\s+", text[a:b])) and fold(w.group(1)) in _NOT_NAME_START:
        a += w.end()
    return a, b


# "the village of Om Dabaa", "the town of Abu Qurqas": what a settlement "of" is called
_SETTLEMENT_OF = re.compile(
    # (and South Asian police style "S/o X, R/o Y": Y is where he lives)
    r"(?:\b(?:village|town|hamlet|city|settlement|oasis|township|municipality)\s+of|"
    r"(?<![\w/])[Rr]/[oO]\.?)\s+"
    # ("the town of Mocímboa da Praia": a particle inside the name)
    r"((?:[A-Z][\w'’\-]+|[ae]l-\w+)(?:[ \t]+(?:(?:da|de|do|dos|das|del|di|du)[ \t]+)?"
    r"(?:[A-Z][\w'’\-]+|[ae]l-\w+)){0,3})"
)


def _designated_places(text: str, boiler: list[tuple[int, int]]) -> list[_Cand]:
    """'Syria Street', 'Gilan Province': a capitalised designator makes the run a place;
    so does being the name of a village or a town."""
    out = []
    for m in _SETTLEMENT_OF.finditer(text):
        a, b = _clean(text, m.start(1), m.end(1), "place")
        if not _inside(a, boiler) and b > a and not _org_words(text[a:b].split()):
            out.append(_Cand(a, b, "place", "rule:settlement-of", by_context=True))
    for m in _NAME_THEN_DESIGNATOR.finditer(text):
        a, b = m.span(1)
        if poss := list(re.finditer(r"['’]s?(?:[ \t]+|$)", text[a:b])):
            a += poss[-1].end()  # "Kandahar's Arghandab district": the district is Arghandab
        words = text[a:b].split()
        if (
            not words
            or _inside(a, boiler)
            or _org_words(words)
            or _demonym(words[-1])  # "the Iraqi province of …"
            or places.is_country_or_region(text[a:b])
            or any(fold(w) in TITLES or w in dates_mod.WEEKDAYS for w in words)
            or words[0].lower() in dates_mod.MONTHS
            # "the slain X district amir": the designator names someone's office, after a word
            # that is no preposition
            or _DESIGNATOR_MODIFIES.match(text, m.end(1))
            and m.group().split()[0] not in ("in", "of", "from", "near")
        ):
            continue
        out.append(_Cand(a, b, "place", "rule:designated-place", by_context=True))
    for m in _DESIGNATED.finditer(text):
        a, b = _run_span(text, m.start(), m.end(), "place")
        words = text[a:b].split()
        if not _inside(a, boiler) and len(words) >= 2 and not _org_words(words[:-1]):
            out.append(_Cand(a, b, "place", "rule:designated-place", by_context=True))
    return out


# "Mohammadreza Gholami, a rescue coordinator": a name in apposition with an agent noun.
_AGENT_APPOSITION = re.compile(
    r"(?<![\w\-])([A-Z][\w'’\-]+(?:\s+(?:[A-Z][\w'’\-]+|al-\w+|el-\w+|bin|ibn)){1,3}),\s+"
    r"(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?([a-z]+(?:er|or|ist|ian|man|woman|ant|ent|ee))\b"
)
_NOT_AGENTS = frozenset(
    "center centre border river water order corner shelter tower sector corridor government "
    "department movement parliament settlement restaurant plant quarter chamber theater theatre "
    "newspaper paper number computer container tanker freighter carrier cruiser trawler "
    "helicopter monitor document agreement statement incident event accident weather winter "
    "summer letter matter power platform".split()
)
# A news dateline: "TEHRAN, May 12 -", "TRIPOLI, Lebanon —"
_DATELINE = re.compile(r"(?m)^([A-Z][A-Z'’\-]{2,}(?:\s[A-Z][A-Z'’\-]{2,})*)(?=,|\s[—–-])")


# Egyptian (and other Arabic) official style puts a slash between a title or a role and the
# name: "Sheikh / Hassan Barakat", "his son / Younis Hassan", "the citizen / Idris Fawzi"
_SLASH_NAMED = re.compile(
    r"(?<![\w/])(?:[A-Z][a-z]+\.?|(?:his|her|the|their)\s+[a-z]+(?:\s+[a-z]+)?)[ \t]*/[ \t]*"
    r"([A-Z][\w'’\-]+(?:[ \t]+(?:[A-Z][\w'’\-]+|[ae]l-\w+|[Aa]bd?el|bin|ibn)){1,5})"
)


def _slash_named(text: str, boiler: list[tuple[int, int]]) -> list[_Cand]:
    """'Sheikh / Hassan Barakat Abou Tarfa': a title or role, a slash, then a person."""
    out = []
    for m in _SLASH_NAMED.finditer(text):
        head = fold(m.group().split("/")[0].strip().split()[-1])
        if _inside(m.start(), boiler) or not (head in TITLES or re.match(ROLE_NOUNS, head)):
            continue
        a, b = _clean(text, m.start(1), m.end(1), "person")
        if b > a and not _not_a_person(text[a:b]):
            out.append(_Cand(a, b, "person", "rule:slash-named", by_context=True))
    return out


def _named_by_apposition(text: str, boiler: list[tuple[int, int]]) -> list[_Cand]:
    out = []
    for m in _AGENT_APPOSITION.finditer(text):
        if _inside(m.start(), boiler) or m.group(2) in _NOT_AGENTS:
            continue
        a, b = _run_span(text, m.start(1), m.end(1), "person")
        words = text[a:b].split()
        if any(fold(w).strip("'’s") in ORG_HEADS for w in words):
            continue  # "the Chief Prosecutor's Office, …"
        # "X, a smaller group loyal to …": "smaller" is no agent noun, and X is a group
        kind: Kind = (
            "organization"
            if _GROUP_APPOSED.match(text, b)
            else "place"
            if _PLACE_APPOSED.match(text, b)
            else "person"
        )
        if len(words) >= 2 and not _not_a_person(text[a:b]):
            out.append(_Cand(a, b, kind, "rule:name-in-apposition"))
    return out


# "P.I. Zhdanov", "Kh. Dzhafarzade", "Korolev V.N.": names with initials, as in translations
# from Russian; not "U.S. Army" or "St. Petersburg".
_INITIALLED = (
    re.compile(r"(?<![\w.\-])(?:[A-Z][a-z]?\.(?:\s|-)?){1,3}[A-Z][a-z][\w'’\-]+"),
    # "X A.Kh.", "X Ye.S."
    # (Ye. / Yu. / Ya. only before another initial: "Wang Yu." ends a sentence)
    re.compile(
        r"(?<![\w.])[A-Z][a-z][\w'’\-]+\s(?:(?:[A-Z][hs]?|Y[eua](?=\.[A-Z])|(?<=\.)Y[eua])\.){1,3}(?!\w)"
    ),
)


# A capitalised given name before "M. Reyes", or a surname after "Ana M.": the initial is a
# middle initial ("Ana M. Reyes"), and the name runs from the given name to the surname.
_GIVEN_BEFORE = re.compile(r"(?<![\w.\-])([A-Z][a-z][\w'’\-]+)[ \t]+$")
_SURNAME_AFTER = re.compile(r"[ \t]+([A-Z][a-z][\w'’\-]+)")


def _initialled_names(text: str, boiler: list[tuple[int, int]]) -> list[_Cand]:
    out = []
    for i, pattern in enumerate(_INITIALLED):
        for m in pattern.finditer(text):
            c = _initialled_name(text, m, boiler, middle_after=i == 1)
            if c:
                out.append(c)
    return out


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # (spaCy is loaded by now: no cost)

    return frozenset(STOP_WORDS)


_INITIALS_PERSON_CUE = re.compile(
    r",?[ \t]*(?:\(?\d{1,3}\)?[,;.)]|,?[ \t]*an?[ \t]+(?:[\w\-]+[ \t]+){0,2}(?:man|woman|boy|girl|"
    r"convert|student|teenager|national|citizen)\b"
    # "A.B.S., as the judicial documents refer to him,"; "T.V.K., who …"
    r"|,[ \t]+as[ \t]+[^,.;\n]{0,50}\b(?:him|her)\b|,[ \t]+who\b)"
)
_INITIALS_THEN_WORD = re.compile(rf"({INITIALS_ONLY})[ \t]+([A-Z][a-z]+)")


def _initialled_name(
    text: str, m: re.Match, boiler: list[tuple[int, int]], middle_after: bool
) -> _Cand | None:
    initials = re.findall(r"[A-Z][a-z]?\.", m.group())
    word = re.sub(r"(?:[A-Z][a-z]?\.\s?)+", "", m.group()).strip()
    if _inside(m.start(), boiler) or places.canonical("".join(initials)) or not word:
        return None
    if fold(initials[0]) in TITLES:
        return None  # "Dr. Smith" is found by the model; "St. Pölten" is a place, no initial
    if (middle_after or len(initials) >= 2) and word.lower() in _stop_words():
        # "The F.B.I. said": an article before a group's dotted acronym; "… the brother of
        # M.K.A. Both brothers …": the next sentence's first word ("G. Will" is a name)
        return None
    if len(initials) == 1 and not middle_after:
        given = _GIVEN_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if given and _middle_initial_host(given.group(1)):
            end = m.end()
            last = text[: m.end()].split()[-1]
            if fold(last) in PARTICLES:  # "Reynaldo V. Dela Torre"
                rest = re.match(r"[ \t]+[A-Z][\w'’\-]+", text[end:])
                end += rest.end() if rest else 0
            suffix = re.match(r",?[ \t]+(?:Jr|Sr)\.|[ \t]+I{2,3}\b", text[end:])
            end += suffix.end() if suffix else 0
            start = given.start(1)
            # a second given name before the first: "Pat. Norhaya Amina D. X" (Philippine
            # usage), "Mahfoud Lemrabott O. Bedda" (Mauritanian, O. for Ould, "son of"); not a rank
            # in the plural or a phrase's last word ("Attorneys Glenn M. Okafor", "Special Agent
            # in Charge Dwight P. Hollis")
            more = _GIVEN_BEFORE.search(text, max(0, start - 40), start)
            if (
                more
                and _middle_initial_host(more.group(1))
                and fold(more.group(1)).rstrip("s") not in TITLES
                and not re.search(
                    r"\b(?:in|of|for|at)[ \t]+$", text[max(0, more.start(1) - 5) : more.start(1)]
                )
                and not _inside(more.start(1), boiler)
                and not _ARTICLE_BEFORE.search(text, max(0, more.start(1) - 6), more.start(1))
            ):
                start = more.start(1)
            return _Cand(start, end, "person", "rule:middle-initial")
    if len(initials) == 1 and middle_after:
        sur = _SURNAME_AFTER.match(text, m.end())
        if sur and _middle_initial_host(sur.group(1)) and _middle_initial_host(word):
            return None  # "Ana M." of "Ana M. Reyes": the other pattern reads it whole
    if initials == ["Sh."] and _SURNAME_AFTER.match(text, m.end()):
        return None  # "Sh. Tariq Hussain Rather": the Indian Shri before a full name
    if fold(word) in TITLES or places.canonical(word):
        return None  # "St. Petersburg" is a place
    if middle_after and fold(word) in _LEAD_WORDS:
        return None  # "Defendant N.V.": a role and the initials, found as initials alone
    if fold(word) in ORG_HEADS or word.endswith(("ment", "tion", "ity")):
        return None  # "U.N. Mission"
    start = m.start()
    if middle_after:
        # "Anwar Sadiq M.K.": South Indian usage puts the initials (house and father's
        # names) after two or three given names as well as before them
        for _ in range(2):
            given = _GIVEN_BEFORE.search(text, max(0, start - 40), start)
            if (
                not given
                or not _middle_initial_host(given.group(1))
                or _inside(given.start(1), boiler)
                # "the Chechen Adlan Ts.": after an article, a people, not a given name
                or _ARTICLE_BEFORE.search(text, max(0, given.start(1) - 6), given.start(1))
            ):
                break
            start = given.start(1)
    return _Cand(start, m.end(), "person", "rule:initialled-name")


def _middle_initial_host(word: str) -> bool:
    """Can `word` stand next to a middle initial as a given name or surname?"""
    f = fold(word)
    return (
        f not in TITLES
        and f not in _NOT_NAME_START
        and f not in ORG_HEADS
        and f not in _FUNCTION_WORDS
        and f not in _LEAD_WORDS  # "Lawyer S. Raman": a role at a sentence's start
        # (a town's name, unless an English given name too: "Lincoln R. X")
        and (places.canonical(word) is None or english_given_name(word))
        and not places.is_country_or_region(word)
    )


_FUNCTION_WORDS = frozenset(
    "he she it they we i you his her its their our this that these those there here but and or "
    "so yet if in on at by for of to from with as when while after before said says".split()
)


_NOT_DATELINES = frozenset(
    "by photo breaking update updated exclusive watch live analysis opinion editorial "
    "correction new video audio listen read see also advertisement sponsored".split()
)


def _datelines(text: str) -> list[_Cand]:
    out = []
    for m in _DATELINE.finditer(text):
        words = m.group(1).split()
        if len(words) > 3 or any(fold(w) in _NOT_DATELINES for w in words):
            continue
        # a place the gazetteer knows, or "CITY, Country"/"CITY, May 12" as datelines read
        after = text[m.end(1) : m.end(1) + 24]
        if places.canonical(m.group(1).title()) or re.match(r",\s+[A-Z][a-z]", after):
            out.append(_Cand(m.start(1), m.end(1), "place", "rule:dateline", by_context=True))
    return out


# The outlet a scraped page comes from names itself in its copyright line and byline ("© 2025
# The Example Post. All rights reserved.", "By A. Writer | Example Wire", "Posted by Example
# Desk"); where the story then says "told Example Wire", that is the outlet, not a person.
_NAME_WORDS = r"[A-Z][\w&'’\-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w&'’\-]*){0,4}"
_OUTLET_LINE = re.compile(
    r"(?m)^[ \t]*(?:(?P<own>(?:All rights reserved[ \t]*)?(?:©|\(c\)|Copyright)[ \t]*(?:©[ \t]*)?"
    r"(?:\d{4}(?:[ \t]*[-–][ \t]*\d{4})?,?[ \t]+)?(?:by[ \t]+)?(?:[Tt]he[ \t]+)?"
    r"|By[ \t][^\n|]{2,80}\|[ \t]*(?:[Tt]he[ \t]+)?)"
    r"|(?:Posted|Published)\b[^\n]{0,40}?\bby[ \t]+|Author:[ \t]*|By[ \t]+an?[ \t]+)"
    rf"({_NAME_WORDS})"
)
# ("By a Example Monitor correspondent": the outlet's own reporter)
_DESK_WORDS = (
    r"(?i)(?:[ \t]+(?:editorial|news))?[ \t]+(?:desk|staff|team|bureau|correspondent|reporter)"
)
_DESK_AFTER = re.compile(_DESK_WORDS + r"\b")  # "Author: Example editorial desk"
_DESK_TAIL = re.compile(_DESK_WORDS + "$")  # "by Example Desk"
_NOT_OUTLETS = frozenset("all our staff".split())


def _outlet_names(text: str) -> set[str]:
    """The outlet's own name, from its copyright line, byline or desk credit."""
    names = set()
    for m in _OUTLET_LINE.finditer(text):
        name = m.group(2)
        if desk := _DESK_TAIL.search(name):
            name = name[: desk.start()]
        # "Author: A. Writer" is a person; "Author: Example desk" is the outlet
        if fold(name.split()[0]) not in _NOT_OUTLETS and (
            m.group("own") or desk or _DESK_AFTER.match(text, m.end(2))
        ):
            names.add(name)
    return names


def _outlet_mentions(text: str, boiler: list[tuple[int, int]]) -> list[_Cand]:
    out = []
    for name in _outlet_names(text):
        for a in _word_starts(text, name):
            if not _inside(a, boiler):
                out.append(_Cand(a, a + len(name), "organization", "rule:outlet", by_context=True))
    return out


_PATRONYMIC_NAME = re.compile(
    r"(?<![\w'’\-])((?:[A-Z][\w'’\-]+[ \t]+){0,2}[A-Z][\w'’\-]+)[ \t]+((?i:"
    + PATRONYMIC_AFTER_RE
    # "… uulu A."; the surname after an Uzbek patronymic: "Given Father o'g'li Surnamov"
    + r"))((?:[ \t]+(?:[A-Z][a-z]?\.){1,3}|[ \t]+[A-Z][\w'’]{2,}(?:[oe]va?|zoda))?)"
    + r"(?=['’]s\b|[^\w'’\-]|$)"
)


def _patronymic_names(text: str, boiler: list[tuple[int, int]]) -> list[_Cand]:
    """'Azamat Erlan uulu', 'Erlan uulu', 'Aizat Bolot kyzy': a Turkic patronymic after the
    father's name makes a person's name, whatever the model made of it."""
    out = []
    for m in _PATRONYMIC_NAME.finditer(text):
        if _inside(m.start(), boiler):
            continue
        words = list(re.finditer(r"\S+", m.group(1)))
        while words and fold(words[0].group()) in TITLES | _SENTENCE_OPENERS:
            words = words[1:]  # "Colonel Erlan uulu", "Among Erlan uulu's …"
        if words:
            a = m.start(1) + words[0].start()
            out.append(_Cand(a, m.end(3), "person", "rule:patronymic", by_context=True))
    return out


_SENTENCE_OPENERS = frozenset("the a an among and but when while after before his her".split())

# an Indian charge sheet's parent after a defendant: "X (37), s/o Y, Z House" (not the
# Malaysian legal name "Raman s/o Krishnan", which has no comma before s/o)
_PARENT_AFTER = re.compile(
    # (an indictment's "X (E.H.), son of Y, born 1993": the same in words)
    r"(?<=[,)])[ \t]+(?:[sdwSDW]/[oO]\.?|son[ \t]+of|daughter[ \t]+of)[ \t]+"
    r"([A-Z][\w'’\-]+(?:[ \t][A-Z][\w'’\-]+){0,3})"
)


_PARENT_MARK = re.compile(r"[ \t][sdwSDW]/[oO]\.?[ \t]+(?=[A-Z])")
_PROSE_ALIAS_CUE = re.compile(r"(?i)\b(?:known|called|name)\b")
# a Malaysian or Singaporean legal name with the Tamil "son of" / "daughter of" inside it:
# "Raman s/o Selvam", "Devi d/o Muthu", "Kumar a/l Rajan" (after no comma: that is
# a charge sheet's parent, _PARENT_AFTER)
# ("X s/o Y r/o Z" is South Asian police style: Y is the father, Z where X lives)
_TAMIL_LEGAL_NAME = re.compile(
    r"(?<![\w'’\-,])(?<!,[ \t])[A-Z][\w'’\-]+(?:[ \t][A-Z][\w'’\-]+)?"
    r"[ \t](?:s/o|d/o|a/l|a/p)[ \t][A-Z][\w'’\-]++(?:[ \t][A-Z][\w'’\-]++){0,2}+"
    # (not a Pakistani police record: "X s/o Y r/o Z", "X s/o Y caste Z r/o W")
    r"(?!,?[ \t]+(?:[rR]/[oO]|caste\b))"
)


def _split_parent_from_alias(
    cands: list[_Cand], aka_pairs: list[tuple[_Cand, _Cand, str, int, int]], text: str
) -> list[_Cand]:
    """'X alias Y s/o Z': a police list's "son of" after an alias ends the alias; Z is the
    father, a person of his own (a Malaysian legal name "Raman s/o Krishnan" is no alias)."""
    # (a list's cue: "alias", "@", "urf"; not "formerly known as Raman s/o Selvam", a
    # former legal name)
    aliases = {id(p[1]) for p in aka_pairs if not _PROSE_ALIAS_CUE.search(p[2])}
    aliases |= {id(c) for c in cands if c.role == "aka"}
    out = list(cands)
    for c in cands:
        m = _PARENT_MARK.search(text, c.start, c.end)
        if c.kind != "person" or id(c) not in aliases or m is None:
            continue
        parent = _Cand(m.end(), c.end, "person", "rule:parent-after-alias")
        c.end = m.start()
        if parent.end > parent.start and not any(
            o is not c and o.start < parent.end and o.end > parent.start for o in cands
        ):
            out.append(parent)
    return sorted(out, key=lambda c: c.start)


# The labels US charging papers give people they do not name: a co-conspirator ("CC-1"), a
# confidential human source ("CHS-2"), an undercover or online covert employee ("UCE-1",
# "OCE-1"), a cooperating witness ("CW-1"); and "Individual-1", "Individual A"
_COURT_LABEL = re.compile(
    r"(?<![\w\-])(?:(?:CC|CHS|UCE|OCE|UC|CS|CW|CI)-\d{1,2}|Individual[- ](?:\d{1,2}|[A-Z]))"
    r"(?![\w\-])"
)


# a kunya in quotes or guillemets ("a man identified only as « Abou X »"): a person
_QUOTED_KUNYA = re.compile(
    r"[«“\"‘]\s*((?:Abu|Abou|Abo|Ebu|Umm|Oum)[ \t]+[A-Z][\w'’\-]+"
    r"(?:[ \t]+(?:al|el|as|ad|ash|ar)-[\w'’\-]+)?)\s*[»”\"’]"
)


# a given name, a patronymic and a surname, either order: "Arkadii Levkovych X",
# "X Pyotr Sergeyevich"
_WITH_PATRONYMIC = re.compile(
    rf"[A-Z][a-z]+[ \t]+[A-Z][a-z]+{RUSSIAN_PATRONYMIC}[ \t]+[A-Z][a-z'’\-]+"
    rf"|[A-Z][a-z'’\-]+[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z]+{RUSSIAN_PATRONYMIC}"
)
# Russian official order: surname, given name, patronymic ("Ivanov Pyotr Sergeyevich")
_RUSSIAN_FULL = re.compile(
    r"(?<![\w'’\-])[A-Z][a-z]+(?:ov|ev|yev|in|yn|ova|eva|yeva|ina|sky|skiy|skaya|enko|uk)"
    rf"[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z]+{RUSSIAN_PATRONYMIC}"
    r"(?![\w'’\-])"
)


# "Tone Aasland, who represents the 22-year-old, said": a lawyer, whom the model may not tag
_REPRESENTS = "represents|represented|defends|defended"
# (and "X Y, for Z, argued that …": counsel for a defendant, as court reports put it)
_WHO_REPRESENTS = re.compile(
    r"(?<![\w'’\-])([A-Z][\w'’\-]+(?:[ \t][A-Z][\w'’\-]+){1,2}),[ \t]+(?:who[ \t]+"
    rf"(?:{_REPRESENTS})\b"
    r"|for[ \t]+[A-Z][\w'’\-]+(?:[ \t]+and[ \t]+[A-Z][\w'’\-]+)?,[ \t]+"
    r"(?:said|argued|told|asked|replied|submitted|countered)\b)"
)


# "The Public Prosecutor's Office, represented by Nuria Vidal, is expected to …"
_REPRESENTED_BY = re.compile(
    r"\brepresented[ \t]+by[ \t]+([A-Z][\w'’\-]+(?:[ \t][A-Z][\w'’\-]+){1,2})(?=[,.;])"
)


# Patterns that name a person whatever the model made of the words: (pattern, the group that
# is the name, the rule's name, whether a place the gazetteer knows is none: "Abu Dhabi" in
# quotes, where a parent after "s/o" may share a town's name). "Ivanov Pyotr Sergeyevich" in
# a wanted list or a court record is a person, in order.
# French courtesy and bar titles before a name, which the model reads as no one's: "Me X Y"
# (Maître, a lawyer), "Mme X"
_FRENCH_TITLED = re.compile(
    r"(?<![\w.])(?:Me|Ma[îi]tre|Mme|Mlle)[ \t]+([A-Z][\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]+){0,2})"
    r"(?=[\s,.;:)])"
)
# a Japanese honorific after a name: "Emiko-san", "X-sensei", "Y-kun" (the name is before
# the hyphen; an English compound has no such second half)
_JAPANESE_HONORIFIC = re.compile(
    r"(?<![\w'’\-])([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)-(?:san|sama|kun|chan|sensei|senpai|dono)"
    r"(?![\w\-])"
)
_PERSON_PATTERNS = (
    (_JAPANESE_HONORIFIC, 1, "rule:japanese-honorific", True),
    (_FRENCH_TITLED, 1, "rule:french-title", True),
    (_RUSSIAN_FULL, 0, "rule:russian-full-name", False),
    (_PARENT_AFTER, 1, "rule:parent-after-s/o", False),
    (_TAMIL_LEGAL_NAME, 0, "rule:legal-name-s/o", False),
    (_WHO_REPRESENTS, 1, "rule:who-represents", True),
    (_REPRESENTED_BY, 1, "rule:represented-by", True),
    (_COURT_LABEL, 0, "rule:court-label", False),
    (_QUOTED_KUNYA, 1, "rule:quoted-kunya", True),
)


def _people_by_pattern(
    pattern: re.Pattern[str],
    group: int,
    source: str,
    not_places: bool,
    text: str,
    boiler: list[tuple[int, int]],
) -> list[_Cand]:
    """A person for each match of `pattern` outside the boilerplate, without a title ("son of
    Hajji X" names X)."""
    return [
        _Cand(*span, "person", source, by_context=True)
        for m in pattern.finditer(text)
        if not _inside(m.start(), boiler)
        and not (not_places and places.canonical(m.group(group)))
        and not _org_words(m.group(group).split())  # "the Legal Aid Office, who represents"
        and (span := _clean(text, m.start(group), m.end(group), "person"))[1] > span[0]
    ]


# a generation's numeral after a name the model ended before it (not "Phase II" of a place)
# (or the word, lower-case, before a comma or a bracket: "X Y junior, 39,", "Y senior (71)")
_GENERATION_NUMERAL = re.compile(
    r"[ \t]+(?:II|III|IV)(?![\w'’\-])|[ \t]+(?:junior|senior)(?=[ \t]*[,;:)(]|\.\s)"
)


# a span that opens inside a single-quoted nickname ("Spud' Brady, 33,": the quote's closing
# mark read as the nickname's apostrophe), after the given name it follows
_CUT_NICKNAME = re.compile(r"[A-Z][\w\-]*['’][ \t]+[A-Z]")
_GIVEN_QUOTE_BEFORE = re.compile(r"(?<![\w'’])[A-Z][\w\-]+[ \t]+['‘]$")


# given names and a nickname in quotes before the surname the span opens with:
# 'Eusebio Tadeo "Tavo" [Larrañeta]'
_GIVEN_AND_NICKNAME_BEFORE = re.compile(
    r"(?<![\w'’])([A-Z][\w\-]+)(?:[ \t]+[A-Z][\w\-]+)?[ \t]+"
    r"(?:\"[A-Z][\w\-]*(?:[ \t][A-Z][\w\-]*)?\"|“[A-Z][\w\-]*(?:[ \t][A-Z][\w\-]*)?”)[ \t]+$"
)


def _given_before_nickname(text: str, start: int) -> int:
    """The start of "Jo 'Spud' Brady" for a name found from "Spud' Brady", or of
    'Jo "Spud" Brady' for one found from "Brady"."""
    if _CUT_NICKNAME.match(text, start) and (
        g := _GIVEN_QUOTE_BEFORE.search(text, max(0, start - 40), start)
    ):
        return g.start()
    if (
        text[start : start + 1].isupper()
        and (g := _GIVEN_AND_NICKNAME_BEFORE.search(text, max(0, start - 60), start))
        and fold(g.group(1)) not in _NOT_NAME_START
        and fold(g.group(1)) not in TITLES
    ):
        return g.start()
    return start


def _named_with_age(text: str, boiler: list[tuple[int, int]]) -> list[_Cand]:
    out = []
    for m in _NAME_AGE.finditer(text):
        if _inside(m.start(), boiler) or not 1 <= int(m.group(2) or m.group(3)) <= 120:
            continue
        a, b = _run_span(text, m.start(1), m.end(1), "person")
        if b <= a or _not_a_person(text[a:b]):
            continue
        a = _given_before_nickname(text, a)  # 'X "Tavo" Y-Z, 24,'
        ini = _INITIALS_BEFORE.search(text, max(0, a - 12), a)
        if (
            ini
            and not any(fold(x) in TITLES for x in re.findall(r"[A-Za-z]+", ini.group()))
            # ("Washington D.C. X, 41": a place's abbreviation ending a sentence)
            and not re.search(
                r"[A-Z][\w'’\-]*[ \t]+$", text[max(0, ini.start() - 30) : ini.start()]
            )
        ):
            a = ini.start()  # "M.I.M. Nasrin, 41": the initials open it ("Lt." does not)
        # one word with an age ("Sutarno, 37, was") is a person who goes by one name, unless
        # it is a place, a title, a demonym or a sentence opener ("Monday, 12,")
        if len(text[a:b].split()) == 1 and not _single_name(text[a:b]):
            continue
        out.append(_Cand(a, b, "person", "rule:name-with-age", by_context=True))
    return out


def _single_name(word: str) -> bool:
    """Could this one capitalised word be all of a person's name?"""
    f = fold(word)
    return (
        len(word) >= 4
        and word[:1].isupper()
        and word[1:].islower()
        and f not in TITLES
        and f not in PARTICLES
        and f not in _NOT_NAME_START
        and f not in ORG_HEADS
        and not places.canonical(word)
        and not re.search(r"(?:ians?|ese)$", f)  # "Indonesian, 37," is no name
    )


# Nouns after which capitalised words name people: kin ("his sons, Jasur and Sardor") and
# roles ("the consul in Khujand, Akmal Karimov"; "the family's lawyer Nodira Khamidova").
KIN_NOUNS = (
    "sons?|daughters?|brothers?|sisters?|wife|husband|widow|father|mother|uncle|nephew|niece|"
    "cousin|children|grandsons?|granddaughters?|bodyguards?|companions?|associates?|aides?|"
    "drivers?|guards?"
)
ROLE_NOUNS = (
    "consul|lawyer|attorney|spokes(?:man|woman|person)|prosecutor|commander|minister|ambassador|"
    "envoy|director|owner|watchman|guard|driver|businessman|businesswoman|entrepreneur|journalist|"
    "reporter|correspondent|officer|judge|leader|chief|governor|mayor|aide|"
    "adviser|advisor|chairman|chairwoman|founder|imam|cleric|activist|suspect|victim|witness|"
    "colleague|friend|neighbou?r|relative|son|daughter|brother|sister|wife|husband|"
    "lawmaker|legislator|senator|councillor|councilor|teacher|doctor|nurse|farmer|student|"
    "attacker|bomber|gunman|militant|elder|resident|trader|shopkeeper|preacher|"
    "regent|headman|chieftain|commissioner|coordinator|researcher|analyst|ruler|strongman|"
    "warlord|dictator|prefect|sub-prefect|defendant|accused|convict|detainee|prisoner|hostage|"
    "fugitive|soldier|policeman|policewoman|president|vice-president|secretary-general|"
    "worker|labou?rer|fisherman|herder|shepherd|element|"
    # a network's parts, as charge sheets name them ("an alleged recruiter, X Y")
    "recruiter|financier|facilitator|courier|smuggler|ringleader|mastermind|treasurer|deputy|"
    "handler|organi[sz]er|informant|fighter|jihadist|returnee|sympathi[sz]er|"
    "caporal(?:-chef)?|adjudant(?:-chef)?|sergent(?:-chef)?|gendarme|guardsman|"
    "identified as|named as|known only as|identified only as|(?:man|woman|boy|girl) named"
)
# "X, a Soninke shopkeeper from Y": a person's role in apposition (a place has none)
_NICKNAME_APPOSED_AFTER = re.compile(
    r",\s+(?:(?:also|better|popularly|commonly|widely)\s+)?(?:known\s+as|called|alias|nicknamed)\b"
)
_ROLE_APPOSED_AFTER = re.compile(rf",\s+an?\s+(?:[\w\-]+\s+){{0,2}}?(?:{ROLE_NOUNS})\b")
# a rank or courtesy title, capitalised, before a name: "Commandant Issa Kone" ("General" is
# left out: "General Directorate", "General Assembly")
RANKS = (
    # an office capitalised after "The" opens a sentence: "The Regent of Tambora, X, said"
    r"(?<=The )(?:Regent|Governor|Mayor|Prefect|Head|Chief|Commander|Director|Chairman|"
    r"Spokesman|Spokeswoman|Commissioner)(?=\s+of\s)|"
    # Malay honorifics ("Tan Sri X", "Datuk Seri X", "Ustazah X"); French ranks ("Caporal X")
    r"(?:Tan|Puan|Datuk|Dato['’]?|Datin)\s+S(?:e)?ri|Toh\s+Puan|Datuk|Dato['’]|Datin|Tun|Ustazah?|"
    r"Hajah|Caporal|Adjudant(?:-[Cc]hef)?|Sergent(?:-[Cc]hef)?|Ma[îi]tre|"
    # Spanish ranks and offices, one or two words ("Cabo Segundo X", "Teniente Coronel X")
    r"(?:Cabo|Sargento|Teniente|Subteniente|Capit[áa]n|Coronel|Comandante|Suboficial|"
    r"Sub-?[Pp]refect(?:o)?|Prefecto|Subcomisario|Comisario|Fiscal|Juez|Jueza)"
    r"(?:\s+(?:Segundo|Primero|Mayor|Coronel))?|"
    # Somali ranks and offices ("Gaashaanle Sare X": colonel; "Xildhibaan X": MP)
    r"Gaashaanle(?:\s+(?:Sare|Dhexe))?|Dhamme|Sar(?:r)?eeye(?:\s+(?:Guuto|Gaas))?|Jeneraal|"
    r"Taliye|Xildhibaan|Guddoomiye|Wasiir|Jaalle|"
    # a judge's title ("Justice X Y"), not the ministry's ("the Justice Ministry")
    # (or "Justice X" alone before a verb or a stop: the surname of a judge named earlier)
    r"(?<![Tt]he )(?:Justice|Judge)(?=\s+[A-Z][a-z]+(?:\s+[A-Z]|\s+[a-z]|[,.;:]))|"
    r"(?:Lieutenant-[Cc]olonel|Lt\.?-Col\.?|Commandant|Colonel|Lieutenant|Captain|Sergeant|Corporal|Brigadier|Inspector|"
    # (Indian official style: "SSP Shopian, Sh. X Y, JKPS"; "Shri", "Smt." for a woman)
    r"Superintendent|Shri|(?:Col|Lt|Capt|Sgt|Cpl|Maj|Brig|Cmdt|Insp|Supt|Dr|Mr|Mrs|Ms|Sh|Smt|"
    # Philippine police and army ranks: "PCpl.", "Pat.", "PLtCol.", "Pfc.", "SSg."
    r"Pfc|Pvt|Pat|PCpl|PSSg|PMSg|PSMS|PCMS|PEMS|PLt|PCpt|PMaj|PLtCol|PCol|PBGen|PMGen|SSg|TSg|MSg)\.)"
    r"(?=\s)"
)
_BY_ROLE = re.compile(
    rf"\b(?:{KIN_NOUNS}|{ROLE_NOUNS}|(?i:commissioner|spokesperson|village head)|{RANKS}|"
    r"head(?=\s+of\s))"
    r"(?:\s+General)?"
    # ("the head of the agency's Poltava directorate, X": the body's words in lower case too)
    r"(?:\s+(?:in|at)\s+[A-Z][\w'’\-]*|,?\s+(?:of|for|at)\s+(?:the\s+)?[A-Z][\w'’\-]*"
    # (and the body's acronym: "the spokesman of the X Liberation Front (XLF), Y")
    r"(?:\s+(?:and|of|for|the|[A-Z][\w'’\-]*|[a-z]+)){0,6}(?:\s+\([A-Z][A-Za-z]{1,9}\))?,)?"
    r",?\s+(?=[A-Z])"
    # an office capitalised as a title, right before the name: "District Prosecutor X told"
    r"|\b(?:Prosecutor|Attorney|Judge|Lawyer|Spokes(?:man|woman|person)|Governor|Mayor|Consul)"
    r"[ \t]+(?=[A-Z][a-z])(?!General\b|General['’]s\b|Office\b)"
)
_NAME_RUN = re.compile(
    # (a middle initial, "Arnel R. Budlong"; the Philippine "y" before the mother's surname;
    # not a unit's acronym after the name, "Budlong PA, 10IB")
    # (not initials: "his brother B.E.B. (19)" is read as initials, whole)
    r"(?![A-Z][a-z]?\.)[A-Z][\w'’\-]*(?:"
    + _NAME_GAP
    + r"(?:(?![A-Z]{2,5}\b)[A-Z][\w'’\-]*|[A-Z]\.(?=[ \t]+[A-Z])"
    r"|[ae]l-[\w'’]+|bin|ibn|bou|de|del|dela|della|delos|da|dos|das|du|di|van|von"
    r"|binti|bte|bin\.|a/l|a/p|s/o|d/o|epouse|veuve"
    r"|y(?=[ \t]+[A-Z]))(?![\w'’\-]))*"
)


def _named_by_role(
    sdoc: Doc, text: str, boiler: list[tuple[int, int]], cands: list[_Cand]
) -> list[_Cand]:
    """Names right after a kin or role noun are people, whatever the model said."""
    by_start = _token_index(sdoc)[0]
    out = []
    for m in _BY_ROLE.finditer(text):
        # (never across a blank line: a headline's last words are no role of the next line's)
        if _inside(m.start(), boiler) or "\n\n" in m.group():
            continue
        pos = m.end()
        for _ in range(4):  # "Jasur and Sardor", "Jasur, Sardor and Aziz"
            # a courtesy title before the name, abbreviated with a slash: "his mother, W/ro X"
            if (t := re.match(r"[A-Z][a-z]*/[a-z]+\.?[ \t]+", text[pos:])) and fold(
                t.group().strip()
            ) in TITLES:
                pos += t.end()
            run = _NAME_RUN.match(text, pos)
            if not run:
                break
            a, b = run.span()
            tok = by_start.get(a)
            # the model reads an unfamiliar given name as an adjective ("the farmer Cabrel Tsoumi")
            adj_name = tok is not None and tok.pos_ == "ADJ" and tok.ent_type_ != "NORP"
            adj_name = adj_name and len(run.group().split()) >= 2
            if tok is None or fold(run.group()) in TITLES or _org_words(run.group().split()):
                break
            if tok.pos_ not in ("PROPN", "NOUN") and not adj_name:
                break
            after = by_start.get(b + 1)
            # "its spokesman in Sierra Leone, Sorie X": the role's place, then the name
            head = re.search(r"[A-Z][\w'’\-]*\s+$", text[max(0, a - 30) : a])
            in_place = head is not None and places.canonical(text[a - len(head.group()) : b])
            # "the official IRNA news agency": a name before a lowercase noun modifies it
            modifier = after is not None and after.is_lower and after.pos_ == "NOUN"
            if (
                not in_place
                and not modifier
                and not (
                    " " not in run.group() and places.canonical(run.group())
                )  # "reporter, Mosul"
                and not any(
                    c.kind == "place" and places.canonical(c.text(text)) and c.start == a
                    for c in cands
                )
            ):
                a, b = _clean(text, a, b, "person")
                if not _only_titles(text[a:b]):  # ("spokesman, Senior Superintendent of …")
                    out.append(_Cand(a, b, "person", "rule:name-after-role"))
            nxt = re.match(r",?\s+and\s+|,\s+(?=[A-Z])", text[b:])
            if not nxt:
                break
            pos = b + nxt.end()
    return out


_AFTER_QUOTE = re.compile(r"[,!?][\"”’'][ \t]+$")


def _drop_adjectives(cands: list[_Cand], sdoc: Doc, text: str) -> list[_Cand]:
    """'Tajik officials': a one-word 'name' right before a lowercase noun is an adjective."""
    by_start = _token_index(sdoc)[0]
    out = []
    for c in cands:
        nxt = re.match(r"[ \t]+", text[c.end :])
        tok = by_start.get(c.end + nxt.end()) if nxt else None
        if (
            c.kind == "person"
            # a rule read the context already; a surname carried over from a full name
            # may still be a people's name before a noun ("Turkmen community leaders")
            and c.source.startswith(("ner", "propagate"))
            and " " not in c.text(text)
            and tok is not None
            and tok.is_lower
            and tok.lower_ not in ("alias", "aka", "urf", "known", "nicknamed")  # "X alias Y"
            # '"…," Tahar repeats.': a name after a quote is its speaker, whatever the tagger
            # made of the verb
            and not _AFTER_QUOTE.search(text, max(0, c.start - 4), c.start)
            and (tok.pos_ in ("NOUN", "ADJ") or re.search(r"(?:ien|ian|ese|ish)$", c.text(text)))
        ):
            continue  # "Tajik officials", "an Azerbaijani national"
        out.append(c)
    return out


def _long_form(before: str, acr: str) -> tuple[int, int] | None:
    """The capitalised run just before '(ACR)' whose initials spell the acronym."""
    words = list(re.finditer(r"[\w'’\-]+", before))
    # walk back over capitalised words and connectors, stopping at a possessive or punctuation
    run: list[re.Match[str]] = []
    for w in reversed(words):
        gap = before[w.end() : (run[0].start() if run else len(before.rstrip()))]
        if gap.strip(" \t"):
            break
        word = w.group()
        if re.search(r"['’]s?$", word):
            break
        # ("Hayat Tahrir al-Sham (HTS)": an article joined to a name's word is of the name)
        if (
            word[0].isupper()
            or re.match(r"[a-z]{1,3}-[A-Z]", word)
            or (word.lower() in _CONNECT and run)
        ):
            run.insert(0, w)
        else:
            break
    while run and run[0].group().lower() in _CONNECT:
        run.pop(0)
    starts = [i for i in range(len(run)) if run[i].group().lower() not in _CONNECT]
    # the initials themselves first: "MP X of the Ilo Tam Party (ITP)" is not "X of the …";
    # then the longest run a looser reading allows ("ISIS", "Islamic State")
    for exact in (True, False):
        for i in starts:
            if acronym_of(acr, before[run[i].start() : run[-1].end()], exact=exact):
                return run[i].start(), run[-1].end()
    return None


def _resolve_overlaps(cands: list[_Cand], text: str) -> list[_Cand]:
    """Rule spans beat the model's; among equals the longer span wins."""
    for c in cands:
        if c.source != "rule:initialled-name":
            continue
        for o in cands:  # "W.A.D. Nuvan" of the model's "Nuvan Chathuranga": one name
            if (
                o.kind == "person"
                and o.source.startswith("ner:")
                and c.start <= o.start < c.end < o.end
                and "\n" not in text[c.end : o.end]  # ("… R.R.¶¶Recall that": a new paragraph)
            ):
                c.end = o.end

    def rank(c: _Cand) -> tuple[int, int]:
        return (1 if c.source.startswith("rule") else 0, c.end - c.start)

    kept: list[_Cand] = []
    for c in sorted(cands, key=rank, reverse=True):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return _join_and_countries(sorted(kept, key=lambda c: c.start), text)


_AND_CUT = re.compile(r"((?:[A-Z][\w\-]*[ \t]+)*[A-Z][\w\-]*)[ \t]+and$")


def _join_and_countries(cands: list[_Cand], text: str) -> list[_Cand]:
    """ "Prosecutor's Office of Bosnia and" + "Herzegovina": the model cut a country named with
    "and" at the "and"; the span runs on over the rest of the country's name."""
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        cut = _AND_CUT.search(prev.text(text)) if prev is not None else None
        if prev is not None and cut and c.start == prev.end + 1 and text[prev.end] == " ":
            words = cut.group(1).split()
            if any(
                places.is_country_or_region(f"{' '.join(words[-k:])} and {c.text(text)}")
                for k in (1, 2, 3)  # (the country's first part may be of several words)
            ):
                prev.end = c.end
                continue
        out.append(c)
    return out


_GAP_WORD = re.compile(r"(?<![\w'’\-])(?:[ae]l-)?[A-Z][a-z][\w'’\-]*(?![\w'’\-])")
# English words the gazetteer also holds as towns: never read as a place from "in" alone
_COMMON_TOWNS = frozenset(
    "god police union independence unity liberty victoria reading mobile nice bath hope "
    "progress justice security freedom mercy paradise eden opportunity".split()
)


# a lowercase designator after a name: "the Tarmiyah district", "Najaf and Wasit provinces"
_DESIGNATOR_AFTER = re.compile(
    r"[ \t]+(?:district|sub-district|province|governorate|region|county|municipality)s?\b"
)
_LONGER_NAME = re.compile(
    r"\s+[A-Z]|['’]s?\b|-|\s+(?:da|de|do|dos|das|del|della|di|du|la|le|al|el|bin|ibn)\s+[A-Z]"
)


def _gazetteer_gaps(
    text: str, sdoc: Doc, cands: list[_Cand], boiler: list[tuple[int, int]]
) -> list[_Cand]:
    """A town the model did not tag ("taken to a hospital in Palu", "the port of Gwadar"):
    one capitalised word the gazetteer knows, after words that place it, that no other
    candidate covers."""
    by_start = _token_index(sdoc)[0]
    taken = sorted((c.start, c.end) for c in cands)
    starts = [s for s, _ in taken]
    reach = list(itertools.accumulate((e for _, e in taken), max))  # furthest end so far
    places_end = {c.end: c for c in cands if c.kind == "place"}
    out = []
    for m in _GAP_WORD.finditer(text):
        a, b = m.span()
        word = m.group()
        tok = by_start.get(a)
        k = bisect.bisect_left(starts, b)  # candidates that start before this word ends
        if (
            tok is None
            or tok.pos_ != "PROPN"
            or (k and reach[k - 1] > a)  # one of them reaches into it
            or _inside(a, boiler)
            or _LONGER_NAME.match(text, b)  # "Mocímboa da Praia", "Palu's", "Palu Regency"
            or fold(word) in TITLES
            or fold(word) in _COMMON_TOWNS
            or fold(word) in ORG_HEADS
            or word.lower() in dates_mod.MONTHS
            or word in dates_mod.WEEKDAYS
            or not places.canonical(word)
        ):
            continue
        before = text[max(0, a - 60) : a]
        # ("of Shopian, X and …": the next in a list of places; "Amed (X)": a town's other name)
        trimmed = re.sub(r"(?:,?[ \t]+and[ \t]+|[ \t,(]+)$", "", before)
        after_place = places_end.get(len(trimmed) + a - len(before))
        listed = after_place is not None and re.search(
            r"(?:,[ \t]+|[ \t]+\(|,?[ \t]+and[ \t]+)$", before
        )
        bracketed = re.search(r"[A-Z][\w'’\-]*[ \t]+\($", before) and text.startswith(")", b)
        if (
            _PLACE_BEFORE.search(before)
            or _DESIGNATOR_AFTER.match(text, b)  # "… and Wasit provinces"
            or re.search(r"\bport\s+of\s+$", before)
            or (listed and not before.endswith("("))
            or bracketed
        ):
            out.append(_Cand(a, b, "place", "rule:gazetteer", by_context=True))
    return out


# a country fused to a participle: "the Iran-backed militia", "a U.S.-led coalition"
_COUNTRY_COMPOUND = re.compile(
    r"(?<![\w'’.\-])((?:[A-Z][\w'’.]*[ \t]){0,2}[A-Z][\w'’.]*)-(?:backed|led|aligned|allied|"
    r"based|funded|sponsored|supported|controlled|held|brokered|born|trained|bound)\b"
)


def _country_compounds(text: str, cands: list[_Cand], boiler: list[tuple[int, int]]) -> list[_Cand]:
    """The country in "Iran-backed": no model tags it, yet it names the place (a demonym in
    "Saudi-led" is not one, and the gazetteer's countries and regions hold no demonyms)."""
    out = []
    for m in _COUNTRY_COMPOUND.finditer(text):
        a, b = m.span(1)
        if _inside(a, boiler) or any(c.start < b and a < c.end for c in cands):
            continue
        # the longest run of its last words that is a country: "The U.S." gives "U.S."
        starts = [a] + [a + w.end() for w in re.finditer(r"[ \t]", m.group(1))]
        start = next(
            (
                s
                for s in starts
                if places.is_country_or_region(text[s:b]) and text[s : s + 4] != "The "
            ),
            None,
        )
        if start is not None:
            out.append(_Cand(start, b, "place", "rule:gazetteer", by_context=True))
    return out


_AND_BEFORE = re.compile(
    r"(?<![\w'’\-])((?:[A-Z][\w'’\-]+[ \t]+){1,3}[A-Z][\w'’\-]+)[ \t]+and[ \t]+$"
)


def _coordinated_people(
    text: str, sdoc: Doc, cands: list[_Cand], boiler: list[tuple[int, int]]
) -> list[_Cand]:
    """ "Police named Iranians X Y and Dovud Nazarov": a capitalised run of two to four
    words the model missed, joined by "and" to a person it found, is a person too (a
    demonym before it is left out)."""
    out = []
    norp = [e for e in sdoc.ents if e.label_ == "NORP"]
    for c in cands:
        if c.kind != "person" or len(c.text(text).split()) < 2:
            continue
        m = _AND_BEFORE.search(text, max(0, c.start - 80), c.start)
        if not m or _inside(m.start(1), boiler):
            continue
        a, b = m.span(1)
        for e in norp:  # "Iranians X Y": the demonym the model found is no name
            if e.start_char == a and e.end_char < b:
                a = e.end_char + len(text[e.end_char : b]) - len(text[e.end_char : b].lstrip())
        words = text[a:b].split()
        if (
            len(words) < 2
            or any(x.start < b and a < x.end for x in cands)
            or any(fold(w) in TITLES or _org_head(w) for w in words)
            or _gazetteer_place(text[a:b])
            or fold(words[0]) in _NOT_NAME_START
        ):
            continue
        out.append(_Cand(a, b, "person", "rule:and-person", by_context=True))
    return out


def _join_given_and_surname(cands: list[_Cand], text: str) -> list[_Cand]:
    """Two one-word names of people one space apart, each found again by the names the
    document uses: "Ilnaz" + "Habitov (… in the court documents), 45" is a man's name in
    full (two people one space apart would have a comma or "and" between them)."""
    out: list[_Cand] = []
    for c in cands:  # sorted by start
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == c.kind == "person"
            and text[prev.end : c.start] == " "
            and " " not in prev.text(text) + c.text(text)
        ):
            prev.end, prev.role = c.end, "name"
            prev.source += "+rule:given-and-surname"
            continue
        out.append(c)
    return out


def _join_cut_names(cands: list[_Cand], text: str) -> list[_Cand]:
    """Names the model cut in two: two of its people one space apart ("Gunasekara
    Arachchige" + "Don Kasun Perera"); a toponym's head alone before a name ("Kampung" +
    "Padang Besar"): a place."""
    out: list[_Cand] = []
    for c in cands:  # sorted by start
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "organization"
            and c.kind == "place"
            and re.fullmatch(r" of (?:the )?", text[prev.end : c.start])
            and _org_head(prev.text(text).split()[-1])
        ):
            prev.end = c.end  # "the Human Rights Commission" + "of" + "Velmora": one body
            continue
        gap = text[prev.end : c.start] if prev is not None else ""
        if (
            prev is not None
            and prev.kind == c.kind == "person"
            and prev.source.startswith("ner:")
            and c.source.startswith("ner:")
            and _name_word_between(gap)
        ):
            prev.end = c.end  # "Tariq" + "Mufleh" (untagged) + "El-Qadi": one name
            continue
        if (
            prev is not None
            and prev.kind == "person"
            and gap == "\n"
            and c.source.startswith("ner:")
            and _wrapped_name(text, prev, c)
        ):
            prev.end = c.end  # "… a young man of the town, X Y\nZ, known as …": one name
            prev.source += "+rule:line-wrap"
            continue
        if prev is None or gap != " " or not c.source.startswith("ner:"):
            out.append(c)
            continue
        if prev.kind == c.kind == "person" and prev.source.startswith("ner:"):
            prev.end = c.end
        elif (
            prev.kind == "place"
            and c.kind == "person"
            and " " not in prev.text(text)
            and (
                _before_a_name(text, prev.start)
                # "… passed in absentia on Diyab Ghanim X": a word no gazetteer knows as a
                # town, in prose right before a name of two words, is its given name
                or (
                    places.canonical(prev.text(text)) is None
                    and " " in c.text(text)
                    and re.search(r"[a-z][ \t]+$", text[max(0, prev.start - 20) : prev.start])
                )
            )
        ):
            # "his nephew Salem Tawfiq Hamdi": a given name the gazetteer also knows as a town
            prev.end, prev.kind, prev.source = c.end, "person", c.source + "+rule:given-name"
        elif fold(prev.text(text)) in PLACE_HEADS and c.text(text)[:1].isupper():
            prev.end, prev.kind, prev.by_context = c.end, "place", True
        else:
            out.append(c)
    return out


# the words a name goes on with on the next line, and the prose after them
_NEXT_LINE_NAME = re.compile(r"\n((?:[A-Z][\w'’\-]+[ \t]+)?[A-Z][\w'’\-]+)(?=[,;(]|[ \t]+[a-z])")


def _join_lone_line_names(cands: list[_Cand], text: str) -> list[_Cand]:
    """A paragraph opening with a name the page's wrapping cut after its first word:
    "X" alone on its line, "Y, who …" on the next. Taken as one name only where the document
    names someone in full with those words in that order."""
    full = [core_tokens(c.text(text)) for c in cands if c.kind == "person" and " " in c.text(text)]
    covered: set[int] = set()
    for c in cands:
        line_start = text.rfind("\n", 0, c.start) + 1
        if (
            c.kind != "person"
            or text[line_start : c.start].strip()
            or not (m := _NEXT_LINE_NAME.match(text, c.end))
        ):
            continue
        rest = [x for x in cands if x.start < m.end(1) and m.start(1) < x.end]
        words = core_tokens(f"{c.text(text)} {m.group(1)}")
        if all(x.kind == "person" for x in rest) and any(
            _in_order(words, f) for f in full if len(f) > len(core_tokens(c.text(text)))
        ):
            c.end = m.end(1)
            c.source += "+rule:line-wrap"
            covered |= {id(x) for x in rest}
    return [c for c in cands if id(c) not in covered]


def _in_order(words: list[str], name: list[str]) -> bool:
    """Are `words` all in `name`, in its order?"""
    it = iter(name)
    return all(w in it for w in words)


def _wrapped_into(cands: list[_Cand], text: str, span: tuple[int, int]) -> _Cand | None:
    """The person whose name the page's line wrapping cut before `span` (an alias cue's name
    at a line's start: "… with X Y\nZ urf W"), made whole; None if there is none."""
    if span[0] == 0 or text[span[0] - 1] != "\n":
        return None
    prev = next((c for c in cands if c.end == span[0] - 1 and c.kind == "person"), None)
    if prev is None or not _wrapped_name(text, prev, _Cand(*span, "person", "rule:alias")):
        return None
    prev.end, prev.source = span[1], prev.source + "+rule:line-wrap"
    return prev


def _wrapped_name(text: str, prev: _Cand, c: _Cand) -> bool:
    """A name the page's line wrapping cut after `prev`: prose runs on before it (the line
    is a sentence's, not a title's or a list's) and after `c`, which is one or two
    capitalised words."""
    line_start = text.rfind("\n", 0, prev.start) + 1
    words = c.text(text).split()
    return (
        len(text[line_start : prev.start].split()) >= 6
        and 1 <= len(words) <= 2
        and all(w[:1].isupper() and fold(w) not in TITLES for w in words)
        and re.match(r"[,;(]|[ \t]+[a-z]", text[c.end : c.end + 2]) is not None
    )


_NOT_NAME_WORDS = frozenset(
    w.lower() for w in (*dates_mod.WEEKDAYS, *dates_mod.MONTH_NAMES, "and", "or", "the")
)


def _name_word_between(gap: str) -> bool:
    """One capitalised word the model left out between two parts of a name."""
    m = re.fullmatch(r" ([A-Z][a-z]+(?:-[A-Z][a-z]+)?) ", gap)
    return m is not None and fold(m.group(1)) not in TITLES | _NOT_NAME_WORDS


_ROLE_NOUN_BEFORE = re.compile(rf"\b(?:{ROLE_NOUNS}),?\s+$")


def _before_a_name(text: str, pos: int) -> bool:
    """A kin or role noun right before: what follows is a person's name."""
    return (
        _after_kin(text, pos) or _ROLE_NOUN_BEFORE.search(text, max(0, pos - 40), pos) is not None
    )


# ---------------------------------------------------------------- kinds


# offices and ranks written as two capitals before a surname: "SP X", "PM X" are no initials
_OFFICE_ABBREVIATIONS = frozenset(
    "pm sp dc dg cm dm si hc gm md cj dr st mr ms lt co cp ig".split()
)


def _undotted_initials(surface: str, short: set[str], full_people: list[str]) -> bool:
    """ "RJ X": two capitals, undotted, before the surname of a man of the document whose
    given name the first one fits (American usage writes a man's initials so)."""
    m = re.fullmatch(r"([A-Z]{2})[ \t]+([A-Z][\w'’\-]+)", surface)
    if m is None or fold(m.group(2)) not in short or places.canonical(surface) is not None:
        return False
    letters = m.group(1).lower()
    if letters in _OFFICE_ABBREVIATIONS or letters in TITLES:
        return False
    return any(
        (core := core_tokens(p)) and core[0][:1] == letters[0] and core[-1] == fold(m.group(2))
        for p in full_people
    )


def _fix_kinds(cands: list[_Cand], sdoc: Doc, text: str) -> list[_Cand]:
    """One surface, one kind per document; the document's people claim their surnames."""
    people = {fold(c.text(text)) for c in cands if c.kind == "person"}
    votes: dict[str, Counter[str]] = {}
    for c in cands:
        votes.setdefault(fold(c.text(text)), Counter())[c.kind] += 1
    decided = _context_vote(cands, text)
    for c in cands:
        if c.kind != "person" and _WITH_PATRONYMIC.fullmatch(c.text(text)):
            # "Arkadii Levkovych X" the model read as a body: only a person has a patronymic
            decided[fold(c.text(text))] = "person"
            people.add(fold(c.text(text)))
    for c in cands:  # one surface, one kind: what the context said wins over the model's votes
        if fold(c.text(text)) in decided:
            c.kind = decided[fold(c.text(text))]  # type: ignore[assignment]
    # "Police held X Y from Velde": where a man the document names in full is from is a
    # place (one word: "a letter to Tom Reyes from Lan Qiang" is no place); every occurrence
    ends = {c.end for c in cands if c.kind == "person" and " " in c.text(text)}
    towns = set()
    for c in cands:
        surface = c.text(text)
        if c.kind == "place" or " " in surface or fold(surface) in decided:
            continue
        cue = _FROM_BEFORE.search(text, max(0, c.start - 8), c.start)
        if cue and c.start - len(cue.group()) in ends and not _org_words([surface]):
            towns.add(fold(surface))
    for c in cands:
        if fold(c.text(text)) in towns:
            c.kind, c.source = "place", c.source + "+rule:from-after-person"
            decided[fold(c.text(text))] = "place"
    people = {p for p in people if decided.get(p, "person") == "person"}
    short = {s for p in people if (s := surname(p))}
    # the surname as written: "Dan-Tsoho" whole, hyphen kept; "SURNAME, Given" of a police list
    short |= {
        fold(s.rstrip(","))
        for c in cands
        if c.kind == "person" and decided.get(fold(c.text(text)), "person") == "person"
        if (s := _surname_surface(given_first(c.text(text))))
    }
    short |= {g for p in people if not is_kunya(p) for g in given_names(p)}
    # and the inner names of a long name: the Spanish father's surname ("X Quiroga Y" is
    # called Quiroga), which a gazetteer may also know as a town (not after "in" or "from":
    # "Carlos Lima Y … flown in from Lima")
    inner = (
        {w for p in people if not is_kunya(p) and len(ws := p.split()) >= 3 for w in ws[1:-1]}
        - PARTICLES
        - short
    )
    full_people = sorted(
        {c.text(text) for c in cands if c.kind == "person" and len(c.text(text).split()) > 1}
    )
    lone_people = {
        f
        for c in cands
        if c.kind == "person"
        and " " not in (s := c.text(text))
        and len(s) >= 4
        and decided.get(f := fold(s), "person") == "person"
    }
    # less the last words of places ("Ilgen" the model cut from "St. Ilgen")
    lone_people -= {
        fold(c.text(text).split()[-1]) for c in cands if c.kind == "place" and " " in c.text(text)
    }
    # "North Sinai" is a place, so "Sinai" alone is one too (the model reads "sons of Sinai"
    # as a man's)
    compass_tails = {
        fold(" ".join(words[1:]))
        for c in cands
        if c.kind == "place"
        and len(words := c.text(text).split()) > 1
        and fold(words[0]) in _COMPASS_FIRST
    }
    # "… confirmed to be Abu Sabir and Sukarjo": a one-word "place" the gazetteer does not
    # know, joined by "and" to a person, is a person too
    ends = {c.end for c in cands if c.kind == "person"}
    starts = {c.start for c in cands if c.kind == "person"}
    for c in cands:
        if (
            c.kind != "place"
            or " " in c.text(text)
            or places.canonical(c.text(text))
            or decided.get(fold(c.text(text))) == "place"  # "X, 23, from Velde, and Y Z"
        ):
            continue
        before = re.search(r"\s+and\s+$", text[max(0, c.start - 6) : c.start])
        after = re.match(r",?\s+and\s+", text[c.end : c.end + 7])
        if (before and c.start - len(before.group()) in ends) or (
            after and c.end + after.end() in starts
        ):
            c.kind, c.source = "person", c.source + "+rule:and-a-person"
    # "the Abu Sayyaf Group (ASG)", then "Abu Sayyaf factions": a group named without its head
    # noun, however much it reads like a man's name
    headless = {
        fold(" ".join(words[:-1]))
        for c in cands
        if c.kind == "organization"
        and len(words := c.text(text).split()) >= 3
        and _org_head(words[-1])
    }
    out = []
    for c in cands:
        surface = c.text(text)
        f = fold(surface)
        if c.kind != "place" and _foreign_in_menu(text, c):
            # "Accueil | Allemagne | Monde": a menu's country in the outlet's language
            c.kind, c.source = "place", c.source + "+rule:foreign-country-in-menu"
            out.append(c)
            continue
        if (
            c.kind != "place"
            and (unit := _KNOWN_AND_DESIGNATOR.fullmatch(surface))
            and places.canonical(unit.group(1))
        ):
            # "Myanmar's Kachin State" read as a man: a known place and its designator
            c.kind, c.source = "place", c.source + "+rule:known-place-and-designator"
            out.append(c)
            continue
        if c.kind == "person" and f in headless:
            c.kind, c.source = "organization", c.source + "+rule:group-without-head"
        if (
            c.kind != "person"
            and (cut := _INITIALS_THEN_WORD.fullmatch(surface))
            and cut.group(2).lower() in _stop_words()
        ):
            # "… the younger brother of H.K.A. Both brothers …": the next sentence's first word
            c.end = c.start + cut.end(1)
            surface, f = c.text(text), fold(c.text(text))
        if (
            c.kind != "person"
            and _INITIALS_ONLY.fullmatch(surface)
            and surface.count(".") >= 3
            and places.canonical(surface) is None
            and decided.get(f) != "organization"
            and any(
                _INITIALS_PERSON_CUE.match(text, a + len(surface))
                for a in _word_starts(text, surface)
            )
        ):
            # "E.V.M., a man born in 2002", "E.V.M., 23,": a court list's initials, said to be
            # a person's somewhere in the document (not "F.B.I.", a group's old style)
            c.kind, c.source = "person", c.source + "+rule:dotted-initials"
        if c.kind != "place" and f in compass_tails:
            c.kind, c.source = "place", c.source + "+rule:compass-tail"
            out.append(c)
            continue
        if f in decided:
            out.append(c)
            continue
        if (
            c.kind != "person"
            and " " in surface
            and places.canonical(surface) is None
            and any(
                (m := person_names_match(surface, p)) and m.score >= MERGE_AT for p in full_people
            )
        ):
            c.kind = "person"  # "Khalil el-Sabbagh" in a caption, tagged a place
            c.source += "+rule:person-name-in-document"
            if _undotted_initials(surface, short, full_people):
                c.source += "+rule:initials-and-surname-in-document"
        elif c.kind != "person" and _undotted_initials(surface, short, full_people):
            c.kind = "person"  # "RJ X": a man's initials, undotted, before the surname of one
            c.source += "+rule:initials-and-surname-in-document"
        elif (
            c.kind != "person"
            and (
                f in people
                or f in short
                or re.sub(r"^(?:al|el)-", "", f) in short
                or f in inner
                and not _PLACE_PREPOSITION.search(text, max(0, c.start - 8), c.start)
            )
            and not places.is_country_or_region(surface)  # a town may share a surname (Zagora)
        ):
            c.kind = "person"
            c.source += "+rule:person-name-in-document"
        elif (
            c.source == "ner:ORG"
            and 2 <= len(words := surface.split()) <= 4
            # (or the words after it: "Don Evaristo, 63," is "Evaristo X Y" at the story's top;
            # not where an acronym, a masthead's capitals or a town's name follows)
            and (
                fold(words[-1]) in lone_people
                or fold(words[0]) in lone_people
                and not any(w.isupper() or places.canonical(w) for w in words[1:])
            )
            and all(w[:1].isupper() or fold(w) in PARTICLES for w in words)
            and not _org_words(words)
            and places.canonical(surface) is None
            and _cue(text, c.start, c.end, c.kind) is None
        ):
            # "Behind these initials is El Ghali X", tagged a group: words before the one
            # name the document gives a man, with no group's noun among them, are his name
            c.kind, c.source = "person", c.source + "+rule:ends-with-a-person"
        elif (
            c.kind != "person"
            and len(words := surface.split()) >= 3
            and _ARTICLE_BEFORE.search(text, max(0, c.start - 6), c.start)
            and _demonym(words[0])
            and all(w[:1].isupper() for w in words[1:])
            and not _org_words(words[1:])
            and places.canonical(" ".join(words[1:])) is None
            and (_PERSON_AFTER.match(text, c.end) or _KNOWN_AS_AFTER.match(text, c.end))
        ):
            # "the Kenyan X Y Z, known as …", read as a body: a people's adjective, then a man
            c.start += len(words[0]) + 1
            c.kind, c.source = "person", c.source + "+rule:demonym-then-name"
        elif c.kind == "person" and _not_a_person(surface):
            continue
        elif (
            c.kind != "person"
            and (m := _CASE_ROLE_OPENS.match(surface))
            and fold(m.group(1)) in _CASE_ROLES
            and (fold(surface[m.end() :]) in people or fold(surface[m.end() :]) in short)
        ):
            # "Suspect X has standing warrants", tagged a group: the document's X, without
            # the word the report calls him by
            c.start, c.kind = c.start + m.end(), "person"
            c.source += "+rule:case-role-before-person"
        elif (
            c.kind != "person"
            and (m := _OF_PERSON.search(surface))
            and (fold(m.group(1)) in people or fold(m.group(1)) in short)
        ):
            # "Commemorations of Nazarov's": the model glued a phrase onto a person
            c.start, c.end = _clean(text, c.start + m.start(1), c.end, "person")
            c.kind, c.source = "person", c.source + "+rule:person-after-of"
        elif (
            c.kind == "place"
            and places.canonical(surface) is None
            and votes[f]["place"] < sum(votes[f].values()) / 2
        ):
            c.kind = votes[f].most_common(1)[0][0]  # type: ignore[assignment]
        out.append(c)
    return out


# ---------------------------------------------------------------- the context vote

# Every occurrence of a surface in a document may say what it is by the words around it; the
# majority of these cues decides the surface's kind for the whole document (a tie keeps the
# model's reading). A person has an age, kin and a fate; a place is where things happen; a group
# has fighters, members and people who join it.
_PERSON_AFTER = re.compile(
    r"(?:,\s+(?:aged\s+)?\d{1,3}(?:,|\.(?:\s|$))"  # "Tomas Velde, 34," (or "…, 34.")
    # "… and of X Y, whose sentence is fifteen years"
    # (not kin: "from Leeds, whose family is from Sylhet" is the man's)
    r"|,\s+whose\s+(?:(?:prison|death|jail)\s+)?(?:sentence|conviction|trial|appeal)\b"
    r"|[ \t]\((?:1[5-9]|[2-9]\d)\)(?=[\s,;.])"  # "Tomas Velde (34) from …"
    # "X (born 1997)"; "(SN 1997)", the Vietnamese press's "born in the year"
    r"|[ \t]\((?:born|b\.|SN)[ \t]+(?:1[89]|20)\d\d\)"
    r"|['’]s?\s+(?:wife|husband|widow|sons?|daughters?|father|mother|brothers?|sisters?|"
    r"family|relatives|lawyers?|body)\b"  # "Velde's widow"
    # "X, Velde's sister,", "X, his younger brother,": a relative is a person
    r"|,\s+(?:his|her|their|the\s+[a-z]+['’]s?|[A-Z][\w\-]+['’]s)\s+"
    r"(?:(?:younger|elder|older|eldest|youngest|late|twin)\s+)?(?:wife|husband|widow|son|"
    r"daughter|father|mother|brother|sister|uncle|aunt|nephew|niece|cousin|grandson|"
    r"granddaughter|grandfather|grandmother)s?\b"
    r"|\s+(?:was|had\s+been)\s+(?:born|arrested|detained|sentenced|convicted|buried|charged|"
    r"shot\s+dead)\b)"
)
_SEIZED_BEFORE = re.compile(
    r"\b(?:arrested|detained|abducted|kidnapped|extradited|interrogated|charged|indicted|"
    r"convicted|sentenced|acquitted|executed)\s+$"
)
# "one of them, X Y", "one of the hostages, X Y"; "named the judge as X Y": a person
_PERSON_APPOSED_BEFORE = re.compile(
    r"\b(?:[Oo]ne|[Tt]wo|[Tt]hree)\s+of\s+(?:them|the\s+[a-z]+),\s+$"
    r"|\bnamed\s+(?:the|a|an|his|her|their)\s+(?:[a-z\-]+\s+){0,2}as\s+$"
)
_SPEAKS_AFTER = re.compile(r",?[ \t]+(?:told|tells|said|says|testified|recalled|added)\b")
_KNOWN_AS_AFTER = re.compile(r",?\s+(?:(?:also|better)\s+)?known\s+as\b|,?\s+alias\b")
# "X, chairman of the …", "X, who heads …": an office held, a relative pronoun for people
_OFFICE_AFTER = re.compile(
    r",\s+(?:(?:a|an|the)\s+)?(?:[a-z\-]+\s+){0,2}?(?:chairman|chairwoman|chairperson|head|"
    r"director|founder|spokes(?:man|woman|person)|secretary|commander|leader|editor|lawyer|"
    r"imam)\s+(?:of|at|for)\b"
    r"|,\s+who\s+(?:heads|headed|leads|led|runs|ran|chairs|chaired|founded|lives|lived|"
    rf"{_REPRESENTS})\b"
    # "X, who uses the name Y", "X, who went by Y": a man's other name
    r"|,\s+who\s+(?:(?:uses|used)\s+the\s+(?:name|alias|kunya)|(?:goes|went)\s+by)\b"
)
_PERSON_AFTER_ROLE = re.compile(  # "X is a former student of …", "X (Abu Tariq)"
    rf"\s+(?:is|was)\s+(?:an?|the)\s+(?:[a-z\-]+\s+){{0,2}}?(?:{ROLE_NOUNS})"
    r"(?=[,.;:]|\s+(?:of|in|at|for|from|with|who|and|based|since)\b)"
    r"|\s+\((?:Abu|Abou|Umm|Abi)\s+[A-Z]"
)
_SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|added|recalled|insisted|explained)\b")
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|added|told)\s+$")
_PLACE_CUE_BEFORE = re.compile(
    r"(?:\b(?:[Ii]n|[Nn]ear|[Oo]utside|[Ii]nto|via)"
    r"|\b(?:came|comes?|coming|fled|flee|returned|travell?ed|moved|drove|driven|crossed|arrived|"
    r"hails?|hailing|originally|escaped|road|route|way|kilometres|kilometers|km|miles)\s+from"
    # where someone went: "fled to Kandali" (no one flees to a person)
    r"|\b(?:fled|flee|fleeing|returned|returning|travell?ed|travell?ing|moved|relocated|"
    r"deported|extradited|escaped|crossed\s+over)\s+to"
    r"|\b(?:town|village|city|district|province|region|area|governorate|county|outskirts|"
    r"[Rr]esidents|[Ii]nhabitants|natives?)\s+of"
    r"|\b(?:road|way|route)\s+to)\s+"
    r"(?:[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?(?:,\s+[A-Z][\w'’\-]*)*,?\s+and\s+)?$"  # "X and Y"
)
_FROM_BEFORE = re.compile(r"[ \t]+from[ \t]+$")
# what comes before a name in a list of people held: "detained were X", "; X", ", and X"
_HELD_BEFORE = re.compile(
    r"(?:\b(?:were|are|was|is|arrested|detained|held|named|include|included)|[,;:]|\band)\s+$"
)
_LED_BY_BEFORE = re.compile(r"\b(?:commanded|led|headed|masterminded|ordered)\s+by\s+$")
# "X Y, 34, from Velde", "X Y (34) from Velde": where a man is from
_AGED_FROM_BEFORE = re.compile(r"(?:,[ \t]*(?:aged[ \t]+)?\d{1,3},|\(\d{1,3}\))[ \t]+from[ \t]+$")
# "detained were X Y from Velde and Z from Kora": a name and where the man is from
_FROM_PLACE_AFTER = re.compile(
    r"[ \t]+from[ \t]+[A-Z][\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]+)?(?=[ \t]*(?:[,;]|\.\s|and\b))"
)
# "between Osh and Uzgen" are places; "contacts between Karimov and the villagers" not
_BETWEEN_BEFORE = re.compile(r"\b[Bb]etween\s+(?:the\s+)?$")
_BETWEEN_AND_BEFORE = re.compile(
    r"\b[Bb]etween\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?,?\s+and\s+(?:the\s+)?$"
)
_BETWEEN_AFTER = re.compile(r",?\s+and\s+(?:the\s+)?[A-Z]")
_PLACE_CUE_AFTER = re.compile(
    r"(?:,?\s+and\s+[A-Z][\w'’\-]*)?"  # "the Kalo and Dera districts"
    r"\s+(?:district|neighbou?rhood|quarter|region|province|governorate|county|village|town|"
    r"city|municipality|township|hamlet|suburb|sub-?district|upazila|tehsil|prefecture|commune|"
    r"oblast|woreda|area|residents|valley)s?\b"
)
_GROUP_CUE_BEFORE = re.compile(
    r"\b(?:joined|joining|join|fought\s+(?:with|for|alongside)|affiliated\s+(?:with|to)|"
    r"(?:faction|wing|offshoot|splinter|branch|cells?|fighters|militants|members?)\s+of"
    r"(?:\s+the)?|(?:weekly|magazine|daily|newspaper|agency|radio|station|channel|website))\s+$",
)
_GROUP_CUE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:fighters|militants|insurgents|militiamen|jihadists|members|cells?|"
    r"operatives?|suicide\s+bombers?|"
    r"claimed\s+responsibility|group|movement|faction|militia|network)\b"
)
# First words of group names in Arabic, Urdu and Persian usage: "Jamaat …", "Ansar …",
# "Harakat …", "Hizb …", "Jaysh …", "Lashkar …", "Tehreek …" (any inflection: "Jamaatun").
_GROUP_FIRST = re.compile(
    # whole words: "Jamal" and "Ansari" are men's names
    r"(?i)^(?:jama['’]?a[ht]?|jama['’]?at|jemaa?h?|ansar(?:u|ul|al)?(?:lah|llah)?|harakat|"
    r"hizb(?:u|ul|ut)?(?:lah|llah)?|jaysh|jaish|jabhat|kata['’]?ib|katibat|liwa|saraya|lashkar|"
    r"tehreek|tehrik|tanzim|majlis|sipah|wilayat|wilayah|faylaq|firqat|quwat|ahrar|usbat|"
    r"hay['’]at|heyet|jihaz)\b"
)


_APPOSED = (
    r",\s+(?:an?|the)\s+(?:(?!of\b)[a-z][\w\-]*\s+){0,2}?"  # "X, a farming village", "X, a loose …"
)
# the noun heads the apposition: "a border village", not "a district administrator"
_APPOSED_HEAD = (
    r"(?=[,.;:)]|\s+(?:of|in|on|near|at|by|east|west|north|south|some|about|where|that|which|"
    r"with|from|close|outside|and|between|along|across|around|located|home|based|led|linked|"
    r"blamed|active|known|nearest|closest|loyal|allied|affiliated|aligned)\b)"
)
_COUNTRY_AFTER = re.compile(r",[ \t]+([A-Z][\w\-]+(?:[ \t][A-Z][\w\-]+)?)(?=[,.;)]|[ \t]*$)", re.M)
_PLACE_APPOSED = re.compile(
    _APPOSED + r"(?:village|town|city|district|province|region|suburb|hamlet|neighbou?rhood|"
    r"settlement|port|island|county|municipality)s?" + _APPOSED_HEAD
)
_GROUP_APPOSED = re.compile(
    _APPOSED + r"(?:group|coalition|movement|militia|faction|network|organi[sz]ation|alliance|"
    r"party|newspaper|weekly|daily|magazine|broadcaster|agency|website|outlet)s?" + _APPOSED_HEAD
)
_COMPASS_FIRST = frozenset(
    "north south east west central upper lower northern southern eastern western".split()
)


def _cue(text: str, a: int, b: int, kind: str) -> Kind | None:
    """What the words around one occurrence say it is, or None."""
    surface = text[a:b]
    before = text[max(0, a - 60) : a]
    words = surface.split()
    if _GROUP_FIRST.match(surface) and len(words) > 1:
        return "organization"
    if re.fullmatch(r"[A-Z]{2,6}", surface) and places.canonical(surface) is None:
        return "organization"  # an acronym
    acr = re.match(r"\s+\(([A-Z]{3,6})\)", text[b : b + 12])
    if (
        acr
        and len(words) >= 3
        and not places.canonical(surface)  # "Democratic Republic of the Congo (DRC)"
        and any(acronym_of(acr.group(1), f"{art}{surface}") for art in ("", "al ", "Al "))
    ):
        return "organization"  # "… in the Arabian Peninsula (AQAP)": a group and its acronym
    # (not "a member of Velmora's National Guard": a place that owns the group; a group may
    # own a faction, "fought for Boko Haram's JAS faction")
    owner = re.match(r"['’]s?\b", text[b : b + 2]) is not None and places.canonical(surface)
    if (
        (_GROUP_CUE_BEFORE.search(before) and not owner)
        or (_GROUP_CUE_AFTER.match(text, b) and not places.canonical(surface))  # "the Osh cell"
        # "the Islamist group al-X" (not "the leader of the group, X")
        or (
            kind != "person"  # "a spokesman for the company, John Smith": a man
            and not before.rstrip().endswith(",")
            and _group_noun_before(text, a, before)
        )
    ):
        return "organization"
    country = _COUNTRY_AFTER.match(text, b)
    if country and len(words) <= 3 and places.is_country_or_region(country.group(1)):
        return "place"  # "al-Qurayya, Syria,": a town and its country
    after = _PERSON_AFTER.match(text, b)
    if after and after.group().lstrip().startswith("(") and len(words) < 2:
        after = None  # "Gaza (45), Rafah (23)": a count after one word is no age
    if (is_kunya(surface) and not places.canonical(surface)) or after:
        return "person"
    if len(words) >= 2 and _ROLE_APPOSED_AFTER.match(text, b) and not _org_words(words):
        return "person"  # "in X, and Y Z, a shopkeeper from W": the list's man, not a town
    if _PERSON_AFTER_ROLE.match(text, b) and not _org_words(words):
        return "person"
    # "police arrested X Y, better known as …": a body is not arrested, nor a town; "one of the
    # nurses, X Y, told …": a town does not speak (a country or a body may: not those), and
    # one of a group of people is a person
    if (
        kind != "person"
        and 2 <= len(words) <= 4
        and not _org_words(words)
        and places.canonical(surface) is None
        and not surface.isupper()
        and (
            _SEIZED_BEFORE.search(before)
            and not _GROUP_AFTER.match(text, b)
            or kind == "place"
            and _SPEAKS_AFTER.match(text, b)
            or _PERSON_APPOSED_BEFORE.search(before)
        )
    ):
        return "person"
    # "an Algerian, X Y, who …": a person of a people, named in apposition
    people = re.search(r"\b[Aa]n?\s+([A-Z][a-z]+),\s+$", before)
    if people and _demonym(people.group(1)) and not _org_words(words):
        return "person"
    title = re.search(r"\b([A-Z][a-z]+\.?)[ \t]+$", before)
    if (
        kind != "person"
        and title
        and fold(title.group(1).rstrip(".")) in TITLES
        and len(words) <= 4
        and not _org_words(words)
        and places.canonical(surface) is None
    ):
        return "person"  # "Judge Saltanat Omarova said": a title stands before a person
    if _GROUP_APPOSED.match(text, b):
        return "organization"
    if kind == "organization" and _OFFICE_AFTER.match(text, b) and not _org_words(words):
        return "person"  # (not a place: "citizen of Uzbekistan, director of …" is a list)
    if kind == "organization" and _org_words(words):
        return None  # "in the Border Police", "from the Mobile Force"
    if _PLACE_APPOSED.match(text, b):
        return "place"
    compass = len(words) > 1 and fold(words[0]) in _COMPASS_FIRST and not _org_words(words)
    if kind == "person" and compass:
        return "place"  # "Central Velmora": no one is named "Central"
    if re.match(r"['’]s?\b", text[b : b + 2]):
        return None  # "in Velde's house"
    if _PLACE_CUE_AFTER.match(text, b) or (
        len(words) <= 3
        and (_PLACE_CUE_BEFORE.search(before) or _AGED_FROM_BEFORE.search(before))
        and not _PHRASAL_IN.search(before)
    ):
        return "place"
    if len(words) <= 3 and (
        _BETWEEN_BEFORE.search(before)
        and _BETWEEN_AFTER.match(text, b)
        or _BETWEEN_AND_BEFORE.search(before)
    ):
        return "place"
    if (
        kind != "person"
        and len(words) in (2, 3)
        and _FROM_PLACE_AFTER.match(text, b)
        and _HELD_BEFORE.search(before)
        and not _org_words(words)
        and not any(places.canonical(w) for w in [surface, *words])
    ):
        return "person"  # a place or a group is not "from" a town in a list of the held
    if (
        # (a group's name of two words may follow too: "led by Boko Haram")
        (
            kind == "place"
            and 2 <= len(words) <= 4
            or kind == "organization"
            and 3 <= len(words) <= 4
        )
        and _LED_BY_BEFORE.search(before)
        and not _org_words(words)
        and places.canonical(surface) is None
    ):
        return "person"  # "a unit commanded by X Y Z": a place commands nothing
    speaks = _SPEECH_AFTER.match(text, b) or _SPEECH_BEFORE.search(before)
    if kind == "place" and speaks and places.canonical(surface) is None:
        return "person"  # a village does not speak
    return None


# where a kunya-shaped name is a town's (Umm Qasr, Abu Kamal): near it, at a site of it, or a
# compass bearing after it; "in Abu X" alone may be a man's house or a man's cause
_KUNYA_PLACE_BEFORE = re.compile(
    r"\b(?:near|outside|(?:site|village|town|city|outskirts|district|area|entrance|edge|gates?)"
    r"\s+of|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of|(?:road|way|route)\s+to)\s+$",
    re.I,
)
_KUNYA_PLACE_AFTER = re.compile(r",?\s+(?:north|south|east|west)(?:-?(?:east|west))?\s+of\b")


def _kunya_placed(text: str, a: int, b: int) -> bool:
    return bool(
        _KUNYA_PLACE_BEFORE.search(text[max(0, a - 30) : a])
        or _KUNYA_PLACE_AFTER.match(text, b)
        or _PLACE_CUE_AFTER.match(text, b)
    )


def _after_group_name(text: str, a: int, org_ends: set[int]) -> bool:
    """'the Regional Police (Korwil Velmara)': a short form in parentheses after a group's name."""
    lead = max(0, a - 3)
    m = re.search(r"\s*\($", text[lead:a])
    return m is not None and lead + m.start() in org_ends


def _context_vote(cands: list[_Cand], text: str) -> dict[str, Kind]:
    """Surface → kind, where the occurrences' cues (and earlier context readings) agree."""
    votes: dict[str, Counter[Kind]] = {}
    org_ends = {c.end for c in cands if c.kind == "organization"}
    # a surname in capitals, as French and African papers write it ("Amadou SEBGO"), is
    # no acronym when it stands alone
    caps_surnames = {w for c in cands if c.kind == "person" and (w := _caps_surname(c.text(text)))}
    for c in cands:
        f = fold(c.text(text))
        if c.text(text) in caps_surnames:
            continue
        if c.by_context:
            votes.setdefault(f, Counter())[c.kind] += 1
        elif _after_group_name(text, c.start, org_ends):
            votes.setdefault(f, Counter())["organization"] += 1
        elif cue := _cue(text, c.start, c.end, c.kind):
            votes.setdefault(f, Counter())[cue] += 1
    # the surface's other occurrences, which the model did not tag, say what it is too
    # ("Police inspect the bus at X" tagged a person; "near X village" untagged)
    starts = {c.start for c in cands}
    for surface, kind in {c.text(text): c.kind for c in cands if not c.by_context}.items():
        if len(surface) < 4 or not surface[:1].isupper() or surface in caps_surnames:
            continue
        for a in _word_starts(text, surface):
            if a not in starts and (cue := _cue(text, a, a + len(surface), kind)):
                votes.setdefault(fold(surface), Counter())[cue] += 1
    decided = {fold(c.text(text)): c.kind for c in cands if c.by_context}  # ties keep these
    # a short form of a man the document names in full (his given and father's names, his
    # surname) is no place for a cue's sake: "messages between Sirag Gasim and Khidir"
    for f in _name_forms(cands, text):
        if f in votes and places.canonical(f) is None:
            votes[f].pop("place", None)
    for f, v in votes.items():
        if not v:
            continue
        ranked = v.most_common()
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            decided[f] = ranked[0][0]
    # a kunya's form is a man's by default only: one occurrence placed ("a farm near Umm X",
    # "at Umm X, north of Y") says the name is a town's wherever the document writes it
    for surface in {c.text(text) for c in cands if is_kunya(c.text(text))}:
        if any(_kunya_placed(text, a, a + len(surface)) for a in _word_starts(text, surface)):
            decided[fold(surface)] = "place"
    return decided


def _name_forms(cands: list[_Cand], text: str) -> set[str]:
    """The short forms of the people a document names with three words or more: the first
    two (a given name and a father's) and the last (a surname), folded."""
    forms = set()
    for c in cands:
        words = c.text(text).split()
        if c.kind != "person" or len(words) < 3 or c.role != "name" or is_kunya(c.text(text)):
            continue
        if not all(w[:1].isalpha() and fold(w) not in _NOT_NAME_START for w in words):
            continue  # a menu's run the model read as a name: "› Security › Region"
        forms.add(fold(words[-1]))
        if fold(words[1]) not in PARTICLES and fold(words[0]) not in PARTICLES:
            forms.add(fold(" ".join(words[:2])))
    return forms


def _same_kind_as_named(
    cands: list[_Cand], aka_pairs: list[tuple[_Cand, _Cand, str, int, int]], text: str
) -> None:
    """A name an alias cue showed to be a person's ("X, alias Y") is a person wherever else
    the document writes it, though the model read it there as a group or a place."""
    named = {
        fold(c.text(text))
        for pair in aka_pairs
        for c in pair[:2]
        if c.kind == "person" and c.role != "acronym" and not c.text(text).isupper()
    }
    # … and so is such a name's surname alone ("Dhaliwal paid the two men"), where nothing around
    # it says group or place ("the Haqqani network")
    surnames = {n.split()[-1] for n in named if len(n.split()) >= 2 and len(n.split()[-1]) >= 4}
    for c in cands:
        if c.kind == "person" or c.by_context or c.role == "acronym":
            continue
        f = fold(c.text(text))
        if f in named or (
            f in surnames
            and not places.canonical(c.text(text))
            and _cue(text, c.start, c.end, c.kind) is None
        ):
            c.kind, c.source = "person", c.source + "+rule:named-by-an-alias-cue"


def _caps_surname(name: str) -> str | None:
    """'SEBGO' of 'Amadou SEBGO' or 'SEBGO Amadou': the one word in capitals of a name
    whose other words are not."""
    words = name.split()
    caps = [w for w in words if w.isupper() and len(w) >= 3]
    if len(words) >= 2 and len(caps) == 1 and sum(w.isupper() for w in words) == 1:
        return caps[0]
    return None


def _not_a_person(surface: str) -> bool:
    words = surface.split()
    # A person's name is capitalised words and particles; anything else is a misreading.
    for w in words:
        lw = fold(w).rstrip(".")
        if not w[0].isupper() and lw not in PARTICLES and not lw.startswith(("al-", "el-")):
            return True
    return places.is_country_or_region(surface)


# ---------------------------------------------------------------- aliases


@_once_per_document
def _alias_cues(text: str) -> list[re.Match[str]]:
    """The alias cues of `text` (the pattern is long and slow; `_aliases` runs twice)."""
    return list(_ALIAS_CUE.finditer(text))


_SPELLED_CUE = re.compile(
    r"(?i)\b(?:spells?|spelt|spelled|writes?|wrote|renders?|rendered|"
    r"transliterates?|transliterated|written)\b"
)
_IS_SIMPLY = re.compile(r"(?:is|was)\s+(?:simply|just|only|still|always)\Z")


def _aliases(
    text: str, cands: list[_Cand], boiler: list[tuple[int, int]]
) -> list[tuple[_Cand, _Cand, str, int, int]]:
    """'X, also known as Y' → (X, Y, cue, cue start, cue end), adding Y if the model missed it."""
    pairs = []
    by_end = sorted(cands, key=lambda c: c.end)
    for m in _alias_cues(text):
        if _inside(m.start(), boiler):
            continue
        left = next(
            (
                c
                for c in reversed(by_end)
                if c.end <= m.start() + 1
                and (
                    _only_punct(text, c.end, m.start())
                    or _APPOSITION.fullmatch(text[c.end : m.start()])
                    # "X, a Mwani man from the coast known as Y": a longer one after a person
                    or c.kind == "person"
                    and _LONG_APPOSITION.fullmatch(text[c.end : m.start()])
                    # "X, 43, is the commander known as Y"
                    or c.kind == "person"
                    and _IS_THE.fullmatch(text[c.end : m.start()])
                    or _WHO_IS.fullmatch(text[c.end : m.start()])
                    and (
                        c.kind == "person"  # the model often takes a person for a group
                        or c.kind == "organization"
                        and _PERSON_CUE.search(m.group()) is not None
                    )
                )
            ),
            None,
        )
        if _IS_SIMPLY.match(m.group()) and (left is None or left.kind != "person"):
            continue  # ("the motive is simply "Revenge"": only a person is so called)
        if (
            left is not None
            and " " not in left.text(text)
            and (a_an := _A_DEMONYM_BEFORE.search(text, max(0, left.start - 12), left.start))
            and (a_an.group(1) is not None or _DEMONYM_FORM.search(left.text(text)))
        ):
            # "X, a Bangladeshi also known as Y", "X, from the Ruweishat, known as Y": the
            # people's name describes X, whose alias it is
            described = next((c for c in by_end if c.end == a_an.start()), None)
            if described is not None:
                left = described
                if left.kind != "person" and not left.by_context:
                    left.kind, left.source = "person", left.source + "+rule:described-by-people"
        if (
            left is not None
            and left.kind == "place"
            and not _PERSON_CUE.search(m.group())
            and _SOMEONE_FROM.search(text, max(0, left.start - 50), left.start)
        ):
            left = None  # "a man from Y known only as Z": the unnamed man's name, not the town's
        if left is not None and left.kind == "place":
            # "X, 40, a carpenter from Y known … as "Z"": the place is where X is from; the
            # alias is his
            person = next((c for c in reversed(by_end) if c.end <= left.start), None)
            if (
                person is not None
                and person.kind == "person"
                and _PLACE_IN_APPOSITION.fullmatch(text[person.end : left.start])
            ):
                left = person
        org_start = left.start if left is not None else 0
        if left is not None and text[left.start - 1 : left.start] == "(":  # "… Force (VGF)"
            org_start = next(
                (c.start for c in cands if c.kind == "organization" and c.end == left.start - 2),
                org_start,
            )
        if (
            left is not None
            and left.kind == "organization"
            and _MEMBER_OF.search(text, max(0, org_start - 30), org_start)
        ):
            # "Kyari, a member of the Vigilance Group popularly known as "Y"": the man's alias
            left = _person_apposed(by_end, text, org_start, org_start, _MEMBER_APPOSED) or left
        if left is not None and _KIN_OF.search(text, max(0, left.start - 24), left.start):
            # "Wahidullah, son of Zarmast Olang, known as Y": the alias is the son's
            left = _person_apposed(by_end, text, left.start, m.start(), _APPOSITION) or left
        right = next(
            (
                c
                for c in cands
                if c.start >= m.end()
                and (
                    _only_punct(text, m.end(), c.start)
                    # "known as Qari Abu Qaswara", 'known as "Emir X"': a title before the alias
                    or c.start - m.end() < 30
                    and all(
                        fold(w.strip(".\"'“”‘’«»")) in TITLES
                        for w in text[m.end() : c.start].split()
                    )
                    or _NICKNAME_HEAD.fullmatch(text, m.end(), c.start)
                )
            ),
            None,
        )
        if (
            right is not None
            and (head := _NICKNAME_HEAD.fullmatch(text, m.end(), right.start))
            and fold(head.group(1).strip()) not in TITLES  # 'known as "Emir X"': a title
        ):
            # 'dit « Petit X »', 'known as "Little X"': the model found the nickname's last
            # word only
            right.start = head.start(1)
        if (
            right is not None
            and _LIST_ALIAS_CUE.fullmatch(m.group().strip())
            and " " not in right.text(text)
            and (title := _ONE_TITLE.fullmatch(text, m.end(), right.start))
            and fold(title.group(1)) in TITLES
        ):
            right.start = title.start(1)  # "X alias Haji Kaka": the nickname is both words
        if (
            right is not None
            and re.search(r"[\"“«]\s*\Z", text[m.end() : right.start])
            and (whole := _QUOTED_NICKNAME.match(text, right.start))
            and whole.end(1) > right.end
            and not any(c.start < whole.end(1) and c.end > right.end for c in cands)
        ):
            right.end = whole.end(1)  # 'known as "Jamil qari"': the model stopped at the name
        if left is None and right is None and _PERSON_CUE.search(m.group()):
            # "a suspect, Sherzaman alias Sheru": the model found neither name
            before, after = _name_before(text, m.start()), _name_after(text, m.end())
            if (
                before
                and after
                and not any(
                    c.start < span[1] and c.end > span[0] for c in cands for span in (before, after)
                )
            ):
                left = _wrapped_into(cands, text, before) or _Cand(*before, "person", "rule:alias")
                if all(left is not c for c in cands):
                    cands.append(left)
        if (
            left is not None
            and left.kind != "person"
            and _PSEUDONYM_CUE.match(m.group())
            # "who uses the nom de guerre Y": only a person has one ("under the nom de guerre"
            # after a group's name is still the man's before it)
            and not re.search(
                r"(?i)\bus(?:es|ed|ing)\s+the\s+(?:nom de guerre|kunya|code)", m.group()
            )
        ):
            left = None  # "on YouTube under the name X": the platform has no pseudonym
        if (
            left is not None
            and left.kind == "organization"
            and re.match(r"\W*who\b", m.group())
            and _org_words(left.text(text).split())
        ):
            # "X, 27, a graduate of the Y University who went by the name Z": "who" is the
            # graduate, the sentence's man, when no one else is named after him
            subject = _person_before(cands, text, m.start(), same_sentence=True)
            named_after = subject is not None and any(
                c.kind == "person" and subject.end <= c.start < m.start() for c in cands
            )
            left = subject if not named_after else None
        if (
            left is not None
            and left.kind == "place"
            # (a kunya is a man's, whatever the cue: "a native of X known as Abu Y")
            and (_PERSON_CUE.search(m.group()) or right is not None and is_kunya(right.text(text)))
            and (
                places.canonical(left.text(text))
                or _FROM_PLACE.search(text, max(0, left.start - 6), left.start)
            )
        ):
            # "X, a commander from Hadithah known by the nom de guerre Y": a town has none (a
            # "place" with no such sign may be a man the model took for one); but "orders came
            # from a Tajik in Turkey known as Abu Y" names someone the text does not name
            unnamed = _UNNAMED_BEFORE.search(text, max(0, left.start - 40), left.start)
            if unnamed and not _PERSON_CUE.search(m.group()):
                left = None
            elif (
                _LIST_ALIAS_CUE.fullmatch(m.group().strip(" ,;:("))
                and not places.canonical(left.text(text))
                and len(left.text(text).split()) >= 2
            ):
                # "the capture of X Y Z, alias W": a list's cue right after a name no gazetteer
                # knows; the model's town was the man
                left.kind, left.source = "person", left.source + "+rule:named-by-an-alias-cue"
            else:
                left = _person_before(cands, text, m.start(), same_sentence=True)
        # "He said a commander known as Y": the alias is the commander's, not his
        role_before = _ROLE_BEFORE.search(text, max(0, m.start() - 80), m.start()) is not None
        if (
            left is None
            and not role_before
            and (
                _PRONOUN_BEFORE.search(text, max(0, m.start() - 60), m.start())
                # "… that his posts as "Y" were role-play": the posts' writer
                or m.group().lstrip().startswith("post")
                and re.search(r"\b[Hh](?:is|er)\s+$", text[max(0, m.start() - 5) : m.start()])
            )
        ):
            # "X …; he posts under the name Y"; the paragraph's subject, two sentences on
            left = _person_before(cands, text, m.start(), last_para=True)
        if left is None and (rel := _WHO_AND.search(text, max(0, m.start() - 250), m.start())):
            # "X, Y's nephew, who commands a unit in Z and is known in the area as W"
            left = next(
                (
                    c
                    for c in reversed(by_end)
                    if c.end <= rel.start()
                    and c.kind == "person"
                    and _only_punct(text, c.end, rel.start())
                ),
                None,
            )
        if (
            left is None
            and right is not None
            and _PERSON_CUE.search(m.group())
            and re.match(r"[\"”’']?,?\s+(?:he|she)\b", text[right.end : right.end + 8])
        ):
            left = _person_before(cands, text, m.start())  # "Under the alias "Y", he led …"
        if left is None and m.group().rstrip().endswith("name of"):
            # "X lived on forged documents in the name of "Y"": the sentence's subject
            left = _person_before(cands, text, m.start(), same_sentence=True)
        if (
            left is None
            and right is not None
            and _PERSON_CUE.search(m.group())
            and re.search(r"\b(?:he|she)[ \t]*$", text[max(0, m.start() - 8) : m.start()])
        ):
            # "Police named him … and said he went by the nickname "Y"": whoever "he" is
            left = _person_before(cands, text, m.start(), last_para=True)
        if _HIM_AS.match(m.group()):
            # "… remember him as "Y"", "the group called him Y": whoever "him" is, never
            # the name just before the verb
            left = _person_before(cands, text, m.start())
            if left is not None and _REPORTED.match(text, left.end + 1):
                # "Prosecutor X told the court that Z had … and that followers had called
                # him Y": the man the speaker reports on, not the speaker
                reported = [
                    c
                    for c in by_end
                    if c.kind == "person" and left.end < c.start and c.end <= m.start()
                ]
                if reported:
                    left = reported[-1]
        if left is None and _WAS_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            # "X, 29, from the Sughd region, was known to the traders … as Y": the subject,
            # unless the sentence reports someone else ("X said his brother was known as")
            subject = _person_before(cands, text, m.start(), same_sentence=True)
            if subject is None and _HE_IN_SENTENCE.search(text, max(0, m.start() - 200), m.start()):
                # "The court found X guilty … According to investigators, he … was known in
                # the chats as Y": the person the sentence before names first
                subject = _person_before(cands, text, m.start())
            if (
                subject is not None
                and not role_before
                and not _REPORTED.search(text, subject.end, m.start())
                and not _OTHER_SUBJECT.search(text, max(0, m.start() - 40), m.start())
            ):
                left = subject
        if left is None and _PSEUDONYM_CUE.match(m.group()):
            # "X ran chat groups under the name Y": the sentence's subject, when no one else
            # is named between it and the cue and it reports no one's words; after "who", the
            # name the relative clause hangs on ("…, and X, 27, from Z, who calls himself Y")
            subject = _person_before(cands, text, m.start(), same_sentence=True)
            if subject is not None and _WHO_BEFORE.search(text, max(0, m.start() - 20), m.start()):
                near = next(
                    (c for c in reversed(by_end) if c.end <= m.start() and c.kind == "person"),
                    None,
                )
                # (not past another noun: "… and that a second commander, who calls himself
                # Y": the commander, someone the text does not name)
                between = text[near.end : m.start()] if near is not None else ""
                if re.search(r"\b(?:a|an|the|another|one)\s+[a-z]", between):
                    subject = None
                elif near is not None:
                    subject = near
            if (
                subject is not None
                and not role_before
                and not any(
                    c.kind == "person" and subject.end <= c.start < m.start() for c in cands
                )
                and not _REPORTED.search(text, subject.end, m.start())
                # "X had been in contact with a handler in Mali who uses the name Y": the
                # unnamed handler's, someone the text does not name
                and not _UNNAMED_WHO.search(text[subject.end : m.start()])
            ):
                left = subject
        if left is None and (aged := _AGED_SUBJECT.search(text, max(0, m.start() - 40), m.start())):
            # "the 27-year-old used the name Y": the one man the document gives that age
            left = _the_one_aged(cands, text, aged.group(1))
        if left is None and right is None and (_PERSON_CUE.search(m.group()) or role_before):
            # "a man who used the nickname "Y"", "the clique's spokesman, known only as "Y"":
            # no one to pair it with, but a person (not a code: 'a witness known as "W-7"', "known
            # as Cooperating Witness 4")
            span = _name_after(text, m.end())
            if (
                span
                and not _PERSON_CUE.search(m.group())
                and re.search(r"\d", text[span[0] : span[1] + 3])
            ):
                span = None
            if span and not any(c.start < span[1] and c.end > span[0] for c in cands):
                cands.append(_Cand(span[0], span[1], "person", "rule:alias"))
            continue
        if (
            left is None
            and right is not None
            and (
                _ROLE_BEFORE.search(text, 0, m.start())  # "a bandit leader known as Kwarzaki"
                # "known to investigators only as alias El X": a man's alias
                or _LIST_ALIAS_CUE.fullmatch(m.group().strip())
                and re.search(r"\bas\s*$", text[max(0, m.start() - 4) : m.start()])
            )
        ):
            right.kind = "person"
            right.by_context = True
            continue
        if left is None and right is not None:
            # "Rustam Nazarow, known as Abu Zarif" where the model found only the alias
            span = _name_before(text, m.start())
            if span is None:
                continue
            inside = [c for c in cands if c.start < span[1] and c.end > span[0]]
            if inside and not _model_cut_name(inside, span, text, m.group()):
                continue
            for c in inside:
                cands.remove(c)
                by_end.remove(c)
            left = _wrapped_into(cands, text, span) or _Cand(*span, right.kind, "rule:alias")
            if all(left is not c for c in cands):
                cands.append(left)
        if left is None:
            continue
        if right is None:
            span = _name_after(text, m.end())
            if span is None:
                continue
            right = _Cand(span[0], span[1], left.kind, "rule:alias")
            if any(not (right.end <= c.start or right.start >= c.end) for c in cands):
                continue
            cands.append(right)
        if (
            _SPELLED_CUE.search(m.group())
            and len(core_tokens(right.text(text))) > len(core_tokens(left.text(text)))
            and any(
                c.kind == "person" and re.fullmatch(r"[ \t]+", text[c.end : left.start])
                for c in by_end
            )
        ):
            # "X Y Z (also spelled A B C)" where the model cut "Z" off: another spelling is of
            # the whole name, never of the part the model left
            continue
        if _PERSON_CUE.search(m.group()) or is_kunya(right.text(text)):
            # only people have an alias, a nom de guerre or a kunya ("known as Abu X")
            left.kind = right.kind = "person"
        elif left.kind != right.kind:
            right.kind = (
                left.kind if left.kind == "person" or right.kind != "person" else right.kind
            )
            left.kind = right.kind
        pairs.append((left, right, m.group().strip(" ,;:(\"'“”‘’"), m.start(), m.end()))
    return pairs


def _model_cut_name(inside: list[_Cand], span: tuple[int, int], text: str, cue: str) -> bool:
    """'X Y Z W, alias V' where the model took only "X Y" and for a body or a town: the
    capitalised run before a list's alias cue is one man's name. Three words at least, and
    nothing the model read as a person inside it, and a word of it in none of its spans (a
    town inside is a surname: "… Quinonez Toledo, alias W")."""
    words = list(re.finditer(r"\S+", text[span[0] : span[1]]))
    return (
        _LIST_ALIAS_CUE.fullmatch(cue.strip(" ,;:(")) is not None
        and len(words) >= 3
        and all(span[0] <= c.start and c.end <= span[1] and c.kind != "person" for c in inside)
        and any(not any(c.start <= span[0] + w.start() < c.end for c in inside) for w in words)
    )


# a relative clause on X that goes on with "and is known as": one appositive at most before it
# or an appositive that does: "X (45), a citizen born in Z and formerly known as W"
_WHO_AND = re.compile(
    r"(?:(?:,\s+[^,.;\n]{1,40}?)?,?\s+who\b[^.;\n]{1,150}?\s+and(?:\s+(?:is|was|has been)"
    r"(?:\s+also)?)?|(?:\s?\(\d{1,3}\))?,\s+(?:an?|the|described|identified|named|born)\s+"
    r"[^,.;\n()]{1,120}?\s+and)\s*$"
)


# the capitalised first word of a quoted nickname the model cut off: « Petit X », "Big X"
_NICKNAME_HEAD = re.compile(r"[ \t]*[«“\"‘][ \t]*([A-Z][\w'’\-]+[ \t]+)")


def _person_apposed(
    by_end: list[_Cand], text: str, before: int, gap_end: int, apposed: re.Pattern[str]
) -> _Cand | None:
    """The person who ends before `before` and whom the words up to `gap_end` describe."""
    return next(
        (
            c
            for c in reversed(by_end)
            if c.end <= before and c.kind == "person" and apposed.fullmatch(text[c.end : gap_end])
        ),
        None,
    )


_MEMBER_OF = re.compile(
    r"\b(?:member|leader|commander|fighter|head|chief|official|spokes(?:man|woman))s?\s+of\s+"
    r"(?:the\s+)?$"
)
_MEMBER_APPOSED = re.compile(r",\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,3}?[\w\-]+\s+of\s+(?:the\s+)?")
_KIN_OF = re.compile(r"\b(?:son|daughter|wife|widow|brother|sister)\s+of\s+$")
_HE_IN_SENTENCE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b[^.!?;\n]*$")
_WAS_BEFORE = re.compile(r"\b(?:was|is|were|are|had been|has been|became)\s*$")
_REPORTED = re.compile(r"\b(?:said|says|told|tells|added)\b")
# "… and his brother was known as Y": someone else is the subject
_OTHER_SUBJECT = re.compile(
    r"\b(?:his|her|their)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:was|is|were|are|had been|has been)\s*$"
)
_HIM_AS = re.compile(
    r"(?i)\W*(?:(?:remembers?|remembered|knows?|knew|address(?:es|ed)?)\s+(?:him|her)\s+as|"
    r"(?:referred\s+to|called|calls|identified|named)\s+(?:him|her)\s+\w+\s+\w+\s+[\w -]+|"
    r"call(?:s|ed)\s+(?:him|her))$"
)
# "he posts", "she also writes on YouTube and Telegram": a clause with no name of its own
_FROM_PLACE = re.compile(r"\b(?:from|in|of|near)\s+$")
_UNNAMED_WHO = re.compile(
    r"\b(?:with|by|to|from|for|of)\s+an?\s+(?:[a-z][\w\-]*\s+){0,3}?[a-z][\w\-]*"
    r"(?:\s+(?:in|from|of|based\s+in)\s+[^,.;\n]{1,40}?)?,?\s+who\s+$"
)
_SOMEONE_FROM = re.compile(rf"\b(?:an?|one)\s+(?:[\w\-]+\s+){{0,2}}(?:{_SOMEONE})\s+from\s+$")
_UNNAMED_BEFORE = re.compile(r"\b(?:from|by|to|with|for)\s+an?\s+[A-Za-z\-]+\s+(?:in|from)\s+$")
_PRONOUN_BEFORE = re.compile(
    r"\b(?:[Hh]e|[Ss]he)(?:\s+[a-z]+(?:\s+[\w\-]+){0,5}?)?\s*$"
    r"|\b(?:him|her)\s+(?:by|under|with)\s*$"  # "prosecutors identified him by the …"
)
# a name someone uses or gives himself: the sentence's subject is its bearer
_WHO_BEFORE = re.compile(r"\bwho\s+(?:has\s+|had\s+|now\s+|also\s+)?$")
_PSEUDONYM_CUE = re.compile(r"(?i)^\W*(?:(?:under|uses|used|using)\b|\w+\s+(?:him|her)self$)")


# (not after an initial: "in 2014 Sh. Vakhtangov travelled" is one sentence; nor after the
# Hungarian "ifj." and "id." before a name)
_SENTENCE_BREAK = re.compile(
    r"(?<!\b[A-Z])(?<!\b[A-Z][hs])(?<!\bifj)(?<!\bid)[.!?][\"'”’)]*\s+(?=[A-Z\"“‘])"
)


def _person_before(
    cands: list[_Cand], text: str, pos: int, same_sentence: bool = False, last_para: bool = False
) -> _Cand | None:
    """Who "he" is: the first person named in the sentence before `pos` (its subject, "The
    victim, X, is … of the ruler Y; he posts …"), else in the sentence before, within the
    paragraph (or, with `last_para`, the paragraph before: "The family of X say … ¶ Police
    named him … and said he went by …")."""
    para = _para_start(cands, text, pos)
    breaks = [para] + [m.end() for m in _SENTENCE_BREAK.finditer(text, para, pos)]
    spans = [(breaks[-1], pos)]
    if len(breaks) > 1 and not same_sentence:
        spans.append((breaks[-2], breaks[-1]))
    if last_para:  # the paragraph's subject, then the paragraph before's
        spans.append((para, pos))
        if para > 0:
            prev = text[:para].rstrip("\n")
            spans.append((prev.rfind("\n") + 1, len(prev)))
    for start, end in spans:
        people = [c for c in cands if start <= c.start and c.end <= end and c.kind == "person"]
        if people:
            return min(people, key=lambda c: c.start)
    return None


_PAREN_NAME = re.compile(
    r"[ \t]*\(\s*[\"“'‘]?((?:[A-Z][\w'’\-]*|al-\w+|el-\w+)(?:\s+(?:[A-Z][\w'’\-]*|al-\w+|"
    r"el-\w+|al|el|bin|ibn|bou))*)[\"”'’]?\s*\)"
)


# 'X, "Nick", 16 years': a nickname in quotes between a name and its age or term
_QUOTED_APPOSED = re.compile(
    r",[ \t][\"“]([A-Z][\w'’\-]*(?:[ \t][A-Z][\w'’\-]*){0,2})[\"”],[ \t]+\d"
)


def _paren_aliases(
    text: str, cands: list[_Cand], boiler: list[tuple[int, int]]
) -> list[tuple[_Cand, _Cand, str, int, int]]:
    """'Khalil al-Sabbagh (Abu Firas)': a name in brackets right after a person's name (or
    a nickname in quotes between commas before an age or a term)."""
    pairs = []
    for c in list(cands):
        if c.kind != "person" or _inside(c.start, boiler):
            continue
        m = _PAREN_NAME.match(text, c.end) or _QUOTED_APPOSED.match(text, c.end)
        if not m or m.group(1).isupper():  # "(ISF)" is an acronym, handled elsewhere
            continue
        a, b = m.span(1)
        if " " not in m.group(1) and (
            _demonym(m.group(1)) or places.opens_country_name(m.group(1))
        ):
            continue  # a list's nationality: "X (Saudi), 35", "Y (Yemeni)"
        inner = next((x for x in cands if x.start == a and x.end == b), None)
        if (inner is None or inner.kind == "place") and _gazetteer_place(text[a:b]):
            # "Êlih (Batman)", "Amed (Diyarbakır)": a place under its other name
            c.kind = "place"
            if inner is None and not any(x.start < b and x.end > a for x in cands):
                cands.append(_Cand(a, b, "place", "rule:place-in-brackets"))
            continue
        if inner is None:
            if any(x.start < b and x.end > a for x in cands):
                continue
            inner = _Cand(a, b, "person", "rule:alias-in-brackets")
            cands.append(inner)
        if m.re is _QUOTED_APPOSED and inner.kind == "organization":
            inner.kind = "person"  # a nickname, whatever the model read in it
        if inner.kind == "person":
            pairs.append((c, inner, "name in brackets", c.start, m.end()))
    return pairs


_ROLE_BEFORE = re.compile(
    rf"\b(?:{ROLE_NOUNS}|leader|kingpin|commander|militant|fighter|bandit|man|woman)\s*$"
)
# a short appositive on a name: ", a former teacher", ", 41", ", born 1986", ", aged 30"
_APPOSITIVE = (
    r",\s+(?:(?:an?|the)\s+[\w\-]+(?:\s+[\w\-]+){0,3}|(?:about\s+|around\s+)?\d{1,3}"
    r"|born\s+(?:in\s+)?\d{4}"
    # "X, son of Y, known as Z": the father's name in an official list
    r"|(?:son|daughter|wife|widow|brother|sister)\s+of\s+[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3}"
    r"|aged\s+\d{1,3})"
    # "X (53), known as Y": an age in brackets; "X (Saudi), 35, known as Y": a nationality
    r"|[ \t]\(\d{1,3}\)|[ \t]\([A-Z][a-z]+\)"
)
# "Muhammad Nabi Tokhi, a 46-year-old known by the alias …": one or two appositives between
_APPOSITION = re.compile(rf"(?:{_APPOSITIVE}){{1,2}},?\s*")
_IS_THE = re.compile(
    rf"(?:{_APPOSITIVE}){{0,2}},?\s+(?:is|was)\s+(?:an?|the)(?:\s+[\w\-]+){{1,3}}\s*"
)
_PLACE_IN_APPOSITION = re.compile(
    rf"(?:{_APPOSITIVE})*,\s+(?:an?|the)\s+[\w\-]+(?:\s+[\w\-]+){{0,4}}\s+(?:from|of|in)\s+"
)
# (after an age or another short one: "X, 29, a former imam from the town of Y known as Z")
_LONG_APPOSITION = re.compile(
    rf"(?:{_APPOSITIVE})?,\s+(?:an?|the)\s+[\w\-]+(?:\s+[\w\-]+){{4,6}},?\s*"
)
# "X, who is known … as Y": the cue after a relative clause on X
_WHO_IS = re.compile(
    # "X, an Osh native who uses the …", "X, born 1990, who uses …", "X (until 2021, Y),
    # born 1986, who uses …"
    # ("X, a group's commander in Y's Z province who uses …": a longer one before "who")
    rf"\)?(?:{_APPOSITIVE}|,\s+(?:an?|the)\s+[\w'’\-]+(?:\s+[\w'’\-]+){{4,8}}){{0,2}}"
    r",?\s+who(?:se)?(?:\s+(?:in|at|on)\s+[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)?"
    r"(?:\s+(?:is|was|has been|had been|uses|used)(?:\s+also)?(?:\s+the)?)?\s*"
)
_PERSON_CUE = re.compile(
    r"(?i)alias|\burf\b|vulgo|@|nom de guerre|kunya|went by|goes by|a[./]?k[./]?a|nickname|o/c|"
    r"otherwise called|"
    r"pseudonym|handle|\bdite?\b|\bdett[oa]\b|(?:him|her)self|"
    r"code-?named|code[ -]name|"
    r"\b(?:him|her)\s+as\b|"  # "members addressed him as X", "neighbours knew her as Y"
    rf"^(?:{_SOMEONE})\b"  # "a woman, called "X"": only a person is one
)


def _only_punct(text: str, a: int, b: int) -> bool:
    return a <= b and not re.search(r"[\w]", text[a:b])


# police and court lists' alias cues, and a single title word before a one-word alias
_LIST_ALIAS_CUE = re.compile(r"(?i)alias|urf|@|a[./]?k[./]?a\.?|o/c")
_ONE_TITLE = re.compile(r"[ \t]*([A-Z][a-z]+\.?)[ \t]+")


_QUOTED_NICKNAME = re.compile(r"([A-Z][\w'’\-]*(?:[ \t]+[\w'’\-]+){1,3})[ \t]*[,.]?[\"”»]")


def _name_after(text: str, pos: int) -> tuple[int, int] | None:
    """A capitalised name (with particles) starting after `pos`, skipping quotes and spaces."""
    # French quotes too: alias « X »; the cue's own period: 'a.k.a. "X"'
    m = re.match(r"\.?(?:,(?=[ \t]*[\"“«]))?[\s\"'“”‘’«‹]*", text[pos:])
    start = pos + (m.end() if m else 0)
    # a nickname in double quotes is kept whole, a lowercase word too: "Jamil qari" (a
    # reciter of the Quran), "Baba the tailor"
    if m is not None and re.search(r"[\"“«]", m.group()):
        whole = _QUOTED_NICKNAME.match(text, start)
        if whole:
            return start, whole.end(1)
    words = []
    for w in re.finditer(r"[\w'’\-]+|\s+|.", text[start : start + 120]):
        tok = w.group()
        if tok.isspace():
            if "\n" in tok:
                break
            continue
        if tok == "." and words and words[-1][1] - words[-1][0] == 1:
            continue  # an initial's full stop: "known as A.K. Rahimov"
        if not (tok[0].isalnum() or tok[0] == "_"):
            break  # punctuation ends the name: 'alias "X". Y said' is not "X Y"
        if tok[0].isupper() or fold(tok) in PARTICLES or fold(tok).startswith(("al-", "el-")):
            words.append((start + w.start(), start + w.end()))
        else:
            break
    if not words:
        return None
    a, b = words[0][0], words[-1][1]
    if m is not None and re.search(r"['‘]", m.group()) and text[b - 1] in "'’":
        b -= 1  # "known as 'Abou X'": the closing single quote is no part of the name
    quoted = (
        m is not None
        and re.search(r"[\"“‘'«‹]", m.group())
        and re.match(r"[,.]?\s?[\"”’'»›]", text[b : b + 3])  # (American style: "X Y,")
    )
    if quoted and len(words) > 1:
        return a, b  # a nickname in quotes is kept whole, title and all: alias "Sheikh Tariq"
    a, b = _clean(text, a, b, "person")
    return (a, b) if b > a else None


def _name_before(text: str, pos: int) -> tuple[int, int] | None:
    """A capitalised name (with particles) ending just before `pos`, within its line."""
    words: list[tuple[int, int]] = []
    line_start = text.rfind("\n", 0, pos) + 1
    end = pos
    while end > line_start and text[end - 1] in " ,\"'“”‘’":
        end -= 1
    for w in reversed(list(re.finditer(r"[\w'’\-]+", text[line_start:end]))):
        gap = text[line_start + w.end() : words[0][0] if words else end]
        tok = w.group()
        if gap.strip() or len(words) >= 5:
            break
        if tok[0].isupper() and fold(tok) not in TITLES or (words and fold(tok) in PARTICLES):
            words.insert(0, (line_start + w.start(), line_start + w.end()))
        else:
            break
    # a sentence's opening pronoun or quantifier is no name: "Another, known as …"
    while words and fold(text[words[0][0] : words[0][1]]) in _NOT_NAMES:
        words.pop(0)
    if not words or fold(text[words[0][0] : words[0][1]]) in PARTICLES:
        return None
    return words[0][0], words[-1][1]


_NOT_NAMES = _SENTENCE_OPENERS | frozenset(
    "another one both each some others other he she they it this that these those we i "
    "their its".split()
)


_DEMONYM_FORM = re.compile(r"(?:an|ians?|ese|ish|ic|i|is|ans)$")
_MUHAMMAD_ABBR_BEFORE = re.compile(r"(?<![\w.])(?:Md|Mohd|Muhd|Mhd)\.[ \t]$")
_A_DEMONYM_BEFORE = re.compile(r",\s+(?:an?|(from\s+the))\s+$")


_Y_MOTHER = re.compile(r"[ \t]y[ \t][A-Z][a-z][\w'’\-]*(?![\w'’\-])")
_NISBA_AFTER = re.compile(
    # (German writes the article of "ash-Shishani" asch-: "asch-Schischani")
    r"[ \t](?:al|el|ash|asch|as|at|ad|az|ar|an|ul|es|eş|et|ed|er|en)-[A-ZÇŞ][\w'’]+(?![\w\-])"
)


def _extend_names(cands: list[_Cand], sdoc: Doc, text: str) -> None:
    """'Rustam Nazarow' where the model tagged only 'Nazarow': take the proper nouns before it
    (and a surname after a lone given name it tagged: "Lawyer Ildus" + "Gataullin, who")."""
    by_start, by_end = _token_index(sdoc)
    for c in cands:
        _extend_forward(c, cands, by_start, text)
        words = c.text(text).split()
        # one word, or a name the model began at a particle ("dela Pena"), or a name the
        # model began mid-way ("Osei Kante" of "Halima Osei Kante")
        # (a place the model had read as a man's name: "Hassi" + "Sidi X, the border town")
        named = c.kind == "person" or (
            c.kind == "place" and c.source.startswith("ner:PERSON") and _place_follows(text, c.end)
        )
        if (
            not named
            or len(words) > 3
            and fold(words[0]) not in _NASAB_WORDS  # ("bin Salem bin Hamad Al-Marwani")
            or c.source.startswith("rule")
        ):
            continue
        start = c.start
        while True:
            # "Abdel-Moneim": the model began after the hyphen of a compound's head
            if head := _COMPOUND_HEAD_BEFORE.search(text, max(0, start - 8), start):
                start = head.start()
                continue
            prev = by_end.get(start - 1) if text[start - 1 : start] == " " else None
            # "Fahd" + "bin Salem …": no name opens with "son of", so the word before is the
            # given name whatever part of speech the tagger made of it
            nasab = start == c.start and fold(words[0]) in _NASAB_WORDS
            if (
                prev is None
                or prev.pos_ != "PROPN"
                and not (nasab and prev.pos_ in ("NOUN", "ADJ", "VERB"))
                or not prev.is_title
                or fold(prev.text) in TITLES
                or fold(prev.text) in ("first", "second", "third", "class")  # of a rank
                or fold(prev.text) in _CASE_ROLES  # "Suspect X has standing warrants"
                or (prev.text == "Sh." or prev.text in _COURTESY_WORDS)
                and len(words) >= 2  # Shri, not an initial; "Ko X Y"
                or prev.ent_type_ in ("DATE", "GPE", "ORG")
                # a demonym ("Russian"), not a name the model took for one
                or prev.ent_type_ == "NORP"
                and _DEMONYM_FORM.search(fold(prev.text))
                or any(o is not c and o.start <= prev.idx < o.end for o in cands)
                # "the Filipino X Y": after an article, a people or a descriptor
                or _ARTICLE_BEFORE.search(text[max(0, prev.idx - 6) : prev.idx])
                # "Superintendent of Police X Y": the office's body, after its "of"
                or _org_head(prev.text)
                and re.search(r"\bof\s+$", text[max(0, prev.idx - 4) : prev.idx])
            ):
                break
            start = prev.idx
        if c.kind == "person" and (
            abbr := _MUHAMMAD_ABBR_BEFORE.search(text, max(0, start - 8), start)
        ):
            start = abbr.start()  # "Mohd. X": the tokenizer cut the abbreviation's period off
        if start != c.start:
            c.start, c.source = start, c.source + "+rule:full-name"
            if c.source.startswith("propagate"):
                # a surname found again with its given names before it, and the mother's
                # surname after it: "Ramiro Anselmo" + "Quinonez" + "Toledo, who …"
                _extend_forward(c, cands, by_start, text, found_again=True)
            if _place_follows(text, c.end) or _toponym_form(c.text(text), person=True):
                c.kind = "place"  # "Hassi Sidi X, the border town": the model tagged "Sidi X"
            # a surname found again, now with the given name before it: a name in its own
            # right ("Waris Zehri", then "Mahnaz Zehri, his sister"), not a short form
            if c.role == "short":
                c.role = "name"
            surface = c.text(text)
            if c.kind == "person" and (
                _GROUP_FIRST.match(surface)
                or fold(surface) in {fold(o.text(text)) for o in cands if o.kind == "organization"}
            ):
                # the word the model left out heads a group's name ("Jihaz" + "al-Amn"), or
                # the whole is a group's name the document spells out elsewhere
                c.kind = "organization"
        # "Juan dela Cruz" + "y Santos": the Philippine mother's surname after "y"
        if mother := _Y_MOTHER.match(text, c.end):
            c.end, c.source = mother.end(), c.source + "+rule:y-mother"
        # "Abu Harith" + "ash-Shishani": the model stopped before the nisba
        nisba = _NISBA_AFTER.match(text, c.end)
        if nisba and not any(o is not c and o.start < nisba.end() and o.end > c.end for o in cands):
            c.end, c.source = nisba.end(), c.source + "+rule:nisba"


def _extend_forward(
    c: _Cand, cands: list[_Cand], by_start: dict, text: str, found_again: bool = False
) -> None:
    """A lone given name (or a short name) the model tagged, then a proper noun it left out
    and prose: the surname ("… Ildus" + "Gataullin, who represents …")."""
    # (or a name the model stopped one word short of: "K. Srinivasa" + "Naidu said")
    if (
        c.kind != "person"
        or not (found_again or c.source.startswith(("ner:", "rule:initialled-name")))
        or len(c.text(text).split()) > 3
    ):
        return
    # (two surnames, as Spanish names end: "Raul Anselmo" + "Quintanilla Bermudez, alias …")
    end, taken = c.end, 0
    while taken < 2:
        nxt = by_start.get(end + 1) if text[end : end + 1] == " " else None
        if (
            nxt is None
            or nxt.pos_ != "PROPN"
            or not nxt.is_title
            or nxt.ent_type_ not in ("", "PERSON")
            or fold(nxt.text) in TITLES
            or any(o is not c and o.start <= nxt.idx < o.end for o in cands)
        ):
            return
        end, taken = nxt.idx + len(nxt), taken + 1
        if re.match(r"[,;(]|[ \t]+[a-z]", text[end : end + 2]):
            c.end, c.source = end, c.source + "+rule:surname-after"
            return
        if len(c.text(text).split()) + taken > 3:
            return


_NASAB_WORDS = frozenset({"bin", "ibn", "bint", "binti"})
# what police and court reports call a person before the name, capitalised: no given name
_CASE_ROLES = frozenset(
    "suspect suspects accused victim victims detainee witness defendant complainant "
    "respondent petitioner deceased convict".split()
)
_COMPOUND_HEAD_BEFORE = re.compile(r"(?<![\w'’\-])(?:Abd|Abdel|Abdul|Abdal|Abdur|Abdus|Abdoul)-\Z")


def _place_follows(text: str, end: int) -> bool:
    """What follows says the name before `end` is a place: "X, the border town", "X district"."""
    return bool(_PLACE_APPOSED.match(text, end) or _PLACE_CUE_AFTER.match(text, end))


# ---------------------------------------------------------------- propagation


def _propagate(
    cands: list[_Cand],
    text: str,
    boiler: list[tuple[int, int]],
    bearers: dict[int, str] | None = None,
) -> list[_Cand]:
    """Find every known name (and every person's surname) wherever else it occurs.
    `bearers`: the name of the man who bears each alias (by the alias candidate's id)."""
    forms: dict[str, tuple[Kind, str]] = {}
    for c in cands:
        s = c.text(text)
        forms.setdefault(s, (c.kind, "acronym" if c.role == "acronym" else "name"))
    for c in cands:
        if c.kind == "person" and (sn := _surname_surface(c.text(text))):
            forms.setdefault(sn, ("person", "short"))
            words = c.text(text).split()
            if len(words) == 4 and spanish_style(c.text(text)) and words[2][:1].isupper():
                # "A B Quinonez Toledo", then "Quinonez": the father's surname he is called by
                forms.setdefault(words[2], ("person", "short"))
        # a register's name in the order prose writes it: "Karimov Jasur Rustam o'g'li" is
        # "Jasur Karimov" in the next paragraph
        if c.kind == "person" and (gf := given_first(c.text(text))) != c.text(text):
            forms.setdefault(gf, ("person", "name"))
            # and its surname alone: "Qambarov, the group's treasurer," after the register's line
            if sn := _surname_surface(gf):
                forms.setdefault(sn, ("person", "short"))
    for g in _lone_given_names(cands, text, bearers):
        forms.setdefault(g, ("person", "short"))
    # a name broken across a line is written on one line elsewhere in the document
    for form, (kind, role) in list(forms.items()):
        if "\n" in form and kind == "person":
            forms.setdefault(re.sub(r"[ \t]*\n[ \t]*", " ", form), (kind, role))
    out = list(cands)
    for form in sorted(forms, key=len, reverse=True):
        if form[-1:] in ",;:" or form[:1] in ",;:":
            continue  # a surname cut from a span that ran across a list's comma: "ADF,"
        kind, role = forms[form]
        # the article of "al-Qasimi" is capitalised at a sentence start: "Al-Qasimi said"
        capital = form[:1].upper() + form[1:] if form[:3] in ("al-", "el-") else ""
        for a in _word_starts(text, form, capital):
            b = a + len(form)
            if _inside(a, boiler) or _HONORIFIC_PAIR.match(text, a):
                continue  # (the surname Tan is no part of the title "Tan Sri")
            role_here = role
            if role == "short" and (given := _unknown_place_before(out, text, a)):
                # "the brother of Amadou SEBGO": a given name the model took for a town the
                # gazetteer does not know, before a family's surname, is that man's name
                a, role_here = given.start, "name"
            overlapped = [c for c in out if c.start < b and c.end > a]
            if any(
                not (a <= c.start and c.end <= b) or (c.start, c.end) == (a, b) for c in overlapped
            ):
                continue
            # a longer known name swallows the fragments the model made of it
            for c in overlapped:
                out.remove(c)
            out.append(_Cand(a, b, kind, "propagate", role=role_here))
    out += _titled_nicknames(out, text, boiler)
    acronyms = {c.text(text) for c in cands if c.role == "acronym"}
    for c in out:
        if c.text(text) in acronyms:
            c.role = "acronym"
    return sorted(out, key=lambda c: c.start)


# the nickname in quotes inside a full name: 'Given "Nick" Surname'
_INNER_NICKNAME = re.compile(r"(?<=[a-z])[ \t]+[\"“]([A-Z][a-z]+)[\"”][ \t]+(?=[A-Z])")


def _titled_nicknames(cands: list[_Cand], text: str, boiler: list[tuple[int, int]]) -> list[_Cand]:
    """'Mr Golf' where the document names 'X "Golf" Y': a nickname found alone only after a
    courtesy title (alone it may be any word: "Lodge", "Golf"); the grouping gives it to the
    full name it sits inside."""
    nicks = {
        m.group(1)
        for c in cands
        if c.kind == "person"
        for m in _INNER_NICKNAME.finditer(text, c.start, c.end)
    }
    taken = [(c.start, c.end) for c in cands]
    found = []
    for nick in sorted(nicks):
        for a in _word_starts(text, nick):
            b = a + len(nick)
            if (
                _COURTESY_BEFORE.search(text, max(0, a - 12), a)
                and not _inside(a, boiler)
                and not any(x < b and a < y for x, y in taken)
            ):
                found.append(_Cand(a, b, "person", "propagate", role="name"))
    return found


_COURTESY_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Khun)\.?[ \t]+$")


_CAP_WORD_BEFORE = re.compile(r"[A-Z][^\W\d_]+[ \t]$")


def _unknown_place_before(cands: list[_Cand], text: str, at: int) -> _Cand | None:
    """The model's one-word place right before `at` that the gazetteer does not know."""
    m = _CAP_WORD_BEFORE.search(text, max(0, at - 40), at)
    if m is None:
        return None
    return next(
        (
            c
            for c in cands
            if (c.start, c.end) == (m.start(), at - 1)
            and c.kind == "place"
            and c.source.startswith("ner")
            and fold(c.text(text)) not in TITLES
            and places.canonical(c.text(text)) is None
        ),
        None,
    )


def _lone_given_names(
    cands: list[_Cand], text: str, bearers: dict[int, str] | None = None
) -> list[str]:
    """First names, as written, that one person of the document has and no one else's name
    uses: a quote or a relative calls him by it ("Temirlan worked in Kazan," his uncle said).
    A first name that the document also writes in lower case is a word, not only a name."""
    # full name → whose it is: an alias is its bearer's ("X Y Z, whom the town calls X Tall"
    # is one man, and so is "Z, who was born W Z": X and W are his)
    full: dict[str, str] = {}
    for c in cands:
        if c.kind == "person" and len(c.text(text).split()) > 1:
            full.setdefault(c.text(text), (bearers or {}).get(id(c), c.text(text)))
    owners: dict[str, set[str]] = {}
    for name, bearer in full.items():
        if is_kunya(name):
            continue
        given = given_names(name)
        for first in name.split()[:2]:  # "Ridwan" of "Muhammad Ridwan Saleh" too
            if fold(first) in given:
                # ("SURNAME Given" too)
                owners.setdefault(first, set()).add(fold(given_first(bearer)))
    other = list(dict.fromkeys(c.text(text) for c in cands))  # each surface once
    # a title worn as a given name ("Emir" of "Emir Hodzic") is his name alone too
    given_titles = {tokens(n)[0] for n in full if title_is_given(tokens(n))}
    found = []
    later: list[tuple[str, list[str]]] = []  # (surface, its words after the first), once

    def a_later_word(f: str, first: str) -> bool:
        if not later and other:
            later.extend((o, core_tokens(given_first(o))[1:]) for o in other)
        return any(o != first and f in rest and f not in given_names(o) for o, rest in later)

    for first, names in owners.items():
        f = fold(first)
        if (
            not _one_person(sorted(names))
            or len(first) < 4
            or not first[0].isupper()
            or f in TITLES
            and f not in given_titles
            or f in PARTICLES
            or f in NAME_PREFIXES  # "Muhammad" alone may be anyone, or the Prophet
            or _word_starts(text, f)  # lower case: a word
            # a surname too ("Ivanov Pyotr Sergeyevich" has Pyotr first)
            or a_later_word(f, first)
            or any(fold(o) == f for o in other)  # already a name of its own
        ):
            continue
        found.append(first)
    return found


def _one_person(names: list[str]) -> bool:
    """Every name a form of the first ("Ridwan Saleh" of "Muhammad Ridwan Saleh bin …")."""
    return all(
        (m := person_names_match(names[0], n)) is not None and m.score >= MERGE_AT
        for n in names[1:]
    )


def _surname_surface(name: str) -> str | None:
    """The surname as written ('al-Assad' keeps its article; 'Assad' is found through it)."""
    words = name.split()
    if len(words) >= 2 and len(words[0]) > 2 and words[0].isupper() and not name.isupper():
        # "SEBGO Amadou", "BEN SALEM Karim": the surname in capitals comes first, whole
        return " ".join(itertools.takewhile(str.isupper, words))
    sn = surname(name)
    if sn is None:
        return None
    if not fold(words[-1]).endswith(sn):
        return None
    i = len(words) - 1
    while i > 1 and fold(words[i - 1]) in PARTICLES:  # "Bou Saab", "bin Laden", "van Dijk"
        i -= 1
    return " ".join(words[i:])


def _drop_headline_only(
    cands: list[_Cand], text: str, headlines: list[tuple[int, int]]
) -> list[_Cand]:
    """A name seen only in a title-case line is trusted only if the gazetteer knows it; so is
    one word opening the document's first line ("Verdict expected in …": any first word of a
    headline is capitalised)."""
    opening = len(text) - len(text.lstrip())
    first_line = "\n" in text[opening : opening + 200]
    # a line a name runs on from ("… ordered for X Y (33), Hasan¶Z (41)") is a hard-wrapped
    # sentence, not a title, however many capitals its names give it
    # (a rule's person: the model runs masthead lines together too)
    headlines = [
        h
        for h in headlines
        if not any(
            c.start < h[1] < c.end
            and c.kind == "person"
            and c.source.startswith("rule:")
            and "\n\n" not in c.text(text)  # (a wrap, not a new paragraph)
            for c in cands
        )
    ]

    def headline_only(c: _Cand) -> bool:
        word = c.text(text)
        if _inside(c.start, headlines):
            return True
        # one capitalised word opening the first line (not an acronym)
        return first_line and c.start == opening and " " not in word and not word.isupper()

    body = Counter(c.text(text) for c in cands if not headline_only(c))
    return [
        c
        for c in cands
        if not headline_only(c)
        or body[c.text(text)]
        or c.kind == "place"
        and (
            places.canonical(c.text(text))
            # (a country in the outlet's language in a menu, not a headline's word: "Grenade")
            or _foreign_in_menu(text, c)
        )
    ]


# ---------------------------------------------------------------- grouping


def _group(
    cands: list[_Cand], aka_pairs: list[tuple[_Cand, _Cand, str, int, int]], text: str
) -> tuple[list[Mention], list[Link]]:
    """Union the mentions of one entity in this document, keeping why."""
    parent = list(range(len(cands)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index = {id(c): i for i, c in enumerate(cands)}
    links: list[tuple[int, int, str, str, int, int]] = []

    def union(i: int, j: int, typ: str, reason: str, a: int, b: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[rj] = ri
            links.append((i, j, typ, reason, a, b))

    # the same normalised name (or the same place) is one entity
    first: dict[tuple[str, str], int] = {}
    for i, c in enumerate(cands):
        k = (c.kind, _norm_key(c.text(text), c.kind))
        if k in first:
            j = first[k]
            if fold(cands[j].text(text)) != fold(c.text(text)):
                same = (
                    f"one place in the gazetteer ({places.canonical(c.text(text))})"
                    if c.kind == "place" and places.canonical(c.text(text))
                    else "the same name once titles and articles are set aside"
                )
                union(
                    j,
                    i,
                    "variant",
                    same,
                    c.start,
                    c.end,
                )
            else:
                union(j, i, "", "", c.start, c.end)
        else:
            first[k] = i
    # explicit aliases
    aliased: set[str] = set()  # the nicknames' surfaces
    parts = frozenset(
        t
        for c in cands
        if c.kind == "person" and len(toks := core_tokens(c.text(text))) >= 2
        for t in toks
    )
    for left, right, cue, a, b in aka_pairs:
        if id(left) in index and id(right) in index:
            aka, main = (
                (left, right)
                # ("called him Y", "knew him as Y": the name after the cue is the alias)
                if not _HIM_AS.match(cue)
                and _is_alias_form(left, text, parts)
                and not _is_alias_form(right, text, parts)
                else (right, left)
            )
            if _SPELLED_CUE.search(cue) and len(core_tokens(right.text(text))) >= 2:
                # "X, also spelt Y Z": another spelling of his name, not a nickname
                why = f"'{cue}' in the same sentence: another spelling of the name"
                union(index[id(left)], index[id(right)], "variant", why, a, b)
                continue
            union(index[id(main)], index[id(aka)], "aka", f"'{cue}' in the same sentence", a, b)
            aka.role = "aka"
            aliased.add(fold(aka.text(text)))
    # acronyms in parentheses
    for i, c in enumerate(cands):
        if c.source == "rule:acronym":
            # the name just before the bracket: the rule's long form, or an equal span another
            # rule won with ("Islamic State" read as a creed's group); never one further back
            j = next(
                (
                    j
                    for j in range(i - 1, -1, -1)
                    if re.fullmatch(r"\s*\(\s*", text[cands[j].end : c.start])
                ),
                None,
            )
            if j is not None:
                union(
                    j,
                    i,
                    "acronym",
                    "acronym in parentheses after the long form",
                    cands[j].start,
                    c.end + 1,
                )
    # full names spelled two ways in one article ("al-Ahmad" / "al-Ahmed")
    # (one comparison per pair of distinct surfaces: a long document repeats its names)
    surfaces: dict[str, int] = {}
    for i, c in enumerate(cands):
        if c.kind == "person":
            surfaces.setdefault(fold(c.text(text)), i)
    reps = list(surfaces.values())
    matches: dict[int, list[tuple[int, Match]]] = {i: [] for i in reps}
    for x in range(len(reps)):
        for y in range(x + 1, len(reps)):
            i, j = reps[x], reps[y]
            m = person_names_match(cands[i].text(text), cands[j].text(text))
            # also "Khalil el-Sabbagh" of "Khalil Moustapha el-Sabbagh" in one article
            if m and m.score >= MERGE_AT - 0.05:
                matches[i].append((j, m))
                matches[j].append((i, m))
    for x in range(len(reps)):
        for y in range(x + 1, len(reps)):
            i, j = reps[x], reps[y]
            m = next((m for k, m in matches[i] if k == j), None)
            if m is None or find(i) == find(j):
                continue
            if _owner_of_two(cands, text, i, j, matches) or _owner_of_two(
                cands, text, j, i, matches
            ):
                continue
            if _kin_of(cands, text, i, j):
                continue
            if _back_of_a_chain(cands, text, reps, i, j) or _back_of_a_chain(
                cands, text, reps, j, i
            ):
                continue
            if (generation(cands[i].text(text)) is None) != (
                generation(cands[j].text(text)) is None
            ):
                continue  # "the father and son X Y, 60, and X Y Jr.": "Jr." tells them apart
            union(i, j, "variant", "; ".join(m.reasons), cands[j].start, cands[j].end)
    # surnames and shortened forms: to the full name that ends so
    full = [
        (i, c)
        for i, c in enumerate(cands)
        if c.kind == "person"
        and surfaces.get(fold(c.text(text))) == i  # the first mention of each full name
        and len(core_tokens(c.text(text))) >= 2
        and not is_kunya(c.text(text))
    ]
    # "Abu Talut al-Tarabulsi", then "Abu Talut": a kunya with its nisba, then without
    with_nisba = [
        (i, c)
        for i, c in enumerate(cands)
        if c.kind == "person"
        and surfaces.get(fold(c.text(text))) == i
        and is_kunya(c.text(text))
        and len(core_tokens(c.text(text))) >= 2
    ]
    for i, c in enumerate(cands):  # "R.J.K." of the one full name with those initials
        if c.kind == "person" and _INITIALS_ONLY.fullmatch(c.text(text)):
            letters = _initial_letters(c.text(text))
            owners = [
                (j, f)
                for j, f in full
                if not _INITIALS_ONLY.fullmatch(f.text(text))
                and (
                    initials_of(f.text(text)).startswith(letters)
                    or initials_of(given_first(f.text(text))).startswith(letters)
                )
            ]
            # (two letters only where the text reads them as someone's: "by their initials,",
            # or where they are all his given names' initials: "R.J." of "R… J… X")
            given = any(initials_of(f.text(text))[:-1] == letters for _, f in owners)
            if len({find(j) for j, _ in owners}) == 1 and (
                len(letters) >= 3 or c.by_context or given
            ):
                j, f = owners[0]
                why = f"the initials of '{f.text(text)}' in the same document"
                union(j, i, "short", why, c.start, c.end)
    # "Sprocket" after "Fergal 'Sprocket' Dunleavy": the nickname in quotes inside one full name
    nicknamed: set[int] = set()
    for i, c in enumerate(cands):
        word = c.text(text)
        if c.kind != "person" or " " in word or not word[:1].isupper():
            continue
        # (plain string tests: a pattern compiled per name would crowd re's cache)
        quoted = {f"{left}{word}{right}" for left in "\"“'‘" for right in "\"”'’"}
        bearers = {
            find(j): (j, f)
            for j, f in full
            if any(f" {q} " in f" {' '.join(f.text(text).split())} " for q in quoted)
        }
        if len(bearers) == 1:
            j, f = next(iter(bearers.values()))
            c.role = "aka"
            why = f"the nickname in quotes inside '{f.text(text)}' in the same document"
            union(j, i, "aka", why, c.start, c.end)
            nicknamed.add(i)
    owners_of: dict[str, list[tuple[int, _Cand]]] = {}
    chosen: dict[str, tuple[int, _Cand, str]] = {}  # a lone surname's owner, once chosen
    for i, c in enumerate(cands):
        if c.kind != "person" or _INITIALS_ONLY.fullmatch(c.text(text)) or i in nicknamed:
            continue
        # a headline's "Yujro", the nickname the body gives: no one's surname (though it may
        # be the first name of "Chip X", a nickname before the surname)
        nickname = fold(c.text(text)) in aliased and len(core_tokens(c.text(text))) == 1
        ct = core_tokens(c.text(text))
        key = fold(c.text(text))
        if len(ct) == 1 and is_kunya(c.text(text)):
            longer = [
                (j, f)
                for j, f in with_nisba
                if (m := token_match(ct[0], core_tokens(f.text(text))[0])) and m.score >= 0.85
            ]
            if len({fold(f.text(text)) for _, f in longer}) == 1:
                j, f = longer[0]
                why = f"the kunya of '{f.text(text)}' in the same document, without its nisba"
                union(j, i, "short", why, c.start, c.end)
                continue
        if key not in owners_of:
            owners_of[key] = [
                (j, f)
                for j, f in full
                if fold(f.text(text)) != key
                and _is_short_of(ct, core_tokens(f.text(text)), c.text(text), f.text(text))
            ]
            if gen := generation(c.text(text)):
                # "X Jr." is the son "A B X Jr.", never the father "A B X Sr." named first
                own_gen = [(j, f) for j, f in owners_of[key] if generation(f.text(text)) == gen]
                # (but "A B II" is a full name of its own: the father of "C A B", not C)
                owners_of[key] = own_gen or [
                    (j, f)
                    for j, f in owners_of[key]
                    if generation(f.text(text)) is None and len(ct) == 1
                ]
        # the people already named when it comes (a brother named later is not yet the one
        # meant: "Ould X" of the leader "A Ould X Ould Y", before "his brother B Ould X")
        owners = [(j, f) for j, f in owners_of[key] if f.start < c.start] or owners_of[key]
        if len(ct) >= 2:
            # "Idiris Fiqi" begins "Idiris Fiqi Gurhan" and ends his son's "Liibaan Idiris Fiqi":
            # a chain's front is the man himself, its back may be his father
            owners = [
                (j, f) for j, f in owners if core_tokens(f.text(text))[: len(ct)] == ct
            ] or owners
        # one written exactly so wins over a spelling variant ("Sadyrov" is the father
        # "Bolot Sadyrov", not his wife "Gulnara Sadyrova"); a list's "SURNAME Given" ends
        # with his given name, not his surname
        exact = [
            (j, f)
            for j, f in owners
            if core_tokens(given_first(f.text(text)))[-len(ct) :] == ct
            # "Sadiq" of "Anwar Sadiq M.K.": initials end it
            or len(core_tokens(f.text(text))[-1]) == 1
            and [surname(f.text(text))] == ct
            # "Danladi" of "K. T. Danladi": initials open it
            or len(core_tokens(f.text(text))[0]) == 1
            and core_tokens(f.text(text))[-1:] == ct
        ]
        owners = exact or owners
        if (
            not owners
            and len(ct) == 1
            and _HONORIFIC_BEFORE.search(text, max(0, c.start - 8), c.start)
        ):
            # "Mr Barasa" after "Peter Barasa Wekesa": the middle name, as East African
            # and Filipino usage names a man, when one full name has it
            middle = {find(j): (j, f) for j, f in full if ct[0] in core_tokens(f.text(text))[1:-1]}
            if len(middle) == 1:
                j, f = next(iter(middle.values()))
                c.role = "short"
                why = f"middle name of '{f.text(text)}' in the same document, after a title"
                union(j, i, "short", why, c.start, c.end)
                continue
        if not owners and len(ct) == 1 and not is_kunya(c.text(text)):
            # "his son Tayem" after "Tayem al-Zayyat": a first name, if only one person has it
            # written the same way first; else a spelling of it (Ibrahim / Ibragim, Russian g for h)
            given = [(j, f) for j, f in full if ct[0] in given_names(f.text(text))] or [
                (j, f)
                for j, f in full
                if any(
                    (t := token_match(ct[0], g)) and t.score >= 0.85
                    for g in given_names(f.text(text))
                )
            ]
            # two spellings of one full name already joined ("Zuhair bin Kamal") are one owner
            if len({find(j) for j, _ in given}) == 1 and not any(
                core_tokens(f.text(text))[-1] == ct[0] for _, f in full
            ):
                j, f = given[0]
                c.role = "short"
                union(
                    j,
                    i,
                    "short",
                    f"first name of '{f.text(text)}' in the same document",
                    c.start,
                    c.end,
                )
            elif not given and (owner := _middle_owner(ct[0], full, find, text, c)):
                j, f = owner
                c.role = "short"
                why = f"middle name of '{f.text(text)}' in the same document, no one else's"
                union(j, i, "short", why, c.start, c.end)
            continue
        if not owners:
            continue
        if len(ct) > 1 and _named_as_kin(text, c):
            continue  # "their father, Hajji Hamid Sattar": the father's names end the son's
        if len(ct) > 1 and any(
            find(k) == find(i) for k, f in full if k != i and fold(f.text(text)) not in aliased
        ):
            # a name of two words already read as a spelling of a full name (not as the
            # bearer of a nickname of two words: "X Y, known as "Z W"", then "X Y Q")
            continue
        names = {fold(f.text(text)) for _, f in owners}
        if key not in chosen:  # one surface, one owner: as its first occurrence decides
            chosen[key] = _surname_owner(owners, cands, text, c.start, c.end)
            one_word = len(ct) == 1 and " " not in c.text(text)
            first = one_word and (
                _first_name_owner(ct[0], owners, full, cands, text, c.start)
                or _given_before_surname(ct[0], owners, full, cands, text, c.start)
            )
            if first:
                chosen[key] = first
        j, f, which = chosen[key]
        if which.startswith("first name"):
            c.role = "short"
            why = f"first name of '{f.text(text)}', {which.split(': ', 1)[1]}"
            union(j, i, "short", why, c.start, c.end)
            continue
        # (an owner ends with the short form, or else begins with it: `_is_short_of`)
        ends = (core_tokens(f.text(text)), core_tokens(given_first(f.text(text))))
        part = "surname" if any(_ends_with(ct, e) for e in ends) else "given names"
        if part == "given names" and _fathers_surname_of(ct, ends[0], f.text(text)):
            part = "father's surname (the first of two)"
        if nickname and part == "surname":
            continue
        why = f"{part} of '{f.text(text)}' in the same document"
        if len(names) > 1:
            why += f" ({which} of {len(names)} people with that surname)"
        c.role = "short"
        union(j, i, "short", why, c.start, c.end)

    roots: dict[int, int] = {}
    mentions = []
    for i, c in enumerate(cands):
        local = roots.setdefault(find(i), len(roots))
        mentions.append(Mention(c.start, c.end, c.text(text), c.kind, local, c.role, c.source))  # type: ignore[arg-type]
    out_links = [
        Link(roots[find(i)], cands[i].text(text), cands[j].text(text), typ, reason, a, b)  # type: ignore[arg-type]
        for i, j, typ, reason, a, b in links
        if typ
    ]
    return mentions, out_links


def _middle_owner(
    word: str, full: list[tuple[int, _Cand]], find: Callable[[int], int], text: str, c: _Cand
) -> tuple[int, _Cand] | None:
    """The one full name of three words or more with `word` inside it, as the Spanish
    father's surname ("X Quiroga Y" is called Quiroga), a Meitei given name after the clan
    name, or a Congolese post-name is used alone. Not in an Arab chain, whose inner names
    are fathers' (nor after a kin noun: "his father, X"), and not where the word opens or
    ends another name."""
    if _after_kin(text, c.start):
        return None
    inner = {}
    for j, f in full:
        core = core_tokens(f.text(text))
        if core and word in (core[0], core[-1]):
            return None
        if len(core) >= 3 and word in core[1:-1] and not _ARAB_CHAIN.search(f.text(text)):
            inner[find(j)] = (j, f)
    return next(iter(inner.values())) if len(inner) == 1 else None


# the particles of an Arab name's chain of fathers or its family's article
_ARAB_CHAIN = re.compile(r"(?i)(?:^|[\s\-])(?:[ae][lnrsdtz]-|bin|ibn|ben|ould|bint|abu|abou)\b")


def _kin_of(cands: list[_Cand], text: str, i: int, j: int) -> bool:
    """'Khalid Hamid Sattar' and, after "their father, Hajji", 'Hamid Sattar': the father's
    names end the son's (an Arabic chain of names); the shorter name, without the longer's
    first name and after a kin noun, is the relative."""
    ti, tj = core_tokens(cands[i].text(text)), core_tokens(cands[j].text(text))
    if len(ti) == len(tj):
        return False
    k, short, long_ = (i, ti, tj) if len(ti) < len(tj) else (j, tj, ti)
    return short[0] != long_[0] and _named_as_kin(text, cands[k])


def _named_as_kin(text: str, c: _Cand) -> bool:
    """'his father, Hajji X' or 'X, the commander's father,': named as someone's relative."""
    return _after_kin(text, c.start) or _KIN_APPOSED.match(text, c.end) is not None


_KIN_APPOSED = re.compile(
    r",\s+(?:his|her|their|the\s+[\w\-]+['’]s?|[A-Z][\w\-]+['’]s)\s+"
    r"(?:(?:younger|elder|older|eldest|youngest|late)\s+)?"
    r"(?:father|mother|brother|sister|son|daughter|uncle|cousin|nephew|wife|husband)\b"
)


_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?[ \t]+\Z")


# an age or a role in apposition after a name: "X, 38,", "X (38)"; "X, the main defendant,"
_AGE_APPOSED = re.compile(r"(?:,[ \t]*|[ \t]*\()(\d{1,3})(?=[,)])")
# Nordic and German court reporting calls a defendant by his age: "the 27-year-old"
_AGED_SUBJECT = re.compile(r"\b[Tt]he\s+(\d{1,3})-year-old\s+(?:[a-z]+\s+){0,2}$")


def _the_one_aged(cands: list[_Cand], text: str, age: str) -> _Cand | None:
    """The person the document names with `age` after the name ("K.J.R., 27"), if one only."""
    aged = [
        c
        for c in cands
        if c.kind == "person" and (a := _AGE_APPOSED.match(text, c.end)) and a.group(1) == age
    ]
    return aged[0] if len({fold(c.text(text)) for c in aged}) == 1 else None


_ROLE_APPOSED = re.compile(r",[ \t]+(the[ \t]+[a-z][a-z\-]+(?:[ \t]+[a-z][a-z\-]+){1,3})[,.;]")


def _surname_owner(
    owners: list[tuple[int, _Cand]], cands: list[_Cand], text: str, pos: int, end: int
) -> tuple[int, _Cand, str]:
    """Which of the people who share a surname a lone surname at `pos` is, and why.
    Relatives share a surname; the lone surname is the one introduced first, the story's
    subject (the others are named by first name: "his son Firas"), unless several were
    introduced in their own right, not as someone's kin: then the one named last before it
    in its paragraph ("… the cell's leader as X Y. Y is not related to …"). An age after
    the lone surname ("X, 38,") rules out a brother whose full name had another."""
    if (age := _AGE_APPOSED.match(text, end)) is not None:
        ages = {k: a.group(1) for k, g in owners if (a := _AGE_APPOSED.match(text, g.end))}
        fit = [(k, g) for k, g in owners if ages.get(k, age.group(1)) == age.group(1)]
        if fit and len(fit) < len(owners):
            if len(fit) == 1 or any(k in ages for k, _ in fit):
                k, g = next(((k, g) for k, g in fit if k in ages), fit[0])
                return k, g, "the one whose age it gives"
            owners = fit
    # "X, the main defendant," after "The main defendant, Y X" and "Z X": the role says which
    if role := _ROLE_APPOSED.match(text, end):
        phrase = re.escape(role.group(1)).replace(r"\ ", r"\s+")
        before = re.compile(rf"(?i)\b{phrase},?\s+\Z")
        after = re.compile(rf"(?i),\s+{phrase}\b")
        fit = [
            (k, g)
            for k, g in owners
            if before.search(text, max(0, g.start - 80), g.start) or after.match(text, g.end)
        ]
        if len(fit) == 1:
            return fit[0][0], fit[0][1], f"the one the text calls {role.group(1)}"
    j, f = owners[0]
    own = [
        (k, g)
        for k, g in owners
        if not _KIN_NOUN_BEFORE.search(text, max(0, g.start - 80), g.start)
        and not _KIN_NOUN_AFTER.match(text, g.end)
    ]
    if len(own) > 1:
        para = _para_start(cands, text, pos)
        last = {k: _last_named(cands, text, g, para, pos) for k, g in own}
        k, g = max(own, key=lambda kg: last[kg[0]])
        if (k, g) != (j, f) and last[k] >= 0:
            return k, g, "the last named before it"
    return j, f, "the first introduced"


def _first_name_owner(
    lone: str,
    owners: list[tuple[int, _Cand]],
    full: list[tuple[int, _Cand]],
    cands: list[_Cand],
    text: str,
    pos: int,
) -> tuple[int, _Cand, str] | None:
    """A lone word that ends one person's name and begins another's ("Harun" of "Azlan
    Harun", a son named with his father's name, and of "Harun Ismail"): the first name of the
    one named in full in its paragraph, when none of the others is."""
    given = [(j, f) for j, f in full if lone in given_names(f.text(text))]
    para = _para_start(cands, text, pos)
    here = [(j, f) for j, f in given if _last_named(cands, text, f, para, pos) >= 0]
    if len(here) != 1 or any(_last_named(cands, text, g, para, pos) >= 0 for _, g in owners):
        return None
    return here[0][0], here[0][1], "first name: named last before it in its paragraph"


def _given_before_surname(
    lone: str,
    owners: list[tuple[int, _Cand]],
    full: list[tuple[int, _Cand]],
    cands: list[_Cand],
    text: str,
    pos: int,
) -> tuple[int, _Cand, str] | None:
    """'Juma' after 'Juma Ali Mwakilema' is named, and before 'Sheikh Khamis Juma' is: the
    first name of the one man named before it, when everyone whose surname it is comes only
    later in the text (no one is called by a name the reader has not met)."""

    if any(_last_named(cands, text, g, 0, pos) >= 0 for _, g in owners):
        return None  # (named anywhere before it)
    given = {
        j: (j, f)
        for j, f in full
        if lone in given_names(f.text(text)) and _last_named(cands, text, f, 0, pos) >= 0
    }
    if len(given) != 1:
        return None
    j, f = next(iter(given.values()))
    return j, f, "first name: its surname's owners are named only after it"


def _para_start(cands: list[_Cand], text: str, pos: int) -> int:
    """Where the paragraph of `pos` starts: its line's start, unless a name runs across that
    line break ("arrested Sani¶Musa, 23,"): then the break is a hard wrap, not a new
    paragraph."""
    start = text.rfind("\n", 0, pos) + 1
    while start and (cut := next((c for c in cands if c.start < start < c.end), None)):
        start = text.rfind("\n", 0, cut.start) + 1
    return start


def _last_named(cands: list[_Cand], text: str, name: _Cand, start: int, end: int) -> int:
    """Where `name` (as written) occurs last between `start` and `end`; -1 if it does not."""
    key = fold(name.text(text))
    return max(
        (o.start for o in cands if start <= o.start < end and fold(o.text(text)) == key),
        default=-1,
    )


# a relative introduced as such ("his sons Timur and Aslan X", "her brother, Y X")
_KIN_NOUN_BEFORE = re.compile(
    r"\b(?:father|grandfather|uncle|sons?|brothers?|cousins?|nephews?|mother|wife|sisters?|"
    r"daughters?|relatives?)\b(?:,?\s+(?:and\s+)?[A-Z][\w'’.\-]*){0,4},?\s*\Z"
)
# "Yazid X, the son of the lorry driver,": introduced as someone's kin, after the name
_KIN_NOUN_AFTER = re.compile(
    r",\s+(?:the|his|her|their)\s+(?:(?:younger|elder|older|eldest|youngest|twin)\s+)?"
    r"(?:father|grandfather|uncle|son|brother|cousin|nephew|mother|wife|sister|daughter)\b"
)


def _after_kin(text: str, pos: int) -> bool:
    return _KIN_BEFORE.search(text, max(0, pos - 40), pos) is not None


# a kin noun right before a name, titles allowed between: "his father, Hajji …"
_KIN_BEFORE = re.compile(
    r"\b(?:father|grandfather|uncle|son|brother|cousin|nephew|mother|wife|sister|daughter)"
    r",?\s+(?:[A-Z][a-z]+\.?\s+)?$"
)


def _norm_key(surface: str, kind: str) -> str:
    if kind == "place":
        return places.key(places.place_name(surface) or surface)
    if kind == "person":
        core = " ".join(core_tokens(surface)) or fold(surface)
        if gen := generation(surface):
            core += f" {gen}"  # "X Y Sr." and "X Y Jr.": a father and his son
        opener = kunya_opener(surface)  # "Abu Firas" is not "Firas", nor "Umm Firas"
        return f"{opener} {core}" if opener else core
    return places.key(surface)


_OPEN_QUOTE = re.compile(r"[\"“‘'«][ \t]?$")
_CLOSE_QUOTE = re.compile(r"[ \t]?[\"”’'»]")


def _is_alias_form(c: _Cand, text: str, name_parts: frozenset[str] = frozenset()) -> bool:
    """Kunyas and quoted names read as aliases rather than given names."""
    s = c.text(text)
    # (a name in quotes, not one opening a quoted passage: '"X Y dit « Z »,' is no alias)
    quoted = bool(
        _OPEN_QUOTE.search(text, max(0, c.start - 2), c.start) and _CLOSE_QUOTE.match(text, c.end)
    )
    # one word is a nickname, unless it is part of a full name in the document ("Dilan" of
    # "Dilan Aksoy", then "Dilan … was known as Baran Amed")
    return is_kunya(s) or quoted or len(tokens(s)) == 1 and fold(s) not in name_parts


def _back_of_a_chain(cands: list[_Cand], text: str, reps: list[int], i: int, j: int) -> bool:
    """Name i ends name j ("Idiris Fiqi" of the son "Liibaan Idiris Fiqi") and begins another
    ("Idiris Fiqi Gurhan"): a chain's front is the man himself, its back his father's name."""
    short, long_ = core_tokens(cands[i].text(text)), core_tokens(cands[j].text(text))
    if len(short) < 2 or len(long_) <= len(short) or long_[-len(short) :] != short:
        return False
    return any(
        len(other := core_tokens(cands[k].text(text))) > len(short) and other[: len(short)] == short
        for k in reps
        if k not in (i, j) and cands[k].kind == "person"
    )


def _owner_of_two(
    cands: list[_Cand], text: str, i: int, j: int, matches: dict[int, list[tuple[int, Match]]]
) -> bool:
    """Name i matches name j and another name that is not j's: "Hassan Abu Tarfa" fits
    the father "Hassan Barakat Abu Tarfa" and the son "Younis Hassan Abu Tarfa" (whose
    father's name is Hassan). Linking both would make one man of two; i goes only to a
    name with its own first word, and if j is not such a name, i is not j's."""
    others = [k for k, _ in matches[i] if k != j]
    name_i, name_j = cands[i].text(text), cands[j].text(text)
    rivals = [k for k in others if person_names_match(name_j, cands[k].text(text)) is None]
    if not rivals:
        return False
    first = core_tokens(name_i)[:1]

    def same_first(k: int) -> bool:
        other = core_tokens(cands[k].text(text))[:1]
        return bool(first and other) and token_match(first[0], other[0]) is not None

    return not same_first(j) or all(same_first(k) for k in rivals)


_ABOU = {"abou": "abu", "abo": "abu"}


def _is_short_of(short: list[str], full: list[str], short_s: str, full_s: str) -> bool:
    """'Nazarov' of 'Rustam Nazarov'; 'Aziz Nazarov' of 'Rustam Aziz Nazarov'."""
    if is_kunya(short_s):
        # "Abu Tarfa" of "Hassan Barakat Abu Tarfa": a family name, not a kunya, when a
        # full name ends with it
        st = [_ABOU.get(t, t) for t in tokens(short_s)]
        ft = [_ABOU.get(t, t) for t in tokens(full_s)]
        return (
            len(st) == 2
            and len(ft) > len(st)
            and not is_kunya(full_s)
            and ft[-2] == st[0]
            and (m := token_match(st[1], ft[-1])) is not None
            and m.score >= 0.85
        )
    if not short or len(short) >= len(full):
        return False
    if len(short) == 2 and (link := NASAB_LINKS.get(short[0])):
        # "Ould X" of "A B Ould X Ould Y": a Hassaniya (or Arabic) chain of "son of"s, whose
        # every link may stand for the man, not only its last
        return any(
            NASAB_LINKS.get(full[i]) == link and _words_agree(short[1:], full[i + 1 : i + 2])
            for i in range(1, len(full) - 1)
        )
    called = surname(full_s)
    if tokens(short_s)[0] in KUNYA or called is None:
        return False
    if len(short) == 1 and len(full[-1]) == 1 and called != full[-1]:
        # "Sadiq" of "Anwar Sadiq M.K.": the name before the initials at the end
        return _words_agree(short, [called])
    if _ends_with(short, full) or _given_names_of(short, full):
        return True
    if _fathers_surname_of(short, full, full_s):
        return True
    # a register's "Qambarov Fuad Elshan oglu" ends, in prose order, with its surname
    prose = core_tokens(given_first(full_s))
    return prose != full and _ends_with(short, prose)


def _fathers_surname_of(short: list[str], full: list[str], full_s: str) -> bool:
    """'Tibaquira' of 'Wbeimar Alirio Tibaquira Ruedas': Spanish usage calls a man by his
    father's surname, the first of the two that end his name."""
    return len(short) == 1 and spanish_style(full_s) and _words_agree(short, full[2:3])


def _ends_with(short: list[str], full: list[str]) -> bool:
    """'al-Ahmed' of 'Mohammad Saeed al-Ahmad': spelled differently within one article
    (but not by a Russian ending: 'Rasul' of 'Rasulov' is another man's given name)."""
    end = full[-len(short) :]
    return _words_agree(short, end) and not any(
        f.startswith(s) and f[len(s) :] in ("ov", "ev", "ova", "eva")
        for s, f in zip(short, end, strict=True)
    )


def _given_names_of(short: list[str], full: list[str]) -> bool:
    """'Habibur Rahman' of 'Habibur Rahman Safi': the given names without the family name,
    two words at least, in one article (a shorter chain at the front is the same man; at
    the back it may be his father)."""
    return len(short) >= 2 and _words_agree(short, full[: len(short)])


def _words_agree(short: list[str], part: list[str]) -> bool:
    """Each word of `short` a spelling of the word of `part` in its place."""
    return all(
        (m := token_match(s, f)) is not None and m.score >= 0.85
        for s, f in zip(short, part, strict=False)
    )


CONTEXT_TOKENS = 10  # words either side of a date that say what happened then
_SUFFIX = re.compile(r"(?:ings?|ions?|ers?|ed|s)$")


def _stem(lemma: str) -> str:
    """'bombing' and 'bomb' alike; the lemmatizer keeps nouns in -ing whole."""
    stem = _SUFFIX.sub("", lemma)
    return stem if len(stem) >= 3 else lemma


def _date_contexts(
    sdoc: Doc, dates: list, bounds: list[tuple[int, int]]
) -> dict[int, tuple[int, int, list[str]]]:
    """Content lemmas near each date, within its sentence: the clause, not the whole sentence
    ("detained X in connection with the bombing earlier this month" dates the bombing)."""
    out: dict[int, tuple[int, int, list[str]]] = {}
    for d in dates:
        span = sdoc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            continue
        sent_start, sent_end = bounds[span.start]
        lo = max(sent_start, span.start - CONTEXT_TOKENS)
        hi = min(sent_end, span.end + CONTEXT_TOKENS)
        window = sdoc[lo:hi]
        lemmas = []
        for tok in window:
            if tok.is_stop or tok.pos_ not in ("NOUN", "VERB") or len(tok.lemma_) < 3:
                continue
            if tok.i in range(span.start, span.end):
                continue
            lemma = _stem(tok.lemma_.lower())
            if lemma not in lemmas:
                lemmas.append(lemma)
        out[d.start] = (window.start_char, window.end_char, lemmas)
    return out
