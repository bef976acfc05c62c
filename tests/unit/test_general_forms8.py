"""Forms found in the tenth round of generalisation, each written with invented names."""

from __future__ import annotations

from casefile.extract import _Cand, _extend_names


def test_a_carried_over_surname_that_grows_a_given_name_is_a_name_of_its_own(nlp) -> None:
    # the model missed "Mahnaz Zehri"; the surname of "Waris Zehri" was found again there and
    # the given name before it taken in: she is named in full, not by a short form of him
    text = 'Waris Zehri, 22, was killed. "He was a student," Mahnaz Zehri, his sister, said.'
    at = text.rindex("Zehri")
    cand = _Cand(at, at + len("Zehri"), "person", "propagate", role="short")
    _extend_names([cand], nlp(text), text)
    assert cand.text(text) == "Mahnaz Zehri"
    assert cand.role == "name"


def test_a_place_someone_fled_or_returned_to_is_a_place() -> None:
    from casefile.extract import _cue

    for text in (
        "After the offensive he fled to Palawan with a handful of followers.",
        "She returned to Palawan in May.",
    ):
        a = text.index("Palawan")
        assert _cue(text, a, a + len("Palawan"), "person") == "place", text
    text = "The letter was sent to Palawan Reyes in May."  # not a journey: no cue
    a = text.index("Palawan")
    assert _cue(text, a, a + len("Palawan"), "person") is None
