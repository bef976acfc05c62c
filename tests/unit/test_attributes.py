"""Person attributes read from the parse, each with the span that says it."""

from __future__ import annotations

from casefile.extract import extract
from casefile.model import Document


def attrs(nlp, text: str) -> dict[str, set[tuple[str, str]]]:
    doc = Document(id="d", name="t.txt", path="t.txt", text=text, sha256="x")
    ex = extract(doc, nlp, "test")
    names = {}
    for m in ex.mentions:
        names.setdefault(m.local, m.text)
    out: dict[str, set[tuple[str, str]]] = {}
    for a in ex.attributes:
        assert text[a.start : a.end] == a.value
        out.setdefault(names[a.local], set()).add((a.type, a.value))
    return out


def test_age_role_and_nationality(nlp) -> None:
    got = attrs(
        nlp,
        "Police detained Rustam Nazarov, 34, a logistics specialist for the brigade. "
        "Karim Haddad, a citizen of Lebanon, and his sons were held. "
        "Dmitry Volkov, aged 51, fled.",
    )
    assert ("age", "34") in got["Rustam Nazarov"]
    assert ("role", "logistics specialist for the brigade") in got["Rustam Nazarov"]
    assert ("nationality", "Lebanon") in got["Karim Haddad"]
    assert ("relative", "his sons") in got["Karim Haddad"]
    assert ("age", "51") in got["Dmitry Volkov"]


def test_title_before_the_name_is_a_role(nlp) -> None:
    got = attrs(nlp, "Syrian President Bashar al-Assad met Ambassador Lena Fischer in Rome.")
    assert ("role", "Syrian President") in got["Bashar al-Assad"]
    assert ("role", "Ambassador") in got["Lena Fischer"]


def test_conflicting_ages_across_sources_are_marked(tmp_path) -> None:
    from casefile import store
    from casefile.build import build

    (tmp_path / "a.txt").write_text(
        "Prosecutors charged Rustam Nazarov, 34, on Monday, May 6, 2024."
    )
    (tmp_path / "b.txt").write_text("Rustam Nazarow, 35, was charged on May 6, 2024, in Odessa.")
    build([tmp_path], tmp_path / "c.db")
    person = next(e for e in store.load(tmp_path / "c.db")["entities"] if e["kind"] == "person")
    ages = {a["value"]: a for a in person["attributes"] if a["type"] == "age"}
    assert set(ages) == {"34", "35"}
    assert ages["34"]["conflicts"] == ["35"]
