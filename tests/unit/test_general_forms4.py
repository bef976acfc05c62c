"""Name forms found in the sixth round of generalisation, each written with invented names."""

from __future__ import annotations

from tests.unit.test_extract import run

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
