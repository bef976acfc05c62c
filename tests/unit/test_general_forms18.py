"""Forms found in the nineteenth round, each written with invented names."""

from __future__ import annotations

from tests.unit.test_general_forms12 import _texts
from tests.unit.test_judgements import case_of, doc


def test_a_lone_kunya_joins_its_one_owner_even_where_he_is_named_beside_it() -> None:
    # The second outlet names the man and, a paragraph on, his kunya, without saying the two
    # are one: the kunya is still his when no one else in the case is known by it.
    def case(*extra):
        return case_of(
            [
                doc(
                    "d1",
                    ("Salem Rashid Kanaan", "person", 0, "name"),
                    ("Abu Firas", "person", 0, "aka"),
                ),
                doc(
                    "d2",
                    ("Salem Kanaan", "person", 0, "name"),
                    ("Abou Firas", "person", 1, "name"),
                ),
                *extra,
            ]
        )

    assert _texts(case(), "Abou Firas") >= {"Abou Firas", "Salem Rashid Kanaan", "Salem Kanaan"}
    # two named men known by it: the lone kunya could be either
    other = doc("d3", ("Nader Youssef", "person", 0, "name"), ("Abu Firas", "person", 0, "aka"))
    assert _texts(case(other), "Abou Firas") == {"Abou Firas"}


def test_a_lone_kunya_beside_its_owner_is_left_when_he_has_another_kunya() -> None:
    # One outlet gives him two different kunyas: one of them may belong to a man it names
    # next to him, so a lone one in a document that names him too is left to a person.
    pairs = [
        doc(
            "d1",
            ("Salem Rashid Kanaan", "person", 0, "name"),
            ("Abu Firas", "person", 0, "aka"),
            ("Abu Tamim", "person", 0, "aka"),
        ),
        doc("d2", ("Salem Kanaan", "person", 0, "name"), ("Abou Tamim", "person", 1, "name")),
    ]
    assert "Salem Kanaan" not in _texts(case_of(pairs), "Abou Tamim")
    # where the document does not name him, the kunya is still his
    alone = [pairs[0], doc("d2", ("Abou Tamim", "person", 0, "name"))]
    assert "Salem Rashid Kanaan" in _texts(case_of(alone), "Abou Tamim")
