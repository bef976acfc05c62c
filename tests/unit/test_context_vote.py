"""The context vote: every occurrence of a surface in a document says what it is by the words
around it, and the majority decides the kind for the whole document. Invented names only."""

from __future__ import annotations

import pytest

from casefile.extract import _cue
from tests.unit.test_extract import run


@pytest.mark.parametrize(
    ("text", "name", "model_kind", "kind"),
    [
        # places: where things happen
        ("The road between Kavuto and Nembali was closed.", "Kavuto", "person", "place"),
        ("The road between Kavuto and Nembali was closed.", "Nembali", "organization", "place"),
        ("He was buried in his home village of Tarvesh.", "Tarvesh", "organization", "place"),
        ("Fighting spread to the Ombela and Sutra districts.", "Ombela", "organization", "place"),
        ("A woman who fled from Dirkali in 2020 spoke.", "Dirkali", "organization", "place"),
        ("Dirkali residents were still in shock.", "Dirkali", "organization", "place"),
        # not a place: instructions come from people, a house belongs to someone
        ("He acted on instructions from Arvo Kettunen.", "Arvo Kettunen", "person", None),
        ("The talks were held in Arvo Kettunen's office.", "Arvo Kettunen", "person", None),
        ("Officers in the Border Police were told.", "Border Police", "organization", None),
        # groups: people join them and they have fighters
        ("He fought with Ahlu Karama before 2019.", "Ahlu Karama", "person", "organization"),
        ("Nuru Kwa fighters attacked the post.", "Nuru Kwa", "person", "organization"),
        ("The satirical weekly Pomme Verte mocked him.", "Pomme Verte", "person", "organization"),
        ("Jamaat Fajr Tolva was blamed.", "Jamaat Fajr Tolva", "person", "organization"),
        ("The mission, known as UNTRAM, left.", "UNTRAM", "place", "organization"),
        # people: an age, kin, a fate; a village does not speak
        ("Teodor Ivasko, 41, was wounded.", "Teodor Ivasko", "place", "person"),
        ("Ivasko's widow spoke to reporters.", "Ivasko", "organization", "person"),
        ("Ivasko was arrested in May.", "Ivasko", "place", "person"),
        ("Ivasko told reporters he was innocent.", "Ivasko", "place", "person"),
        ("Norway told reporters nothing.", "Norway", "place", None),
        (
            "the camp of the group of Rodel Tampugao (Abu Yasin) was found",
            "Rodel Tampugao",
            "organization",
            "person",
        ),
        ("Tampugao is a former student of a school in the city.", "Tampugao", "place", "person"),
        ("Nuru Kwa is a militant group.", "Nuru Kwa", "person", None),
        # appositions and forms
        ("The raid on Sombrevo, a farming village, ended.", "Sombrevo", "person", "place"),
        (
            "The Nuru Kwa, a loose coalition of cells, said so.",
            "Nuru Kwa",
            "person",
            "organization",
        ),
        (
            "said Ilse Varnhagen, the governor of Kirvani district.",
            "Ilse Varnhagen",
            "person",
            None,
        ),
        ("Fighting spread to Central Velmora last year.", "Central Velmora", "person", "place"),
        ("Central Velmora Council met.", "Central Velmora Council", "person", None),
        ("An Ahlu Karama suicide bomber struck.", "Ahlu Karama", "place", "organization"),
    ],
)
def test_one_occurrence_cue(text: str, name: str, model_kind: str, kind: str | None) -> None:
    a = text.index(name)
    assert _cue(text, a, a + len(name), model_kind) == kind


def test_the_majority_of_cues_decides_for_every_occurrence(nlp) -> None:
    text = (
        "Gunmen attacked Sembalo on Sunday. Residents of Sembalo fled to the town of Kirvani. "
        "Sembalo was calm on Monday, said Ilse Varnhagen, 52, a nurse."
    )
    _, _, kinds = run(nlp, text)
    assert kinds.get("Sembalo") == "place"
    assert kinds.get("Kirvani") == "place"
    assert kinds.get("Ilse Varnhagen") == "person"


def test_a_group_with_fighters_and_recruits(nlp) -> None:
    text = (
        "Officials blamed Harakat Nuru Tolva for the raid. Harakat Nuru Tolva fighters burned "
        "the market, and two youths from the area had joined Harakat Nuru Tolva last year."
    )
    _, _, kinds = run(nlp, text)
    assert kinds.get("Harakat Nuru Tolva") == "organization"


def test_a_surname_with_its_article_belongs_to_the_person(nlp) -> None:
    text = (
        "said Col. Tariq al-Wazzani, a spokesman for the brigade. Two soldiers died, "
        "al-Wazzani said on Monday."
    )
    _, _, kinds = run(nlp, text)
    assert kinds.get("al-Wazzani") == "person"


def test_a_group_read_as_a_person_does_not_lend_its_words_to_people(nlp) -> None:
    text = (
        "Harakat al-Nuru claimed the attack. Harakat al-Nuru fighters burned the market. "
        "Officials blamed al-Nuru for the raid."
    )
    _, _, kinds = run(nlp, text)
    assert kinds.get("Harakat al-Nuru") == "organization"
    assert kinds.get("al-Nuru", "organization") != "person"


def test_a_quoted_nickname_keeps_its_honorific(nlp) -> None:
    text = (
        'Police said the gang was led by Idrisa Omari Kazembe, alias "Sheikh Tembo", who crossed '
        "the border last year."
    )
    ex, _, kinds = run(nlp, text)
    assert kinds.get("Sheikh Tembo") == "person"
    assert any("Sheikh Tembo" in (link.a, link.b) for link in ex.links)


def test_vowel_and_russian_g_variants_of_one_name() -> None:
    from casefile.matching import person_names_match

    m = person_names_match("Galim Gabibov", "Halim Habibov")  # Russian g for h, both words
    assert m is not None and m.score >= 0.85
    m = person_names_match("Alerom Kasudi", "Alirum Kasudi")  # three vowels, written differently
    assert m is not None and m.score >= 0.85
    assert person_names_match("Talib Wekesa", "Tulab Wekesa") is None  # two are too few


def test_a_short_form_in_parentheses_after_a_group_is_a_group(nlp) -> None:
    text = (
        "The Velmara Regional Police (Korwil Velmara) said the raid was lawful. The families "
        "complained to the National Commission on Prisons (Komdat Lapas) on Monday."
    )
    _, _, kinds = run(nlp, text)
    assert kinds.get("Korwil Velmara", "organization") == "organization"
    assert kinds.get("Komdat Lapas", "organization") == "organization"


def test_a_creed_word_before_a_group_name_is_part_of_it(nlp) -> None:
    # the model may tag the creed word NORP and only the rest ORG
    from spacy.tokens import Span

    from casefile.extract import _from_ner

    text = "The fighters pledged allegiance to Sunni Dawn in 2019."
    sdoc = nlp.make_doc(text)
    sdoc.ents = [Span(sdoc, 5, 6, label="NORP"), Span(sdoc, 6, 7, label="ORG")]
    cands = _from_ner(sdoc, text, [])
    assert [(c.text(text), c.kind) for c in cands] == [("Sunni Dawn", "organization")]
