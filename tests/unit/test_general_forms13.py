"""Forms found in the fifteenth round of generalisation, each written with invented names."""

from __future__ import annotations

from tests.unit.test_extract import run


def _assert_places(nlp, text: str, names: tuple[str, ...]) -> None:
    ex, _, kinds = run(nlp, text)
    for name in names:
        assert kinds.get(name) == "place", kinds
    assert all(text[m.start : m.end] == m.text for m in ex.mentions)


def test_a_country_fused_to_a_participle_is_a_place(nlp) -> None:
    text = (
        "The Chile-backed militia clashed with a U.S.-led coalition near the border. "
        "A Norway-based group and United Kingdom-funded monitors said so."
    )
    _assert_places(nlp, text, ("Chile", "U.S.", "Norway", "United Kingdom"))
    # a demonym or a person's name before the participle names no place
    _, _, kinds = run(nlp, "The Saudi-led coalition and a Hartwell-led inquiry met in private.")
    assert "Saudi" not in kinds and kinds.get("Hartwell") != "place", kinds


def test_a_name_before_a_common_noun_of_land_or_water_is_a_place(nlp) -> None:
    text = (
        "Soldiers combed the Velmora Forest and the Karsh Gorge before reaching Tullin Bay. "
        "He was moved to Ostrava Heights Prison and later seen near Dornak National Park."
    )
    names = ("Velmora Forest", "Tullin Bay", "Ostrava Heights Prison", "Dornak National Park")
    _assert_places(nlp, text, names)
    # a group keeps its head noun ("… Forest Brigade" is a unit, not a forest)
    _, _, kinds = run(nlp, "The Velmora Forest Brigade claimed the raid.")
    assert kinds.get("Velmora Forest Brigade") != "place", kinds
