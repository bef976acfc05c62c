"""Forms found in the twenty-third round, each written with invented names."""

from __future__ import annotations

from casefile.extract import (
    _ALIAS_CUE,
    _aliases,
    _boilerplate,
    _Cand,
    _extend_names,
    _kind_in_context,
    _propagate,
)
from casefile.model import Attribute
from casefile.names import core_tokens, generation
from casefile.resolve import _compatible
from tests.unit.test_general_forms12 import _texts
from tests.unit.test_general_forms14 import _locals
from tests.unit.test_judgements import case_of, doc


def _cand(text: str, surface: str, kind: str, source: str = "ner:PERSON") -> _Cand:
    a = text.index(surface)
    return _Cand(a, a + len(surface), kind, source)  # type: ignore[arg-type]


def _cues(text: str) -> list[str]:
    return [m.group().strip(" ,") for m in _ALIAS_CUE.finditer(text)]


def test_a_teaser_glued_to_a_sentence_opening_with_a() -> None:
    text = (
        "Read also: Customs seize 40 kilos at the port, prosecutors saysA day later, lawyer "
        "Ramiro Funes Ulloa asked for bail.\n"
    )
    (a, b), *_ = _boilerplate(text)
    assert text[b:].startswith("A day later"), text[a:b]


def test_two_surnames_after_the_given_names_the_model_tagged(nlp) -> None:
    text = "Police also hold Raul Eliseo Quintanilla Bermudez, alias El Zanate, in Mejicanos.\n"
    sdoc = nlp(text)
    c = _cand(text, "Raul Eliseo", "person")
    _extend_names([c], sdoc, text)
    assert c.text(text) == "Raul Eliseo Quintanilla Bermudez"


def test_alias_cues_with_only_a_time_or_a_kind_of_name() -> None:
    assert _cues('the gang\'s spokesman, known only as "Chueco", was sentenced') == [
        "known only as"
    ]
    assert _cues('Arto Melikyan, known since the 1990s as "Red Arto", was jailed') == [
        "known since the 1990s as"
    ]
    assert _cues("Lemke, known for years as Der Bäcker, denied it") == ["known for years as"]
    assert _cues("who has led the group under the religious name Jishin since 1998") == [
        "under the religious name"
    ]
    assert _cues("He ran the shop under the same name as his father") == []
    assert _cues("Tebogo Sithole, known for his cruelty as a commander") == []
    # another spelling of the name, given by the text
    assert _cues("Rafik Ohanov, whose name the local press spells Hovanyan, was freed") == [
        "whose name the local press spells"
    ]
    assert _cues("Uladzimir Zhuravka, also spelt Wladimyr Zhuravko, is in Hrodna") == ["also spelt"]


def test_a_list_alias_cue_after_a_name_the_model_took_for_a_town() -> None:
    text = "It followed the capture of Nixon Amado Cuero Quinonez, alias Pichon, on Monday.\n"
    cands = [
        _cand(text, "Nixon Amado Cuero Quinonez", "place", "ner:ORG"),
        _cand(text, "Pichon", "place", "ner:GPE"),
    ]
    (left, right, *_), *_ = _aliases(text, cands, [])
    assert (left.text(text), left.kind) == ("Nixon Amado Cuero Quinonez", "person")
    assert (right.text(text), right.kind) == ("Pichon", "person")


def test_a_name_the_model_cut_before_a_list_alias_cue() -> None:
    # the model took "Lincoln Amado" for a body and the town "Toledo" alone: the capitalised
    # run before "alias" is one man's name
    text = "The order came from Lincoln Amado Quinonez Toledo, alias Cuervo, the gang's leader.\n"
    cands = [
        _cand(text, "Lincoln Amado", "organization", "ner:ORG"),
        _cand(text, "Toledo", "place", "ner:GPE"),
        _cand(text, "Cuervo", "person"),
    ]
    (left, right, *_), *_ = _aliases(text, cands, [])
    assert (left.text(text), left.kind) == ("Lincoln Amado Quinonez Toledo", "person")
    assert right.text(text) == "Cuervo"
    assert [c.text(text) for c in cands if c.kind != "person"] == []


def test_a_spanish_name_of_four_is_found_again_by_the_fathers_surname() -> None:
    text = "Lincoln Amado Quinonez Toledo is held in Ambato. Quinonez denies the charges.\n"
    cands = _propagate([_cand(text, "Lincoln Amado Quinonez Toledo", "person")], text, [])
    assert ("Quinonez", "short") in {(c.text(text), c.role) for c in cands}


def test_given_name_and_patronymic_beside_a_two_word_nickname(nlp) -> None:
    text = (
        "The court remanded Armen Surenovich Kocharyants, 57, a contractor from Ijevan.\n\n"
        'In the 1990s Armen Surenovich was known as "Krasny Armo" and ran the petrol trade.\n'
    )
    _, _, locals_ = _locals(nlp, text)
    assert locals_["Armen Surenovich"] == locals_["Armen Surenovich Kocharyants"], locals_


def _portillo_funes():  # type: ignore[no-untyped-def]
    """Four names in one document, three in the other, and one nickname heard two ways."""
    return [
        doc(
            "d1",
            ("Jacinto Ramiro Portillo Funes", "person", 0, "name"),
            ("El Zancudito", "person", 0, "aka"),
        ),
        doc(
            "d2",
            ("Ramiro Portillo Funes", "person", 0, "name"),
            ("El Sancudito", "person", 0, "aka"),
        ),
    ]


def test_a_weaker_name_and_the_same_nickname_heard_two_ways() -> None:
    pairs = _portillo_funes()
    assert _texts(case_of(pairs), "Ramiro Portillo Funes") >= {"Jacinto Ramiro Portillo Funes"}
    # the names alone are only a possible same
    bare = [
        doc("d1", ("Jacinto Ramiro Portillo Funes", "person", 0, "name")),
        doc("d2", ("Ramiro Portillo Funes", "person", 0, "name")),
    ]
    assert _texts(case_of(bare), "Ramiro Portillo Funes") == {"Ramiro Portillo Funes"}


def test_the_other_spelling_of_a_surname_the_text_gives() -> None:
    pairs = [
        doc(
            "d1",
            ("Rafik Garnikovich Ohanov", "person", 0, "name"),
            ("Hovanyan", "person", 0, "aka"),
        ),
        doc("d2", ("Rafik Hovanyan", "person", 0, "name")),
    ]
    assert "Rafik Hovanyan" in _texts(case_of(pairs), "Rafik Garnikovich Ohanov")


def test_a_headline_nickname_is_no_full_name_of_a_father() -> None:
    # "Sev Aro" and "Dark Aro" are one nickname in two languages, not two men named Aro
    pairs = [
        doc(
            "d1",
            ("Sev Aro", "person", 0, "name"),
            ("Aram Vardanyan", "person", 0, "name"),
            ("Sev Aro", "person", 0, "aka"),
        ),
        doc(
            "d2",
            ("Dark Aro", "person", 0, "name"),
            ("Aram Vardanian", "person", 0, "name"),
            ("Dark Aro", "person", 0, "aka"),
        ),
    ]
    assert "Aram Vardanian" in _texts(case_of(pairs), "Aram Vardanyan")


def test_a_second_spelling_shared_across_documents_is_no_namesake() -> None:
    # "Uladzimir Zhuravka, also spelt Wladimyr Zhuravko" in one report; "Wlodzimierz Zhurawko" and
    # "Wladimir Zhurawko" in another
    a = {"Wlodzimierz Zhurawko", "Wladimir Zhurawko"}
    b = {"Uladzimir Zhuravka", "Wladimyr Zhuravko"}
    assert _compatible("person", a, b, a, b)
    # two men of one surname with nothing in common are still two
    assert not _compatible("person", {"Piotr Zhurawko"}, {"Ostap Zhurawko"}, set(), set())


def test_a_name_the_city_calls_simply_so(nlp) -> None:
    text = (
        'In Artik few need his full name. For a generation, Vardanyan is simply "Sev Aro", '
        "a nickname he earned in the 1990s.\n\nAram Vardanyan was detained on Tuesday.\n"
    )
    _, kinds, locals_ = _locals(nlp, text)
    assert kinds.get("Sev Aro") == "person", kinds
    assert locals_["Sev Aro"] == locals_["Aram Vardanyan"]
    assert _cues('The motive is simply "Revenge", he said.') == ["is simply"]
    text = 'The motive is simply "Revenge", he said.\n'
    assert _aliases(text, [_cand(text, "Revenge", "organization", "ner:ORG")], []) == []


def test_the_company_a_man_founded() -> None:
    text = "Arevik, the company Gurgen Sarkisyan founded, won the contract."
    a = text.index("Gurgen")
    b = a + len("Gurgen Sarkisyan")
    assert _kind_in_context(text, a, b, "person") == "person"
    text = "The contract went to the company Arevik Stroy, which denied it."
    a = text.index("Arevik")
    assert _kind_in_context(text, a, a + len("Arevik Stroy"), "person") == "organization"


def test_the_front_of_a_chain_is_the_man_not_his_son(nlp) -> None:
    text = (
        "Police detained Idiris Fiqi Gurhan, 61, and his son Liibaan Idiris Fiqi, 30, in "
        "Balcad.\n\nA relative said Idiris Fiqi rents the yard to anyone who pays.\n"
    )
    _, _, locals_ = _locals(nlp, text)
    assert locals_["Idiris Fiqi"] == locals_["Idiris Fiqi Gurhan"], locals_


def test_the_town_of_an_unnamed_man_gets_no_alias() -> None:
    text = "Among them was a Bugis man from Pinrang known only as Daeng Rapi, 38.\n"
    cands = [_cand(text, "Pinrang", "place", "ner:GPE"), _cand(text, "Daeng Rapi", "person")]
    assert all(left.kind == "person" for left, *_ in _aliases(text, cands, []))


def test_a_witness_code_is_no_name() -> None:
    text = 'The state will call a protected witness known as "W-7" and two inspectors.\n'
    assert not any(c.kind == "person" for c in _with_aliases(text, []))
    text = "the informant, known in the filings as Cooperating Witness 4, met them twice.\n"
    assert not any(c.kind == "person" for c in _with_aliases(text, []))


def _with_aliases(text: str, cands: list[_Cand]) -> list[_Cand]:
    _aliases(text, cands, [])
    return cands


def test_him_in_a_report_is_the_man_reported_on() -> None:
    text = (
        "Prosecutor Daichi Morimoto told the court that Kenji Arai had chosen the target and "
        "that followers had called him Ajari.\n"
    )
    cands = [
        _cand(text, "Daichi Morimoto", "person"),
        _cand(text, "Kenji Arai", "person"),
        _cand(text, "Ajari", "person"),
    ]
    (left, right, *_), *_ = _aliases(text, cands, [])
    assert (left.text(text), right.text(text)) == ("Kenji Arai", "Ajari")


def test_a_japanese_honorific_after_a_name(nlp) -> None:
    text = (
        "Neighbours described Ogawa Emiko (63) as devout.\n\n"
        '"Emiko-san came to every clean-up," said a woman who lives on the street.\n'
    )
    _, kinds, locals_ = _locals(nlp, text)
    assert kinds.get("Emiko") == "person", kinds
    assert locals_["Emiko"] == locals_["Ogawa Emiko"]


def test_junior_and_senior_written_out() -> None:
    assert generation("Salvo Pirrone junior") == "jr"
    assert generation("Pirrone senior") == "sr"
    assert core_tokens("Salvo Pirrone junior") == ["salvo", "pirrone"]
    assert core_tokens("Cde Tendai Mhuri") == ["tendai", "mhuri"]


def test_junior_after_a_name_is_part_of_it(nlp) -> None:
    text = (
        "The order came from Salvo Pirrone, 71, who is serving a life sentence. It was carried "
        'out by his son, Salvo Pirrone junior, 39, known as "Totò".\n'
    )
    _, _, locals_ = _locals(nlp, text)
    assert "Salvo Pirrone junior" in locals_, locals_
    assert locals_["Salvo Pirrone junior"] != locals_["Salvo Pirrone"]


def test_another_spelling_of_a_cut_name_is_not_its_parts() -> None:
    text = "- Ngarta Dilla Kebir (also spelled Ngarta Dila Kebeer), 41, a trader.\n"
    cands = [
        _cand(text, "Ngarta Dilla", "person"),
        _cand(text, "Kebir", "person"),
        _cand(text, "Ngarta Dila Kebeer", "person"),
    ]
    assert _aliases(text, cands, []) == []


def test_a_fathers_short_name_inside_his_sons_chain_keeps_them_apart() -> None:
    # the father's "Abdelmuttalib al-Barouni" fits the son's chain too; only a full name spelled
    # two ways word for word says the two sides share a man
    pairs = [
        doc(
            "d1",
            ("Abdelmuttalib Husni Ghaith al-Barouni", "person", 0, "name"),
            ("Abdelmuttalib al-Barouni", "person", 0, "name"),
            ("Ghaith Abdelmuttalib al-Barouni", "person", 1, "name"),
        ),
        doc(
            "d2",
            ("Ghaith Abdelmutalib Husni al-Barouni", "person", 0, "name"),
            ("Abdelmutalib Husni Ghaith al-Barouni", "person", 1, "name"),
        ),
    ]
    case = case_of(pairs)
    assert "Ghaith Abdelmutalib Husni al-Barouni" not in _texts(case, "Abdelmuttalib al-Barouni")


def test_one_mandarin_name_in_wade_giles_and_in_pinyin() -> None:
    from casefile.mandarin import same_name
    from casefile.matching import person_names_match

    assert same_name("Tseng Chih-wei", "Zeng Zhiwei")
    assert same_name("Hsieh Kuo-liang", "Xie Guoliang")
    assert same_name("Teng Ping-yuan", "Pingyuan Deng")  # given name first in pinyin
    m = person_names_match("Tseng Chih-wei", "Zeng Zhiwei")
    assert m is not None and m.score >= 0.85
    # two pinyin names, or two Wade-Giles names, are no two systems: "Zhang" is not "Chang"
    assert not same_name("Zhang Weiming", "Chang Weiming")
    assert not same_name("Tseng Chih-wei", "Tseng Chih-hui")
    assert not same_name("Luisa Lopez", "Lu-isa Lopez")


def test_wade_giles_and_pinyin_meet_across_documents() -> None:
    pairs = [
        doc("d1", ("Tseng Chih-wei", "person", 0, "name")),
        doc("d2", ("Zeng Zhiwei", "person", 0, "name")),
    ]
    assert _texts(case_of(pairs), "Tseng Chih-wei") == {"Tseng Chih-wei", "Zeng Zhiwei"}


def test_an_english_name_before_a_chinese_one_is_no_son() -> None:
    # the son is "Tseng Chih-wei" and "Chih-wei" in one report, "Dorian Tseng Chih-wei" in
    # another: his English given name is no father's name before his own
    pairs = [
        doc(
            "d1",
            ("Tseng Chih-wei", "person", 0, "name"),
            ("Chih-wei", "person", 0, "name"),
        ),
        doc("d2", ("Dorian Tseng Chih-wei", "person", 0, "name")),
    ]
    pairs[0][1].attributes.append(Attribute(0, "relative", "his son", 0, 7))
    assert "Dorian Tseng Chih-wei" in _texts(case_of(pairs), "Tseng Chih-wei")


def test_caribbean_court_list_aliases_and_a_hyphenated_title(nlp) -> None:
    text = (
        "The indictment lists the accused as \"Delroy Anthony Grant o/c 'Shotta'; Oneil "
        "Grant o/c 'Bigga'\". Attorney-at-law Winston Kerr, who represents Delroy Grant, "
        'said his client was a businessman. Delroy Grant, otherwise called "Shotta", 44, '
        "denied the charges.\n"
    )
    _, kinds, locals_ = _locals(nlp, text)
    assert locals_.get("Shotta") == locals_["Delroy Anthony Grant"], locals_
    assert "Winston Kerr" in kinds and "Attorney-at-law Winston Kerr" not in kinds, kinds


def test_portuguese_and_spanish_s_for_z_inside_a_name() -> None:
    from casefile.names import token_match

    assert token_match("meneses", "menezes") is not None
    assert token_match("gonzales", "gonzalez") is not None
    assert token_match("paz", "pas") is None  # short names: no rule


def test_a_headline_nickname_is_no_surname_of_another(nlp) -> None:
    # the nickname "Yujro" is spelled like the wife's married name "de Yujra"
    text = (
        'Court jails "Yujro" for 20 years\n\n'
        "Felipa Huarachi de Yujra, 48, was sentenced to eight years. A court on Thursday "
        'sentenced Eusebio Yujra Challco, the exporter known as "Yujro", to 20 years.\n'
    )
    _, _, locals_ = _locals(nlp, text)
    assert locals_["Yujro"] != locals_["Felipa Huarachi de Yujra"], locals_


def test_a_romanian_name_in_russian_spelling() -> None:
    from casefile.names import token_match

    assert token_match("ciorbanu", "chorbanu") is not None
    assert token_match("vulpeschi", "vulpeski") is not None
    assert token_match("turcovei", "tsurkovei") is not None
    assert token_match("chernov", "kernov") is None  # a Russian name is read as written


def test_an_english_name_before_a_wade_giles_name_and_the_pinyin_alone() -> None:
    from casefile.matching import person_names_match

    m = person_names_match("Dorian Tseng Chih-wei", "Zeng Zhiwei")
    assert m is not None and m.score >= 0.85


def test_a_spanish_name_without_its_first_given_name_is_no_father() -> None:
    # the mother calls her son "Ramiro Portillo Funes"; the wires give all four names
    pairs = _portillo_funes()
    pairs[1][1].attributes.append(Attribute(0, "relative", "her son", 0, 7))
    assert "Ramiro Portillo Funes" in _texts(case_of(pairs), "Jacinto Ramiro Portillo Funes")
