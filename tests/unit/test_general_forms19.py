"""Forms found in the twentieth round, each written with invented names."""

from __future__ import annotations

from casefile import places
from casefile.matching import MERGE_AT, person_names_match
from tests.unit.test_general_forms12 import _texts
from tests.unit.test_general_forms14 import _locals
from tests.unit.test_judgements import case_of, doc


def test_a_surname_with_jr_is_the_son_not_the_father_named_first(nlp) -> None:
    text = (
        "Federal agents arrested Thaddeus R. Wendover Sr., 61, of Millbrook, and his son "
        "Thaddeus R. Wendover Jr., 33, of Ashford, late on Wednesday.\n\n"
        "According to the complaint, Wendover Sr. founded the group in 2019. Last month, "
        "Wendover Jr. drove past the depot twice after midnight, it says.\n"
    )
    _, _, locals_ = _locals(nlp, text)
    assert locals_["Wendover Jr."] == locals_["Thaddeus R. Wendover Jr."]
    assert locals_["Wendover Sr."] == locals_["Thaddeus R. Wendover Sr."]
    assert locals_["Wendover Jr."] != locals_["Wendover Sr."]


def test_british_snr_and_jnr_are_generations() -> None:
    assert person_names_match("Cormac Brennock Snr", "Cormac Brennock Jnr") is None
    assert person_names_match("Cormac Brennock Snr", "Cormac Brennock Sr") is not None


def test_a_name_its_document_tells_from_the_father_is_the_son_elsewhere() -> None:
    # The first outlet writes the son plainly and the father with "Snr"; the second writes
    # both with a generation. The plain name is the son's, never the father's.
    pairs = [
        doc(
            "d1",
            ("Cormac Brennock", "person", 0, "name"),
            ("Cormac Brennock Snr", "person", 1, "name"),
        ),
        doc(
            "d2",
            ("Cormac Brennock Sr", "person", 0, "name"),
            ("Cormac Brennock Jr", "person", 1, "name"),
        ),
    ]
    case = case_of(pairs)
    assert _texts(case, "Cormac Brennock") == {"Cormac Brennock", "Cormac Brennock Jr"}
    assert _texts(case, "Cormac Brennock Snr") == {"Cormac Brennock Snr", "Cormac Brennock Sr"}


def test_two_middle_names_one_document_keeps_apart_stay_apart() -> None:
    # a court report names father and son by their middle names; another outlet's plain
    # "Cormac Brennock" fits both, and may join one, never make the two one
    pairs = [
        doc(
            "d1",
            ("Cormac Anselm Brennock", "person", 0, "name"),
            ("Cormac Ferdia Brennock", "person", 1, "name"),
        ),
        doc("d2", ("Cormac Brennock", "person", 0, "name")),
    ]
    case = case_of(pairs)
    assert "Cormac Ferdia Brennock" not in _texts(case, "Cormac Anselm Brennock")
    assert len(_texts(case, "Cormac Brennock")) == 2
    # named in different documents, the two are not told apart by anyone: one plain name
    # may stand for either, and the middle names are left to the spelling rules
    apart = case_of([doc("d3", ("Cormac Anselm Brennock", "person", 0, "name")), pairs[1]])
    assert _texts(apart, "Cormac Brennock") == {"Cormac Brennock", "Cormac Anselm Brennock"}


def test_one_kunya_known_alone_in_several_documents_is_one_man() -> None:
    # three outlets know a handler only by his kunya, spelled their own ways
    pairs = [
        doc("d1", ("Abu Zurayq", "person", 0, "name")),
        doc("d2", ("Abou Zuraiq", "person", 0, "name")),
        doc("d3", ("Abu Zurayq al-Kufi", "person", 0, "name")),
    ]
    assert _texts(case_of(pairs), "Abu Zurayq") == {
        "Abu Zurayq",
        "Abou Zuraiq",
        "Abu Zurayq al-Kufi",
    }
    # two nisbas are two men; one kunya-only man bearing it in two places is ambiguous
    other = doc("d4", ("Abu Zurayq al-Qurnawi", "person", 0, "name"))
    assert "Abu Zurayq al-Qurnawi" not in _texts(case_of([pairs[2], other]), "Abu Zurayq al-Kufi")
    twice = doc("d5", ("Abu Zurayq", "person", 0, "name"), ("Abu Zurayq", "person", 1, "name"))
    assert _texts(case_of([pairs[1], twice]), "Abou Zuraiq") == {"Abou Zuraiq"}
    # a named man known by it takes it instead (the lone kunya's own rule)
    named = doc("d6", ("Faizul Hakimi", "person", 0, "name"), ("Abu Zurayq", "person", 0, "aka"))
    assert "Faizul Hakimi" in _texts(case_of([pairs[0], named]), "Abu Zurayq")


def test_a_malay_name_without_its_first_given_name_and_bin() -> None:
    m = person_names_match("Faizul Roslan", "Ahmad Faizul bin Roslan")
    assert m is not None and m.score >= MERGE_AT, m
    # without "bin" the longer chain may be the son of the shorter: left to a person
    m = person_names_match("Faizul Roslan", "Ahmad Faizul Roslan")
    assert m is not None and m.score < MERGE_AT, m
    # the father, named with his own "bin", is not the son
    m = person_names_match("Faizul bin Roslan", "Ahmad Faizul bin Roslan")
    assert m is None or m.score < MERGE_AT, m


def test_country_names_in_the_languages_news_is_translated_from() -> None:
    for other, english in (
        ("Allemagne", "Germany"),  # French
        ("Irlanda", "Ireland"),  # Spanish
        ("Schweden", "Sweden"),  # German
        ("Arabie saoudite", "Saudi Arabia"),
    ):
        assert places.place_name(other) == english, other
    # the Romance languages' are read only where a place is expected: many are given names
    # or surnames too; German, Turkish and the like read as places anywhere
    assert places.canonical("Allemagne") is None
    assert places.canonical("Schweden") == "Sweden"
    # a man's name is no country, whatever a language calls one so
    assert places.place_name("Mauricio") is None or places.canonical("Mauricio") is None
    assert places.foreign_country("Island") is None  # an English word
    # a city named with "City" after it, as Philippine usage writes it; not a province
    assert places.canonical("Tacloban City") == places.canonical("Tacloban") is not None


def test_a_country_in_a_menu_in_the_outlet_s_language(nlp) -> None:
    text = (
        "Accueil | Allemagne | Irlanda | Monde\n\n"
        "Mauricio Francia, 41, was arrested in Lyon on Tuesday, police said.\n"
    )
    _, kinds, _ = _locals(nlp, text)
    assert kinds.get("Allemagne") == "place", kinds
    assert kinds.get("Mauricio Francia") == "person", kinds


def test_an_inner_name_alone_is_the_man_but_not_after_in_or_from(nlp) -> None:
    text = (
        "Subprefect Hernando Lima Quiroga led the raid. Lima said the men had fled. A "
        "second suspect was flown in from Lima on Friday.\n"
    )
    _, kinds, locals_ = _locals(nlp, text)
    lima = [m for m in _locals(nlp, text)[0].mentions if m.text == "Lima"]
    assert lima[0].kind == "person" and lima[0].local == locals_["Hernando Lima Quiroga"]
    assert lima[-1].kind == "place", [(m.kind, m.start) for m in lima]


def test_a_spanish_rank_of_two_words_is_no_part_of_the_name(nlp) -> None:
    text = (
        "Among the witnesses was Cabo Segundo Anselmo Quiroga Retamal, the officer wounded "
        "in the ambush. Subteniente Marcelino Ovalle Camus led the patrol.\n"
    )
    _, kinds, _ = _locals(nlp, text)
    assert kinds.get("Anselmo Quiroga Retamal") == "person", kinds
    assert kinds.get("Marcelino Ovalle Camus") == "person", kinds
    assert not any(k.startswith(("Segundo", "Cabo", "Subteniente")) for k in kinds), kinds


def test_a_nickname_known_so_far_only_by(nlp) -> None:
    text = (
        "Investigators are still looking for a third man, known so far only by his "
        'nickname, "Tordillo", who is believed to have driven the truck.\n'
    )
    _, kinds, _ = _locals(nlp, text)
    assert kinds.get("Tordillo") == "person", kinds


def test_swahili_and_maguindanaon_titles(nlp) -> None:
    text = (
        "Witnesses said Shehe Rajabu Kiwelu, 58, led prayers in the camp. His wife, "
        "Bai Zenobia Mamintal Kasarip, 61, was not charged.\n"
    )
    _, kinds, _ = _locals(nlp, text)
    assert kinds.get("Rajabu Kiwelu") == "person", kinds
    assert kinds.get("Zenobia Mamintal Kasarip") == "person", kinds


def test_a_muhammad_before_an_arab_chain_is_the_son_of_the_rest() -> None:
    # "Muhammad Taysir al-Qarnawi" is Muhammad son of Taysir: "Taysir al-Qarnawi" may be the
    # father, so the pair is only a possible same
    m = person_names_match("Taysir al-Qarnawi", "Muhammad Taysir al-Qarnawi")
    assert m is not None and m.score < MERGE_AT, m
    # a South Asian name's Muhammad is a prefix: the man is called without it
    m = person_names_match("Faik Hazim", "Muhammad Faik Hazim")
    assert m is not None and m.score >= MERGE_AT, m


def test_a_turkish_honorific_after_the_given_name(nlp) -> None:
    text = (
        'Nurettin Gelibolu, 58, ran a bakery. Neighbours spoke well of him. "Nurettin Bey '
        'baked bread for the whole street," one said.\n'
    )
    _, kinds, locals_ = _locals(nlp, text)
    assert "Nurettin Bey" not in kinds and "Bey" not in kinds, kinds
    assert locals_["Nurettin"] == locals_["Nurettin Gelibolu"]


def test_a_name_broken_across_a_line_is_found_again_on_one_line(nlp) -> None:
    # the model reads the list's line as "Faik" and "Husnu el-Qarnawi", two people
    text = (
        "The court sentenced Zuhdi Hüsnü el-Qarnawi, 30, to twelve years and his brother "
        "Faik Hüsnü\nel-Qarnawi, 24, to seven.\n\n"
        "Verdicts in brief (as listed in the court's short decision):\n"
        "- Zuhdi Husnu el-Qarnawi: 12 years 6 months\n"
        "- Faik Husnu el-Qarnawi: 7 years 6 months\n"
    )
    _, kinds, locals_ = _locals(nlp, text)
    assert kinds.get("Faik Husnu el-Qarnawi") == "person", kinds
    assert locals_["Faik Husnu el-Qarnawi"] == locals_["Faik Hüsnü\nel-Qarnawi"]
    assert "Husnu el-Qarnawi" not in kinds, kinds


def test_a_given_name_a_town_shares_before_a_middle_initial(nlp) -> None:
    # "Lincoln" is a town in the gazetteer and an English given name: before a middle
    # initial and a surname it is the man's
    text = (
        "The men appeared on Thursday before U.S. Magistrate Judge Lincoln R. Pemberton. "
        '"They bought the materials," a prosecutor said. Pemberton ordered them held.\n'
    )
    _, kinds, locals_ = _locals(nlp, text)
    assert kinds.get("Lincoln R. Pemberton") == "person", kinds
    assert locals_["Pemberton"] == locals_["Lincoln R. Pemberton"]
