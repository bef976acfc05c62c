"""The case file's lookup index: a lookup that reads only the rows it shows must answer
exactly as one over the whole case does."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from casefile import lookup_index, render, store
from casefile.cli import cli
from casefile.lookup_index import LookupIndex
from casefile.search import SearchIndex


def _queries(case: dict) -> list[str]:
    """Every name, alias and spelling, event dates and summaries' words, claim values, and
    misspellings and prefixes of names."""
    out: list[str] = []
    for ent in case["entities"]:
        out.append(ent["name"])
        out += [a["name"] for a in ent.get("aliases", [])]
        out += [m["text"] for m in ent.get("mentions", [])[:3]]
        first = ent["name"].split()[0]
        out += [first[:3], first[1:] + first[0], ent["name"].lower().replace("a", "o")]
    for ev in case["events"]:
        out += [
            ev.get("date") or "",
            ev.get("date_text") or "",
            " ".join(ev["summary"].split()[:3]),
        ]
    out += [f"{c['what']} {c['value']}" for c in case["claims"]]
    return list(dict.fromkeys(q for q in out if q.strip()))


def _slow(path: Path, query: str, limit: int, kinds: set[str] | None):
    case, texts = store.load_light(path)
    hits = SearchIndex(case, sentences=False).search(query, limit=limit, kinds=kinds)
    texts.fill(case)
    return case, hits


def _hit_view(hits) -> list[tuple]:
    return [(h.kind, h.id, h.label, h.score, h.matched, h.spans, h.entity, h.also) for h in hits]


@pytest.mark.parametrize("fixture", ["sample_case", "story_case"])
def test_quick_hits_and_answers_equal_the_whole_case_search(fixture, request) -> None:
    path: Path = request.getfixturevalue(fixture)
    full = store.load(path)
    queries = _queries(full)
    assert len(queries) > 40
    for kinds in (None, {"person"}, {"event", "claim"}):
        for query in queries:
            index = LookupIndex.open(path)
            assert index is not None
            try:
                qcase, qhits = index.search(query, 10, kinds)
                index.texts(qcase["documents"]).fill(qcase)
            finally:
                index.close()
            case, hits = _slow(path, query, 10, kinds)
            assert _hit_view(qhits) == _hit_view(hits), query
            assert render.lookup_text(qcase, qhits) == render.lookup_text(case, hits), query
            assert render.lookup_json(qcase, qhits) == render.lookup_json(case, hits), query


def test_rows_are_read_at_their_offsets(sample_case: Path) -> None:
    full = store.load(sample_case)
    index = LookupIndex.open(sample_case)
    assert index is not None
    try:
        for table in ("entities", "events", "claims"):
            ids = [r["id"] for r in full[table]]
            assert index.fetch(table, ids) == full[table]
        docs = index.table("documents")
        assert [d["id"] for d in docs] == [d["id"] for d in full["documents"]]
        texts = index.texts(docs)
        assert [texts.get(d["id"]) for d in docs] == [d["text"] for d in full["documents"]]
    finally:
        index.close()


def test_the_file_stays_one_json_object_with_the_index_as_a_table(sample_case: Path) -> None:
    data = orjson.loads(sample_case.read_bytes())
    assert list(data) == [
        "meta",
        "documents",
        "entities",
        "events",
        "claims",
        "relations",
        "judgements",
        "texts",
        "index",
        "summaries",
        "extractions",
    ]
    assert data["index"]["1"]["v"] == lookup_index.VERSION


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_lookup_without_an_index_or_with_a_damaged_one_reads_the_case(
    sample_case: Path, tmp_path: Path
) -> None:
    want = _run("lookup", "tanveer", "--case", str(sample_case), "--json")
    assert want.exit_code == 0
    # an older layout: the same tables, no index (what a schema-2 casefile wrote)
    data = orjson.loads(sample_case.read_bytes())
    del data["index"]
    old = tmp_path / "old.db"
    old.write_bytes(orjson.dumps(data))
    assert LookupIndex.open(old) is None
    got = _run("lookup", "tanveer", "--case", str(old), "--json")
    assert got.exit_code == 0
    assert json.loads(got.output) == json.loads(want.output)
    # the index's bytes overwritten: not used, and the answer is still right
    raw = bytearray(sample_case.read_bytes())
    at = raw.index(b',"index":') + 20
    raw[at : at + 8] = b"\x00garble\x00"
    bad = tmp_path / "bad.db"
    bad.write_bytes(bytes(raw))
    assert LookupIndex.open(bad) is None


def test_the_command_answers_as_without_the_index(sample_case: Path, tmp_path: Path) -> None:
    """Names, a phrase only the documents' sentences hold (the text is searched then),
    filters, and no match at all: the same output, the same exit status."""
    data = orjson.loads(sample_case.read_bytes())
    del data["index"]
    old = tmp_path / "old.db"
    old.write_bytes(orjson.dumps(data))
    full = store.load(sample_case)
    text = full["documents"][0]["text"]
    labels = " ".join(_queries(full)).casefold()
    phrase = " ".join(w for w in text.split() if w.isalpha() and w.casefold() not in labels)
    phrase = " ".join(phrase.split()[:2])
    queries = [["tanveer"], ["Abu", "Omran"], phrase.split(), ["zzqxw"], ["killed"]]
    for query in queries:
        for extra in ([], ["--json"], ["--kind", "place"], ["--kind", "sentence"]):
            want = _run("lookup", *query, "--case", str(old), *extra)
            got = _run("lookup", *query, "--case", str(sample_case), *extra)
            assert (got.exit_code, got.output) == (want.exit_code, want.output), (query, extra)


def test_an_old_layout_is_given_its_index_by_the_next_save(sample_case: Path, tmp_path: Path):
    data = orjson.loads(sample_case.read_bytes())
    del data["index"]
    old = tmp_path / "old.db"
    old.write_bytes(orjson.dumps(data))
    case = store.load(old)
    store.save(old, case, store.load_extractions(old))
    assert LookupIndex.open(old) is not None


@pytest.mark.parametrize("fixture", ["sample_case", "story_case"])
def test_the_summaries_part_equals_summaries_of_the_whole_rows(fixture, request) -> None:
    from casefile.lookup_index import summaries

    path: Path = request.getfixturevalue(fixture)
    light, texts = store.load_light(path)
    texts.close()
    index = LookupIndex.open(path)
    assert index is not None
    try:
        quick = index.summary_case()
    finally:
        index.close()
    for table in ("entities", "events", "claims"):
        assert quick[table] == summaries(table, light[table])
    assert any(c["conflict_values"] for c in quick["claims"])  # the sample has conflicts
    for d in quick["documents"]:
        assert isinstance(d.pop("text_at"), list)  # where its text lies (a light load takes it)
    for key in ("documents", "judgements", "relations", "generated", "model"):
        assert quick.get(key) == light.get(key), key
