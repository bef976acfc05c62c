"""Forms found in the twenty-fourth round, each written with invented names."""

from __future__ import annotations

from casefile.extract import _ALIAS_CUE, _Cand, _without_family_plurals
from casefile.matching import person_names_match
from casefile.names import core_tokens, generation, spelling_keys, surname, token_match, tokens
from tests.unit.test_extract import run
from tests.unit.test_general_forms14 import _locals
from tests.unit.test_judgements import case_of, doc, ent


def _cues(text: str) -> list[str]:
    return [m.group().strip(" ,") for m in _ALIAS_CUE.finditer(text)]


def _same(a: str, b: str) -> bool:
    m = token_match(a, b)
    return m is not None and m.score >= 0.85


def test_the_aspirated_p_of_thai_names_written_ph_or_p() -> None:
    assert _same("phanuwat", "panuwat")
    assert _same("kittiphop", "kittipop")
    assert not _same("phanuwat", "panuchai")  # the other letters still count


def test_greek_tz_for_the_dj_of_a_greek_name() -> None:
    assert _same("chatzimanolis", "hadjimanolis")
    assert _same("tzanetakis", "djanetakis")


def test_a_slavic_name_as_greek_spelling_writes_it() -> None:
    # no sh, zh, ch or h in Greek; the Slavic -ov is written -of
    assert _same("zhelyazkov", "zelyazkof")
    assert _same("kovachev", "kovatsef")
    assert _same("shishkov", "siskof")
    assert _same("hrabrov", "chrabrof")
    assert _same("zhelyo", "zelyo")
    assert _same("dzhurova", "tzurova")
    assert not _same("zhelyazkov", "zelyazkin")  # only the rewrite, letter for letter
    assert not _same("kovachev", "kovatsov")


def test_a_nickname_in_quotes_after_or() -> None:
    assert _cues('police arrested Mr Anucha Wongsiri, or "Tum", 31, at his home') == ["or"]
    assert _cues('the Khun Wichit Mansion, or "Baan Yai", is empty') == ["or"]
    # not a quoted phrase that runs on, nor one without its comma
    assert _cues('"Pay up, or "Leave town," they said') == []
    assert _cues('he said "yes" or "no" to the offer') == []


def test_more_cues_of_a_second_name() -> None:
    assert _cues("He held a Thai identity card in the name of Prasit Yodmanee") == [
        "identity card in the name of"
    ]
    assert _cues("Mr Tum changed his name from Wanchai in 2019") == ["changed his name from"]
    assert _cues("a commander, whose real name it gives as Anselmo Kibala Nzau,") == [
        "whose real name it gives as"
    ]


def test_a_courtesy_title_before_a_word_that_heads_companies_names(nlp) -> None:
    _, _, kinds = run(
        nlp,
        "Mr Company waited on a motorcycle at the end of the soi. Police said Mr Company had "
        "served a sentence before.",
    )
    assert kinds.get("Company") == "person", kinds  # the model: a body


def test_a_nickname_inside_a_full_name_found_after_mr(nlp) -> None:
    text = (
        'The alleged driver, Anucha "Boat" Wongsiri, 26, was caught in Rayong a day earlier. '
        '"Mr Golf and Mr Boat were just the drivers," the colonel told reporters.\n'
        'The alleged gunman, Somsak "Golf" Wongsiri, 29, was arrested in Phitsanulok on Tuesday.\n'
    )
    ex, kinds, locals_ = _locals(nlp, text)
    assert kinds.get("Boat") == "person", kinds  # the model finds "Mr Golf" only
    assert locals_["Boat"] == locals_['Anucha "Boat" Wongsiri']
    assert locals_["Golf"] == locals_['Somsak "Golf" Wongsiri']


def test_a_name_right_after_a_glued_teaser(nlp) -> None:
    text = (
        "Related: Hua Hin bar owners fear crackdown after Soi Bintabaht killingPol Col Surachet "
        "Boonma, superintendent of Hua Hin City police, said a third suspect, the alleged "
        "middleman, was still being sought. Police are checking CCTV footage.\n"
    )
    _, _, kinds = run(nlp, text)
    assert kinds.get("Surachet Boonma") == "person", kinds


def test_a_family_named_in_the_plural_is_no_place() -> None:
    text = "Oleksa Hordiyenko was held. The Hordiyenkos' lawyer and the Ardennes court."

    def cand(s: str, kind: str) -> _Cand:
        a = text.index(s)
        return _Cand(a, a + len(s), kind, "ner:GPE")  # type: ignore[arg-type]

    kept = _without_family_plurals(
        [
            cand("Oleksa Hordiyenko", "person"),
            cand("Hordiyenkos", "place"),
            cand("Ardennes", "place"),
        ],
        text,
    )
    assert [c.text(text) for c in kept] == ["Oleksa Hordiyenko", "Ardennes"]


def test_the_hungarian_younger_and_elder_before_a_name() -> None:
    assert generation("ifj. Szalai Bence") == "jr"
    assert generation("id. Szalai Bence") == "sr"
    assert tokens("ifj. Szalai Bence") == ["szalai", "bence"]
    assert surname("ifj. Szalai Bence") == "szalai"  # the family name first
    assert person_names_match("ifj. Szalai Bence", "id. Szalai Bence") is None
    assert person_names_match("ifj. Szalai Bence", "Szalai Bence") is not None
    assert generation("Sigrid Astrid") is None and tokens("Ingrid Astrid") == ["ingrid", "astrid"]


def test_a_hungarian_son_his_father_and_the_son_s_nickname(nlp) -> None:
    text = (
        "Among those detained is ifj. Szalai Bence, 34, a former contract soldier, whom "
        "investigators describe as the leader of a small armed group. In the group's closed "
        'chat, members addressed him as "Vezér". His father, id. Szalai Bence, 61, a retired '
        "army sapper, was detained at the same house.\n"
    )
    ex, kinds, locals_ = _locals(nlp, text)
    assert locals_["ifj. Szalai Bence"] != locals_["id. Szalai Bence"]
    assert locals_["Vezér"] == locals_["ifj. Szalai Bence"]  # (no sentence ends at "ifj.")


def test_the_south_slavic_d_with_stroke_written_dj_or_d() -> None:
    assert _same("djurkan", "durkan")
    assert person_names_match("Đurkan Petrić", "Djurkan Petric") is not None
    # found as candidates: the letter with a stroke has a blocking key of its base letter
    assert spelling_keys("đurkan") & spelling_keys("djurkan")
    assert spelling_keys("łazowski") & spelling_keys("lazowski")


def test_west_african_chiefs_titles_before_a_name() -> None:
    for title in ("Otunba", "Opanin", "Togbe", "Igwe"):
        assert core_tokens(f"{title} Kodzo Amedzro") == ["kodzo", "amedzro"], title


def test_baltic_endings_on_a_slavic_name() -> None:
    # Lithuanian -as, -us; Latvian -s: one man in three papers
    assert _same("morozovas", "morozov") and _same("morozovs", "morozov")
    assert _same("morozovas", "morozovs")
    assert _same("arkadijus", "arkady") and _same("lapinas", "lapin")
    assert person_names_match("Arkadijus Morozovas", "Arkady Morozov") is not None
    assert spelling_keys("morozovas") & spelling_keys("morozov")
    # not English surnames made of a given name and -s, nor a stem too short to tell
    assert not _same("williams", "william") and not _same("jonas", "jon")


def test_cues_of_a_handle_and_a_pen_name() -> None:
    assert _cues('a handler known on Telegram as "Ruda", who paid in crypto') == [
        "known on Telegram as"
    ]
    assert _cues("who writes as Arkady Morozov on his social-media pages") == ["writes as"]
    assert _cues("he writes as a columnist for the paper") == []
    assert _cues('Morozov, whom his co-defendants called "Tolya", told the court') == [
        "whom his co-defendants called"
    ]


def test_a_document_s_one_word_is_another_s_nickname() -> None:
    pairs = [
        doc(
            "d1",
            ("Eustache Ngoga Rwakabuba", "person", 0, "name"),
            ("Kibogo", "person", 0, "aka"),
        ),
        doc("d2", ("Kibogo", "person", 0, "name")),  # "a commander known as Kibogo"
    ]
    assert ent(case_of(pairs), "Eustache Ngoga Rwakabuba")["documents"] == ["d1", "d2"]
    # a word of three letters says too little
    for short in ("Sef",):
        pairs = [
            doc(
                "d1",
                ("Eustache Ngoga Rwakabuba", "person", 0, "name"),
                (short, "person", 0, "aka"),
            ),
            doc("d2", (short, "person", 0, "name")),
        ]
        assert ent(case_of(pairs), "Eustache Ngoga Rwakabuba")["documents"] == ["d1"], short


def test_a_man_reached_through_another_is_no_place(nlp) -> None:
    text = (
        "Police say the cell stored explosives in a house at Kasoa and was recruiting young men "
        "through Abdulbasit Sefu Kalumbi, popularly called Mzinga, a trader the police describe "
        "as a recruiter.\n"
    )
    _, _, kinds = run(nlp, text)
    assert kinds.get("Abdulbasit Sefu Kalumbi") == "person", kinds


def test_an_initial_before_a_word_and_a_name_that_opens_with_that_word() -> None:
    # a Mongolian paper: the father's name's initial before the given name; a wire: the given
    # name, then the father's name in full
    for full in ("Bat-Ochir Khurelbaatar", "Batochir Khurelbaatar"):
        m = person_names_match("Kh. Bat-Ochir", full)
        assert m is not None and m.score >= 0.85, full
    # a register's surname first: "A. Dorjsuren" is "Dorjsuren Ganzorig" only if A. fits
    assert person_names_match("G. Dorjsuren", "Dorjsuren Ganzorig") is not None
    assert person_names_match("T. Dorjsuren", "Dorjsuren Ganzorig") is None
