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

from casefile.render import lookup_json, lookup_text
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
