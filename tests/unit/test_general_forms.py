"""Name forms found beyond the development stories: middle initials, generational suffixes,
lowercase particles, abbreviated ranks and local honorifics. Invented names only."""

from __future__ import annotations

from casefile.matching import person_names_match
from casefile.names import core_tokens, surname
from tests.unit.test_extract import run

RANKS = (
    "Col. Teodoro R. Villacorta said the patrol was hit near the river. The dead were "
    "Cpl. Benjie S. Alcaraz and Pfc. Nestor dela Pena, both of the same company. "
    "Provincial Gov. Alonzo Pabillo Jr. visited the wounded on Monday. "
    "Villacorta said Alcaraz had just been promoted."
)


def test_middle_initials_stay_inside_the_name(nlp) -> None:
    _, groups, kinds = run(nlp, RANKS)
    assert kinds.get("Teodoro R. Villacorta") == "person"
    assert kinds.get("Benjie S. Alcaraz") == "person"
    assert "R. Villacorta" not in kinds and "S. Alcaraz" not in kinds
    assert any({"Teodoro R. Villacorta", "Villacorta"} <= g for g in groups)
    assert any({"Benjie S. Alcaraz", "Alcaraz"} <= g for g in groups)


def test_lowercase_particle_and_suffix(nlp) -> None:
    _, _, kinds = run(nlp, RANKS)
    assert kinds.get("Nestor dela Pena") == "person"
    assert kinds.get("Alonzo Pabillo Jr.") == "person"


def test_abbreviated_ranks_are_not_names(nlp) -> None:
    _, _, kinds = run(nlp, RANKS)
    assert not any(k.rstrip(".") in ("Cpl", "Pfc", "Gov") for k in kinds)


def test_suffixes_and_middle_initials_in_name_forms() -> None:
    assert surname("Alonzo Pabillo Jr.") == "pabillo"
    assert surname("Teodoro R. Villacorta") == "villacorta"
    assert surname("Villacorta T.R.") == "villacorta"
    assert core_tokens("Alonzo Pabillo Jr.") == ["alonzo", "pabillo"]
    m = person_names_match("Teodoro R. Villacorta", "Teodoro Villacorta")
    assert m is not None and m.score >= 0.85


PLACES = (
    "Troops raided a hideout near the town of Sultan Mapandi in Tarlos del Norte province on "
    "Friday. Residents of Barangay Kalinaw fled toward the Pulangi river. "
    "According to Ocampo, Villareal was not at home."
)


def test_places_by_designator_and_context(nlp) -> None:
    _, _, kinds = run(nlp, PLACES)
    assert kinds.get("Sultan Mapandi") == "place" and "Mapandi" not in kinds
    assert kinds.get("Tarlos del Norte") == "place"
    assert kinds.get("Barangay Kalinaw") == "place"
    assert kinds.get("Pulangi") == "place"


def test_a_span_run_over_a_comma_is_split(nlp) -> None:
    _, _, kinds = run(nlp, PLACES)
    assert "Ocampo, Villareal" not in kinds


def test_suffix_after_a_middle_initial(nlp) -> None:
    _, _, kinds = run(nlp, "Mayor Julio P. Dimasangca Jr. said the road would reopen.")
    assert kinds.get("Julio P. Dimasangca Jr.") == "person"


def test_multi_word_rank_is_not_part_of_the_name(nlp) -> None:
    text = "The family said Private First Class Elmer Tabuyan will be buried on Wednesday."
    _, _, kinds = run(nlp, text)
    assert kinds.get("Elmer Tabuyan") == "person"


def test_names_after_role_nouns_and_identified_as(nlp) -> None:
    text = (
        "The blast killed the lawmaker Ilaria Mbeki Ssonko and two guards. "
        "The attacker, identified as Tomasz Ngaru Beliveau, was detained."
    )
    _, _, kinds = run(nlp, text)
    assert kinds.get("Ilaria Mbeki Ssonko") == "person"
    assert kinds.get("Tomasz Ngaru Beliveau") == "person"


def test_somali_spellings_match() -> None:
    m = person_names_match("Caasha Xaaji Cabdalla", "Aasha Haaji Abdalla")
    assert m is not None and m.score >= 0.85
    assert person_names_match("Caasha Xaaji", "Kamal Haaji") is None


def test_k_for_kh_and_blocking_keys() -> None:
    from casefile.names import spelling_keys, token_match

    assert token_match("sakhina", "sakina") is not None
    assert spelling_keys("cabdalla") & spelling_keys("abdalla")
    assert spelling_keys("xaaji") & spelling_keys("haaji")


def test_given_name_after_a_prefix_is_linked(nlp) -> None:
    text = (
        "Police arrested Md Tanzir Uddin Bhuyan, 31, on Sunday. "
        "Tanzir had been on the run for two years, police said."
    )
    _, groups, _ = run(nlp, text)
    assert any({"Md Tanzir Uddin Bhuyan", "Tanzir"} <= g for g in groups)
