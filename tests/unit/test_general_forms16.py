"""Forms found in the seventeenth round's blind sets, each written with invented names."""

from __future__ import annotations

from casefile.extract import _boilerplate, _Cand, _same_kind_as_named
from casefile.matching import person_names_match
from casefile.names import core_tokens, token_match
from tests.unit.test_general_forms14 import _locals


def test_a_long_form_with_a_joined_article_takes_its_acronym(nlp) -> None:
    text = (
        "The General Security Office (GSO) of Hayat Nasr al-Wadi (HNW), the alliance that "
        "holds the valley, said on Saturday that an Islamic State (ISIS) cell had carried out "
        "the attack. HNW fighters set up checkpoints.\n"
    )
    ex, kinds, locals_ = _locals(nlp, text)
    assert kinds.get("Hayat Nasr al-Wadi") == "organization", kinds
    assert locals_["Hayat Nasr al-Wadi"] == locals_["HNW"]
    # an acronym belongs to the name right before its bracket, never to one further back
    assert locals_["ISIS"] != locals_["GSO"]
    assert locals_["ISIS"] != locals_["HNW"]


def test_arabic_group_heads_and_an_apparatus_are_groups(nlp) -> None:
    text = (
        "Zaarour, a former commander in Faylaq al-Wadi who later headed the town's committee, "
        "had criticised the security service (Jihaz al-Amn al-Dakhili) over the arrests.\n\n"
        "A spokesman of the General Security Apparatus, Samer Kanaan, said the suspects would "
        "be referred to the courts.\n"
    )
    _, kinds, _ = _locals(nlp, text)
    assert kinds.get("Faylaq al-Wadi") == "organization", kinds
    assert kinds.get("Jihaz al-Amn al-Dakhili") == "organization", kinds
    assert kinds.get("General Security Apparatus") == "organization", kinds
    assert kinds.get("Samer Kanaan") == "person", kinds


def test_a_captions_bracketed_credit_is_dropped_and_the_caption_read(nlp) -> None:
    text = (
        "Valley News – Idlib\n\n"
        "PHOTO: The burnt-out car of Karim Zaarour on the road between the two towns on "
        "Friday. (Valley News / Rami Aoun)\n\n"
        "Zaarour, 58, was killed on Friday when a bomb under his car went off.\n"
    )
    _, kinds, locals_ = _locals(nlp, text)
    assert kinds.get("Karim Zaarour") == "person", kinds
    assert locals_["Karim Zaarour"] == locals_["Zaarour"]
    assert not any("Aoun" in s for s in kinds), kinds


def test_known_across_a_town_as_names_an_alias(nlp) -> None:
    text = (
        "The cell is accused of killing Sheikh Karim Mahmoud Zaarour, a local notable known "
        "across Kafr Tala as Abu Rami.\n"
    )
    ex, _, locals_ = _locals(nlp, text)
    assert locals_["Abu Rami"] == locals_["Karim Mahmoud Zaarour"]
    assert any(lk.type == "aka" and lk.b == "Abu Rami" for lk in ex.links), ex.links


def test_turkish_spellings_of_arabic_names_match() -> None:
    for a, b in (("enes", "anas"), ("ahmet", "ahmad"), ("murat", "murad")):
        m = token_match(a, b)
        assert m is not None and m.score >= 0.85, (a, b, m)
    assert token_match("enes", "anis") is None  # e for a only, not any vowel


def test_a_title_before_the_turkic_son_of_is_a_surname(nlp) -> None:
    assert list(core_tokens("Mulla Oglu")) == ["mulla", "oglu"]
    _, kinds, _ = _locals(
        nlp, "The court sentenced Tarek al-Sayegh and Mulla Oglu to 15 years in prison each.\n"
    )
    assert kinds.get("Mulla Oglu") == "person", kinds
    assert "Oglu" not in kinds, kinds


def test_bylines_in_other_languages_and_translators_are_no_people(nlp) -> None:
    text = (
        "Haber Merkezi / Muhabir: Selim Ali Cakar\n"
        "(Translated from Turkish by the DHA English desk)\n\n"
        'The other men are Selim Ozdemir, 41, a fuel trader, and his cousin. "Selim only '
        'crossed to bring his mother to the hospital," a relative said.\n'
    )
    ex, kinds, locals_ = _locals(nlp, text)
    assert "Selim Ali Cakar" not in kinds, kinds
    assert "DHA" not in kinds, kinds
    # with the byline set aside, the lone given name is the trader's
    assert locals_["Selim"] == locals_["Selim Ozdemir"]


def test_a_share_bar_is_boilerplate_whole() -> None:
    text = "The funeral was held on Saturday.\n\nShare: WhatsApp | Facebook | X | Email\n"
    line = text.index("Share")
    spans = _boilerplate(text)
    assert any(a <= line and b >= text.index("Email") + 5 for a, b in spans), spans
    # a teaser glued to the story's next sentence still ends where the sentence begins
    text = "Related: Police raid homes in the cityThe funeral was held on Saturday.\n"
    assert _boilerplate(text) == [(0, text.index("The funeral"))]


def test_a_kunya_shaped_name_near_a_place_cue_is_a_town(nlp) -> None:
    text = (
        "He drove the explosives from the city to a farm near Umm Zaytun. The cell chose Umm "
        "Zaytun because foreigners come there.\n\n"
        "PHOTO: Visitors walk along the old street of ancient Qasrun at Umm Zaytun, which "
        "overlooks Lake Marun. (Ledger file photo / Nabil Azar)\n"
    )
    _, kinds, _ = _locals(nlp, text)
    assert kinds.get("Umm Zaytun") == "place", kinds
    assert kinds.get("Lake Marun") == "place", kinds
    assert not any(" at " in s for s in kinds), kinds
    # a mother's kunya is still a person's
    _, kinds, _ = _locals(nlp, "His widow, known as Umm Karim, said he had been threatened.\n")
    assert kinds.get("Umm Karim") == "person", kinds


def test_the_surname_of_a_name_with_an_alias_is_that_person() -> None:
    text = "The module was run by Harjit Singh Dhaliwal alias Pinka. Dhaliwal paid the two men."
    name = _Cand(text.index("Harjit"), text.index(" alias"), "person", "ner:ORG")
    aka = _Cand(text.index("Pinka"), text.index("Pinka") + 5, "person", "rule:aka", role="aka")
    surname = _Cand(text.rindex("Dhaliwal"), text.rindex("Dhaliwal") + 8, "organization", "ner:ORG")
    _same_kind_as_named([name, aka, surname], [(name, aka, "alias", 0, 0)], text)
    assert surname.kind == "person"
    # not a group's name that a surname lends itself to
    text2 = text + " The Dhaliwal network denied it."
    group = _Cand(text2.rindex("Dhaliwal"), text2.rindex("Dhaliwal") + 8, "organization", "ner:ORG")
    _same_kind_as_named([name, aka, group], [(name, aka, "alias", 0, 0)], text2)
    assert group.kind == "organization"


def test_a_document_that_puts_family_names_first_joins_the_turned_names() -> None:
    from tests.unit.test_judgements import case_of, doc, ent

    court = doc(
        "d2",
        ("Nsereko Abdallah", "person", 0, "name"),
        ("Nsereko", "person", 0, "short"),
        ("Kiwanuka Musa", "person", 1, "name"),
        ("Kiwanuka", "person", 1, "short"),
    )
    wire = doc(
        "d1",
        ("Abdallah Nsereko", "person", 0, "name"),
        ("Nsereko", "person", 0, "short"),
        ("Musa Kiwanuka", "person", 1, "name"),
    )
    case = case_of([wire, court])
    assert {m["text"] for m in ent(case, "Abdallah Nsereko")["mentions"]} >= {"Nsereko Abdallah"}
    assert {m["text"] for m in ent(case, "Musa Kiwanuka")["mentions"]} >= {"Kiwanuka Musa"}
    # one man called by his first word, the only one turned round, is no such style: the
    # pair stays a possible same (two men turned round are: test_general_forms21)
    court = doc(
        "d2",
        ("Nsereko Abdallah", "person", 0, "name"),
        ("Nsereko", "person", 0, "short"),
        ("Musa Kiwanuka", "person", 1, "name"),
    )
    e = ent(case_of([wire, court]), "Abdallah Nsereko")
    assert "Nsereko Abdallah" not in {m["text"] for m in e["mentions"]}
    assert e["possible_same"], e


def test_a_link_of_a_chain_of_son_ofs_stands_for_the_man(nlp) -> None:
    text = (
        "The alleged leader is Mahfoud Lemrabott Ould Bedda Ould Cheine, 41. Police said "
        "Ould Bedda had been in contact with a handler in the north who uses the name Abu "
        "Souleimane al-Tinduf.\n\n"
        "His younger brother, Sidi Lemrabott Ould Bedda, 29, was arrested at the family home.\n"
    )
    ex, kinds, locals_ = _locals(nlp, text)
    # the brother is named later: the lone "Ould Bedda" is the leader, already named
    assert locals_["Ould Bedda"] == locals_["Mahfoud Lemrabott Ould Bedda Ould Cheine"]
    assert locals_["Sidi Lemrabott Ould Bedda"] != locals_["Ould Bedda"]
    # the alias is the unnamed handler's, no one's the text names
    assert not any(lk.type == "aka" for lk in ex.links), ex.links


def test_a_chain_with_its_grandfathers_name_left_out_matches() -> None:
    m = person_names_match(
        "Mahfoud Lemrabott Ould Bedda", "Mahfoud Lemrabott Ould Bedda Ould Cheine"
    )
    assert m is not None and m.score >= 0.9, m
    assert (
        person_names_match("Sidi Lemrabott Ould Bedda", "Mahfoud Lemrabott Ould Bedda Ould Cheine")
        is None
    )
    assert person_names_match("Mahfoud Ould Bedda", "Mahfoud") is None


def test_two_given_names_before_a_middle_initial(nlp) -> None:
    text = (
        'The DGSN described "le nommé Mahfoud Lemrabott O. Bedda, alias Abou Souleimane", '
        "aged 41.\n\n"
        "WIA - Pat. Norhaya Amina D. Macabangkit, Kalangit MPS\n\n"
        "Assistant United States Attorneys Glenn M. Okafor prosecuted the case.\n"
    )
    _, kinds, _ = _locals(nlp, text)
    assert kinds.get("Mahfoud Lemrabott O. Bedda") == "person", kinds
    assert kinds.get("Norhaya Amina D. Macabangkit") == "person", kinds
    assert kinds.get("Glenn M. Okafor") == "person", kinds


def test_french_titles_ranks_of_two_words_and_daughter_of(nlp) -> None:
    text = (
        "The director of State Security, Divisional Commissioner Sidi Lemrabott Ould Cheine, said "
        "the threat was real.\n\n"
        "Meriem Mint Bedda, the wife of the leader, was questioned for two days.\n\n"
        "Me Toutou Ba, the family's lawyer, denounced the procedure. Me Ba said she would "
        "appeal.\n"
    )
    _, kinds, locals_ = _locals(nlp, text)
    assert kinds.get("Sidi Lemrabott Ould Cheine") == "person", kinds
    assert not any(s.startswith("Divisional") and k == "person" for s, k in kinds.items()), kinds
    assert kinds.get("Meriem Mint Bedda") == "person", kinds
    assert kinds.get("Toutou Ba") == "person", kinds
    assert locals_["Ba"] == locals_["Toutou Ba"]


def test_sheikh_before_son_of_is_a_given_name() -> None:
    assert core_tokens("Sheikh Ould Bedda")[0] == "sheikh"
    assert core_tokens("Sheikh Mahfoud Ould Cheine")[0] == "mahfoud"


def test_a_listed_man_with_a_role_after_a_town_is_no_town(nlp) -> None:
    text = (
        "The other two suspects are Oumar Bathily, 27, who was picked up in Boutilimit, and "
        "Lassana Doumbia, a Soninke shopkeeper from Kiffa who had rented the house.\n"
    )
    _, kinds, _ = _locals(nlp, text)
    assert kinds.get("Lassana Doumbia") == "person", kinds


def test_belgian_initials_stand_for_each_word_of_a_surname() -> None:
    for short, full in (
        ("Karim E.H.", "Karim El Hamdaoui"),
        ("Nordin O.T.", "Nordin Ould Taleb"),
        ("K.E.H.", "Karim El Hamdaoui"),
        ("K.E.H.", "Karim E.H."),
    ):
        m = person_names_match(short, full)
        assert m is not None and m.score >= 0.85, (short, full, m)
    assert person_names_match("S.E.H.", "Karim El Hamdaoui") is None
    # three letters with no particle among them are only a possible same
    m = person_names_match("K.B.T.", "Karim Walid Tazi")
    assert m is None or m.score < 0.85
    # a kunya has no initials
    assert person_names_match("A.D.", "Abu Dujana") is None


def test_initials_in_a_belgian_list_are_read_whole(nlp) -> None:
    text = (
        "(Vertaald uit het Nederlands door de redactie – translated from Dutch)\n\n"
        "They are K.E.H. (24) from Borgerhout, his brother N.E.H. (19), and the Chechen "
        "Adlan Ts. (31), who lives in Anderlecht, and Luiza Ts. (27), his wife.\n\n"
        "Neighbour Latifa (63) saw the police arrive at half past five.\n"
    )
    _, kinds, _ = _locals(nlp, text)
    for name in ("K.E.H.", "N.E.H.", "Adlan Ts.", "Luiza Ts.", "Latifa"):
        assert kinds.get(name) == "person", (name, kinds)
    assert not any(s.startswith(("Chechen", "Neighbour", "Vertaald")) for s in kinds), kinds
    assert "H" not in kinds and "N" not in kinds, kinds


def test_italian_and_online_alias_cues_and_a_name_he_gives_himself(nlp) -> None:
    text = (
        "The other two suspects are a Tunisian, Karim Zaarour, 29, known online as Abu "
        "Dujana al-Qayrawani, and an Italian convert, Marco Bellini, 27, from Collegno, who calls "
        'himself Yusuf. "They were moving from words to plans," said Vice Questore Paolo '
        "Ferrante, head of the DIGOS.\n\n"
        'Zaarour Karim, detto "Abu Dujana", landed in 2021.\n'
    )
    ex, kinds, locals_ = _locals(nlp, text)
    assert locals_["Abu Dujana al-Qayrawani"] == locals_["Karim Zaarour"]
    assert locals_["Yusuf"] == locals_["Marco Bellini"]
    assert locals_["Abu Dujana"] == locals_["Zaarour Karim"]
    assert kinds.get("Paolo Ferrante") == "person", kinds
    # someone the text does not name gives himself the name: no one's alias
    text = (
        'Witnesses said the fighters called their leader "General Hailstorm" and that a '
        'second commander, who calls himself "General Thunder", gave the order.\n'
    )
    ex, _, _ = _locals(nlp, text)
    assert not any(lk.type == "aka" and "Thunder" in lk.b for lk in ex.links), ex.links


def test_a_kunya_shaped_name_at_the_entrance_of_is_a_town(nlp) -> None:
    text = "The cell had watched a Gendarmerie post at the entrance of Umm Zaytun for weeks.\n"
    _, kinds, _ = _locals(nlp, text)
    assert kinds.get("Umm Zaytun") == "place", kinds


def test_the_first_words_of_a_long_rank_are_no_name(nlp) -> None:
    text = (
        "The prosecution, led by Senior Principal State Attorney Grace Nabirye of the Office of "
        "the Director of Public Prosecutions, told court that the device was meant for a "
        "gathering. The State had asked for life.\n"
    )
    _, kinds, _ = _locals(nlp, text)
    assert kinds.get("Grace Nabirye") == "person", kinds
    assert kinds.get("State") != "person" and kinds.get("Principal State") != "person", kinds


def test_sayed_opens_a_gulf_name_and_a_fathers_chain_stays_apart(nlp) -> None:
    ex, _, _ = _locals(
        nlp, "Police said Sayed Nizar Kadhim Al-Wadaei had planted the bomb near the station.\n"
    )
    assert "Sayed Nizar Kadhim Al-Wadaei" in {m.text for m in ex.mentions}, ex.mentions
    m = person_names_match("Sayed Nizar Kadhim Al-Wadaei", "Sayyid Nizar Kazim al-Wadai")
    assert m is not None and m.score >= 0.85, m
    # the son's chain and his father's, one name shorter at the front: only a possible same
    m = person_names_match("Sayed Nizar Kadhim Radhi Al-Wadaei", "Sayed Kadhim Radhi Al-Wadaei")
    assert m is None or m.score < 0.85, m


def test_amharic_courtesy_titles_are_no_part_of_a_name(nlp) -> None:
    text = (
        "Their father, Ato Kebede Tulu, a retired teacher, said the family had not been allowed "
        "to visit him. Lemma's mother, W/ro Almaz\nGirma, wept outside the court.\n"
    )
    ex, kinds, _ = _locals(nlp, text)
    texts = {m.text for m in ex.mentions}
    assert "Kebede Tulu" in texts, texts
    assert "Almaz\nGirma" in texts, texts
    assert not any(t.startswith(("Ato", "W")) for t in texts), texts
