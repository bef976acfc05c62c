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
