"""Name forms found in the seventh round of generalisation, each written with invented names."""

from __future__ import annotations

from casefile.matching import MERGE_AT, person_names_match
from tests.unit.test_judgements import case_of, doc, ent


def test_a_given_name_and_the_surname_s_initial_as_court_reports_shorten_it() -> None:
    # German and Dutch reports name a defendant "Wacha T."; the wire writes him out
    m = person_names_match("Watscha T.", "Vacha Temirkhanov")
    assert m and m.score >= MERGE_AT
    assert any("surname's initial" in r for r in m.reasons)
    # another given name, or another surname's initial, is someone else
    assert person_names_match("Selim T.", "Vacha Temirkhanov") is None
    assert person_names_match("Watscha B.", "Vacha Temirkhanov") is None
    # the Russian order "Surname I." still reads the initial as the given name's
    m = person_names_match("Temirkhanov V.", "Vacha Temirkhanov")
    assert m and any("initial V. for vacha" in r for r in m.reasons)


def test_a_shortened_defendant_is_one_person_with_the_wire_s_full_name() -> None:
    case = case_of(
        [
            doc("d1", ("Watscha T.", "person", 0, "name"), ("Selim T.", "person", 1, "name")),
            doc("d2", ("Vacha Temirkhanov", "person", 0, "name")),
        ]
    )
    names = {m["text"] for m in ent(case, "Vacha Temirkhanov")["mentions"]}
    assert names == {"Vacha Temirkhanov", "Watscha T."}
    assert {m["text"] for m in ent(case, "Selim T.")["mentions"]} == {"Selim T."}
