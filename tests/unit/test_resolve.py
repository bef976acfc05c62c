"""Cross-document resolution: token alignment, blocking, kinds kept apart, reasons."""

from casefile.model import Extraction, Mention
from casefile.resolve import (
    candidate_pairs,
    cluster,
    locals_of,
    org_names_match,
    person_names_match,
    place_names_match,
)


def ex(doc: str, *names: tuple[str, str, int, str]) -> Extraction:
    ms, pos = [], 0
    for text, kind, local, role in names:
        ms.append(Mention(pos, pos + len(text), text, kind, local, role))  # type: ignore[arg-type]
        pos += len(text) + 1
    return Extraction(doc=doc, model="test", mentions=ms)


def test_person_names_align_token_by_token() -> None:
    m = person_names_match("Rustam Nazarov", "Rustam Nazarow")
    assert m and m.score >= 0.85
    assert any("nazarov~nazarow" in r for r in m.reasons)
    assert person_names_match("Rustam Nazarov", "Timur Nazarov") is None  # relatives
    assert person_names_match("Nazarov", "Nazarov") is None  # a lone surname is not enough


def test_kunyas_are_evidence_not_proof() -> None:
    m = person_names_match("Abu Hafs", "Abu Khafs")
    assert m is not None and m.score < 0.85


def test_orgs_and_places() -> None:
    assert org_names_match("Interior Ministry", "Ministry of the Interior").score >= 0.85
    assert org_names_match("EFB", "Eastern Front Brigade").score >= 0.85
    assert org_names_match("Eastern Front Brigade", "Western Front Brigade") is None
    m = place_names_match("U.S.", "United States")
    assert m and "gazetteer" in m.reasons[0]


def test_cluster_merges_across_documents_with_reasons() -> None:
    e1 = ex(
        "d1",
        ("Rustam Nazarov", "person", 0, "name"),
        ("Abu Hafs", "person", 0, "aka"),
        ("Odessa", "place", 1, "name"),
    )
    e2 = ex(
        "d2",
        ("Rustam Nazarow", "person", 0, "name"),
        ("Nazarow", "person", 0, "short"),
        ("Odessa", "place", 1, "name"),
        ("Timur Nazarov", "person", 2, "name"),
    )
    clusters = cluster(locals_of([e1, e2]))
    people = [c for c in clusters if c.locals[0].kind == "person"]
    merged = [c for c in people if len(c.locals) == 2]
    assert len(merged) == 1
    assert {loc.doc for loc in merged[0].locals} == {"d1", "d2"}
    assert merged[0].merges[0]["score"] >= 0.85 and merged[0].merges[0]["reasons"]
    # the relative with the same surname stays apart
    assert any(c.locals[0].names() == ["Timur Nazarov"] for c in people)
    places = [c for c in clusters if c.locals[0].kind == "place"]
    assert len(places) == 1 and len(places[0].locals) == 2


def test_kinds_are_kept_apart_and_no_same_document_pairs() -> None:
    e1 = ex("d1", ("Jordan Hale", "person", 0, "name"), ("Jordan", "place", 1, "name"))
    e2 = ex("d2", ("Jordan", "place", 0, "name"))
    locs = locals_of([e1, e2])
    for i, j in candidate_pairs(locs):
        assert locs[i].doc != locs[j].doc
        assert locs[i].kind == locs[j].kind


def test_blocking_is_not_all_pairs() -> None:
    exs = [ex(f"d{i}", (f"Person{i} Surname{i}x", "person", 0, "name")) for i in range(300)]
    locs = locals_of(exs)
    assert len(candidate_pairs(locs)) < 300  # unrelated names are never compared


def test_a_name_in_more_documents_than_a_block_holds_is_still_one_entity() -> None:
    """Locals with the same names are grouped before blocking: a place or a person named the
    same way in hundreds of documents is one entity, and each distinct pair is scored once."""
    from casefile.resolve import MAX_BLOCK

    n = MAX_BLOCK + 50
    exs = [
        ex(
            f"d{i:04}",
            ("Odessa", "place", 0, "name"),
            ("Rustam Nazarov" if i % 2 else "Rustam Nazarow", "person", 1, "name"),
            ("Ali", "person", 2, "name"),  # a short lone name: never joined across documents
        )
        for i in range(n)
    ]
    clusters = cluster(locals_of(exs))
    sizes = sorted(len(c.locals) for c in clusters)
    assert sizes[-2:] == [n, n]  # Odessa, and Nazarov under both spellings
    assert sizes.count(1) == n  # the lone names
