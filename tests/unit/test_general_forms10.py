"""Forms found in the twelfth round of generalisation, each written with invented names."""

from __future__ import annotations

from casefile.extract import _line_parts
from casefile.matching import person_names_match
from tests.unit.test_extract import run
from tests.unit.test_general_forms9 import _one_local

COURT_LIST = (
    "Defendants before the court:\n\n"
    "1. OKONDO Pascal Ndeye, farmer, of Kembe Ouaka\n"
    "2. BANGUI Serge, driver, of Bria\n"
    "3. MALIKOU Hassan Djidda, mechanic, of Sido\n\n"
    "Samuel Okoro, 41, of Lokoja, was charged. The OKONDO Pascal Ndeye case was heard."
)


def test_a_numbered_list_gives_a_surname_in_capitals_and_two_given_names(nlp) -> None:
    ex, _, kinds = run(nlp, COURT_LIST)
    # the second given name is part of the name where it opens a list's line
    assert kinds.get("OKONDO Pascal Ndeye") == "person", kinds
    assert kinds.get("MALIKOU Hassan Djidda") == "person", kinds  # Hassan is also a town
    assert kinds.get("BANGUI Serge") == "person", kinds
    # where each accused lives, after ", of", is a place
    for place in ("Kembe Ouaka", "Sido", "Lokoja"):
        assert kinds.get(place) == "place", (place, kinds)
    # mid-sentence the list's form is not read: no capitals name ends at "Ndeye case"
    later = COURT_LIST.rindex("OKONDO")
    assert not any(
        m.start == later and m.text == "OKONDO Pascal Ndeye" and m.kind == "person"
        for m in ex.mentions
        if m.source == "rule:caps-surname-first"
    )


def test_a_list_s_next_number_is_no_part_of_the_name_before_it() -> None:
    text = "housewife, of Bol\n4. TAHIR Hassane"
    a = text.index("Bol")
    assert _line_parts(text, a, a + len("Bol\n4")) == [(a, a + 3)]
    # a name broken across a line is still one name
    text = "the son, Tursun\nAbdulla, was"
    a = text.index("Tursun")
    assert _line_parts(text, a, a + len("Tursun\nAbdulla")) == [(a, a + len("Tursun\nAbdulla"))]


def test_a_chain_of_three_names_and_the_same_chain_with_one_more() -> None:
    m = person_names_match("Hamid Saleh Omar", "Hamid Saleh Omar Bakri")
    assert m is not None and "one more at the end" in " ".join(m.reasons)
    assert person_names_match("Hamid Saleh Omar Bakri Yunus", "Hamid Saleh Omar Bakri")
    assert person_names_match("Hamid Saleh Yunus", "Hamid Saleh Omar Bakri") is None
    assert person_names_match("Hamid Saleh", "Hamid Saleh Omar Bakri") is None


def test_the_same_kunya_joins_two_names_of_which_one_is_spelled_past_recognition() -> None:
    from tests.unit.test_judgements import case_of, doc, ent

    def joined(kunya: str) -> bool:
        first = [("Hamadou Ndjidda", "person", 0, "name"), ("Abou Sadiq", "person", 0, "aka")]
        second = [("Hamadu Jidda", "person", 0, "name"), (kunya, "person", 0, "aka")]
        case = case_of([doc("d1", *first), doc("d2", *second)])
        return "Hamadu Jidda" in {m["text"] for m in ent(case, "Hamadou Ndjidda")["mentions"]}

    assert joined("Abu Sadiq al-Kanemi")
    assert not joined("Abu Harith")


def test_a_name_in_another_country_s_papers_is_an_alias(nlp) -> None:
    text = (
        "Her nephew, Bahtiyar Rozimet, 24, a cook who is registered in Dutch records as "
        "Bahtiyar Kaya, was held too.\n\n"
        "Ilham Tohtiev, 33, was arrested at the airport. The embassy identified him by the "
        "Kazakh form of his name, Ilhamjan Tohti.\n\n"
        "Police named Abdurehim Qadir, a baker who holds Swedish citizenship as "
        "Abdurrahim Kadir."
    )
    ex, groups, kinds = run(nlp, text)
    _one_local(groups, "Bahtiyar Rozimet", "Bahtiyar Kaya")
    _one_local(groups, "Ilham Tohtiev", "Ilhamjan Tohti")
    _one_local(groups, "Abdurehim Qadir", "Abdurrahim Kadir")
    assert "Uyghur" not in {m.text for m in ex.mentions if m.role == "aka"}


def test_he_used_the_code_name_two_sentences_after_his_name(nlp) -> None:
    text = (
        "The main suspect is Rahmetulla Sabit, 51, a butcher from Aksu. Police found "
        'ledgers in his shop. Investigators say he used the code name "Ebu Hamza" on '
        "the phone."
    )
    _, groups, _ = run(nlp, text)
    _one_local(groups, "Rahmetulla Sabit", "Ebu Hamza")


def test_a_network_s_recruiter_named_in_apposition_is_a_person(nlp) -> None:
    text = "Police also held an alleged recruiter, Ablet Tursunqari, and two others."
    _, _, kinds = run(nlp, text)
    assert kinds.get("Ablet Tursunqari") == "person", kinds


def test_turkic_and_central_african_forms_of_muhammad() -> None:
    from casefile.names import token_match

    for form in ("memet", "mamat", "mahamat"):
        assert token_match(form, "muhammad") is not None, form
    # Mahmud and Ahmed are other names, Matti no form of it
    for other in ("mahmud", "ahmed", "matti"):
        assert token_match(other, "muhammad") is None, other


def test_a_lone_surname_is_not_the_given_name_of_a_list_s_surname_first_entry(nlp) -> None:
    text = (
        "The accused are:\n\n"
        "1. KALLAH Bichara, trader, of Mao\n"
        "2. BICHARA Adoumbe, known as ABOU SAAD, tried in absentia\n\n"
        "Prosecutors say Adoumbe Bichara led the fighters and that Bichara Kallah sold them "
        "fuel.\n\nA life sentence is sought for "
        "Bichara."
    )
    _, groups, _ = run(nlp, text)
    owner = next(g for g in groups if "Adoumbe Bichara" in g)
    assert "Bichara" in owner, groups


def test_south_indian_initials_before_or_after_the_names() -> None:
    from casefile.names import surname

    moved = person_names_match("M.K. Anwar Sadiq", "Anwar Sadiq M.K.")
    assert moved is not None and "the same initials" in moved.reasons
    house = person_names_match("Mohammed Faisal Kallingal", "Muhammad Faisal K.")
    assert house is not None and "initial K. for kallingal" in house.reasons
    # other initials, or an initial left over, are another man of the same names
    assert person_names_match("T.K. Mohammed Faisal", "Muhammad Faisal K.") is None
    assert person_names_match("T.K. Mohammed Faisal", "Mohammed Faisal Kallingal") is None
    assert person_names_match("M.K. Anwar Sadiq", "Anwar Sadiq Vayalil") is None
    assert surname("Anwar Sadiq M.K.") == surname("M.K. Anwar Sadiq") == "sadiq"


def test_an_indian_charge_sheet_list(nlp) -> None:
    text = (
        "The charge sheet lists:\n\n"
        "A1 - Anwar Sadiq M.K. (40), s/o Kunhalavi, Kallingal House, Vengara, Malappuram\n"
        "A2 - Muhammad Faisal K. (31), s/o Beeran, Kizhakkethil House, Vengara\n\n"
        "Investigators say Sadiq managed a channel under the name Abu Yahya "
        "al-Malabari. Faisal denied it."
    )
    ex, groups, kinds = run(nlp, text)
    assert kinds.get("Anwar Sadiq M.K.") == "person", kinds
    assert kinds.get("Muhammad Faisal K.") == "person", kinds
    assert kinds.get("Kunhalavi") == "person" and kinds.get("Beeran") == "person", kinds
    assert "Kallingal House" not in kinds and "Kizhakkethil House" not in kinds, kinds
    assert kinds.get("Malappuram") == "place", kinds
    _one_local(groups, "Anwar Sadiq M.K.", "Sadiq", "Abu Yahya al-Malabari")
    _one_local(groups, "Muhammad Faisal K.", "Faisal")
