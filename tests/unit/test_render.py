"""Lookup answers (text and JSON), terminal safety, and the fast path's import hygiene."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_search import ALPHA, make_case, span  # tests/unit is on sys.path (rootdir)

from casefile.render import (
    dossier_json,
    dossier_text,
    lookup_json,
    lookup_text,
    mentions_json,
    mentions_text,
    sentences_json,
    sentences_text,
    sorted_events,
    timeline_json,
    timeline_text,
)
from casefile.sanitize import REPLACEMENT, inert, one_line
from casefile.search import SearchIndex

ROOT = Path(__file__).resolve().parents[2]
ESC, CSI8, OSC8 = "\x1b", "\x9b", "\x9d"
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
FORBIDDEN = {chr(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)]} - {"\n", "\t"} | BIDI

HOSTILE = (
    "Intro.\x1b[2J Officials named Oleg Vantagov\x1b]52;c;ZXZpbA==\x07 as the [b]markup[/b] "
    "suspect\u202e today.\nLater \x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\ and "
    "\x9b31mred\x00 text."
)


def hostile_case() -> dict[str, Any]:
    case = make_case()
    doc = {"id": "d-x", "name": "evil\x1b[31m\u202e.txt", "text": HOSTILE}
    case["documents"].append(doc)
    case["entities"].append(
        {
            "id": "e-oleg",
            "kind": "person",
            "name": "Oleg Vantagov",
            "merges": [],
            "aliases": [{"name": "Vantagov\x1b[5m", "type": "short", "sources": []}],
            "mentions": [span(doc, "Oleg Vantagov"), span(doc, "click")],
        }
    )
    return case


@pytest.fixture(scope="module")
def case() -> dict[str, Any]:
    return make_case()


@pytest.fixture(scope="module")
def index(case: dict[str, Any]) -> SearchIndex:
    return SearchIndex(case)


# --- sanitize ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "out"),
    [
        ("a\x1b[2Jb", "ab"),
        ("a\x1b[38;2;1;2;3mb\x1b[0m", "ab"),
        ("x\x1b]52;c;ZXZpbA==\x07y", "xy"),
        ("\x1b]8;;http://e.example\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("a\x9b31mb", "ab"),
        ("a\x1bcb\x1b(Bc", "abc"),
        (
            "nul\x00 bell\x07 del\x7f c1\x85",
            f"nul{REPLACEMENT} bell{REPLACEMENT} del{REPLACEMENT} c1{REPLACEMENT}",
        ),
        ("left\u202eright\u2066x\u2069", "leftrightx"),
        ("line\r\nnext\rover", f"line\nnext{REPLACEMENT}over"),
        ("keep\ttabs\nand lines, zero\u200dwidth", "keep\ttabs\nand lines, zero\u200dwidth"),
        ("open\x1b]52;c;never terminated", f"open{REPLACEMENT}]52;c;never terminated"),
    ],
)
def test_inert(raw: str, out: str) -> None:
    assert inert(raw) == out


def test_one_line() -> None:
    assert one_line("  a\n\n b\t c\x1b[1m d  ") == "a b c d"


# The pieces escape sequences are made of, so random strings often hold (broken) ones.
_PIECES = "\x1b\x9b\x9d\x9c\x90\x07\\[]();:0123456789mJPX^_ ab\n\r\t\x00\x7f\x85\u202e\u2066"
_NASTY = st.text(alphabet=st.sampled_from(list(_PIECES + "\u200b")))


@settings(max_examples=300)
@given(st.one_of(st.text(), _NASTY, st.lists(st.one_of(st.text(), _NASTY)).map("".join)))
def test_inert_leaves_no_controls(s: str) -> None:
    out = inert(s)
    assert not FORBIDDEN & set(out)
    assert inert(out) == out
    flat = one_line(s)
    assert not (FORBIDDEN | {"\n", "\t"}) & set(flat)


@given(
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cc", "Cs"),
            blacklist_characters="".join(BIDI) + "\u061c\u200e\u200f",
        )
    )
)
def test_inert_keeps_ordinary_text(s: str) -> None:
    assert inert(s) == s


# --- text -------------------------------------------------------------------------------


def test_lookup_text_entity(case: dict[str, Any], index: SearchIndex) -> None:
    out = lookup_text(case, index.search("sidorow"))
    head, _, rest = out.partition("\n")
    assert head.startswith("Ivan Petrovich Sidorov  (person, e-ivan)")
    assert "matched: Ivan Petrovitch [[Sidorow]]" in out
    assert "  Grey Fox  (aka)  in alpha.txt, beta.txt" in out
    assert "  Ivan Petrovitch Sidorow  (variant)  in beta.txt" in out
    assert "  Sidorov  (short)  in alpha.txt" in out
    sources = out.split("Sources:\n", 1)[1]
    assert (
        "  alpha.txt: Police in Novograd said on Monday, March 4, that [[Ivan Petrovich Sidorov]], "
        "also known as the [[Grey Fox]], was detained.\n" in sources
    )
    assert "  beta.txt: [[Ivan Petrovitch Sidorow]] was released on bail.\n" in sources
    assert "petrovich~petrovitch: same consonant skeleton" in out
    assert "(score 0.91)" in out
    assert "Events:\n  2024-03-04  Sidorov detained in Novograd" in out
    assert out.endswith("\n") and ESC not in out


def test_lookup_text_limits_facts(case: dict[str, Any], index: SearchIndex) -> None:
    out = lookup_text(case, index.search("sidorow"), limit_facts=1)
    sources = out.split("Sources:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(sources) == 2 and sources[1].startswith("  … and 4 more")


def test_lookup_text_event_and_claim(case: dict[str, Any], index: SearchIndex) -> None:
    out = lookup_text(case, index.search("march 4", kinds={"event"}))
    assert out.startswith('Event 2024-03-04 ("Monday, March 4")  (ev-1)')
    assert "date: weekday and day agree in 2024" in out
    assert "involves: Ivan Petrovich Sidorov, Novograd" in out
    assert "injured: At least 12 [>= 12]" in out
    out = lookup_text(case, index.search("injured at least 12", kinds={"claim"}))
    assert out.startswith("Claim injured: At least 12 [>= 12]  (c-1)")
    assert "Conflicts with:\n  injured: 15 [= 15]  in beta.txt  (c-2)" in out
    assert "alpha.txt: [[At least 12]] people were injured" in out


def test_lookup_text_other_matches(case: dict[str, Any], index: SearchIndex) -> None:
    out = lookup_text(case, index.search("ivan"))
    assert out.startswith("Ivan Petrov  (person, e-petrov)")
    others = out.split("Other matches:\n", 1)[1].splitlines()
    assert others[0] == "  person       Ivan Petrovich Sidorov  — alpha.txt"
    sentence = "  sentence     Ivan Petrovitch Sidorow was released"
    assert any(line.startswith(sentence) for line in others)
    # what the answer already shows (its events, the sentences of its sources) is not repeated
    out = lookup_text(case, index.search("novograd"))
    assert out.startswith("Novograd  (place, e-novo)")
    assert "Events:\n  2024-03-04  Sidorov detained in Novograd" in out
    assert "Other matches" not in out


def test_lookup_text_sentence_hit(case: dict[str, Any], index: SearchIndex) -> None:
    out = lookup_text(case, index.search("depot"))
    assert out.startswith(
        "In alpha.txt:\n  At least 12 people were injured in the blast at the Novograd [[depot]]."
    )


def test_lookup_text_no_hits(case: dict[str, Any]) -> None:
    assert lookup_text(case, []) == "No matches.\n"


def test_color_marks_only_with_our_codes(case: dict[str, Any], index: SearchIndex) -> None:
    out = lookup_text(case, index.search("grey fox"), color=True)
    assert "\x1b[1;7mGrey Fox\x1b[0m" in out
    assert "[[" not in out
    assert ESC not in out.replace("\x1b[1;7m", "").replace("\x1b[1m", "").replace("\x1b[0m", "")


@pytest.mark.parametrize("color", [False, True])
def test_hostile_document_is_inert(color: bool) -> None:
    case = hostile_case()
    hits = SearchIndex(case).search("oleg vantagov")
    assert hits[0].id == "e-oleg"
    out = lookup_text(case, hits, color=color)
    ours = out.replace("\x1b[1;7m", "").replace("\x1b[1m", "").replace("\x1b[0m", "")
    assert ESC not in ours and CSI8 not in ours and OSC8 not in ours and "\x07" not in ours
    assert not FORBIDDEN - {ESC} & set(ours) and not BIDI & set(out)
    assert "[b]markup[/b]" in out  # printed as is: nothing interprets markup
    assert "Oleg Vantagov" in out and "evil.txt" in out


def test_hostile_text_in_sentence_hits_is_inert() -> None:
    case = hostile_case()
    for query in ("markup", "click", "red text"):
        out = lookup_text(case, SearchIndex(case).search(query, kinds={"sentence"}))
        assert not FORBIDDEN & set(out), query


# --- JSON -------------------------------------------------------------------------------


def test_lookup_json_entity(case: dict[str, Any], index: SearchIndex) -> None:
    hits = index.search("sidorow")
    data = lookup_json(case, hits, query="sidorow")
    assert json.loads(json.dumps(data)) == data
    assert set(data) == {"query", "best", "hits"} and data["query"] == "sidorow"
    best = data["best"]
    assert (best["type"], best["kind"], best["id"]) == ("entity", "person", "e-ivan")
    assert best["name"] == "Ivan Petrovich Sidorov" and best["matched"] == "Ivan Petrovitch Sidorow"
    assert {"name": "Grey Fox", "type": "aka", "docs": ["d-a", "d-b"]} in best["aliases"]
    texts = {d["id"]: d["text"] for d in case["documents"]}
    for fact in best["mentions"]:
        assert texts[fact["doc"]][fact["start"] : fact["end"]] == fact["text"]
        sent = fact["sentence"]
        assert texts[fact["doc"]][sent["start"] : sent["end"]] == sent["text"]
        assert sent["start"] <= fact["start"] and fact["end"] <= sent["end"]
    assert best["events"] == [
        {"id": "ev-1", "date": "2024-03-04", "summary": "Sidorov detained in Novograd"}
    ]
    first = data["hits"][0]
    assert first["label"] == "Ivan Petrovitch Sidorow" and first["matched"] == [[16, 23]]


def test_lookup_json_event_claim_sentence(case: dict[str, Any], index: SearchIndex) -> None:
    event = lookup_json(case, index.search("march 4", kinds={"event"}))["best"]
    assert event["type"] == "event" and event["claims"] == ["c-1", "c-2"]
    assert event["sources"][0]["sentence"]["text"].startswith("Police in Novograd")
    claim = lookup_json(case, index.search("injured 12", kinds={"claim"}))["best"]
    assert claim["conflicts_with"][0]["id"] == "c-2"
    assert claim["conflicts_with"][0]["sources"][0]["doc_name"] == "beta.txt"
    sentence = lookup_json(case, index.search("depot"))["best"]
    assert sentence["type"] == "sentence" and sentence["doc_name"] == "alpha.txt"
    assert ALPHA[sentence["start"] : sentence["end"]] == sentence["text"]
    empty = lookup_json(case, [])
    assert empty == {"query": None, "best": None, "hits": []}


def test_lookup_json_hostile_round_trips() -> None:
    case = hostile_case()
    data = lookup_json(case, SearchIndex(case).search("oleg"))
    dumped = json.dumps(data, ensure_ascii=True)
    assert json.loads(dumped) == data and ESC not in dumped


# --- show, timeline, sources ------------------------------------------------------------


def rich_case() -> dict[str, Any]:
    """make_case with attributes, relations, a possible-same pair and more events."""
    case = make_case()
    a, b = case["documents"]
    ivan, petrov, nlu = case["entities"][:3]
    ivan["attributes"] = [
        {"type": "age", "value": "34", "sources": [span(a, "Sidorov")], "conflicts": ["35"]},
        {"type": "role", "value": "the Grey Fox", "sources": [span(a, "Grey Fox")]},
    ]
    ivan["possible_same"] = [
        {
            "entity": "e-petrov",
            "a": "Ivan Petrovich Sidorov",
            "b": "Ivan Petrov",
            "score": 0.7,
            "reasons": ["ivan = ivan; petrovich~petrov: one is a prefix"],
        }
    ]
    ivan["merges"].append(
        {
            "a": "Ivan Petrovich Sidorov",
            "b": "Grey Fox",
            "score": 1.0,
            "reasons": ["'also known as' in the same sentence"],
            "evidence": span(a, "also known as"),
        }
    )
    case["relations"] = [
        {
            "source": "e-ivan",
            "target": "e-nlu",
            "type": "led",
            "sources": [span(b, "The Grey Fox had led the Northern Logistics Union")],
        },
        {"source": "e-petrov", "target": "e-ivan", "type": "saw", "sources": []},
    ]
    case["events"] += [
        {
            "id": "ev-0",
            "date": "2024",
            "summary": "A year of trouble",
            "entities": ["e-ivan"],
            "sources": [],
        },
        {
            "id": "ev-2",
            "date": "2024-03",
            "summary": "Bail in March",
            "entities": [],
            "sources": [span(b, "released on bail"), span(b, "paid the bail")],
        },
    ]
    return case


def test_dossier_text_has_every_section() -> None:
    out = "\n".join(dossier_text(rich_case(), "e-ivan"))
    assert out.startswith("Ivan Petrovich Sidorov  (person, e-ivan)\n")
    assert "  Grey Fox  (aka)  in alpha.txt, beta.txt" in out
    assert "Attributes:\n  age: 34  (other sources say: 35)  — alpha.txt\n" in out
    sources = out.split("Sources (5 mentions in 2 documents):\n", 1)[1].split("\n\n", 1)[0]
    assert sources.splitlines() == [
        "  alpha.txt",
        "    Police in Novograd said on Monday, March 4, that [[Ivan Petrovich Sidorov]], also "
        "known as the [[Grey Fox]], was detained.",
        "    [[Sidorov]] denied the charges.",
        "  beta.txt",
        "    [[Ivan Petrovitch Sidorow]] was released on bail.",
        "    The [[Grey Fox]] had led the Northern Logistics Union (NLU) for years.",
    ]
    assert "Events:\n  2024        A year of trouble\n  2024-03-04  Sidorov detained" in out
    assert "Relations:\n  Ivan Petrovich Sidorov led Northern Logistics Union\n" in out
    assert "    beta.txt: [[The Grey Fox had led the Northern Logistics Union]] (NLU)" in out
    assert "  Ivan Petrov saw Ivan Petrovich Sidorov\n    (none)" in out
    assert "Possibly the same as:\n  Ivan Petrov  (e-petrov; score 0.7, not merged): ivan" in out
    assert "  Ivan Petrovich Sidorov = Grey Fox  (score 1.0): 'also known as'" in out
    assert "    alpha.txt: Police in Novograd said on Monday, March 4, that Ivan Petrovich " in out
    assert ESC not in out


def test_dossier_text_says_none_and_shows_the_match(case: dict[str, Any]) -> None:
    hit = SearchIndex(case).search("nlu")[0]
    out = "\n".join(dossier_text(case, "e-nlu", hit=hit))
    assert "  matched: [[NLU]]" in out
    for title in ("Attributes", "Events", "Relations", "Possibly the same as", "Merged because"):
        assert f"\n{title}: none" in out


def test_dossier_json() -> None:
    case = rich_case()
    data = dossier_json(case, "e-ivan", query="sidorow")
    assert json.loads(json.dumps(data)) == data
    assert (data["id"], data["name"], data["kind"]) == (
        "e-ivan",
        "Ivan Petrovich Sidorov",
        "person",
    )
    assert data["documents"] == ["alpha.txt", "beta.txt"] and data["matched"] is None
    assert len(data["mentions"]) == 5
    texts = {d["id"]: d["text"] for d in case["documents"]}
    for fact in data["mentions"] + data["attributes"][0]["sources"]:
        assert texts[fact["doc"]][fact["start"] : fact["end"]] == fact["text"]
    assert data["attributes"][0]["conflicts"] == ["35"]
    assert [e["date"] for e in data["events"]] == ["2024", "2024-03-04"]
    led, saw = data["relations"]
    assert led["direction"] == "out" and led["other"] == {
        "id": "e-nlu",
        "name": "Northern Logistics Union",
    }
    assert saw["direction"] == "in" and saw["other"]["name"] == "Ivan Petrov"
    assert data["possible_same"][0]["name"] == "Ivan Petrov"


def test_timeline_in_date_order_with_conflicts() -> None:
    case = rich_case()
    events = sorted_events(case)
    assert [e["date"] for e in events] == ["2024", "2024-03", "2024-03-04"]
    lines = list(timeline_text(case, events))
    assert lines[0] == "2024        A year of trouble"
    assert lines[1] == "            involves: Ivan Petrovich Sidorov · 0 sources in 0 documents"
    assert lines[3] == "            2 sources in 1 document"
    assert lines[4].startswith("2024-03-04  Sidorov detained in Novograd")
    assert lines[5].endswith("involves: Ivan Petrovich Sidorov, Novograd · 1 source in 1 document")
    assert lines[6] == "            conflict: injured: At least 12 vs 15"
    assert lines[7] == "            conflict: injured: 15 vs At least 12"
    rows = timeline_json(case, events)
    assert [r["id"] for r in rows] == ["ev-0", "ev-2", "ev-1"]
    assert rows[2]["conflicts"][0]["with"][0]["value"] == "15"
    assert rows[1]["documents"] == ["beta.txt"] and len(rows[1]["sources"]) == 2
    assert rows[2]["entities"][1] == {"id": "e-novo", "name": "Novograd", "kind": "place"}


def test_mentions_grouped_by_document(case: dict[str, Any]) -> None:
    lines = list(mentions_text(case, "e-ivan"))
    assert lines[:3] == [
        "Ivan Petrovich Sidorov  (person, e-ivan)",
        "  5 mentions in 4 sentences of 2 documents",
        "",
    ]
    assert lines[3] == "alpha.txt" and lines[6] == "beta.txt"
    assert lines[7] == "  [[Ivan Petrovitch Sidorow]] was released on bail."
    short = list(mentions_text(case, "e-ivan", limit=1))
    assert short[-2:] == [short[4], "… and 3 more sentences"]
    data = mentions_json(case, "e-ivan", query="sid", limit=2)
    assert data["entity"] == {"id": "e-ivan", "name": "Ivan Petrovich Sidorov", "kind": "person"}
    assert data["total"] == 4 and len(data["sentences"]) == 2
    first = data["sentences"][0]
    assert [m["text"] for m in first["marks"]] == ["Ivan Petrovich Sidorov", "Grey Fox"]
    assert ALPHA[first["sentence"]["start"] : first["sentence"]["end"]] == first["sentence"]["text"]


def test_sentences_matching_text(case: dict[str, Any], index: SearchIndex) -> None:
    hits = index.search("injured", kinds={"sentence"})
    lines = list(sentences_text(case, "injured", hits))
    assert lines[0] == "No name matches 'injured'; sentences that do (2):"
    assert lines[2:] == [
        "alpha.txt",
        "  At least 12 people were [[injured]] in the blast at the Novograd depot.",
        "beta.txt",
        "  Officials said 15 people were [[injured]].",
    ]
    data = sentences_json(case, "injured", hits)
    assert data["entity"] is None and data["total"] == 2
    mark = data["sentences"][0]["marks"][0]
    assert ALPHA[mark["start"] : mark["end"]] == "injured"


@pytest.mark.parametrize("color", [False, True])
def test_hostile_document_is_inert_in_every_answer(color: bool) -> None:
    case = hostile_case()
    case["events"].append(
        {
            "id": "ev-x",
            "date": "2024\x1b[2J",
            "summary": "Oleg\x1b]52;c;eA==\x07 seen\u202e",
            "entities": ["e-oleg"],
            "sources": [span(case["documents"][2], "Oleg Vantagov")],
        }
    )
    case["claims"][0]["agreement"] = "odd\x9b31m"
    hits = SearchIndex(case).search("red text", kinds={"sentence"})
    answers = [
        *dossier_text(case, "e-oleg", color=color),
        *timeline_text(case, sorted_events(case), color=color),
        *mentions_text(case, "e-oleg", color=color),
        *sentences_text(case, "red\x1b[5m text", hits, color=color),
    ]
    out = "\n".join(answers)
    ours = out.replace("\x1b[1;7m", "").replace("\x1b[1m", "").replace("\x1b[0m", "")
    assert not FORBIDDEN & set(ours), [line for line in answers if FORBIDDEN & set(line)]
    assert "[b]markup[/b]" in out and "evil.txt" in out


# --- the fast path ----------------------------------------------------------------------


def test_lookup_imports_stay_light() -> None:
    code = (
        "import sys\n"
        "import casefile.search, casefile.render, casefile.sanitize\n"
        "heavy = {'textual', 'spacy', 'dateparser', 'rich'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
