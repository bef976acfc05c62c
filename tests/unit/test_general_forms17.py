"""Forms found in the eighteenth round, each written with invented names."""

from __future__ import annotations

from casefile.extract import _Cand, _fix_kinds
from tests.unit.test_general_forms14 import _locals


def test_a_given_name_after_a_quote_is_its_speaker(nlp) -> None:
    text = (
        "Their father, Tahar Sefrioui, 64, a retired fisherman, says he is devastated. "
        '"Mounir wanted to go to Europe, not to the jihad," Tahar repeats.\n'
    )
    _, kinds, locals_ = _locals(nlp, text)
    # the tagger reads "repeats" as a plural noun; after a quote the name is the speaker
    assert kinds.get("Tahar") == "person", kinds
    assert locals_["Tahar"] == locals_["Tahar Sefrioui"]


def test_a_group_tag_ending_in_a_mans_one_name_is_that_man(nlp) -> None:
    text = (
        "Investigators named the leader only by his initials. Behind these initials is "
        "El Ghali Zerhouni, sentenced in 2019 to three years in prison. In prison, Zerhouni "
        "took part in a reconciliation programme.\n"
    )
    _, kinds, locals_ = _locals(nlp, text)
    assert kinds.get("El Ghali Zerhouni") == "person", kinds
    assert locals_["El Ghali Zerhouni"] == locals_["Zerhouni"]


def test_a_nickname_in_french_guillemets_with_inner_spaces(nlp) -> None:
    text = "The fifth suspect, Yassir Ait Tazi, called « Yasso », 33, runs a bakery.\n"
    ex, _, locals_ = _locals(nlp, text)
    assert locals_["Yasso"] == locals_["Yassir Ait Tazi"]
    assert any(lk.type == "aka" and lk.b == "Yasso" for lk in ex.links), ex.links


def test_a_lone_surname_is_not_the_son_introduced_as_kin(nlp) -> None:
    text = (
        "Ten years went to Walid Fawzi Tarawi, a lorry driver whom the court found had "
        "carried the explosives.\n\n"
        "In May, Yazid Tarawi, the son of the lorry driver, testified that his father "
        '"only drove what he was told to drive". Tarawi, 52, did not address the court.\n'
    )
    ex, _, _ = _locals(nlp, text)
    lone = next(m for m in ex.mentions if m.text == "Tarawi")
    father = next(m for m in ex.mentions if m.text == "Walid Fawzi Tarawi")
    assert lone.local == father.local


def test_a_places_last_word_tagged_a_man_makes_no_group_a_person(nlp) -> None:
    text = (
        "Anna Berger spoke for the Bezirkshauptmannschaft St. Ilgen, in St. Ilgen. Ilgen said so.\n"
    )
    sdoc = nlp(text)
    at = text.index
    cands = [
        _Cand(0, 11, "person", "ner:PERSON"),
        _Cand(at("Bezirkshauptmannschaft"), at(", in"), "organization", "ner:ORG"),
        _Cand(at("St. Ilgen."), at("St. Ilgen.") + 9, "place", "ner:GPE"),
        _Cand(at("Ilgen said"), at(" said"), "person", "ner:PERSON"),
    ]
    kinds = {c.text(text): c.kind for c in _fix_kinds(cands, sdoc, text)}
    assert kinds["Bezirkshauptmannschaft St. Ilgen"] == "organization", kinds
