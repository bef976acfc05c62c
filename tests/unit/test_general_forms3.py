"""Name forms found by the fifth held-out set's first reading (longer articles from new
naming traditions), each written here with invented names."""

from __future__ import annotations

from tests.unit.test_extract import run

RANKS = (
    "Pvt Somsak Inthara, 24, and Pvt Kamal Rosli, 25, were handed over to their families. "
    "Pvt Kamal was buried the same day."
)


def test_a_rank_goes_when_the_model_tagged_the_name_as_a_group(nlp) -> None:
    # the model tags "Pvt Somsak Inthara" ORG; read as a person, it loses its rank
    doc = nlp(RANKS)
    assert ("Pvt Somsak Inthara", "ORG") in [(e.text, e.label_) for e in doc.ents]
    _, _, kinds = run(nlp, RANKS)
    assert kinds.get("Somsak Inthara") == "person"
    assert kinds.get("Kamal Rosli") == "person"
    assert not any(k.startswith("Pvt") for k in kinds)
