"""More name forms found beyond the development stories: people known by one name, the
patronymic "bin", Turkish spellings, ranks from other traditions and French official style
(surname first, in capitals). Invented names only."""

from __future__ import annotations

from casefile.matching import person_names_match
from casefile.names import token_match
from tests.unit.test_extract import run

ONE_NAME = (
    "Darmanto, 44, was killed on Monday along with Ahmad Fauzi Rahman bin Ismail Harahap, "
    "alias Abu Salim.\n\nThe village head, Wagiman Sitorus, said a farmer known only as Parjono "
    'had fled. Police said Darmanto had supplied food to the group. "We saw Parjono run," '
    "said Warrant Officer SITUMORANG Edward."
)


def test_people_known_by_one_name(nlp) -> None:
    _, groups, kinds = run(nlp, ONE_NAME)
    assert kinds.get("Darmanto") == "person"
    assert kinds.get("Parjono") == "person"
    assert kinds.get("Wagiman Sitorus") == "person"


def test_french_style_surname_first_after_a_rank(nlp) -> None:
    _, _, kinds = run(nlp, ONE_NAME)
    assert kinds.get("SITUMORANG Edward") == "person"
    assert not any(k.startswith("Warrant") for k in kinds)


def test_one_word_with_an_age_is_not_always_a_name(nlp) -> None:
    _, _, kinds = run(nlp, "Indonesian, 37, is not a name. Monday, 12, neither.")
    assert "Indonesian" not in kinds and "Monday" not in kinds


def test_patronymic_bin_is_left_out_when_matching() -> None:
    m = person_names_match("Ahmad Fauzi Rahman bin Ismail Harahap", "Ahmad Fauzi Rahman")
    assert m is not None and m.score >= 0.85
    assert person_names_match("Ahmad Fauzi bin Ismail", "Ismail Harahap") is None


def test_turkish_spellings() -> None:
    m = person_names_match("Şükrü Cevdet Ahmet", "Shukru Jevdet Ahmed")
    assert m is not None and m.score >= 0.85
    assert token_match("ılgaz", "ilgaz") is not None
    assert token_match("mehmet", "mehmed") is not None
    assert token_match("karim", "kamil") is None


def test_caps_surname_first_after_a_rank_the_model_missed(nlp) -> None:
    text = (
        "Among the dead were Sergeant DIALLO Moussa and Lieutenant TRAORE Awa. "
        "Poso Police Chief AKBP Rahmat Sinaga said the road was closed."
    )
    _, _, kinds = run(nlp, text)
    assert kinds.get("DIALLO Moussa") == "person"
    assert kinds.get("TRAORE Awa") == "person"
    assert "AKBP Rahmat Sinaga" not in kinds


def test_a_name_with_fighters_or_members_is_a_group(nlp) -> None:
    text = (
        "Jaysh al-Nur fighters attacked the base on Monday. Karim Haddad, 40, said "
        "Jaysh al-Nur had lost men."
    )
    _, _, kinds = run(nlp, text)
    assert kinds.get("Jaysh al-Nur") == "organization"
    assert kinds.get("Karim Haddad") == "person"


def test_one_name_people_are_linked_across_documents() -> None:
    from casefile.model import Mention
    from casefile.resolve import Local, score_pair

    def local(doc: str, *names: str) -> Local:
        roles = ("name", "short", "short")
        ms = [
            Mention(0, len(n), n, "person", 0, r)  # type: ignore[arg-type]
            for n, r in zip(names, roles, strict=False)
        ]
        return Local(doc, 0, "person", ms, 0)

    m = score_pair(local("a", "Darmanto"), local("b", "Darmanto"))
    assert m is not None and m.score >= 0.85
    assert score_pair(local("a", "Darmanto"), local("b", "Sutarman")) is None
    assert score_pair(local("a", "Haddad"), local("b", "Karim Haddad", "Haddad")) is None
