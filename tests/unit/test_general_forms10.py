"""Forms found in the twelfth round of generalisation, each written with invented names."""

from __future__ import annotations

from casefile.extract import _line_parts
from casefile.matching import person_names_match
from tests.unit.test_extract import run

COURT_LIST = (
    "The clerk read the names of the accused:\n\n"
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
        "His son, Bahtiyar Rozimet, 22, a student who is registered in Turkish records as "
        "Bahtiyar Kaya, was also detained.\n\n"
        "The man, Ilham Tohtiev, 30, was among those detained on Monday. Prosecutors "
        "identified him by the Uyghur form of his name, Ilhamjan Tohti.\n\n"
        "The cell was led by Abdurehim Qadir, a trader who holds Turkish citizenship as "
        "Abdurrahim Kadir."
    )
    ex, groups, kinds = run(nlp, text)
    _one = lambda *names: any(set(names) <= g for g in groups)  # noqa: E731
    assert _one("Bahtiyar Rozimet", "Bahtiyar Kaya"), groups
    assert _one("Ilham Tohtiev", "Ilhamjan Tohti"), groups
    assert _one("Abdurehim Qadir", "Abdurrahim Kadir"), groups
    assert "Uyghur" not in {m.text for m in ex.mentions if m.role == "aka"}


def test_he_used_the_code_name_two_sentences_after_his_name(nlp) -> None:
    text = (
        "The first defendant is Rahmetulla Sabit, 48, a trader from Aksu. The prosecutor "
        'asked for 20 years. The indictment says he used the code name "Ebu Hamza" in '
        "messages."
    )
    _, groups, _ = run(nlp, text)
    assert any({"Rahmetulla Sabit", "Ebu Hamza"} <= g for g in groups), groups


def test_a_network_s_recruiter_named_in_apposition_is_a_person(nlp) -> None:
    text = (
        "Turkish media reported it. Two others, Yusuf Ali, and an alleged recruiter, Ablet "
        "Tursunqari, were also detained."
    )
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
        "fuel.\n\nThe court asked for life "
        "imprisonment for Bichara."
    )
    _, groups, _ = run(nlp, text)
    owner = next(g for g in groups if "Adoumbe Bichara" in g)
    assert "Bichara" in owner, groups
