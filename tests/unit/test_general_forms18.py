"""Forms found in the nineteenth round, each written with invented names."""

from __future__ import annotations

from casefile.matching import MERGE_AT, person_names_match
from tests.unit.test_general_forms12 import _texts
from tests.unit.test_general_forms14 import _locals
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


def test_greek_names_in_their_several_romanisations() -> None:
    for a, b in (
        ("Giannis Papadakis", "Yiannis Papadakis"),  # gamma before i: g or y
        ("Pantelis Charalampidis", "Pantelis Haralambidis"),  # chi: ch or h; mp or mb
        ("Stavros Chatzidakis", "Stavros Hatzidakis"),
    ):
        m = person_names_match(a, b)
        assert m is not None and m.score >= MERGE_AT, (a, b, m)
    # outside a Greek name's ending, ch and h stay apart ("Charif" is no "Harif")
    assert person_names_match("Charif Rahal", "Harif Rahal") is None


def test_an_english_short_form_of_a_given_name() -> None:
    for a, b in (("Matt Dorrance", "Matthew Dorrance"), ("Matty Welch", "Matthew Welch")):
        m = person_names_match(a, b)
        assert m is not None and m.score >= MERGE_AT, (a, b, m)
        assert any("English short form" in r for r in m.reasons), m.reasons
    # a short form that opens with another letter is a name of its own
    assert person_names_match("Erin Dorrance", "Aaron Dorrance") is None
    # father and son both "Jr." / "Sr." stay apart whatever their given names
    assert person_names_match("Matt Dorrance Jr.", "Matthew Dorrance Sr.") is None


def test_a_spanish_name_called_by_given_name_and_fathers_surname() -> None:
    m = person_names_match("Fabio Tibaquira", "Fabio Evaristo Tibaquira Ruedas")
    assert m is not None and m.score >= MERGE_AT, m
    # not an Arabic chain of fathers' names, whose third is the grandfather's
    m = person_names_match("Ali Saadoun", "Ali Nazih Saadoun al-Qaisi")
    assert m is None or "Spanish" not in " ".join(m.reasons), m
    # nor three names, where the middle one may be an English middle name
    m = person_names_match("Trevor Lyle", "Trevor Lyle Lashley")
    assert m is None or m.score < MERGE_AT or "Spanish" not in " ".join(m.reasons), m


def test_a_lone_fathers_surname_of_a_spanish_name_in_the_same_document(nlp) -> None:
    text = (
        "Police named the driver as Wbeimar Alirio Tibaquira Ruedas, 31, a mechanic from the "
        "city. Tibaquira was arrested on Friday, prosecutors said.\n"
    )
    ex, _, locals_ = _locals(nlp, text)
    assert locals_["Tibaquira"] == locals_["Wbeimar Alirio Tibaquira Ruedas"]
    link = next(lk for lk in ex.links if lk.b == "Tibaquira")
    assert "father's surname" in link.reason, link


def test_an_irish_name_with_o_and_its_fada(nlp) -> None:
    text = (
        "Ciarán Ó Broin (34), of Lurgan, appeared by video-link. Defence solicitor Niamh "
        "Nic Giolla, for Ó Broin, said her client denied the charges.\n"
    )
    _, kinds, locals_ = _locals(nlp, text)
    assert kinds.get("Ciarán Ó Broin") == "person", kinds
    assert locals_["Ó Broin"] == locals_["Ciarán Ó Broin"]


def test_a_rank_or_a_cue_opening_a_sentence_is_no_part_of_the_name(nlp) -> None:
    text = (
        "Patrolman Yeferson Quintal, 24, was wounded in the blast. Alias Mamacho was not found.\n"
    )
    _, kinds, _ = _locals(nlp, text)
    assert kinds.get("Yeferson Quintal") == "person", kinds
    assert not any(s.startswith(("Patrolman", "Alias")) for s in kinds), kinds
