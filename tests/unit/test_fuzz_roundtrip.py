"""Property: ingest → extract → store → load → export on generated documents.

No crash; every span is the text it names; what is saved is what is loaded (the case and
the extraction cache); a rebuild reuses every extraction and keeps the first version as
the backup; every export renders.
"""

from __future__ import annotations

import codecs
import html
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from casefile import exports, ingest, store
from casefile.build import build
from casefile.model import Extraction

WORDS = st.sampled_from(
    [
        "Rustam",
        "Nazarov",
        "Rus\u200btam",
        "also known as",
        "Abu Hafs",
        "(EFB)",
        "Eastern Front Brigade",
        "on March 3, 2021",
        "four years ago",
        "killed at least 12 people",
        "in Vienna",
        "Omar Hadi",
        ",",
        ".",
        "\n",
        "“",
        "”",
        "[b]",
        "[/]",
        "[link=https://evil.example]",
        "[@click=app.quit]",
        "\x1b[2J",
        "\x1b]52;c;ZXZpbA==\x07",
        "\x1b]8;;https://evil.example\x1b\\",
        "\u202e",
        "\u2067",
        "\x00",
        "\x9b",
        "<script>alert(1)</script>",
        "=cmd()",
        "@SUM(A1)",
        "-2+3",
        "---",
        "#",
    ]
)
TEXT = st.one_of(
    st.lists(WORDS, min_size=1, max_size=30).map(" ".join),
    st.text(min_size=0, max_size=200),
)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252")


@st.composite
def document(draw: st.DrawFn) -> tuple[str, bytes]:
    if draw(st.integers(0, 9)) == 0:
        return ".txt", draw(st.binary(max_size=300))
    text = draw(TEXT)
    suffix = draw(st.sampled_from([".txt", ".md", ".html"]))
    if suffix == ".html":
        escape = draw(st.booleans())
        body = html.escape(text) if escape else text
        text = f"<html><body><article><p>{body}</p></article></body></html>"
    encoding = draw(st.sampled_from(ENCODINGS))
    raw = text.encode(encoding, errors="replace")
    if encoding == "utf-16" and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raw = codecs.BOM_UTF16_LE + raw
    return suffix, raw


def _normal(obj: Any) -> Any:
    return json.loads(json.dumps(obj))


def _spans(case: dict[str, Any]) -> list[dict[str, Any]]:
    spans = [m for e in case["entities"] for m in e["mentions"]]
    spans += [s for e in case["entities"] for a in e["aliases"] for s in a["sources"]]
    spans += [s for e in case["entities"] for a in e["attributes"] for s in a["sources"]]
    spans += [s for ev in case["events"] for s in ev["sources"] + ev["date_sources"]]
    spans += [s for c in case["claims"] for s in c["sources"] + [c["sentence"]]]
    return spans + [s for r in case["relations"] for s in r["sources"]]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(docs=st.lists(document(), min_size=1, max_size=3))
# (found by this test: an alias cue at the text's end left the parser an empty description)
@example(
    docs=[
        (
            ".txt",
            b"\xe2\x80\x9c --- [b] <script>alert(1)</script> \xe2\x80\x9c \x1b]52;c;ZXZpbA==\x07 "
            b"Omar Hadi [link=https://evil.example] also known as",
        )
    ]
)
def test_round_trip(nlp, docs: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "docs")
        folder.mkdir()
        for i, (suffix, raw) in enumerate(docs):
            (folder / f"{i}{suffix}").write_bytes(raw)
        out = Path(tmp, "case.db")
        try:
            report = build([folder], out, skip_bad=True)
        except ingest.IngestError as err:  # nothing readable: one line, nothing written
            assert "\n" not in str(err) and str(err).startswith("no readable documents")
            assert not out.exists()
            event("nothing readable")
            return
        assert all("\n" not in e for e in report.errors)

        event(f"built from {len(report.case['documents'])} of {len(docs)} documents")
        case = store.load(out)
        assert case == _normal(report.case)
        texts = {d["id"]: d["text"] for d in case["documents"]}
        for s in _spans(case):
            assert texts[s["doc"]][s["start"] : s["end"]] == s["text"]

        cache = store.load_extractions(out)
        assert len(cache) == len(case["documents"])
        for value in cache.values():
            assert _normal(Extraction.from_dict(value).to_dict()) == value

        for fmt in exports.FORMATS:
            assert exports.render(case, fmt)

        again = build([folder], out, skip_bad=True)
        assert again.extracted == 0 and again.reused == len(case["documents"])
        assert store.load(out) == _normal(again.case)
        assert store.load(store.backup_path(out)) == case
        assert store.load_extractions(out) == cache
