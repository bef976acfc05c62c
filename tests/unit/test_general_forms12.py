"""Forms found in the fourteenth round of generalisation, each written with invented names."""

from __future__ import annotations

from casefile.matching import MERGE_AT, person_names_match
from casefile.model import Attribute
from casefile.names import token_match
from tests.unit.test_extract import run
from tests.unit.test_general_forms9 import _one_local
from tests.unit.test_judgements import case_of, doc, ent


def _texts(case, name: str) -> set[str]:
    return {m["text"] for m in ent(case, name)["mentions"]}


def _titled(pair, titles: dict[int, str]):
    """The document of `doc(...)` with a role attribute (a title) for some of its locals."""
    d, ex = pair
    for m in ex.mentions:
        if m.local in titles:
            ex.attributes.append(Attribute(m.local, "role", titles[m.local], m.start, m.end))
    return d, ex


def test_a_judge_s_surname_after_her_title_alone_is_a_person(nlp) -> None:
    # the model finds nothing in the first and reads the second as a group
    for name in ("Hartwell", "Pellham", "Redlake", "Brackley"):
        _, _, kinds = run(nlp, f"Justice {name} will hear submissions on the sentence in May.")
        assert kinds.get(name) == "person", kinds
    # the ministry and the department stay what they are
    _, _, kinds = run(nlp, "Justice Ministry officials met. Justice Department lawyers left.")
    assert "Ministry" not in kinds and kinds.get("Justice Ministry") != "person", kinds


def test_a_titled_lone_surname_joins_the_one_person_with_that_surname() -> None:
    case = case_of(
        [
            _titled(doc("d1", ("Hilary Pellowe", "person", 0, "name")), {0: "Justice"}),
            _titled(doc("d2", ("Pellowe", "person", 0, "name")), {0: "Judge"}),
            _titled(doc("d3", ("Pellowe", "person", 0, "name")), {0: "Justice"}),
        ]
    )
    assert _texts(case, "Pellowe") == {"Pellowe", "Hilary Pellowe"}
    reasons = [r for g in ent(case, "Pellowe")["merges"] for r in g["reasons"]]
    assert any("only person in the case with that surname" in r for r in reasons)


def test_a_lone_surname_stays_alone_without_a_title_or_with_two_owners() -> None:
    # no title: a bare word may be anyone's
    case = case_of(
        [
            doc("d1", ("Hilary Pellowe", "person", 0, "name")),
            doc("d2", ("Pellowe", "person", 0, "name")),
        ]
    )
    assert _texts(case, "Pellowe") == {"Pellowe"}
    # a father and his son share the surname: "Mr Tarrant" could be either
    case = case_of(
        [
            doc(
                "d1",
                ("Colin Tarrant", "person", 0, "name"),
                ("Jody Tarrant", "person", 1, "name"),
            ),
            _titled(doc("d2", ("Tarrant", "person", 0, "name")), {0: "Mr"}),
        ]
    )
    assert _texts(case, "Tarrant") == {"Tarrant"}


def test_a_russian_name_in_german_spelling() -> None:
    # j for y, w for v, s for z, all at once
    m = person_names_match("Ruslan Tasgirejew", "Ruslan Tazgireyev")
    assert m is not None and m.score >= MERGE_AT
    assert token_match("busurkajew", "buzurkaev") is not None
    # only on Slavic endings: German spelling says nothing about other names
    assert token_match("sadik", "zadik") is None


def test_a_name_of_vowels_and_glides_without_its_h() -> None:
    assert token_match("yeya", "yehia") is not None
    assert token_match("yeya", "yehya") is not None
    assert token_match("yeya", "yoyo") is None


def test_the_arabic_article_joined_to_a_south_asian_first_name() -> None:
    for joined, plain in (("shamsul", "shams"), ("habibur", "habib"), ("kamrul", "kamar")):
        t = token_match(joined, plain)
        assert t is not None and "article" in t.why, (joined, plain, t)
    m = person_names_match("Md Shamsul Karim", "Mohammad Shams Karim")
    assert m is not None and m.score >= MERGE_AT
    # two names both with the article are compared as they are
    assert token_match("shamsul", "habibul") is None


def test_bengali_j_for_the_arabic_z() -> None:
    m = person_names_match("Mohammad Jakir Hossain", "Mohammed Zakir Hussain")
    assert m is not None and m.score >= MERGE_AT


def test_a_surname_in_capitals_alone_is_the_man_s_not_an_acronym(nlp) -> None:
    text = (
        "SEBGO Amadou, a 47-year-old trader, was arrested on Saturday. According to Captain "
        "LAMBORO, SEBGO had been living in Dapaong for months."
    )
    ex, groups, kinds = run(nlp, text)
    assert kinds.get("SEBGO") == "person", kinds
    _one_local(groups, "SEBGO Amadou", "SEBGO")
    # a surname of two words in capitals is carried whole, not its particle alone
    from casefile.extract import _surname_surface

    assert _surname_surface("BEN KALOUD Karim") == "BEN KALOUD"
    assert _surname_surface("SEBGO Amadou") == "SEBGO"
    # a French hyphenated rank names the man after it
    _, _, kinds = run(
        nlp, "Lieutenant-colonel Faustin KPOMATÈ, who commands the sector, said so on Monday."
    )
    assert kinds.get("Faustin KPOMATÈ") == "person", kinds


def test_a_name_an_alias_cue_made_a_person_s_is_one_wherever_else_it_stands(nlp) -> None:
    text = (
        "The second, Kalidou SEBGO, 29, a herder arrested in a camp near Porga, is the "
        'younger brother of Yacouba SEBGO, alias "Abou Talha", presented by the police as the '
        "leader. Yacouba SEBGO is still on the run."
    )
    ex, groups, kinds = run(nlp, text)
    assert {m.kind for m in ex.mentions if m.text == "Yacouba SEBGO"} == {"person"}
    _one_local(groups, "Yacouba SEBGO", "Abou Talha")
    # an acronym paired by mistake with a kunya is not spread as a person
    text = (
        "Kalim Sadiq, 45, a commander of al Qaeda in the Arabian Peninsula (AQAP) known by "
        "the kunya Abu Yasin, was killed. AQAP fighters killed four soldiers in Shabwa."
    )
    ex, _, _ = run(nlp, text)
    assert "person" not in {m.kind for m in ex.mentions if m.text == "AQAP" and m.start > 150}


def test_a_given_name_the_model_took_for_a_town_before_a_family_s_surname() -> None:
    from casefile.extract import _Cand, _propagate

    text = "Kalidou SEBGO, 29, is the younger brother of Hamadine SEBGO, who fled to Kaya."
    a = text.index("Hamadine")
    cands = [
        _Cand(0, 13, "person", "ner:PERSON"),
        _Cand(a, a + 8, "place", "ner:GPE"),  # the model's "town"
        _Cand(text.index("Kaya"), text.index("Kaya") + 4, "place", "ner:GPE"),
    ]
    got = {(c.text(text), c.kind, c.role) for c in _propagate(cands, text, [])}
    assert ("Hamadine SEBGO", "person", "name") in got, got
    assert ("Hamadine", "place", "name") not in got
    # a town the gazetteer knows stays a town
    text = "Kalidou SEBGO, 29, fled. In Kaya SEBGO's relatives said he had gone."
    k = text.index("Kaya")
    cands = [_Cand(0, 13, "person", "ner:PERSON"), _Cand(k, k + 4, "place", "ner:GPE")]
    got = {(c.text(text), c.kind) for c in _propagate(cands, text, [])}
    assert ("Kaya", "place") in got, got


def test_a_name_without_its_last_part_when_nothing_tells_them_apart() -> None:
    def joined(short: str, full: str, titles: tuple[str, str] | None = None) -> bool:
        pairs = [doc("d1", (full, "person", 0, "name")), doc("d2", (short, "person", 0, "name"))]
        if titles:
            pairs = [_titled(p, {0: t}) for p, t in zip(pairs, titles, strict=True)]
        return short in _texts(case_of(pairs), full)

    # a given name and one surname of a Spanish name with two
    assert joined("Lucia Ferrer", "Lucia Ferrer Quintana")
    assert joined("Anouar Belkadi", "Anuar Belkadi Hamdaoui")
    assert joined("Lucia Ferrer", "Lucia Ferrer Quintana", ("judge", "judge"))
    # different roles on the two sides tell them apart
    assert not joined("Lucia Ferrer", "Lucia Ferrer Quintana", ("judge", "farmer"))
    # a prefix many share, or one compound given name, says too little
    assert not joined("Mohammed Salem", "Mohammed Salem Bashir")
    assert not joined("Abul Hasnat", "Abul Hasnat Chowdhury")
    assert not joined("Abdul Wahid", "Abdul Wahid Rostami")


def test_a_second_name_joined_onto_the_first_is_no_article() -> None:
    # "Abakir Harun" written as one word is not "Abakir" with a joined article
    assert token_match("abakir", "abakirharun") is None


def test_a_court_s_initials_are_the_same_letters_or_two_people() -> None:
    assert person_names_match("Y.R.K.", "B.R.K.") is None  # (Y. is no Spanish "y")
    assert person_names_match("T.R.K.", "D.R.K.") is None
    m = person_names_match("Y.R.K.", "Y. R. K.")
    assert m is not None and m.score >= MERGE_AT


def test_a_demonym_in_apposition_before_an_alias_cue_and_mohd_before_a_name(nlp) -> None:
    text = (
        "The others are Mohammad Ilyas, a Rohingya refugee, and Shafiqul Islam, a Bangladeshi "
        "also known as Tutul, whom police accuse of smuggling."
    )
    ex, groups, kinds = run(nlp, text)
    assert kinds.get("Shafiqul Islam") == "person", kinds
    _one_local(groups, "Shafiqul Islam", "Tutul")
    # "from the <clan>" between the name and the cue describes him too
    text = (
        "According to local sources, Abdelkarim Salih, from the Ruweishat, formerly known as "
        '"Abu Faris", was an RSF commander.'
    )
    _, groups, _ = run(nlp, text)
    _one_local(groups, "Abdelkarim Salih", "Abu Faris")
    _, _, kinds = run(nlp, "Additional SP Mohd. Kamruzzaman, who commands the unit, said so.")
    assert kinds.get("Mohd. Kamruzzaman") == "person", kinds


def test_a_role_at_an_institution_a_french_lawyer_s_title_and_a_download_line(nlp) -> None:
    text = (
        "At the hearing, the public prosecutor at the Court of Appeal, Kalibo Ousmane Tergal, "
        "described the trader as a spy. Maître Odile Nankassa, for the defence, objected.\n\n"
        "Download the full briefing (PDF, 640 KB)\n"
    )
    _, _, kinds = run(nlp, text)
    assert kinds.get("Kalibo Ousmane Tergal") == "person", kinds
    assert kinds.get("Odile Nankassa") == "person", kinds  # without the title
    assert "Download" not in kinds and "Maître Odile Nankassa" not in kinds


def test_burmese_honorifics_are_no_part_of_the_name(nlp) -> None:
    text = (
        "Daw Khin Mya Thet, a teacher, said U Kyaw Zin Oo had been taken. The court charged "
        "U.M. and P.K. with membership."
    )
    _, _, kinds = run(nlp, text)
    assert kinds.get("Khin Mya Thet") == "person", kinds
    assert kinds.get("Kyaw Zin Oo") == "person", kinds
    assert "U.M." in kinds  # an initial with its period is no honorific


def test_a_known_place_and_its_designator_is_a_place_whatever_the_model_says(nlp) -> None:
    _, _, kinds = run(nlp, "He taught in a village of Myanmar's Shan State before 2017.")
    assert kinds.get("Shan State") == "place", kinds
    # a group's name is not made a place by the word State
    _, _, kinds = run(nlp, "The Islamic State claimed the attack on Tuesday.")
    assert kinds.get("Islamic State") == "organization", kinds


def test_an_approximate_age_between_a_name_and_its_alias_cue(nlp) -> None:
    text = (
        'Kalim Sadiq, about 40, known in the camps as "Master Kalim", was detained on the '
        "morning of March 18."
    )
    _, groups, _ = run(nlp, text)
    _one_local(groups, "Kalim Sadiq", "Master Kalim")
    # an age in brackets
    text = 'A jury found Tarek Al-Kassem (53), known in the town as "Abu Samir", guilty.'
    _, groups, _ = run(nlp, text)
    _one_local(groups, "Tarek Al-Kassem", "Abu Samir")


def test_a_german_article_before_a_nisba(nlp) -> None:
    text = "Prosecutors say he called himself Abu Hamsa asch-Schischani in the chats."
    _, _, kinds = run(nlp, text)
    assert kinds.get("Abu Hamsa asch-Schischani") == "person", kinds
    m = person_names_match("Abu Talha asch-Schischani", "Abu Talha al-Shishani")
    assert m is not None and m.score >= MERGE_AT


def test_a_kunya_alone_joins_the_one_named_man_known_by_it() -> None:
    def case(*extra):
        return case_of(
            [
                doc(
                    "d1",
                    ("Salem Rashid Kanaan", "person", 0, "name"),
                    ("Abu Firas", "person", 0, "aka"),
                ),
                doc("d2", ("Abou Firas", "person", 0, "name")),
                *extra,
            ]
        )

    assert _texts(case(), "Abou Firas") == {"Abou Firas", "Salem Rashid Kanaan", "Abu Firas"}
    reasons = [r for g in ent(case(), "Abou Firas")["merges"] for r in g["reasons"]]
    assert any("the only person in the case known as" in r for r in reasons), reasons
    # two named men known by it: the lone kunya could be either
    other = doc("d3", ("Nader Youssef", "person", 0, "name"), ("Abu Firas", "person", 0, "aka"))
    assert _texts(case(other), "Abou Firas") == {"Abou Firas"}
    # a kunya on another name (one letter more at the end) is left to a person
    other = doc("d3", ("Abu Firasa", "person", 0, "name"))
    assert _texts(case(other), "Abu Firasa") == {"Abu Firasa"}


def test_an_oromo_name_in_qubee_and_in_english_spelling() -> None:
    assert token_match("waaqayyoo", "wakayo") is not None
    m = person_names_match("Qanaa Caalaa Fayyisaa", "Kena Chala Fayisa")
    assert m is not None and m.score >= MERGE_AT, m
    assert token_match("qanaa", "tola") is None
