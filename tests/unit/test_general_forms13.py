"""Forms found in the fifteenth round of generalisation, each written with invented names."""

from __future__ import annotations

from tests.unit.test_extract import run


def test_a_country_fused_to_a_participle_is_a_place(nlp) -> None:
    text = (
        "The Chile-backed militia clashed with a U.S.-led coalition near the border. "
        "A Norway-based group and United Kingdom-funded monitors said so."
    )
    ex, _, kinds = run(nlp, text)
    for place in ("Chile", "U.S.", "Norway", "United Kingdom"):
        assert kinds.get(place) == "place", kinds
    assert all(text[m.start : m.end] == m.text for m in ex.mentions)
    # a demonym or a person's name before the participle names no place
    _, _, kinds = run(nlp, "The Saudi-led coalition and a Hartwell-led inquiry met in private.")
    assert "Saudi" not in kinds and kinds.get("Hartwell") != "place", kinds
