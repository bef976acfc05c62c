"""Name forms found in the sixth round of generalisation, each written with invented names."""

from __future__ import annotations

from casefile.extract import _Cand
from tests.unit.test_extract import run


def cand(text: str, name: str, kind: str = "person") -> _Cand:
    """A candidate span over the first occurrence of `name`."""
    a = text.index(name)
    return _Cand(a, a + len(name), kind, "test")  # type: ignore[arg-type]


ACRONYM_AFTER_PERSON = (
    "Coast District MP Velupillai Aranthan of the Ilam Tamil Makkal Katchi (ITMK) told the "
    "Herald that traders were afraid. Later the Eastern Front Brigade (EFB) and Crown Prince "
    "Faisal bin Omar (FBO) were named. Fighters of the Islamic Movement of Korvania (IMK) "
    "left the Democratic Republic of the Congo (DRC)."
)


def test_an_acronym_takes_its_initials_not_the_name_before_of(nlp) -> None:
    # "Aranthan of the Ilam Tamil Makkal Katchi" also has I-T-M-K in order; the initials
    # alone are the long form, and the person before "of" stays a person
    _, groups, kinds = run(nlp, ACRONYM_AFTER_PERSON)
    assert kinds.get("Velupillai Aranthan") == "person"
    assert kinds.get("Ilam Tamil Makkal Katchi") == "organization"
    assert kinds.get("ITMK") == "organization"
    assert {"Ilam Tamil Makkal Katchi", "ITMK"} in groups
    assert kinds.get("Eastern Front Brigade") == "organization"
    # a place inside the long form does not make the whole a place; a country's is one
    assert kinds.get("Islamic Movement of Korvania") == "organization"
    assert kinds.get("Democratic Republic of the Congo") == "place"


def test_initials_stand_for_name_parts_written_out_elsewhere() -> None:
    from casefile.matching import MERGE_AT, person_names_match

    m = person_names_match("K.R.D. Suvan Perakum", "Kodithuwakku Rala Dias Suwan Perakum")
    assert m is not None and m.score >= MERGE_AT
    assert "initial K. for kodithuwakku" in m.reasons and any("v for w" in r for r in m.reasons)
    m = person_names_match("M. Ali Khanzai", "Mohammad Ali Khanzai")
    assert m is not None and m.score >= MERGE_AT
    # initials that do not fit, or a different surname, still keep two men apart
    assert person_names_match("K.R.D. Suvan Perakum", "Lalith Rala Dias Suwan Perakum") is None
    assert person_names_match("A.B. Korimov", "A.K. Korimov") is None
    assert person_names_match("K.R.D. Suvan Perakum", "Kodithuwakku Rala Dias Suwan Perera") is None


def test_v_for_w_is_one_spelling() -> None:
    from casefile.names import spelling_keys, token_match

    for a, b in (("nuwan", "nuvan"), ("ketheeswaran", "ketheesvaran"), ("wasantha", "vasantha")):
        assert token_match(a, b) is not None
        assert spelling_keys(a) & spelling_keys(b)  # blocked together across documents
    assert token_match("wali", "bali") is None


QUOTED_FIRST_NAME = (
    "Raid in the hills\n\n"
    "The main suspect, 34-year-old Temirlan Oskonbaev, was killed in the raid. Police found no "
    "contacts between Oskonbaev and the villagers.\n\n"
    '"Temirlan worked in Russia for many years. He built that house himself," a neighbour '
    "said. The road between Kara-Tash and Uzgen was closed."
)


def test_a_first_name_alone_is_the_one_person_who_has_it(nlp) -> None:
    ex, groups, kinds = run(nlp, QUOTED_FIRST_NAME)
    temirlan = next(g for g in groups if "Temirlan Oskonbaev" in g)
    assert "Temirlan" in temirlan  # found by its first name in the quote, and linked
    assert "Oskonbaev" in temirlan  # "between X and the villagers" is not a place pair
    assert kinds.get("Oskonbaev") == "person"
    assert kinds.get("Uzgen") == "place"  # "between X and Y" still is


def test_a_first_name_two_people_share_or_a_word_is_not_spread() -> None:
    from casefile.extract import _lone_given_names

    text = (
        "Temirlan Oskonbaev and Temirlan Sadykov were detained with Grace Oduya and Bakyt "
        "Usenov. By grace of the court she was freed. Abu Bakr Usenov and Ermek Bakyt spoke."
    )

    names = ["Temirlan Oskonbaev", "Temirlan Sadykov", "Grace Oduya", "Bakyt Usenov"]
    cands = [cand(text, n) for n in names]
    assert _lone_given_names(cands, text) == ["Bakyt"]
    cands += [cand(text, "Ermek Bakyt")]  # "Bakyt" is now someone's surname too
    assert _lone_given_names(cands, text) == ["Ermek"]


def test_a_name_after_a_cue_ends_at_punctuation(nlp) -> None:
    text = (
        "Cell broken up\n\nThe suspect is Kadyrbek T.K., born 1986, who uses the nom de guerre "
        '"Abu Tamim". Mamytov A.B., aged 40, alias "Chorny", left. He is also known as '
        "A.K. Ryskulov."
    )
    ex, groups, kinds = run(nlp, text)
    assert any({"Kadyrbek T.K.", "Abu Tamim"} <= g for g in groups)
    assert any({"Mamytov A.B.", "Chorny"} <= g for g in groups)


def test_german_romanisations_of_russian_names() -> None:
    from casefile.matching import MERGE_AT, person_names_match
    from casefile.names import spelling_keys, token_match

    pairs = [
        ("Aslanbek Dschamalow", "Aslanbek Dzhamalov"),  # dsch = dzh, -ow = -ov
        ("Aslanbek Dschamalow", "Aslanbek Jamalov"),
        ("Machmud Tschagajew", "Makhmud Chagayev"),  # ch = kh, tsch = ch, j = y
        ("Jussuf Schamiljew", "Yusuf Shamilyev"),  # sch = sh
    ]
    for a, b in pairs:
        m = person_names_match(a, b)
        assert m is not None and m.score >= MERGE_AT, (a, b)
        for x, y in zip(a.lower().split(), b.lower().split(), strict=True):
            assert spelling_keys(x) & spelling_keys(y), (x, y)
    assert token_match("schamil", "kamil") is None  # sch is sh, not s + k
    assert person_names_match("Aslanbek Dschamalow", "Aslanbek Kamalov") is None


PSEUDONYM = (
    "Attack in town\n\n"
    "The victim, Aslanbek Dzhamalov, 35, was stabbed in Graz. He posts on YouTube under the "
    'name "Kartol Bars". One of the suspects had written to a man in Kazan who used the '
    'nickname "Sary". Several Dzhamalov relatives were questioned, and the elder Akhmat '
    "Dzhamalov denied everything."
)


def test_a_pseudonym_after_a_pronoun_or_a_platform(nlp) -> None:
    ex, groups, kinds = run(nlp, PSEUDONYM)
    timur = next(g for g in groups if "Aslanbek Dzhamalov" in g)
    assert "Kartol Bars" in timur  # "he" is the last sentence's subject, not YouTube
    assert kinds.get("YouTube") != "person"
    assert kinds.get("Sary") == "person"  # a nickname with no one named to pair it with
    assert "Several Dzhamalov" not in kinds and "Akhmat Dzhamalov" in kinds
    assert not any(k.endswith(" de") for k in kinds)


def test_headline_role_words_are_not_names(nlp) -> None:
    _, _, kinds = run(nlp, "Blogger Kartol Bars in intensive care\n\nActivist Anna Zoreva said so.")
    assert "Blogger Kartol Bars" not in kinds and "Activist Anna Zoreva" not in kinds
    assert kinds.get("Anna Zoreva") == "person"


def test_nicknames_sharing_a_word_are_no_father_and_son() -> None:
    """Two handles ending alike ("Kartol Bars" / "Kurzut Bars") are not two full names with
    one surname: the pair of clusters stays joinable."""
    from casefile.resolve import cluster, locals_of
    from tests.unit.test_rules import _ex

    e1 = _ex("d1", ("Aslanbek Dzhamalov", 0, "name"), ("Kartol Bars", 0, "aka"))
    e2 = _ex("d2", ("Aslanbek Jamalov", 0, "name"), ("Kurzut Bars", 0, "aka"))
    assert len(cluster(locals_of([e1, e2]))) == 1
    e3 = _ex("d3", ("Akhmat Jamalov", 0, "name"), ("Kurzut Bars", 0, "aka"))
    assert len(cluster(locals_of([e1, e3]))) == 2  # real names: father and son stay apart


FAMILY = (
    "Farm attack\n\n"
    "Gunmen killed Hassan Barakat Abu Tarfa on his farm in the village of Umm Khirba, south "
    "of Sheikh Rami in North Varnia. His son Younis Hassan Abu Tarfa, 29, was killed as he "
    "ran. Hassan Abu Tarfa had returned in 2022. Abu Tarfa was a tribal elder. A militant "
    "known as Abu Suhaib led the cell, people in the town of Abu Kabir said."
)


def test_a_family_named_abu_and_a_father_s_name_inside_the_son_s(nlp) -> None:
    _, groups, kinds = run(nlp, FAMILY)
    father = next(g for g in groups if "Hassan Barakat Abu Tarfa" in g)
    # the son's name holds his father's given name: "Hassan Abu Tarfa" is the father
    assert "Hassan Abu Tarfa" in father and "Younis Hassan Abu Tarfa" not in father
    assert "Abu Tarfa" in father  # a family name ("Abu …" ending a full name), no kunya
    assert not any("Abu Suhaib" in g and len(g) > 1 for g in groups)  # a kunya stays one
    assert kinds.get("Umm Khirba") == "place"  # what a village is called, kunya-shaped
    assert kinds.get("Abu Kabir") == "place"
    assert kinds.get("Sheikh Rami") == "place"  # "south of" a town named "Sheikh …"


def test_a_region_after_a_compass_word_and_group_heads_as_whole_words(nlp) -> None:
    from casefile.extract import _GROUP_FIRST, _fix_kinds

    text = "The army, with the sons of Varnia, raided farms in North Varnia."

    cands = [cand(text, "Varnia"), cand(text, "North Varnia", "place")]
    fixed = _fix_kinds(cands, nlp(text), text)
    assert [c.kind for c in fixed] == ["place", "place"]  # "North Varnia" is, so "Varnia" is
    assert _GROUP_FIRST.match("Wilayat Varnia") and _GROUP_FIRST.match("Jamaat-ul-Ahrar")
    assert _GROUP_FIRST.match("Ansar al-Sharia")
    assert not _GROUP_FIRST.match("Jamal Khan") and not _GROUP_FIRST.match("Ansari Khan")


def test_a_kunya_with_its_nisba_then_without_and_spelled_again(nlp) -> None:
    from casefile.matching import MERGE_AT, person_names_match

    text = (
        "Raid\n\nThe army killed a local commander known as Abu Suhaib al-Tarabulsi in a "
        "raid. Officials said Abu Suhaib had led the cell since 2021. Abu Omar was not there."
    )
    _, groups, _ = run(nlp, text)
    assert {"Abu Suhaib", "Abu Suhaib al-Tarabulsi"} in groups
    assert {"Abu Omar"} in groups
    # q/k at the start, the vowels written another way: one kunya and nisba
    m = person_names_match("Abu Qutayfa al-Tarabulsi", "Abou Koteifa El-Tarabolsi")
    assert m is not None and m.score >= MERGE_AT


def test_a_body_of_a_country_and_a_title_chain_ending_in_police(nlp) -> None:
    text = (
        "Raid\n\nA report by the Human Rights Commission of Velmora was cited. Senior "
        "Superintendent of Police Abdul Qayum Lasi, the officer in charge, denied it."
    )
    _, _, kinds = run(nlp, text)
    assert kinds.get("Human Rights Commission of Velmora") == "organization"
    assert "Velmora" not in kinds  # inside the body's name, not a place of its own
    assert kinds.get("Abdul Qayum Lasi") == "person" and "Police Abdul Qayum Lasi" not in kinds


def test_russian_official_order_with_a_patronymic(nlp) -> None:
    from casefile.matching import MERGE_AT, person_names_match

    text = (
        "Wanted\n\nAslanbek Jamalov, 35, is on a list. In the ministry's database he is listed as "
        'wanted: "Dzhamalov Aslanbek Akhmatovich, born 1990". His father Akhmat Dzhamalov left.'
    )
    _, groups, kinds = run(nlp, text)
    assert kinds.get("Dzhamalov Aslanbek Akhmatovich") == "person"
    m = person_names_match("Dzhamalov Aslanbek Akhmatovich", "Aslanbek Jamalov")
    assert m is not None and m.score >= MERGE_AT
    assert person_names_match("Dzhamalov Aslanbek Akhmatovich", "Akhmat Dzhamalov") is None


def test_a_chain_of_names_one_shorter_at_the_front_may_be_the_father() -> None:
    from casefile.matching import MERGE_AT, person_names_match

    # "Tariq son of Nabil son of Sadiq": "Nabil Sadiq al-Karbuli" may be his father
    m = person_names_match("Nabil Sadiq al-Karbuli", "Tariq Nabeel Sadiq al-Karbuli")
    assert m is not None and m.score < MERGE_AT  # kept as possibly the same, not merged
    m = person_names_match("Ali Hassan Karbuli", "Mohammad Ali Hassan Karbuli")
    assert m is not None and m.score >= MERGE_AT  # a name's "Mohammad" prefix is no father


def test_a_title_or_role_then_a_slash_then_the_name(nlp) -> None:
    text = (
        "Statement\n\nThe elements attacked the farm of Sheikh / Hassan Barakat Abou Tarfa in "
        "the village, killing the sheikh, his son / Younis Hassan Barakat and the citizen / "
        "Idris Fawzi Omar. Either Hamas / Fatah will sign."
    )
    _, _, kinds = run(nlp, text)
    assert kinds.get("Hassan Barakat Abou Tarfa") == "person"
    assert not any("/" in k for k in kinds)
    assert kinds.get("Younis Hassan Barakat") == "person"
    assert kinds.get("Hamas") != "person"  # two groups, no title before the slash


def test_names_with_and_without_a_nisba_and_a_town_with_no_nom_de_guerre(nlp) -> None:
    from casefile.matching import MERGE_AT, person_names_match

    m = person_names_match("Idris Kamil Nouri", "Idris Kamil Nouri al-Juburi")
    assert m is not None and m.score >= MERGE_AT
    # two different nisbas are not enough; a chain of two names is, but it says less
    assert person_names_match("Ali Hassan Kamil al-Tikriti", "Ali Hassan Kamil al-Juburi") is None
    two = person_names_match("Ali Hassan", "Ali Hassan al-Juburi")
    assert two is not None and m.score > two.score >= MERGE_AT
    m = person_names_match("Mohammed Qasim al-Juburi", "Muhammad Qasim al-Juburi")
    assert m is not None and m.score >= MERGE_AT
    text = (
        "Attack\n\nOfficials said the attackers were led by Idris Kamil Nouri al-Juburi, an "
        "Islamic State commander from Hadithah known by the nom de guerre Abu Tamim. Another "
        'man named by the police, Sherzaman, alias "Dodo," could not be traced.'
    )
    _, groups, kinds = run(nlp, text)
    assert {"Idris Kamil Nouri al-Juburi", "Abu Tamim"} <= next(
        g for g in groups if "Abu Tamim" in g
    )
    assert kinds.get("Hadithah") != "person"


def test_son_of_and_a_two_name_chain_one_shorter_at_the_front() -> None:
    from casefile.matching import MERGE_AT, person_names_match

    m = person_names_match("Idris bin Kamil", "Idris Kamil Nouri")
    assert m is not None and m.score >= MERGE_AT  # X son of Y starts the chain X Y Z
    assert person_names_match("Idris bin Kamil", "Idris Nabil Nouri") is None
    # "Kamil Nouri" may be the father of "Idris Kamil Nouri": possible, not merged
    m = person_names_match("Kamil Nouri", "Idris Kamil Nouri")
    assert m is not None and m.score < MERGE_AT
    m = person_names_match("Hassan Rindzai", "Mir Hassan Rindzai")  # "Mir" is an honorific
    assert m is not None and m.score >= MERGE_AT


def test_surnames_in_capitals_first_and_french_quotes(nlp) -> None:
    from casefile.matching import MERGE_AT, person_names_match

    text = (
        "Attack\n\nAmong the dead is the village chief, Alhaji Seydou Kondo, 68. The list drawn "
        "up by the town hall includes KONDO Seydou (village chief), HAMA ISSA Moussa (trader) "
        "and GARBA Idrissa (butcher). The attack was led by a certain Amadou Sangare alias "
        "« Abou Walid », a herder. The FDS (FDS) and NATO Secretary General spoke."
    )
    _, groups, kinds = run(nlp, text)
    assert {"Seydou Kondo", "KONDO Seydou"} <= next(g for g in groups if "KONDO Seydou" in g)
    assert kinds.get("HAMA ISSA Moussa") == "person" and kinds.get("GARBA Idrissa") == "person"
    assert {"Amadou Sangare", "Abou Walid"} <= next(g for g in groups if "Abou Walid" in g)
    assert "NATO Secretary" not in kinds and "FDS" not in {
        k for k, v in kinds.items() if v == "person"
    }
    m = person_names_match("HAMA ISSA Moussa", "Mousa Hamma Issa")
    assert m is not None and m.score >= MERGE_AT


def test_a_ruler_s_name_and_a_first_name_beside_the_russian_order(nlp) -> None:
    from casefile.extract import _lone_given_names

    _, _, kinds = run(nlp, "Attack\n\nHe is a critic of the Varnian ruler Tamerlan Kadzhiyev.")
    assert kinds.get("Tamerlan Kadzhiyev") == "person"
    text = "Aslan Dzhamalov spoke. He is listed as Dzhamalov Aslan Akhmatovich. Aslan left."
    cands = [cand(text, "Aslan Dzhamalov"), cand(text, "Dzhamalov Aslan Akhmatovich")]
    assert _lone_given_names(cands, text) == ["Aslan"]  # first in both orders, no surname


def test_ranks_of_two_words_two_letter_initials_and_a_first_name_spelled_again(nlp) -> None:
    text = (
        "Attack\n\nPolice said Senior Sergeant Ruslanbek Tsoroev, 31, was wounded. The suspects "
        "are "
        "Dolgoev M.Kh. "
        'and Nalgoev Z.M. Police named Mukhtar Dolgoev, 24, and Idris Saadi, 25. "Muhtar had '
        'left home," his uncle said.'
    )
    _, groups, kinds = run(nlp, text)
    assert (
        kinds.get("Ruslanbek Tsoroev") == "person"
        and "Senior Sergeant Ruslanbek Tsoroev" not in kinds
    )
    dolgoev = next(g for g in groups if "Mukhtar Dolgoev" in g)
    assert "Dolgoev M.Kh." in dolgoev  # "Kh." is one initial: the full stop stays
    assert "Muhtar" in dolgoev  # kh / h: the one person with that first name


def test_a_defendant_named_by_initials_only(nlp) -> None:
    text = (
        "Verdict\n\nThe court convicted the defendant (R.J.K.) under Article 4. Rafid Jalal Kamil "
        "el-Juburi, 31, had confessed. A second defendant, a shepherd identified only as "
        "(N.A.S.), was acquitted. Umar Sadiq spoke to the U.S. embassy."
    )
    _, groups, kinds = run(nlp, text)
    assert {"R.J.K.", "Rafid Jalal Kamil el-Juburi"} in groups  # his initials
    assert kinds.get("N.A.S.") == "person"  # a defendant with no name given
    assert kinds.get("U.S.") != "person"  # a country's initials, whoever is called U… S…
