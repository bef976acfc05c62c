"""The export formats in casefile.exports, each checked with a parser made for it."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile import exports, store
from casefile.exports import (
    annotations,
    graph,
    markdown,
    report,
    timelinejs,
)
from casefile.exports import csv as csv_export
from casefile.exports import html as html_export
from casefile.sanitize import one_line

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = "[b]x[/b] <script>alert(1)</script> \x1b[2J | pipe"


@pytest.fixture(scope="session")
def case(sample_case: Path) -> dict[str, Any]:
    return store.load(sample_case)


def _span(doc: dict[str, Any], needle: str, after: int = 0) -> dict[str, Any]:
    start = doc["text"].index(needle, after)
    return {"doc": doc["id"], "start": start, "end": start + len(needle), "text": needle}


def hostile_case() -> dict[str, Any]:
    """A tiny case whose document, names and summaries try to break every format."""
    text = (
        f"Report: {HOSTILE} met *Ann* _Lee_ in =cmd(1) Town on 3 January 2024.\n"
        "# Not a heading, [link](http://evil.example) ![img](http://evil.example/i.png)\n"
        "Police said =cmd killed at least 5; another source said -2+3 killed more than 4 "
        "in 2020-11 and 2020."
    )
    doc = {
        "id": "d-1",
        "name": "evil_<b>[doc].txt",
        "sha256": "ab" * 32,
        "text": text,
        "title": "<script>alert(2)</script>",
        "reference_date": "2024-01-19",
        "reference_basis": "explicit <i>",
        "chars": len(text),
        "published": None,
    }
    first = text.split("\n")[0]
    s1 = {"doc": "d-1", "start": 0, "end": len(first), "text": first}
    x, script, ann = (
        _span(doc, "[b]x[/b]"),
        _span(doc, "<script>alert(1)</script>"),
        _span(doc, "*Ann* _Lee_"),
    )
    town, cmd = _span(doc, "=cmd(1) Town"), _span(doc, "=cmd killed")
    claim5, claim4 = _span(doc, "at least 5"), _span(doc, "more than 4")
    return {
        "format": "casefile/1",
        "generated": "2026-01-01T00:00:00Z",
        "built_from": ["evil"],
        "documents": [doc],
        "entities": [
            {
                "id": "e-1",
                "kind": "person",
                "name": "[b]x[/b]",
                "mentions": [x, script],
                "aliases": [{"name": script["text"], "type": "aka", "sources": [script]}],
                "documents": ["d-1"],
                "attributes": [
                    {"type": "role", "value": "| pipe", "sources": [_span(doc, "| pipe")]}
                ],
                "merges": [
                    {
                        "a": "[b]x[/b]",
                        "b": script["text"],
                        "score": 1.0,
                        "reasons": ["<b>because</b>"],
                        "evidence": script,
                    }
                ],
                "possible_same": [],
            },
            {
                "id": "e-2",
                "kind": "person",
                "name": "*Ann* _Lee_",
                "mentions": [ann],
                "aliases": [],
                "documents": ["d-1"],
                "merges": [],
                "possible_same": [],
            },
            {
                "id": "e-3",
                "kind": "place",
                "name": "=cmd(1) Town",
                "mentions": [town],
                "aliases": [{"name": "=cmd(1) Town", "type": "variant", "sources": [town]}],
                "documents": ["d-1"],
                "merges": [],
                "possible_same": [],
            },
        ],
        "events": [
            {
                "id": "ev-1",
                "date": "2024-01-03",
                "date_text": "3 January 2024",
                "date_basis": "explicit <date>",
                "summary": first,
                "entities": ["e-1", "e-2", "e-3"],
                "sources": [s1],
                "date_sources": [_span(doc, "3 January 2024")],
            },
            {
                "id": "ev-2",
                "date": "2020-11",
                "date_text": "2020-11",
                "date_basis": "explicit",
                "summary": "| month <b>",
                "entities": ["e-1", "e-2"],
                "sources": [_span(doc, "2020-11")],
                "date_sources": [_span(doc, "2020-11")],
            },
            {
                "id": "ev-3",
                "date": "2020",
                "date_text": "2020",
                "date_basis": "explicit",
                "summary": "year",
                "entities": [],
                "sources": [_span(doc, "2020.")],
                "date_sources": [_span(doc, "2020.")],
            },
        ],
        "claims": [
            {
                "id": "c-1",
                "what": "killed",
                "value": "=cmd",
                "number": 5,
                "bound": ">=",
                "event": "ev-1",
                "sources": [_span(doc, "=cmd")],
                "sentence": cmd,
                "conflicts_with": ["c-2"],
                "agreement": "<contradictory>",
            },
            {
                "id": "c-0",
                "what": "killed",
                "value": "at least 5",
                "number": 5,
                "bound": ">=",
                "event": "ev-1",
                "sources": [claim5],
                "sentence": claim5,
                "conflicts_with": [],
            },
            {
                "id": "c-2",
                "what": "killed",
                "value": "more than 4",
                "number": 4,
                "bound": ">",
                "event": "ev-1",
                "sources": [claim4],
                "sentence": claim4,
                "conflicts_with": ["c-1"],
                "agreement": "<contradictory>",
            },
        ],
        "relations": [{"source": "e-1", "target": "e-2", "type": "linked <to>", "sources": [x]}],
    }


def _entity(case: dict[str, Any], name: str) -> dict[str, Any]:
    return next(e for e in case["entities"] if e["name"] == name)


# -- registry ---------------------------------------------------------------------------


def test_formats_and_guess() -> None:
    assert {
        "json",
        "markdown",
        "html",
        "csv",
        "ftm",
        "timelinejs",
        "gexf",
        "graphml",
        "annotations",
    } <= exports.FORMATS.keys()
    for name, (_render, ext) in exports.FORMATS.items():
        assert exports.guess(f"out{ext}") == name
    assert exports.guess("case.timeline.json") == "timelinejs"
    assert exports.guess("case.json") == "json"
    assert exports.guess("x/CASE.FTM.JSON") == "ftm"
    assert exports.guess("a.jsonl") == "ftm"
    assert exports.guess("a.csv") == exports.guess("a.zip") == "csv"
    assert exports.guess("-") is None and exports.guess("notes") is None
    assert exports.guess(".md") is None


def test_hostile_case_spans_hold() -> None:
    c = hostile_case()
    text = c["documents"][0]["text"]
    spans = [s for e in c["entities"] for s in e["mentions"]]
    spans += [s for ev in c["events"] for s in ev["sources"] + ev["date_sources"]]
    spans += [s for cl in c["claims"] for s in cl["sources"]]
    assert all(text[s["start"] : s["end"]] == s["text"] for s in spans)


# -- FollowTheMoney ---------------------------------------------------------------------


def _ftm(case: dict[str, Any]) -> list[dict[str, Any]]:
    from followthemoney import model

    out = exports.render(case, "ftm")
    assert isinstance(out, str) and out.endswith("\n")
    rows = [json.loads(line) for line in out.splitlines()]
    ids = {r["id"] for r in rows}
    for row in rows:
        # cleaned=False: the library parses and cleans every value; nothing may be dropped
        proxy = model.get_proxy(row, cleaned=False)
        assert proxy.to_dict()["properties"] == row["properties"], row
        for name, values in row["properties"].items():
            prop = proxy.schema.get(name)
            assert prop is not None, (row["schema"], name)
            for v in values:
                assert prop.type.validate(v), (row["schema"], name, v)
                assert len(v) <= prop.type.max_length, (row["schema"], name)
                if prop.type.name == "entity":
                    assert v in ids, (row["schema"], name, v)
        for name in proxy.schema.required:
            assert row["properties"].get(name), (row["schema"], name)
    return rows


def test_ftm_entities_are_valid_and_carry_every_name(case: dict[str, Any]) -> None:
    rows = _ftm(case)
    schemas = {r["schema"] for r in rows}
    assert {
        "Person",
        "Organization",
        "Address",
        "Event",
        "Document",
        "Documentation",
        "Mention",
        "UnknownLink",
    } <= schemas
    people = [r for r in rows if r["schema"] == "Person"]
    tanvir = next(p for p in people if p["properties"]["name"] == ["Mohammad Imran Tanvir"])
    names = {v for k in ("alias", "weakAlias") for v in tanvir["properties"].get(k, [])}
    assert {"Mohammad Omran Tanveer", "Abu Imran", "Abu Omran"} <= names
    assert "Tanveer" in tanvir["properties"]["weakAlias"]
    docs = [r for r in rows if r["schema"] == "Document"]
    assert {d["properties"]["fileName"][0] for d in docs} == {d["name"] for d in case["documents"]}
    assert set(tanvir["properties"]["proof"]) == {d["id"] for d in docs}
    # the link Tanveer -> Abdullah Tajiki
    tajiki = next(p for p in people if p["properties"]["name"] == ["Abdullah Tajiki"])
    links = [r["properties"] for r in rows if r["schema"] == "UnknownLink"]
    assert any(
        lk["subject"] == [tanvir["id"]]
        and lk["object"] == [tajiki["id"]]
        and lk["role"] == ["linked to"]
        for lk in links
    )


def test_ftm_event_dates_keep_their_precision(case: dict[str, Any]) -> None:
    rows = _ftm(case)
    events = [r for r in rows if r["schema"] == "Event"]
    assert sorted(e["properties"]["date"][0] for e in events) == sorted(
        ev["date"] for ev in case["events"]
    )
    assert {"2020", "2020-11", "2024-01-03"} <= {e["properties"]["date"][0] for e in events}
    people = {r["id"] for r in rows if r["schema"] == "Person"}
    assert any(set(e["properties"].get("involved", [])) & people for e in events)


def test_ftm_hostile_case_is_valid() -> None:
    rows = _ftm(hostile_case())
    place = next(r for r in rows if r["schema"] == "Address")
    assert place["properties"]["name"] == ["=cmd(1) Town"]


# -- graphs -----------------------------------------------------------------------------


def test_gexf_and_graphml_load_with_networkx(case: dict[str, Any]) -> None:
    import networkx as nx

    tanvir, tajiki = _entity(case, "Mohammad Imran Tanvir"), _entity(case, "Abdullah Tajiki")
    gexf = exports.render(case, "gexf")
    graphml = exports.render(case, "graphml")
    assert gexf == graph.render_gexf(case)
    for g in (
        nx.read_gexf(io.BytesIO(gexf.encode())),
        nx.read_graphml(io.BytesIO(graphml.encode())),
    ):
        labels = {d["label"] for _, d in g.nodes(data=True)}
        assert {"Mohammad Imran Tanvir", "Abdullah Tajiki", "Qasem Soleimani"} <= labels
        assert g.nodes[tanvir["id"]]["kind"] == "person"
        assert g.nodes[tanvir["id"]]["mentions"] == len(tanvir["mentions"])
        linked = [
            d
            for _, _, d in g.edges([tanvir["id"]], data=True)
            if d.get("kind") == "relation" and d.get("label") == "linked to"
        ]
        assert len(linked) == 1 and linked[0]["weight"] == 1
        assert g.has_edge(tanvir["id"], tajiki["id"])
        co = [d for _, _, d in g.edges(data=True) if d.get("kind") == "co-occurrence"]
        assert co and all(d["weight"] >= 1 for d in co)
        assert any(d.get("date") == "2020-11" for d in co)


def test_gexf_is_dynamic_with_full_start_dates(case: dict[str, Any]) -> None:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(graph.render_gexf(case))
    ns = {"g": "http://www.gexf.net/1.2draft"}
    g = root.find("g:graph", ns)
    assert g is not None and g.get("mode") == "dynamic" and g.get("timeformat") == "date"
    starts = [
        e.get("start") for e in root.iter("{http://www.gexf.net/1.2draft}edge") if e.get("start")
    ]
    assert starts and all(re.fullmatch(r"\d{4}-\d\d-\d\d", s) for s in starts)
    assert "2020-11-01" in starts


# -- TimelineJS -------------------------------------------------------------------------

_PART = {"type": "string", "pattern": r"^[0-9]+$"}
TIMELINE_SCHEMA = {
    "type": "object",
    "required": ["title", "events"],
    "properties": {
        "title": {
            "type": "object",
            "required": ["text"],
            "properties": {"text": {"$ref": "#/$defs/text"}},
        },
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date", "text"],
                "properties": {
                    "unique_id": {"type": "string"},
                    "group": {"type": "string"},
                    "text": {"$ref": "#/$defs/text"},
                    "start_date": {
                        "type": "object",
                        "required": ["year"],
                        "additionalProperties": False,
                        "properties": {"year": _PART, "month": _PART, "day": _PART},
                        "dependentRequired": {"day": ["month"]},
                    },
                },
            },
        },
    },
    "$defs": {
        "text": {
            "type": "object",
            "required": ["headline"],
            "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
        }
    },
}


def test_timelinejs_matches_schema_and_precision(case: dict[str, Any]) -> None:
    import jsonschema

    data = json.loads(exports.render(case, "timelinejs"))
    jsonschema.validate(data, TIMELINE_SCHEMA)
    by_id = {ev["id"]: ev for ev in case["events"]}
    assert len(data["events"]) == len(by_id)
    for item in data["events"]:
        date = by_id[item["unique_id"]]["date"]
        parts = [item["start_date"][k] for k in ("year", "month", "day") if k in item["start_date"]]
        assert [int(p) for p in parts] == [int(p) for p in date.split("-")]
    assert timelinejs.date_parts("2020") == {"year": "2020"}
    assert timelinejs.date_parts("2020-11") == {"year": "2020", "month": "11"}
    assert timelinejs.date_parts("2024-01-03") == {"year": "2024", "month": "1", "day": "3"}


def test_timelinejs_escapes_html() -> None:
    data = json.loads(exports.render(hostile_case(), "timelinejs"))
    import jsonschema

    jsonschema.validate(data, TIMELINE_SCHEMA)
    blob = json.dumps(data, ensure_ascii=False)
    assert "<script" not in blob and "&lt;script&gt;" in blob
    assert "\x1b" not in blob and "[2J" not in blob
    assert "| month &lt;b&gt;" in blob and "explicit &lt;date&gt;" in blob


# -- Web Annotations --------------------------------------------------------------------


def test_annotations_selectors_point_at_the_text(case: dict[str, Any]) -> None:
    data = json.loads(exports.render(case, "annotations"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    assert data["total"] == len(items) == sum(len(e["mentions"]) for e in case["entities"])
    texts = {f"urn:sha256:{d['sha256']}": d["text"] for d in case["documents"]}
    for a in items:
        assert a["type"] == "Annotation" and a["motivation"] == "identifying"
        sel = {s["type"]: s for s in a["target"]["selector"]}
        text = texts[a["target"]["source"]]
        pos, quote = sel["TextPositionSelector"], sel["TextQuoteSelector"]
        assert text[pos["start"] : pos["end"]] == quote["exact"]
        assert text[: pos["start"]].endswith(quote["prefix"]) and len(quote["prefix"]) <= 32
        assert text[pos["end"] :].startswith(quote["suffix"]) and len(quote["suffix"]) <= 32
        purposes = {b["purpose"] for b in a["body"]}
        assert "identifying" in purposes
    assert len({a["id"] for a in items}) == len(items)
    assert annotations.annotations(hostile_case())[0]["target"]["selector"][0]["exact"] == (
        "[b]x[/b]"
    )


# -- Markdown ---------------------------------------------------------------------------


def _md_to_html(md: str) -> str:
    mdit = pytest.importorskip("markdown_it")
    plugins = pytest.importorskip("mdit_py_plugins.footnote")
    return (
        mdit.MarkdownIt("commonmark")
        .enable(["table", "strikethrough"])
        .use(plugins.footnote_plugin)
        .render(md)
    )


def test_markdown_report_of_the_sample(case: dict[str, Any]) -> None:
    md = exports.render(case, "markdown")
    assert isinstance(md, str)
    for heading in (
        "## People",
        "## Organizations",
        "## Places",
        "## Timeline",
        "## Conflicting claims",
        "## Relations",
        "## Sources",
    ):
        assert heading in md
    assert "### Mohammad Imran Tanvir" in md
    for alias in ("Abu Imran", "Abu Omran", "Mohammad Omran Tanveer"):
        assert alias in md
    for date in ("### 2020\n", "### 2020-11\n", "### 2024-01-03\n", "### 2024-01\n"):
        assert date in md
    conflicts = md.split("## Conflicting claims")[1].split("## Relations")[0]
    assert "more than 90" in conflicts and "at least 91" in conflicts
    assert "linked to" in md.split("## Relations")[1]
    # every reference has a definition and the other way round
    refs = set(re.findall(r"\[\^(\d+)\](?!:)", md))
    defs = set(re.findall(r"^\[\^(\d+)\]:", md, re.M))
    assert refs == defs and refs
    html_out = _md_to_html(md)
    assert html_out.count('class="footnote-item"') == len(defs)


def test_markdown_footnotes_quote_the_sources(case: dict[str, Any]) -> None:
    rep = report.build(case)
    texts = {d["id"]: d["text"] for d in case["documents"]}
    assert rep.notes
    for note in rep.notes:
        text = texts[note.doc]
        assert text[note.start : note.end] == note.quote
        assert text[note.start - len(note.before) : note.start] == note.before
        assert text[note.end : note.end + len(note.after)] == note.after
    md = markdown.render(case)
    for note in rep.notes:
        line = next(x for x in md.splitlines() if x.startswith(f"[^{note.n}]:"))
        assert markdown.escape(note.quote) in line
    # events are cited with their whole sentence
    sentences = {(s["doc"], s["start"]) for ev in case["events"] for s in ev["sources"]}
    cited = {(n.doc, n.start) for n in rep.notes if not n.before and not n.after}
    assert sentences <= cited


def test_markdown_keeps_hostile_text_inert() -> None:
    md = markdown.render(hostile_case())
    assert "\x1b" not in md and "[2J" not in md
    assert "<script>" not in md and "\\<script\\>" in md
    assert not re.search(r"(?<!\\)\|", md)
    assert not re.search(r"(?<!\\)\[(?!\^\d+\])", md)  # only footnote brackets stay live
    html_out = _md_to_html(md)
    assert "<script" not in html_out and "<table" not in html_out and "<img" not in html_out
    assert not re.search(r'href="(?!#fn)', html_out)
    assert "<em>" not in html_out and "<h1>" in html_out and html_out.count("<h1>") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_out
    assert "[b]x[/b]" in html_out


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_markdown_escape_is_literal(s: str) -> None:
    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.tags: list[str] = []
            self.text = ""

        def handle_starttag(self, tag: str, attrs: Any) -> None:
            self.tags.append(tag)

        def handle_data(self, data: str) -> None:
            self.text += data

    p = Text()
    p.feed(_md_to_html("- " + markdown.escape(s)))
    p.close()
    assert set(p.tags) <= {"ul", "li"}
    assert p.text.strip() == one_line(s).replace("\x00", "\ufffd").strip()


# -- HTML -------------------------------------------------------------------------------

_VOID = {"meta", "br", "hr", "img", "link", "input", "wbr"}


class _Checker(HTMLParser):
    """Collects tags and checks that every element is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _check_html(doc: str) -> _Checker:
    c = _Checker()
    c.feed(doc)
    c.close()
    assert not c.errors and not c.stack, (c.errors, c.stack)
    names = [t for t, _ in c.tags]
    assert "script" not in names and "<script" not in doc.lower()
    assert 'href="http' not in doc and ' src="' not in doc
    for _, attrs in c.tags:  # the only links are to anchors in the page; nothing loads
        assert "src" not in attrs and (attrs.get("href") or "#").startswith("#")
    assert ("meta", {"charset": "utf-8"}) in c.tags
    ids = [a["id"] for _, a in c.tags if a.get("id")]
    assert len(ids) == len(set(ids))
    for _, attrs in c.tags:  # internal links all land
        if attrs.get("href"):
            assert attrs["href"][1:] in ids
    return c


def test_html_report_of_the_sample(case: dict[str, Any]) -> None:
    doc = html_export.render(case)
    assert doc.startswith("<!DOCTYPE html>")
    c = _check_html(doc)
    text = "".join(c.text)
    for needle in (
        "Mohammad Imran Tanvir",
        "Abu Omran",
        "Mohammad Omran Tanveer",
        "more than 90",
        "at least 91",
        "2020-11",
        "linked to",
    ):
        assert needle in text
    assert sum(1 for t, _ in c.tags if t == "h2") == 8  # seven sections and the notes


def test_html_escapes_hostile_text() -> None:
    doc = html_export.render(hostile_case())
    _check_html(doc)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in doc
    assert "\x1b" not in doc and "[2J" not in doc
    assert "<b>" not in doc and "<i>" not in doc


# -- CSV --------------------------------------------------------------------------------


def _read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_folder_of_the_sample(case: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "tables"
    exports.write(case, "csv", out)
    files = {p.name for p in out.iterdir()}
    assert files == {"entities.csv", "names.csv", "mentions.csv", "events.csv", "claims.csv"}
    tables = {n: _read((out / n).read_text(encoding="utf-8")) for n in files}
    assert len(tables["entities.csv"]) == len(case["entities"])
    assert len(tables["mentions.csv"]) == sum(len(e["mentions"]) for e in case["entities"])
    assert len(tables["events.csv"]) == len(case["events"])
    texts = {d["id"]: d["text"] for d in case["documents"]}
    tanvir = _entity(case, "Mohammad Imran Tanvir")
    names = [r for r in tables["names.csv"] if r["entity"] == tanvir["id"]]
    assert {"Abu Imran", "Abu Omran", "Mohammad Omran Tanveer"} <= {r["name"] for r in names}
    for r in names:
        assert texts[r["doc"]][int(r["start"]) : int(r["end"])] == r["name"]
    assert list(tables["names.csv"][0]) == [
        "entity",
        "name",
        "type",
        "doc",
        "document",
        "start",
        "end",
    ]
    values = {r["value"] for r in tables["claims.csv"]}
    assert {"more than 90", "at least 91"} <= values


def test_csv_neutralises_formulas_and_zips(tmp_path: Path) -> None:
    c = hostile_case()
    target = tmp_path / "case.zip"
    csv_export.write(c, target)
    with zipfile.ZipFile(target) as z:
        assert set(z.namelist()) == {
            "entities.csv",
            "names.csv",
            "mentions.csv",
            "events.csv",
            "claims.csv",
        }
        tables = {n: _read(z.read(n).decode("utf-8")) for n in z.namelist()}
    claims = tables["claims.csv"]
    assert {r["value"] for r in claims} >= {"'=cmd", "at least 5"}
    assert all(
        not v.startswith(("=", "+", "-", "@", "\t", "\r"))
        for t in tables.values()
        for r in t
        for v in r.values()
    )
    places = [r for r in tables["entities.csv"] if r["kind"] == "place"]
    assert places[0]["name"] == "'=cmd(1) Town"
    assert all("\x1b" not in v for t in tables.values() for r in t for v in r.values())
    assert csv_export.cell("-2+3") == "'-2+3" and csv_export.cell(-2) == -2
    assert csv_export.cell("\r=1").startswith("'")
    assert zipfile.is_zipfile(io.BytesIO(csv_export.render(c)))


# -- import hygiene ---------------------------------------------------------------------


def test_exports_import_no_heavy_modules(tmp_path: Path) -> None:
    code = (
        "import json, sys\n"
        "import casefile.exports as x\n"
        "lazy = [m for m in ('followthemoney', 'networkx') if m in sys.modules]\n"
        "case = json.loads(sys.stdin.read())\n"
        "for name in x.FORMATS:\n"
        "    assert x.render(case, name)\n"
        "x.write(case, 'csv', sys.argv[1])\n"
        "heavy = [m for m in ('spacy', 'textual', 'rich', 'thinc') if m in sys.modules]\n"
        "print(json.dumps({'lazy': lazy, 'heavy': heavy}))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "t.zip")],
        input=json.dumps(hostile_case()),
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert json.loads(r.stdout.splitlines()[-1]) == {"lazy": [], "heavy": []}
