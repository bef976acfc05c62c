"""Fuzzy lookup: spellings, aliases, filters, highlighting, sentence bounds, speed."""

from __future__ import annotations

from typing import Any

import pytest

from casefile.search import SearchIndex, fold, sentence_around, skeleton, split_sentences

ALPHA = (
    "Police in Novograd said on Monday, March 4, that Ivan Petrovich Sidorov, also known as "
    "the Grey Fox, was detained. Sidorov denied the charges.\n"
    "At least 12 people were injured in the blast at the Novograd depot. "
    "Ivan Petrov, a neighbour, saw it."
)
BETA = (
    "Ivan Petrovitch Sidorow was released on bail. The Grey Fox had led the Northern "
    "Logistics Union (NLU) for years. Officials said 15 people were injured. "
    "Café Brûlé Holdings paid the bail."
)


def span(doc: dict[str, Any], text: str, nth: int = 0) -> dict[str, Any]:
    """A true SPAN: the nth occurrence of `text` in the document."""
    start = -1
    for _ in range(nth + 1):
        start = doc["text"].index(text, start + 1)
    return {"doc": doc["id"], "start": start, "end": start + len(text), "text": text}


def make_case() -> dict[str, Any]:
    a = {"id": "d-a", "name": "alpha.txt", "text": ALPHA}
    b = {"id": "d-b", "name": "beta.txt", "text": BETA}
    ivan = {
        "id": "e-ivan",
        "kind": "person",
        "name": "Ivan Petrovich Sidorov",
        "aliases": [
            {
                "name": "Grey Fox",
                "type": "aka",
                "sources": [span(a, "Grey Fox"), span(b, "Grey Fox")],
            },
            {
                "name": "Ivan Petrovitch Sidorow",
                "type": "variant",
                "sources": [span(b, "Ivan Petrovitch Sidorow")],
            },
            {"name": "Sidorov", "type": "short", "sources": [span(a, "Sidorov", 1)]},
        ],
        "mentions": [
            span(a, "Ivan Petrovich Sidorov"),
            span(a, "Grey Fox"),
            span(a, "Sidorov", 1),
            span(b, "Ivan Petrovitch Sidorow"),
            span(b, "Grey Fox"),
        ],
        "merges": [
            {
                "a": "Ivan Petrovich Sidorov",
                "b": "Ivan Petrovitch Sidorow",
                "score": 0.91,
                "reasons": ["petrovich~petrovitch: same consonant skeleton"],
            }
        ],
    }
    petrov = {
        "id": "e-petrov",
        "kind": "person",
        "name": "Ivan Petrov",
        "aliases": [],
        "mentions": [span(a, "Ivan Petrov", 1)],
        "merges": [],
    }
    nlu = {
        "id": "e-nlu",
        "kind": "organization",
        "name": "Northern Logistics Union",
        "aliases": [{"name": "NLU", "type": "acronym", "sources": [span(b, "NLU")]}],
        "mentions": [span(b, "Northern Logistics Union"), span(b, "NLU")],
        "merges": [],
    }
    novo = {
        "id": "e-novo",
        "kind": "place",
        "name": "Novograd",
        "aliases": [],
        "mentions": [span(a, "Novograd"), span(a, "Novograd", 1)],
        "merges": [],
    }
    cafe = {
        "id": "e-cafe",
        "kind": "organization",
        "name": "Café Brûlé Holdings",
        "aliases": [],
        "mentions": [span(b, "Café Brûlé Holdings")],
        "merges": [],
    }
    event = {
        "id": "ev-1",
        "date": "2024-03-04",
        "date_text": "Monday, March 4",
        "date_basis": "weekday and day agree in 2024",
        "summary": "Sidorov detained in Novograd",
        "entities": ["e-ivan", "e-novo"],
        "sources": [span(a, "Ivan Petrovich Sidorov")],
    }
    claims = [
        {
            "id": "c-1",
            "what": "injured",
            "value": "At least 12",
            "number": 12,
            "bound": ">=",
            "event": "ev-1",
            "sources": [span(a, "At least 12")],
            "conflicts_with": ["c-2"],
        },
        {
            "id": "c-2",
            "what": "injured",
            "value": "15",
            "number": 15,
            "bound": "=",
            "event": "ev-1",
            "sources": [span(b, "15")],
            "conflicts_with": ["c-1"],
        },
    ]
    return {
        "format": "casefile/1",
        "documents": [a, b],
        "entities": [ivan, petrov, nlu, novo, cafe],
        "events": [event],
        "claims": claims,
    }


@pytest.fixture(scope="module")
def case() -> dict[str, Any]:
    return make_case()


@pytest.fixture(scope="module")
def index(case: dict[str, Any]) -> SearchIndex:
    return SearchIndex(case)


def test_fake_case_spans_are_true(case: dict[str, Any]) -> None:
    docs = {d["id"]: d["text"] for d in case["documents"]}
    spans = [s for e in case["entities"] for s in e["mentions"]]
    spans += [s for e in case["entities"] for a in e["aliases"] for s in a["sources"]]
    for s in spans:
        assert docs[s["doc"]][s["start"] : s["end"]] == s["text"]


@pytest.mark.parametrize(
    "query", ["sidorow", "Sidorov", "sydorov", "petrovitch sidorof", "IVAN PETROVICH"]
)
def test_finds_entity_by_spelling(index: SearchIndex, query: str) -> None:
    hits = index.search(query)
    assert hits and hits[0].id == "e-ivan"
    assert hits[0].kind == "person" and hits[0].entity == "e-ivan"


def test_finds_entity_by_alias(index: SearchIndex) -> None:
    hit = index.search("grey fox")[0]
    assert (hit.id, hit.label) == ("e-ivan", "Grey Fox")
    assert {s["doc"] for s in hit.spans} == {"d-a", "d-b"}
    assert index.search("nlu")[0].id == "e-nlu"


def test_variant_spelling_is_the_label_that_matched(index: SearchIndex) -> None:
    hit = index.search("sidorow")[0]
    assert hit.label == "Ivan Petrovitch Sidorow"
    assert hit.spans == [span(make_case()["documents"][1], "Ivan Petrovitch Sidorow")]


def test_accents_and_zero_width_are_folded(index: SearchIndex) -> None:
    assert fold("Café\u200b Brûlé") == "cafe brule"
    hit = index.search("cafe brule")[0]
    assert hit.id == "e-cafe"
    assert [hit.label[a:b] for a, b in hit.matched] == ["Café", "Brûlé"]
    assert index.search("Si\u200bdo\u0301rov")[0].id == "e-ivan"


def test_one_hit_per_entity(index: SearchIndex) -> None:
    hits = index.search("ivan sidorov")
    ids = [(h.kind, h.id) for h in hits]
    assert len(ids) == len(set(ids))
    assert hits[0].id == "e-ivan"
    assert hits[0].also  # its other matching names are kept


def test_exact_outranks_prefix_outranks_fuzzy(index: SearchIndex) -> None:
    people = {"person"}
    assert [h.id for h in index.search("petrov", kinds=people)][:2] == ["e-petrov", "e-ivan"]
    assert index.search("petrovich", kinds=people)[0].id == "e-ivan"
    exact, prefix = index.search("petrov", kinds=people)[:2]
    assert exact.score > prefix.score
    fuzzy = index.search("petrof", kinds=people)
    assert fuzzy and fuzzy[0].score < prefix.score


def test_kinds_filter(index: SearchIndex) -> None:
    assert {h.kind for h in index.search("novograd")} >= {"place", "event", "sentence"}
    assert [h.kind for h in index.search("novograd", kinds={"place"})] == ["place"]
    assert [h.id for h in index.search("novograd", kinds={"event"})] == ["ev-1"]
    assert {h.kind for h in index.search("novograd", kinds={"sentence"})} == {"sentence"}
    assert {h.kind for h in index.search("union", kinds={"entity"})} == {"organization"}


def test_events_claims_and_sentences(index: SearchIndex) -> None:
    assert index.search("march 4", kinds={"event"})[0].id == "ev-1"
    claim = index.search("injured 12", kinds={"claim"})[0]
    assert (claim.id, claim.label) == ("c-1", "injured At least 12")
    sentence = index.search("depot")[0]
    assert sentence.kind == "sentence" and sentence.id.startswith("d-a:")
    doc_id, _, start = sentence.id.partition(":")
    assert ALPHA[int(start) :].startswith(sentence.label)
    assert sentence.spans[0]["text"] == sentence.label


def test_doc_filter(index: SearchIndex) -> None:
    assert index.search("depot")
    assert index.search("depot", doc="d-b") == []
    hits = index.search("grey fox", doc="beta.txt")
    assert hits and all(s["doc"] == "d-b" for h in hits for s in h.spans)
    assert index.search("novograd", doc="d-b", kinds={"place"}) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("tanveer", "tanvir"),
        ("omran", "imran"),
        ("sidorov", "sidorow"),
        ("petrovich", "petrovitch"),
        ("muhammad", "mohammed"),
        ("yusuf", "youssef"),
    ],
)
def test_transliteration_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


def test_skeleton_keeps_distinct_names_apart() -> None:
    assert skeleton("omran") != skeleton("moran")
    assert skeleton("sidorov") != skeleton("sidorenko")


def test_transliteration_beyond_edit_distance() -> None:
    """'yusuf' is too far from 'youssef' by edit ratio (67) but is the same name."""
    doc = {"id": "d", "name": "d.txt", "text": "Youssef Karimov spoke. Yuri Sufiev did not."}
    people = [
        {
            "id": "e-y",
            "kind": "person",
            "name": "Youssef Karimov",
            "aliases": [],
            "merges": [],
            "mentions": [span(doc, "Youssef Karimov")],
        },
        {
            "id": "e-s",
            "kind": "person",
            "name": "Yuri Sufiev",
            "aliases": [],
            "merges": [],
            "mentions": [span(doc, "Yuri Sufiev")],
        },
    ]
    index = SearchIndex({"documents": [doc], "entities": people})
    assert [h.id for h in index.search("yusuf", kinds={"person"})] == ["e-y"]


@pytest.mark.parametrize("query", ["qwxzv", "", "  !! ", "zzzzzzzz yyyyyyy", "ivan qxzwv"])
def test_no_match(index: SearchIndex, query: str) -> None:
    assert index.search(query) == []


def test_matched_ranges_point_into_label(index: SearchIndex) -> None:
    hit = index.search("sidorow")[0]
    assert [hit.label[a:b] for a, b in hit.matched] == ["Sidorow"]
    hit = index.search("grey fox")[0]
    assert [hit.label[a:b] for a, b in hit.matched] == ["Grey", "Fox"]
    hit = index.search("depot")[0]
    assert [hit.label[a:b] for a, b in hit.matched] == ["depot"]


def test_a_last_letter_is_the_start_of_a_word(index: SearchIndex) -> None:
    """Typing "ivan p" on the way to "ivan petrov" keeps the Ivans whose name goes on with
    a p-word; a letter no word of theirs starts with is a query they do not match."""
    people = {"person"}
    assert {h.id for h in index.search("ivan p", kinds=people)} == {"e-ivan", "e-petrov"}
    hit = index.search("petrovitch s", kinds=people)[0]
    assert (hit.id, hit.label) == ("e-ivan", "Ivan Petrovitch Sidorow")
    assert index.search("grey s", kinds=people) == []  # one label must hold both words
    assert index.search("grey s")[0].kind == "sentence"  # as a sentence does
    assert index.search("ivan q", kinds=people) == []
    assert index.search("ivan p")[0].score > index.search("ivan")[0].score * 0.95
    hit = index.search("ivan p", kinds=people)[0]
    assert "P" in {hit.label[a] for a, _ in hit.matched}  # the p-word is highlighted


def test_limit(index: SearchIndex) -> None:
    assert len(index.search("ivan", limit=1)) == 1
    assert index.search("ivan", limit=0) == []


def test_sentence_around() -> None:
    text = "First one. Second has Ivan here! Third?\nFourth line"
    s, e = sentence_around(text, text.index("Ivan"), text.index("Ivan") + 4)
    assert text[s:e] == "Second has Ivan here!"
    s, e = sentence_around(text, text.index("Fourth"), text.index("Fourth") + 6)
    assert text[s:e] == "Fourth line"
    s, e = sentence_around(text, 0, 5)
    assert text[s:e] == "First one."


def test_sentence_around_keeps_titles_and_initials() -> None:
    text = "Earlier. Gen. Ivan P. Sidorov spoke to Mr. Smith on Monday. Later."
    i = text.index("Sidorov")
    s, e = sentence_around(text, i, i + 7)
    assert text[s:e] == "Gen. Ivan P. Sidorov spoke to Mr. Smith on Monday."


def test_sentence_around_never_cuts_the_span() -> None:
    text = "Alpha beta. Gamma delta. Epsilon."
    a, b = text.index("beta"), text.index("delta") + 5
    s, e = sentence_around(text, a, b)
    assert s <= a and e >= b
    assert text[s:e] == "Alpha beta. Gamma delta."


def test_sentence_around_caps_long_runs() -> None:
    text = " ".join(["word"] * 400) + " Ivan " + " ".join(["word"] * 400)
    i = text.index("Ivan")
    s, e = sentence_around(text, i, i + 4)
    assert s <= i and e >= i + 4
    assert i - s <= 300 and e - (i + 4) <= 300
    assert text[s:e].startswith("word") and text[s:e].endswith("word")


def test_split_sentences() -> None:
    text = "  One. Two!\n\nThree? four "
    assert [text[a:b] for a, b in split_sentences(text)] == ["One.", "Two!", "Three?", "four"]


def _brute_rank(indexes, qwords, limit, kinds):
    """Every scored entry grouped, each group ranked by its best entry: the definition."""
    from casefile import search as S

    scored = []
    for index in indexes:
        scores, _ = index.score(qwords)
        scored += [(-round(s, 6), index.order[i], s, index.entries[i]) for i, s in scores.items()]
    groups: dict = {}
    for _, _, score, e in sorted(scored, key=lambda x: (x[0], x[1])):
        if score >= S.CUTOFF and (kinds is None or e.kind in kinds):
            groups.setdefault((e.kind, e.id), []).append((score, e))
    return list(groups.values())[:limit]


@pytest.mark.parametrize("first_walk", [1, 3, 64])
def test_ranking_walks_only_the_best_entries_and_gives_the_whole_ranking(
    sample_case, monkeypatch, first_walk
) -> None:
    """However few entries the walk starts with, the groups, their order and their labels
    are those of ranking every scored entry."""
    from casefile import search as S
    from casefile import store

    monkeypatch.setattr(S, "_FIRST_WALK", first_walk)
    case = store.load(sample_case)
    index = S.SearchIndex(case)
    indexes = [index._facts, index._sentence_index()]
    queries = ["a", "ir", "iran", "abu", "killed at least", "islamic state", "the ministry", "m"]
    for q in queries:
        for limit in (1, 2, 5, 20):
            for kinds in (None, {"person"}, {"event", "claim"}, {"sentence"}):
                got, _ = S.rank(indexes, S.words(q), limit, kinds)
                want = _brute_rank(indexes, S.words(q), limit, kinds)
                assert [[(s, e.label) for s, e in g] for g in got] == [
                    [(s, e.label) for s, e in g] for g in want
                ], (q, limit, kinds)


def test_scoring_skips_only_entries_that_cannot_reach_the_cutoff(sample_case) -> None:
    """Every entry the plain definition scores at CUTOFF or more is scored, the same."""
    from casefile import search as S
    from casefile import store

    index = S.SearchIndex(store.load(sample_case))
    for words_index in (index._facts, index._sentence_index()):
        for q in ["at", "killed at least", "the ministry of", "abu omran tanveer", "iran a b c"]:
            qwords = S.words(q)
            got, _ = words_index.score(qwords)
            plain: dict[int, list[float]] = {}
            for i, w in enumerate(qwords):
                for v, s in words_index.similar(w).items():
                    for idx in words_index.postings[v]:
                        row = plain.setdefault(idx, [0.0] * len(qwords))
                        row[i] = max(row[i], s)
            for idx, row in plain.items():
                e = words_index.entries[idx]
                score = sum(row) / len(qwords)
                if e.short:
                    score *= 0.95 + 0.05 * min(sum(1 for s in row if s) / max(e.nwords, 1), 1)
                score *= e.weight
                if score >= S.CUTOFF:
                    assert got.get(idx) == pytest.approx(score), (q, e.label)
