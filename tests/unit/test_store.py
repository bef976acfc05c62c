"""The case file on disk: schema, atomic writes, clear errors, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casefile import store

CASE = {
    "format": "casefile/1",
    "generated": "2026-01-01T00:00:00Z",
    "model": ["test"],
    "documents": [{"id": "d-1", "name": "a.txt", "text": "Hello [b]world[/b]\x1b[2J"}],
    "entities": [{"id": "e-1", "kind": "person", "name": "A", "mentions": []}],
    "events": [],
    "claims": [],
    "relations": [],
}


def test_round_trip_and_schema(tmp_path: Path) -> None:
    p = tmp_path / "c.db"
    store.save(p, CASE, {"sha|m": {"doc": "d-1"}})
    case = store.load(p)
    assert case["documents"] == CASE["documents"]
    assert case["entities"] == CASE["entities"]
    raw = json.loads(p.read_text())
    assert raw["meta"]["1"]["schema"] == store.SCHEMA
    assert store.load_extractions(p) == {"sha|m": {"doc": "d-1"}}


def test_order_is_kept(tmp_path: Path) -> None:
    p = tmp_path / "c.db"
    ents = [{"id": f"e-{i}", "kind": "place", "name": str(i)} for i in range(12)]
    store.save(p, {**CASE, "entities": ents}, {})
    assert [e["id"] for e in store.load(p)["entities"]] == [e["id"] for e in ents]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json at all", "not a case file"),
        ('{"_default": {"1": {"a": 1}}}', "not a casefile case file"),
        ('{"meta": {"1": {"format": "casefile/1", "schema": 99}}}', "newer casefile"),
        ("", "not a casefile case file"),
    ],
)
def test_bad_case_files_are_refused_and_kept(tmp_path: Path, content: str, message: str) -> None:
    p = tmp_path / "c.db"
    p.write_text(content)
    with pytest.raises(store.CaseError, match=message):
        store.load(p)
    with pytest.raises(store.CaseError):
        store.save(p, CASE, {})
    assert p.read_text() == content  # never overwritten


def test_truncated_file(tmp_path: Path) -> None:
    p = tmp_path / "c.db"
    store.save(p, CASE, {})
    p.write_bytes(p.read_bytes()[:-20])
    with pytest.raises(store.CaseError, match="not a case file"):
        store.load(p)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(store.CaseError, match="no such case file"):
        store.load(tmp_path / "nope.db")


def test_write_is_atomic(tmp_path: Path, monkeypatch) -> None:
    p = tmp_path / "c.db"
    store.save(p, CASE, {})
    before = p.read_bytes()

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(store, "_encode", boom)
    with pytest.raises(OSError):
        store.save(p, {**CASE, "entities": []}, {})
    assert p.read_bytes() == before
    assert [x.name for x in tmp_path.iterdir()] == ["c.db"]  # no temp file left behind


def test_light_read_has_everything_but_the_texts_and_reads_a_text_by_its_offset(
    tmp_path: Path,
) -> None:
    p = tmp_path / "c.db"
    store.save(p, CASE, {"k|m": {"doc": "d1"}})
    full = store.load(p)
    light, texts = store.load_light(p)
    try:
        assert [d.get("text") for d in light["documents"]] == [None] * len(light["documents"])
        assert {k: v for k, v in light.items() if k != "documents"} == {
            k: v for k, v in full.items() if k != "documents"
        }
        for d in full["documents"]:
            assert texts.get(d["id"]) == d["text"]
        texts.fill(light)
        assert light == full
    finally:
        texts.close()


def test_a_schema_1_file_with_texts_in_its_rows_still_reads(tmp_path: Path) -> None:

    p = tmp_path / "old.db"
    data = {
        "meta": {"1": {"schema": 1, "format": store.FORMAT, "generated": "x"}},
        "documents": {"1": {"id": "d1", "name": "a.txt", "text": "Rustam spoke.", "_order": 0}},
        "entities": {},
        "extractions": {},
    }
    p.write_text(json.dumps(data))
    assert store.load(p)["documents"][0]["text"] == "Rustam spoke."
    light, texts = store.load_light(p)
    assert texts.get("d1") == "Rustam spoke."
    texts.close()
    store.save(p, store.load(p), {})  # written in the current layout
    assert store.load(p)["documents"][0]["text"] == "Rustam spoke."
    assert p.read_bytes().startswith(b'{"meta":{"1":{"light_end":"')


def test_lazy_rows_read_their_text_on_first_use(tmp_path: Path) -> None:
    p = tmp_path / "c.db"
    store.save(p, CASE, {})
    full = store.load(p)
    light, texts = store.load_light(p, lazy=True)
    try:
        for row, want in zip(light["documents"], full["documents"], strict=True):
            assert "text" in row and row.get("text") == want["text"] == row["text"]
            assert dict(row) == want  # fetched once, then an ordinary key
    finally:
        texts.close()
