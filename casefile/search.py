"""Fuzzy lookup over a loaded case: names, aliases, spellings, events, claims, sentences.

Runs on the `casefile lookup` path, so it imports only the standard library and rapidfuzz.

How a query is scored. Labels and the query are folded (NFKD, combining marks and
zero-width characters removed, casefolded) and split into words. Each query word is
compared with the index's vocabulary of distinct label words, once per query:

- the same word scores 100; a prefix of a word (query word of 2+ characters) 95-99;
- otherwise `fuzz.ratio` (capped at 94, so exact and prefix matches always rank higher),
  raised to 85 when both words share a transliteration skeleton (Nazarov/Nazarow,
  Karim/Kerim, Sidorov/Sidorow: vowels dropped, w=v, q=k, ...).

A label's score is the mean over query words of the best word score, scaled a little by
how much of a short label the query covers, then by the label's weight (names 1.0, event
and claim text 0.9, document sentences 0.8). Labels under `CUTOFF` are not returned, and
hits are grouped so one entity (or event, claim) appears once, under its best label.
"""

from __future__ import annotations

import gc
import heapq
import math
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import repeat
from operator import mul
from typing import Any

from rapidfuzz import fuzz, process

CUTOFF = 60.0  # below this a hit is noise
WORD_CUTOFF = 70.0  # a query word and a label word "match" from here on
ENTITY_KINDS = frozenset({"person", "organization", "place"})
KINDS = ENTITY_KINDS | {"event", "claim", "sentence"}
_KIND_ORDER = {"person": 0, "organization": 0, "place": 0, "event": 1, "claim": 2, "sentence": 3}

_WEIGHT_NAME = 1.0
_WEIGHT_SURFACE = 0.98  # a spelling seen in a mention, not a listed name or alias
_WEIGHT_TEXT = 0.9  # event summaries and dates, claim values
_WEIGHT_SENTENCE = 0.8
_SKELETON_SCORE = 85.0
_FUZZY_CAP = 94.0
_MAX_EXPANSIONS = 500  # vocabulary words one query word may expand to
_FIRST_WALK = 64  # entries per index a search first ranks (more when they do not suffice)

# Word characters, plus marks and zero-width characters that sit inside words.
_WORD_CHARS = (
    r"\w\u00ad\u200b-\u200d\u2060\ufeff\u0300-\u036f\u0483-\u0489\u0591-\u05c7"
    r"\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0dff\u1ab0-\u1aff"
    r"\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)
_WORD = re.compile(f"[{_WORD_CHARS}]+")
_ZERO_WIDTH = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

# Sentence ends: terminal punctuation (with closing quotes/brackets) before a space or the
# end of the text, or a line break.
_SENT_END = re.compile(r"[.!?]+[\"'\u2019\u201d\u00bb)\]]*(?=\s|\Z)|\n")
_NOT_END_AFTER = frozenset(
    "mr mrs ms dr gen lt col sgt capt maj cpl adm brig st jr sr prof rev gov sen rep no vs".split()
)
_SENTENCE_CAP = 300


@dataclass
class Hit:
    kind: str  # "person" | "organization" | "place" | "event" | "claim" | "sentence"
    id: str  # entity / event / claim id; for sentences "<doc id>:<start>"
    label: str  # what matched: a name, alias, spelling, event summary, claim value...
    score: float  # 0..100
    matched: list[tuple[int, int]]  # ranges in `label` that the query matched
    spans: list[dict]  # SPANs (FORMAT.md) of where this fact comes from
    entity: str | None = None  # owning entity id for names/aliases/mentions
    also: list[str] = field(default_factory=list)  # the group's other matching labels


# --- normalisation ---------------------------------------------------------------------


@cache
def _strip_tables() -> tuple[re.Pattern[str], dict[int, None]]:
    """Combining marks and zero-width characters to drop (built once, ~10 ms).

    BMP characters go in a regex class (fast: a bitmap); the few astral ones in a
    translate table, since a class holding them makes `re` test them one by one.
    """
    marks = [chr(i) for i in range(0x300, 0x20000) if unicodedata.combining(chr(i))]
    bmp = "".join(m for m in marks if m <= "\uffff") + _ZERO_WIDTH
    astral = {ord(m): None for m in marks if m > "\uffff"}
    return re.compile("[" + re.escape(bmp) + "]"), astral


def fold(s: str) -> str:
    """Casefolded, accents folded, zero-width characters removed."""
    if s.isascii():  # most names: skip the costly part
        return s.lower()
    bmp, astral = _strip_tables()
    s = bmp.sub("", unicodedata.normalize("NFKD", s))
    if max(s, default="") > "\uffff":
        s = s.translate(astral)
    return s.casefold()


@lru_cache(maxsize=1 << 18)
def fold_name(s: str) -> str:
    """`fold` for short strings that repeat (names, mention surfaces)."""
    return fold(s)


def words(s: str) -> list[str]:
    """The folded words of `s`."""
    return _WORD.findall(fold(s))


_SKELETON_RULES = [
    (re.compile(p), r)
    for p, r in (
        (r"[^a-z]", ""),
        (r"tch", "ch"),
        (r"sch", "sh"),
        (r"ph", "f"),
        (r"([kgdt])h", r"\1"),
        (r"c(?!h)|q", "k"),
        (r"x", "ks"),
        (r"w", "v"),
        (r"^[aeiouy]+", "a"),
        (r"(?<=.)[aeiouy]+", ""),
        (r"(.)\1+", r"\1"),
    )
]


@cache
def skeleton(word: str) -> str:
    """A transliteration-tolerant key: 'nazarov' and 'nazarow' both give 'nzrv'."""
    if not word.isascii():
        return ""
    for pattern, repl in _SKELETON_RULES:
        word = pattern.sub(repl, word)
    return word


# --- sentences -------------------------------------------------------------------------


def _is_sentence_end(text: str, m: re.Match[str]) -> bool:
    """False for the period of an initial or a title ('M. Karim', 'Gen. Orlov')."""
    if m.group() == "\n" or m.group()[0] != ".":
        return True
    i = m.start()
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    before = text[j:i]
    if len(before) == 1 and before.isupper():
        return False
    return before.casefold() not in _NOT_END_AFTER


def _ends(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """Sentence ends lying entirely inside text[lo:hi] (look-ahead sees the real text)."""
    for m in _SENT_END.finditer(text, lo, min(len(text), hi + 1)):
        if m.end() > hi:
            return
        if _is_sentence_end(text, m):
            yield m


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence holding text[start:end], at most ~300 characters either side.

    The result always contains [start, end); surrounding whitespace is trimmed.
    """
    lo = max(0, start - _SENTENCE_CAP)
    s = lo
    for m in _ends(text, lo, start):
        s = m.end()
    if s == lo and lo > 0:  # capped: do not start mid-word
        space = text.find(" ", lo, start)
        s = space + 1 if space >= 0 else lo
    hi = min(len(text), end + _SENTENCE_CAP)
    e = hi
    for m in _ends(text, end, hi):
        e = m.end() if m.group() != "\n" else m.start()
        break
    else:
        if hi < len(text):
            space = text.rfind(" ", end, hi)
            e = space if space >= 0 else hi
    while s < start and text[s].isspace():
        s += 1
    while e > end and text[e - 1].isspace():
        e -= 1
    return s, e


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank sentence of `text`."""
    s = 0
    for m in _ends(text, 0, len(text)):
        e = m.end() if m.group() != "\n" else m.start()
        yield from _trimmed(text, s, e)
        s = m.end()
    yield from _trimmed(text, s, len(text))


def _trimmed(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        yield s, e


# --- the word index --------------------------------------------------------------------


@dataclass(slots=True)
class _Entry:
    kind: str
    id: str
    label: str
    spans: list[dict]
    entity: str | None
    weight: float
    nwords: int
    short: bool  # a name: scale by coverage; long text (summaries, sentences) is not
    docs: frozenset[str] | None  # None: an entity's, worked out when a search needs it


class _WordIndex:
    """Entries by the folded words of their labels, and the vocabulary of those words."""

    def __init__(self, grouped: bool = True) -> None:
        self.entries: list[_Entry] = []
        self.postings: dict[str, list[int]] = {}
        self.vocab: list[str] = []
        self.skeletons: dict[str, list[str]] = {}
        # the entries of each entity/event/claim (None: one entry each, as sentences are)
        self.members: dict[tuple[str, str], list[int]] | None = {} if grouped else None

    def add(self, entry: _Entry, label_words: Iterable[str]) -> None:
        idx = len(self.entries)
        self.entries.append(entry)
        if self.members is not None:
            self.members.setdefault((entry.kind, entry.id), []).append(idx)
        postings = self.postings
        for w in label_words:
            ids = postings.get(w)
            if ids is None:
                postings[w] = [idx]
            elif ids[-1] != idx:  # a word repeated in one label
                ids.append(idx)

    def finish(self) -> None:
        self.vocab = sorted(self.postings)
        for w in self.vocab:
            sk = skeleton(w)
            if len(sk) >= 3:
                self.skeletons.setdefault(sk, []).append(w)
        self.order = tie_order(self.entries)
        self.single_cover, self.weights = single_factors(self.entries)
        self.set_bounds()

    def set_bounds(self) -> None:
        """The largest weight, and the one weight of an index of sentences (else None)."""
        self.max_weight = max(self.weights, default=0.0)
        same = len(set(self.weights)) == 1 and all(c == 1.0 for c in self.single_cover)
        self.uniform = self.weights[0] if same else None

    def bound(self, sims_of: list[dict[str, float]], qwords: list[str]) -> float:
        """No entry scores more than this for a query whose words matched `sims_of`."""
        best = [max(sims.values(), default=0.0) for sims in sims_of]
        for i in _letters(qwords):
            best[i] = 100.0
        return self.max_weight * sum(best) / max(len(best), 1)

    # Per entry, what a one-word query's word score is multiplied by (see `score`): the
    # coverage factor of a name, then the entry's weight.
    single_cover: list[float] | None
    weights: list[float] | None
    max_weight: float
    uniform: float | None

    # Among equal scores an entity comes first, then an event, a claim, a sentence, each
    # kind by its label: `order[idx]` is an entry's place in that order, across indexes.
    order: list[int]

    def similar(self, q: str) -> dict[str, float]:
        """Vocabulary words that match query word `q`, with their word score."""
        sims: dict[str, float] = {}
        if len(q) >= 3:
            for w, score, _ in process.extract(
                q,
                self.vocab,
                scorer=fuzz.ratio,
                score_cutoff=WORD_CUTOFF,
                limit=_MAX_EXPANSIONS,
            ):
                sims[w] = min(score, _FUZZY_CAP)
            sk = skeleton(q)
            if len(sk) >= 3:
                for w in self.skeletons.get(sk, ()):
                    sims[w] = max(sims.get(w, 0.0), _SKELETON_SCORE)
        if len(q) >= 2:
            i = bisect_left(self.vocab, q)
            for w in self.vocab[i : i + _MAX_EXPANSIONS]:
                if not w.startswith(q):
                    break
                sims[w] = 95.0 + 4.0 * len(q) / len(w)
        if q in self.postings:
            sims[q] = 100.0
        return sims

    def score(
        self, qwords: list[str], sims_of: list[dict[str, float]] | None = None
    ) -> tuple[dict[int, float], set[str]]:
        """Score of every entry that can reach CUTOFF, and all the words that matched.

        An entry's score is at most the mean of its word scores, so it must match at least
        `need` of the query's words to reach CUTOFF; it then matches one of the
        `n - need + 1` query words with the fewest postings. Only those open a row: a common
        word ("at", "the") is checked against the rows, never grouped over the whole case.
        """
        n = len(qwords)
        if sims_of is None:
            sims_of = [self.similar(q) for q in qwords]
        matched: set[str] = set().union(*sims_of)
        if n == 1:  # the common case while typing: no rows, the best word score per entry
            acc: dict[int, float] = {}
            for w, s in sorted(sims_of[0].items(), key=lambda ws: ws[1]):
                acc.update(dict.fromkeys(self.postings[w], s))  # a higher score overwrites
            if self.uniform is not None:  # one weight, no names (sentences): scale in C
                scaled = map(mul, acc.values(), repeat(self.uniform))
                return dict(zip(acc, scaled, strict=True)), matched
            if self.single_cover is None:  # factors made per matched entry (a lookup)
                ents = self.entries
                return {
                    idx: s * _cover(ents[idx]) * ents[idx].weight for idx, s in acc.items()
                }, matched
            cover, weight = self.single_cover, self.weights
            return {idx: s * cover[idx] * weight[idx] for idx, s in acc.items()}, matched
        need = max(1, math.ceil(CUTOFF * n / 100.0 - 1e-9))
        letters = _letters(qwords)
        volume = [sum(len(self.postings[w]) for w in sims) for sims in sims_of]
        for i in letters:  # a letter is checked against rows the other words open
            volume[i] = math.inf
        rarest = sorted(range(n), key=volume.__getitem__)
        opening = set(rarest[: n - need + 1])
        best: dict[int, list[float]] = {}
        for i in rarest:
            opens = i in opening
            for w, s in sims_of[i].items():
                for idx in self.postings[w]:
                    row = best.get(idx)
                    if row is None:
                        if not opens:
                            continue
                        row = best[idx] = [0.0] * n
                    if s > row[i]:
                        row[i] = s
        scores: dict[int, float] = {}
        for idx, row in best.items():
            entry = self.entries[idx]
            for i in letters:
                if row[i] < 100.0:
                    row[i] = _letter_score(qwords[i], entry.label, matched)
            score = sum(row) / n
            if entry.short:
                covered = sum(1 for s in row if s) / max(entry.nwords, 1)
                score *= 0.95 + 0.05 * min(covered, 1.0)
            scores[idx] = score * entry.weight
        return scores, matched


def _letters(qwords: list[str]) -> list[int]:
    """Positions of one-letter words that count as the start of a word: "jonu p" is typed
    on the way to "jonu petrov". A query of letters alone matches them as words only (a
    letter's prefixes are a good part of the vocabulary)."""
    if len(qwords) < 2 or all(len(q) == 1 for q in qwords):
        return []
    return [i for i, q in enumerate(qwords) if len(q) == 1]


def _letter_score(letter: str, label: str, matched: set[str]) -> float:
    """A prefix score for `letter` against the label's best word starting with it (0 if
    none does); the word joins `matched` so it is highlighted."""
    starting = [w for w in words(label) if w.startswith(letter)]
    if not starting:
        return 0.0
    w = min(starting, key=len)
    matched.add(w)
    return 100.0 if w == letter else 95.0 + 4.0 / len(w)


def single_factors(entries: Iterable[_Entry]) -> tuple[list[float], list[float]]:
    """`score`'s two factors for entries that one query word matched: the coverage factor
    (names only) and the weight."""
    cover, weight = [], []
    for e in entries:
        cover.append(_cover(e))
        weight.append(e.weight)
    return cover, weight


def _cover(e: _Entry) -> float:
    return 0.95 + 0.05 * min(1 / max(e.nwords, 1), 1.0) if e.short else 1.0


def tie_order(entries: list[_Entry]) -> list[int]:
    """Each entry's place among equal scores: by kind (entities, events, claims, sentences),
    then label; sentences after every fact of any index."""
    ranked = sorted(
        range(len(entries)),
        key=lambda i: (_KIND_ORDER.get(entries[i].kind, 9), entries[i].label.casefold()),
    )
    order = [0] * len(entries)
    for place, i in enumerate(ranked):
        order[i] = place + _KIND_ORDER.get(entries[i].kind, 9) * _KIND_BAND
    return order


_KIND_BAND = 1 << 40  # an index holds fewer entries than this


def matched_ranges(label: str, matched_words: set[str]) -> list[tuple[int, int]]:
    """Ranges of the words of `label` (as given, unfolded) whose folded form matched."""
    ranges = []
    for m in _WORD.finditer(label):
        if any(w in matched_words for w in _WORD.findall(fold(m.group()))):
            ranges.append((m.start(), m.end()))
    return ranges


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause cyclic GC while building, then freeze what exists.

    The index is many small long-lived containers: GC passes over them (and over the
    loaded case) would double the build time, and the first pass after re-enabling would
    land on a search. Freezing moves everything alive into the permanent generation,
    which is what these objects are for a lookup process.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


# --- what is indexed: the labels of a case's records -----------------------------------
# Shared by `SearchIndex` and the case file's lookup index (`casefile.lookup_index`), which
# stores these labels so a lookup need not read the records themselves.


def entry_words(entry: _Entry) -> list[str]:
    """The folded words of an entry's label."""
    return _WORD.findall(fold_name(entry.label) if entry.short else fold(entry.label))


def entity_entries(ent: dict[str, Any]) -> Iterator[_Entry]:
    """The entity's name, each alias, then each other spelling seen in its mentions."""
    kind, eid = ent.get("kind", "person"), ent["id"]
    mentions = ent.get("mentions", [])
    by_surface: dict[str, list[dict]] = {}
    for span in mentions:
        by_surface.setdefault(fold_name(span["text"]), []).append(span)

    def entry(label: str, spans: list[dict], weight: float) -> _Entry:
        return _Entry(kind, eid, label, spans, eid, weight, 0, True, None)

    name = ent.get("name", "")
    seen = {fold_name(name)}
    yield entry(name, by_surface.get(fold_name(name)) or mentions, _WEIGHT_NAME)
    for alias in ent.get("aliases", []):
        key = fold_name(alias["name"])
        if key in seen:
            continue
        seen.add(key)
        yield entry(alias["name"], alias.get("sources") or by_surface.get(key, []), _WEIGHT_NAME)
    for key, spans in by_surface.items():
        if key not in seen:
            seen.add(key)
            yield entry(spans[0]["text"], spans, _WEIGHT_SURFACE)


def event_entries(ev: dict[str, Any]) -> Iterator[_Entry]:
    """An event's summary, date as written and normalised date."""
    sources = ev.get("sources", [])
    docs = frozenset(s["doc"] for s in sources)
    labels = [ev.get("summary"), ev.get("date_text"), ev.get("date")]
    for label in dict.fromkeys(x for x in labels if x):
        yield _Entry("event", ev["id"], label, sources, None, _WEIGHT_TEXT, 0, False, docs)


def claim_entries(cl: dict[str, Any]) -> Iterator[_Entry]:
    """A claim's 'what value' ('killed at least 91')."""
    sources = cl.get("sources", [])
    docs = frozenset(s["doc"] for s in sources)
    label = " ".join(str(x) for x in (cl.get("what"), cl.get("value")) if x)
    yield _Entry("claim", cl["id"], label, sources, None, _WEIGHT_TEXT, 0, False, docs)


# --- the search index ------------------------------------------------------------------


class SearchIndex:
    """Built once per loaded case; `search` is then cheap.

    Sentences of the documents are indexed lazily, on the first search that wants them,
    so building the index costs only the names, events and claims.
    """

    def __init__(self, case: dict[str, Any], *, sentences: bool = True) -> None:
        self.case = case
        self.documents = {d["id"]: d for d in case.get("documents", [])}
        self._sentences_wanted = sentences
        self._sentences: _WordIndex | None = None
        self._facts = _WordIndex()
        self._entities: dict[str, dict[str, Any]] = {}
        self._entity_docs: dict[str, frozenset[str]] = {}
        with _gc_paused():
            for ent in case.get("entities", []):
                self._add_entity(ent)
            for ev in case.get("events", []):
                self._add_event(ev)
            for cl in case.get("claims", []):
                self._add_claim(cl)
            self._facts.finish()

    # building

    def _add(self, index: _WordIndex, entry: _Entry) -> None:
        label_words = entry_words(entry)
        if label_words:
            entry.nwords = len(label_words)
            index.add(entry, label_words)

    def _add_entity(self, ent: dict[str, Any]) -> None:
        self._entities[ent["id"]] = ent
        for entry in entity_entries(ent):
            self._add(self._facts, entry)

    def _add_event(self, ev: dict[str, Any]) -> None:
        for entry in event_entries(ev):
            self._add(self._facts, entry)

    def _add_claim(self, cl: dict[str, Any]) -> None:
        for entry in claim_entries(cl):
            self._add(self._facts, entry)

    def _docs_of(self, entry: _Entry) -> frozenset[str]:
        if entry.docs is not None:
            return entry.docs
        eid = entry.entity or entry.id
        docs = self._entity_docs.get(eid)
        if docs is None:
            ent = self._entities.get(eid, {})
            docs = frozenset(
                [s["doc"] for s in ent.get("mentions", [])]
                + [s["doc"] for a in ent.get("aliases", []) for s in a.get("sources", [])]
            )
            self._entity_docs[eid] = docs
        return docs

    def _sentence_index(self) -> _WordIndex:
        if self._sentences is None:
            index = _WordIndex(grouped=False)
            with _gc_paused():
                self._index_sentences(index)
            self._sentences = index
        return self._sentences

    def _index_sentences(self, index: _WordIndex) -> None:
        for doc_id, doc in self.documents.items():
            text = doc.get("text") or ""
            docs = frozenset((doc_id,))
            for s, e in split_sentences(text):
                span = {"doc": doc_id, "start": s, "end": e, "text": text[s:e]}
                entry = _Entry(
                    "sentence",
                    f"{doc_id}:{s}",
                    span["text"],
                    [span],
                    None,
                    _WEIGHT_SENTENCE,
                    0,
                    False,
                    docs,
                )
                self._add(index, entry)
        index.finish()

    # searching

    def search(
        self,
        query: str,
        limit: int = 10,
        kinds: set[str] | None = None,
        doc: str | None = None,
    ) -> list[Hit]:
        """Best hits for `query`, at most one per entity/event/claim/sentence, best first.

        `kinds` keeps only those hit kinds ("entity" stands for the three entity kinds);
        `doc` (a document id or file name) keeps only facts found in that document.
        """
        qwords = words(query)
        if not qwords or limit <= 0:
            return []
        kinds = wanted_kinds(kinds)
        doc_id = None
        if doc is not None:  # a file name or an id (names are read only when asked)
            by_name = {d.get("name"): d["id"] for d in self.documents.values()}
            doc_id = by_name.get(doc, doc)
        indexes = [] if kinds is not None and kinds <= {"sentence"} else [self._facts]
        if self._sentences_wanted and (kinds is None or "sentence" in kinds):
            indexes.append(self._sentence_index())
        keep = None
        if doc_id is not None:
            keep = lambda entry: doc_id in self._docs_of(entry)  # noqa: E731
        ranked, matched = rank(indexes, qwords, limit, kinds, keep)
        return [_hit(group, matched, doc_id) for group in ranked]


Group = list[tuple[float, _Entry]]


def wanted_kinds(kinds: Iterable[str] | None) -> set[str] | None:
    """The hit kinds asked for; "entity" stands for the three entity kinds."""
    if kinds is None:
        return None
    out = set(kinds)
    if "entity" in out:
        out |= ENTITY_KINDS
    return out


def rank(
    indexes: Iterable[_WordIndex],
    qwords: list[str],
    limit: int,
    kinds: set[str] | None,
    keep: Callable[[_Entry], bool] | None = None,
) -> tuple[list[Group], set[str]]:
    """The best `limit` groups (one per entity/event/claim/sentence, with its labels that
    scored, best first), best first, and every vocabulary word that matched a query word.

    A group ranks by its best entry: higher score, then kind and label (`tie_order`).
    """
    matched: set[str] = set()
    scored: list[tuple[_WordIndex, dict[int, float]]] = []
    ranked: list[Group] = []
    for index in indexes:
        sims_of = [index.similar(q) for q in qwords]
        if len(ranked) == limit and ranked[-1][0][0] >= index.bound(sims_of, qwords):
            # nothing in this index (sentences, after names) can outrank what is found
            matched = matched.union(*sims_of)
            continue
        scores, words_hit = index.score(qwords, sims_of)
        matched |= words_hit
        scored.append((index, scores))
        ranked = _walk(scored, limit, kinds, keep)
    return ranked, matched


def _walk(
    scored: list[tuple[_WordIndex, dict[int, float]]],
    limit: int,
    kinds: set[str] | None,
    keep: Callable[[_Entry], bool] | None,
) -> list[Group]:
    """The first `limit` groups met walking the indexes' entries in ranking order.

    A common word matches much of a big case: each index gives only its best entries, and
    more of them only when the walk used up all it gave before the groups were certain.
    """
    ns = [max(4 * limit, _FIRST_WALK)] * len(scored)
    streams = [_best_entries(sc, ix.order, j, ns[j]) for j, (ix, sc) in enumerate(scored)]
    while True:
        ranked, short = _best_groups(scored, streams, limit, kinds, keep)
        if short is None:
            return ranked
        ns[short] *= 4
        index, scores = scored[short]
        streams[short] = _best_entries(scores, index.order, short, ns[short])


def _best_groups(
    scored: list[tuple[_WordIndex, dict[int, float]]],
    streams: list[list[tuple[float, int, int, int]]],
    limit: int,
    kinds: set[str] | None,
    keep: Callable[[_Entry], bool] | None,
) -> tuple[list[Group], int | None]:
    """The first `limit` groups met walking the streams in ranking order, and None; or the
    stream that ran out while an entry it left out could still be needed."""
    left = [len(x) for x in streams]
    cut = [len(scores) > len(x) for x, (_, scores) in zip(streams, scored, strict=True)]

    def wanted(entry: _Entry, score: float) -> bool:
        return (
            score >= CUTOFF
            and (kinds is None or entry.kind in kinds)
            and (keep is None or keep(entry))
        )

    chosen: dict[tuple[str, str], tuple[_WordIndex, dict[int, float], Group]] = {}
    for neg_score, _, j, idx in heapq.merge(*streams):
        if -neg_score < CUTOFF:
            break
        index, scores = scored[j]
        entry = index.entries[idx]
        key = (entry.kind, entry.id)
        if key not in chosen and wanted(entry, scores[idx]):
            chosen[key] = (index, scores, [(scores[idx], entry)])
            if len(chosen) == limit:
                break
        left[j] -= 1
        if cut[j] and not left[j]:
            return [], j  # what comes next may be an entry this stream left out
    out = []
    for key, (index, scores, group) in chosen.items():
        best = group[0][1]
        others = [  # the group's other labels that scored, in ranking order
            i
            for i in (index.members or {}).get(key, ())
            if i in scores and index.entries[i] is not best and wanted(index.entries[i], scores[i])
        ]
        others.sort(key=lambda i: (-round(scores[i], 6), index.order[i]))
        out.append(group + [(scores[i], index.entries[i]) for i in others])
    return out, None


def _best_entries(
    scores: dict[int, float], order: list[int], j: int, n: int
) -> list[tuple[float, int, int, int]]:
    """The `n` best entries as (-score, tie order, j, idx), in ranking order (scores rounded,
    so that float noise never outranks the tie order)."""
    rounded = list(map(round, scores.values(), repeat(6)))
    if len(rounded) <= n:
        return sorted((-v, order[i], j, i) for v, i in zip(rounded, scores, strict=True))
    floor = heapq.nlargest(n, rounded)[-1]  # in C; tuples then for the best only
    above = [i for i, v in zip(scores, rounded, strict=True) if v > floor]
    tied = [i for i, v in zip(scores, rounded, strict=True) if v == floor]
    # a common word ties thousands of sentences: the first by tie order, found in C
    tied = heapq.nsmallest(n - len(above), tied, key=order.__getitem__)
    return sorted((-round(scores[i], 6), order[i], j, i) for i in above + tied)


def _hit(group: Group, matched: set[str], doc_id: str | None) -> Hit:
    group = sorted(group, key=lambda x: -x[0])
    score, entry = group[0]
    spans = entry.spans
    if doc_id is not None:
        spans = [s for s in spans if s.get("doc") == doc_id]
    also = list(dict.fromkeys(e.label for _, e in group[1:] if e.label != entry.label))
    return Hit(
        kind=entry.kind,
        id=entry.id,
        label=entry.label,
        score=round(min(score, 100.0), 2),
        matched=matched_ranges(entry.label, matched),
        spans=list(spans),
        entity=entry.entity,
        also=also,
    )
