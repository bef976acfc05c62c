"""Forms found in the ninth round of generalisation, each written with invented names."""

from __future__ import annotations

from tests.unit.test_general_forms6 import _aged
from tests.unit.test_judgements import case_of, doc, ent


def _texts(case, name: str) -> set[str]:
    return {m["text"] for m in ent(case, name)["mentions"]}


def test_a_lone_given_name_joins_the_one_full_name_of_his_family_in_another_document() -> None:
    # d1: "Doku Vakhrayev, 53, and his sons Timur, 24, and Aslan"; d2 names the sons in full
    d1 = _aged(
        doc(
            "d1",
            ("Doku Vakhrayev", "person", 0, "name"),
            ("Timur", "person", 1, "name"),
            ("Aslan", "person", 2, "name"),
        ),
        {1: 24},
    )
    d2 = _aged(
        doc(
            "d2",
            ("Timur Vakhrayev", "person", 0, "name"),
            ("Aslan Vakhrayev", "person", 1, "name"),
        ),
        {0: 25},
    )
    case = case_of([d1, d2])
    assert _texts(case, "Timur") == {"Timur", "Timur Vakhrayev"}
    assert _texts(case, "Aslan") == {"Aslan", "Aslan Vakhrayev"}
    reasons = [r for g in ent(case, "Timur")["merges"] for r in g["reasons"]]
    assert any("only person in the case with that given name" in r for r in reasons)
    assert any("Doku Vakhrayev" in r for r in reasons)  # the family named beside him
    assert _texts(case, "Doku Vakhrayev") == {"Doku Vakhrayev"}  # the father stays himself


def test_a_lone_given_name_joins_the_full_name_that_carries_the_father_s_name() -> None:
    # an Arabic chain of names: the son's second name is his father's given name
    d1 = doc("d1", ("Khalaf Nasser al-Obeidi", "person", 0, "name"), ("Yazan", "person", 1, "name"))
    d2 = doc("d2", ("Yazan Khalaf Nassir", "person", 0, "name"))
    case = case_of([d1, d2])
    assert _texts(case, "Yazan") == {"Yazan", "Yazan Khalaf Nassir"}


def test_a_lone_given_name_stays_alone_without_family_ages_or_a_single_owner() -> None:
    # nobody of his family in his document, and no ages: not enough
    case = case_of(
        [
            doc("d1", ("Ilyas", "person", 0, "name"), ("Marta Kowal", "person", 1, "name")),
            doc("d2", ("Ilyas Berzoyev", "person", 0, "name")),
        ]
    )
    assert _texts(case, "Ilyas") == {"Ilyas"}
    # two people in the case with that given name: the lone one could be either
    case = case_of(
        [
            doc("d1", ("Ruslan Gatsayev", "person", 0, "name"), ("Murad", "person", 1, "name")),
            doc("d2", ("Murad Gatsayev", "person", 0, "name")),
            doc("d3", ("Murad Tepsurkayev", "person", 0, "name")),
        ]
    )
    assert _texts(case, "Murad") == {"Murad"}
    # the ages disagree: a namesake, not the same man
    case = case_of(
        [
            _aged(
                doc("d1", ("Ruslan Gatsayev", "person", 0, "name"), ("Murad", "person", 1, "name")),
                {1: 12},
            ),
            _aged(doc("d2", ("Murad Gatsayev", "person", 0, "name")), {0: 40}),
        ]
    )
    assert _texts(case, "Murad") == {"Murad"}


def test_a_lone_surname_is_never_joined_across_documents_by_this_rule() -> None:
    case = case_of(
        [
            doc(
                "d1", ("Ruslan Gatsayev", "person", 0, "name"), ("Tepsurkayev", "person", 1, "name")
            ),
            doc("d2", ("Murad Tepsurkayev", "person", 0, "name")),
        ]
    )
    assert _texts(case, "Tepsurkayev") == {"Tepsurkayev"}


def test_known_to_his_followers_by_the_nom_de_guerre_is_an_alias_cue(nlp) -> None:
    from tests.unit.test_extract import run

    text = (
        "Investigators were looking for Tamerlan Bersanov, a 41-year-old native of the town. "
        "Bersanov, known to his followers by the nom de guerre Abu Safiya, has been wanted "
        "since 2021."
    )
    ex, groups, _ = run(nlp, text)
    assert any({"Tamerlan Bersanov", "Abu Safiya"} <= g for g in groups)
    assert any(m.text == "Abu Safiya" and m.role == "aka" for m in ex.mentions)
