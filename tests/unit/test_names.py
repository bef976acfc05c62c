"""Name forms and transliteration-tolerant comparison."""

import pytest

from casefile.names import acronym_of, core_tokens, is_kunya, skeleton, surname, token_match


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("imran", "omran"),
        ("tanvir", "tanveer"),
        ("tawhidi", "touhidi"),
        ("mirzoev", "mirzoyev"),
        ("fayzov", "faizov"),
        ("mohammad", "muhammad"),
        ("mohammed", "mohammad"),
        ("nazarov", "nazarow"),
        ("hafs", "khafs"),
        ("joseph", "josef"),
        ("dzhurayev", "jurayev"),
        ("yusuf", "yousef"),
    ],
)
def test_transliterations_match(a: str, b: str) -> None:
    m = token_match(a, b)
    assert m is not None and m.score >= 0.85, (a, b, m)
    assert a in m.why and b in m.why


@pytest.mark.parametrize(("a", "b"), [("hassan", "hussein"), ("omar", "amir"), ("ali", "ahmed")])
def test_different_names_do_not_match(a: str, b: str) -> None:
    assert token_match(a, b) is None


def test_skeleton_drops_vowels_and_glides() -> None:
    assert skeleton("Tanveer") == skeleton("tanvir") == "tnvr"
    assert skeleton("Abdullah") != skeleton("Abdul")  # a final h is a letter


def test_titles_particles_and_surnames() -> None:
    assert core_tokens("General Qasim Rahimi") == ["qasim", "rahimi"]
    assert core_tokens("Bashir al-Hadi") == ["bashir", "hadi"]
    assert surname("Rustam Nazarov") == "nazarov"
    assert surname("Abu Hafs") is None  # a kunya has no surname
    assert surname("Abdul Karim") is None  # a compound given name
    assert is_kunya("Abu Hafs") and not is_kunya("Rustam Nazarov")
    assert core_tokens("Nazarov's") == ["nazarov"]


def test_acronyms() -> None:
    assert acronym_of("EFB", "Eastern Front Brigade")
    assert acronym_of("EU", "European Union")
    assert acronym_of("ISIL", "Islamic State")  # letters of the long form in order
    assert not acronym_of("US", "Eastern Front Brigade")
    assert not acronym_of("X", "Xavier")
