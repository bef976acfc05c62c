"""Forms found in the eighth round of generalisation, each written with invented names."""

from __future__ import annotations

from tests.unit.test_extract import run

OUTLET_PAGE = (
    "By Lena Orvik | Kestrel Wire\n\n"
    "Farmers near Dovrenka said on Monday that three barns had burned. A fire officer told "
    "Kestrel Wire the blaze began after midnight. Halvard Strom, 61, said he lost his herd.\n\n"
    "© 2025 Kestrel Wire. All rights reserved.\n"
)


def test_the_outlet_named_in_its_own_byline_and_copyright_is_an_organisation(nlp) -> None:
    _, groups, kinds = run(nlp, OUTLET_PAGE)
    assert kinds["Kestrel Wire"] == "organization"  # "told Kestrel Wire" is the outlet
    assert kinds["Halvard Strom"] == "person"
    assert "Lena Orvik" not in kinds  # the byline names the reporter, not a party


DESK_PAGE = (
    "Author: Tamsin Quarry editorial desk\n\n"
    "Two guards were hurt, residents told Tamsin Quarry on Friday. Odile Brenn, 44, a "
    "teacher in the town, said the road had been closed since Thursday night.\n\n"
    "Author: Odile Brenn\n"
)


def test_a_desk_credit_names_the_outlet_but_an_author_line_names_a_person(nlp) -> None:
    _, _, kinds = run(nlp, DESK_PAGE)
    assert kinds["Tamsin Quarry"] == "organization"
    assert kinds["Odile Brenn"] == "person"
