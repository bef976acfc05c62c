"""A whole build on an invented two-article story: resolution, dating, claims, relations."""

from __future__ import annotations

from pathlib import Path

from casefile import store


def by_name(case: dict, name: str) -> dict:
    return next(e for e in case["entities"] if e["name"] == name)


def test_people_resolved_across_spellings_and_aliases(story_case: Path) -> None:
    case = store.load(story_case)
    p = by_name(case, "Rustam Nazarov")
    names = {a["name"]: a["type"] for a in p["aliases"]}
    assert names["Rustam Nazarow"] == "variant"
    assert names["Abu Hafs"] == "aka" and names["Abu Khafs"] == "aka"
    assert names["Nazarov"] == "short" and names["Nazarow"] == "short"
    assert len(p["documents"]) == 2
    cross = [m for m in p["merges"] if "type" not in m]
    assert cross and any("nazarov~nazarow" in r for m in cross for r in m["reasons"])
    assert by_name(case, "Dmitri Volkov")["aliases"][0]["name"] == "Dmitry Volkov"


def test_kinds_corrected_by_the_gazetteer(story_case: Path) -> None:
    case = store.load(story_case)
    assert by_name(case, "Moldova")["kind"] == "place"
    assert by_name(case, "Odessa")["kind"] == "place"
    assert len([e for e in case["entities"] if e["name"] == "Odessa"]) == 1


def test_reference_dates_inferred_and_borrowed(story_case: Path) -> None:
    docs = {d["name"]: d for d in store.load(story_case)["documents"]}
    a, b = docs["a_wire.txt"], docs["b_daily.txt"]
    assert a["reference_date"] == "2024-03-05"
    assert "is a Tuesday in 2024" in a["reference_basis"]
    assert b["reference_date"] == "2024-03-05"
    assert "borrowed from a_wire.txt" in b["reference_basis"]


def test_events_dated_at_their_precision_and_merged(story_case: Path) -> None:
    case = store.load(story_case)
    dates = {e["date"]: e for e in case["events"]}
    assert {"2019-06", "2024-03-02", "2024-03-04", "2024-03-05"} <= dates.keys()
    blast = dates["2024-03-02"]
    assert {s["doc"] for s in blast["sources"]} == {d["id"] for d in case["documents"]}
    assert dates["2024-03-04"]["date_basis"].startswith("2 days after 'March 2'")


def test_conflicting_counts_are_marked(story_case: Path) -> None:
    claims = store.load(story_case)["claims"]
    killed = {c["value"]: c for c in claims if c["what"] == "killed"}
    a, b = killed["At least 12"], killed["14"]
    assert a["bound"] == ">=" and a["number"] == 12 and b["bound"] == "="
    assert a["conflicts_with"] == [b["id"]] and b["conflicts_with"] == [a["id"]]
    assert a["agreement"] == "stated differently, not contradictory"


def test_relations_and_teasers(story_case: Path) -> None:
    case = store.load(story_case)
    rel = case["relations"][0]
    assert rel["type"] == "linked to"
    assert rel["sources"][0]["text"] == "Nazarov is linked to Dmitri Volkov"
    names = {e["name"] for e in case["entities"]}
    assert not any("Harbor" in n or "Reuters" in n for n in names)  # teaser, photo credit
